#pragma once
// Supplement forms, doses and a day's intake: the queries behind
// `mgcramp forms`, `dose` and `intake`.
#include <optional>
#include <string>
#include <vector>

#include "mgcramp/model/records.hpp"
#include "mgcramp/query/profile.hpp"

namespace mgcramp {

// A form by id, name or alias (any case: "bisglycinate", "Magnesium citrate"),
// or by a unique part of its name.
const Form& resolve_form(const Dataset& ds, const std::string& text);

struct Dose {
  enum class Given { compound, elemental };
  const Form* form;
  double compound_mg;
  double elemental_mg;
  Given given = Given::compound;  // which amount was asked about
  // The hydration state the figures are for: the form's own formula, or one
  // of its hydrates.
  const Hydrate* hydrate = nullptr;  // null: the form's own formula
  double elemental_pct = 0;
  int hydrate_water = 0;
  const std::string& formula() const { return hydrate ? hydrate->formula : form->formula; }
};
// The dose for the form's own formula.
Dose dose_from_compound(const Form& f, double compound_mg);
Dose dose_from_elemental(const Form& f, double elemental_mg);
// The dose for the form's own formula, then for each of its hydrates.
std::vector<Dose> doses_from_compound(const Form& f, double compound_mg);
std::vector<Dose> doses_from_elemental(const Form& f, double elemental_mg);

// Elemental magnesium in millimoles (from the atomic weight of Mg) and in
// milliequivalents (millimoles x the charge of Mg2+); none when the
// dataset lacks the atomic weight or the charge.
std::optional<double> mg_to_mmol(const Dataset& ds, double elemental_mg);
std::optional<double> mg_to_meq(const Dataset& ds, double elemental_mg);

// A day's intake as asked: foods by name with servings (or grams),
// supplements by form with the compound's weight (or, where a label gives
// it, the elemental magnesium).
struct FoodServing {
  std::string food;
  double servings = 1;
  std::optional<double> grams;  // instead of servings
};
struct SupplementDose {
  std::string form;
  double compound_mg = 0;
  std::optional<double> elemental_mg;  // instead of compound_mg
};

struct FoodPortion {
  const Food* food;
  double servings;
  double mg;
  std::optional<double> grams;  // as asked, when asked in grams
};

struct DayIntake {
  std::vector<FoodPortion> foods;
  std::vector<Dose> supplements;
  double food_mg = 0;
  double supplement_mg = 0;  // elemental
  double total_mg = 0;
  const Intake* reference = nullptr;
  double pct_rda = 0;
  std::optional<double> pct_ul;  // supplemental vs UL, when a UL exists
  bool exceeds_ul = false;       // also true for any supplement where no UL is set (infants)
};

// Adds up the foods and supplements for a full profile; unknown foods and
// forms are UsageErrors, nothing at all too.
DayIntake tally_intake(const Dataset& ds, const Profile& p, const std::vector<FoodServing>& foods,
                       const std::vector<SupplementDose>& supplements);

}  // namespace mgcramp
