#pragma once
// Internal helpers shared by the report builders.
#include <optional>
#include <string>
#include <vector>

#include "mgcramp/model/records.hpp"
#include "mgcramp/query/evidence.hpp"
#include "mgcramp/report/record_value.hpp"
#include "mgcramp/report/report.hpp"

namespace mgcramp::detail {

// An optional value: the value, or null.
template <class T>
Value opt(const std::optional<T>& v) {
  return Value(v);
}
// "-0.18 [-0.84, 0.49]"
std::string effect_text(const Estimate& e);

// "cramps-per-week (idiopathic, 4 weeks, itt): -0.18 [-0.84, 0.49], 5
// studies, 307 participants, moderate certainty": an outcome for people.
std::string outcome_text(const Outcome& o);

// Each article's stance on a claim: [{source, stance, locator, standing,
// overstates}] for JSON (standing and overstates against the claim's
// verdict), "art-x (sells magnesium) supports ("Heading"): agrees; ..." for
// humans.
Cell stances_cell(const Dataset& ds, const Claim& claim);

// The computed fields of a stance, after its own: CSV's columns for them.
void add_stance_fields(Report& r);

// A review's published pooled estimate for a population, as `trials` and
// `assess` give it in JSON.
Value pool_value(Population pop, const PublishedPool& p);

}  // namespace mgcramp::detail
