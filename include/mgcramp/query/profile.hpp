#pragma once
// Who is asking (age, sex, pregnancy, lactation) and the reference intakes
// that apply to them. Shared by every command that takes a profile.
#include <optional>
#include <string>
#include <vector>

#include "mgcramp/model/records.hpp"

namespace mgcramp {

// Who is asking, typed.
struct Profile {
  std::optional<double> age_months;
  std::optional<Sex> sex;
  Condition condition = Condition::none;

  bool empty() const { return !age_months && !sex && condition == Condition::none; }
};

// The reference intakes that apply to the profile, ordered by age, then
// female before male. An empty profile gives every row. When an age is given
// the result has one row, or two (female and male) when sex matters and none
// was given. Throws UsageError when an age is given and no row covers it.
std::vector<const Intake*> find_intakes(const Dataset& ds, const Profile& p);

// The single intake for a full profile (age and, where it matters, sex);
// throws MissingInput when the profile lacks either, UsageError when it
// matches nothing.
const Intake& intake_for(const Dataset& ds, const Profile& p);

}  // namespace mgcramp

namespace mgcramp {
// The intake for a profile, or nullptr for an empty one; throws as
// intake_for for an incomplete profile.
const Intake* reference_for(const Dataset& ds, const Profile& p);

// The intake whose supplemental UL applies, for an answer that needs only
// the UL (dose): without a sex where both sexes share the UL at that age,
// one of them, with `either_sex` set (UX8). Null for an empty profile.
struct UlReference {
  const Intake* intake = nullptr;
  bool either_sex = false;
};
UlReference ul_reference_for(const Dataset& ds, const Profile& p);
}  // namespace mgcramp
