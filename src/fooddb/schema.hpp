#pragma once
// Internal: the layout of the food database, schema version 1
// (docs/fooddb.md describes it for people). The importer creates the
// tables, loads them, then builds the indexes and the full-text index.
namespace mgcramp::fooddb::detail {

inline constexpr const char* kCreateTables = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE food (
  fdc_id INTEGER PRIMARY KEY,
  data_type TEXT NOT NULL,
  description TEXT NOT NULL,
  ndb_number INTEGER,
  category TEXT,
  food_group TEXT NOT NULL,
  brand_owner TEXT,
  per_unit TEXT NOT NULL,
  mg_per_100 REAL,
  kcal_per_100 REAL,
  energy_from TEXT,
  mg_per_100kcal REAL,
  serving TEXT,
  serving_amount REAL,
  serving_from TEXT,
  mg_per_serving REAL,
  kcal_per_serving REAL,
  publication_date TEXT
);
CREATE TABLE portion (
  fdc_id INTEGER NOT NULL,
  seq_num INTEGER,
  description TEXT NOT NULL,
  gram_weight REAL
);
)sql";

// After the rows are in: one index per ranking basis (and per data type
// and basis, for --data-type), the NDB numbers curated foods are matched
// by, the portions by food, and the full-text index over descriptions and
// brands (FTS5, kept in step with `food` as its external content).
inline constexpr const char* kCreateIndexes = R"sql(
CREATE INDEX food_by_mg_serving ON food (mg_per_serving DESC) WHERE mg_per_serving IS NOT NULL;
CREATE INDEX food_by_mg_100 ON food (mg_per_100 DESC) WHERE mg_per_100 IS NOT NULL;
CREATE INDEX food_by_mg_100kcal ON food (mg_per_100kcal DESC) WHERE mg_per_100kcal IS NOT NULL;
CREATE INDEX food_type_by_mg_serving ON food (data_type, mg_per_serving DESC)
  WHERE mg_per_serving IS NOT NULL;
CREATE INDEX food_type_by_mg_100 ON food (data_type, mg_per_100 DESC) WHERE mg_per_100 IS NOT NULL;
CREATE INDEX food_type_by_mg_100kcal ON food (data_type, mg_per_100kcal DESC)
  WHERE mg_per_100kcal IS NOT NULL;
CREATE INDEX food_low_energy ON food (data_type, food_group)
  WHERE mg_per_100 IS NOT NULL AND kcal_per_100 < 5;
CREATE INDEX food_by_ndb ON food (ndb_number) WHERE ndb_number IS NOT NULL;
CREATE INDEX portion_by_food ON portion (fdc_id, seq_num);
CREATE VIRTUAL TABLE food_fts USING fts5(description, brand_owner, content='food',
  content_rowid='fdc_id', tokenize='unicode61 remove_diacritics 2');
INSERT INTO food_fts (food_fts) VALUES ('rebuild');
)sql";

}  // namespace mgcramp::fooddb::detail
