// trials end to end.
#include <nlohmann/json.hpp>

#include "expect.hpp"

using Catch::Contains;
using nlohmann::json;

TEST_CASE("trials --population pregnancy lists the pregnancy trials with a summary") {
  const Result r = expect_ok({"trials", "--population", "pregnancy"});
  for (const char* a : {"Dahle", "Nygaard", "Supakatisant", "Araújo"})
    CHECK_THAT(r.out, Contains(a));
  CHECK_THAT(r.out, Contains("4 studies"));
  CHECK_THAT(r.out, Contains("Benefit 2, no benefit 2"));
}

TEST_CASE("trials --json has the studies as the dataset does, a summary and the query") {
  const json out = json::parse(expect_ok({"trials", "--design", "all", "--all", "--json"}).out);
  CHECK(out["query"]["design"] == "all");
  CHECK(out["query"]["all"] == true);
  const json& j = out["results"];
  CHECK(j.size() >= 30);
  for (const auto& s : j) {
    for (const char* k : {"id", "first_author", "year", "title", "journal", "pmid", "doi", "design",
                          "population", "n_randomized", "n_analysed", "intervention", "result",
                          "conclusion", "participants", "sources"}) {
      INFO(k);
      CHECK(s.contains(k));
    }
    CHECK(s["intervention"].contains("form"));
    CHECK(s["result"].contains("summary"));
    CHECK_FALSE(s.contains("plot"));
  }
  const json& t = out["summary"];
  CHECK(t["studies"] == j.size());
  CHECK(t["benefit"].get<int>() + t["no_benefit"].get<int>() + t["mixed"].get<int>() +
            t["inconclusive"].get<int>() + t["not_rated"].get<int>() ==
        t["studies"].get<int>());
}

TEST_CASE("trials --plot draws intervals for studies with an effect") {
  const Result r = expect_ok({"trials", "--design", "all", "--all", "--plot"});
  const auto at = r.out.find("garrison-2020 ");
  REQUIRE(at != std::string::npos);
  const std::string line = r.out.substr(at, r.out.find('\n', at) - at);
  CHECK_THAT(line, Contains("-0.18 [-0.84, 0.49]"));
  // The drawn interval: "[" before the estimate "o" before "]", crossing "|" (no effect).
  const std::string bar = line.substr(line.find("0.49]") + 5);
  const auto lo = bar.find('['), est = bar.find('o'), hi = bar.find(']'), zero = bar.find('|');
  REQUIRE(lo != std::string::npos);
  REQUIRE(hi != std::string::npos);
  CHECK(lo < est);
  CHECK(est < hi);
  CHECK(lo < zero);
  CHECK(zero < hi);
}

TEST_CASE("trials filters and sorting") {
  const json by_n = results_of(expect_ok({"trials", "--sort", "n", "--json"}).out);
  REQUIRE(by_n.size() >= 6);
  const auto n_of = [](const json& s) {
    return s["participants"].is_null() ? 0 : s["participants"].get<long long>();
  };
  for (std::size_t i = 1; i < by_n.size(); ++i) CHECK(n_of(by_n[i - 1]) >= n_of(by_n[i]));
  for (const auto& s : results_of(expect_ok({"trials", "--since", "2015", "--json"}).out)) {
    CHECK(s["year"].get<int>() >= 2015);
  }
  for (const auto& s : results_of(expect_ok({"trials", "--min-n", "80", "--json"}).out)) {
    CHECK(n_of(s) >= 80);
  }
  const json oxide = results_of(expect_ok({"trials", "--form", "Magnesium Oxide", "--json"}).out);
  REQUIRE_FALSE(oxide.empty());
  for (const auto& s : oxide) CHECK(s["intervention"]["form"] == "oxide");
  for (const auto& s : results_of(expect_ok({"trials", "--result", "benefit", "--json"}).out)) {
    CHECK(s["conclusion"] == "benefit");
  }
  // An empty selection is an answer, not an error.
  const Result none = expect_ok({"trials", "--since", "2099"});
  CHECK_THAT(none.out, Contains("No matching records."));
  CHECK_THAT(none.out, Contains("0 studies, 0 participants"));
}

TEST_CASE("trials bad input exits 2 with one line") {
  expect_usage_error({"trials", "--population", "elderly"}, "--population must be one of");
  expect_usage_error({"trials", "--design", "anecdote"}, "--design must be one of");
  expect_usage_error({"trials", "--result", "great"}, "--result must be one of");
  expect_usage_error({"trials", "--since", "soon"}, "--since must be a year from 1800 to 2100");
  expect_usage_error({"trials", "--since", "99999999999"},
                     "--since must be a year from 1800 to 2100");
  expect_usage_error({"trials", "--min-n", "-4"}, "--min-n");
  expect_usage_error({"trials", "--sort", "size"}, "--sort must be year or n");
  expect_usage_error({"trials", "--form", "gold"}, "unknown form 'gold'");
}

TEST_CASE("claims shows stances and verdicts and filters") {
  const Result r = expect_ok({"claims", "--topic", "efficacy-pregnancy"});
  CHECK_THAT(r.out, Contains("Rating:"));
  CHECK_THAT(r.out, Contains("Evidence says:"));
  CHECK_THAT(r.out, Contains("liu-2021"));
  const json out = json::parse(expect_ok({"claims", "--json"}).out);
  const json& j = out["results"];
  REQUIRE(j.size() >= 25);
  CHECK(j[0]["stances"].is_array());
  CHECK(j[0]["stances"][0].contains("locator"));
  CHECK_THAT(r.out, Contains("art-clepon (sells magnesium) mixed"));
  CHECK(j[0]["verdict"].contains("rating"));
  CHECK(j[0]["verdict"].contains("summary"));
  // Whether an article's publisher sells magnesium is in its entry among the sources.
  for (const auto& s : out["sources"]) {
    if (s["id"] == "art-healthline") CHECK(s["commercial_interest"] == false);
    if (s["id"] == "art-clepon") CHECK(s["commercial_interest"] == true);
  }
  // CSV: one row per stance, flat columns.
  const std::string csv =
      expect_ok({"claims", "--topic", "efficacy-pregnancy", "--format", "csv"}).out;
  CHECK(csv.rfind("id,topic,text,stances.source,stances.stance,stances.locator,verdict.rating,",
                  0) == 0);
  CHECK(csv.find('{') == std::string::npos);
  expect_usage_error({"claims", "--topic", "astrology"}, "--topic must be one of");
  expect_usage_error({"claims", "--rating", "true"}, "--rating must be one of");
  expect_usage_error({"claims", "--source", "art-nowhere"}, "--source must be one of");
  const json hl = results_of(expect_ok({"claims", "--source", "art-healthline", "--json"}).out);
  REQUIRE_FALSE(hl.empty());
  for (const auto& c : hl) {
    bool has = false;
    for (const auto& st : c["stances"]) has = has || st["source"] == "art-healthline";
    CHECK(has);
  }
  for (const auto& c :
       results_of(expect_ok({"claims", "--rating", "contradicted", "--json"}).out)) {
    CHECK(c["verdict"]["rating"] == "contradicted");
  }
}

TEST_CASE("sources shows commercial interest and scorecards") {
  const Result r = expect_ok({"sources"});
  CHECK_THAT(r.out, Contains("art-why-not-natural"));
  CHECK_THAT(r.out, Contains("Sells Mg"));
  const json j = results_of(expect_ok({"sources", "--json"}).out);
  bool found = false;
  for (const auto& s : j) {
    if (s["kind"] != "article") CHECK(s["scorecard"].is_null());
    if (s["id"] == "art-healthline") {
      found = true;
      CHECK(s["commercial_interest"] == false);
      const json& c = s["scorecard"];
      CHECK(c["claims"].get<int>() ==
            c["backed"].get<int>() + c["contradicted"].get<int>() + c["unsettled"].get<int>());
    }
  }
  CHECK(found);
}

TEST_CASE("causes remedies symptoms and interactions list and filter") {
  CHECK_THAT(expect_ok({"causes", "--category", "medication"}).out, Contains("Diuretic"));
  const Result rem = expect_ok({"remedies"});
  CHECK_THAT(rem.out, Contains("Warning: Quinine"));
  const json sym = results_of(expect_ok({"symptoms", "--condition", "excess", "--json"}).out);
  for (const auto& s : sym) CHECK(s["condition"] == "excess");
  CHECK_THAT(expect_ok({"interactions"}).out, Contains("bisphosphonate"));
  expect_usage_error({"causes", "--category", "magic"}, "--category must be one of");
  expect_usage_error({"symptoms", "--condition", "mild"},
                     "--condition must be deficiency or excess");
  expect_usage_error({"interactions", "--category", "x"},
                     "--category must be one of lowers-magnesium, absorption");
}

TEST_CASE("names with diacritics come through every format unharmed") {
  for (const char* format : {"table", "json", "csv", "md"}) {
    INFO(format);
    const Result r = expect_ok({"--format", format, "show", "grober-2017"});
    CHECK_THAT(r.out, Contains("Gröber U"));
    CHECK_THAT(r.out, Contains("Reality—Transdermal"));
  }
  for (const char* format : {"bibtex", "ris"}) {
    INFO(format);
    const Result r = expect_ok({"cite", "araujo-2020", "nygaard-2008", "--format", format});
    CHECK_THAT(r.out, Contains("Araújo"));
    CHECK_THAT(r.out, Contains("Tenório"));
    CHECK_THAT(r.out, Contains("Bøhmer"));
  }
  CHECK_THAT(expect_ok({"cite", "garrison-2020", "--json"}).out, Contains("Dugré N"));
  CHECK_THAT(expect_ok({"cite", "fda-ppi-2011"}).out, Contains("(accessed 2026-12-02)"));
}
