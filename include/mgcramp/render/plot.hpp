#pragma once
// Text forest plots: every row of one outcome on one shared axis.
#include <cstddef>
#include <string>
#include <vector>

#include "mgcramp/query/evidence.hpp"
#include "mgcramp/report/figure.hpp"

namespace mgcramp {

// The axis (report/figure.hpp) that draws every row's interval.
ForestAxis forest_axis(const std::vector<Estimate>& rows, bool ratio);

// One row of `width` columns on `axis`: "[" and "]" the 95% CI, "o" the
// estimate, "|" no effect; a pooled row is a diamond "<==#==>".
std::string forest_line(const Estimate& e, const ForestAxis& axis, std::size_t width,
                        bool pooled = false);

// The axis's ends on the natural scale, for a caption.
double axis_low(const ForestAxis& axis);
double axis_high(const ForestAxis& axis);

}  // namespace mgcramp
