#pragma once
// Text plots drawn in a cell: a forest plot's line.
#include <cstddef>
#include <string>

#include "mgcramp/model/records.hpp"

namespace mgcramp {

// Whether an effect is a ratio (no effect at 1, positive interval), drawn
// on a log scale.
bool ratio_scale(const Effect& e);

// A one-line text forest plot of an effect on its own scale, `width` columns:
// "[" and "]" the confidence interval, "o" the estimate, "|" no effect.
std::string forest_line(const Effect& e, std::size_t width);

}  // namespace mgcramp
