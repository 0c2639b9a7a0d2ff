// foods, forms, dose and intake end to end.
#include <set>

#include <nlohmann/json.hpp>

#include "expect.hpp"

using Catch::Contains;
using nlohmann::json;

TEST_CASE("foods --top 5 starts with roasted pumpkin seeds") {
  const Result r = expect_ok({"foods", "--top", "5"});
  const auto first_row = r.out.find("\n1 ");
  REQUIRE(first_row != std::string::npos);
  CHECK(r.out.substr(first_row, 40).find("Pumpkin seeds, roasted") != std::string::npos);
  CHECK_THAT(r.out, Contains("%DV"));
  CHECK_THAT(r.out, Contains("420 mg"));
}

TEST_CASE("foods --json has the documented fields") {
  const json out = json::parse(expect_ok({"foods", "--top", "100", "--json"}).out);
  CHECK(out["query"]["top"] == 100);
  CHECK(out["query"]["per"] == "serving");
  const json& j = out["results"];
  CHECK(j.size() >= 35);
  for (const auto& f : j) {
    for (const char* k :
         {"rank", "id", "name", "category", "serving", "grams", "mg_per_serving", "mg_per_100g",
          "mg_per_100kcal", "pct_dv", "pct_rda", "usda_ndb", "usda_mg_per_100g", "sources"}) {
      INFO(k);
      CHECK(f.contains(k));
    }
    CHECK((f["usda_ndb"].is_string() || f["usda_ndb"].is_null()));
  }
  CHECK(j[0]["id"] == "pumpkin-seeds-roasted");
  CHECK(j[0]["pct_dv"] == Approx(37.1).margin(0.1));
}

TEST_CASE("foods with a profile adds percent of RDA and servings needed") {
  const json out =
      json::parse(expect_ok({"foods", "--top", "1", "--age", "40", "--sex", "f", "--json"}).out);
  const json& j = out["results"];
  CHECK(j[0]["pct_rda"] == Approx(48.8).margin(0.1));  // 156 / 320
  CHECK(j[0]["servings_for_rda"] == Approx(2.1).margin(0.05));
  CHECK(out["query"]["age_months"] == 480);
  // The profile's safety notices come with the answer, for scripts and people.
  bool kidney = false;
  for (const auto& n : out["notices"]) kidney = kidney || n["id"] == "kidney-disease";
  CHECK(kidney);
  const Result t = expect_ok({"foods", "--top", "3", "--age", "40", "--sex", "f"});
  CHECK_THAT(t.out, Contains("%RDA"));
}

TEST_CASE("foods basis category search and plot") {
  const json g = results_of(expect_ok({"foods", "--per", "100g", "--top", "1", "--json"}).out);
  CHECK(g[0]["mg_per_100g"].is_number());
  const json veg =
      results_of(expect_ok({"foods", "--category", "vegetables", "--top", "50", "--json"}).out);
  for (const auto& f : veg) CHECK(f["category"] == "vegetables");
  const json beans = results_of(expect_ok({"foods", "--search", "bean", "--json"}).out);
  CHECK(beans.size() >= 2);
  const Result plot = expect_ok({"foods", "--top", "3", "--plot"});
  CHECK_THAT(plot.out, Contains("####"));
  CHECK_THAT(expect_ok({"foods", "--format", "csv", "--top", "2"}).out, Contains("rank,id,name"));
}

TEST_CASE("foods bad input exits 2 with one line") {
  expect_usage_error({"foods", "--category", "candy"},
                     "--category must be one of nuts-seeds, legumes");
  expect_usage_error({"foods", "--per", "cup"}, "--per must be serving, 100g or 100kcal");
  expect_usage_error({"foods", "--top", "0"}, "--top must be a whole number from 1");
  expect_usage_error({"foods", "--top", "many"}, "--top must be a whole number");
  expect_usage_error({"foods", "--age", "40"}, "depends on sex");
  expect_usage_error({"foods", "--sex", "f"}, "needs an age");
}

TEST_CASE("forms lists every form and shows one in full") {
  const Result all = expect_ok({"forms"});
  for (const char* id : {"oxide", "citrate", "glycinate", "l-threonate", "orotate"})
    CHECK_THAT(all.out, Contains(id));
  const json one = result_of(expect_ok({"forms", "bisglycinate", "--json"}).out);
  REQUIRE(one.is_object());
  CHECK(one["id"] == "glycinate");
  CHECK(one["formula"] == "Mg(C2H4NO2)2");
  CHECK(one["elemental_pct"] == Approx(14.1));
  CHECK(one["article_views"].is_array());
  CHECK(one["absorption"]["relative"] == "unknown");
  const json list = results_of(expect_ok({"forms", "--json"}).out);
  CHECK(list.size() >= 14);
  CHECK(list[0].contains("elemental_pct"));
  CHECK_THAT(expect_ok({"forms", "oxide"}).out, Contains("roguin-maor-2017"));
  CHECK_THAT(expect_ok({"forms", "citrat"}).out, Contains("Magnesium citrate"));  // unique fragment
  expect_usage_error({"forms", "citrte"}, "did you mean 'citrate'?");
  expect_usage_error({"forms", "unobtainium"}, "unknown form 'unobtainium'");
}

TEST_CASE("dose gives elemental magnesium and its share of the UL") {
  const json d =
      results_of(expect_ok({"dose", "--form", "citrate", "--compound-mg", "500", "--json"}).out);
  REQUIRE(d.size() == 2);  // anhydrous and nonahydrate
  CHECK(d[0]["elemental_mg"] == Approx(81));
  CHECK(d[0]["hydrate_water"] == 0);
  CHECK(d[1]["hydrate_water"] == 9);
  CHECK(d[1]["formula"] == "Mg3(C6H5O7)2.9H2O");
  CHECK(d[1]["elemental_mg"] == Approx(59.5));
  CHECK(d[0]["elemental_mmol"] == Approx(81 / 24.305).margin(0.005));
  CHECK(d[0]["elemental_meq"] == Approx(2 * 81 / 24.305).margin(0.005));
  CHECK(d[0]["ul_supplemental_mg"].is_null());
  const Result t = expect_ok({"dose", "--form", "citrate", "--compound-mg", "500"});
  CHECK_THAT(t.out, Contains("anhydrous"));
  CHECK_THAT(t.out, Contains("nonahydrate"));
  CHECK_THAT(t.out, Contains("81 mg"));
  CHECK_THAT(t.out, Contains("59.5 mg"));
  CHECK_THAT(t.out, Contains("mmol"));
  CHECK_THAT(t.out, Contains("mEq"));
  CHECK_THAT(t.out, Contains("Magnesium 100 mg (as citrate)"));
  CHECK_THAT(t.out, Contains("evidence, not a prescription"));
  CHECK_THAT(t.out, Contains("mgcramp interactions"));
  const json out = json::parse(expect_ok({"dose", "--form", "oxide", "--elemental-mg", "400",
                                          "--age", "30", "--sex", "m", "--json"})
                                   .out);
  CHECK(out["query"]["elemental_mg"] == 400);
  CHECK(out["query"]["compound_mg"].is_null());
  CHECK(out["notices"][0]["id"] == "exceeds-ul");
  CHECK(out["notices"][0]["level"] == "caution");
  bool disclaimer = false;
  for (const auto& n : out["notices"]) disclaimer = disclaimer || n["id"] == "not-a-prescription";
  CHECK(disclaimer);
  const json& r = out["results"].at(0);
  CHECK(r["compound_mg"] == Approx(663.3).margin(0.1));
  CHECK(r["ul_supplemental_mg"] == 350);
  CHECK(r["exceeds_ul"] == true);
  const Result warn =
      expect_ok({"dose", "--form", "oxide", "--elemental-mg", "400", "--age", "30", "--sex", "m"});
  CHECK_THAT(
      warn.out,
      Contains("Warning: 400 mg of supplemental magnesium exceeds the upper limit of 350 mg"));
  CHECK_THAT(warn.out, Contains("Kidney disease"));
}

TEST_CASE("dose without --form shows every form and hydrate side by side") {
  const json out = json::parse(expect_ok({"dose", "--compound-mg", "500", "--json"}).out);
  CHECK(out["query"]["form"].is_null());
  const json& rows = out["results"];
  std::set<std::string> forms;
  for (const auto& row : rows) forms.insert(row["form"]);
  CHECK(forms.size() >= 14);
  CHECK(rows.size() > forms.size());  // hydrates have rows of their own
  CHECK(rows[0]["form"] == "oxide");
  CHECK(rows[0]["elemental_mg"] == Approx(301.5));
  const Result t = expect_ok({"dose", "--compound-mg", "1000", "--age", "40", "--sex", "f"});
  CHECK_THAT(t.out, Contains("glycinate"));
  CHECK_THAT(t.out, Contains("Warning: Above the upper limit of 350 mg"));
  CHECK_THAT(t.out, Contains("oxide anhydrous 603 mg"));
}

TEST_CASE("dose: a share of the UL just over 100% keeps a decimal") {
  const Result r = expect_ok({"dose", "--form", "citrate", "--elemental-mg", "351", "--age", "32",
                              "--sex", "f", "--pregnant"});
  CHECK_THAT(r.out, Contains("100.3%"));
  CHECK_THAT(r.out, Contains("(100.3% of it)"));
  CHECK_THAT(r.out, !Contains("(100% of it)"));
  const Result at = expect_ok({"dose", "--form", "citrate", "--elemental-mg", "350", "--age", "32",
                               "--sex", "f", "--pregnant"});
  CHECK_THAT(at.out, Contains("100%"));
  CHECK_THAT(at.out, !Contains("exceeds"));
}

TEST_CASE("dose bad input exits 2") {
  expect_usage_error({"dose", "--form", "citrate"},
                     "exactly one of --compound-mg and --elemental-mg");
  expect_usage_error({"dose"}, "exactly one of --compound-mg and --elemental-mg");
  expect_usage_error({"dose", "--form", "citrate", "--compound-mg", "5", "--elemental-mg", "5"},
                     "exactly one");
  expect_usage_error({"dose", "--form", "citrate", "--compound-mg", "-5"}, "--compound-mg");
  expect_usage_error({"dose", "--compound-mg", "lots"}, "--compound-mg must be a positive number");
  expect_usage_error({"dose", "--form", "citrate", "--compound-mg", "lots"},
                     "--compound-mg must be a positive number");
  expect_usage_error({"dose", "--form", "kryptonite", "--compound-mg", "5"},
                     "unknown form 'kryptonite'");
}

TEST_CASE("intake adds foods and supplements and warns above the UL") {
  const Result r = expect_ok({"intake", "--food", "almonds:2", "--food", "spinach:1",
                              "--supplement", "citrate:500", "--age", "40", "--sex", "f"});
  CHECK_THAT(r.out, Contains("RDA 320 mg"));
  CHECK_THAT(r.out, Contains("317 mg"));
  CHECK_THAT(r.out, !Contains("Warning: 81"));
  const json out = json::parse(expect_ok({"intake", "--food", "almonds:2", "--supplement",
                                          "oxide:1000", "--age", "40", "--sex", "f", "--json"})
                                   .out);
  const json& j = out["results"];
  REQUIRE(j.size() == 2);  // the items; the totals are the summary
  const json& total = out["summary"];
  CHECK(total["total_mg"] == Approx(158 + 603).margin(1));
  // Scripts see the limits and the excess too, not only people.
  CHECK(total["ul_supplemental_mg"] == 350);
  CHECK(total["rda_mg"] == 320);
  CHECK(total["exceeds_ul"] == true);
  for (const auto& row : j) {
    CHECK(row["rda_mg"] == 320);
    if (row["kind"] == "food") CHECK(row["exceeds_ul"].is_null());
    if (row["kind"] == "food") CHECK(row["servings"] == 2);
    if (row["kind"] == "supplement") CHECK(row["compound_mg"] == 1000);
  }
  CHECK(out["query"]["supplements"][0] == json::parse(R"({"form": "oxide", "compound_mg": 1000})"));
  const Result high =
      expect_ok({"intake", "--supplement", "oxide:1000", "--age", "40", "--sex", "f"});
  CHECK_THAT(high.out, Contains("exceeds the upper limit of 350 mg"));
  CHECK_THAT(high.out, Contains("evidence, not a prescription"));
  CHECK_THAT(high.out, Contains("mgcramp interactions"));
  const Result just =
      expect_ok({"intake", "--supplement", "oxide:582.1", "--age", "40", "--sex", "f"});
  CHECK_THAT(just.out, Contains("100.3%"));
}

TEST_CASE("intake bad input names the problem") {
  expect_usage_error({"intake", "--food", "beans", "--age", "40", "--sex", "f"},
                     "matches several foods");
  expect_usage_error({"intake", "--food", "unicorn", "--age", "40", "--sex", "f"},
                     "unknown food 'unicorn'");
  expect_usage_error({"intake", "--food", "almonds"}, "needs an age");
  expect_usage_error({"intake", "--age", "40", "--sex", "f"}, "nothing to add up");
  expect_usage_error({"intake", "--supplement", "citrate", "--age", "40", "--sex", "f"},
                     "needs an amount");
}

namespace {
// The shipped dataset plus a food with a serving weight but no USDA figures.
std::string temp_file_with_food_without_usda() {
  json d = json::parse(dataset_text());
  json f = d["foods"][0];
  f["id"] = "test-food";
  f["name"] = "Test food";
  f["aliases"] = json::array();
  f["grams"] = 40;
  f["mg_per_serving"] = 20;
  f["kcal_per_serving"] = 80;
  f["usda_ndb"] = nullptr;
  f["usda_description"] = nullptr;
  f["usda_mg_per_100g"] = nullptr;
  f["usda_kcal_per_100g"] = nullptr;
  f["mentioned_by"] = json::array();
  d["foods"].push_back(f);
  return temp_file(d.dump());
}

const json& food_in(const json& results, const char* id) {
  for (const auto& f : results) {
    if (f["id"] == id) return f;
  }
  FAIL("no food " << id);
  static const json none;
  return none;
}
}  // namespace

TEST_CASE("foods per 100 g and per 100 kcal come from the USDA figures per 100 g") {
  const json g = results_of(expect_ok({"foods", "--per", "100g", "--top", "40", "--json"}).out);
  CHECK(food_in(g, "cashews-dry-roasted")["mg_per_100g"] == 260);
  CHECK(food_in(g, "dark-chocolate-70-85")["mg_per_100g"] == 228);
  CHECK(food_in(g, "peanut-butter-smooth")["mg_per_100g"] == 168);
  CHECK(food_in(g, "oatmeal-instant")["mg_per_100g"] == 128);
  CHECK(food_in(g, "pumpkin-seeds-roasted")["mg_per_100g"] == 550);
  CHECK(food_in(g, "pumpkin-seeds-roasted")["per_100_from"] == "usda");
  // %DV on the basis shown: 550 mg of 420 mg.
  CHECK(food_in(g, "pumpkin-seeds-roasted")["pct_dv_per_100g"] == Approx(131).margin(0.1));
  const json k = results_of(expect_ok({"foods", "--per", "100kcal", "--top", "40", "--json"}).out);
  CHECK(food_in(k, "spinach-boiled")["mg_per_100kcal"] == Approx(378.3).margin(0.05));
  CHECK(food_in(k, "kale-raw")["mg_per_100kcal"] == Approx(95.9).margin(0.05));
  const Result t = expect_ok({"foods", "--per", "100kcal", "--category", "vegetables"});
  CHECK_THAT(t.out, Contains("%DV/100 kcal"));
  CHECK_THAT(t.out, Contains("378 mg"));
  CHECK_THAT(t.out, Contains("per 100 kcal."));
  CHECK_THAT(expect_ok({"foods", "--per", "100g"}).out, Contains("%DV/100 g"));
  // The per-serving ranking keeps its %DV per serving.
  CHECK(food_in(g, "cashews-dry-roasted")["pct_dv"] == Approx(17.6).margin(0.1));
}

TEST_CASE("foods without USDA per-100 g figures fall back to the serving and say so") {
  const std::string path = temp_file_with_food_without_usda();
  const json out = json::parse(
      expect_ok({"--data", path, "foods", "--per", "100g", "--search", "test", "--json"}).out);
  const json& f = out["results"].at(0);
  CHECK(f["per_100_from"] == "serving");
  CHECK(f["mg_per_100g"] == Approx(50));
  bool said = false;
  for (const auto& n : out["notices"]) said = said || n["id"] == "per-100-from-serving";
  CHECK(said);
}

TEST_CASE("foods: servings to reach the RDA come with their grams and kcal") {
  const json j = results_of(
      expect_ok({"foods", "--search", "almonds", "--age", "15", "--sex", "f", "--json"}).out);
  CHECK(j[0]["servings_for_rda"] == Approx(4.6).margin(0.05));
  CHECK(j[0]["grams_for_rda"] == Approx(360.0 / 79 * 28.35).margin(0.1));
  CHECK(j[0]["kcal_for_rda"] == Approx(360.0 / 79 * 170).margin(0.1));
  const Result t = expect_ok({"foods", "--search", "almonds", "--age", "15", "--sex", "f"});
  CHECK_THAT(t.out, Contains("Servings"));
  CHECK_THAT(t.out, Contains("775"));
  CHECK_THAT(t.out, Contains("129"));
}

TEST_CASE("foods for infants: AI labels, no servings, infant feeding and choking notices") {
  const json out = json::parse(expect_ok({"foods", "--months", "3", "--top", "4", "--json"}).out);
  for (const auto& f : out["results"]) {
    CHECK(f["servings_for_rda"].is_null());
    CHECK(f["grams_for_rda"].is_null());
    CHECK(f["pct_rda"].is_number());
  }
  CHECK(out["summary"]["kind"] == "AI");
  std::set<std::string> ids;
  for (const auto& n : out["notices"]) ids.insert(n["id"]);
  CHECK(ids.count("infant-feeding") == 1);
  CHECK(ids.count("choking-nuts-seeds") == 1);
  const Result t = expect_ok({"foods", "--months", "3", "--top", "4"});
  CHECK_THAT(t.out, Contains("AI 30 mg (Infants 0-6 months)"));
  CHECK_THAT(t.out, Contains("%AI"));
  CHECK_THAT(t.out, !Contains("RDA 30"));
  CHECK_THAT(t.out, !Contains("%RDA"));
  CHECK_THAT(t.out, !Contains("Servings"));
  CHECK_THAT(t.out, Contains("breast milk or infant formula"));
  CHECK_THAT(t.out, Contains("Warning: Choking"));
  CHECK_THAT(t.out, Contains("aap-choking-2010"));
  // A toddler: servings, and the choking note; from 4 years, no choking note.
  const Result toddler = expect_ok({"foods", "--age", "2", "--top", "3"});
  CHECK_THAT(toddler.out, Contains("Servings"));
  CHECK_THAT(toddler.out, Contains("Warning: Choking"));
  CHECK_THAT(expect_ok({"foods", "--age", "4", "--top", "3"}).out, !Contains("Choking"));
  // intake labels the AI too.
  const Result in = expect_ok({"intake", "--food", "almonds", "--months", "3"});
  CHECK_THAT(in.out, Contains("AI 30 mg"));
  CHECK_THAT(in.out, Contains("% AI"));
  CHECK_THAT(in.out, !Contains("RDA"));
}

TEST_CASE("intake: grams, fractions and a label's elemental magnesium; only the figures' sources") {
  const json j = json::parse(expect_ok({"intake", "--food", "almonds:28g", "--food", "spinach:1/2",
                                        "--supplement", "oxide:200mg-elemental", "--supplement",
                                        "citrate:500mg", "--age", "40", "--sex", "f", "--json"})
                                 .out);
  const json& rows = j["results"];
  REQUIRE(rows.size() == 4);
  CHECK(j["query"]["foods"][0]["grams"] == 28);
  CHECK(rows[1]["servings"] == Approx(0.5));
  CHECK(rows[2]["mg"] == Approx(200));
  CHECK(rows[3]["compound_mg"] == 500);
  // The sources behind the figures: the DRIs, USDA, the atomic weights; not
  // every trial of citrate or every article that mentions oxide (UX4).
  std::vector<std::string> ids;
  for (const auto& s : j["sources"]) ids.push_back(s["id"]);
  CHECK(std::find(ids.begin(), ids.end(), "iom-dri-1997") != ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "ciaaw-atomic-weights") != ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "roguin-maor-2017") == ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "art-healthline") == ids.end());
  const Result t = expect_ok({"intake", "--food", "almonds:28g", "--age", "40", "--sex", "f"});
  CHECK_THAT(t.out, Contains("28 g = "));
  expect_usage_error({"intake", "--supplement", "500", "--age", "40", "--sex", "f"},
                     "--supplement '500' needs a form");
  expect_usage_error({"intake", "--food", "almonds:0g", "--age", "40", "--sex", "f"},
                     "grams in --food 'almonds:0g' must be a positive number");
}
