#pragma once
// Studies as evidence on one scale: the effect of an outcome, the pooled
// answers reviews published for a population, and which doses exceed the
// supplemental upper limit.
#include <optional>
#include <vector>

#include "mgcramp/model/records.hpp"
#include "mgcramp/stats/meta.hpp"

namespace mgcramp {

// An effect on its natural scale (a ratio as a ratio): intervention minus
// control, or intervention / control.
struct Estimate {
  double estimate = 0, ci_low = 0, ci_high = 0;
  bool computed = false;  // from the arms, not as published
};

// The outcome's effect on the analysis scale (log for ratios) with its
// variance: computed from the arms where published, else from the published
// estimate and 95% CI; nullopt when a ratio has no events in either arm.
std::optional<stats::StudyEffect> analysis_effect(const Outcome& o);

// The same on the natural scale with its 95% CI.
std::optional<Estimate> effect_of(const Outcome& o);

// The stats engine's name for an effect type (a generic ratio pools as a
// ratio on the log scale).
stats::EffectType stats_type(EffectType t);

// Whether a study is a primary study of people (not a review, not animals
// or cells): the only kind that counts as a trial or adds participants.
bool is_primary_human(const Study& s);

// Participants of a primary study: randomized (intention to treat) where
// published, else analysed; a review's pooled participants; 0 if unknown.
long long participants(const Study& s);

// A review's published pooled estimate for one population.
struct PublishedPool {
  const Study* review = nullptr;
  const Outcome* outcome = nullptr;
};

// Reviews of `kind` covering `population` with a pooled outcome for it
// (`measure`, or any), one per review, best first: pooled from two or more
// studies, then a GRADE certainty given, then the newest, then the most
// studies. An outcome without a population (a review that
// pooled several together) is never used for one population.
std::vector<PublishedPool> published_pools(const Dataset& ds, Population population,
                                           std::optional<OutcomeMeasure> measure = std::nullopt,
                                           InterventionKind kind = InterventionKind::magnesium);

// The supplemental UL for adults from the intakes table (350 mg), or none.
std::optional<double> adult_supplement_ul(const Dataset& ds);

// An oral magnesium dose above the adult supplemental UL (set to avoid
// diarrhoea, for unsupervised use); never for IV or topical routes.
bool oral_dose_above_ul(const Dataset& ds, const Study& s);

}  // namespace mgcramp
