#pragma once
// Meta-analysis statistics: study effect sizes and inverse-variance pooling
// (fixed effect; random effects with REML or DerSimonian-Laird; optional
// Hartung-Knapp-Sidik-Jonkman), computed as R's metafor 3.8 computes them
// (escalc, rma.uni). Self-contained: it knows nothing of the dataset or the
// command line. Checked against metafor in tests/unit/test_meta.cpp with the
// numbers from tests/fixtures/metafor/gen.R.
//
// Ratios (risk ratio, odds ratio) live on the log scale here: StudyEffect::yi
// and every PoolResult estimate and bound are logs; exponentiate to report.
// Bad input throws std::invalid_argument; nothing else throws or prints.
#include <cstddef>
#include <optional>
#include <vector>

namespace mgcramp::stats {

// md: mean difference; smd: standardized mean difference (Hedges' g);
// rr: risk ratio; or_: odds ratio (`or` is a keyword); rd: risk difference.
enum class EffectType { md, smd, rr, or_, rd };

// Whether the effect is a ratio (rr, or_), analysed on the log scale.
bool is_ratio(EffectType type);

// One arm of a study with a continuous outcome.
struct ContinuousArm {
  double n, mean, sd;
};

// One arm of a study with a binary outcome: events out of n participants.
struct BinaryArm {
  double events, n;
};

// One study's effect on the analysis scale (log for ratios) and its sampling
// variance.
struct StudyEffect {
  double yi;
  double vi;
  bool corrected = false;  // 0.5 was added to every cell (a zero cell)
};

// Raw mean difference treat - ctrl with the unbiased-variance form
// vi = sd1^2/n1 + sd2^2/n2 (metafor measure="MD", vtype="LS").
// Throws std::invalid_argument unless n > 0, sd >= 0 and vi > 0.
StudyEffect mean_difference(const ContinuousArm& treat, const ContinuousArm& ctrl);

// Hedges' g: the pooled-SD standardized difference with the exact small-sample
// correction, vi = 1/n1 + 1/n2 + g^2 / (2 (n1 + n2)) (metafor measure="SMD"
// with its defaults). Throws std::invalid_argument unless n1 + n2 > 3, n >= 1,
// sd >= 0 and the pooled SD > 0.
StudyEffect std_mean_difference(const ContinuousArm& treat, const ContinuousArm& ctrl);

// Log risk ratio, log odds ratio or risk difference of treat against ctrl, as
// metafor's escalc(add=0.5, to="only0", drop00=TRUE). For rr and or_, a study
// with a zero cell gets 0.5 added to all four cells (corrected = true); a study
// with no events in either arm, or only events in both, gives nullopt (no
// information). rd is never corrected, and gives nullopt when its variance is
// zero (each arm all or no events). Throws std::invalid_argument for md/smd,
// n <= 0, or events outside [0, n].
std::optional<StudyEffect> binary_effect(EffectType type, const BinaryArm& treat,
                                         const BinaryArm& ctrl);

// A published effect and its 95% CI on the natural scale to yi and vi: yi is
// the estimate (its log for ratios) and se = (hi - lo) / (2 qnorm(0.975)) with
// the bounds logged for ratios. Throws std::invalid_argument unless
// ci_low <= estimate <= ci_high, ci_low < ci_high, all finite, and all > 0 for
// ratios.
StudyEffect from_ci(EffectType type, double estimate, double ci_low, double ci_high);

enum class Model { fixed, random };
enum class Tau2Method { reml, dl };

struct PoolOptions {
  Model model = Model::random;
  Tau2Method tau2 = Tau2Method::reml;  // used by the random-effects model only
  // Hartung-Knapp-Sidik-Jonkman (metafor test="knha", multiplier not truncated):
  // t with k - 1 df. Needs k >= 2; with one study the result stays z-based (as
  // metafor). With the fixed model it uses the weights 1/vi, as metafor does.
  // A weighted residual sum of squares <= DBL_EPSILON counts as 0 (metafor):
  // identical studies get se 0 and an infinite t.
  bool hksj = false;
};

struct PoolResult {
  std::size_t k;                         // number of studies pooled
  double estimate, se, ci_low, ci_high;  // analysis scale (log for ratios), 95% CI
  double z_or_t, p;                      // two-sided p; t with k - 1 df under HKSJ
  std::optional<double> df;              // t degrees of freedom, nullopt when z
  // tau2: 0 for the fixed model. i2 in percent and h2 as metafor: for the
  // random model 100 tau2 / (tau2 + s2) and tau2 / s2 + 1, s2 the "typical"
  // within-study variance (k - 1) sum w / ((sum w)^2 - sum w^2), w = 1/vi; for
  // the fixed model max(0, 100 (Q - (k-1)) / Q) and Q / (k - 1). Q is Cochran's
  // with the fixed-effect weights, q_df = k - 1 and q_p its chi-square upper
  // tail. With k = 1 (as metafor): tau2 = 0, q = 0, q_p = 1, i2 = 0, h2 = 1.
  double tau2, i2, h2, q, q_p;
  // Random model with k >= 3 only: estimate +- t_{k-2,0.975} sqrt(tau2 + se^2)
  // (Higgins, Thompson & Spiegelhalter 2009; the Cochrane Handbook), se the
  // reported one (the HKSJ se under HKSJ). nullopt for the fixed model and for
  // k < 3.
  std::optional<double> prediction_low, prediction_high;
  std::vector<double> weights;  // percent of the total weight, sum 100, in input order
  bool converged = true;        // REML: Fisher scoring met its tolerance in 100 steps
};

// Pools study effects by inverse variance. REML uses Fisher scoring as metafor
// does: start at max(0, Hedges' estimator), halve a step that would make tau2
// negative, stop when it changes by less than 1e-10 or after 100 steps, and
// fall back to 0 if the restricted likelihood is higher there (ll0check).
// Throws std::invalid_argument when studies is empty or a yi or vi is not
// finite or a vi is not > 0.
PoolResult pool(const std::vector<StudyEffect>& studies, const PoolOptions& options);

}  // namespace mgcramp::stats
