#pragma once
// `mgcramp meta`: one outcome pooled over the primary studies that report
// it, beside what reviews published for the same outcome and population.
#include <optional>
#include <string>
#include <vector>

#include "mgcramp/model/records.hpp"
#include "mgcramp/query/evidence.hpp"
#include "mgcramp/stats/meta.hpp"

namespace mgcramp {

enum class MetaModel : std::uint8_t { random, fixed };
MGCRAMP_ENUM_NAMES(MetaModel, "model", MetaModel::fixed, "random", "fixed");

enum class Tau2Estimator : std::uint8_t { reml, dl };
MGCRAMP_ENUM_NAMES(Tau2Estimator, "tau2 method", Tau2Estimator::dl, "reml", "dl");

struct MetaQuery {
  OutcomeMeasure outcome = OutcomeMeasure::cramps_per_week;
  std::optional<Population> population;
  std::optional<std::string> form;  // a form id, or "mixed"
  InterventionKind intervention = InterventionKind::magnesium;
  std::optional<RiskOfBias> risk_of_bias;  // only studies judged this (low)
  bool exclude_industry = false;           // leave out industry-funded studies
  std::vector<std::string> exclude;        // study ids left out
  MetaModel model = MetaModel::random;
  Tau2Estimator tau2 = Tau2Estimator::reml;
  bool hksj = false;
  // Only these studies (the rows of `trials --plot`); empty: every study.
  std::vector<const Study*> among;
};

struct MetaStudy {
  const Study* study = nullptr;
  const Outcome* outcome = nullptr;
  stats::StudyEffect effect;  // analysis scale
  Estimate natural;           // natural scale with its 95% CI
  double weight = 0;          // percent
};

// Why a study that reports the outcome is not pooled, for a notice.
struct MetaLeftOut {
  const Study* study = nullptr;
  std::string why;
};

struct MetaResult {
  OutcomeMeasure outcome = OutcomeMeasure::cramps_per_week;
  std::vector<MetaStudy> studies;
  std::vector<MetaLeftOut> left_out;
  std::vector<const Study*> corrected;      // 0.5 added to each cell
  std::optional<stats::PoolResult> pooled;  // none when no study qualifies
  Estimate pooled_natural;
  std::optional<Estimate> prediction;    // natural scale; random model, k >= 3
  std::vector<PublishedPool> published;  // reviews' own estimates, best first
};

// Pools the query's outcome. Only primary human studies of the query's
// intervention; a study gives its first outcome of the measure (for the
// population, when one is asked).
MetaResult run_meta(const Dataset& ds, const MetaQuery& q);

// Each measure some study reports, with how many primary studies and
// reviews report it, in the documented order.
struct OutcomeCount {
  OutcomeMeasure measure;
  std::size_t studies = 0;
  std::size_t reviews = 0;
};
std::vector<OutcomeCount> count_outcomes(const Dataset& ds, InterventionKind kind);

}  // namespace mgcramp
