#pragma once
// Distribution functions for the meta-analysis engine: the standard normal,
// Student's t and the chi-square upper tail, written out here so that the core
// library needs no statistics package. Accurate to about 1e-12 relative in the
// ranges a meta-analysis uses (checked against R in tests/unit/test_meta.cpp).
// Arguments outside a function's domain give NaN; nothing throws.

namespace mgcramp::stats {

// P(Z <= x) for a standard normal Z.
double normal_cdf(double x);

// The x with P(Z <= x) = p, for 0 < p < 1 (-inf at 0, +inf at 1), as R's qnorm.
double normal_quantile(double p);

// P(T <= t) for Student's t with df > 0 degrees of freedom, as R's pt.
double t_cdf(double t, double df);

// The t with P(T <= t) = p for Student's t with df > 0, as R's qt.
double t_quantile(double p, double df);

// P(X > x) for a chi-square X with df > 0 degrees of freedom, as R's
// pchisq(x, df, lower.tail = FALSE); 1 for x <= 0.
double chi_square_upper(double x, double df);

// Regularized incomplete beta I_x(a, b) for a, b > 0 and 0 <= x <= 1.
double incomplete_beta(double a, double b, double x);

// Regularized upper incomplete gamma Q(a, x) = Gamma(a, x) / Gamma(a), a > 0.
double incomplete_gamma_upper(double a, double x);

}  // namespace mgcramp::stats
