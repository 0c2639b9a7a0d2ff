#include "mgcramp/query/foods.hpp"

#include <algorithm>

#include "resolve.hpp"

namespace mgcramp {

std::vector<RankedFood> rank_foods(const Dataset& ds, const FoodQuery& q) {
  std::vector<RankedFood> out;
  for (const Food& f : ds.foods) {
    if (q.category && f.category != *q.category) continue;
    if (q.search) {
      bool hit = detail::contains_ci(f.name, *q.search) || detail::contains_ci(f.id, *q.search);
      for (const auto& a : f.aliases) hit = hit || detail::contains_ci(a, *q.search);
      if (!hit) continue;
    }
    std::optional<double> v;
    switch (q.basis) {
      case Basis::serving: v = f.mg_per_serving; break;
      case Basis::per_100g:
        if (f.grams) v = f.mg_per_serving / *f.grams * 100.0;
        break;
      case Basis::per_100kcal:
        if (f.kcal_per_serving && *f.kcal_per_serving > 0) {
          v = f.mg_per_serving / *f.kcal_per_serving * 100.0;
        }
        break;
    }
    if (v) out.push_back({&f, *v});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const RankedFood& a, const RankedFood& b) { return a.value > b.value; });
  if (out.size() > q.top) out.resize(q.top);
  return out;
}

const Food& resolve_food(const Dataset& ds, const std::string& text) {
  return detail::resolve(ds.foods, text, "food", "'mgcramp search NAME' finds foods by name");
}

double pct_daily_value(const Dataset& ds, double mg) {
  return mg / ds.daily_value.mg * 100.0;
}

}  // namespace mgcramp
