// `mgcramp import fdc DIR`: FoodData Central's CSV files into the food
// database. The order keeps memory bounded whatever the download's size:
//   nutrient.csv       which nutrient ids are magnesium and energy;
//   food_nutrient.csv  only those rows kept, a compact record per food
//                      (about 24 bytes each, 2 million foods: ~50 MB);
//   small tables       categories, measure units, NDB numbers, survey codes;
//   food_portion.csv   into the database, with each food's first portion
//                      that has a gram weight remembered (tens of thousands);
//   branded_food.csv   brand and label serving into a temporary table;
//   food.csv           one complete row per food, streamed into the database;
// then the indexes and the full-text index, the checks, and the rename.
#include "mgcramp/fooddb/import.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <deque>
#include <numeric>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "mgcramp/fooddb/csv.hpp"
#include "mgcramp/text.hpp"
#include "schema.hpp"
#include "sqlite.hpp"

namespace mgcramp::fooddb {

namespace {

using detail::api;
using detail::Db;
using detail::Stmt;
using Clock = std::chrono::steady_clock;

constexpr const char* kDownloadHint =
    "give the folder that the FoodData Central CSV zip unpacks into "
    "(https://fdc.nal.usda.gov/download-datasets/)";
constexpr std::size_t kBadExamples = 5;

std::string_view trim_ascii(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::optional<long long> parse_int(std::string_view s) {
  s = trim_ascii(s);
  long long v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || s.empty()) {
    // "123.0" names the same id.
    const auto dot = s.find('.');
    if (dot != std::string_view::npos && dot > 0 &&
        s.find_first_not_of('0', dot + 1) == std::string_view::npos) {
      return parse_int(s.substr(0, dot));
    }
    return std::nullopt;
  }
  return v;
}

std::optional<double> parse_number(std::string_view s) {
  s = trim_ascii(s);
  double v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || s.empty() || !std::isfinite(v)) {
    return std::nullopt;
  }
  return v;
}

std::string shown(std::string_view v) {
  return text::sanitize(text::shorten_words(v, 40));
}

bool file_exists(const std::string& path, std::uint64_t* size = nullptr) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  if (size != nullptr) *size = static_cast<std::uint64_t>(st.st_size);
  return true;
}

std::string base_name(const std::string& path) {
  std::string p = path;
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  const auto slash = p.rfind('/');
  return slash == std::string::npos ? p : p.substr(slash + 1);
}

std::string dir_name(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

// "2024-10-31" (or "2018-04") in a folder name such as
// FoodData_Central_csv_2024-10-31.
std::string release_in_name(const std::string& name) {
  auto digits = [&](std::size_t at, std::size_t n) {
    if (at + n > name.size()) return false;
    for (std::size_t i = at; i < at + n; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(name[i]))) return false;
    }
    return true;
  };
  for (std::size_t i = 0; i + 7 <= name.size(); ++i) {
    if ((i > 0 && std::isdigit(static_cast<unsigned char>(name[i - 1]))) || !digits(i, 4) ||
        name[i + 4] != '-' || !digits(i + 5, 2)) {
      continue;
    }
    if (i + 10 <= name.size() && name[i + 7] == '-' && digits(i + 8, 2)) {
      return name.substr(i, 10);
    }
    return name.substr(i, 7);
  }
  return {};
}

bool is_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (const std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U}) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  ::gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Magnesium and energy of one food, from food_nutrient.csv. Energy is the
// best of what it has: Energy (208), else Atwater specific (958), else
// Atwater general (957), the two that Foundation foods carry.
struct Amounts {
  std::uint32_t fdc_id = 0;
  std::uint8_t has_mg = 0;
  std::uint8_t kcal_rank = 0;  // 0 none, 1 general, 2 specific, 3 energy
  double mg = 0;
  double kcal = 0;
};

const char* energy_name(std::uint8_t rank) {
  switch (rank) {
    case 3: return "energy";
    case 2: return "atwater-specific";
    case 1: return "atwater-general";
    default: return nullptr;
  }
}

struct FirstPortion {
  std::optional<long long> seq;
  std::string text;
  double grams = 0;
};

// The state of one import.
class Importer {
 public:
  explicit Importer(const ImportOptions& o) : o_(o), start_(Clock::now()) {}

  ImportResult run();

 private:
  std::string path(const char* file) const { return o_.dir + "/" + file; }
  FileRows& file_rows(const char* file) {
    res_.files.push_back({file, true, 0});
    return res_.files.back();
  }
  void tick(std::string_view file, std::uint64_t in_file) {
    if (!o_.progress) return;
    ImportProgress p;
    p.file = file;
    p.done = done_bytes_ + in_file;
    p.total = total_bytes_;
    p.rows = rows_;
    p.seconds = std::chrono::duration<double>(Clock::now() - start_).count();
    o_.progress(p);
  }
  void bad(const BadRow& e) {
    if (!o_.skip_bad_rows) throw;
    ++res_.bad_rows;
    if (res_.bad_examples.size() < kBadExamples) res_.bad_examples.emplace_back(e.what());
  }
  // Each row of `t` to `row`, bad rows skipped or thrown.
  template <class F>
  void rows(CsvTable& t, FileRows& fr, F&& row) {
    for (;;) {
      try {
        if (!t.next()) break;
        ++fr.rows;
        row();
      } catch (const BadRow& e) {
        bad(e);
      }
      if ((++rows_ & 4095) == 0) tick(t.reader().name(), t.reader().bytes_read());
    }
    done_bytes_ += t.reader().total_bytes();
  }
  CsvTable open(const char* file, std::initializer_list<const char*> required);
  void read_nutrients();
  void read_food_nutrients();
  void merge_amounts();
  const Amounts* amounts_of(long long fdc_id) const;
  void read_small_tables();
  void read_portions();
  void read_branded();
  void read_foods();
  void finish();

  const ImportOptions& o_;
  Clock::time_point start_;
  ImportResult res_;
  std::uint64_t total_bytes_ = 0, done_bytes_ = 0, rows_ = 0;

  long long mg_id_ = -1;
  long long energy_ids_[4] = {-1, -1, -1, -1};  // by rank
  std::deque<Amounts> amounts_;

  std::unordered_map<long long, std::string> categories_, wweia_, units_;
  std::unordered_map<long long, long long> ndb_, survey_code_;
  std::unordered_map<long long, FirstPortion> first_portion_;
  std::string max_publication_;
  std::unordered_map<std::string, FoodCategory> groups_;  // category_group, remembered

  FoodCategory group_of(const std::string& category) {
    const auto it = groups_.find(category);
    if (it != groups_.end()) return it->second;
    const FoodCategory g = category_group(category);
    if (groups_.size() < 100000) groups_.emplace(category, g);
    return g;
  }

  std::string tmp_path_;
  Db db_;
};

CsvTable Importer::open(const char* file, std::initializer_list<const char*> required) {
  CsvTable t(CsvReader::open_file(path(file), file));
  std::size_t found = 0;
  for (const char* c : required) found += t.column(c) != CsvTable::npos ? 1U : 0U;
  if (found == 0 && required.size() > 0) {
    std::vector<std::string> cols;
    for (const auto& h : t.header()) {
      if (cols.size() == 6) {
        cols.emplace_back("...");
        break;
      }
      cols.push_back(shown(h));
    }
    std::vector<std::string> want(required.begin(), required.end());
    throw DataError(fmt::format("{} does not have FoodData Central's header: its first line reads "
                                "'{}'",
                                file, fmt::join(cols, ",")),
                    fmt::format("the file should have the columns {}; {}", text::join_comma(want),
                                kDownloadHint));
  }
  for (const char* c : required) t.require(c);
  return t;
}

void Importer::read_nutrients() {
  CsvTable t = open("nutrient.csv", {"id", "nutrient_nbr", "unit_name"});
  const std::size_t id = t.require("id"), nbr = t.require("nutrient_nbr"),
                    unit = t.require("unit_name");
  FileRows& fr = file_rows("nutrient.csv");
  rows(t, fr, [&] {
    const std::string_view number = trim_ascii(t[nbr]);
    int rank = -1;
    if (number == "304" || number == "304.0") {
      rank = 0;
    } else if (number == "208" || number == "208.0") {
      rank = 3;
    } else if (number == "958" || number == "958.0") {
      rank = 2;
    } else if (number == "957" || number == "957.0") {
      rank = 1;
    }
    if (rank < 0) return;
    const auto v = parse_int(t[id]);
    if (!v) t.bad(id, fmt::format("expected a nutrient id, got '{}'", shown(t[id])));
    const std::string u = text::to_lower(trim_ascii(t[unit]));
    if (rank == 0) {
      if (u != "mg") {
        t.bad(unit, fmt::format("magnesium (nutrient number 304) is in '{}', not MG", shown(u)));
      }
      mg_id_ = *v;
    } else {
      if (u != "kcal") return;  // energy in kJ has other numbers, but be sure
      energy_ids_[rank] = *v;
    }
  });
  if (mg_id_ < 0) {
    throw DataError("nutrient.csv lists no magnesium (nutrient number 304)",
                    "is it the nutrient.csv of a FoodData Central download?");
  }
}

void Importer::read_food_nutrients() {
  CsvTable t = open("food_nutrient.csv", {"fdc_id", "nutrient_id", "amount"});
  const std::size_t fdc = t.require("fdc_id"), nut = t.require("nutrient_id"),
                    amount = t.require("amount");
  FileRows& fr = file_rows("food_nutrient.csv");
  rows(t, fr, [&] {
    const auto n = parse_int(t[nut]);
    if (!n) t.bad(nut, fmt::format("expected a nutrient id, got '{}'", shown(t[nut])));
    std::uint8_t rank = 0;
    if (*n == mg_id_) {
      rank = 4;  // magnesium
    } else {
      for (std::uint8_t r = 1; r <= 3; ++r) {
        if (*n == energy_ids_[r]) rank = r;
      }
      if (rank == 0) return;
    }
    const std::string_view a = trim_ascii(t[amount]);
    if (a.empty()) return;  // no value: as if the row were not there
    const auto id = parse_int(t[fdc]);
    if (!id || *id <= 0 || *id > 0xffffffffLL) {
      t.bad(fdc, fmt::format("expected a food id, got '{}'", shown(t[fdc])));
    }
    const auto v = parse_number(a);
    if (!v || *v < 0) t.bad(amount, fmt::format("expected an amount, got '{}'", shown(a)));
    const auto fdc_id = static_cast<std::uint32_t>(*id);
    if (amounts_.empty() || amounts_.back().fdc_id != fdc_id) amounts_.push_back({fdc_id});
    Amounts& e = amounts_.back();
    if (rank == 4) {
      if (e.has_mg && e.mg != *v) {
        t.bad(amount, fmt::format("a second magnesium amount for fdc_id {} ({:g} and {:g})", fdc_id,
                                  e.mg, *v));
      }
      e.has_mg = 1;
      e.mg = *v;
    } else if (rank > e.kcal_rank) {
      e.kcal_rank = rank;
      e.kcal = *v;
    } else if (rank == e.kcal_rank && e.kcal != *v) {
      t.bad(amount, fmt::format("a second energy amount for fdc_id {} ({:g} and {:g})", fdc_id,
                                e.kcal, *v));
    }
  });
  merge_amounts();
}

// One record per food: the file lists a food's nutrients together, but
// nothing promises it, so records of one food apart in the file are merged.
void Importer::merge_amounts() {
  auto by_id = [](const Amounts& a, const Amounts& b) { return a.fdc_id < b.fdc_id; };
  if (!std::is_sorted(amounts_.begin(), amounts_.end(), by_id)) {
    std::stable_sort(amounts_.begin(), amounts_.end(), by_id);
  }
  std::size_t w = 0;
  for (std::size_t r = 0; r < amounts_.size(); ++r) {
    if (w > 0 && amounts_[w - 1].fdc_id == amounts_[r].fdc_id) {
      Amounts& into = amounts_[w - 1];
      const Amounts& from = amounts_[r];
      try {
        if (from.has_mg) {
          if (into.has_mg && into.mg != from.mg) {
            throw BadRow(fmt::format("food_nutrient.csv: two magnesium amounts for fdc_id {} "
                                     "({:g} and {:g})",
                                     from.fdc_id, into.mg, from.mg),
                         "a food has one amount of each nutrient; the first is kept with "
                         "--skip-bad-rows");
          }
          into.has_mg = 1;
          into.mg = from.mg;
        }
        if (from.kcal_rank > into.kcal_rank) {
          into.kcal_rank = from.kcal_rank;
          into.kcal = from.kcal;
        } else if (from.kcal_rank == into.kcal_rank && from.kcal_rank > 0 &&
                   into.kcal != from.kcal) {
          throw BadRow(fmt::format("food_nutrient.csv: two energy amounts for fdc_id {} "
                                   "({:g} and {:g})",
                                   from.fdc_id, into.kcal, from.kcal),
                       "a food has one amount of each nutrient; the first is kept with "
                       "--skip-bad-rows");
        }
      } catch (const BadRow& e) {
        bad(e);
      }
      continue;
    }
    amounts_[w++] = amounts_[r];
  }
  amounts_.resize(w);
  amounts_.shrink_to_fit();
}

const Amounts* Importer::amounts_of(long long fdc_id) const {
  if (fdc_id <= 0 || fdc_id > 0xffffffffLL) return nullptr;
  const auto id = static_cast<std::uint32_t>(fdc_id);
  const auto it = std::lower_bound(amounts_.begin(), amounts_.end(), id,
                                   [](const Amounts& a, std::uint32_t v) { return a.fdc_id < v; });
  return it != amounts_.end() && it->fdc_id == id ? &*it : nullptr;
}

void Importer::read_small_tables() {
  // id -> text tables, each optional.
  auto names = [&](const char* file, std::initializer_list<std::string_view> id_cols,
                   std::initializer_list<std::string_view> text_cols, auto& into) {
    if (!file_exists(path(file))) {
      res_.files.push_back({file, false, 0});
      return;
    }
    CsvTable t = open(file, {});
    const std::size_t id = t.column_any(id_cols), txt = t.column_any(text_cols);
    if (id == CsvTable::npos || txt == CsvTable::npos) {
      t.require(*(id == CsvTable::npos ? id_cols.begin() : text_cols.begin()));
    }
    FileRows& fr = file_rows(file);
    rows(t, fr, [&] {
      const auto v = parse_int(t[id]);
      if (!v) t.bad(id, fmt::format("expected an id, got '{}'", shown(t[id])));
      const std::string_view s = trim_ascii(t[txt]);
      if constexpr (std::is_same_v<std::decay_t<decltype(into)>,
                                   std::unordered_map<long long, std::string>>) {
        into[*v] = std::string(s);
      } else {
        if (s.empty()) return;
        const auto n = parse_int(s);
        if (!n) t.bad(txt, fmt::format("expected a number, got '{}'", shown(s)));
        into[*v] = *n;
      }
    });
  };
  names("food_category.csv", {"id"}, {"description"}, categories_);
  names("wweia_food_category.csv", {"wweia_food_category", "wweia_food_category_code"},
        {"wweia_food_category_description", "description"}, wweia_);
  names("measure_unit.csv", {"id"}, {"name"}, units_);
  names("sr_legacy_food.csv", {"fdc_id"}, {"NDB_number"}, ndb_);
  names("foundation_food.csv", {"fdc_id"}, {"NDB_number"}, ndb_);
  names("survey_fndds_food.csv", {"fdc_id"}, {"wweia_category_code"}, survey_code_);
}

void Importer::read_portions() {
  if (!file_exists(path("food_portion.csv"))) {
    res_.files.push_back({"food_portion.csv", false, 0});
    return;
  }
  CsvTable t = open("food_portion.csv", {"fdc_id", "gram_weight"});
  const std::size_t fdc = t.require("fdc_id"), grams = t.require("gram_weight"),
                    seq = t.column("seq_num"), amount = t.column("amount"),
                    unit = t.column("measure_unit_id"), pd = t.column("portion_description"),
                    modifier = t.column("modifier");
  auto get = [&](std::size_t c) {
    return c == CsvTable::npos ? std::string_view() : trim_ascii(t[c]);
  };
  Stmt insert(db_,
              "INSERT INTO portion (fdc_id, seq_num, description, gram_weight) "
              "VALUES (?, ?, ?, ?)");
  FileRows& fr = file_rows("food_portion.csv");
  rows(t, fr, [&] {
    const auto id = parse_int(t[fdc]);
    if (!id) t.bad(fdc, fmt::format("expected a food id, got '{}'", shown(t[fdc])));
    std::optional<long long> seq_num;
    if (!get(seq).empty()) {
      seq_num = parse_int(get(seq));
      if (!seq_num) t.bad(seq, fmt::format("expected a whole number, got '{}'", shown(get(seq))));
    }
    std::optional<double> g;
    if (!get(grams).empty()) {
      g = parse_number(get(grams));
      if (!g || *g < 0) t.bad(grams, fmt::format("expected grams, got '{}'", shown(get(grams))));
    }
    // SR Legacy: "1" + modifier "cup, chopped" (unit undetermined);
    // Foundation: "1" + unit "cup" + modifier; FNDDS: the description
    // ("1 cup"), its modifier being a portion code.
    std::string unit_name;
    if (const auto u = parse_int(get(unit))) {
      if (const auto it = units_.find(*u); it != units_.end()) unit_name = it->second;
    }
    if (text::to_lower(unit_name) == "undetermined") unit_name.clear();
    const std::string_view mod = get(modifier);
    const bool code = !mod.empty() && mod.find_first_not_of("0123456789") == std::string::npos;
    std::string desc;
    if (unit_name.empty() && !get(pd).empty()) {
      desc = std::string(get(pd));
    } else {
      if (const auto a = parse_number(get(amount))) desc = fmt::format("{:g}", *a);
      for (const std::string_view part : {std::string_view(unit_name), code ? "" : mod}) {
        if (part.empty()) continue;
        if (!desc.empty()) desc += ' ';
        desc += part;
      }
      if (desc.empty()) desc = std::string(get(pd));
    }
    if (desc.empty()) desc = "1 portion";
    insert.bind(1, *id);
    insert.bind(2, seq_num);
    insert.bind(3, desc);
    insert.bind(4, g);
    insert.step();
    insert.reset();
    if (!g || *g <= 0) return;  // no weight: not a serving magnesium can be given for
    auto [it, fresh] = first_portion_.try_emplace(*id);
    FirstPortion& fp = it->second;
    const bool earlier = fresh || (seq_num && (!fp.seq || *seq_num < *fp.seq));
    if (earlier) fp = {seq_num, desc, *g};
  });
}

void Importer::read_branded() {
  db_.exec(
      "CREATE TEMP TABLE branded (fdc_id INTEGER PRIMARY KEY, brand_owner TEXT, "
      "category TEXT, per_ml INTEGER NOT NULL, serving_size REAL, household TEXT)",
      "creating a table");
  if (!file_exists(path("branded_food.csv"))) {
    res_.files.push_back({"branded_food.csv", false, 0});
    return;
  }
  CsvTable t = open("branded_food.csv", {"fdc_id", "brand_owner", "serving_size"});
  const std::size_t fdc = t.require("fdc_id"), owner = t.column("brand_owner"),
                    size = t.column("serving_size"), unit = t.column("serving_size_unit"),
                    household = t.column("household_serving_fulltext"),
                    category = t.column("branded_food_category"), brand = t.column("brand_name");
  auto get = [&](std::size_t c) {
    return c == CsvTable::npos ? std::string_view() : trim_ascii(t[c]);
  };
  Stmt insert(db_, "INSERT INTO branded VALUES (?, ?, ?, ?, ?, ?)");
  FileRows& fr = file_rows("branded_food.csv");
  rows(t, fr, [&] {
    const auto id = parse_int(t[fdc]);
    if (!id) t.bad(fdc, fmt::format("expected a food id, got '{}'", shown(t[fdc])));
    // A plain number and a flag: GCC 12 warns (wrongly) of an optional here.
    double amount = 0;
    bool has_amount = false;
    if (!get(size).empty()) {
      const auto v = parse_number(get(size));
      if (!v || *v < 0) {
        t.bad(size, fmt::format("expected a serving size, got '{}'", shown(get(size))));
      }
      amount = *v;
      has_amount = amount > 0;
    }
    // Label servings are in grams or millilitres (g, GRM; ml, MLT).
    const std::string u = text::to_lower(get(unit));
    const bool ml = u == "ml" || u == "mlt" || u == "milliliter" || u == "millilitre";
    const bool g = u.empty() || u == "g" || u == "grm" || u == "gm" || u == "gram" || u == "grams";
    if (!ml && !g) has_amount = false;  // a serving in another unit gives no weight
    std::string_view who = get(owner);
    if (who.empty()) who = get(brand);
    auto opt = [](std::string_view v) {
      return v.empty() ? std::optional<std::string_view>() : std::optional<std::string_view>(v);
    };
    insert.bind(1, *id);
    insert.bind_static(2, opt(who));
    insert.bind_static(3, opt(get(category)));
    insert.bind(4, ml ? 1LL : 0LL);
    if (has_amount) {
      insert.bind(5, amount);
    } else {
      insert.bind(5, nullptr);
    }
    insert.bind_static(6, opt(get(household)));
    bool duplicate = false;
    insert.step(&duplicate);
    insert.reset();
    if (duplicate) t.bad(fdc, fmt::format("fdc_id {} is listed twice", *id));
  });
}

void Importer::read_foods() {
  CsvTable t = open("food.csv", {"fdc_id", "data_type", "description"});
  const std::size_t fdc = t.require("fdc_id"), type = t.require("data_type"),
                    desc = t.require("description"), cat = t.column("food_category_id"),
                    pub = t.column("publication_date");
  Stmt branded(db_,
               "SELECT brand_owner, category, per_ml, serving_size, household FROM temp.branded "
               "WHERE fdc_id = ?");
  Stmt insert(db_,
              "INSERT INTO food (fdc_id, data_type, description, ndb_number, category, "
              "food_group, brand_owner, per_unit, mg_per_100, kcal_per_100, energy_from, "
              "mg_per_100kcal, serving, serving_amount, serving_from, mg_per_serving, "
              "kcal_per_serving, publication_date) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  FileRows& fr = file_rows("food.csv");
  rows(t, fr, [&] {
    const auto dt = data_type_from_fdc(trim_ascii(t[type]));
    if (!dt) {
      if (trim_ascii(t[type]).empty()) t.bad(type, "no data type");
      ++res_.skipped_other_types;
      return;
    }
    const auto id = parse_int(t[fdc]);
    if (!id || *id <= 0) t.bad(fdc, fmt::format("expected a food id, got '{}'", shown(t[fdc])));
    const std::string_view description = trim_ascii(t[desc]);
    if (description.empty()) t.bad(desc, "an empty description");
    std::optional<std::string> category;
    const std::string_view cat_id = cat == CsvTable::npos ? "" : trim_ascii(t[cat]);
    const auto& cat_table = *dt == DataType::survey ? wweia_ : categories_;
    if (*dt == DataType::survey) {
      if (const auto s = survey_code_.find(*id); s != survey_code_.end()) {
        if (const auto w = wweia_.find(s->second); w != wweia_.end()) category = w->second;
      }
    }
    if (!category && !cat_id.empty()) {
      if (const auto n = parse_int(cat_id)) {
        if (const auto c = cat_table.find(*n); c != cat_table.end()) category = c->second;
      } else {
        category = std::string(cat_id);  // branded foods may name their category here
      }
    }
    std::optional<std::string> owner, household;
    std::optional<double> serving_amount;
    std::optional<std::string> serving, serving_from;
    bool per_ml = false;
    if (*dt == DataType::branded) {
      branded.bind(1, *id);
      if (branded.step()) {
        owner = branded.opt_text(0);
        if (const auto c = branded.opt_text(1)) category = c;
        per_ml = branded.int64(2) != 0;
        serving_amount = branded.opt_real(3);
        household = branded.opt_text(4);
      }
      branded.reset();
      if (serving_amount) {
        serving = household ? *household : std::string();
        serving_from = "label";
      }
    } else if (const auto p = first_portion_.find(*id); p != first_portion_.end()) {
      serving = p->second.text;
      serving_amount = p->second.grams;
      serving_from = "portion";
    }
    const Amounts* a = amounts_of(*id);
    std::optional<double> mg, kcal, per_kcal, mg_serving, kcal_serving;
    const char* energy = nullptr;
    if (a != nullptr && a->has_mg) mg = a->mg;
    if (a != nullptr && a->kcal_rank > 0) {
      kcal = a->kcal;
      energy = energy_name(a->kcal_rank);
    }
    if (mg && kcal && *kcal >= kMinKcalPer100) per_kcal = *mg / *kcal * 100.0;
    if (mg && serving_amount) mg_serving = *mg * *serving_amount / 100.0;
    if (kcal && serving_amount) kcal_serving = *kcal * *serving_amount / 100.0;
    std::optional<long long> ndb;
    if (*dt == DataType::sr_legacy || *dt == DataType::foundation) {
      if (const auto n = ndb_.find(*id); n != ndb_.end()) ndb = n->second;
    }
    std::optional<std::string_view> date;
    if (pub != CsvTable::npos && !trim_ascii(t[pub]).empty()) {
      date = trim_ascii(t[pub]);
      if (is_iso_date(*date) && *date > max_publication_) max_publication_ = std::string(*date);
    }
    insert.bind(1, *id);
    insert.bind(2, name_of(*dt));
    insert.bind_static(3, description);
    insert.bind(4, ndb);
    insert.bind(5, category);
    insert.bind(6, name_of(category ? group_of(*category) : FoodCategory::other));
    insert.bind(7, owner);
    insert.bind(8, per_ml ? "ml" : "g");
    insert.bind(9, mg);
    insert.bind(10, kcal);
    if (energy != nullptr) {
      insert.bind(11, energy);
    } else {
      insert.bind(11, nullptr);
    }
    insert.bind(12, per_kcal);
    insert.bind(13, serving);
    insert.bind(14, serving_amount);
    insert.bind(15, serving_from);
    insert.bind(16, mg_serving);
    insert.bind(17, kcal_serving);
    insert.bind_static(18, date);
    bool duplicate = false;
    insert.step(&duplicate);
    insert.reset();
    if (duplicate) t.bad(fdc, fmt::format("fdc_id {} is listed twice", *id));
    ++res_.by_type[static_cast<std::size_t>(*dt)];
    if (mg) ++res_.with_magnesium;
    if (kcal) ++res_.with_energy;
    if (serving_amount) ++res_.with_serving;
  });
}

void Importer::finish() {
  tick("indexing", 0);
  db_.exec("DELETE FROM portion WHERE fdc_id NOT IN (SELECT fdc_id FROM food)",
           "removing the portions of foods not imported");
  {
    Stmt n(db_, "SELECT count(*) FROM portion");
    n.step();
    res_.portions = n.int64(0);
  }
  db_.exec(detail::kCreateIndexes, "building the indexes");
  db_.exec("PRAGMA analysis_limit = 400; ANALYZE;", "gathering statistics");
  Info& in = res_.info;
  in.foods = 0;
  for (const long long n : res_.by_type) in.foods += n;
  in.release = release_in_name(base_name(o_.dir));
  in.release_from = "folder name";
  if (in.release.empty()) {
    in.release = max_publication_.empty() ? "unknown" : max_publication_;
    in.release_from = max_publication_.empty() ? "unknown" : "publication_date";
  }
  in.imported_at = utc_now();
  char* real = ::realpath(o_.dir.c_str(), nullptr);
  in.source = real != nullptr ? real : o_.dir;
  std::free(real);
  in.program_version = o_.program_version;
  Stmt meta(db_, "INSERT INTO meta (key, value) VALUES (?, ?)");
  auto put = [&](const char* key, const std::string& value) {
    meta.bind(1, key);
    meta.bind(2, value);
    meta.step();
    meta.reset();
  };
  put("schema_version", std::to_string(kSchemaVersion));
  put("source_name", "USDA FoodData Central");
  put("release", in.release);
  put("release_from", in.release_from);
  put("imported_at", in.imported_at);
  put("source", in.source);
  put("program_version", in.program_version);
  put("foods", std::to_string(in.foods));
  for (std::size_t i = 0; i < res_.by_type.size(); ++i) {
    put(fmt::format("foods_{}", name_of(static_cast<DataType>(i))).c_str(),
        std::to_string(res_.by_type[i]));
  }
  put("with_magnesium", std::to_string(res_.with_magnesium));
  put("bad_rows_skipped", std::to_string(res_.bad_rows));
}

ImportResult Importer::run() {
  struct stat st {};
  if (::stat(o_.dir.c_str(), &st) != 0) {
    throw DataError(fmt::format("no folder {}: {}", text::sanitize(o_.dir), std::strerror(errno)),
                    kDownloadHint);
  }
  if (!S_ISDIR(st.st_mode)) {
    const bool zip =
        o_.dir.size() > 4 && text::to_lower(o_.dir.substr(o_.dir.size() - 4)) == ".zip";
    throw DataError(fmt::format("{} is not a folder", text::sanitize(o_.dir)),
                    zip ? "unzip it first and give the folder it makes" : kDownloadHint);
  }
  for (const char* f : {"food.csv", "food_nutrient.csv", "nutrient.csv"}) {
    if (!file_exists(path(f))) {
      throw DataError(fmt::format("{} has no {}", text::sanitize(o_.dir), f), kDownloadHint);
    }
  }
  for (const char* f :
       {"food.csv", "food_nutrient.csv", "nutrient.csv", "food_portion.csv", "measure_unit.csv",
        "food_category.csv", "wweia_food_category.csv", "sr_legacy_food.csv", "foundation_food.csv",
        "survey_fndds_food.csv", "branded_food.csv"}) {
    std::uint64_t size = 0;
    if (file_exists(path(f), &size)) total_bytes_ += size;
  }

  // The new database is written beside the old one, under a name that
  // says which process writes it; one left by an import that was killed
  // is removed here.
  const std::string out_dir = dir_name(o_.out), out_base = base_name(o_.out);
  if (::stat(out_dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    throw DataError(fmt::format("cannot write {}: no folder {}", text::sanitize(o_.out),
                                text::sanitize(out_dir)),
                    "create the folder, or give --out FILE in one that exists");
  }
  if (::stat(o_.out.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    throw DataError(fmt::format("cannot write {}: it is a folder", text::sanitize(o_.out)),
                    "give --out the path of a file, e.g. DIR/foods.sqlite");
  }
  const std::string prefix = "." + out_base + ".import-";
  if (DIR* d = ::opendir(out_dir.c_str())) {
    while (const dirent* e = ::readdir(d)) {
      const std::string name = e->d_name;
      if (name.rfind(prefix, 0) != 0) continue;
      const auto pid = parse_int(std::string_view(name).substr(prefix.size()));
      if (pid && *pid > 0 && ::kill(static_cast<pid_t>(*pid), 0) != 0 && errno == ESRCH) {
        ::unlink((out_dir + "/" + name).c_str());
      }
    }
    ::closedir(d);
  }
  tmp_path_ = out_dir + "/" + prefix + std::to_string(::getpid());
  ::unlink(tmp_path_.c_str());
  struct Remove {
    std::string path;
    bool keep = false;
    ~Remove() {
      if (!keep) ::unlink(path.c_str());
    }
  } remove{tmp_path_};

  read_nutrients();
  read_food_nutrients();
  read_small_tables();

  db_ = Db(tmp_path_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, o_.out);
  // A fresh file that is renamed into place only when complete: it needs no
  // journal and no syncing until then.
  db_.exec(fmt::format("PRAGMA page_size = 8192; PRAGMA journal_mode = OFF; "
                       "PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE; "
                       "PRAGMA temp_store = FILE; PRAGMA cache_size = -32768; "
                       "PRAGMA temp.cache_size = -16384; PRAGMA application_id = {}; "
                       "PRAGMA user_version = {};",
                       kApplicationId, kSchemaVersion)
               .c_str(),
           "setting up the new database");
  db_.exec("BEGIN", "starting the import");
  db_.exec(detail::kCreateTables, "creating the tables");
  read_portions();
  read_branded();
  read_foods();
  first_portion_.clear();
  amounts_.clear();
  amounts_.shrink_to_fit();
  db_.exec("DROP TABLE temp.branded", "dropping a table");

  const long long foods = std::accumulate(res_.by_type.begin(), res_.by_type.end(), 0LL);
  if (foods == 0) {
    throw DataError(fmt::format("food.csv has no food of the data types imported ({}, {}, {}, {})",
                                usda_name(DataType::sr_legacy), usda_name(DataType::foundation),
                                usda_name(DataType::survey), usda_name(DataType::branded)),
                    kDownloadHint);
  }
  if (res_.with_magnesium == 0) {
    throw DataError("food_nutrient.csv gives no food of food.csv an amount of magnesium",
                    "are food.csv and food_nutrient.csv from the same download?");
  }
  finish();
  db_.exec("COMMIT", "writing the database");
  db_.close();

  // Checked as a reader will open it, then synced and renamed into place.
  {
    Store check(tmp_path_);
    if (check.info().foods != res_.info.foods) {
      throw DataError(fmt::format("{}: the new database does not read back ({} foods of {})",
                                  text::sanitize(o_.out), check.info().foods, res_.info.foods),
                      "check the disk space and run the import again");
    }
  }
  const int fd = ::open(tmp_path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    const int err = errno;
    if (fd >= 0) ::close(fd);
    throw DataError(fmt::format("cannot write {}: {}", text::sanitize(o_.out), std::strerror(err)),
                    "check the disk");
  }
  ::close(fd);
  if (::rename(tmp_path_.c_str(), o_.out.c_str()) != 0) {
    throw DataError(
        fmt::format("cannot replace {}: {}", text::sanitize(o_.out), std::strerror(errno)),
        "check the folder's permissions");
  }
  remove.keep = true;
  if (const int dfd = ::open(out_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
    (void)::fsync(dfd);
    ::close(dfd);
  }
  res_.out = o_.out;
  res_.info.path = o_.out;
  res_.seconds = std::chrono::duration<double>(Clock::now() - start_).count();
  return res_;
}

}  // namespace

ImportResult import_fdc(const ImportOptions& o) {
  Importer im(o);
  return im.run();
}

}  // namespace mgcramp::fooddb
