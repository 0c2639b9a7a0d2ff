#include "mgcramp/render/plot.hpp"

#include <algorithm>
#include <cmath>

namespace mgcramp {

ForestAxis forest_axis(const std::vector<Estimate>& rows, bool ratio) {
  ForestAxis a;
  a.log = ratio;
  a.null_value = ratio ? 1 : 0;
  auto scale = [ratio](double v) { return ratio ? std::log(v) : v; };
  double lo = scale(a.null_value);
  double hi = lo;
  for (const Estimate& e : rows) {
    lo = std::min({lo, scale(e.ci_low), scale(e.estimate)});
    hi = std::max({hi, scale(e.ci_high), scale(e.estimate)});
  }
  if (!(hi - lo > 1e-12)) hi = lo + 1;
  const double pad = (hi - lo) * 0.05;
  a.lo = lo - pad;
  a.hi = hi + pad;
  return a;
}

double axis_low(const ForestAxis& a) {
  return a.log ? std::exp(a.lo) : a.lo;
}
double axis_high(const ForestAxis& a) {
  return a.log ? std::exp(a.hi) : a.hi;
}

std::string forest_line(const Estimate& e, const ForestAxis& axis, std::size_t width, bool pooled) {
  if (width < 5) width = 5;
  auto scale = [&](double v) { return axis.log ? std::log(v) : v; };
  auto at = [&](double v) {
    const double f = (scale(v) - axis.lo) / (axis.hi - axis.lo) * static_cast<double>(width - 1);
    const long last = static_cast<long>(width - 1);
    return static_cast<std::size_t>(std::clamp(std::isfinite(f) ? std::lround(f) : 0L, 0L, last));
  };
  std::string line(width, ' ');
  const std::size_t a = at(e.ci_low);
  const std::size_t b = at(e.ci_high);
  for (std::size_t i = a; i <= b; ++i) line[i] = pooled ? '=' : '-';
  line[at(axis.null_value)] = '|';
  line[a] = pooled ? '<' : '[';
  line[b] = pooled ? '>' : ']';
  line[at(e.estimate)] = pooled ? '#' : 'o';
  return line;
}

}  // namespace mgcramp
