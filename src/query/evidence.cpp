#include "mgcramp/query/evidence.hpp"

#include <algorithm>
#include <cmath>

#include "mgcramp/stats/distributions.hpp"
#include "mgcramp/stats/meta.hpp"

namespace mgcramp {

stats::EffectType stats_type(EffectType t) {
  switch (t) {
    case EffectType::md: return stats::EffectType::md;
    case EffectType::smd: return stats::EffectType::smd;
    case EffectType::rr: return stats::EffectType::rr;
    case EffectType::odds_ratio: return stats::EffectType::or_;
    case EffectType::rd: return stats::EffectType::rd;
    case EffectType::ratio: break;
  }
  return stats::EffectType::rr;  // a generic ratio: the log scale, as for RR
}

std::optional<stats::StudyEffect> analysis_effect(const Outcome& o) {
  const EffectType type = info(o.measure).effect;
  if (o.arms) {
    const ArmResult& t = o.arms->intervention;
    const ArmResult& c = o.arms->control;
    auto n = [](const ArmResult& a) { return static_cast<double>(a.n); };
    if (type == EffectType::md || type == EffectType::smd) {
      const stats::ContinuousArm ti{n(t), t.mean.value_or(0), t.sd.value_or(0)};
      const stats::ContinuousArm ci{n(c), c.mean.value_or(0), c.sd.value_or(0)};
      return type == EffectType::md ? stats::mean_difference(ti, ci)
                                    : stats::std_mean_difference(ti, ci);
    }
    return stats::binary_effect(stats_type(type), {static_cast<double>(t.events.value_or(0)), n(t)},
                                {static_cast<double>(c.events.value_or(0)), n(c)});
  }
  if (o.estimate && o.ci_low && o.ci_high)
    return stats::from_ci(stats_type(type), *o.estimate, *o.ci_low, *o.ci_high);
  return std::nullopt;
}

std::optional<Estimate> effect_of(const Outcome& o) {
  if (!o.arms && o.estimate && o.ci_low && o.ci_high)
    return Estimate{*o.estimate, *o.ci_low, *o.ci_high};
  const auto e = analysis_effect(o);
  if (!e) return std::nullopt;
  const double half = stats::normal_quantile(0.975) * std::sqrt(e->vi);
  const bool ratio = is_ratio(info(o.measure).effect);
  auto back = [ratio](double v) { return ratio ? std::exp(v) : v; };
  return Estimate{back(e->yi), back(e->yi - half), back(e->yi + half), true};
}

bool is_primary_human(const Study& s) {
  return !is_review(s.design) && s.subjects == Subjects::human;
}

long long participants(const Study& s) {
  if (s.n_randomized) return *s.n_randomized;
  if (s.n_analysed) return *s.n_analysed;
  return 0;
}

std::vector<PublishedPool> published_pools(const Dataset& ds, Population population,
                                           std::optional<OutcomeMeasure> measure,
                                           InterventionKind kind) {
  std::vector<PublishedPool> out;
  for (const Study& s : ds.studies) {
    if (!is_review(s.design) || s.intervention.kind != kind) continue;
    std::optional<PublishedPool> best;
    for (const Outcome& o : s.outcomes) {
      if (o.population != population || (measure && o.measure != *measure)) continue;
      if (!effect_of(o)) continue;
      // A review's first pooled outcome for the population is its main one.
      if (!best || (best->outcome->k.value_or(2) < 2 && o.k.value_or(2) >= 2))
        best = PublishedPool{&s, &o};
    }
    if (best) out.push_back(*best);
  }
  std::stable_sort(out.begin(), out.end(), [](const PublishedPool& a, const PublishedPool& b) {
    const bool pa = a.outcome->k.value_or(2) >= 2, pb = b.outcome->k.value_or(2) >= 2;
    if (pa != pb) return pa;
    if (a.outcome->certainty.has_value() != b.outcome->certainty.has_value())
      return a.outcome->certainty.has_value();
    if (a.review->year != b.review->year) return a.review->year > b.review->year;
    return a.outcome->k.value_or(0) > b.outcome->k.value_or(0);
  });
  return out;
}

std::optional<double> adult_supplement_ul(const Dataset& ds) {
  constexpr double kAdultMonths = 30 * 12;
  for (const Intake& in : ds.intakes) {
    if (in.condition != Condition::none || in.age_from_months > kAdultMonths) continue;
    if (in.age_to_months && *in.age_to_months <= kAdultMonths) continue;
    if (in.ul_supplemental_mg) return in.ul_supplemental_mg;
  }
  return std::nullopt;
}

bool oral_dose_above_ul(const Dataset& ds, const Study& s) {
  const auto& iv = s.intervention;
  if (iv.kind != InterventionKind::magnesium || iv.route != Route::oral) return false;
  if (!iv.elemental_mg_per_day) return false;
  const auto ul = adult_supplement_ul(ds);
  return ul && *iv.elemental_mg_per_day > *ul;
}

}  // namespace mgcramp
