#include "mgcramp/query/supplements.hpp"

#include "mgcramp/query/foods.hpp"
#include "resolve.hpp"

namespace mgcramp {

const Form& resolve_form(const Dataset& ds, const std::string& text) {
  return detail::resolve(ds.forms, text, "form", "see 'mgcramp forms' for the list");
}

Dose dose_from_compound(const Form& f, double compound_mg) {
  return {&f, compound_mg, compound_mg * f.elemental_pct / 100.0, Dose::Given::compound};
}

Dose dose_from_elemental(const Form& f, double elemental_mg) {
  return {&f, elemental_mg / f.elemental_pct * 100.0, elemental_mg, Dose::Given::elemental};
}

DayIntake tally_intake(const Dataset& ds, const Profile& p, const std::vector<FoodServing>& foods,
                       const std::vector<SupplementDose>& supplements) {
  if (foods.empty() && supplements.empty()) throw UsageError("nothing to add up");
  DayIntake day;
  day.reference = &intake_for(ds, p);
  for (const auto& item : foods) {
    const Food& f = resolve_food(ds, item.food);
    day.foods.push_back({&f, item.servings, f.mg_per_serving * item.servings});
    day.food_mg += day.foods.back().mg;
  }
  for (const auto& item : supplements) {
    const Form& f = resolve_form(ds, item.form);
    day.supplements.push_back(dose_from_compound(f, item.compound_mg));
    day.supplement_mg += day.supplements.back().elemental_mg;
  }
  day.total_mg = day.food_mg + day.supplement_mg;
  day.pct_rda = day.total_mg / day.reference->rda_mg * 100.0;
  if (day.reference->ul_supplemental_mg) {
    day.pct_ul = day.supplement_mg / *day.reference->ul_supplemental_mg * 100.0;
    day.exceeds_ul = day.supplement_mg > *day.reference->ul_supplemental_mg;
  } else {
    day.exceeds_ul = day.supplement_mg > 0;
  }
  return day;
}

}  // namespace mgcramp
