#include "mgcramp/render/plot.hpp"

#include <algorithm>
#include <cmath>

namespace mgcramp {

bool ratio_scale(const Effect& e) {
  return e.null_value == 1 && e.ci_low > 0;
}

std::string forest_line(const Effect& e, std::size_t width) {
  if (width < 5) width = 5;
  // Ratios are drawn on a log scale, where 0.5 and 2 lie equally far from 1.
  auto scale = [log = ratio_scale(e)](double v) { return log ? std::log(v) : v; };
  const double estimate = scale(e.value), low = scale(e.ci_low), high = scale(e.ci_high),
               none = scale(e.null_value);
  double lo = std::min({low, none, estimate});
  double hi = std::max({high, none, estimate});
  if (hi - lo < 1e-12) hi = lo + 1;
  const double pad = (hi - lo) * 0.05;
  lo -= pad;
  hi += pad;
  auto at = [&](double v) {
    const double f = (v - lo) / (hi - lo) * static_cast<double>(width - 1);
    return static_cast<std::size_t>(std::clamp(std::lround(f), 0L, static_cast<long>(width - 1)));
  };
  std::string line(width, ' ');
  const std::size_t a = at(low);
  const std::size_t b = at(high);
  for (std::size_t i = a; i <= b; ++i) line[i] = '-';
  line[at(none)] = '|';
  line[a] = '[';
  line[b] = ']';
  line[at(estimate)] = 'o';
  return line;
}

}  // namespace mgcramp
