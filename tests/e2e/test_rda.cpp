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

TEST_CASE("rda --json prints one object with the documented fields") {
  const json j =
      json::parse(expect_ok({"rda", "--age", "25", "--sex", "f", "--pregnant", "--json"}).out);
  REQUIRE(j.is_object());
  CHECK(j["life_stage"] == "Pregnancy 19-30 years");
  CHECK(j["rda_mg"] == 350);
  CHECK(j["kind"] == "RDA");
  CHECK(j["ear_mg"] == 290);
  CHECK(j["ul_supplemental_mg"] == 350);
  CHECK(j["sources"] == json::array({"nih-ods-magnesium", "iom-dri-1997"}));
  CHECK(j["condition"] == "pregnant");
}

TEST_CASE("infants: AI no EAR UL not established") {
  const Result t = expect_ok({"rda", "--months", "6"});
  CHECK_THAT(t.out, Contains("Infants 0-6 months"));
  CHECK_THAT(t.out, Contains("AI"));
  CHECK_THAT(t.out, Contains("not established"));
  const json j = json::parse(expect_ok({"rda", "--months", "7", "--json"}).out);
  CHECK(j["kind"] == "AI");
  CHECK(j["rda_mg"] == 75);
  CHECK(j["ear_mg"].is_null());
  CHECK(j["ul_supplemental_mg"].is_null());
}

TEST_CASE("without --sex both answers are shown where sex matters") {
  const json both = json::parse(expect_ok({"rda", "--age", "51", "--json"}).out);
  REQUIRE(both.is_array());
  REQUIRE(both.size() == 2);
  CHECK(both[0]["sex"] == "female");
  CHECK(both[0]["rda_mg"] == 320);
  CHECK(both[1]["sex"] == "male");
  CHECK(both[1]["rda_mg"] == 420);
  CHECK(json::parse(expect_ok({"rda", "--age", "13.99", "--json"}).out).is_object());
}

TEST_CASE("rda without options lists every life stage in each format") {
  const json all = json::parse(expect_ok({"rda", "--json"}).out);
  CHECK(all.size() == 19);
  const std::string csv = expect_ok({"rda", "--format", "csv"}).out;
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 20);
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
  expect_usage_error({"rda", "--age", "12", "--pregnant"},
                     "no reference intake for pregnancy at age 12");
  expect_usage_error({"rda", "--months", "2.5"}, "--months must be a whole number");
}
