#pragma once
// The local food database that `mgcramp import fdc` writes from a USDA
// FoodData Central download (SQLite, documented in docs/fooddb.md), and the
// queries `foods`, `intake`, `search`, `show` and `assess` ask of it.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mgcramp/model/enums.hpp"
#include "mgcramp/query/foods.hpp"

namespace mgcramp::fooddb {

// The version of the database's layout; a database of another version is
// refused (re-import it). Stored as SQLite's user_version and in `meta`.
inline constexpr int kSchemaVersion = 1;
// SQLite's application_id of the file: "mgFD".
inline constexpr int kApplicationId = 0x6d674644;

// The FoodData Central data types imported; the others (sub_sample_food,
// market_acquisition, agricultural_acquisition, ...) are skipped.
enum class DataType : std::uint8_t { sr_legacy, foundation, survey, branded };

}  // namespace mgcramp::fooddb

namespace mgcramp {
MGCRAMP_ENUM_NAMES(fooddb::DataType, "data type", fooddb::DataType::branded, "sr-legacy",
                   "foundation", "survey", "branded");
}  // namespace mgcramp

namespace mgcramp::fooddb {

// USDA's own name of a data type: "SR Legacy", "Foundation", "Survey
// (FNDDS)", "Branded".
std::string_view usda_name(DataType t);

// A data type by the name food.csv gives it ("sr_legacy_food", or the API's
// "SR Legacy"), any case; nullopt for the types not imported.
std::optional<DataType> data_type_from_fdc(std::string_view name);

// mgcramp's food category (nuts-seeds, legumes, ...) of a USDA category
// ("Legumes and Legume Products", "Popcorn, Peanuts, Seeds & Related
// Snacks"), by the words in it; `other` when none fits.
FoodCategory category_group(std::string_view usda_category);

// What the database says about itself (its `meta` table).
struct Info {
  std::string path;
  std::string release;       // "2024-10-31", or "unknown"
  std::string release_from;  // "folder name", "publication_date" or "unknown"
  std::string imported_at;   // UTC, "2026-01-02T03:04:05Z"
  std::string source;        // the folder imported
  std::string program_version;
  long long foods = 0;
};

// One food of the database: per 100 g (per 100 ml for a branded food whose
// label serving is in ml), with its serving (the first household portion
// with a gram weight, or a branded food's label serving).
struct DbFood {
  long long fdc_id = 0;
  DataType data_type = DataType::sr_legacy;
  std::string description;
  std::optional<long long> ndb_number;
  std::optional<std::string> category;  // USDA's
  FoodCategory group = FoodCategory::other;
  std::optional<std::string> brand_owner;
  bool per_ml = false;
  std::optional<double> mg_per_100;
  std::optional<double> kcal_per_100;
  std::optional<std::string> energy_from;   // "energy", "atwater-specific", "atwater-general"
  std::optional<double> mg_per_100kcal;     // null under kMinKcalPer100
  std::optional<std::string> serving;       // "1 cup, chopped", a label's "2 TBSP"
  std::optional<double> serving_amount;     // g (ml when per_ml)
  std::optional<std::string> serving_from;  // "portion" or "label"
  std::optional<double> mg_per_serving;
  std::optional<double> kcal_per_serving;
  std::optional<std::string> publication_date;
};

// A household portion of a food, in USDA's order.
struct Portion {
  std::optional<long long> seq_num;
  std::string description;
  std::optional<double> gram_weight;
};

// Which foods a ranking looks at.
struct DbFilter {
  std::optional<DataType> data_type;
  std::optional<FoodCategory> group;
  std::optional<std::string> category;  // a part of USDA's category, any case
  std::optional<std::string> search;    // words, all of them (full-text, as prefixes)
  // SR Legacy foods left out: those that curated foods stand for.
  std::vector<long long> exclude_sr_ndb;
};

class Store {
 public:
  // Opens the database read-only. DataError when the file is missing, is
  // not an mgcramp food database, or has another schema version.
  explicit Store(const std::string& path);
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  const Info& info() const;

  // The foods with the most magnesium on `basis`, at most `limit`.
  std::vector<DbFood> rank(Basis basis, const DbFilter& f, std::size_t limit);
  // How many foods the filter lets through that have magnesium but less
  // than kMinKcalPer100, so no per-100 kcal figure.
  long long count_low_energy(const DbFilter& f);
  std::optional<DbFood> find(long long fdc_id);
  // SR Legacy foods by NDB number.
  std::vector<DbFood> find_sr_ndb(const std::vector<long long>& ndbs);
  // Foods whose description or brand has all the words, best match first.
  std::vector<DbFood> search(std::string_view text, std::size_t limit);
  std::vector<Portion> portions(long long fdc_id);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The FTS5 query for what a person typed: each word a quoted prefix, all of
// them required. Empty when `text` has no word.
std::string fts_query(std::string_view text);

}  // namespace mgcramp::fooddb
