#pragma once
// Text forest plots: every row of one outcome on one shared axis.
#include <cstddef>
#include <string>
#include <vector>

#include "mgcramp/query/evidence.hpp"

namespace mgcramp {

// The range a forest plot draws: every row's interval and the no-effect
// line, with a margin; a log scale for ratios, where 0.5 and 2 lie equally
// far from 1.
struct ForestAxis {
  double lo = 0, hi = 1;  // on the drawn scale (log for ratios)
  bool log = false;
  double null_value = 0;  // 0 for differences, 1 for ratios
};
ForestAxis forest_axis(const std::vector<Estimate>& rows, bool ratio);

// One row of `width` columns on `axis`: "[" and "]" the 95% CI, "o" the
// estimate, "|" no effect; a pooled row is a diamond "<==#==>".
std::string forest_line(const Estimate& e, const ForestAxis& axis, std::size_t width,
                        bool pooled = false);

// The axis's ends on the natural scale, for a caption.
double axis_low(const ForestAxis& axis);
double axis_high(const ForestAxis& axis);

}  // namespace mgcramp
