#include "mgcramp/stats/distributions.hpp"

#include <cmath>
#include <limits>

namespace mgcramp::stats {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kEps = 1e-16;
constexpr double kTiny = 1e-300;
constexpr double kPi = 3.141592653589793238462643383279502884;
constexpr int kMaxTerms = 100000;

// Continued fraction for I_x(a, b) (modified Lentz), converging fast for
// x < (a + 1) / (a + b + 2).
double beta_fraction(double a, double b, double x) {
  const double qab = a + b;
  const double qap = a + 1.0;
  const double qam = a - 1.0;
  double c = 1.0;
  double d = 1.0 - qab * x / qap;
  if (std::fabs(d) < kTiny) d = kTiny;
  d = 1.0 / d;
  double h = d;
  for (int m = 1; m <= kMaxTerms; ++m) {
    const double dm = m;
    const double m2 = 2.0 * dm;
    double aa = dm * (b - dm) * x / ((qam + m2) * (a + m2));
    d = 1.0 + aa * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1.0 + aa / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    h *= d * c;
    aa = -(a + dm) * (qab + dm) * x / ((a + m2) * (qap + m2));
    d = 1.0 + aa * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1.0 + aa / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    const double del = d * c;
    h *= del;
    if (std::fabs(del - 1.0) < kEps) break;
  }
  return h;
}

// I_x(a, b) with y = 1 - x given separately, so that a y computed without
// cancellation (as t^2 / (df + t^2)) keeps its precision.
double beta_xy(double a, double b, double x, double y) {
  if (x <= 0.0) return 0.0;
  if (y <= 0.0) return 1.0;
  const double log_front =
      std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log(y);
  const double front = std::exp(log_front);
  if (x < (a + 1.0) / (a + b + 2.0)) return front * beta_fraction(a, b, x) / a;
  return 1.0 - front * beta_fraction(b, a, y) / b;
}

// P(T <= t) for t <= 0 (the lower tail, without cancellation).
double t_lower_tail(double t, double df) {
  const double t2 = t * t;
  return 0.5 * beta_xy(0.5 * df, 0.5, df / (df + t2), t2 / (df + t2));
}

double t_density(double t, double df) {
  const double log_c =
      std::lgamma(0.5 * (df + 1.0)) - std::lgamma(0.5 * df) - 0.5 * std::log(df * kPi);
  return std::exp(log_c - 0.5 * (df + 1.0) * std::log1p(t * t / df));
}

// Acklam's rational approximation (relative error 1.2e-9) for 0 < p <= 0.5.
double normal_quantile_guess(double p) {
  static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
                                 -2.759285104469687e+02, 1.383577518672690e+02,
                                 -3.066479806614716e+01, 2.506628277459239e+00};
  static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
                                 -1.556989798598866e+02, 6.680131188771972e+01,
                                 -1.328068155288572e+01};
  static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
                                 -2.400758277161838e+00, -2.549732539343734e+00,
                                 4.374664141464968e+00,  2.938163982698783e+00};
  static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
                                 2.445134137142996e+00, 3.754408661907416e+00};
  if (p < 0.02425) {
    const double q = std::sqrt(-2.0 * std::log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
           ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  }
  const double q = p - 0.5;
  const double r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
         (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
}

}  // namespace

double normal_cdf(double x) {
  if (std::isnan(x)) return kNaN;
  return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

double normal_quantile(double p) {
  if (std::isnan(p) || p < 0.0 || p > 1.0) return kNaN;
  if (p == 0.0) return -kInf;
  if (p == 1.0) return kInf;
  if (p > 0.5) return -normal_quantile(1.0 - p);  // 1 - p is exact here
  double x = normal_quantile_guess(p);
  // Halley steps on the lower tail, each roughly cubing the relative error.
  for (int i = 0; i < 3; ++i) {
    const double e = normal_cdf(x) - p;
    const double u = e * std::sqrt(2.0 * kPi) * std::exp(0.5 * x * x);
    x -= u / (1.0 + 0.5 * x * u);
  }
  return x;
}

double incomplete_beta(double a, double b, double x) {
  if (std::isnan(a) || std::isnan(b) || std::isnan(x) || a <= 0.0 || b <= 0.0 || x < 0.0 || x > 1.0)
    return kNaN;
  return beta_xy(a, b, x, 1.0 - x);
}

double t_cdf(double t, double df) {
  if (std::isnan(t) || std::isnan(df) || df <= 0.0) return kNaN;
  if (std::isinf(t)) return t < 0 ? 0.0 : 1.0;
  if (t <= 0.0) return t_lower_tail(t, df);
  return 1.0 - t_lower_tail(-t, df);
}

double t_quantile(double p, double df) {
  if (std::isnan(p) || std::isnan(df) || df <= 0.0 || p < 0.0 || p > 1.0) return kNaN;
  if (p == 0.0) return -kInf;
  if (p == 1.0) return kInf;
  if (p > 0.5) return -t_quantile(1.0 - p, df);
  if (p == 0.5) return 0.0;
  if (df == 1.0) return std::tan(kPi * (p - 0.5));
  if (df == 2.0) return (2.0 * p - 1.0) / std::sqrt(2.0 * p * (1.0 - p));
  // The lower tail is convex in t < 0, and the normal quantile lies to the
  // right of the root, so Newton's method descends to it monotonically.
  double t = normal_quantile(p);
  for (int i = 0; i < 1000; ++i) {
    const double step = (t_lower_tail(t, df) - p) / t_density(t, df);
    t -= step;
    if (!(std::fabs(step) > 1e-15 * std::fabs(t))) break;
  }
  return t;
}

double incomplete_gamma_upper(double a, double x) {
  if (std::isnan(a) || std::isnan(x) || a <= 0.0) return kNaN;
  if (x <= 0.0) return 1.0;
  if (std::isinf(x)) return 0.0;
  const double log_front = -x + a * std::log(x) - std::lgamma(a);
  if (x < a + 1.0) {
    // Series for the lower tail P(a, x); here Q is not small.
    double ap = a;
    double del = 1.0 / a;
    double sum = del;
    for (int n = 0; n < kMaxTerms; ++n) {
      ap += 1.0;
      del *= x / ap;
      sum += del;
      if (std::fabs(del) < std::fabs(sum) * kEps) break;
    }
    return 1.0 - sum * std::exp(log_front);
  }
  // Continued fraction for Q(a, x) (modified Lentz).
  double b = x + 1.0 - a;
  double c = 1.0 / kTiny;
  double d = 1.0 / b;
  double h = d;
  for (int i = 1; i <= kMaxTerms; ++i) {
    const double di = i;
    const double an = -di * (di - a);
    b += 2.0;
    d = an * d + b;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = b + an / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    const double del = d * c;
    h *= del;
    if (std::fabs(del - 1.0) < kEps) break;
  }
  return std::exp(log_front) * h;
}

double chi_square_upper(double x, double df) {
  if (std::isnan(x) || std::isnan(df) || df <= 0.0) return kNaN;
  return incomplete_gamma_upper(0.5 * df, 0.5 * x);
}

}  // namespace mgcramp::stats
