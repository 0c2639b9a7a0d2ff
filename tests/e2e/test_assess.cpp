// mgcramp assess end to end: the facts each person must see, bad input.
#include <nlohmann/json.hpp>

#include "expect.hpp"

using Catch::Contains;
using nlohmann::json;

namespace {
json ids_of(const json& list, const char* key = "id") {
  json out = json::array();
  for (const auto& x : list) out.push_back(x[key]);
  return out;
}
bool has(const json& list, const std::string& id) {
  for (const auto& x : list)
    if (x == id) return true;
  return false;
}
}  // namespace

TEST_CASE("assess: a 68-year-old man with night cramps on omeprazole and furosemide") {
  const Result t = expect_ok({"assess", "--age", "68", "--sex", "m", "--cramps", "night", "--med",
                              "omeprazole", "--med", "LASIX"});
  CHECK_THAT(t.out, Contains("garrison-2020"));
  CHECK_THAT(t.out, Contains("moderate certainty"));
  CHECK_THAT(t.out, Contains("Ask your pharmacist"));
  CHECK_THAT(t.out, Contains("serum holds under 1%"));
  expect_fits(t.out);
  const json r = result_of(expect_ok({"assess", "--age", "68", "--sex", "m", "--cramps", "night",
                                      "--med", "Prilosec", "--med", "furosemide", "--json"})
                               .out);
  CHECK(r["evidence"]["population"] == "idiopathic");
  CHECK(r["evidence"]["review"] == "garrison-2020");
  CHECK(r["needs"]["rda_mg"] == 420);
  const json low = ids_of(r["low_magnesium_factors"], "name");
  CHECK(has(low, "omeprazole"));
  CHECK(has(low, "furosemide"));
  CHECK(has(low, "older age"));
  for (const char* k : {"profile", "evidence", "needs", "low_magnesium_factors", "safety",
                        "red_flags", "alternatives"})
    CHECK(r.contains(k));
  for (const auto& s : r["safety"]) {
    CHECK(s["advice"] == "ask your pharmacist");
    CHECK_FALSE(s["sources"].empty());
  }
  CHECK(r["red_flags"].size() >= 4);
}

TEST_CASE("assess: a pregnant 32-year-old sees RDA 360 mg, UL 350 mg and the pregnancy evidence") {
  const json j =
      json::parse(expect_ok({"assess", "--age", "32", "--sex", "f", "--pregnant", "--json"}).out);
  const json& r = j["result"];
  CHECK(r["needs"]["rda_mg"] == 360);
  CHECK(r["needs"]["ul_supplemental_mg"] == 350);
  CHECK(r["evidence"]["population"] == "pregnancy");
  CHECK(r["evidence"]["review"] == "liu-2021");
  CHECK(r["evidence"]["certainty"].is_null());
  const Result t = expect_ok({"assess", "--age", "32", "--sex", "f", "--pregnant"});
  CHECK_THAT(t.out, Contains("not graded certainty"));
  CHECK_THAT(t.out, Contains("food does not count"));
}

TEST_CASE("assess: a 25-year-old runner with exercise cramps gets the exercise evidence") {
  const json r = result_of(
      expect_ok({"assess", "--age", "25", "--sex", "m", "--cramps", "exercise", "--json"}).out);
  CHECK(r["evidence"]["population"] == "exercise");
  CHECK(r["low_magnesium_factors"].empty());
  CHECK_FALSE(r["alternatives"].empty());
}

TEST_CASE("assess: a 55-year-old with CKD on 500 mg magnesium oxide: supervision at any dose") {
  const json j = json::parse(expect_ok({"assess", "--age", "55", "--sex", "f", "--condition", "ckd",
                                        "--supplement", "oxide:500", "--json"})
                                 .out);
  const json& r = j["result"];
  // 500 mg of oxide is about 302 mg elemental: under the UL, and still
  // only under medical supervision.
  CHECK(r["needs"]["supplement_mg"].get<double>() == Approx(301.5).margin(1.5));
  CHECK(r["needs"]["exceeds_ul"] == false);
  REQUIRE(r["safety"].size() == 1);
  CHECK(r["safety"][0]["advice"] == "only under medical supervision");
  CHECK(r["safety"][0]["toxicity"].is_string());
  const json notices = ids_of(j["notices"]);
  CHECK(has(notices, "kidney-supervision"));
  const Result t = expect_ok({"assess", "--age", "55", "--sex", "f", "--condition",
                              "chronic kidney disease", "--supplement", "oxide:500"});
  CHECK_THAT(t.out, Contains("whatever the dose"));
}

TEST_CASE("assess: a 16-year-old on doxycycline sees the NIH ODS timing in its words") {
  const json r = result_of(
      expect_ok({"assess", "--age", "16", "--sex", "m", "--med", "doxycycline", "--json"}).out);
  REQUIRE(r["safety"].size() == 1);
  CHECK(r["safety"][0]["timing"] ==
        "NIH ODS: take the antibiotic at least 2 hours before or 4-6 hours after a "
        "magnesium-containing supplement.");
  CHECK(r["needs"]["rda_mg"] == 410);
}

TEST_CASE("assess: a 3-month-old gets the AI, the infant notice and see a paediatrician only") {
  const json j = json::parse(expect_ok({"assess", "--months", "3", "--json"}).out);
  const json& r = j["result"];
  CHECK(r["needs"]["kind"] == "AI");
  CHECK(r["needs"]["rda_mg"] == 30);
  CHECK(r["evidence"].is_null());
  CHECK(r["red_flags"].empty());
  CHECK(r["alternatives"].empty());
  const json notices = ids_of(j["notices"]);
  CHECK(has(notices, "see-a-paediatrician"));
  CHECK(has(notices, "ul-infants"));
}

TEST_CASE("assess: bad input for every option exits 2 with a fix") {
  expect_usage_error({"assess", "--age", "40", "--sex", "f", "--med", "prilosek"},
                     "not evidence of no interaction");
  expect_usage_error({"assess", "--age", "40", "--sex", "f", "--med", "prilosek"},
                     "did you mean 'prilosec'");
  expect_usage_error({"assess", "--age", "40", "--sex", "f", "--condition", "diabetis"},
                     "did you mean 'diabetes'");
  expect_usage_error({"assess", "--age", "40", "--sex", "f", "--cramps", "nite"},
                     "--cramps must be one of night, exercise, pregnancy, other");
  expect_usage_error({"assess", "--age", "40", "--sex", "f", "--food", "unobtainium"}, "food");
  expect_usage_error({"assess", "--age", "40", "--sex", "f", "--supplement", "oxide:x"},
                     "--supplement");
  expect_usage_error({"assess", "--age", "200"}, "--age");
  expect_usage_error({"assess", "--age", "40", "--sex", "x"}, "--sex");
  expect_usage_error({"assess", "--age", "40"}, "--sex");
  expect_usage_error({"assess", "--sex", "f"}, "age");
}

TEST_CASE("assess --format csv: one flat row per point, under its section") {
  const auto rows = parse_csv(expect_ok({"assess", "--age", "55", "--sex", "m", "--condition",
                                         "CKD", "--med", "omeprazole", "--format", "csv"})
                                  .out);
  REQUIRE(rows.size() > 10);
  CHECK(rows[0] == std::vector<std::string>{"section", "level", "text"});
  std::vector<std::string> sections;
  bool supervision = false;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    REQUIRE(rows[i].size() == 3);
    CHECK((rows[i][1] == "info" || rows[i][1] == "caution"));
    CHECK(rows[i][2].find('{') == std::string::npos);
    if (sections.empty() || sections.back() != rows[i][0]) sections.push_back(rows[i][0]);
    supervision = supervision || (rows[i][0] == "safety" && rows[i][1] == "caution" &&
                                  rows[i][2].find("medical supervision") != std::string::npos);
  }
  CHECK(sections == std::vector<std::string>{"evidence", "needs", "low_magnesium_factors", "safety",
                                             "red_flags", "alternatives", "notes"});
  CHECK(supervision);
}

TEST_CASE("assess --format md: headed sections as a Markdown list") {
  const Result t =
      expect_ok({"assess", "--age", "68", "--sex", "m", "--med", "Prilosec", "--format", "md"});
  CHECK_THAT(t.out, Contains("### What the evidence says for age 68 years, male"));
  CHECK_THAT(t.out, Contains("\n- d. Safety\n  - omeprazole"));
  CHECK_THAT(t.out, Contains("Ask your pharmacist"));
  CHECK_THAT(t.out, !Contains("\x1b"));
}

TEST_CASE("interactions NAME and --med NAME look one medicine up, by generic or brand name") {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"interactions", "--med", "Prilosec"},
        std::vector<std::string>{"interactions", "OMEPRAZOLE"}}) {
    const Result t = expect_ok(args);
    CHECK(t.out.rfind("omeprazole and magnesium\n", 0) == 0);
    CHECK_THAT(t.out, Contains("Proton pump"));
    CHECK_THAT(t.out, Contains("Ask your pharmacist"));
    CHECK_THAT(t.out, !Contains("Bisphosphonates"));
    expect_fits(t.out);
  }
  const json j = json::parse(expect_ok({"interactions", "--med", "vibramycin", "--json"}).out);
  CHECK(j["query"]["medicine"] == "vibramycin");
  CHECK(j["summary"]["medicine"]["id"] == "med-doxycycline");
  REQUIRE(j["results"].size() == 1);
  CHECK(j["results"][0]["id"] == "ix-tetracycline-antibiotics");
  CHECK_FALSE(j["results"][0]["examples"].empty());
}

TEST_CASE("interactions: the table shows example drugs; a drug named only there is found") {
  CHECK_THAT(expect_ok({"interactions"}).out, Contains("Examples"));
  const Result t = expect_ok({"interactions", "Declomycin"});
  CHECK_THAT(t.out, Contains("no record of its own in the medicines table"));
  CHECK_THAT(t.out, Contains("Tetracycline"));
  const json j = json::parse(expect_ok({"interactions", "demeclocycline", "--json"}).out);
  CHECK(j["summary"]["medicine"].is_null());
  CHECK(j["results"].size() == 1);
}

TEST_CASE("interactions: a medicine with no record, or one filtered out, is not 'no interaction'") {
  expect_usage_error({"interactions", "notadrugazole"},
                     "absence from this dataset is not evidence of no interaction");
  expect_usage_error({"interactions", "--med", "prilosek"}, "did you mean 'prilosec'");
  expect_usage_error({"interactions", "--med", "omeprazole", "doxycycline"},
                     "give the medicine once");
  expect_usage_error({"interactions", "--med", "omeprazole", "--category", "nope"}, "--category");
  const Result t = expect_ok({"interactions", "--med", "omeprazole", "--category", "absorption"});
  CHECK_THAT(t.out, Contains("not evidence of no interaction"));
  const json j = json::parse(
      expect_ok({"interactions", "--med", "omeprazole", "--category", "absorption", "--json"}).out);
  CHECK(j["results"].empty());
  CHECK(j["notices"].dump().find("absence-not-evidence") != std::string::npos);
}

TEST_CASE("search: no match says absence is not evidence of no interaction (MS11)") {
  const Result t = expect_ok({"search", "notadrugazole"});
  CHECK_THAT(t.out, Contains("absence from this dataset is not"));
  CHECK_THAT(expect_ok({"search", "notadrugazole", "--table", "medicines"}).out,
             Contains("ask a pharmacist"));
  // Only where a medicine could have been: not for a search of the studies.
  CHECK_THAT(expect_ok({"search", "notadrugazole", "--table", "studies"}).out,
             !Contains("interaction"));
  CHECK_THAT(expect_ok({"search", "omeprazole"}).out, !Contains("absence from this dataset"));
}

TEST_CASE("symptoms --kind, and --condition kept as its old spelling") {
  const json a = json::parse(expect_ok({"symptoms", "--kind", "excess", "--json"}).out);
  const json b = json::parse(expect_ok({"symptoms", "--condition", "excess", "--json"}).out);
  CHECK(a["results"] == b["results"]);
  CHECK(a["query"]["kind"] == "excess");
  REQUIRE_FALSE(a["results"].empty());
  for (const auto& s : a["results"]) CHECK(s["condition"] == "excess");
  expect_usage_error({"symptoms", "--kind", "mild"}, "--kind must be deficiency or excess");
  expect_usage_error({"symptoms", "--condition", "mild"}, "--condition must be");
  const Result help = expect_ok({"symptoms", "--help"});
  CHECK_THAT(help.out, Contains("--kind"));
  CHECK_THAT(help.out, !Contains("--condition"));
}

TEST_CASE("assess: integrase inhibitors, levothyroxine and cisplatin carry their sources' words") {
  const json r = result_of(expect_ok({"assess", "--age", "45", "--sex", "f", "--med", "Tivicay",
                                      "--med", "levothyroxine", "--med", "cisplatin", "--json"})
                               .out);
  REQUIRE(r["safety"].size() == 3);
  CHECK(r["safety"][0]["name"] == "dolutegravir");
  CHECK(r["safety"][0]["interaction"] == "ix-integrase-inhibitors");
  CHECK(r["safety"][0]["severity"] == "absorption");
  CHECK(r["safety"][0]["timing"] ==
        "US DHHS guidelines: give dolutegravir at least 2 hours before or at least 6 hours after "
        "antacids containing polyvalent cations.");
  CHECK(has(r["safety"][0]["sources"], "dhhs-arv-insti-2017"));
  CHECK(r["safety"][1]["interaction"] == "ix-levothyroxine");
  CHECK_THAT(r["safety"][1]["timing"].get<std::string>(), Contains("at least 4 hours"));
  CHECK(r["safety"][2]["effect"] == "lowers-magnesium");
  // Cisplatin lowers magnesium: it is among the reasons magnesium may be low.
  CHECK(has(ids_of(r["low_magnesium_factors"], "name"), "cisplatin"));
}

TEST_CASE(
    "assess: a medicine that can itself cause cramps says so; its magnesium effect unchecked") {
  const json r = result_of(
      expect_ok({"assess", "--age", "60", "--sex", "m", "--med", "atorvastatin", "--json"}).out);
  REQUIRE(r["safety"].size() == 1);
  CHECK(r["safety"][0]["effect"] == "unconfirmed");
  CHECK(r["safety"][0]["interaction"].is_null());
  CHECK(r["safety"][0]["timing"].is_null());
  CHECK(r["safety"][0]["causes_cramps"] == true);
  CHECK(has(r["safety"][0]["sources"], "garrison-2012-ssa"));
  const Result t = expect_ok({"assess", "--age", "60", "--sex", "f", "--med", "albuterol"});
  CHECK_THAT(t.out, Contains("salbutamol"));
  CHECK_THAT(t.out, Contains("not evidence of no interaction"));
}
