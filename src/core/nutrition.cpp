#include "mgcramp/nutrition.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "mgcramp/error.hpp"
#include "mgcramp/text.hpp"

namespace mgcramp {
namespace {

bool contains_ci(const std::string& hay, const std::string& needle) {
  return text::to_lower(hay).find(text::to_lower(needle)) != std::string::npos;
}

std::optional<double> decimal(const std::string& s) {
  if (s.empty() || s.size() > 32) return std::nullopt;
  bool dot = false;
  bool digit = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c == '.' && !dot) {
      dot = true;
    } else {
      return std::nullopt;
    }
  }
  if (!digit) return std::nullopt;
  return std::strtod(s.c_str(), nullptr);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Exact id/name/alias match first, then a unique substring of name or alias.
template <class T>
const T& resolve(const std::vector<T>& items, const std::string& text, const char* what,
                 const char* listing_command) {
  const std::string q = text::to_lower(trim(text));
  if (q.empty()) {
    throw UsageError(fmt::format("the {} is empty", what),
                     fmt::format("give its id or name; see 'mgcramp {}'", listing_command));
  }
  for (const T& it : items) {
    if (it.id == q || text::to_lower(it.name) == q) return it;
    for (const auto& a : it.aliases) {
      if (text::to_lower(a) == q) return it;
    }
  }
  std::vector<const T*> hits;
  for (const T& it : items) {
    bool hit = contains_ci(it.name, q) || contains_ci(it.id, q);
    for (const auto& a : it.aliases) hit = hit || contains_ci(a, q);
    if (hit) hits.push_back(&it);
  }
  if (hits.size() == 1) return *hits.front();
  const std::string shown = text::sanitize(text);
  if (hits.empty()) {
    std::vector<std::string> ids;
    for (const T& it : items) ids.push_back(it.id);
    const std::string near = text::closest(q, ids);
    throw UsageError(fmt::format("unknown {} '{}'{}", what, shown,
                                 near.empty() ? "" : fmt::format("; did you mean '{}'?", near)),
                     fmt::format("see 'mgcramp {}' for the list", listing_command));
  }
  std::vector<std::string> ids;
  for (const T* it : hits) ids.push_back(it->id);
  if (ids.size() > 6) {
    ids.resize(6);
    ids.emplace_back("...");
  }
  throw UsageError(fmt::format("'{}' matches several {}s: {}", shown, what, fmt::join(ids, ", ")),
                   "use one of these ids");
}

}  // namespace

Basis parse_basis(const std::string& s) {
  const std::string v = text::to_lower(s);
  if (v == "serving") return Basis::serving;
  if (v == "100g") return Basis::per_100g;
  if (v == "100kcal") return Basis::per_100kcal;
  throw UsageError(
      fmt::format("--per must be serving, 100g or 100kcal, got '{}'", text::sanitize(s)),
      "for example --per 100g");
}

const char* to_string(Basis b) {
  switch (b) {
    case Basis::per_100g: return "100g";
    case Basis::per_100kcal: return "100kcal";
    case Basis::serving: break;
  }
  return "serving";
}

std::vector<RankedFood> rank_foods(const Dataset& ds, const FoodQuery& q) {
  std::optional<FoodCategory> category;
  if (q.category) {
    category = enum_from<FoodCategory>(text::to_lower(*q.category));
    if (!category) {
      throw UsageError(fmt::format("unknown category '{}'", text::sanitize(*q.category)),
                       "valid categories: " + text::join_comma(enum_names<FoodCategory>()));
    }
  }
  std::vector<RankedFood> out;
  for (const Food& f : ds.foods) {
    if (category && f.category != *category) continue;
    if (q.search) {
      bool hit = contains_ci(f.name, *q.search) || contains_ci(f.id, *q.search);
      for (const auto& a : f.aliases) hit = hit || contains_ci(a, *q.search);
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
  return resolve(ds.foods, text, "food", "foods --top 100");
}

const Form& resolve_form(const Dataset& ds, const std::string& text) {
  return resolve(ds.forms, text, "form", "forms");
}

double pct_daily_value(const Dataset& ds, double mg) {
  return mg / ds.daily_value.mg * 100.0;
}

std::size_t parse_count(const std::string& option, const std::string& s) {
  const auto v = decimal(s);
  if (!v || std::floor(*v) != *v || *v < 1 || *v > 100000) {
    throw UsageError(
        fmt::format("{} must be a whole number from 1, got '{}'", option, text::sanitize(s)),
        fmt::format("for example {} 5", option));
  }
  return static_cast<std::size_t>(*v);
}

double parse_amount(const std::string& what, const std::string& s) {
  const auto v = decimal(s);
  if (!v || *v <= 0 || *v > 1e6) {
    throw UsageError(fmt::format("{} must be a positive number, got '{}'", what, text::sanitize(s)),
                     "for example 500 or 1.5");
  }
  return *v;
}

Dose dose_from_compound(const Form& f, double compound_mg) {
  return {&f, compound_mg, compound_mg * f.elemental_pct / 100.0, Dose::Given::compound};
}

Dose dose_from_elemental(const Form& f, double elemental_mg) {
  return {&f, elemental_mg / f.elemental_pct * 100.0, elemental_mg, Dose::Given::elemental};
}

Dose make_dose(const Dataset& ds, const std::optional<std::string>& form,
               const std::optional<std::string>& compound_mg,
               const std::optional<std::string>& elemental_mg) {
  if (!form) throw UsageError("dose needs --form", "for example --form citrate");
  if (compound_mg.has_value() == elemental_mg.has_value()) {
    throw UsageError("give exactly one of --compound-mg and --elemental-mg",
                     "for example --compound-mg 500");
  }
  const Form& f = resolve_form(ds, *form);
  return compound_mg ? dose_from_compound(f, parse_amount("--compound-mg", *compound_mg))
                     : dose_from_elemental(f, parse_amount("--elemental-mg", *elemental_mg));
}

DayIntake tally_intake(const Dataset& ds, const Profile& p, const std::vector<std::string>& foods,
                       const std::vector<std::string>& supplements) {
  if (foods.empty() && supplements.empty()) {
    throw UsageError("nothing to add up", "give --food NAME[:SERVINGS] or --supplement FORM:MG");
  }
  DayIntake day;
  day.reference = &intake_for(ds, p);
  for (const auto& spec : foods) {
    const auto colon = spec.rfind(':');
    const std::string name = spec.substr(0, colon);
    const double servings =
        colon == std::string::npos
            ? 1.0
            : parse_amount(fmt::format("servings in --food '{}'", text::sanitize(spec)),
                           spec.substr(colon + 1));
    const Food& f = resolve_food(ds, name);
    day.foods.push_back({&f, servings, f.mg_per_serving * servings});
    day.food_mg += day.foods.back().mg;
  }
  for (const auto& spec : supplements) {
    const auto colon = spec.rfind(':');
    if (colon == std::string::npos) {
      throw UsageError(fmt::format("--supplement '{}' needs an amount", text::sanitize(spec)),
                       "write FORM:MG, the compound weight in mg, e.g. citrate:500");
    }
    const double mg = parse_amount(fmt::format("mg in --supplement '{}'", text::sanitize(spec)),
                                   spec.substr(colon + 1));
    const Form& f = resolve_form(ds, spec.substr(0, colon));
    day.supplements.push_back(dose_from_compound(f, mg));
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
