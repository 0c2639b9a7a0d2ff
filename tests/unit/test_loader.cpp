// Loading and validation: each class of bad dataset, with its reported position.
// Each test breaks one rule of a minimal valid dataset (fixtures.hpp).
#include <fmt/format.h>
#include <unistd.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "fixtures.hpp"
#include "mgcramp/error.hpp"
#include "mgcramp/io/load.hpp"
#include "mgcramp/model/tables.hpp"
#include "mgcramp/report/builders.hpp"
#include "mgcramp/text.hpp"
#include "rules.hpp"

using namespace mgcramp;
using Catch::Contains;
using nlohmann::json;

namespace {

std::string error_of(const std::string& text) {
  try {
    (void)load_dataset(text, "mydata.json");
  } catch (const DataError& e) {
    return e.what();
  }
  return "(no error)";
}

std::string error_of(const json& doc) {
  return error_of(doc.dump(1));
}
std::string error_of(const char* text) {
  return error_of(std::string(text));
}

}  // namespace

// The tests below change one thing each, so the fixture itself must pass.
TEST_CASE("the fixture loads and has a record in every table") {
  const Dataset d = load_dataset(fixture::dataset().dump(1), "fixture.json");
  for (const auto& t : table_counts(d)) {
    INFO(t.table);
    CHECK(t.records > 0);
  }
}

TEST_CASE("syntax errors name file line and column") {
  CHECK(error_of("{\n  \"schema_version\": 1,\n  \"sources\": [}\n") ==
        "mydata.json:3:15: invalid JSON: expected a value, got '}'");
  CHECK(error_of("") == "mydata.json:1:1: invalid JSON: unexpected end of input");
  // After a whole, valid dataset.
  const std::string text = fixture::dataset().dump() + "\n trailing";
  CHECK(error_of(text) ==
        "mydata.json:2:2: invalid JSON: unexpected 't' after the end of the JSON value");
  CHECK(error_of("{\"a\": \"\xff\"}") ==
        "mydata.json:1:8: invalid JSON: invalid UTF-8 in a string");
  // The file is read as it is parsed, so an error in the data before a
  // syntax error is the one reported.
  CHECK(error_of("{\"a\": 1} trailing") == "mydata.json: /schema_version: missing required field");
}

TEST_CASE("control characters in a syntax error are escaped") {
  const std::string msg = error_of("{\"a\": tru\x1b[31m}");
  CHECK(msg == "mydata.json:1:7: invalid JSON: invalid literal");
  CHECK(error_of("{\"a\": \"x\x1by\"}") ==
        "mydata.json:1:9: invalid JSON: control character U+001B in a string");
  CHECK(msg.find('\x1b') == std::string::npos);
}

TEST_CASE("wrong types name the JSON Pointer and the value") {
  json d = fixture::dataset();
  fixture::intake(d, "children-4-8y")["rda_mg"] = "lots";
  CHECK(error_of(d) ==
        "mydata.json: /intakes/2/rda_mg: expected a non-negative number, got \"lots\"");
  d = fixture::dataset();
  fixture::intake(d, "infants-0-6m")["sex"] = "x";
  CHECK(error_of(d) ==
        "mydata.json: /intakes/0/sex: expected \"any\", \"female\" or \"male\", got \"x\"");
  d = fixture::dataset();
  fixture::source(d, "nih-ods-magnesium")["commercial_interest"] = "no";
  CHECK_THAT(error_of(d), Contains("/sources/0/commercial_interest: expected true or false"));
  d = fixture::dataset();
  d["intakes"] = json::object();
  CHECK_THAT(error_of(d), Contains("mydata.json: /intakes: expected an array, got an object"));
  d = fixture::dataset();
  fixture::intake(d, "children-4-8y") = 5;
  CHECK_THAT(error_of(d), Contains("/intakes/2: expected an object, got 5"));
}

TEST_CASE("missing required fields and unknown fields are reported") {
  json d = fixture::dataset();
  fixture::intake(d, "children-1-3y").erase("life_stage");
  CHECK(error_of(d) == "mydata.json: /intakes/1/life_stage: missing required field");
  d = fixture::dataset();
  fixture::intake(d, "children-1-3y")["rda_m"] = 3;
  CHECK_THAT(error_of(d), Contains("/intakes/1/rda_m: unknown field"));
  d = fixture::dataset();
  d.erase("schema_version");
  CHECK_THAT(error_of(d), Contains("/schema_version: missing required field"));
  d = fixture::dataset();
  d["schema_version"] = 2;
  CHECK_THAT(error_of(d), Contains("/schema_version: unsupported schema version 2"));
}

TEST_CASE("amounts must be finite and non-negative") {
  json d = fixture::dataset();
  fixture::intake(d, "females-19-30y")["ear_mg"] = -1;
  CHECK_THAT(error_of(d),
             Contains("/intakes/3/ear_mg: expected a non-negative number or null, got -1"));
  // JSON has no NaN or infinity; an overflowing literal is rejected by the parser.
  const std::string text = fixture::with_raw(fixture::dataset(), "/intakes/0/rda_mg", "1e999");
  CHECK_THAT(error_of(text), Contains("mydata.json:1:") && Contains("number overflow"));
}

TEST_CASE("range rules: age order EAR below RDA no overlapping stages") {
  json d = fixture::dataset();
  fixture::intake(d, "children-1-3y")["age_to_months"] = 12;
  CHECK_THAT(error_of(d),
             Contains("/intakes/1/age_to_months: must be greater than age_from_months"));
  d = fixture::dataset();
  fixture::intake(d, "children-1-3y")["ear_mg"] = 500;
  CHECK_THAT(error_of(d), Contains("/intakes/1/ear_mg: the Estimated Average Requirement"));
  d = fixture::dataset();
  fixture::intake(d, "children-4-8y")["age_from_months"] = 40;  // now overlaps 1-3
  CHECK_THAT(error_of(d), Contains("/intakes/2: ages overlap with intake \"children-1-3y\""));
  d = fixture::dataset();
  fixture::intake(d, "pregnancy-19-30y")["sex"] = "any";  // a pregnancy row must be female
  CHECK_THAT(error_of(d), Contains("/intakes/5/sex: pregnancy and lactation rows"));
}

TEST_CASE("ids are unique within a table and well formed") {
  json d = fixture::dataset();
  fixture::intake(d, "children-1-3y")["id"] = "infants-0-6m";
  CHECK(error_of(d) == "mydata.json: /intakes/1/id: duplicate intake id \"infants-0-6m\"");
  d = fixture::dataset();
  fixture::source(d, "nih-ods-magnesium")["id"] = "Bad Id";
  CHECK_THAT(error_of(d), Contains("/sources/0/id: expected an id of lowercase letters"));
}

TEST_CASE("duplicate keys within an object are rejected with their pointer") {
  // children-1-3y's rda_mg is written twice: "rda_mg":1,"rda_mg":80.
  const std::string text =
      fixture::with_raw(fixture::dataset(), "/intakes/1/rda_mg", "1,\"rda_mg\":80");
  CHECK(error_of(text) == "mydata.json: /intakes/1/rda_mg: duplicate key");
  CHECK(error_of("{\"schema_version\":1,\"schema_version\":1}") ==
        "mydata.json: /schema_version: duplicate key");
  // Deeper down, after sibling objects and arrays, the pointer names every level.
  CHECK(error_of("{\"a\":[{\"x\":1},{\"b\":{\"c\":[1,2]},\"d\":{\"e\":0,\"e\":1}}]}") ==
        "mydata.json: /a/1/d/e: duplicate key");
  CHECK(error_of("{\"a/b\":{\"~\":1,\"~\":2}}") == "mydata.json: /a~1b/~0: duplicate key");
}

TEST_CASE("every referenced id must exist") {
  json d = fixture::dataset();
  fixture::intake(d, "children-4-8y")["sources"].push_back("iom-dri-1998");
  CHECK(error_of(d) == "mydata.json: /intakes/2/sources/1: unknown source id \"iom-dri-1998\"");
  d = fixture::dataset();
  fixture::intake(d, "children-4-8y")["notices"][0] = "nope";
  CHECK_THAT(error_of(d), Contains("/intakes/2/notices/0: unknown notice id \"nope\""));
  d = fixture::dataset();
  fixture::intake(d, "children-4-8y")["sources"] = json::array();
  CHECK_THAT(error_of(d), Contains("/intakes/2/sources: expected at least one id"));
  d = fixture::dataset();
  fixture::notice(d, "kidney-disease")["sources"][0] = "";
  CHECK_THAT(error_of(d), Contains("/notices/0/sources/0: expected a non-empty string"));
}

TEST_CASE("a commercial source must say what it sells") {
  json d = fixture::dataset();
  fixture::source(d, "nih-ods-magnesium")["commercial_interest"] = true;
  fixture::source(d, "nih-ods-magnesium")["commercial_note"] = nullptr;
  CHECK_THAT(error_of(d), Contains("/sources/0/commercial_note: missing"));
}

TEST_CASE("source dates are YYYY, YYYY-MM or YYYY-MM-DD") {
  for (const char* ok : {"1997", "2012-09", "2025-07-31"}) {
    json d = fixture::dataset();
    fixture::source(d, "nih-ods-magnesium")["date"] = ok;
    INFO(ok);
    CHECK(error_of(d) == "(no error)");
  }
  for (const char* bad : {"97", "2012-9", "2012-13", "2025-07-32", "July 2025", "2025/07/31"}) {
    json d = fixture::dataset();
    fixture::source(d, "nih-ods-magnesium")["date"] = bad;
    INFO(bad);
    CHECK_THAT(error_of(d), Contains("/sources/0/date: expected YYYY, YYYY-MM or YYYY-MM-DD"));
  }
}

TEST_CASE("an access date is YYYY-MM-DD and needs a url") {
  json d = fixture::dataset();
  fixture::source(d, "nih-ods-magnesium")["url"] = "https://ods.od.nih.gov/";
  fixture::source(d, "nih-ods-magnesium")["accessed"] = "2026-12-02";
  CHECK(error_of(d) == "(no error)");
  for (const char* bad : {"2026", "2026-12", "2026-12-32", "2 Dec 2026"}) {
    fixture::source(d, "nih-ods-magnesium")["accessed"] = bad;
    INFO(bad);
    CHECK_THAT(error_of(d), Contains("/sources/0/accessed: expected YYYY-MM-DD"));
  }
  fixture::source(d, "nih-ods-magnesium")["accessed"] = "2026-12-02";
  fixture::source(d, "nih-ods-magnesium")["url"] = nullptr;
  CHECK_THAT(error_of(d), Contains("/sources/0/accessed: an access date needs a url"));
}

TEST_CASE("UTF-8 in names and titles loads unharmed") {
  json d = fixture::dataset();
  fixture::source(d, "nih-ods-magnesium")["authors"] = "Gröber U, Bøhmer T, Dugré N";
  fixture::source(d, "nih-ods-magnesium")["title"] = "Myth or Reality—Transdermal Magnesium?";
  const Dataset ds = load_dataset(d.dump(), "mydata.json");
  CHECK(ds.sources[0].authors == std::optional<std::string>("Gröber U, Bøhmer T, Dugré N"));
  CHECK(ds.sources[0].title == "Myth or Reality—Transdermal Magnesium?");
}

TEST_CASE("deep nesting is refused before it can exhaust the stack") {
  // Inside a field the loader does not know, which it passes over.
  const std::string deep = "{\"a\":" + std::string(100000, '[') + std::string(100000, ']') + "}";
  std::string zeros31;
  for (int i = 0; i < 31; ++i) zeros31 += "/0";
  CHECK(error_of(deep) == "mydata.json: /a" + zeros31 + ": nesting deeper than 32 levels");
  // With 32 containers open (the root object, "a" and 30 arrays) the next is refused.
  std::string zeros;
  for (int i = 0; i < 30; ++i) zeros += "/0";
  CHECK(error_of("{\"a\":[1," + std::string(40, '[') + std::string(40, ']') + "]}") ==
        "mydata.json: /a/1" + zeros + ": nesting deeper than 32 levels");
}

TEST_CASE("files: missing a directory or valid") {
  CHECK_THROWS_WITH(load_dataset_file("/nonexistent/x.json"),
                    Contains("cannot open '/nonexistent/x.json'"));
  CHECK_THROWS_WITH(load_dataset_file("/"), Contains("is a directory"));
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("mgcramp-fixture-" + std::to_string(::getpid()) + ".json"))
                               .string();
  std::ofstream(path, std::ios::binary) << fixture::dataset().dump(1);
  CHECK(load_dataset_file(path).origin == path);
  std::remove(path.c_str());
}

TEST_CASE("whitespace is trimmed as ASCII and Unicode spaces") {
  using mgcramp::text::trim;
  CHECK(trim("") == "");
  CHECK(trim(" \t\r\n\v\f") == "");
  CHECK(trim("\u00a0\u2003\u3000\u200b\ufeff\u2060\u0085") == "");
  CHECK(trim("  a b  ") == "a b");
  CHECK(trim("\u00a0caf\u00e9\u3000") == "caf\u00e9");
  CHECK(trim("\u00e9") == "\u00e9");  // a 2-byte letter is text
  CHECK(trim("x") == "x");
}

TEST_CASE("strings must hold more than whitespace") {
  // Required strings, list items, locators, names, titles...
  const char* required[] = {"/sources/0/title",
                            "/notices/0/text",
                            "/intakes/0/life_stage",
                            "/daily_value/population",
                            "/foods/0/name",
                            "/foods/0/serving",
                            "/foods/0/aliases/0",
                            "/forms/0/name",
                            "/forms/0/aliases/0",
                            "/forms/0/absorption/summary",
                            "/forms/0/article_views/0/note",
                            "/studies/0/title",
                            "/studies/0/result/summary",
                            "/studies/0/outcomes/0/timepoint",
                            "/claims/0/text",
                            "/claims/0/stances/0/locator",
                            "/claims/0/verdict/summary",
                            "/causes/0/name",
                            "/remedies/0/name",
                            "/symptoms/0/name",
                            "/interactions/0/examples/0",
                            "/interactions/0/advice"};
  // Optional strings, when present.
  const char* optional[] = {"/sources/0/publisher", "/sources/0/notes", "/studies/0/notes",
                            "/studies/0/intervention/description", "/foods/0/note"};
  for (const char* blank : {" ", "  \t\n ", "\u00a0", "\u3000\u200b"}) {
    for (const char* p : required) {
      json d = fixture::dataset();
      d[json::json_pointer(p)] = blank;
      INFO(p);
      CHECK(error_of(d) == std::string("mydata.json: ") + p +
                               ": expected a non-empty string, got only whitespace");
    }
    for (const char* p : optional) {
      json d = fixture::dataset();
      d[json::json_pointer(p)] = blank;
      INFO(p);
      CHECK(error_of(d) == std::string("mydata.json: ") + p +
                               ": expected a non-empty string or null, got only whitespace");
      d[json::json_pointer(p)] = nullptr;
      CHECK(error_of(d) == "(no error)");
    }
  }
}

TEST_CASE("notes required by a flag must hold more than whitespace") {
  json d = fixture::dataset();
  fixture::source(d, "nih-ods-magnesium")["commercial_interest"] = true;
  fixture::source(d, "nih-ods-magnesium")["commercial_note"] = "   ";
  CHECK(error_of(d) ==
        "mydata.json: /sources/0/commercial_note: expected a non-empty string or "
        "null, got only whitespace");
  d = fixture::dataset();
  fixture::remedy(d, "remedy-magnesium")["prescription_only"] = true;
  fixture::remedy(d, "remedy-magnesium")["caution"] = "\t";
  CHECK(
      error_of(d) ==
      "mydata.json: /remedies/0/caution: expected a non-empty string or null, got only whitespace");
}

TEST_CASE("ids and references have no whitespace around them") {
  json d = fixture::dataset();
  fixture::source(d, "nih-ods-magnesium")["id"] = "   ";
  CHECK(error_of(d) ==
        "mydata.json: /sources/0/id: expected a non-empty string, got only whitespace");
  d = fixture::dataset();
  fixture::intake(d, "children-1-3y")["id"] = " children-1-3y";
  CHECK(error_of(d) ==
        "mydata.json: /intakes/1/id: expected an id without leading or trailing "
        "whitespace, got \" children-1-3y\"");
  d = fixture::dataset();
  fixture::food(d, "pumpkin-seeds")["sources"][0] = "usda-sr-legacy\u00a0";
  CHECK_THAT(error_of(d), Contains("/foods/0/sources/0: expected an id without leading or trailing "
                                   "whitespace"));
  d = fixture::dataset();
  fixture::claim(d, "claim-mg-prevents-cramps")["stances"][0]["source"] = "art-shop ";
  CHECK_THAT(error_of(d), Contains("/claims/0/stances/0/source: expected an id without"));
  d = fixture::dataset();
  fixture::form(d, "oxide")["article_views"][0]["source"] = " art-shop";
  CHECK_THAT(error_of(d), Contains("/forms/0/article_views/0/source: expected an id without"));
  d = fixture::dataset();
  fixture::study(d, "example-2017")["intervention"]["form"] = "mixed\n";
  CHECK_THAT(error_of(d), Contains("/studies/0/intervention/form: expected an id without"));
  d = fixture::dataset();
  fixture::study(d, "example-2017")["discrepancies"][0]["source"] = "\t";
  CHECK(error_of(d) ==
        "mydata.json: /studies/0/discrepancies/0/source: expected a non-empty "
        "string, got only whitespace");
}

TEST_CASE("a study cannot analyse more people than it randomized") {
  json d = fixture::dataset();
  json& s = fixture::study(d, "example-2017");
  s["n_randomized"] = 94;
  s["n_analysed"] = 95;
  CHECK(error_of(d) == "mydata.json: /studies/0/n_analysed: 95 exceeds n_randomized (94)");
  s["n_analysed"] = 94;
  CHECK(error_of(d) == "(no error)");
  s["n_randomized"] = nullptr;
  s["n_analysed"] = 1000;
  CHECK(error_of(d) == "(no error)");
}

TEST_CASE("an outcome's interval is ordered, holds the estimate and, for a ratio, is positive") {
  // A ratio measure: responders (RR).
  for (double low : {0.0, -0.4}) {
    json d = fixture::dataset();
    json& o = fixture::study(d, "example-2017")["outcomes"][0];
    o["measure"] = "responders";
    o["estimate"] = 1.2;
    o["ci_low"] = low;
    o["ci_high"] = 2.4;
    INFO(low);
    CHECK_THAT(error_of(d), Contains("/studies/0/outcomes/0/ci_low: a ratio (responders) "
                                     "needs ci_low greater than 0"));
  }
  json d = fixture::dataset();
  json& o = fixture::study(d, "example-2017")["outcomes"][0];
  o["measure"] = "responders";
  o["estimate"] = 1.2;
  o["ci_low"] = 0.01;
  o["ci_high"] = 2.4;
  CHECK(error_of(d) == "(no error)");
  // A difference may well have a negative lower bound: the fixture's effect
  // is -0.18 in [-0.84, 0.49].
  d = fixture::dataset();
  fixture::study(d, "example-2017")["outcomes"][0]["estimate"] = 0.6;
  CHECK(error_of(d) ==
        "mydata.json: /studies/0/outcomes/0/estimate: must lie within [ci_low, ci_high] = "
        "[-0.84, 0.49], got 0.6");
  d = fixture::dataset();
  fixture::study(d, "example-2017")["outcomes"][0]["ci_high"] = -0.9;
  CHECK(error_of(d) == "mydata.json: /studies/0/outcomes/0/ci_high: -0.9 is below ci_low (-0.84)");
  d = fixture::dataset();
  fixture::study(d, "example-2017")["outcomes"][0]["ci_low"] = 0.49;
  fixture::study(d, "example-2017")["outcomes"][0]["estimate"] = 0.49;
  CHECK(error_of(d) ==
        "mydata.json: /studies/0/outcomes/0/ci_high: equals ci_low (0.49): a 95% CI has a width");
  d = fixture::dataset();
  fixture::study(d, "example-2017")["outcomes"][0]["ci_high"] = nullptr;
  CHECK(error_of(d) ==
        "mydata.json: /studies/0/outcomes/0/ci_high: an effect needs estimate, ci_low and "
        "ci_high together");
}

TEST_CASE("an outcome gives its arms or its published effect, as its measure needs") {
  auto with = [](auto edit) {
    json d = fixture::dataset();
    edit(fixture::study(d, "example-2017"));
    return error_of(d);
  };
  CHECK(with([](json& s) {
          json& o = s["outcomes"][0];
          o["estimate"] = o["ci_low"] = o["ci_high"] = nullptr;
        }) ==
        "mydata.json: /studies/0/outcomes/0/estimate: missing: an outcome needs its arms "
        "or its published effect");
  // A review that could not pool gives k and no effect.
  CHECK(with([](json& s) {
          json& o = s["outcomes"][0];
          o["estimate"] = o["ci_low"] = o["ci_high"] = nullptr;
          o["k"] = 3;
        }) == "(no error)");
  // Binary arms for a ratio of events; continuous arms for a difference.
  CHECK(with([](json& s) { s["outcomes"][1]["arms"]["control"]["mean"] = 2; }) ==
        "mydata.json: /studies/0/outcomes/1/arms/control: a binary outcome's arm gives events "
        "and n, not a mean or SD");
  CHECK(with([](json& s) { s["outcomes"][1]["arms"]["control"]["events"] = 47; }) ==
        "mydata.json: /studies/0/outcomes/1/arms/control/events: 47 exceeds n (46)");
  CHECK(with([](json& s) {
          s["outcomes"][0]["arms"] = {
              {"intervention", {{"n", 48}, {"mean", 3}, {"sd", 2}, {"events", nullptr}}},
              {"control", {{"n", 46}, {"mean", 3}, {"sd", 0}, {"events", nullptr}}}};
        }) ==
        "mydata.json: /studies/0/outcomes/0/arms/control/sd: an SD must be greater than 0, "
        "got 0");
  CHECK(with([](json& s) {
          s["outcomes"][0]["arms"] = {
              {"intervention", {{"n", 48}, {"mean", nullptr}, {"sd", nullptr}, {"events", 3}}},
              {"control", {{"n", 46}, {"mean", nullptr}, {"sd", nullptr}, {"events", 4}}}};
        }) ==
        "mydata.json: /studies/0/outcomes/0/arms/intervention: a continuous outcome's arm "
        "gives n, mean and SD, not events");
  // A crossover enters only with its paired effect.
  CHECK(with([](json& s) { s["design"] = "crossover-rct"; }) ==
        "mydata.json: /studies/0/outcomes/1/arms: a crossover trial enters only with its "
        "published paired effect, not arm figures");
  // An outcome's population is one of the study's.
  CHECK(with([](json& s) { s["outcomes"][1]["population"] = "pregnancy"; }) ==
        "mydata.json: /studies/0/outcomes/1/population: \"pregnancy\" is not among the study's "
        "populations");
  CHECK(with([](json& s) {
          s["populations"] = {"idiopathic", "idiopathic"};
        }) == "mydata.json: /studies/0/populations/1: \"idiopathic\" is listed twice");
  CHECK(with([](json& s) { s["populations"] = json::array(); }) ==
        "mydata.json: /studies/0/populations: missing: a study covers at least one population");
  // Arm sizes add up to the intention-to-treat count.
  CHECK(with([](json& s) { s["arms"][1]["n_randomized"] = 45; }) ==
        "mydata.json: /studies/0/arms: arm sizes add up to 93, but n_randomized is 94");
  CHECK(with([](json& s) { s["risk_of_bias_by"] = "example-2017"; }) ==
        "mydata.json: /studies/0/risk_of_bias: missing: risk_of_bias_by names a review but no "
        "judgement is given");
  CHECK_THAT(with([](json& s) { s["outcomes"][0]["measure"] = "cramps-a-week"; }),
             Contains("/studies/0/outcomes/0/measure: expected \"cramps-per-week\""));
}

TEST_CASE("first_repeat finds the earliest repeat and its first occurrence") {
  using mgcramp::io::first_repeat;
  using P = std::pair<std::size_t, std::size_t>;
  CHECK_FALSE(first_repeat({}).has_value());
  CHECK_FALSE(first_repeat({"a", "b", "c"}).has_value());
  CHECK(first_repeat({"a", "a"}) == P{0, 1});
  CHECK(first_repeat({"a", "b", "b", "a"}) == P{1, 2});
  CHECK(first_repeat({"b", "a", "c", "a", "b", "a"}) == P{1, 3});
  CHECK(first_repeat({"x", "a", "a", "a"}) == P{1, 2});
}

TEST_CASE("an id appears once in each list of references") {
  const char* lists[] = {
      "/notices/0/sources",         "/intakes/0/notices",     "/intakes/0/sources",
      "/daily_value/sources",       "/atomic_masses/sources", "/foods/0/mentioned_by",
      "/foods/0/sources",           "/forms/0/cramp_studies", "/forms/0/absorption/studies",
      "/forms/0/sources",           "/studies/0/cited_by",    "/studies/0/sources",
      "/claims/0/verdict/evidence", "/causes/0/sources",      "/remedies/0/studies",
      "/remedies/0/sources",        "/symptoms/0/sources",    "/interactions/0/sources"};
  for (const char* p : lists) {
    json d = fixture::dataset();
    json& list = d[json::json_pointer(p)];
    REQUIRE(!list.empty());
    const std::string id = list[0];
    const std::size_t n = list.size();
    list.push_back(id);
    INFO(p);
    CHECK(error_of(d) ==
          fmt::format("mydata.json: {}/{}: \"{}\" is already listed at {}/0", p, n, id, p));
  }
  // The earliest repeat is the one reported: art-shop at 4 (first at 2), not
  // nih-ods-magnesium at 5, although that one was first listed earlier.
  json d = fixture::dataset();
  fixture::form(d, "oxide")["sources"] =
      json::array({"nih-ods-magnesium", "usda-sr-legacy", "art-shop", "art-clinic", "art-shop",
                   "nih-ods-magnesium"});
  CHECK(error_of(d) ==
        "mydata.json: /forms/0/sources/4: \"art-shop\" is already listed at /forms/0/sources/2");
}

TEST_CASE("an article has one stance per claim, one view per form, one discrepancy per study") {
  json d = fixture::dataset();
  fixture::claim(d, "claim-mg-prevents-cramps")["stances"][1]["source"] = "art-shop";
  CHECK(error_of(d) ==
        "mydata.json: /claims/0/stances/1/source: \"art-shop\" already has a stance at "
        "/claims/0/stances/0");
  d = fixture::dataset();
  fixture::form(d, "oxide")["article_views"][1]["source"] = "art-shop";
  CHECK(error_of(d) ==
        "mydata.json: /forms/0/article_views/1/source: \"art-shop\" already has a view at "
        "/forms/0/article_views/0");
  d = fixture::dataset();
  json& ds = fixture::study(d, "example-2017")["discrepancies"];
  ds = json::array();
  ds.push_back({{"source", "art-shop"}, {"note", "One way it is misdescribed."}});
  ds.push_back({{"source", "art-clinic"}, {"note", "Another article."}});
  ds.push_back({{"source", "art-shop"}, {"note", "Another way."}});
  CHECK(error_of(d) ==
        "mydata.json: /studies/0/discrepancies/2/source: \"art-shop\" already has a "
        "discrepancy at /studies/0/discrepancies/0");
  ds.erase(2);
  CHECK(error_of(d) == "(no error)");
}

TEST_CASE("a claim implies and denies other claims, each once, none in both lists") {
  json d = fixture::dataset();
  json second = fixture::claim(d, "claim-mg-prevents-cramps");
  second["id"] = "claim-mechanism";
  second.erase("stances");
  d["claims"].push_back(second);
  json& c = d["claims"][1];
  c["implies"] = {"claim-mg-prevents-cramps"};
  CHECK(error_of(d) == "(no error)");
  c["implies"] = {"claim-nonexistent"};
  CHECK_THAT(error_of(d), Contains("mydata.json: /claims/1/implies/0: unknown claim id "
                                   "\"claim-nonexistent\""));
  c["implies"] = {"claim-mechanism"};
  CHECK(error_of(d) == "mydata.json: /claims/1/implies/0: a claim implies itself");
  c["implies"] = {"claim-mg-prevents-cramps", "claim-mg-prevents-cramps"};
  CHECK(error_of(d) ==
        "mydata.json: /claims/1/implies/1: \"claim-mg-prevents-cramps\" is already listed at "
        "/claims/1/implies/0");
  c["implies"] = {"claim-mg-prevents-cramps"};
  c["denies"] = {"claim-mg-prevents-cramps"};
  CHECK(error_of(d) ==
        "mydata.json: /claims/1/denies/0: \"claim-mg-prevents-cramps\" is in implies too");
  c.erase("implies");
  CHECK(error_of(d) == "(no error)");
  // Only claims: a study's id is no claim.
  c["denies"] = {"example-2017"};
  CHECK_THAT(error_of(d), Contains("/claims/1/denies/0: unknown claim id"));
}

TEST_CASE("tables the commands need are not empty") {
  json d = fixture::dataset();
  d["intakes"] = json::array();
  CHECK(error_of(d) == "mydata.json: /intakes: expected at least one intake, got an empty array");
  d = fixture::dataset();
  d["sources"] = json::array();
  CHECK(error_of(d) == "mydata.json: /sources: expected at least one source, got an empty array");
  d = fixture::dataset();
  d["foods"] = json::array();
  CHECK(error_of(d) == "mydata.json: /foods: expected at least one food, got an empty array");
  d = fixture::dataset();
  d["forms"] = json::array();
  CHECK(error_of(d) == "mydata.json: /forms: expected at least one form, got an empty array");
  // Only pregnancy and lactation rows: no age has a general answer.
  d = fixture::dataset();
  json only = json::array();
  for (const auto& in : d["intakes"]) {
    if (in["condition"] != "none") only.push_back(in);
  }
  REQUIRE(!only.empty());
  d["intakes"] = only;
  CHECK(error_of(d) ==
        "mydata.json: /intakes: no row for the general population (condition \"none\")");
  // Context tables may be empty: the commands then list nothing.
  d = fixture::dataset();
  d["symptoms"] = json::array();
  d["interactions"] = json::array();
  d["medicines"] = json::array();
  d["causes"] = json::array();
  CHECK(error_of(d) == "(no error)");
  // So may the tables assess reads, and a dataset written before them may
  // leave them out.
  d = fixture::dataset();
  d.erase("medicines");
  d.erase("conditions");
  d.erase("red_flags");
  CHECK(error_of(d) == "(no error)");
}

namespace {
// "message (hint)" of the DataError loading `text` throws, or "(no error)".
std::string full_error_of(const std::string& text) {
  try {
    (void)load_dataset(text, "mydata.json");
  } catch (const DataError& e) {
    return std::string(e.what()) + " (" + e.hint() + ")";
  }
  return "(no error)";
}
std::string full_error_of(const json& doc) {
  return full_error_of(doc.dump(1));
}
std::string hint_of(const json& doc) {
  try {
    (void)load_dataset(doc.dump(1), "mydata.json");
  } catch (const DataError& e) {
    return e.hint();
  }
  return "(no error)";
}
}  // namespace

TEST_CASE("every loader error has a hint") {
  using fixture::claim;
  using fixture::food;
  using fixture::form;
  using fixture::intake;
  using fixture::notice;
  using fixture::remedy;
  using fixture::source;
  using fixture::study;
  using fixture::symptom;
  const std::vector<std::function<void(json&)>> breakages = {
      [](json& d) { source(d, "nih-ods-magnesium")["id"] = 12345; },
      [](json& d) { source(d, "nih-ods-magnesium").erase("commercial_interest"); },
      [](json& d) { d["schema_version"] = 2; },
      [](json& d) { d.erase("schema_version"); },
      [](json& d) { d["intakes"] = json::object(); },
      [](json& d) { intake(d, "children-4-8y") = 5; },
      [](json& d) { intake(d, "children-4-8y") = nullptr; },
      [](json& d) { intake(d, "children-1-3y")["zzz"] = 1; },
      [](json& d) { intake(d, "females-19-30y")["ear_mg"] = -1; },
      [](json& d) { intake(d, "females-19-30y")["ear_mg"] = 500; },
      [](json& d) { intake(d, "children-1-3y")["age_to_months"] = 12; },
      [](json& d) { intake(d, "children-4-8y")["age_from_months"] = 40; },
      [](json& d) { intake(d, "pregnancy-19-30y")["sex"] = "any"; },
      [](json& d) { intake(d, "children-1-3y")["id"] = "infants-0-6m"; },
      [](json& d) { intake(d, "children-4-8y")["sources"].push_back("iom-dri-1998"); },
      [](json& d) { intake(d, "children-4-8y")["sources"] = json::array(); },
      [](json& d) { notice(d, "kidney-disease")["level"] = 3; },
      [](json& d) { notice(d, "kidney-disease")["sources"][0] = ""; },
      [](json& d) { d["daily_value"]["mg"] = 0; },
      [](json& d) { d["atomic_masses"]["values"]["mg"] = 24.3; },
      [](json& d) { d["atomic_masses"]["values"]["Mg"] = 0; },
      [](json& d) { food(d, "pumpkin-seeds")["grams"] = 0; },
      [](json& d) { food(d, "pumpkin-seeds")["usda_ndb"] = "12-516"; },
      [](json& d) { food(d, "pumpkin-seeds")["mg_per_serving"] = 1; },
      [](json& d) { form(d, "oxide")["formula"] = "Mg(("; },
      [](json& d) { form(d, "oxide")["hydrate_water"] = 7; },
      [](json& d) { form(d, "oxide")["elemental_pct"] = 1; },
      [](json& d) { study(d, "example-2017")["year"] = 1700; },
      [](json& d) { study(d, "example-2017")["pmid"] = "PMID1"; },
      [](json& d) { study(d, "example-2017")["doi"] = "https://doi.org/10.1/x"; },
      [](json& d) { study(d, "example-2017")["id"] = "nih-ods-magnesium"; },
      [](json& d) { study(d, "example-2017")["outcomes"][0]["p"] = 2; },
      [](json& d) { study(d, "example-2017")["outcomes"][0]["estimate"] = 5; },
      [](json& d) { study(d, "example-2017")["intervention"]["form"] = "citrat"; },
      [](json& d) { claim(d, "claim-mg-prevents-cramps")["cues"] = json::array(); },
      [](json& d) {
        claim(d, "claim-mg-prevents-cramps")["stances"][0]["source"] = "nih-ods-magnesium";
      },
      [](json& d) { remedy(d, "remedy-magnesium")["prescription_only"] = true; },
      [](json& d) { source(d, "nih-ods-magnesium")["commercial_interest"] = true; },
      [](json& d) { source(d, "nih-ods-magnesium")["date"] = "July 2025"; },
      [](json& d) {
        symptom(d, "mg-def-loss-of-appetite")["sources"].push_back("nih-ods-magnesium");
      },
  };
  for (std::size_t i = 0; i < breakages.size(); ++i) {
    json d = fixture::dataset();
    breakages[i](d);
    const std::string full = full_error_of(d);
    INFO("breakage " << i << ": " << full);
    CHECK(full != "(no error)");
    const std::string hint = hint_of(d);
    CHECK(!hint.empty());
    CHECK(full.find('\n') == std::string::npos);
  }
  for (const std::string& text :
       {std::string("{\"a\": tru}"), std::string("{\"a\":1,\"a\":2}"), std::string("1e999"),
        std::string(50, '[') + std::string(50, ']')}) {
    try {
      (void)load_dataset(text, "mydata.json");
      FAIL("no error for " << text);
    } catch (const DataError& e) {
      INFO(e.what());
      CHECK(!e.hint().empty());
    }
  }
}

TEST_CASE("type errors hint at the fix the value suggests") {
  json d = fixture::dataset();
  fixture::source(d, "nih-ods-magnesium")["id"] = 12345;
  CHECK(full_error_of(d) ==
        "mydata.json: /sources/0/id: expected a non-empty string, got 12345 (quote it: \"12345\")");
  d = fixture::dataset();
  fixture::intake(d, "children-4-8y")["rda_mg"] = "130";
  CHECK(hint_of(d) == "write the number without quotes: 130");
  d = fixture::dataset();
  fixture::source(d, "nih-ods-magnesium")["commercial_interest"] = "no";
  CHECK(hint_of(d) == "write true or false, without quotes");
  d = fixture::dataset();
  fixture::food(d, "pumpkin-seeds")["aliases"] = "pepitas";
  CHECK(hint_of(d) == "make it a list: [\"pepitas\"]");
  d = fixture::dataset();
  fixture::form(d, "oxide")["hydrate_water"] = 0.0;
  CHECK(hint_of(d) == "write a whole number, without a decimal point");
  d = fixture::dataset();
  fixture::study(d, "example-2017")["title"] = nullptr;
  CHECK(hint_of(d) == "null is allowed only for optional fields");
  d = fixture::dataset();
  fixture::intake(d, "infants-0-6m")["sex"] = "Female";
  CHECK(hint_of(d) == "did you mean \"female\"?");
  d = fixture::dataset();
  fixture::source(d, "nih-ods-magnesium")["id"] = "NIH_ODS Magnesium";
  CHECK(hint_of(d) == "for example \"nih-ods-magnesium\"");
  // Nothing specific to say: the section of data/SCHEMA.md.
  d = fixture::dataset();
  fixture::notice(d, "kidney-disease")["level"] = 3;
  CHECK(hint_of(d) == "'mgcramp schema notice' describes every field of a Notice");
  d = fixture::dataset();
  d["daily_value"]["population"] = json::array();
  CHECK(hint_of(d) == "'mgcramp schema dataset' describes the top-level fields");
}

TEST_CASE("missing and unknown fields hint at the misspelling or the allowed fields") {
  const auto rename = [](json& record, const std::string& from, const std::string& to) {
    record[to] = record.at(from);
    record.erase(from);
  };
  json d = fixture::dataset();
  fixture::source(d, "nih-ods-magnesium").erase("commercial_interest");
  CHECK(full_error_of(d) ==
        "mydata.json: /sources/0/commercial_interest: missing required field (add "
        "\"commercial_interest\"; 'mgcramp schema source' describes every field of a Source)");
  // A required field spelt wrong is missing; the stray key is named.
  d = fixture::dataset();
  rename(fixture::intake(d, "children-1-3y"), "life_stage", "life_stag");
  CHECK(full_error_of(d) ==
        "mydata.json: /intakes/1/life_stage: missing required field (found "
        "\"life_stag\": rename it \"life_stage\")");
  // A field the record has is never taken for a misspelling (rda_mg is close to ear_mg).
  d = fixture::dataset();
  fixture::intake(d, "children-1-3y").erase("rda_mg");
  CHECK_THAT(hint_of(d), Contains("add \"rda_mg\""));
  // An optional field spelt wrong is unknown; the field it resembles is suggested.
  d = fixture::dataset();
  rename(fixture::intake(d, "females-19-30y"), "ear_mg", "ear_mgs");
  CHECK(full_error_of(d) ==
        "mydata.json: /intakes/3/ear_mgs: unknown field (did you mean \"ear_mg\"?)");
  // Otherwise the allowed fields are listed.
  d = fixture::dataset();
  fixture::claim(d, "claim-mg-prevents-cramps")["verdict"]["grade"] = "A";
  CHECK(full_error_of(d) ==
        "mydata.json: /claims/0/verdict/grade: unknown field (remove it; the "
        "fields are rating, summary, evidence)");
  // Keys from the data are sanitized in hints.
  d = fixture::dataset();
  rename(fixture::intake(d, "children-1-3y"), "life_stage", "life_stage\x1b");
  const std::string hint = hint_of(d);
  CHECK_THAT(hint, Contains("rename it \"life_stage\""));
  CHECK(hint.find('\x1b') == std::string::npos);
}

TEST_CASE("deep nesting says so in its hint") {
  const std::string deep = "{\"a\":" + std::string(40, '[') + std::string(40, ']') + "}";
  CHECK_THAT(full_error_of(deep), Contains("nesting deeper than 32 levels (no record"));
}

TEST_CASE("a food follows its USDA figures and a form its formula") {
  json d = fixture::dataset();
  fixture::food(d, "pumpkin-seeds")["mg_per_serving"] = 170;
  CHECK_THAT(error_of(d), Contains("mydata.json: /foods/0/mg_per_serving: 170 does not agree "
                                   "with usda_mg_per_100g x grams / 100"));
  d = fixture::dataset();
  fixture::form(d, "oxide")["elemental_pct"] = 50;
  CHECK_THAT(error_of(d), Contains("/forms/0/elemental_pct: 50 does not match"));
  d = fixture::dataset();
  fixture::form(d, "oxide")["hydrate_water"] = 2;
  CHECK(error_of(d) == "mydata.json: /forms/0/hydrate_water: 2 does not match the formula's 0 H2O");
  d = fixture::dataset();
  fixture::form(d, "oxide")["formula"] = "Mg(O";
  CHECK_THAT(error_of(d), Contains("/forms/0/formula: missing ')'"));
  d = fixture::dataset();
  fixture::food(d, "pumpkin-seeds")["category"] = "candy";
  CHECK_THAT(error_of(d), Contains("/foods/0/category: expected \"nuts-seeds\""));
  d = fixture::dataset();
  fixture::study(d, "example-2017")["cited_by"] = json::array({"nih-ods-magnesium"});
  CHECK_THAT(error_of(d), Contains("/studies/0/cited_by/0: unknown article id"));
}

TEST_CASE("a symptom's basis must match the kinds of its sources") {
  json d = fixture::dataset();
  fixture::symptom(d, "mg-def-loss-of-appetite")["basis"] = "article-only";
  CHECK(error_of(d) ==
        "mydata.json: /symptoms/0/basis: \"article-only\" but no article is among its sources");
  d = fixture::dataset();
  fixture::symptom(d, "mg-def-loss-of-appetite")["sources"] = json::array({"art-clinic"});
  CHECK(error_of(d) ==
        "mydata.json: /symptoms/0/basis: \"reference\" but no reference source is among its "
        "sources");
  d = fixture::dataset();
  fixture::symptom(d, "mg-def-loss-of-appetite")["basis"] = "article-only";
  fixture::symptom(d, "mg-def-loss-of-appetite")["sources"].push_back("art-clinic");
  CHECK(error_of(d) == "(no error)");
}

TEST_CASE("a form's hydrates follow their formulas, one per water count") {
  json d = fixture::dataset();
  d["atomic_masses"]["values"]["H"] = 1.008;
  fixture::form(d, "oxide")["hydrates"] =
      json::parse(R"([{"formula": "MgO.H2O", "hydrate_water": 1, "elemental_pct": 41.7}])");
  CHECK(error_of(d) == "(no error)");
  fixture::form(d, "oxide")["hydrates"][0]["elemental_pct"] = 60.3;
  CHECK_THAT(error_of(d), Contains("/forms/0/hydrates/0/elemental_pct: 60.3 does not match"));
  fixture::form(d, "oxide")["hydrates"][0]["elemental_pct"] = 41.7;
  fixture::form(d, "oxide")["hydrates"][0]["hydrate_water"] = 2;
  CHECK_THAT(error_of(d), Contains("/forms/0/hydrates/0/hydrate_water: 2 does not match"));
  fixture::form(d, "oxide")["hydrates"] =
      json::parse(R"([{"formula": "MgO", "hydrate_water": 0, "elemental_pct": 60.3}])");
  CHECK_THAT(error_of(d), Contains("/forms/0/hydrates/0/hydrate_water: the form already has a "
                                   "state with 0 H2O"));
}

TEST_CASE("ion charges are positive, by element symbol") {
  json d = fixture::dataset();
  d["atomic_masses"]["charges"] = json::parse(R"({"Mg": 2})");
  CHECK(error_of(d) == "(no error)");
  d["atomic_masses"]["charges"] = json::parse(R"({"Mg": 0})");
  CHECK_THAT(error_of(d), Contains("/atomic_masses/charges/Mg: an ion's charge must be greater"));
  d["atomic_masses"]["charges"] = json::parse(R"({"magnesium": 2})");
  CHECK_THAT(error_of(d), Contains("expected an element symbol"));
}

TEST_CASE("loader: the dataset's version and review date are optional; a bad date is an error") {
  json d = fixture::dataset();
  const Dataset none = load_dataset(d.dump(), "fixture.json");
  CHECK_FALSE(none.reviewed);
  CHECK_THAT(dataset_version_text(none), Contains("no review date given"));
  d["data_version"] = "1.2";
  d["reviewed"] = "2026-11-30";
  const Dataset both = load_dataset(d.dump(), "fixture.json");
  CHECK(both.data_version == "1.2");
  CHECK(dataset_version_text(both) == "dataset 1.2, evidence last reviewed 2026-11-30");
  d["reviewed"] = "30/11/2026";
  CHECK_THAT(error_of(d), Contains("/reviewed"));
  d["reviewed"] = 20261130;
  CHECK_THAT(error_of(d), Contains("/reviewed"));
}

TEST_CASE("a medicine's interaction and sources exist; an unconfirmed one has no interaction") {
  json d = fixture::dataset();
  fixture::medicine(d, "med-alendronate")["interaction"] = "ix-nope";
  CHECK_THAT(error_of(d), Contains("/medicines/0/interaction: unknown interaction id \"ix-nope\""));
  d = fixture::dataset();
  fixture::medicine(d, "med-alendronate")["sources"] = json::array();
  CHECK_THAT(error_of(d), Contains("/medicines/0/sources: expected at least one id"));
  d = fixture::dataset();
  fixture::medicine(d, "med-alendronate")["sources"][0] = "nih-ods-mg";
  CHECK_THAT(error_of(d), Contains("/medicines/0/sources/0: unknown source id \"nih-ods-mg\""));
  d = fixture::dataset();
  fixture::interaction(d, "ix-bisphosphonates")["sources"] = json::array();
  CHECK_THAT(error_of(d), Contains("/interactions/0/sources: expected at least one id"));
  d = fixture::dataset();
  fixture::interaction(d, "ix-bisphosphonates")["sources"][0] = "nih-ods-mg";
  CHECK_THAT(error_of(d), Contains("/interactions/0/sources/0: unknown source id \"nih-ods-mg\""));

  // Unconfirmed: neither an interaction record nor a source's timing advice.
  d = fixture::dataset();
  fixture::medicine(d, "med-alendronate")["effect"] = "unconfirmed";
  CHECK(error_of(d) ==
        "mydata.json: /medicines/0/interaction: an \"unconfirmed\" medicine names interaction "
        "\"ix-bisphosphonates\"");
  fixture::medicine(d, "med-alendronate")["interaction"] = nullptr;
  CHECK(error_of(d) ==
        "mydata.json: /medicines/0/timing: an \"unconfirmed\" medicine gives timing advice");
  fixture::medicine(d, "med-alendronate")["timing"] = nullptr;
  CHECK(error_of(d) == "(no error)");
}

namespace {

// An overlay's error on the fixture, or "(no error)".
std::string overlay_error(const json& overlay) {
  const Dataset base = load_dataset(fixture::dataset().dump(1), "fixture.json");
  try {
    (void)load_overlay(base, overlay.dump(1), "extra.json");
  } catch (const DataError& e) {
    return e.what();
  }
  return "(no error)";
}

// A food for an overlay: the fixture's pumpkin seeds under another id.
json overlay_food(const std::string& id) {
  json d = fixture::dataset();
  json f = fixture::food(d, "pumpkin-seeds");
  f["id"] = id;
  f["aliases"] = json::array();
  return f;
}

}  // namespace

TEST_CASE("an overlay adds its records to the dataset's, referring to both") {
  const Dataset base = load_dataset(fixture::dataset().dump(1), "fixture.json");
  json extra = {{"schema_version", 1}, {"description", "mine"}};
  extra["sources"] = json::array({{{"id", "my-labels"},
                                   {"kind", "reference"},
                                   {"title", "Labels"},
                                   {"publisher", "Me"},
                                   {"commercial_interest", false}}});
  json food = overlay_food("my-seeds");
  food["sources"] = json::array({"my-labels", "usda-sr-legacy"});  // its own, and the base's
  food["mentioned_by"] = json::array({"art-shop"});
  extra["foods"] = json::array({food});
  const Dataset d = load_overlay(base, extra.dump(1), "extra.json");
  CHECK(d.origin == "fixture.json + extra.json");
  CHECK(d.foods.size() == base.foods.size() + 1);
  CHECK(d.foods.back().id == "my-seeds");
  CHECK(d.sources.size() == base.sources.size() + 1);
  CHECK(d.find_source("my-labels") != nullptr);
  // The base's own top-level values stay.
  CHECK(d.daily_value.mg == base.daily_value.mg);
  CHECK(d.intakes.size() == base.intakes.size());
  // An empty overlay changes nothing but the origin; nor do empty tables,
  // even of those a dataset may not leave empty.
  CHECK(load_overlay(base, R"({"sources": [], "foods": []})", "e.json").foods.size() ==
        base.foods.size());
  const Dataset same = load_overlay(base, "{}", "empty.json");
  for (std::size_t t = 0; t < enum_count<Table>(); ++t) {
    CHECK(table_size(same, static_cast<Table>(t)) == table_size(base, static_cast<Table>(t)));
  }
  // Overlays stack: the second may refer to the first's records.
  json more = {{"foods", json::array({overlay_food("more-seeds")})}};
  more["foods"][0]["sources"] = json::array({"my-labels"});
  CHECK(load_overlay(d, more.dump(), "more.json").foods.size() == base.foods.size() + 2);
}

TEST_CASE("an overlay's ids are new, and its errors point into it") {
  // The base's id: refused, with what to do instead.
  CHECK(overlay_error({{"foods", json::array({overlay_food("pumpkin-seeds")})}}) ==
        "extra.json: /foods/0/id: the dataset already has a food with id \"pumpkin-seeds\"");
  // A source and a study share one id space, the base's included.
  CHECK_THAT(overlay_error({{"sources", json::array({{{"id", "example-2017"},
                                                      {"kind", "reference"},
                                                      {"title", "T"},
                                                      {"publisher", "P"},
                                                      {"commercial_interest", false}}})}}),
             Contains("/sources/0/id: the dataset already has a study with id \"example-2017\""));
  // Twice in the overlay: the first one's place is counted in the overlay.
  CHECK(overlay_error({{"foods", json::array({overlay_food("a"), overlay_food("a")})}}) ==
        "extra.json: /foods/1/id: duplicate food id \"a\"");
  // References: the overlay's own position, whatever the base holds.
  json bad = overlay_food("b");
  bad["sources"] = json::array({"usda-sr-legacyy"});
  CHECK(overlay_error({{"foods", json::array({overlay_food("a"), bad})}}) ==
        "extra.json: /foods/1/sources/0: unknown source id \"usda-sr-legacyy\"");
  // The dataset's own fields are not an overlay's.
  for (const char* key : {"daily_value", "atomic_masses", "data_version", "reviewed"}) {
    INFO(key);
    CHECK_THAT(overlay_error({{key, nullptr}}),
               Contains(std::string("extra.json: /") + key + ": an overlay adds records: \"" + key +
                        "\" is the dataset's own"));
  }
  CHECK_THAT(overlay_error({{"schema_version", 2}}), Contains("unsupported schema version 2"));
  // Syntax errors name the overlay's line and column.
  const Dataset base = load_dataset(fixture::dataset().dump(1), "fixture.json");
  CHECK_THROWS_WITH(load_overlay(base, "{\n \"foods\": [}", "extra.json"),
                    Contains("extra.json:2:12: invalid JSON"));
}

TEST_CASE("an overlay's records follow the dataset's rules against the two together") {
  json d = fixture::dataset();
  // An intake overlapping the base's, for the same people.
  json intake = fixture::intake(d, "females-19-30y");
  intake["id"] = "females-20-25y";
  intake["age_from_months"] = 240;
  intake["age_to_months"] = 300;
  CHECK_THAT(overlay_error({{"intakes", json::array({intake})}}),
             Contains("extra.json: /intakes/0: ages overlap with intake \"females-19-30y\""));
  // A symptom's basis against its sources.
  json symptom = fixture::symptom(d, "mg-def-loss-of-appetite");
  symptom["id"] = "mg-def-other";
  symptom["basis"] = "article-only";
  CHECK_THAT(overlay_error({{"symptoms", json::array({symptom})}}),
             Contains("extra.json: /symptoms/0/basis: \"article-only\""));
  // A claim's cue pattern naming no cue.
  json claim = fixture::claim(d, "claim-mg-prevents-cramps");
  claim["id"] = "claim-other";
  claim["cues"] = json::array({"@nowhere magnesium"});
  CHECK_THAT(overlay_error({{"claims", json::array({claim})}}),
             Contains("extra.json: /claims/0/cues/0: "));
  // A record's own rules.
  json food = overlay_food("c");
  food["mg_per_serving"] = -1;
  CHECK_THAT(overlay_error({{"foods", json::array({food})}}), Contains("extra.json: /foods/0/"));
}
