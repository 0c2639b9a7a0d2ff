#include "mgcramp/stats/meta.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "mgcramp/stats/distributions.hpp"

namespace mgcramp::stats {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// REML Fisher scoring: metafor's defaults are threshold 1e-5 and 100 steps;
// the threshold is tightened here (the fixtures are made with the same).
constexpr double kRemlTolerance = 1e-10;
constexpr int kRemlMaxIterations = 100;

[[noreturn]] void bad(const std::string& what) {
  throw std::invalid_argument(what);
}

bool finite(double x) {
  return std::isfinite(x);
}

void check_continuous(const ContinuousArm& arm, const char* which) {
  if (!finite(arm.n) || !finite(arm.mean) || !finite(arm.sd))
    bad(std::string(which) + " arm: n, mean and sd must be finite");
  if (arm.n <= 0) bad(std::string(which) + " arm: n must be > 0");
  if (arm.sd < 0) bad(std::string(which) + " arm: sd must be >= 0");
}

void check_binary(const BinaryArm& arm, const char* which) {
  if (!finite(arm.events) || !finite(arm.n))
    bad(std::string(which) + " arm: events and n must be finite");
  if (arm.n <= 0) bad(std::string(which) + " arm: n must be > 0");
  if (arm.events < 0 || arm.events > arm.n)
    bad(std::string(which) + " arm: events must be between 0 and n");
}

// Sums over the studies for weights w = 1 / (vi + tau2).
struct Weighted {
  double sw = 0, sw2 = 0, sw3 = 0, mu = 0;
};

Weighted weighted(const std::vector<StudyEffect>& s, double tau2) {
  Weighted r;
  double swy = 0;
  for (const auto& e : s) {
    const double w = 1.0 / (e.vi + tau2);
    r.sw += w;
    r.sw2 += w * w;
    r.sw3 += w * w * w;
    swy += w * e.yi;
  }
  r.mu = swy / r.sw;
  return r;
}

// sum w (yi - mu)^2 for w = 1 / (vi + tau2).
double weighted_rss(const std::vector<StudyEffect>& s, double tau2, double mu) {
  double q = 0;
  for (const auto& e : s) q += (e.yi - mu) * (e.yi - mu) / (e.vi + tau2);
  return q;
}

double dersimonian_laird(const std::vector<StudyEffect>& s, double q) {
  const double k = static_cast<double>(s.size());
  const Weighted fe = weighted(s, 0.0);
  const double denom = fe.sw - fe.sw2 / fe.sw;
  if (!(denom > 0)) return 0.0;  // identical variances and k = 1
  return std::max(0.0, (q - (k - 1.0)) / denom);
}

// Hedges' (HE) estimator, metafor's starting value for REML.
double hedges(const std::vector<StudyEffect>& s) {
  const double k = static_cast<double>(s.size());
  double ybar = 0, vbar = 0;
  for (const auto& e : s) {
    ybar += e.yi;
    vbar += e.vi;
  }
  ybar /= k;
  vbar /= k;
  double rss = 0;
  for (const auto& e : s) rss += (e.yi - ybar) * (e.yi - ybar);
  return std::max(0.0, rss / (k - 1.0) - vbar);
}

// The restricted log-likelihood up to a constant.
double reml_loglik(const std::vector<StudyEffect>& s, double tau2) {
  const Weighted w = weighted(s, tau2);
  double ll = -0.5 * std::log(w.sw) - 0.5 * weighted_rss(s, tau2, w.mu);
  for (const auto& e : s) ll -= 0.5 * std::log(e.vi + tau2);
  return ll;
}

// REML by Fisher scoring on the intercept-only model, as metafor's rma.uni:
// start at max(0, HE), P = W - w w' / sum w, step (Y'PPY - tr P) / tr(PP),
// halved while it would take tau2 below 0.
double reml(const std::vector<StudyEffect>& s, bool& converged) {
  double tau2 = hedges(s);
  converged = false;
  for (int it = 0; it < kRemlMaxIterations; ++it) {
    const Weighted w = weighted(s, tau2);
    double ypppy = 0;  // (PY)'(PY), PY_i = w_i (yi - mu)
    for (const auto& e : s) {
      const double pyi = (e.yi - w.mu) / (e.vi + tau2);
      ypppy += pyi * pyi;
    }
    const double tr_p = w.sw - w.sw2 / w.sw;
    const double tr_pp = w.sw2 - 2.0 * w.sw3 / w.sw + (w.sw2 * w.sw2) / (w.sw * w.sw);
    double step = (ypppy - tr_p) / tr_pp;
    while (tau2 + step < 0.0) step /= 2.0;
    tau2 += step;
    if (std::fabs(step) < kRemlTolerance) {
      converged = true;
      break;
    }
  }
  // metafor's ll0check: a fit stuck below the likelihood at tau2 = 0 is
  // replaced by 0 (tolerance .Machine$double.eps^0.25).
  if (converged && tau2 > kRemlTolerance &&
      reml_loglik(s, 0.0) - reml_loglik(s, tau2) > 1.220703125e-4)
    tau2 = 0.0;
  return tau2;
}

}  // namespace

bool is_ratio(EffectType type) {
  return type == EffectType::rr || type == EffectType::or_;
}

StudyEffect mean_difference(const ContinuousArm& treat, const ContinuousArm& ctrl) {
  check_continuous(treat, "treatment");
  check_continuous(ctrl, "control");
  const double vi = treat.sd * treat.sd / treat.n + ctrl.sd * ctrl.sd / ctrl.n;
  if (!(vi > 0)) bad("mean difference: variance is zero (both sd 0)");
  return {treat.mean - ctrl.mean, vi, false};
}

StudyEffect std_mean_difference(const ContinuousArm& treat, const ContinuousArm& ctrl) {
  check_continuous(treat, "treatment");
  check_continuous(ctrl, "control");
  if (treat.n < 1 || ctrl.n < 1) bad("standardized mean difference: n must be >= 1");
  const double n = treat.n + ctrl.n;
  const double m = n - 2.0;
  if (!(m > 1.0)) bad("standardized mean difference: needs n1 + n2 > 3");
  const double sdp =
      std::sqrt(((treat.n - 1.0) * treat.sd * treat.sd + (ctrl.n - 1.0) * ctrl.sd * ctrl.sd) / m);
  if (!(sdp > 0)) bad("standardized mean difference: pooled sd is zero");
  // Exact bias correction J(m) = Gamma(m/2) / (sqrt(m/2) Gamma((m-1)/2)).
  const double cm =
      std::exp(std::lgamma(m / 2.0) - std::log(std::sqrt(m / 2.0)) - std::lgamma((m - 1.0) / 2.0));
  const double g = cm * (treat.mean - ctrl.mean) / sdp;
  const double vi = 1.0 / treat.n + 1.0 / ctrl.n + g * g / (2.0 * n);
  return {g, vi, false};
}

std::optional<StudyEffect> binary_effect(EffectType type, const BinaryArm& treat,
                                         const BinaryArm& ctrl) {
  if (type == EffectType::md || type == EffectType::smd)
    bad("binary_effect: the effect must be rr, or_ or rd");
  check_binary(treat, "treatment");
  check_binary(ctrl, "control");
  double a = treat.events, b = treat.n - treat.events;
  double c = ctrl.events, d = ctrl.n - ctrl.events;
  if (type == EffectType::rd) {
    const double p1 = a / treat.n, p2 = c / ctrl.n;
    const double vi = p1 * (1.0 - p1) / treat.n + p2 * (1.0 - p2) / ctrl.n;
    if (!(vi > 0)) return std::nullopt;
    return StudyEffect{p1 - p2, vi, false};
  }
  // drop00: no events in either arm, or only events in both.
  if ((a == 0 && c == 0) || (b == 0 && d == 0)) return std::nullopt;
  bool corrected = false;
  if (a == 0 || b == 0 || c == 0 || d == 0) {
    a += 0.5;
    b += 0.5;
    c += 0.5;
    d += 0.5;
    corrected = true;
  }
  const double n1 = a + b, n2 = c + d;
  if (type == EffectType::rr)
    return StudyEffect{std::log(a / n1) - std::log(c / n2), 1 / a - 1 / n1 + 1 / c - 1 / n2,
                       corrected};
  return StudyEffect{std::log(a * d / (b * c)), 1 / a + 1 / b + 1 / c + 1 / d, corrected};
}

StudyEffect from_ci(EffectType type, double estimate, double ci_low, double ci_high) {
  if (!finite(estimate) || !finite(ci_low) || !finite(ci_high))
    bad("from_ci: estimate and bounds must be finite");
  if (!(ci_low <= estimate && estimate <= ci_high && ci_low < ci_high))
    bad("from_ci: needs ci_low <= estimate <= ci_high and ci_low < ci_high");
  if (is_ratio(type)) {
    if (!(ci_low > 0)) bad("from_ci: a ratio and its bounds must be > 0");
    estimate = std::log(estimate);
    ci_low = std::log(ci_low);
    ci_high = std::log(ci_high);
  }
  const double se = (ci_high - ci_low) / (2.0 * normal_quantile(0.975));
  return {estimate, se * se, false};
}

PoolResult pool(const std::vector<StudyEffect>& studies, const PoolOptions& options) {
  if (studies.empty()) bad("pool: no studies");
  for (const auto& e : studies) {
    if (!finite(e.yi) || !finite(e.vi)) bad("pool: yi and vi must be finite");
    if (!(e.vi > 0)) bad("pool: vi must be > 0");
  }
  PoolResult r{};
  r.k = studies.size();
  const double k = static_cast<double>(r.k);
  const bool random = options.model == Model::random;

  const Weighted fe = weighted(studies, 0.0);
  r.q = r.k > 1 ? weighted_rss(studies, 0.0, fe.mu) : 0.0;
  r.q_p = r.k > 1 ? chi_square_upper(r.q, k - 1.0) : 1.0;

  r.tau2 = 0.0;
  if (random && r.k > 1) {
    if (options.tau2 == Tau2Method::dl)
      r.tau2 = dersimonian_laird(studies, r.q);
    else
      r.tau2 = reml(studies, r.converged);
  }

  // Heterogeneity as metafor reports it.
  if (r.k == 1) {
    r.i2 = 0.0;
    r.h2 = 1.0;
  } else if (!random) {
    r.i2 = r.q > k - 1.0 ? 100.0 * (r.q - (k - 1.0)) / r.q : 0.0;
    r.h2 = r.q / (k - 1.0);
  } else {
    const double s2 = (k - 1.0) * fe.sw / (fe.sw * fe.sw - fe.sw2);
    r.i2 = 100.0 * r.tau2 / (s2 + r.tau2);
    r.h2 = r.tau2 / s2 + 1.0;
  }

  const Weighted w = weighted(studies, r.tau2);
  r.estimate = w.mu;
  r.weights.reserve(r.k);
  for (const auto& e : studies) r.weights.push_back(100.0 / (e.vi + r.tau2) / w.sw);

  double crit;
  if (options.hksj && r.k > 1) {
    // As metafor: a residual sum of squares <= DBL_EPSILON counts as 0.
    const double rss = weighted_rss(studies, r.tau2, w.mu);
    const double s2 = rss <= std::numeric_limits<double>::epsilon() ? 0.0 : rss / (k - 1.0);
    r.se = std::sqrt(s2 / w.sw);
    r.df = k - 1.0;
    r.z_or_t = r.estimate / r.se;
    r.p = 2.0 * t_cdf(-std::fabs(r.z_or_t), *r.df);
    crit = t_quantile(0.975, *r.df);
  } else {
    r.se = std::sqrt(1.0 / w.sw);
    r.z_or_t = r.estimate / r.se;
    r.p = 2.0 * normal_cdf(-std::fabs(r.z_or_t));
    crit = normal_quantile(0.975);
  }
  if (std::isnan(r.z_or_t)) r.p = kNaN;
  r.ci_low = r.estimate - crit * r.se;
  r.ci_high = r.estimate + crit * r.se;

  if (random && r.k >= 3) {
    const double half = t_quantile(0.975, k - 2.0) * std::sqrt(r.tau2 + r.se * r.se);
    r.prediction_low = r.estimate - half;
    r.prediction_high = r.estimate + half;
  }
  return r;
}

}  // namespace mgcramp::stats
