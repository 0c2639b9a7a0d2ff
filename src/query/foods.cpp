#include "mgcramp/query/foods.hpp"

#include <algorithm>

#include "resolve.hpp"

namespace mgcramp {

bool food_matches(const Food& f, const FoodQuery& q) {
  if (q.category && f.category != *q.category) return false;
  if (q.search) {
    bool hit = detail::contains_ci(f.name, *q.search) || detail::contains_ci(f.id, *q.search);
    for (const auto& a : f.aliases) hit = hit || detail::contains_ci(a, *q.search);
    if (!hit) return false;
  }
  return true;
}

std::optional<double> ranking_value(const Food& f, Basis b) {
  if (b == Basis::per_100kcal) {
    const auto kcal = kcal_per_100g(f);
    if (kcal && *kcal < kMinKcalPer100) return std::nullopt;
  }
  if (const auto v = mg_on_basis(f, b)) return v->mg;
  return std::nullopt;
}

std::vector<RankedFood> rank_foods(const Dataset& ds, const FoodQuery& q) {
  std::vector<RankedFood> out;
  for (const Food& f : ds.foods) {
    if (!food_matches(f, q)) continue;
    if (const auto v = ranking_value(f, q.basis)) out.push_back({&f, *v});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const RankedFood& a, const RankedFood& b) { return a.value > b.value; });
  if (out.size() > q.top) out.resize(q.top);
  return out;
}

std::optional<Per100> mg_per_100g(const Food& f) {
  if (f.usda_mg_per_100g) return Per100{*f.usda_mg_per_100g, true};
  if (f.grams && *f.grams > 0) return Per100{f.mg_per_serving / *f.grams * 100.0, false};
  return std::nullopt;
}

std::optional<Per100> mg_per_100kcal(const Food& f) {
  if (f.usda_mg_per_100g && f.usda_kcal_per_100g && *f.usda_kcal_per_100g > 0) {
    return Per100{*f.usda_mg_per_100g / *f.usda_kcal_per_100g * 100.0, true};
  }
  if (f.kcal_per_serving && *f.kcal_per_serving > 0) {
    return Per100{f.mg_per_serving / *f.kcal_per_serving * 100.0, false};
  }
  return std::nullopt;
}

std::optional<double> kcal_per_100g(const Food& f) {
  if (f.usda_kcal_per_100g) return f.usda_kcal_per_100g;
  if (f.kcal_per_serving && f.grams && *f.grams > 0) return *f.kcal_per_serving / *f.grams * 100.0;
  return std::nullopt;
}

std::optional<Per100> mg_on_basis(const Food& f, Basis b) {
  switch (b) {
    case Basis::serving: return Per100{f.mg_per_serving, true};
    case Basis::per_100g: return mg_per_100g(f);
    case Basis::per_100kcal: return mg_per_100kcal(f);
  }
  return std::nullopt;
}

const Food& resolve_food(const Dataset& ds, const std::string& text) {
  return detail::resolve(ds.foods, text, "food", "'mgcramp search NAME' finds foods by name");
}

double pct_daily_value(const Dataset& ds, double mg) {
  return mg / ds.daily_value.mg * 100.0;
}

}  // namespace mgcramp
