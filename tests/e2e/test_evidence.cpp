// trials end to end.
#include <sstream>

#include <nlohmann/json.hpp>

#include "expect.hpp"

using Catch::Contains;
using nlohmann::json;

TEST_CASE("trials --population pregnancy gives the pooled answer first, then the trials") {
  const Result r = expect_ok({"trials", "--population", "pregnancy"});
  for (const char* a : {"dahle-1995", "nygaard-2008", "supakatisant-2015", "araujo-2020"})
    CHECK_THAT(r.out, Contains(a));
  const auto pooled = r.out.find("Pooled answer, pregnancy: liu-2021");
  REQUIRE(pooled != std::string::npos);
  CHECK(pooled < r.out.find("dahle-1995"));
  // Cochrane could not pool the pregnancy trials: said, with its certainty.
  CHECK_THAT(r.out, Contains("garrison-2020 (systematic-review) could not pool 3 trials"));
  CHECK_THAT(r.out, Contains("very low certainty"));
  // Nothing reuses the idiopathic figure of the same review for pregnancy.
  CHECK_THAT(r.out, !Contains("-0.18 [-0.84, 0.49]"));
  CHECK_THAT(r.out, Contains("4 studies of magnesium (336 participants)"));
  CHECK_THAT(r.out, Contains("N: participants randomized (intention to treat)"));
}

TEST_CASE("trials --population idiopathic starts from Cochrane's estimate and its certainty") {
  const Result r = expect_ok({"trials", "--population", "idiopathic"});
  CHECK_THAT(r.out, Contains("Pooled answer, idiopathic: garrison-2020"));
  CHECK_THAT(r.out, Contains("-0.18 [-0.84, 0.49], 5 studies, 307 participants,"));
  CHECK_THAT(r.out, Contains("moderate certainty (GRADE)"));
  // An IV trial says so; an oral dose above the UL is marked, an IV one never.
  const auto iv = r.out.find("garrison-2011");
  REQUIRE(iv != std::string::npos);
  const std::string line = r.out.substr(iv, r.out.find('\n', iv) - iv);
  CHECK_THAT(line, Contains("sulfate IV"));
  CHECK_THAT(line, !Contains("*"));
  const auto oral = r.out.find("roguin-maor-2017");
  CHECK_THAT(r.out.substr(oral, r.out.find('\n', oral) - oral), Contains("520*"));
  CHECK_THAT(r.out, Contains("* An oral dose above the 350 mg adult upper limit"));
}

TEST_CASE("trials --all counts other treatments apart and reviews never as votes") {
  const Result r = expect_ok({"trials", "--population", "idiopathic", "--all", "--design", "all"});
  CHECK_THAT(r.out, Contains("studies of other treatments, counted apart"));
  CHECK_THAT(r.out, Contains("not counted as votes"));
  CHECK_THAT(r.out, Contains("pooled 735"));
  const json out = json::parse(
      expect_ok({"trials", "--population", "idiopathic", "--all", "--design", "all", "--json"})
          .out);
  const json& t = out["summary"];
  CHECK(t["other_treatments"]["studies"].get<int>() >= 2);  // stretching, quinine
  CHECK(t["reviews"].get<int>() >= 3);
  CHECK(t["magnesium"]["studies"].get<int>() + t["other_treatments"]["studies"].get<int>() +
            t["reviews"].get<int>() + t["not_human"].get<int>() ==
        t["studies"].get<int>());
  for (const char* k : {"benefit", "no_benefit", "mixed", "inconclusive", "not_rated"})
    CHECK(t["magnesium"].contains(k));
  CHECK(t["pooled"][0]["review"] == "garrison-2020");
  CHECK(t["pooled"][0]["certainty"] == "moderate");
}

TEST_CASE("trials --json has the studies as the dataset does, a summary and the query") {
  const json out = json::parse(expect_ok({"trials", "--design", "all", "--all", "--json"}).out);
  CHECK(out["query"]["design"] == "all");
  CHECK(out["query"]["all"] == true);
  const json& j = out["results"];
  CHECK(j.size() >= 30);
  for (const auto& s : j) {
    for (const char* k :
         {"id",           "first_author", "year",         "title",           "journal",
          "pmid",         "doi",          "design",       "subjects",        "populations",
          "n_randomized", "n_analysed",   "arms",         "intervention",    "result",
          "outcomes",     "conclusion",   "risk_of_bias", "industry_funded", "participants",
          "sources"}) {
      INFO(k);
      CHECK(s.contains(k));
    }
    CHECK(s["intervention"].contains("kind"));
    CHECK(s["populations"].is_array());
    CHECK_FALSE(s.contains("plot"));
    for (const auto& o : s["outcomes"]) {
      for (const char* k : {"measure", "estimate", "ci_low", "ci_high", "timepoint", "analysis"})
        CHECK(o.contains(k));
    }
  }
  CHECK(out["summary"]["studies"] == j.size());
}

TEST_CASE("trials --design reviews lists the reviews; an empty filter says what would match") {
  const json reviews = results_of(expect_ok({"trials", "--design", "reviews", "--json"}).out);
  REQUIRE(reviews.size() >= 4);
  for (const auto& s : reviews)
    CHECK((s["design"] == "systematic-review" || s["design"] == "meta-analysis"));
  const Result none = expect_ok({"trials", "--design", "review"});
  CHECK_THAT(none.out, Contains("No matching records."));
  CHECK_THAT(none.out, Contains("0 here;"));
  CHECK_THAT(none.out, Contains("with --all"));
}

TEST_CASE("trials --plot draws one outcome on one axis with the pooled diamond") {
  const Result r =
      expect_ok({"trials", "--population", "pregnancy", "--plot", "--outcome", "cramp-free"});
  CHECK_THAT(r.out, Contains("Forest plot: free of cramps after treatment (RR)"));
  std::vector<std::string> rows;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) {
    const bool weighted =
        line.find("%  ") != std::string::npos || line.find("  review  ") != std::string::npos;
    if (weighted && line.find('|') != std::string::npos) rows.push_back(line);
  }
  REQUIRE(rows.size() >= 3);  // two trials, the pooled row, the review
  // Every row's no-effect line is in the same column: one shared axis.
  for (const auto& row : rows) CHECK(row.rfind('|') == rows.front().rfind('|'));
  CHECK_THAT(r.out, Contains("Pooled (random)"));
  CHECK_THAT(r.out, Contains("favours magnesium"));
  CHECK_THAT(r.out, Contains("favours control"));
  CHECK_THAT(r.out, Contains("%"));  // weights
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
  const json stretching =
      results_of(expect_ok({"trials", "--intervention", "stretching", "--json"}).out);
  REQUIRE_FALSE(stretching.empty());
  for (const auto& s : stretching) CHECK(s["intervention"]["kind"] == "stretching");
  // An empty selection is an answer, not an error.
  const Result none = expect_ok({"trials", "--since", "2099"});
  CHECK_THAT(none.out, Contains("No matching records."));
}

TEST_CASE("meta pools an outcome, says what it computed and puts the reviews beside it") {
  const json j = result_of(
      expect_ok({"meta", "--outcome", "cramp-free", "--population", "pregnancy", "--json"}).out);
  for (const char* k :
       {"outcome", "measure", "model", "tau2_method", "k", "estimate", "ci_low", "ci_high", "i2",
        "tau2", "q", "q_p", "prediction_low", "prediction_high", "studies", "published"}) {
    INFO(k);
    CHECK(j.contains(k));
  }
  CHECK(j["outcome"] == "cramp-free");
  CHECK(j["measure"] == "rr");
  CHECK(j["model"] == "random");
  CHECK(j["tau2_method"] == "reml");
  CHECK(j["k"] == 2);
  CHECK(j["prediction_low"].is_null());  // k < 3
  double weights = 0;
  for (const auto& s : j["studies"]) {
    weights += s["weight"].get<double>();
    CHECK(s["ci_low"].get<double>() < s["estimate"].get<double>());
  }
  CHECK(weights == Approx(100));
  CHECK(j["published"][0]["review"] == "luo-2020");
  // araujo-2020 enters from its arms: 18/66 vs 21/66, RR 0.857.
  for (const auto& s : j["studies"])
    if (s["id"] == "araujo-2020") CHECK(s["estimate"].get<double>() == Approx(18.0 / 21.0));
}

TEST_CASE("meta options: fixed model, DL, HKSJ, exclusions and the outcome list") {
  const json fixed = result_of(expect_ok({"meta", "--outcome", "cramp-free", "--population",
                                          "pregnancy", "--model", "fixed", "--json"})
                                   .out);
  CHECK(fixed["tau2"] == 0);
  CHECK(fixed["tau2_method"].is_null());
  const json dl = result_of(expect_ok({"meta", "--outcome", "cramp-free", "--population",
                                       "pregnancy", "--tau2", "dl", "--hksj", "--json"})
                                .out);
  CHECK(dl["tau2_method"] == "dl");
  CHECK(dl["hksj"] == true);
  const json one = result_of(expect_ok({"meta", "--outcome", "cramp-free", "--population",
                                        "pregnancy", "--exclude", "dahle-1995", "--json"})
                                 .out);
  CHECK(one["k"] == 1);
  const Result listed = expect_ok({"meta"});
  CHECK_THAT(listed.out, Contains("cramps-per-week"));
  CHECK_THAT(listed.out, Contains("cramp-free"));
  const Result plot =
      expect_ok({"meta", "--outcome", "cramps-per-week", "--population", "idiopathic", "--plot"});
  CHECK_THAT(plot.out, Contains("roguin-maor-2017"));
  CHECK_THAT(plot.out, Contains("garrison-2020"));
  CHECK_THAT(plot.out, Contains("review"));
  CHECK_THAT(plot.out, Contains("They differ"));
}

TEST_CASE("meta bad input exits 2 with one line") {
  expect_usage_error({"meta", "--outcome", "happiness"}, "--outcome must be one of");
  expect_usage_error({"meta", "--outcome", "responders", "--model", "mixed"},
                     "--model must be random or fixed");
  expect_usage_error({"meta", "--outcome", "responders", "--tau2", "pm"},
                     "--tau2 must be reml or dl");
  expect_usage_error({"meta", "--outcome", "responders", "--exclude", "nobody-2000"},
                     "nobody-2000");
  expect_usage_error({"meta", "--outcome", "responders", "--risk-of-bias", "tiny"},
                     "--risk-of-bias must be one of");
}

TEST_CASE("trials bad input exits 2 with one line") {
  expect_usage_error({"trials", "--population", "elderly"}, "--population must be one of");
  expect_usage_error({"trials", "--design", "anecdote"}, "--design must be one of");
  expect_usage_error({"trials", "--intervention", "prayer"}, "--intervention must be one of");
  expect_usage_error({"trials", "--outcome", "joy"}, "--outcome must be one of");
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
