#include "mgcramp/intake.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "mgcramp/error.hpp"
#include "mgcramp/text.hpp"

namespace mgcramp {
namespace {

// Accepts digits with an optional decimal part ("25", "13.99"); nothing else:
// no sign, exponent, "nan" or "inf". Returns nullopt when malformed.
std::optional<double> parse_decimal(const std::string& s, bool allow_fraction) {
  bool digits = false;
  bool dot = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      digits = true;
    } else if (c == '.' && allow_fraction && !dot) {
      dot = true;
    } else {
      return std::nullopt;
    }
  }
  if (!digits || s.size() > 32) return std::nullopt;
  return std::strtod(s.c_str(), nullptr);
}

bool is_negative_number(const std::string& s) {
  return s.size() > 1 && s[0] == '-' && parse_decimal(s.substr(1), true).has_value();
}

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

Sex parse_sex(const std::string& s) {
  const std::string v = text::to_lower(s);
  if (v == "f" || v == "female") return Sex::female;
  if (v == "m" || v == "male") return Sex::male;
  throw UsageError(fmt::format("--sex must be f or m, got '{}'", text::sanitize(s)),
                   "use --sex f (female) or --sex m (male)");
}

Profile make_profile(const ProfileInput& in) {
  Profile p;
  if (in.age && in.months) {
    throw UsageError("--age and --months cannot be used together",
                     "give the age either in years (--age) or in months (--months)");
  }
  if (in.age) {
    const auto v = parse_decimal(*in.age, true);
    if (!v) {
      if (is_negative_number(*in.age)) {
        throw UsageError(fmt::format("--age must be from 0 to {:g} years, got {}", kMaxAgeYears,
                                     text::sanitize(*in.age)),
                         "ages are counted in years since birth");
      }
      throw UsageError(
          fmt::format("--age must be a number of years, got '{}'", text::sanitize(*in.age)),
          "for example --age 25 or --age 13.5; for infants use --months");
    }
    if (*v > kMaxAgeYears) {
      throw UsageError(
          fmt::format("--age must be from 0 to {:g} years, got {}", kMaxAgeYears, *in.age),
          "ages are counted in years since birth");
    }
    p.age_months = *v * 12.0;
  }
  if (in.months) {
    const auto v = parse_decimal(*in.months, false);
    if (!v) {
      throw UsageError(fmt::format("--months must be a whole number of months, got '{}'",
                                   text::sanitize(*in.months)),
                       "for example --months 6");
    }
    if (*v > kMaxAgeYears * 12.0) {
      throw UsageError(
          fmt::format("--months must be from 0 to {:g}, got {}", kMaxAgeYears * 12.0, *in.months),
          "for older people use --age in years");
    }
    p.age_months = *v;
  }
  if (in.sex) p.sex = parse_sex(*in.sex);
  if (in.pregnant && in.lactating) {
    throw UsageError("--pregnant and --lactating cannot be used together",
                     "choose the one that applies now");
  }
  if (in.pregnant || in.lactating) {
    const char* flag = in.pregnant ? "--pregnant" : "--lactating";
    if (p.sex == Sex::male) {
      throw UsageError(fmt::format("{} cannot be combined with --sex m", flag),
                       "drop --sex or use --sex f");
    }
    p.sex = Sex::female;
    p.condition = in.pregnant ? Condition::pregnant : Condition::lactating;
  }
  return p;
}

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
  if (!p.age_months) {
    throw UsageError("this needs an age", "add --age YEARS (or --months N for infants)");
  }
  const auto found = find_intakes(ds, p);
  if (found.size() > 1) {
    throw UsageError("the reference intake at this age depends on sex", "add --sex f or --sex m");
  }
  return *found.front();
}

}  // namespace mgcramp

namespace mgcramp {
const Intake* intake_for_input(const Dataset& ds, const ProfileInput& in) {
  return reference_for(ds, make_profile(in));
}

const Intake* reference_for(const Dataset& ds, const Profile& p) {
  return p.empty() ? nullptr : &intake_for(ds, p);
}
}  // namespace mgcramp
