// Studies: identifiers, trial queries, summaries and the forest plot.
#include <algorithm>
#include <set>

#include <catch2/catch.hpp>

#include "mgcramp/error.hpp"
#include "mgcramp/evidence.hpp"
#include "mgcramp/loader.hpp"

using namespace mgcramp;
using Catch::Contains;

namespace {
const Dataset& ds() {
  static const Dataset d = load_embedded_dataset();
  return d;
}
TrialQuery query(std::optional<std::string> population = std::nullopt,
                 std::optional<std::string> form = std::nullopt,
                 std::optional<std::string> design = std::nullopt, bool all = false) {
  return make_trial_query(ds(), population, form, design, std::nullopt, std::nullopt, std::nullopt,
                          "year", all);
}
std::set<std::string> ids(const std::vector<const Study*>& v) {
  std::set<std::string> out;
  for (const Study* s : v) out.insert(s->id);
  return out;
}
}  // namespace

TEST_CASE("the studies the articles cite are present with PubMed identifiers") {
  struct Known {
    const char* id;
    const char* pmid;
  };
  // PMIDs confirmed against PubMed records (see each study's notes).
  for (const Known& k : {Known{"roguin-maor-2017", "28241153"}, Known{"sebo-2014", "24280947"},
                         Known{"roffe-2002", "12011773"}, Known{"frusso-1999", "10907623"},
                         Known{"katzberg-2010", "20177124"}, Known{"dahle-1995", "7631676"},
                         Known{"supakatisant-2015", "22909270"}, Known{"araujo-2020", "31923242"},
                         Known{"liu-2021", "34247796"}, Known{"hallegraeff-2012", "22341378"},
                         Known{"firoz-2001", "11794633"}}) {
    INFO(k.id);
    const Study* s = ds().find_study(k.id);
    REQUIRE(s != nullptr);
    CHECK(s->pmid == std::optional<std::string>(k.pmid));
  }
  for (const char* id :
       {"garrison-2020", "garrison-2012", "barna-2021", "nygaard-2008", "delacour-2018"}) {
    INFO(id);
    CHECK(ds().find_study(id) != nullptr);
  }
}

TEST_CASE("trials --population pregnancy gives exactly the four pregnancy trials") {
  CHECK(ids(find_trials(ds(), query("pregnancy"))) ==
        std::set<std::string>{"dahle-1995", "nygaard-2008", "supakatisant-2015", "araujo-2020"});
}

TEST_CASE("default scope is randomized magnesium trials sorted by year") {
  const auto v = find_trials(ds(), query());
  REQUIRE(!v.empty());
  for (const Study* s : v) {
    INFO(s->id);
    CHECK((s->design == "rct" || s->design == "crossover-rct" || s->design == "n-of-1-rct"));
    CHECK(s->intervention.form.has_value());
  }
  CHECK(std::is_sorted(v.begin(), v.end(),
                       [](const Study* a, const Study* b) { return a->year < b->year; }));
  CHECK(ids(find_trials(ds(), query(std::nullopt, std::nullopt, std::nullopt, true)))
            .count("hallegraeff-2012") == 1);
  CHECK(ids(find_trials(ds(), query(std::nullopt, std::nullopt, "meta-analysis"))) ==
        std::set<std::string>{"sebo-2014", "liu-2021"});
}

TEST_CASE("trial filters: form since min-n result and sort by n") {
  for (const Study* s : find_trials(ds(), query(std::nullopt, "oxide"))) {
    CHECK(s->intervention.form == std::optional<std::string>("oxide"));
  }
  auto q = make_trial_query(ds(), std::nullopt, std::nullopt, std::nullopt, std::string("benefit"),
                            std::string("2010"), std::string("50"), "n", false);
  const auto v = find_trials(ds(), q);
  for (const Study* s : v) {
    CHECK(s->year >= 2010);
    CHECK(participants(*s) >= 50);
    CHECK(s->conclusion == std::optional<std::string>("benefit"));
  }
  CHECK(std::is_sorted(v.begin(), v.end(), [](const Study* a, const Study* b) {
    return participants(*a) > participants(*b);
  }));
}

TEST_CASE("trial query errors name the option and the valid values") {
  CHECK_THROWS_WITH(query("elderly"), Contains("--population must be one of idiopathic"));
  CHECK_THROWS_WITH(query(std::nullopt, "gold"), Contains("unknown form 'gold'"));
  CHECK_THROWS_WITH(query(std::nullopt, std::nullopt, "anecdote"), Contains("--design must be"));
  CHECK_THROWS_AS(make_trial_query(ds(), {}, {}, {}, std::string("great"), {}, {}, "year", false),
                  UsageError);
  CHECK_THROWS_WITH(make_trial_query(ds(), {}, {}, {}, {}, std::string("1700"), {}, "year", false),
                    Contains("--since must be a year"));
  CHECK_THROWS_WITH(make_trial_query(ds(), {}, {}, {}, {}, {}, std::string("x"), "year", false),
                    Contains("--min-n must be a whole number"));
  CHECK_THROWS_WITH(make_trial_query(ds(), {}, {}, {}, {}, {}, {}, "size", false),
                    Contains("--sort must be year or n"));
}

TEST_CASE("summary counts studies participants and conclusions") {
  const auto v = find_trials(ds(), query("pregnancy"));
  const TrialSummary t = summarize(v);
  CHECK(t.studies == 4);
  CHECK(t.benefit == 2);
  CHECK(t.no_benefit == 2);
  long long n = 0;
  for (const Study* s : v) n += participants(*s);
  CHECK(t.participants == n);
}

TEST_CASE("forest line marks interval estimate and no-effect line") {
  const std::string line = forest_line(Effect{"md", 1, 0.5, 2, 0, std::nullopt}, 21);
  CHECK(line.size() == 21);
  CHECK(line.find('|') < line.find('['));
  CHECK(line.find('[') < line.find('o'));
  CHECK(line.find('o') < line.find(']'));
  const std::string crossing = forest_line(Effect{"md", -0.18, -0.84, 0.49, 0, std::nullopt}, 30);
  CHECK(crossing.find('[') < crossing.find('|'));
  CHECK(crossing.find('|') < crossing.find(']'));
}
