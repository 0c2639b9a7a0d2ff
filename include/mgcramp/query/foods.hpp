#pragma once
// Foods as sources of magnesium: the queries behind `mgcramp foods`.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "mgcramp/model/records.hpp"

namespace mgcramp {

// What foods are ranked by: mg per serving, per 100 g or per 100 kcal.
enum class Basis : std::uint8_t { serving, per_100g, per_100kcal };
MGCRAMP_ENUM_NAMES(Basis, "basis", Basis::per_100kcal, "serving", "100g", "100kcal");

// Foods with less energy than this per 100 g are left out of per-100 kcal
// rankings: their ratio says more about the water than about the food.
inline constexpr double kMinKcalPer100 = 5.0;

struct FoodQuery {
  std::size_t top = 10;
  Basis basis = Basis::serving;
  std::optional<FoodCategory> category;
  std::optional<std::string> search;  // part of a name, id or alias, any case
};

struct RankedFood {
  const Food* food;
  double value;  // mg per the query's basis
};

// Magnesium per 100 g or per 100 kcal of a food: from its USDA per-100 g
// figures (usda_mg_per_100g, usda_kcal_per_100g) where the dataset has them,
// else worked out from the serving's figures (`from_usda` false).
struct Per100 {
  double mg = 0;
  bool from_usda = true;
};
std::optional<Per100> mg_per_100g(const Food& f);
std::optional<Per100> mg_per_100kcal(const Food& f);

// Magnesium of `f` on basis `b` (per serving is the serving's figure).
std::optional<Per100> mg_on_basis(const Food& f, Basis b);

// Energy per 100 g of a food, from USDA's figure or its serving's; nullopt
// when neither is known.
std::optional<double> kcal_per_100g(const Food& f);

// Whether `f` passes the query's category and search (a part of its name,
// id or alias, any case).
bool food_matches(const Food& f, const FoodQuery& q);

// The figure a food is ranked by on basis `b`: nullopt when it cannot be
// worked out, and on per_100kcal for foods under kMinKcalPer100.
std::optional<double> ranking_value(const Food& f, Basis b);

// Foods sorted by magnesium on the chosen basis (foods without the needed
// weight or energy are left out of 100g/100kcal rankings, and those under
// kMinKcalPer100 out of 100kcal rankings).
std::vector<RankedFood> rank_foods(const Dataset& ds, const FoodQuery& q);

// A food by id, name or alias (any case), or by a unique part of its name.
// Throws UsageError naming the candidates when unknown or ambiguous.
const Food& resolve_food(const Dataset& ds, const std::string& text);

// Percent of the FDA Daily Value.
double pct_daily_value(const Dataset& ds, double mg);

}  // namespace mgcramp
