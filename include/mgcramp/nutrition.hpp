#pragma once
// Foods, supplement forms, doses and a day's intake: the queries behind
// `mgcramp foods`, `forms`, `dose` and `intake`.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "mgcramp/intake.hpp"
#include "mgcramp/model.hpp"

namespace mgcramp {

// ---- foods ----
enum class Basis { serving, per_100g, per_100kcal };
Basis parse_basis(const std::string& s);  // serving | 100g | 100kcal
const char* to_string(Basis b);

struct FoodQuery {
  std::size_t top = 10;
  Basis basis = Basis::serving;
  std::optional<std::string> category;
  std::optional<std::string> search;
};

struct RankedFood {
  const Food* food;
  double value;  // mg per the query's basis
};

// Foods sorted by magnesium on the chosen basis (foods without the needed
// weight or energy are left out of 100g/100kcal rankings).
std::vector<RankedFood> rank_foods(const Dataset& ds, const FoodQuery& q);

// A food by id, name or alias (any case), or by a unique part of its name.
// Throws UsageError naming the candidates when unknown or ambiguous.
const Food& resolve_food(const Dataset& ds, const std::string& text);

// Percent of the FDA Daily Value.
double pct_daily_value(const Dataset& ds, double mg);

// Parses a whole count such as --top 5; throws UsageError naming `option`.
std::size_t parse_count(const std::string& option, const std::string& s);
// Parses a positive decimal amount; throws UsageError naming `what`.
double parse_amount(const std::string& what, const std::string& s);

// ---- supplement forms ----
// A form by id, name or alias, any case ("bisglycinate", "Magnesium citrate").
const Form& resolve_form(const Dataset& ds, const std::string& text);

struct Dose {
  enum class Given { compound, elemental };
  const Form* form;
  double compound_mg;
  double elemental_mg;
  Given given = Given::compound;  // which amount was asked about
};
Dose dose_from_compound(const Form& f, double compound_mg);
Dose dose_from_elemental(const Form& f, double elemental_mg);

// `mgcramp dose` input: a form and exactly one of the two amounts, as typed.
// Throws UsageError naming what is missing, doubled or malformed.
Dose make_dose(const Dataset& ds, const std::optional<std::string>& form,
               const std::optional<std::string>& compound_mg,
               const std::optional<std::string>& elemental_mg);

// ---- a day's intake ----
struct FoodPortion {
  const Food* food;
  double servings;
  double mg;
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

// `foods`: "almonds:2" (food, servings; servings default 1);
// `supplements`: "citrate:500" (form, compound mg). Needs a full profile.
DayIntake tally_intake(const Dataset& ds, const Profile& p, const std::vector<std::string>& foods,
                       const std::vector<std::string>& supplements);

}  // namespace mgcramp
