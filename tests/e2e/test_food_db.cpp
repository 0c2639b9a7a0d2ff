// The food database in foods, intake, assess, search and show, end to end:
// a FoodData Central folder made here, imported, then asked.
#include <sqlite3.h>

#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "expect.hpp"
#include "fdc_fixture.hpp"

using Catch::Contains;
using nlohmann::json;

namespace {

// One database for the whole run, imported from the base folder.
const std::string& db() {
  static const std::string path = [] {
    const std::string out = fdc::scratch() + "/foods.sqlite";
    const Result r = run({"import", "fdc", fdc::folder(fdc::base()), "--out", out});
    if (r.code != 0) throw std::runtime_error("import failed: " + r.err);
    return out;
  }();
  return path;
}

Result with_db(std::vector<std::string> args) {
  args.insert(args.begin(), {"--food-db", db()});
  return expect_ok(args);
}

json results_with_db(std::vector<std::string> args) {
  args.emplace_back("--json");
  return results_of(with_db(std::move(args)).out);
}

std::vector<std::string> ids(const json& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r["id"]);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

TEST_CASE("food db: foods ranks the database's foods beside the curated ones") {
  const json rows = results_with_db({"foods", "--top", "100"});
  const auto all = ids(rows);
  CHECK(has(all, "fdc-2003590"));            // Foundation hummus
  CHECK(has(all, "pumpkin-seeds-roasted"));  // curated
  CHECK_FALSE(has(all, "fdc-170556"));       // its SR Legacy counterpart: one row
  CHECK_FALSE(has(all, "fdc-300001"));       // no magnesium: not ranked
  CHECK_FALSE(has(all, "fdc-9999999"));      // not an imported data type
  for (std::size_t i = 1; i < rows.size(); ++i) {
    CHECK(rows[i - 1]["mg_per_serving"].get<double>() >= rows[i]["mg_per_serving"].get<double>());
  }
  for (const auto& r : rows) {
    INFO(r["id"]);
    const bool from_db = r["id"].get<std::string>().rfind("fdc-", 0) == 0;
    CHECK((r["data_type"] == "curated") != from_db);
    if (from_db) {
      CHECK(r["fdc_release"] == "2024-10-31");
      CHECK(r["sources"].size() == 1);
      CHECK(r["sources"][0].get<std::string>().rfind("usda-fdc-", 0) == 0);
    }
    if (r["id"] == "pumpkin-seeds-roasted") {
      CHECK(r["fdc_id"] == 170556);  // the counterpart's id, the curated figures
      CHECK(r["mg_per_serving"] == 156);
    }
  }
  // The sources cite FoodData Central by data type and release.
  const json j = json::parse(with_db({"foods", "--top", "100", "--json"}).out);
  bool cited = false;
  for (const auto& s : j["sources"]) {
    if (s["id"] == "usda-fdc-foundation") {
      cited = true;
      CHECK_THAT(s["reference"].get<std::string>(), Contains("FoodData Central: Foundation"));
      CHECK_THAT(s["reference"].get<std::string>(), Contains("2024-10-31"));
    }
  }
  CHECK(cited);
  const Result t = with_db({"foods", "--top", "8"});
  CHECK_THAT(t.out, Contains("Source"));
  CHECK_THAT(t.out, Contains("FNDDS"));
  CHECK_THAT(t.out, Contains("[usda-fdc-survey] USDA FoodData Central: Survey (FNDDS)"));
  expect_fits(t.out);
}

TEST_CASE("food db: per serving is the first portion with a weight or the label serving") {
  const json rows = results_with_db({"foods", "--top", "100", "--data-type", "sr-legacy"});
  for (const auto& r : rows) {
    if (r["id"] == "fdc-172475") {
      CHECK(r["serving"] == "0.5 cup (126 g)");  // the first portion has no weight
      CHECK(r["mg_per_serving"].get<double>() == Approx(73.08));
    }
  }
  CHECK(has(ids(rows), "fdc-172475"));
  CHECK(has(ids(rows), "pumpkin-seeds-roasted"));  // curated, tied to SR Legacy
  const json branded = results_with_db({"foods", "--data-type", "branded", "--json"});
  REQUIRE(branded.size() == 2);
  for (const auto& r : branded) {
    CHECK(r["label_declared"] == true);
    CHECK(r["brand_owner"].is_string());
  }
  CHECK(branded[0]["id"] == "fdc-1000002");
  CHECK(branded[0]["serving"] == "4 pieces (40 g)");
  CHECK(branded[0]["mg_per_serving"] == 91);  // 91.2, declared as a label would
  CHECK(branded[1]["per_unit"] == "ml");
  CHECK(branded[1]["serving"] == "1 cup (240 ml)");
  CHECK(branded[1]["mg_per_serving"] == 16);
  const Result t = with_db({"foods", "--data-type", "branded", "--per", "100g"});
  CHECK_THAT(t.out, Contains("6.7 mg/100ml*"));
  CHECK_THAT(t.out, Contains("* Label-declared"));
}

TEST_CASE("food db: per 100 kcal leaves out foods under 5 kcal, with a notice") {
  const json j = json::parse(with_db({"foods", "--per", "100kcal", "--top", "100", "--json"}).out);
  CHECK_FALSE(has(ids(j["results"]), "fdc-173647"));  // tap water, 0 kcal
  CHECK_FALSE(has(ids(j["results"]), "fdc-300002"));  // no energy at all
  bool notice = false;
  for (const auto& n : j["notices"]) {
    if (n["id"] == "under-5-kcal") {
      notice = true;
      CHECK_THAT(n["text"].get<std::string>(), Contains("1 food under 5 kcal per 100 g"));
    }
  }
  CHECK(notice);
  // Per 100 g, the water is ranked.
  CHECK(has(ids(results_with_db({"foods", "--per", "100g", "--top", "100"})), "fdc-173647"));
}

TEST_CASE("food db: --data-type, --category and --search filter both kinds of food") {
  CHECK(ids(results_with_db({"foods", "--data-type", "foundation"})) ==
        std::vector<std::string>{"fdc-2003590"});
  CHECK(ids(results_with_db({"foods", "--data-type", "survey"})) ==
        std::vector<std::string>{"fdc-2705385"});
  for (const auto& id : ids(results_with_db({"foods", "--data-type", "curated", "--top", "100"}))) {
    CHECK(id.rfind("fdc-", 0) != 0);
  }
  const auto legumes = ids(results_with_db({"foods", "--category", "legumes", "--top", "100"}));
  CHECK(has(legumes, "fdc-172475"));
  CHECK(has(legumes, "fdc-2003590"));
  CHECK(has(legumes, "black-beans-cooked"));
  // A part of USDA's category: database foods only.
  CHECK(ids(results_with_db({"foods", "--category", "plant based"})) ==
        std::vector<std::string>{"fdc-1000001"});
  CHECK(results_with_db({"foods", "--category", "no such category"}).empty());
  // Full-text search over descriptions and brands, words as prefixes.
  CHECK(ids(results_with_db({"foods", "--search", "sulfat"})) ==
        std::vector<std::string>{"fdc-172475"});
  CHECK(ids(results_with_db({"foods", "--search", "andes grain"})) ==
        std::vector<std::string>{"fdc-1000002"});
  const auto pumpkin = ids(results_with_db({"foods", "--search", "pumpkin"}));
  CHECK(pumpkin == std::vector<std::string>{"pumpkin-seeds-roasted"});
  CHECK(results_with_db({"foods", "--search", "\"*^"}).empty());
  expect_usage_error({"foods", "--data-type", "foundation"},
                     "--data-type foundation needs a food database");
  expect_usage_error({"foods", "--data-type", "fresh"},
                     "--data-type must be one of curated, sr-legacy");
}

TEST_CASE("food db: --food-db before or after the command, MGCRAMP_FOOD_DB, the default file") {
  const auto after = run({"foods", "--data-type", "foundation", "--food-db", db(), "--json"});
  CHECK(after.code == 0);
  CHECK(ids(results_of(after.out)) == std::vector<std::string>{"fdc-2003590"});
  RunOptions env;
  env.env["MGCRAMP_FOOD_DB"] = db();
  CHECK(ids(results_of(run({"foods", "--data-type", "foundation", "--json"}, env).out)) ==
        std::vector<std::string>{"fdc-2003590"});
  // The default file under XDG_DATA_HOME.
  const std::string home = fdc::scratch();
  RunOptions xdg;
  xdg.env["XDG_DATA_HOME"] = home;
  CHECK(run({"import", "fdc", fdc::folder(fdc::base())}, xdg).code == 0);
  const Result d = run({"foods", "--data-type", "survey", "--json"}, xdg);
  CHECK(d.code == 0);
  CHECK(ids(results_of(d.out)) == std::vector<std::string>{"fdc-2705385"});
  // Without one, the curated foods alone, as ever (the tests' own XDG_DATA_HOME is empty).
  const Result plain = expect_ok({"foods", "--top", "3"});
  CHECK_THAT(plain.out, Contains("Category"));
  CHECK(plain.out.find("Source\n") == std::string::npos);
  CHECK(plain.out.find("FoodData Central 2024") == std::string::npos);
}

TEST_CASE("food db: a missing, foreign or other-version database is one clear error") {
  expect_error({"--food-db", "/nonexistent/foods.sqlite", "foods"}, 1,
               "no food database at /nonexistent/foods.sqlite");
  RunOptions env;
  env.env["MGCRAMP_FOOD_DB"] = "/nonexistent/env.sqlite";
  expect_error({"foods"}, 1, "no food database at /nonexistent/env.sqlite", env);
  expect_error({"--food-db", temp_file("not a database at all, just text\n", ".sqlite"), "foods"},
               1, "is not a food database");
  // Another SQLite file, and ours of another schema version.
  const std::string other = fdc::scratch() + "/other.sqlite";
  const std::string newer = fdc::scratch() + "/newer.sqlite";
  {
    sqlite3* h = nullptr;
    REQUIRE(sqlite3_open(other.c_str(), &h) == SQLITE_OK);
    sqlite3_exec(h, "CREATE TABLE t (x)", nullptr, nullptr, nullptr);
    sqlite3_close(h);
    fdc::write(newer, [] {
      std::ifstream in(db(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      return ss.str();
    }());
    REQUIRE(sqlite3_open(newer.c_str(), &h) == SQLITE_OK);
    REQUIRE(sqlite3_exec(h, "PRAGMA user_version = 2", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(h);
  }
  expect_error({"--food-db", other, "foods"}, 1, "is not an mgcramp food database");
  expect_error({"--food-db", newer, "foods"}, 1,
               "is a food database of schema version 2; this mgcramp reads version 1");
}

TEST_CASE("food db: intake and assess take the database's foods by id or description") {
  const json j = json::parse(with_db({"intake", "--food", "tofu:2", "--food", "fdc-1000001",
                                      "--food", "almonds", "--age", "40", "--sex", "f", "--json"})
                                 .out);
  const json& items = j["results"];
  REQUIRE(items.size() == 3);
  CHECK(items[0]["id"] == "fdc-172475");
  CHECK(items[0]["mg"].get<double>() == Approx(146.2).margin(0.05));
  CHECK(items[1]["id"] == "fdc-1000001");
  CHECK(items[1]["mg"] == 16);
  CHECK(items[2]["id"] == "almonds-dry-roasted");
  CHECK(j["summary"]["food_mg"].get<double>() == Approx(241.2).margin(0.05));
  bool cited = false;
  for (const auto& s : j["sources"]) cited = cited || s["id"] == "usda-fdc-sr-legacy";
  CHECK(cited);
  // The bare fdc_id, and an SR Legacy food that a curated one stands for.
  const json k = json::parse(with_db({"intake", "--food", "172475", "--food", "fdc-170556", "--age",
                                      "40", "--sex", "f", "--json"})
                                 .out);
  CHECK(k["results"][0]["id"] == "fdc-172475");
  CHECK(k["results"][1]["id"] == "pumpkin-seeds-roasted");
  const json a =
      result_of(with_db({"assess", "--age", "40", "--sex", "f", "--food", "tofu:2", "--json"}).out);
  CHECK(a["needs"]["food_mg"].get<double>() == Approx(146.2).margin(0.05));
  // Unknown, ambiguous, and curated names that stay the curated foods'.
  auto usage = [](std::vector<std::string> args, const std::string& says) {
    args.insert(args.begin(), {"--food-db", db()});
    expect_error(args, 2, says);
  };
  usage({"intake", "--food", "zzzz", "--age", "40", "--sex", "f"},
        "unknown food 'zzzz': not a curated food, and nothing in the food database matches it");
  usage({"intake", "--food", "listed", "--age", "40", "--sex", "f"},
        "'listed' matches several foods in the food database: fdc-");
  usage({"intake", "--food", "fdc-42", "--age", "40", "--sex", "f"},
        "no food fdc-42 in the food database");
  usage({"intake", "--food", "seeds", "--age", "40", "--sex", "f"},
        "'seeds' matches several foods: pumpkin-seeds-roasted, chia-seeds");
}

TEST_CASE("food db: show and search reach the database's foods") {
  const json food = result_of(with_db({"show", "fdc-172475", "--json"}).out);
  CHECK(food["name"] == "Tofu, raw, firm, prepared with \"calcium sulfate\"");
  CHECK(food["usda_mg_per_100g"] == 58);
  CHECK(food["sources"] == json::array({"usda-fdc-sr-legacy"}));
  CHECK_THAT(food["note"].get<std::string>(), Contains("fdc_id 172475"));
  CHECK_THAT(food["note"].get<std::string>(),
             Contains("Household portions: 1 block (no weight); 0.5 cup (126 g)."));
  CHECK(result_of(with_db({"show", "fdc-170556", "--json"}).out)["id"] == "pumpkin-seeds-roasted");
  CHECK_THAT(with_db({"show", "fdc-1000001"}).out, Contains("Label-declared"));
  expect_error({"--food-db", db(), "show", "fdc-42"}, 2, "no food fdc-42 in the food database");
  const json hits = results_with_db({"search", "tofu"});
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]["id"] == "fdc-172475");
  CHECK(hits[0]["table"] == "foods");
  // The curated food stands for its SR Legacy counterpart here too.
  for (const auto& h : results_with_db({"search", "pumpkin"})) CHECK(h["id"] != "fdc-170556");
  CHECK(results_with_db({"search", "tofu", "--table", "studies"}).empty());
}
