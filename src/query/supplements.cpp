#include "mgcramp/query/supplements.hpp"

#include <fmt/format.h>

#include "mgcramp/error.hpp"
#include "mgcramp/query/foods.hpp"
#include "resolve.hpp"

namespace mgcramp {

const Form& resolve_form(const Dataset& ds, const std::string& text) {
  return detail::resolve(ds.forms, text, "form", "see 'mgcramp forms' for the list");
}

namespace {

Dose from_compound(const Form& f, const Hydrate* h, double compound_mg) {
  const double pct = h ? h->elemental_pct : f.elemental_pct;
  return {&f,
          compound_mg,
          compound_mg * pct / 100.0,
          Dose::Given::compound,
          h,
          pct,
          h ? h->hydrate_water : f.hydrate_water};
}

Dose from_elemental(const Form& f, const Hydrate* h, double elemental_mg) {
  const double pct = h ? h->elemental_pct : f.elemental_pct;
  return {&f,
          elemental_mg / pct * 100.0,
          elemental_mg,
          Dose::Given::elemental,
          h,
          pct,
          h ? h->hydrate_water : f.hydrate_water};
}

}  // namespace

Dose dose_from_compound(const Form& f, double compound_mg) {
  return from_compound(f, nullptr, compound_mg);
}

Dose dose_from_elemental(const Form& f, double elemental_mg) {
  return from_elemental(f, nullptr, elemental_mg);
}

std::vector<Dose> doses_from_compound(const Form& f, double compound_mg) {
  std::vector<Dose> out{from_compound(f, nullptr, compound_mg)};
  for (const Hydrate& h : f.hydrates) out.push_back(from_compound(f, &h, compound_mg));
  return out;
}

std::vector<Dose> doses_from_elemental(const Form& f, double elemental_mg) {
  std::vector<Dose> out{from_elemental(f, nullptr, elemental_mg)};
  for (const Hydrate& h : f.hydrates) out.push_back(from_elemental(f, &h, elemental_mg));
  return out;
}

std::optional<double> mg_to_mmol(const Dataset& ds, double elemental_mg) {
  const auto m = ds.atomic_masses.values.find("Mg");
  if (m == ds.atomic_masses.values.end() || m->second <= 0) return std::nullopt;
  return elemental_mg / m->second;
}

std::optional<double> mg_to_meq(const Dataset& ds, double elemental_mg) {
  const auto c = ds.atomic_masses.charges.find("Mg");
  const auto mmol = mg_to_mmol(ds, elemental_mg);
  if (!mmol || c == ds.atomic_masses.charges.end()) return std::nullopt;
  return *mmol * c->second;
}

DayIntake tally_intake(const Dataset& ds, const Profile& p, const std::vector<FoodServing>& foods,
                       const std::vector<SupplementDose>& supplements) {
  if (foods.empty() && supplements.empty()) throw UsageError("nothing to add up");
  DayIntake day;
  day.reference = &intake_for(ds, p);
  for (const auto& item : foods) {
    const Food& f = resolve_food(ds, item.food);
    if (item.grams) {
      const auto per100 = mg_per_100g(f);
      if (!per100 || !f.grams || *f.grams <= 0) {
        throw UsageError(fmt::format("{} has no gram weight in this dataset", f.name),
                         fmt::format("give servings instead: --food {}:1 is {}", f.id, f.serving));
      }
      day.foods.push_back(
          {&f, *item.grams / *f.grams, per100->mg * *item.grams / 100.0, item.grams});
    } else {
      day.foods.push_back({&f, item.servings, f.mg_per_serving * item.servings, std::nullopt});
    }
    day.food_mg += day.foods.back().mg;
  }
  for (const auto& item : supplements) {
    const Form& f = resolve_form(ds, item.form);
    day.supplements.push_back(item.elemental_mg ? dose_from_elemental(f, *item.elemental_mg)
                                                : dose_from_compound(f, item.compound_mg));
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
