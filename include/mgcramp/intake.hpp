#pragma once
// Who is asking (age, sex, pregnancy, lactation) and the reference intakes
// that apply to them. Shared by every command that takes a profile.
#include <optional>
#include <string>
#include <vector>

#include "mgcramp/model.hpp"

namespace mgcramp {

// The profile options as the user typed them.
struct ProfileInput {
  std::optional<std::string> age;     // years, decimals allowed
  std::optional<std::string> months;  // whole months
  std::optional<std::string> sex;     // f, m, female, male (any case)
  bool pregnant = false;
  bool lactating = false;

  bool empty() const { return !age && !months && !sex && !pregnant && !lactating; }
};

struct Profile {
  std::optional<double> age_months;
  std::optional<Sex> sex;
  Condition condition = Condition::none;

  bool empty() const { return !age_months && !sex && condition == Condition::none; }
};

inline constexpr double kMaxAgeYears = 120.0;

// Checks and converts the input; throws UsageError naming the bad option.
Profile make_profile(const ProfileInput& in);

// Parses "f", "m", "female", "male" in any case; throws UsageError.
Sex parse_sex(const std::string& s);

// The reference intakes that apply to the profile, ordered by age, then
// female before male. An empty profile gives every row. When an age is given
// the result has one row, or two (female and male) when sex matters and none
// was given. Throws UsageError when an age is given and no row covers it.
std::vector<const Intake*> find_intakes(const Dataset& ds, const Profile& p);

// The single intake for a full profile (age and, where it matters, sex);
// throws UsageError when the profile is incomplete or matches nothing.
const Intake& intake_for(const Dataset& ds, const Profile& p);

}  // namespace mgcramp

namespace mgcramp {
// The intake for a profile typed by the user, or nullptr when no profile
// option was given. Throws UsageError for an incomplete or invalid profile.
const Intake* intake_for_input(const Dataset& ds, const ProfileInput& in);

// The intake for a profile, or nullptr for an empty one; throws UsageError
// for an incomplete profile.
const Intake* reference_for(const Dataset& ds, const Profile& p);
}  // namespace mgcramp
