// Studies: identifiers, trial queries, summaries and the forest plot.
#include <algorithm>
#include <iterator>
#include <set>

#include <catch2/catch.hpp>

#include "mgcramp/error.hpp"
#include "mgcramp/io/load.hpp"
#include "mgcramp/query/claims.hpp"
#include "mgcramp/query/evidence.hpp"
#include "mgcramp/query/meta.hpp"
#include "mgcramp/query/supplements.hpp"
#include "mgcramp/query/trials.hpp"
#include "mgcramp/render/plot.hpp"
#include "mgcramp/report/builders.hpp"
#include "mgcramp/stats/distributions.hpp"
#include "support.hpp"

using namespace mgcramp;
using Catch::Contains;
using test::ds;

namespace {
TrialQuery query(std::optional<Population> population = std::nullopt,
                 std::optional<std::string> form = std::nullopt,
                 std::optional<Design> design = std::nullopt, bool all = false) {
  TrialQuery q;
  q.population = population;
  q.form = form;
  q.design = design;
  q.all = all;
  return q;
}
std::set<std::string> ids(const std::vector<const Study*>& v) {
  std::set<std::string> out;
  for (const Study* s : v) out.insert(s->id);
  return out;
}
}  // namespace

TEST_CASE("default scope is randomized magnesium trials sorted by year") {
  const auto v = find_trials(ds(), query());
  REQUIRE(!v.empty());
  for (const Study* s : v) {
    INFO(s->id);
    CHECK(is_trial(s->design));
    CHECK(s->intervention.kind == InterventionKind::magnesium);
  }
  CHECK(std::is_sorted(v.begin(), v.end(),
                       [](const Study* a, const Study* b) { return a->year < b->year; }));
  CHECK(ids(find_trials(ds(), query(std::nullopt, std::nullopt, std::nullopt, true)))
            .count("hallegraeff-2012") == 1);
  CHECK(ids(find_trials(ds(), query(std::nullopt, std::nullopt, Design::meta_analysis))) ==
        std::set<std::string>{"sebo-2014", "liu-2021"});
}

TEST_CASE("trial filters: form since min-n result and sort by n") {
  for (const Study* s : find_trials(ds(), query(std::nullopt, "oxide"))) {
    CHECK(s->intervention.form == std::optional<std::string>("oxide"));
  }
  TrialQuery q;
  q.result = Conclusion::benefit;
  q.since = 2010;
  q.min_n = 50;
  q.sort = TrialOrder::n;
  const auto v = find_trials(ds(), q);
  for (const Study* s : v) {
    CHECK(s->year >= 2010);
    CHECK(participants(*s) >= 50);
    CHECK(s->conclusion == Conclusion::benefit);
  }
  CHECK(std::is_sorted(v.begin(), v.end(), [](const Study* a, const Study* b) {
    return participants(*a) > participants(*b);
  }));
}

TEST_CASE("summary tallies magnesium trials and other treatments apart") {
  TrialQuery q = query(Population::idiopathic);
  q.all = true;
  const auto v = find_trials(ds(), q);
  const TrialSummary t = summarize(v);
  CHECK(t.studies == v.size());
  std::size_t mg = 0, other = 0;
  long long mg_n = 0;
  for (const Study* s : v) {
    if (!is_primary_human(*s)) continue;
    if (s->intervention.kind == InterventionKind::magnesium) {
      ++mg;
      mg_n += participants(*s);
    } else {
      ++other;
    }
  }
  REQUIRE(other >= 1);  // hallegraeff-2012, stretching
  CHECK(t.magnesium.studies == mg);
  CHECK(t.magnesium.participants == mg_n);
  CHECK(t.other_treatments.studies == other);
  const Tally& m = t.magnesium;
  CHECK(m.benefit + m.no_benefit + m.mixed + m.inconclusive + m.unrated == m.studies);
}

TEST_CASE("reviews are not votes and their pooled participants are not added") {
  TrialQuery q = query(Population::pregnancy);
  q.designs = DesignSet::all;
  const auto v = find_trials(ds(), q);
  const TrialSummary t = summarize(v);
  long long trials = 0;
  std::size_t reviews = 0;
  for (const Study* s : v) {
    if (is_review(s->design)) {
      ++reviews;
    } else if (s->intervention.kind == InterventionKind::magnesium) {
      trials += participants(*s);
    }
  }
  REQUIRE(reviews >= 2);  // liu-2021, garrison-2020
  CHECK(t.reviews == reviews);
  CHECK(t.magnesium.participants == trials);
  CHECK(t.magnesium.studies + t.other_treatments.studies + t.reviews + t.not_human == t.studies);
}

TEST_CASE("the reviews design group is systematic reviews and meta-analyses") {
  TrialQuery q;
  q.designs = DesignSet::reviews;
  const auto v = find_trials(ds(), q);
  REQUIRE(!v.empty());
  for (const Study* s : v) {
    CHECK((s->design == Design::systematic_review || s->design == Design::meta_analysis));
  }
  CHECK(ids(v).count("garrison-2020") == 1);
}

TEST_CASE("a review's population filter finds it for each population it covers") {
  TrialQuery q = query(Population::idiopathic);
  q.designs = DesignSet::reviews;
  CHECK(ids(find_trials(ds(), q)).count("garrison-2020") == 1);
  q.population = Population::pregnancy;
  CHECK(ids(find_trials(ds(), q)).count("garrison-2020") == 1);
}

TEST_CASE("forest line marks interval estimate and no-effect line on a shared axis") {
  const Estimate a{1, 0.5, 2};
  const Estimate b{-0.18, -0.84, 0.49};
  const ForestAxis axis = forest_axis({a, b}, false);
  const std::string line = forest_line(a, axis, 21);
  CHECK(line.size() == 21);
  CHECK(line.find('|') < line.find('['));
  CHECK(line.find('[') < line.find('o'));
  CHECK(line.find('o') < line.find(']'));
  const std::string crossing = forest_line(b, axis, 21);
  CHECK(crossing.find('[') < crossing.find('|'));
  CHECK(crossing.find('|') < crossing.find(']'));
  // One axis: the no-effect line is in the same column on every row.
  CHECK(line.find('|') == crossing.find('|'));
  const std::string pooled = forest_line(b, axis, 21, true);
  CHECK(pooled.find('<') < pooled.find('#'));
  CHECK(pooled.find('#') < pooled.find('>'));
}

TEST_CASE("forest line draws ratios on a log scale") {
  const Estimate odds{2, 0.5, 8};
  const ForestAxis axis = forest_axis({odds}, true);
  CHECK(axis.log);
  // On a log scale 0.5, 1, 2 and 8 are evenly spaced: 1 step, 1 step, 2 steps.
  const std::string line = forest_line(odds, axis, 41);
  const auto lo = line.find('['), none = line.find('|'), est = line.find('o'), hi = line.find(']');
  REQUIRE(hi != std::string::npos);
  CHECK(none - lo == est - none);
  CHECK(hi - est == 2 * (est - none));
}

TEST_CASE("claim filters by topic source and rating") {
  for (const Claim* c : find_claims(ds(), {{ClaimTopic::efficacy_night_cramps}, {}, {}, {}})) {
    CHECK(c->topic == ClaimTopic::efficacy_night_cramps);
  }
  for (const Claim* c :
       find_claims(ds(), {{}, std::string("ART-healthline"), {Rating::supported}, {}})) {
    CHECK(c->verdict.rating == Rating::supported);
    CHECK(std::any_of(c->stances.begin(), c->stances.end(),
                      [](const Stance& s) { return s.source == "art-healthline"; }));
  }
  // The core names no option: the article id is wrong, whoever gave it.
  try {
    find_claims(ds(), {{}, std::string("pubmed"), {}, {}});
    FAIL("no error");
  } catch (const ValueError& e) {
    CHECK_THAT(e.what(), Contains("must be one of art-") && Contains("got 'pubmed'"));
    CHECK(e.example() == "art-why-not-natural");
  }
}

// Every cell of the standing table, spelled out as data/SCHEMA.md gives it.
TEST_CASE("standing: every stance against every rating") {
  using R = Rating;
  using S = StanceKind;
  using G = Standing;
  struct Row {
    S stance;
    R rating;
    G standing;
    bool overstates;
  };
  const Row cells[] = {
      {S::supports, R::supported, G::agrees, false},
      {S::supports, R::partly_supported, G::unsettled, false},
      {S::supports, R::mixed, G::unsettled, true},
      {S::supports, R::not_supported, G::at_odds, false},
      {S::supports, R::contradicted, G::at_odds, false},
      {S::supports, R::insufficient, G::unsettled, true},
      {S::opposes, R::supported, G::at_odds, false},
      {S::opposes, R::partly_supported, G::unsettled, false},
      {S::opposes, R::mixed, G::unsettled, false},
      {S::opposes, R::not_supported, G::agrees, false},
      {S::opposes, R::contradicted, G::agrees, false},
      {S::opposes, R::insufficient, G::unsettled, false},
      {S::mixed, R::supported, G::unsettled, false},
      {S::mixed, R::partly_supported, G::unsettled, false},
      {S::mixed, R::mixed, G::unsettled, false},
      {S::mixed, R::not_supported, G::unsettled, false},
      {S::mixed, R::contradicted, G::unsettled, false},
      {S::mixed, R::insufficient, G::unsettled, false},
  };
  STATIC_REQUIRE(std::size(cells) == enum_count<StanceKind>() * enum_count<Rating>());
  for (const Row& c : cells) {
    INFO(name_of(c.stance) << " x " << name_of(c.rating));
    CHECK(standing_of(c.stance, c.rating) == c.standing);
    CHECK(overstates(c.stance, c.rating) == c.overstates);
  }
  CHECK(enum_names<Standing>() == std::vector<std::string>{"agrees", "at-odds", "unsettled"});
}

TEST_CASE("scorecard: stance against verdict") {
  Dataset d;
  auto claim = [](Rating rating, StanceKind stance) {
    Claim c;
    c.verdict.rating = rating;
    c.stances.push_back({"art-x", stance, "Intro"});
    return c;
  };
  using R = Rating;
  using S = StanceKind;
  d.claims = {claim(R::supported, S::supports),       claim(R::not_supported, S::supports),
              claim(R::contradicted, S::opposes),     claim(R::supported, S::opposes),
              claim(R::insufficient, S::supports),    claim(R::supported, S::mixed),
              claim(R::partly_supported, S::supports)};
  const Scorecard sc = scorecard(d, "art-x");
  CHECK(sc.claims == 7);
  CHECK(sc.agrees == 2);
  CHECK(sc.at_odds == 2);
  CHECK(sc.unsettled == 3);
  CHECK(sc.overstates == 1);
  CHECK(scorecard(d, "art-y").claims == 0);
}

TEST_CASE("claims filter by the article's standing") {
  ClaimQuery q;
  q.source = "art-healthline";
  q.standings = {Standing::at_odds};
  const auto at_odds = find_claims(ds(), q);
  for (const Claim* c : at_odds) {
    const Stance* s = stance_of(*c, "art-healthline");
    REQUIRE(s != nullptr);
    CHECK(standing_of(s->stance, c->verdict.rating) == Standing::at_odds);
  }
  CHECK(at_odds.size() == scorecard(ds(), "art-healthline").at_odds);
}

TEST_CASE("context tables filter by category") {
  const Report drugs = remedies_report(ds(), RemedyCategory::drug);
  CHECK(!drugs.rows.empty());
  const std::size_t cat = drugs.column("category");
  for (const auto& row : drugs.rows) CHECK(row[cat].value == "drug");
  CHECK(remedies_report(ds(), std::nullopt).rows.size() == ds().remedies.size());
  const auto quinine =
      std::find_if(ds().remedies.begin(), ds().remedies.end(),
                   [](const Remedy& r) { return r.id.find("quinine") != std::string::npos; });
  REQUIRE(quinine != ds().remedies.end());
  CHECK(quinine->prescription_only);
  CHECK(quinine->caution.has_value());
}

namespace {
const Outcome& outcome(const std::string& study, OutcomeMeasure m) {
  const Study* s = ds().find_study(study);
  REQUIRE(s != nullptr);
  for (const Outcome& o : s->outcomes)
    if (o.measure == m) return o;
  FAIL("no such outcome");
  throw;
}
}  // namespace

TEST_CASE("effects computed from published arms agree with the published effects") {
  // Nygaard 2008: arm means and SDs (21 and 17 analysed); Luo 2020 published
  // MD 1.8 (-1.32 to 4.92) from the same figures.
  const Outcome& ny = outcome("nygaard-2008", OutcomeMeasure::cramps_per_2_weeks);
  REQUIRE(ny.arms);
  const auto e = effect_of(ny);
  REQUIRE(e);
  CHECK(e->computed);
  CHECK(e->estimate == Approx(*ny.estimate).margin(0.005));
  CHECK(e->ci_low == Approx(*ny.ci_low).margin(0.005));
  CHECK(e->ci_high == Approx(*ny.ci_high).margin(0.005));
  const Outcome& pain = outcome("nygaard-2008", OutcomeMeasure::cramp_intensity);
  const auto ep = effect_of(pain);
  REQUIRE(ep);
  CHECK(ep->estimate == Approx(*pain.estimate).margin(0.05));
  CHECK(ep->ci_low == Approx(*pain.ci_low).margin(0.05));
  CHECK(ep->ci_high == Approx(*pain.ci_high).margin(0.05));
  // Roguin Maor 2017: no CI was published, only P = .67; the computed
  // difference's two-sided p agrees within its rounding.
  const Outcome& rm = outcome("roguin-maor-2017", OutcomeMeasure::cramps_per_week);
  const auto d = analysis_effect(rm);
  REQUIRE(d);
  CHECK(d->yi == Approx(-3.41 - -3.03));
  const double z = std::fabs(d->yi) / std::sqrt(d->vi);
  CHECK(2 * (1 - stats::normal_cdf(z)) == Approx(*rm.p).margin(0.005));
  // Araujo 2020: 18/66 vs 21/66 resolved, a risk ratio of 6/7.
  const auto ar = effect_of(outcome("araujo-2020", OutcomeMeasure::cramp_free));
  REQUIRE(ar);
  CHECK(ar->estimate == Approx(18.0 / 21.0));
  CHECK(ar->ci_low < ar->estimate);
}

TEST_CASE("published effects are returned as published; ratios stay ratios") {
  const Outcome& o = outcome("garrison-2020", OutcomeMeasure::responders);
  const auto e = effect_of(o);
  REQUIRE(e);
  CHECK_FALSE(e->computed);
  CHECK(e->estimate == 1.04);
  CHECK(e->ci_low == 0.84);
  const auto a = analysis_effect(o);
  REQUIRE(a);
  CHECK(a->yi == Approx(std::log(1.04)));
}

TEST_CASE("a review's published pool is found per population and never reused for another") {
  const auto idio = published_pools(ds(), Population::idiopathic, OutcomeMeasure::cramps_per_week);
  REQUIRE_FALSE(idio.empty());
  CHECK(idio.front().review->id == "garrison-2020");
  CHECK(idio.front().outcome->certainty == Certainty::moderate);
  for (const auto& p : published_pools(ds(), Population::pregnancy)) {
    INFO(p.review->id);
    CHECK(p.outcome->population == Population::pregnancy);
  }
  // Pooled from several studies comes before a single-trial estimate.
  const auto preg = published_pools(ds(), Population::pregnancy);
  REQUIRE_FALSE(preg.empty());
  CHECK(preg.front().outcome->k.value_or(0) >= 2);
}

TEST_CASE("oral doses above the supplemental UL are marked, never IV ones") {
  CHECK(adult_supplement_ul(ds()) == 350);
  CHECK(oral_dose_above_ul(ds(), *ds().find_study("roguin-maor-2017")));         // 520 mg oral
  CHECK_FALSE(oral_dose_above_ul(ds(), *ds().find_study("garrison-2011")));      // 486 mg IV
  CHECK_FALSE(oral_dose_above_ul(ds(), *ds().find_study("supakatisant-2015")));  // 300 mg
}

TEST_CASE("meta pools the dataset's trials and leaves out what it must") {
  MetaQuery q;
  q.outcome = OutcomeMeasure::cramp_free;
  q.population = Population::pregnancy;
  const MetaResult m = run_meta(ds(), q);
  REQUIRE(m.pooled);
  CHECK(m.studies.size() == 2);
  double w = 0;
  for (const auto& s : m.studies) w += s.weight;
  CHECK(w == Approx(100));
  CHECK(m.published.front().review->id == "luo-2020");
  q.exclude = {"dahle-1995"};
  const MetaResult one = run_meta(ds(), q);
  CHECK(one.studies.size() == 1);
  REQUIRE(one.left_out.size() == 1);
  CHECK(one.left_out[0].study->id == "dahle-1995");
  q.exclude.clear();
  q.risk_of_bias = RiskOfBias::low;
  const MetaResult low = run_meta(ds(), q);
  CHECK(low.studies.empty());
  CHECK_FALSE(low.pooled);
  CHECK(low.left_out.size() == 2);
  q.risk_of_bias.reset();
  q.exclude_industry = true;
  const MetaResult independent = run_meta(ds(), q);  // dahle-1995: manufacturer sponsored
  CHECK(independent.studies.size() == 1);
}

TEST_CASE("meta never pools scores on different scales") {
  Dataset d = ds();
  Study* a = nullptr;
  for (Study& s : d.studies)
    if (s.id == "roguin-maor-2017") a = &s;
  REQUIRE(a != nullptr);
  Outcome pain;
  pain.measure = OutcomeMeasure::cramp_intensity;
  pain.unit = "cm on a 10-cm VAS";
  pain.timepoint = "4 weeks";
  pain.estimate = -0.5;
  pain.ci_low = -1.5;
  pain.ci_high = 0.5;
  a->outcomes.push_back(pain);
  MetaQuery q;
  q.outcome = OutcomeMeasure::cramp_intensity;
  const MetaResult m = run_meta(d, q);
  // nygaard-2008 reports intensity on a summed 0-4 score: left out, said why.
  CHECK(m.studies.size() == 1);
  REQUIRE(m.left_out.size() == 1);
  CHECK_THAT(m.left_out[0].why, Contains("on another scale"));
}
