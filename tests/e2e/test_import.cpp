// mgcramp import fdc end to end: folders in FoodData Central's layout made
// here, imported by the built binary, the database read back with SQLite.
#include <dirent.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "expect.hpp"
#include "fdc_fixture.hpp"

using Catch::Contains;
using nlohmann::json;

namespace {

using Table = std::vector<std::vector<std::string>>;

// The rows `sql` gives on the database at `path` (NULL as "NULL").
Table query(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
  Table rows;
  while (sqlite3_step(st) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int i = 0; i < sqlite3_column_count(st); ++i) {
      const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
      row.emplace_back(t == nullptr ? "NULL" : t);
    }
    rows.push_back(std::move(row));
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return rows;
}

std::string one(const std::string& path, const std::string& sql) {
  const Table t = query(path, sql);
  REQUIRE(t.size() == 1);
  return t[0].at(0);
}

std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The names in a folder.
std::vector<std::string> listing(const std::string& dir) {
  std::vector<std::string> names;
  if (DIR* d = ::opendir(dir.c_str())) {
    while (const dirent* e = ::readdir(d)) {
      const std::string n = e->d_name;
      if (n != "." && n != "..") names.push_back(n);
    }
    ::closedir(d);
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Imports `files` into a fresh folder's foods.sqlite; returns the database.
std::string imported(const fdc::Files& files = fdc::base()) {
  const std::string out = fdc::scratch() + "/foods.sqlite";
  expect_ok({"import", "fdc", fdc::folder(files), "--out", out});
  return out;
}

// The base folder with `n` more household portions, of a food not
// imported (so the answers stay the same), to make the import take several
// progress steps while it writes the database.
fdc::Files bigger(std::size_t n) {
  fdc::Files f = fdc::base();
  std::string& fp = f["food_portion.csv"];
  for (std::size_t i = 0; i < n; ++i) {
    fp += "\"" + std::to_string(100 + i) +
          "\",\"8888888\",\"1\",\"1\",\"1002\",\"\",\"\",\"15\",\"\",\"\",\"\"\n";
  }
  return f;
}

}  // namespace

TEST_CASE("import fdc writes every imported data type, skips the others, and says so") {
  const std::string dir = fdc::folder(fdc::base());
  const std::string out = fdc::scratch() + "/foods.sqlite";
  const Result r = expect_ok({"import", "fdc", dir, "--out", out, "--json"});
  const json j = json::parse(r.out);
  CHECK(j["query"]["dir"] == dir);
  CHECK(j["summary"]["foods"] == 9);
  CHECK(j["summary"]["release"] == "2024-10-31");
  CHECK(j["summary"]["release_from"] == "folder name");
  CHECK(j["summary"]["schema_version"] == 1);
  CHECK(j["summary"]["with_magnesium"] == 8);
  CHECK(j["summary"]["with_energy"] == 8);
  CHECK(j["summary"]["skipped_other_types"] == 1);
  CHECK(j["summary"]["portions"] == 6);  // not the one of a food not imported
  std::map<std::string, int> by_type;
  for (const auto& row : j["results"]) by_type[row["data_type"]] = row["foods"];
  CHECK(by_type == std::map<std::string, int>{
                       {"sr-legacy", 5}, {"foundation", 1}, {"survey", 1}, {"branded", 2}});
  CHECK(one(out, "SELECT count(*) FROM food") == "9");
  CHECK(one(out, "SELECT count(*) FROM food WHERE fdc_id = 9999999") == "0");
  CHECK(one(out, "PRAGMA user_version") == "1");
  CHECK(one(out, "SELECT value FROM meta WHERE key = 'schema_version'") == "1");
  CHECK(one(out, "SELECT value FROM meta WHERE key = 'release'") == "2024-10-31");
  CHECK_FALSE(one(out, "SELECT value FROM meta WHERE key = 'imported_at'").empty());
  // Nothing but the database is left beside it.
  CHECK(listing(out.substr(0, out.rfind('/'))) == std::vector<std::string>{"foods.sqlite"});
  const Result t = expect_ok({"import", "fdc", dir, "--out", out});
  CHECK_THAT(t.out, Contains("Imported 9 foods of USDA FoodData Central (release 2024-10-31)"));
  CHECK_THAT(t.out, Contains("1 record of other data types"));
  expect_fits(t.out);
}

TEST_CASE("import fdc reads the figures each data type gives") {
  const std::string db = imported();
  // SR Legacy: NDB number, category, first portion with a gram weight by seq_num.
  CHECK(query(db,
              "SELECT ndb_number, category, food_group, mg_per_100, kcal_per_100, serving, "
              "serving_amount, serving_from, mg_per_serving FROM food WHERE fdc_id = 170556") ==
        Table{{"12016", "Nut and Seed Products", "nuts-seeds", "550.0", "574.0", "1 oz", "28.35",
               "portion", "155.925"}});
  // A portion without a gram weight is no serving: the next one is.
  CHECK(query(db, "SELECT serving, serving_amount FROM food WHERE fdc_id = 172475") ==
        Table{{"0.5 cup", "126.0"}});
  CHECK(one(db, "SELECT count(*) FROM portion WHERE fdc_id = 172475 AND gram_weight IS NULL") ==
        "1");
  // Foundation: no Energy (208), so Atwater specific before general.
  CHECK(query(db,
              "SELECT kcal_per_100, energy_from, ndb_number, serving FROM food WHERE fdc_id "
              "= 2003590") == Table{{"229.0", "atwater-specific", "16158", "2 tbsp"}});
  // Survey: the WWEIA category, the portion's description (its modifier is a code).
  CHECK(query(db, "SELECT category, food_group, serving FROM food WHERE fdc_id = 2705385") ==
        Table{{"Other vegetables", "vegetables", "1 cup"}});
  // Branded: brand, category and the label serving, a drink in ml.
  CHECK(query(db,
              "SELECT brand_owner, category, per_unit, serving, serving_amount, serving_from "
              "FROM food WHERE fdc_id = 1000001") ==
        Table{{"Blue Valley Farms", "Plant Based Milk", "ml", "1 cup", "240.0", "label"}});
  CHECK(one(db, "SELECT per_unit FROM food WHERE fdc_id = 1000002") == "g");
  // Under 5 kcal per 100 g: no per-100 kcal figure.
  CHECK(query(db, "SELECT mg_per_100, mg_per_100kcal FROM food WHERE fdc_id = 173647") ==
        Table{{"1.0", "NULL"}});
  // An empty amount is no magnesium; no energy row is no energy.
  CHECK(query(db, "SELECT mg_per_100, kcal_per_100 FROM food WHERE fdc_id = 300001") ==
        Table{{"NULL", "250.0"}});
  CHECK(query(db,
              "SELECT mg_per_100, kcal_per_100, mg_per_100kcal FROM food WHERE fdc_id = "
              "300002") == Table{{"121.0", "NULL", "NULL"}});
  // Quoted fields keep their commas, quotes and line breaks.
  CHECK(one(db, "SELECT description FROM food WHERE fdc_id = 172475") ==
        "Tofu, raw, firm, prepared with \"calcium sulfate\"");
  CHECK(one(db, "SELECT description FROM food WHERE fdc_id = 1000002") == "QUINOA CHOCOLATE\nBAR");
  // The full-text index has descriptions and brands.
  CHECK(one(db, "SELECT rowid FROM food_fts WHERE food_fts MATCH 'valley'") == "1000001");
  CHECK(one(db, "SELECT rowid FROM food_fts WHERE food_fts MATCH 'sulfate'") == "172475");
}

TEST_CASE("import fdc reads CRLF line ends and a byte order mark, and the columns in any order") {
  fdc::Files f = fdc::base();
  for (auto& [name, text] : f) text = "\xef\xbb\xbf" + fdc::crlf(text);
  f["nutrient.csv"] =
      "\"rank\",\"unit_name\",\"nutrient_nbr\",\"name\",\"id\"\r\n"
      "\"300\",\"KCAL\",\"208\",\"Energy\",\"1008\"\r\n"
      "\"5500\",\"MG\",\"304\",\"Magnesium, Mg\",\"1090\"\r\n";
  const std::string db = imported(f);
  CHECK(one(db, "SELECT count(*) FROM food") == "9");
  CHECK(one(db, "SELECT mg_per_100 FROM food WHERE fdc_id = 170556") == "550.0");
  CHECK(one(db, "SELECT brand_owner FROM food WHERE fdc_id = 1000002") == "Andes Grain Co.");
}

TEST_CASE("import fdc: the release from publication_date when the folder name has none") {
  const std::string out = fdc::scratch() + "/f.sqlite";
  const json j = json::parse(
      expect_ok({"import", "fdc", fdc::folder(fdc::base(), "fdc"), "--out", out, "--json"}).out);
  CHECK(j["summary"]["release"] == "2024-10-31");
  CHECK(j["summary"]["release_from"] == "publication_date");
}

TEST_CASE("import fdc writes the default database under XDG_DATA_HOME") {
  const std::string home = fdc::scratch();
  RunOptions o;
  o.env["XDG_DATA_HOME"] = home;
  const Result r = run({"import", "fdc", fdc::folder(fdc::base())}, o);
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(fdc::exists(home + "/mgcramp/foods.sqlite"));
  // MGCRAMP_FOOD_DB names it instead.
  const std::string named = fdc::scratch() + "/named.sqlite";
  o.env["MGCRAMP_FOOD_DB"] = named;
  CHECK(run({"import", "fdc", fdc::folder(fdc::base())}, o).code == 0);
  CHECK(fdc::exists(named));
}

TEST_CASE("import fdc: a bad row names its file, line and column; --skip-bad-rows counts it") {
  fdc::Files f = fdc::base();
  f["food_nutrient.csv"] += "\"21\",\"170556\",\"1090\",\"lots\",\"\"\n";
  const std::string dir = fdc::folder(f);
  const std::string out = fdc::scratch() + "/foods.sqlite";
  expect_error({"import", "fdc", dir, "--out", out}, 1,
               "food_nutrient.csv:22:22: column 'amount': expected an amount, got 'lots'");
  CHECK_FALSE(fdc::exists(out));
  const json j =
      json::parse(expect_ok({"import", "fdc", dir, "--out", out, "--skip-bad-rows", "--json"}).out);
  CHECK(j["summary"]["bad_rows_skipped"] == 1);
  CHECK_THAT(j["summary"]["bad_rows"][0].get<std::string>(), Contains("food_nutrient.csv:22:22"));
  bool noticed = false;
  for (const auto& n : j["notices"]) noticed = noticed || n["id"] == "bad-rows-skipped";
  CHECK(noticed);
  CHECK(one(out, "SELECT mg_per_100 FROM food WHERE fdc_id = 170556") == "550.0");
}

TEST_CASE("import fdc: duplicate ids stop the import, or are skipped") {
  fdc::Files f = fdc::base();
  f["food.csv"] += "\"172475\",\"sr_legacy_food\",\"Tofu again\",\"16\",\"2019-04-01\"\n";
  const std::string dir = fdc::folder(f);
  const std::string out = fdc::scratch() + "/foods.sqlite";
  expect_error({"import", "fdc", dir, "--out", out}, 1,
               "food.csv:13:1: column 'fdc_id': fdc_id 172475 is listed twice");
  expect_ok({"import", "fdc", dir, "--out", out, "--skip-bad-rows"});
  CHECK(one(out, "SELECT description FROM food WHERE fdc_id = 172475") ==
        "Tofu, raw, firm, prepared with \"calcium sulfate\"");
  // Two magnesium amounts for one food.
  fdc::Files g = fdc::base();
  g["food_nutrient.csv"] += "\"22\",\"300002\",\"1090\",\"99\",\"\"\n";
  expect_error({"import", "fdc", fdc::folder(g), "--out", out}, 1,
               "a second magnesium amount for fdc_id 300002 (121 and 99)");
}

TEST_CASE("import fdc: a missing folder, file or column, a wrong header, not CSV: exit 1") {
  const std::string out = fdc::scratch() + "/foods.sqlite";
  expect_error({"import", "fdc", "/nonexistent/fdc", "--out", out}, 1,
               "no folder /nonexistent/fdc");
  fdc::Files f = fdc::base();
  f.erase("food_nutrient.csv");
  expect_error({"import", "fdc", fdc::folder(f), "--out", out}, 1, "has no food_nutrient.csv");
  f = fdc::base();
  f["food.csv"] = "\"fdc_id\",\"data_type\",\"food_category_id\"\n\"1\",\"sr_legacy_food\",\"1\"\n";
  expect_error({"import", "fdc", fdc::folder(f), "--out", out}, 1,
               "food.csv: no column 'description' in its header");
  f = fdc::base();
  f["nutrient.csv"] = "NDB_No,Nutr_No,Nutr_Val\n01001,304,2\n";
  expect_error({"import", "fdc", fdc::folder(f), "--out", out}, 1,
               "nutrient.csv does not have FoodData Central's header");
  f = fdc::base();
  f["food.csv"] = std::string("PK\x03\x04\x14\x00\x00\x00", 8) + "binary";
  expect_error({"import", "fdc", fdc::folder(f), "--out", out}, 1,
               "food.csv is a zip archive, not CSV");
  f = fdc::base();
  const char nul[] = "\"fdc_id\",\"brand_owner\",\"serving_size\"\n\"1\",\"a\0b\",\"1\"\n";
  f["branded_food.csv"] = std::string(nul, sizeof nul - 1);
  expect_error({"import", "fdc", fdc::folder(f), "--out", out}, 1,
               "branded_food.csv:2:7: a NUL byte: this is binary data, not CSV");
  f = fdc::base();
  f["food_portion.csv"] += "\"8\",\"170556\",\"3\",\"1\",\"9999\",\"\",\"open quote,1\n";
  expect_error({"import", "fdc", fdc::folder(f), "--out", out}, 1,
               "food_portion.csv:9:32: a quoted field is not closed");
  f = fdc::base();
  f["nutrient.csv"] += "\"1093\",\"Sodium, Na\",\"MG\"\n";
  expect_error({"import", "fdc", fdc::folder(f), "--out", out}, 1,
               "nutrient.csv:8: a row of 3 fields, where the header has 5");
  f = fdc::base();
  f["food.csv"] = "";
  expect_error({"import", "fdc", fdc::folder(f), "--out", out}, 1, "food.csv is empty: no header");
  f = fdc::base();
  f["nutrient.csv"] =
      "\"id\",\"name\",\"unit_name\",\"nutrient_nbr\"\n\"1008\",\"Energy\",\"KCAL\",\"208\"\n";
  expect_error({"import", "fdc", fdc::folder(f), "--out", out}, 1,
               "nutrient.csv lists no magnesium (nutrient number 304)");
  expect_error({"import", "fdc", fdc::folder(fdc::base()), "--out", "/nonexistent/dir/f.sqlite"}, 1,
               "no folder /nonexistent/dir");
  CHECK_FALSE(fdc::exists(out));
  expect_usage_error({"import", "usda", "dir"}, "import knows one source, fdc, not 'usda'");
  expect_usage_error({"import", "fdc"}, "dir is required");
}

TEST_CASE("import fdc: a failed import leaves the previous database as it was") {
  const std::string out = imported();
  const std::string before = file_text(out);
  fdc::Files f = fdc::base();
  f["food.csv"] += "\"1\",\"branded_food\",\"\",\"\",\"\"\n";  // an empty description
  expect_error({"import", "fdc", fdc::folder(f), "--out", out}, 1,
               "food.csv:13:20: column 'description': an empty description");
  CHECK(file_text(out) == before);
  CHECK(listing(out.substr(0, out.rfind('/'))) == std::vector<std::string>{"foods.sqlite"});
}

TEST_CASE("import fdc: an import killed half-way leaves the previous database working") {
  const std::string out = imported();
  const std::string before = file_text(out);
  const std::string folder = out.substr(0, out.rfind('/'));
  const std::string dir = fdc::folder(bigger(20000));
  RunOptions o;
  o.env["MGCRAMP_TEST_KILL_IMPORT_AFTER_ROWS"] = "8000";
  const Result killed = run({"import", "fdc", dir, "--out", out}, o);
  CHECK(killed.code == 128 + 9);  // SIGKILL: no clean-up ran
  CHECK(file_text(out) == before);
  CHECK(one(out, "SELECT count(*) FROM food") == "9");
  // The old database still answers.
  const json still =
      results_of(expect_ok({"--food-db", out, "foods", "--data-type", "foundation", "--json"}).out);
  REQUIRE(still.size() == 1);
  CHECK(still[0]["id"] == "fdc-2003590");
  // The half-written file is still there, under its own name...
  const auto left = listing(folder);
  REQUIRE(left.size() == 2);
  CHECK(left[0].rfind(".foods.sqlite.import-", 0) == 0);
  // ...until the next import, which removes it.
  expect_ok({"import", "fdc", dir, "--out", out});
  CHECK(listing(folder) == std::vector<std::string>{"foods.sqlite"});
  CHECK(one(out, "SELECT count(*) FROM food") == "9");
}

TEST_CASE("import fdc draws a progress bar on a terminal only") {
  const std::string dir = fdc::folder(bigger(20000));
  const std::string out = fdc::scratch() + "/foods.sqlite";
  const Result piped = expect_ok({"import", "fdc", dir, "--out", out});
  CHECK(piped.err.empty());
  CHECK(piped.out.find('\r') == std::string::npos);
  RunOptions o;
  o.pty = true;
  const Result tty = run({"import", "fdc", dir, "--out", out}, o);
  CHECK(tty.code == 0);
  CHECK_THAT(tty.out, Contains("food_portion.csv"));
  CHECK_THAT(tty.out, Contains(" rows "));
  CHECK_THAT(tty.out, Contains("MB/s"));
  CHECK_THAT(tty.out, Contains("Imported 9 foods"));
}
