#include "mgcramp/query/meta.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "mgcramp/error.hpp"

#include "mgcramp/stats/distributions.hpp"

namespace mgcramp {
namespace {

bool covers(const Study& s, Population p) {
  return std::find(s.populations.begin(), s.populations.end(), p) != s.populations.end();
}

const Outcome* outcome_for(const Study& s, OutcomeMeasure m, std::optional<Population> p) {
  for (const Outcome& o : s.outcomes) {
    if (o.measure != m) continue;
    if (p && o.population && *o.population != *p) continue;
    return &o;
  }
  return nullptr;
}

Estimate natural(bool ratio, double yi, double lo, double hi) {
  auto back = [ratio](double v) { return ratio ? std::exp(v) : v; };
  return Estimate{back(yi), back(lo), back(hi), true};
}

}  // namespace

MetaResult run_meta(const Dataset& ds, const MetaQuery& q) {
  MetaResult r;
  r.outcome = q.outcome;
  const bool ratio = is_ratio(info(q.outcome).effect);
  std::vector<stats::StudyEffect> effects;
  for (const Study& s : ds.studies) {
    if (!q.among.empty() && std::find(q.among.begin(), q.among.end(), &s) == q.among.end())
      continue;
    if (!is_primary_human(s) || s.intervention.kind != q.intervention) continue;
    if (q.population && !covers(s, *q.population)) continue;
    if (q.form && s.intervention.form != q.form) continue;
    const Outcome* o = outcome_for(s, q.outcome, q.population);
    if (o == nullptr) continue;
    auto leave = [&](std::string why) { r.left_out.push_back({&s, std::move(why)}); };
    if (std::find(q.exclude.begin(), q.exclude.end(), s.id) != q.exclude.end()) {
      leave("excluded as asked");
      continue;
    }
    if (q.risk_of_bias && s.risk_of_bias != q.risk_of_bias) {
      leave(s.risk_of_bias ? fmt::format("risk of bias {}", name_of(*s.risk_of_bias))
                           : std::string("risk of bias not judged"));
      continue;
    }
    if (q.exclude_industry && s.industry_funded.value_or(false)) {
      leave("industry funded");
      continue;
    }
    // A score on another scale is another measure: never pooled together.
    if (info(q.outcome).unit.empty() && !is_ratio(info(q.outcome).effect) && !r.studies.empty() &&
        o->unit != r.studies.front().outcome->unit) {
      leave(fmt::format("on another scale ({}) than {} ({})", o->unit.value_or("not given"),
                        r.studies.front().study->id,
                        r.studies.front().outcome->unit.value_or("not given")));
      continue;
    }
    const auto e = analysis_effect(*o);
    if (!e) {
      leave("no events in either arm");
      continue;
    }
    if (e->corrected) r.corrected.push_back(&s);
    MetaStudy m;
    m.study = &s;
    m.outcome = o;
    m.effect = *e;
    const double half = stats::normal_quantile(0.975) * std::sqrt(e->vi);
    m.natural = natural(ratio, e->yi, e->yi - half, e->yi + half);
    if (!o->arms) m.natural = {*o->estimate, *o->ci_low, *o->ci_high, false};
    r.studies.push_back(m);
    effects.push_back(*e);
  }
  if (!effects.empty()) {
    stats::PoolOptions opt;
    opt.model = q.model == MetaModel::fixed ? stats::Model::fixed : stats::Model::random;
    opt.tau2 = q.tau2 == Tau2Estimator::dl ? stats::Tau2Method::dl : stats::Tau2Method::reml;
    opt.hksj = q.hksj;
    try {
      r.pooled = stats::pool(effects, opt);
    } catch (const std::invalid_argument& e) {
      // The loader's rules keep such figures out; a guard, not a path.
      throw DataError(
          fmt::format("{}: cannot pool {}: {}", ds.origin, name_of(q.outcome), e.what()),
          "check the outcomes' figures against data/SCHEMA.md");
    }
    for (std::size_t i = 0; i < r.studies.size(); ++i) r.studies[i].weight = r.pooled->weights[i];
    r.pooled_natural = natural(ratio, r.pooled->estimate, r.pooled->ci_low, r.pooled->ci_high);
    if (r.pooled->prediction_low && r.pooled->prediction_high) {
      r.prediction =
          natural(ratio, r.pooled->estimate, *r.pooled->prediction_low, *r.pooled->prediction_high);
    }
  }
  if (q.population) r.published = published_pools(ds, *q.population, q.outcome, q.intervention);
  return r;
}

std::vector<OutcomeCount> count_outcomes(const Dataset& ds, InterventionKind kind) {
  std::vector<OutcomeCount> out;
  for (std::size_t i = 0; i < enum_count<OutcomeMeasure>(); ++i) {
    const auto m = static_cast<OutcomeMeasure>(i);
    OutcomeCount c{m};
    for (const Study& s : ds.studies) {
      if (s.intervention.kind != kind || s.subjects != Subjects::human) continue;
      if (outcome_for(s, m, std::nullopt) == nullptr) continue;
      ++(is_review(s.design) ? c.reviews : c.studies);
    }
    if (c.studies + c.reviews > 0) out.push_back(c);
  }
  return out;
}

}  // namespace mgcramp
