// mgcramp rda end to end: the answer, its safety notes and its sources.
#include <nlohmann/json.hpp>

#include "expect.hpp"

using Catch::Contains;
using nlohmann::json;

TEST_CASE("rda answers the quick-start query with RDA EAR UL and sources") {
  const Result r = expect_ok({"rda", "--age", "25", "--sex", "f", "--pregnant"});
  CHECK_THAT(r.out, Contains("Pregnancy 19-30 years"));
  CHECK_THAT(r.out, Contains("350 mg"));
  CHECK_THAT(r.out, Contains("290 mg"));
  CHECK_THAT(r.out, Contains("supplements and medicines"));
  CHECK_THAT(r.out, Contains("Kidney disease"));
  CHECK_THAT(r.out, Contains("[nih-ods-magnesium]"));
  CHECK_THAT(r.out, Contains("[iom-dri-1997]"));
}

TEST_CASE("rda --json gives the intake row the profile asked for, with its notices") {
  const json out =
      json::parse(expect_ok({"rda", "--age", "25", "--sex", "f", "--pregnant", "--json"}).out);
  CHECK(out["query"] ==
        json::parse(R"({"age_months": 300, "sex": "female", "condition": "pregnant"})"));
  REQUIRE(out["results"].size() == 1);
  const json& j = out["results"][0];
  CHECK(j["id"] == "pregnancy-19-30y");
  CHECK(j["life_stage"] == "Pregnancy 19-30 years");
  CHECK(j["rda_mg"] == 350);
  CHECK(j["kind"] == "RDA");
  CHECK(j["ear_mg"] == 290);
  CHECK(j["ul_supplemental_mg"] == 350);
  CHECK(j["sources"] == json::array({"nih-ods-magnesium", "iom-dri-1997"}));
  CHECK(j["condition"] == "pregnant");
  CHECK(j["notices"] == json::array({"ul-supplemental", "kidney-disease"}));
  REQUIRE(out["notices"].size() == 2);
  CHECK(out["notices"][1]["id"] == "kidney-disease");
  CHECK(out["notices"][1]["level"] == "caution");
  CHECK_THAT(out["notices"][1]["text"].get<std::string>(), Contains("Kidney disease"));
  REQUIRE(out["sources"].size() == 2);
  CHECK(out["sources"][0]["id"] == "nih-ods-magnesium");
  CHECK(out["sources"][0]["commercial_interest"] == false);
}

TEST_CASE("infants: AI no EAR UL not established") {
  const Result t = expect_ok({"rda", "--months", "6"});
  CHECK_THAT(t.out, Contains("Infants 0-6 months"));
  CHECK_THAT(t.out, Contains("AI"));
  CHECK_THAT(t.out, Contains("not established"));
  const json j = results_of(expect_ok({"rda", "--months", "7", "--json"}).out).at(0);
  CHECK(j["kind"] == "AI");
  CHECK(j["rda_mg"] == 75);
  CHECK(j["ear_mg"].is_null());
  CHECK(j["ul_supplemental_mg"].is_null());
}

TEST_CASE("without --sex both answers are shown where sex matters") {
  const json both = results_of(expect_ok({"rda", "--age", "51", "--json"}).out);
  REQUIRE(both.size() == 2);
  CHECK(both[0]["sex"] == "female");
  CHECK(both[0]["rda_mg"] == 320);
  CHECK(both[1]["sex"] == "male");
  CHECK(both[1]["rda_mg"] == 420);
  CHECK(results_of(expect_ok({"rda", "--age", "13.99", "--json"}).out).size() == 1);
}

TEST_CASE("rda without options lists every life stage in each format") {
  const json all = results_of(expect_ok({"rda", "--json"}).out);
  CHECK(all.size() == 21);
  const std::string csv = expect_ok({"rda", "--format", "csv"}).out;
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 22);
  const std::string md = expect_ok({"rda", "--format", "md"}).out;
  CHECK_THAT(md, Contains("| Life stage |"));
  CHECK_THAT(md, Contains("| Lactation 31-50 years |"));
}

TEST_CASE("rda profile errors exit 2 with one line") {
  expect_usage_error({"rda", "--sex", "x"}, "--sex must be f or m, got 'x'");
  expect_usage_error({"rda", "--age", "-1"}, "--age must be from 0 to 120 years");
  expect_usage_error({"rda", "--age=-1"}, "--age must be from 0 to 120 years");
  expect_usage_error({"rda", "--age", "121"}, "--age must be from 0 to 120 years");
  expect_usage_error({"rda", "--age", "ten"}, "--age must be a number of years, got 'ten'");
  expect_usage_error({"rda", "--age", "3", "--months", "4"},
                     "--age and --months cannot be used together");
  expect_usage_error({"rda", "--age", "30", "--pregnant", "--sex", "m"},
                     "--pregnant cannot be combined with --sex m");
  expect_usage_error({"rda", "--age", "30", "--pregnant", "--lactating"},
                     "--pregnant and --lactating cannot be used together");
  expect_usage_error({"rda", "--age", "8", "--pregnant"},
                     "no reference intake for pregnancy at age 8");
  expect_usage_error({"rda", "--months", "2.5"}, "--months must be a whole number");
}

TEST_CASE("pregnancy and lactation under 14 answer from the IOM's 18-and-under rows") {
  const json out =
      json::parse(expect_ok({"rda", "--age", "13", "--sex", "f", "--pregnant", "--json"}).out);
  const json& j = out["results"].at(0);
  CHECK(j["id"] == "pregnancy-under-14y");
  CHECK(j["rda_mg"] == 400);
  CHECK(j["ear_mg"] == 335);
  bool noted = false;
  for (const auto& n : out["notices"]) noted = noted || n["id"] == "iom-18-and-under";
  CHECK(noted);
  const Result lact = expect_ok({"rda", "--age", "13", "--lactating"});
  CHECK_THAT(lact.out, Contains("360 mg"));
  CHECK_THAT(lact.out, Contains("no separate pregnancy or lactation row below 14 years"));
  // 14 and over keep their own row, without the note.
  const Result fifteen = expect_ok({"rda", "--age", "15", "--pregnant"});
  CHECK_THAT(fifteen.out, Contains("Pregnancy 14-18 years"));
  CHECK_THAT(fifteen.out, !Contains("no separate pregnancy"));
}
