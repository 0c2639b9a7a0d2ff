#include "mgcramp/fooddb/store.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <string>

#include <fmt/format.h>

#include "mgcramp/error.hpp"
#include "mgcramp/text.hpp"
#include "sqlite.hpp"

namespace mgcramp::fooddb {

namespace {

using detail::api;
using detail::Db;
using detail::Stmt;

constexpr const char* kImportHint = "import one: mgcramp import fdc DIR";

constexpr const char* kColumns =
    "fdc_id, data_type, description, ndb_number, category, food_group, brand_owner, per_unit, "
    "mg_per_100, kcal_per_100, energy_from, mg_per_100kcal, serving, serving_amount, "
    "serving_from, mg_per_serving, kcal_per_serving, publication_date";

DbFood read_food(const Stmt& s) {
  DbFood f;
  f.fdc_id = s.int64(0);
  f.data_type = enum_from<DataType>(s.text(1)).value_or(DataType::sr_legacy);
  f.description = s.text(2);
  f.ndb_number = s.opt_int64(3);
  f.category = s.opt_text(4);
  f.group = enum_from<FoodCategory>(s.text(5)).value_or(FoodCategory::other);
  f.brand_owner = s.opt_text(6);
  f.per_ml = s.text(7) == "ml";
  f.mg_per_100 = s.opt_real(8);
  f.kcal_per_100 = s.opt_real(9);
  f.energy_from = s.opt_text(10);
  f.mg_per_100kcal = s.opt_real(11);
  f.serving = s.opt_text(12);
  f.serving_amount = s.opt_real(13);
  f.serving_from = s.opt_text(14);
  f.mg_per_serving = s.opt_real(15);
  f.kcal_per_serving = s.opt_real(16);
  f.publication_date = s.opt_text(17);
  return f;
}

const char* basis_column(Basis b) {
  switch (b) {
    case Basis::serving: return "mg_per_serving";
    case Basis::per_100g: return "mg_per_100";
    case Basis::per_100kcal: return "mg_per_100kcal";
  }
  return "mg_per_100";
}

// The index a ranking on `b` walks (after data_type, for --data-type).
std::string basis_index(Basis b, bool typed) {
  const char* what = b == Basis::serving    ? "mg_serving"
                     : b == Basis::per_100g ? "mg_100"
                                            : "mg_100kcal";
  return fmt::format("food_{}by_{}", typed ? "type_" : "", what);
}

// The WHERE terms of a filter after the first, and a binder for them.
struct Where {
  std::string sql;
  std::string like;
  std::string fts;
};

Where where_of(const DbFilter& f) {
  Where w;
  if (f.data_type) w.sql += fmt::format(" AND data_type = '{}'", name_of(*f.data_type));
  if (f.group) w.sql += fmt::format(" AND food_group = '{}'", name_of(*f.group));
  if (f.category) {
    w.sql += " AND category LIKE ?1 ESCAPE '\\'";
    w.like = "%";
    for (const char c : *f.category) {
      if (c == '%' || c == '_' || c == '\\') w.like += '\\';
      w.like += c;
    }
    w.like += '%';
  }
  if (f.search) {
    w.fts = fts_query(*f.search);
    w.sql += " AND fdc_id IN (SELECT rowid FROM food_fts WHERE food_fts MATCH ?2)";
  }
  if (!f.exclude_sr_ndb.empty()) {
    w.sql += " AND NOT (data_type = 'sr-legacy' AND ndb_number IS NOT NULL AND ndb_number IN (";
    for (std::size_t i = 0; i < f.exclude_sr_ndb.size(); ++i) {
      w.sql += fmt::format("{}{}", i == 0 ? "" : ",", f.exclude_sr_ndb[i]);
    }
    w.sql += "))";
  }
  return w;
}

void bind_where(Stmt& s, const Where& w) {
  if (!w.like.empty()) s.bind(1, w.like);
  if (!w.fts.empty()) s.bind(2, w.fts);
}

bool has_word(const std::vector<std::string>& words, std::initializer_list<const char*> any) {
  for (const auto& w : words) {
    for (const char* a : any) {
      if (w == a) return true;
    }
  }
  return false;
}

}  // namespace

std::string_view usda_name(DataType t) {
  switch (t) {
    case DataType::sr_legacy: return "SR Legacy";
    case DataType::foundation: return "Foundation";
    case DataType::survey: return "Survey (FNDDS)";
    case DataType::branded: return "Branded";
  }
  return "";
}

std::optional<DataType> data_type_from_fdc(std::string_view name) {
  const std::string n = text::to_lower(name);
  if (n == "sr_legacy_food" || n == "sr legacy") return DataType::sr_legacy;
  if (n == "foundation_food" || n == "foundation") return DataType::foundation;
  if (n == "survey_fndds_food" || n == "survey (fndds)") return DataType::survey;
  if (n == "branded_food" || n == "branded") return DataType::branded;
  return std::nullopt;
}

FoodCategory category_group(std::string_view usda_category) {
  std::vector<std::string> words;
  std::string w;
  for (const char c : usda_category) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!w.empty()) {
      words.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) words.push_back(std::move(w));
  // In this order: "Nut and Seed Products" before anything else with a
  // word of another group, "Legumes and Legume Products", and so on.
  if (has_word(words, {"nut", "nuts", "seed", "seeds", "peanut", "peanuts"})) {
    return FoodCategory::nuts_seeds;
  }
  if (has_word(words, {"legume", "legumes", "bean", "beans", "lentils", "tofu"})) {
    return FoodCategory::legumes;
  }
  if (has_word(words, {"vegetable", "vegetables"})) return FoodCategory::vegetables;
  if (has_word(words, {"fruit", "fruits"})) return FoodCategory::fruit;
  if (has_word(words, {"fish", "finfish", "shellfish", "seafood"})) return FoodCategory::fish;
  if (has_word(words, {"beef", "pork", "poultry", "chicken", "turkey", "lamb", "veal", "game",
                       "sausage", "sausages", "meat", "meats"})) {
    return FoodCategory::meat_poultry;
  }
  if (has_word(words, {"dairy", "milk", "cheese", "yogurt", "egg", "eggs", "soy"})) {
    return FoodCategory::dairy_soy;
  }
  if (has_word(words, {"cereal", "cereals", "grain", "grains", "pasta", "bread", "breads", "rice",
                       "baked", "crackers", "tortillas"})) {
    return FoodCategory::grains;
  }
  return FoodCategory::other;
}

std::string fts_query(std::string_view text) {
  std::string out;
  std::string word;
  std::size_t words = 0;
  auto flush = [&] {
    if (word.empty() || words == 16) {
      word.clear();
      return;
    }
    if (!out.empty()) out += ' ';
    out += '"' + word + "\"*";
    ++words;
    word.clear();
  };
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      word += c;
    } else {
      flush();
    }
  }
  flush();
  return out;
}

struct Store::Impl {
  Db db;
  Info info;
};

Store::Store(const std::string& path) : impl_(std::make_unique<Impl>()) {
  const std::string shown = text::sanitize(path);
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    throw DataError(fmt::format("no food database at {}", shown), kImportHint);
  }
  if (!S_ISREG(st.st_mode)) {
    throw DataError(fmt::format("{} is not a food database (not a file)", shown), kImportHint);
  }
  impl_->db = Db(path, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, shown);
  Db& db = impl_->db;
  auto pragma = [&](const char* sql) -> long long {
    sqlite3_stmt* st_raw = nullptr;
    long long v = 0;
    int rc = api().prepare_v2(db.get(), sql, -1, &st_raw, nullptr);
    if (rc == SQLITE_OK) {
      rc = api().step(st_raw);
      if (rc == SQLITE_ROW) {
        v = api().column_int64(st_raw, 0);
        rc = SQLITE_OK;
      }
    }
    api().finalize(st_raw);
    if (rc != SQLITE_OK) {
      throw DataError(fmt::format("{} is not a food database ({})", shown, api().errmsg(db.get())),
                      kImportHint);
    }
    return v;
  };
  if (pragma("PRAGMA application_id") != kApplicationId) {
    throw DataError(fmt::format("{} is not an mgcramp food database", shown), kImportHint);
  }
  const long long version = pragma("PRAGMA user_version");
  if (version != kSchemaVersion) {
    throw DataError(fmt::format("{} is a food database of schema version {}; this mgcramp reads "
                                "version {}",
                                shown, version, kSchemaVersion),
                    "import it again with this mgcramp: mgcramp import fdc DIR");
  }
  Stmt meta(db, "SELECT key, value FROM meta");
  Info& in = impl_->info;
  in.path = path;
  while (meta.step()) {
    const std::string k = meta.text(0);
    std::string v = meta.text(1);
    if (k == "release") in.release = std::move(v);
    if (k == "release_from") in.release_from = std::move(v);
    if (k == "imported_at") in.imported_at = std::move(v);
    if (k == "source") in.source = std::move(v);
    if (k == "program_version") in.program_version = std::move(v);
    if (k == "foods") in.foods = std::stoll(v.empty() ? "0" : v);
  }
}

Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

const Info& Store::info() const {
  return impl_->info;
}

std::vector<DbFood> Store::rank(Basis basis, const DbFilter& f, std::size_t limit) {
  const Where w = where_of(f);
  if (f.search && w.fts.empty()) return {};
  const char* col = basis_column(basis);
  // Words that many foods have: their foods' ids (FTS5 gives them in
  // order) are read into memory, and the ranking's index is walked in
  // order until enough of them turn up, which is soon; rarer words: their
  // foods, sorted. (SQLite, not knowing how many foods match, always takes
  // the second way, which costs 100 ms for a word in 100,000 foods.)
  if (!w.fts.empty()) {
    Stmt n(impl_->db,
           "SELECT count(*) FROM (SELECT rowid FROM food_fts WHERE food_fts MATCH ?1 LIMIT 5000)");
    n.bind(1, w.fts);
    n.step();
    if (n.int64(0) >= 5000) {
      std::vector<long long> ids;
      Stmt m(impl_->db, "SELECT rowid FROM food_fts WHERE food_fts MATCH ?1 ORDER BY rowid");
      m.bind(1, w.fts);
      while (m.step()) ids.push_back(m.int64(0));
      DbFilter rest = f;
      rest.search.reset();
      const Where rw = where_of(rest);
      const std::string walk = fmt::format(
          "SELECT fdc_id FROM food INDEXED BY {} WHERE {} IS NOT NULL{} ORDER BY {} DESC, fdc_id",
          basis_index(basis, f.data_type.has_value()), col, rw.sql, col);
      Stmt s(impl_->db, walk.c_str());
      bind_where(s, rw);
      std::vector<DbFood> out;
      while (out.size() < limit && s.step()) {
        const long long id = s.int64(0);
        if (!std::binary_search(ids.begin(), ids.end(), id)) continue;
        if (auto food = find(id)) out.push_back(std::move(*food));
      }
      return out;
    }
  }
  const std::string sql =
      fmt::format("SELECT {} FROM food WHERE {} IS NOT NULL{} ORDER BY {} DESC, fdc_id LIMIT {}",
                  kColumns, col, w.sql, col, limit);
  Stmt s(impl_->db, sql.c_str());
  bind_where(s, w);
  std::vector<DbFood> out;
  while (s.step()) out.push_back(read_food(s));
  return out;
}

long long Store::count_low_energy(const DbFilter& f) {
  DbFilter rest = f;
  rest.search.reset();
  const Where w = where_of(rest);
  const std::string sql = fmt::format(
      "SELECT fdc_id FROM food INDEXED BY food_low_energy WHERE mg_per_100 IS NOT NULL AND "
      "kcal_per_100 < 5{}",
      w.sql);
  Stmt s(impl_->db, sql.c_str());
  bind_where(s, w);
  // With words, the foods that have them (in order of id) are looked up
  // among these few, rather than these among them.
  std::vector<long long> ids;
  if (f.search) {
    const std::string q = fts_query(*f.search);
    if (q.empty()) return 0;
    Stmt m(impl_->db, "SELECT rowid FROM food_fts WHERE food_fts MATCH ?1 ORDER BY rowid");
    m.bind(1, q);
    while (m.step()) ids.push_back(m.int64(0));
  }
  long long n = 0;
  while (s.step()) {
    if (!f.search || std::binary_search(ids.begin(), ids.end(), s.int64(0))) ++n;
  }
  return n;
}

std::optional<DbFood> Store::find(long long fdc_id) {
  const std::string sql = fmt::format("SELECT {} FROM food WHERE fdc_id = ?", kColumns);
  Stmt s(impl_->db, sql.c_str());
  s.bind(1, fdc_id);
  if (!s.step()) return std::nullopt;
  return read_food(s);
}

std::vector<DbFood> Store::find_sr_ndb(const std::vector<long long>& ndbs) {
  std::vector<DbFood> out;
  if (ndbs.empty()) return out;
  std::string list;
  for (const long long n : ndbs) list += fmt::format("{}{}", list.empty() ? "" : ",", n);
  const std::string sql = fmt::format(
      "SELECT {} FROM food WHERE ndb_number IN ({}) AND data_type = 'sr-legacy'", kColumns, list);
  Stmt s(impl_->db, sql.c_str());
  while (s.step()) out.push_back(read_food(s));
  return out;
}

std::vector<DbFood> Store::search(std::string_view text, std::size_t limit) {
  const std::string q = fts_query(text);
  if (q.empty()) return {};
  const std::string sql = fmt::format(
      "SELECT {} FROM (SELECT rowid AS id, rank AS r FROM food_fts WHERE food_fts MATCH ?1 "
      "ORDER BY rank LIMIT {}) AS m JOIN food ON food.fdc_id = m.id ORDER BY m.r",
      kColumns, limit);
  Stmt s(impl_->db, sql.c_str());
  s.bind(1, q);
  std::vector<DbFood> out;
  while (s.step()) out.push_back(read_food(s));
  return out;
}

std::vector<Portion> Store::portions(long long fdc_id) {
  Stmt s(impl_->db,
         "SELECT seq_num, description, gram_weight FROM portion WHERE fdc_id = ? "
         "ORDER BY seq_num IS NULL, seq_num, rowid");
  s.bind(1, fdc_id);
  std::vector<Portion> out;
  while (s.step()) out.push_back({s.opt_int64(0), s.text(1), s.opt_real(2)});
  return out;
}

}  // namespace mgcramp::fooddb
