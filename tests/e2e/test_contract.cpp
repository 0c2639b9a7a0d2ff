// The JSON contract of docs/json.md, checked on every command's output: one
// envelope, one name and one type per field across commands, records with the
// same fields wherever they appear; and CSV flat, one row per record.
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "expect.hpp"

using Catch::Contains;
using nlohmann::json;

namespace {

// One query per command, chosen to fill in most of its fields.
const std::vector<std::vector<std::string>> kQueries = {
    {"rda", "--age", "25", "--sex", "f", "--pregnant"},
    {"rda"},
    {"foods", "--top", "5", "--age", "40", "--sex", "f"},
    {"foods", "--per", "100kcal", "--top", "3"},
    {"foods", "--months", "3", "--top", "3"},
    {"rda", "--age", "13", "--pregnant"},
    {"forms"},
    {"forms", "citrate"},
    {"dose", "--form", "oxide", "--elemental-mg", "400", "--age", "30", "--sex", "m"},
    {"dose", "--form", "citrate", "--compound-mg", "500"},
    {"dose", "--compound-mg", "500", "--age", "40", "--sex", "f"},
    {"intake", "--food", "almonds:2", "--supplement", "citrate:500", "--age", "40", "--sex", "f"},
    {"trials", "--design", "all", "--all"},
    {"trials", "--population", "pregnancy", "--plot"},
    {"trials", "--design", "reviews"},
    {"meta"},
    {"meta", "--outcome", "cramp-free", "--population", "pregnancy"},
    {"meta", "--outcome", "cramps-per-week", "--population", "idiopathic", "--plot"},
    {"claims"},
    {"claims", "--full"},
    {"claims", "--source", "art-healthline", "--standing", "at-odds"},
    {"sources"},
    {"sources", "art-healthline"},
    {"sources", "nih-ods-magnesium"},
    {"causes"},
    {"remedies"},
    {"symptoms"},
    {"interactions"},
    {"interactions", "--med", "Prilosec"},
    {"assess", "--age", "68", "--sex", "m", "--cramps", "night", "--med", "omeprazole", "--med",
     "doxycycline", "--condition", "CKD", "--supplement", "oxide:500"},
    {"search", "leg", "cramps"},
    {"show", "garrison-2020"},
    {"show", "claim-mg-prevents-night-cramps"},
    {"show", "glycinate"},
    {"show", "males-19-30y"},
    {"show", "art-healthline"},
    {"cite", "garrison-2020", "art-clepon"},
    {"validate"},
};

std::vector<std::string> with(std::vector<std::string> q, std::initializer_list<const char*> more) {
  q.insert(q.end(), more.begin(), more.end());
  return q;
}

std::string type_of(const json& v) {
  if (v.is_object()) return "object";
  if (v.is_array()) return "array";
  if (v.is_string()) return "string";
  if (v.is_boolean()) return "boolean";
  if (v.is_number()) return "number";
  return "null";
}

// Every key under `v`, as a dotted path from `at`, with its type; lists add
// nothing to the path, so a stance's source is "stances.source".
void collect(const json& v, const std::string& at,
             std::map<std::string, std::set<std::string>>& out) {
  if (v.is_object()) {
    for (const auto& [k, x] : v.items()) {
      const std::string path = at.empty() ? k : at + "." + k;
      if (!x.is_null()) out[path].insert(type_of(x));
      collect(x, path, out);
    }
  } else if (v.is_array()) {
    for (const auto& x : v) {
      if (!x.is_null() && !x.is_object()) out[at + "[]"].insert(type_of(x));
      collect(x, at, out);
    }
  }
}

}  // namespace

TEST_CASE("every command's JSON is the one envelope") {
  for (const auto& q : kQueries) {
    const std::string line = json(q).dump();
    INFO(line);
    const json j = json::parse(expect_ok(with(q, {"--json"})).out);
    REQUIRE(j.is_object());
    for (const auto& [k, v] : j.items()) {
      INFO(k);
      CHECK(std::set<std::string>{"query", "results", "result", "summary", "notices", "sources"}
                .count(k) == 1);
    }
    CHECK(j.contains("results") != j.contains("result"));
    CHECK(j["query"].is_object());
    if (j.contains("results")) {
      REQUIRE(j["results"].is_array());
      for (const auto& r : j["results"]) CHECK(r.is_object());
    } else {
      CHECK(j["result"].is_object());
    }
    if (j.contains("summary")) CHECK(j["summary"].is_object());
    REQUIRE(j["notices"].is_array());
    for (const auto& n : j["notices"]) {
      CHECK(n.size() == 3);
      CHECK(n["id"].is_string());
      CHECK((n["level"] == "info" || n["level"] == "caution"));
      CHECK(n["text"].is_string());
    }
    REQUIRE(j["sources"].is_array());
    for (const auto& s : j["sources"]) {
      CHECK(s.size() == 4);
      CHECK(s["id"].is_string());
      CHECK(s["type"].is_string());
      CHECK(s["reference"].is_string());
      CHECK(s["commercial_interest"].is_boolean());
    }
  }
}

// A field has one type wherever it appears (a record's fields, the query's,
// the summary's); so "authors" cannot be text in one command and a list in
// another, nor "conclusion" a name here and an object there.
TEST_CASE("a field has one type in every command") {
  std::map<std::string, std::set<std::string>> types;
  std::map<std::string, std::set<std::string>> where;
  for (const auto& q : kQueries) {
    const json j = json::parse(expect_ok(with(q, {"--json"})).out);
    std::map<std::string, std::set<std::string>> here;
    if (q.front() == "assess") {
      // Its result's keys name sections (docs/json.md), not fields: what
      // each section holds is checked against every other command.
      for (const auto& [section, v] : j["result"].items()) collect(v, "", here);
    } else {
      collect(j.contains("results") ? j["results"] : j["result"], "", here);
    }
    collect(j["query"], "query", here);
    collect(j.value("summary", json::object()), "summary", here);
    for (const auto& [k, t] : here) {
      types[k].insert(t.begin(), t.end());
      where[k].insert(q.front());
    }
  }
  for (const auto& [k, t] : types) {
    std::string seen;
    for (const auto& x : t) seen += x + " ";
    std::string in;
    for (const auto& x : where[k]) in += x + " ";
    INFO(k << ": " << seen << "in " << in);
    CHECK(t.size() == 1);
  }
}

// A record listed by its command has the fields show gives it.
TEST_CASE("a record has the same fields in its list and in show") {
  const std::pair<std::vector<std::string>, std::set<std::string>> lists[] = {
      {{"trials", "--design", "all", "--all"}, {"participants"}},
      {{"claims"}, {}},
      {{"forms"}, {}},
      {{"sources"}, {"scorecard"}},
      {{"causes"}, {}},
      {{"remedies"}, {}},
      {{"symptoms"}, {}},
      {{"interactions"}, {}},
      {{"rda"}, {}},
      {{"foods"},
       {"rank", "mg_per_100g", "mg_per_100kcal", "per_100_from", "pct_dv", "pct_dv_per_100g",
        "pct_dv_per_100kcal", "pct_rda", "servings_for_rda", "grams_for_rda", "kcal_for_rda",
        "data_type", "fdc_id", "fdc_release", "brand_owner", "per_unit", "label_declared"}},
  };
  for (const auto& [q, computed] : lists) {
    INFO(q.front());
    const json listed = results_of(expect_ok(with(q, {"--json"})).out).at(0);
    const json shown = result_of(expect_ok({"show", listed["id"], "--json"}).out);
    std::set<std::string> a, b;
    for (const auto& [k, v] : listed.items()) {
      if (computed.count(k) == 0) a.insert(k);
    }
    for (const auto& [k, v] : shown.items()) {
      if (k != "table" && k != "referenced_by") b.insert(k);
    }
    CHECK(a == b);
    for (const auto& k : a) {
      INFO(k);
      CHECK(listed[k] == shown[k]);
    }
  }
}

TEST_CASE("CSV is flat: a header, rows as long, no JSON in a cell, flags as true or false") {
  for (const auto& q : kQueries) {
    INFO(json(q).dump());
    const auto rows = parse_csv(expect_ok(with(q, {"--format", "csv"})).out);
    REQUIRE(rows.size() >= 2);
    for (const auto& row : rows) {
      CHECK(row.size() == rows.front().size());
      for (const auto& cell : row) {
        CHECK((cell.empty() || (cell.front() != '{' && cell.front() != '[')));
        CHECK(cell != "yes");
        CHECK(cell != "no");
      }
    }
  }
  // With --full, a claim's stances are one row each; a claim no reviewed
  // article makes is one row of its own, with the stance cells empty.
  const auto claims = parse_csv(expect_ok({"claims", "--full", "--format", "csv"}).out);
  const json all = results_of(expect_ok({"claims", "--json"}).out);
  std::size_t rows = 0;
  for (const auto& c : all) rows += std::max<std::size_t>(1, c["stances"].size());
  CHECK(claims.size() == rows + 1);
}

TEST_CASE("Markdown of records in full is one table each under its own heading") {
  const std::string md =
      expect_ok({"claims", "--topic", "efficacy-night-cramps", "--full", "--format", "md"}).out;
  std::size_t tables = 0, headings = 0;
  std::istringstream in(md);
  std::string prev, line;
  while (std::getline(in, line)) {
    if (line == "| Field | Value |") {
      ++tables;
      CHECK(prev.empty());  // a blank line before each table, after its heading
    }
    if (line.rfind("#### claim-", 0) == 0) ++headings;
    prev = line;
  }
  CHECK(tables >= 2);
  CHECK(headings == tables);
}

// Fields computed from the standing table (data/SCHEMA.md, "Standing") are
// the same wherever a claim or a scorecard appears.
TEST_CASE("stances carry standing and overstates; scorecards count by standing") {
  const std::set<std::string> standings = {"agrees", "at-odds", "unsettled"};
  const auto check_stances = [&](const json& claim) {
    for (const auto& st : claim["stances"]) {
      CHECK(std::set<std::string>{"source", "stance", "locator", "standing", "overstates"} == [&] {
        std::set<std::string> keys;
        for (const auto& [k, v] : st.items()) keys.insert(k);
        return keys;
      }());
      CHECK(standings.count(st["standing"].get<std::string>()) == 1);
      CHECK(st["overstates"].is_boolean());
    }
  };
  for (const auto& c : results_of(expect_ok({"claims", "--json"}).out)) check_stances(c);
  check_stances(result_of(expect_ok({"show", "claim-mg-helps-pregnancy-cramps", "--json"}).out));
  const std::set<std::string> counts = {"claims", "agrees", "at_odds", "unsettled", "overstates"};
  for (const auto& s : results_of(expect_ok({"sources", "--json"}).out)) {
    if (s["scorecard"].is_null()) continue;
    std::set<std::string> keys;
    for (const auto& [k, v] : s["scorecard"].items()) keys.insert(k);
    CHECK(keys == counts);
  }
  const json article = json::parse(expect_ok({"sources", "art-clepon", "--json"}).out);
  std::set<std::string> keys;
  for (const auto& [k, v] : article["summary"].items()) keys.insert(k);
  CHECK(keys == counts);
  for (const auto& r : results_of(expect_ok({"remedies", "--json"}).out)) {
    CHECK_FALSE(r.contains("advised"));
  }
}

// The fields docs/json.md lists for foods and dose rows, in every row.
TEST_CASE("foods and dose rows have the fields docs/json.md lists") {
  const json foods =
      results_of(expect_ok({"foods", "--top", "40", "--age", "15", "--sex", "f", "--json"}).out);
  for (const auto& f : foods) {
    for (const char* k :
         {"mg_per_100g", "mg_per_100kcal", "per_100_from", "pct_dv", "pct_dv_per_100g",
          "pct_dv_per_100kcal", "pct_rda", "servings_for_rda", "grams_for_rda", "kcal_for_rda",
          "data_type", "fdc_id", "fdc_release", "brand_owner", "per_unit", "label_declared"}) {
      INFO(f["id"] << " " << k);
      CHECK(f.contains(k));
    }
  }
  const json dose = results_of(expect_ok({"dose", "--compound-mg", "500", "--json"}).out);
  for (const auto& d : dose) {
    for (const char* k : {"form", "hydrate_water", "formula", "elemental_pct", "compound_mg",
                          "elemental_mg", "elemental_mmol", "elemental_meq", "life_stage",
                          "ul_supplemental_mg", "pct_ul", "exceeds_ul", "sources"}) {
      INFO(d["form"] << " " << k);
      CHECK(d.contains(k));
    }
  }
}
