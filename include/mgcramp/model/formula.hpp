#pragma once
// Chemical formulas: element counts and mass fractions, so that a form's
// percent elemental magnesium can be recomputed from its formula.
#include <map>
#include <string>
#include <string_view>

namespace mgcramp {

// Element counts of a formula such as "Mg3(C6H5O7)2.9H2O": element symbols,
// whole-number counts, nested parentheses, and "." before a hydrate part that
// may start with a multiplier. Throws std::invalid_argument when malformed.
std::map<std::string, int> parse_formula(std::string_view formula);

// Percent by mass of `element` in `formula`. Throws std::invalid_argument when
// the formula is malformed or uses an element missing from `masses`.
double mass_percent(std::string_view formula, const std::map<std::string, double>& masses,
                    const std::string& element);

// Number of waters of crystallisation: the multiplier of a trailing ".nH2O".
int hydrate_waters(std::string_view formula);

}  // namespace mgcramp
