#pragma once
// Internal helpers shared by the report builders.
#include <optional>
#include <string>
#include <vector>

#include "mgcramp/model/records.hpp"
#include "mgcramp/query/claims.hpp"
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
// verdict), "art-x (sells magnesium) supports in "Heading": agrees; ..." for
// humans.
Cell stances_cell(const Dataset& ds, const Claim& claim);

// One stance for people: "supports in "Heading"", the locator in quotes
// unless it quotes the article itself ("introduction ("Magnesium is...")"),
// so that quotes never nest (UX17).
std::string stance_text(const Stance& st);

// An article's scorecard for JSON: {claims, agrees, at_odds, unsettled,
// overstates}, the keys kScorecardKeys names.
inline constexpr const char* kScorecardKeys[] = {"claims", "agrees", "at_odds", "unsettled",
                                                 "overstates"};
Value scorecard_value(const Scorecard& sc);

// The computed fields of a stance, after its own: CSV's columns for them.
void add_stance_fields(Report& r);

// A review's published pooled estimate for a population, as `trials` and
// `assess` give it in JSON.
Value pool_value(Population pop, const PublishedPool& p);

// "[id1, id2]": the sources of a point, for people.
std::string ids_text(const std::vector<std::string>& ids);

// The interaction record a medicine links to, or null.
const Interaction* interaction_of(const Dataset& ds, const Medicine& m);

// What the dataset says of one medicine and magnesium, for people: "omeprazole
// (Proton pump inhibitor (PPI)): effect on magnesium lowers-magnesium; ...
// Timing, ...; Advice [nih-ods-magnesium]: ... Ask your pharmacist.
// [nih-ods-magnesium, fda-ppi-2011]". The interaction record's advice is
// attributed to its own sources, `with_advice` (where the medicine has no
// timing of its own and its note does not already say it).
// The ids of the sources the text names are added to `cited`.
std::string medicine_text(const Dataset& ds, const Medicine& m, bool with_advice = true,
                          std::vector<std::string>* cited = nullptr);

}  // namespace mgcramp::detail
