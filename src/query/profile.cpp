#include "mgcramp/query/profile.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "mgcramp/error.hpp"
#include "mgcramp/text.hpp"

namespace mgcramp {
namespace {

bool matches_sex(SexScope scope, const std::optional<Sex>& sex) {
  if (scope == SexScope::any || !sex) return true;
  return (scope == SexScope::female) == (*sex == Sex::female);
}

bool covers(const Intake& in, double months) {
  return months >= in.age_from_months && (!in.age_to_months || months < *in.age_to_months);
}

std::string years(double months) {
  const double y = months / 12.0;
  return std::fabs(y - std::round(y)) < 1e-9 ? fmt::format("{}", static_cast<long>(std::round(y)))
                                             : fmt::format("{:.2f}", y);
}

// "14-50 years": the span of ages the rows for `cond` cover.
std::string coverage(const Dataset& ds, Condition cond) {
  double lo = 1e300;
  double hi = 0;
  bool open = false;
  for (const auto& in : ds.intakes) {
    if (in.condition != cond) continue;
    lo = std::min(lo, in.age_from_months);
    if (in.age_to_months) {
      hi = std::max(hi, *in.age_to_months);
    } else {
      open = true;
    }
  }
  if (lo > hi && !open) return "no ages";
  if (open) return fmt::format("ages {} years and over", years(lo));
  return fmt::format("ages {} to under {} years", years(lo), years(hi));
}

}  // namespace

std::vector<const Intake*> find_intakes(const Dataset& ds, const Profile& p) {
  std::vector<const Intake*> out;
  for (const auto& in : ds.intakes) {
    if (p.age_months) {
      if (!covers(in, *p.age_months) || in.condition != p.condition) continue;
    } else if (p.condition != Condition::none && in.condition != p.condition) {
      continue;
    }
    if (!matches_sex(in.sex, p.sex)) continue;
    out.push_back(&in);
  }
  if (out.empty() && p.age_months) {
    const std::string age = years(*p.age_months);
    if (p.condition != Condition::none) {
      const char* what = p.condition == Condition::pregnant ? "pregnancy" : "lactation";
      throw UsageError(fmt::format("no reference intake for {} at age {}", what, age),
                       fmt::format("the dataset covers {} at {}", what, coverage(ds, p.condition)));
    }
    throw UsageError(fmt::format("no reference intake for age {}", age),
                     fmt::format("the dataset covers {}", coverage(ds, Condition::none)));
  }
  std::stable_sort(out.begin(), out.end(), [](const Intake* a, const Intake* b) {
    if (a->age_from_months != b->age_from_months) return a->age_from_months < b->age_from_months;
    if (a->condition != b->condition) return a->condition < b->condition;
    return a->sex < b->sex;
  });
  return out;
}

const Intake& intake_for(const Dataset& ds, const Profile& p) {
  if (!p.age_months) throw MissingInput(MissingInput::What::age, "this needs an age");
  const auto found = find_intakes(ds, p);
  if (found.size() > 1) {
    throw MissingInput(MissingInput::What::sex, "the reference intake at this age depends on sex");
  }
  return *found.front();
}

}  // namespace mgcramp

namespace mgcramp {
const Intake* reference_for(const Dataset& ds, const Profile& p) {
  return p.empty() ? nullptr : &intake_for(ds, p);
}

UlReference ul_reference_for(const Dataset& ds, const Profile& p) {
  if (p.empty()) return {};
  if (!p.age_months) throw MissingInput(MissingInput::What::age, "this needs an age");
  const auto found = find_intakes(ds, p);
  const bool same = std::all_of(found.begin(), found.end(), [&](const Intake* in) {
    return in->ul_supplemental_mg == found.front()->ul_supplemental_mg;
  });
  if (found.size() > 1 && !same) {
    throw MissingInput(MissingInput::What::sex, "the upper limit at this age depends on sex");
  }
  return {found.front(), found.size() > 1};
}
}  // namespace mgcramp
