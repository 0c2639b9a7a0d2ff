#include "mgcramp/fooddb/view.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "../query/resolve.hpp"
#include "mgcramp/error.hpp"
#include "mgcramp/text.hpp"

namespace mgcramp::fooddb {

namespace {

constexpr const char* kFindHint = "'mgcramp foods --search TEXT' finds foods and their ids";

// Energy as a label declares it: under 5 kcal as 0, to the nearest 5 kcal up
// to 50, to the nearest 10 above (21 CFR 101.9(c)(1)).
double label_kcal(double kcal) {
  if (kcal < 5) return 0;
  if (kcal <= 50) return std::round(kcal / 5.0) * 5.0;
  return std::round(kcal / 10.0) * 10.0;
}

std::optional<long long> ndb_of(const Food& f) {
  if (!f.usda_ndb) return std::nullopt;
  long long v = 0;
  const std::string& s = *f.usda_ndb;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

void add_source(DbRows& rows, DataType t) {
  const std::string id = source_id(t);
  for (const Source& s : rows.sources) {
    if (s.id == id) return;
  }
  rows.sources.push_back(source_record(t, rows.info));
}

std::string grams_text(double v) {
  return fmt::format("{:g}", std::round(v * 10.0) / 10.0);
}

bool is_db_food(const Food& f) {
  return f.id.rfind("fdc-", 0) == 0;
}

}  // namespace

const Food* curated_counterpart(const Dataset& ds, const DbFood& f) {
  if (f.data_type != DataType::sr_legacy || !f.ndb_number) return nullptr;
  for (const Food& c : ds.foods) {
    if (c.id.rfind("fdc-", 0) != 0 && ndb_of(c) == f.ndb_number) return &c;
  }
  return nullptr;
}

std::string food_id(long long fdc_id) {
  return fmt::format("fdc-{}", fdc_id);
}

std::optional<long long> fdc_id_of(std::string_view id) {
  if (id.rfind("fdc-", 0) == 0 || id.rfind("FDC-", 0) == 0) id.remove_prefix(4);
  if (id.empty() || id.size() > 12) return std::nullopt;
  long long v = 0;
  const auto [p, ec] = std::from_chars(id.data(), id.data() + id.size(), v);
  if (ec != std::errc() || p != id.data() + id.size() || v <= 0) return std::nullopt;
  return v;
}

std::string source_id(DataType t) {
  return fmt::format("usda-fdc-{}", name_of(t));
}

Source source_record(DataType t, const Info& info) {
  Source s;
  s.id = source_id(t);
  s.kind = SourceKind::database;
  s.title = fmt::format("USDA FoodData Central: {}", usda_name(t));
  s.publisher = "US Department of Agriculture, Agricultural Research Service";
  s.date = info.release;
  s.url = "https://fdc.nal.usda.gov/";
  if (info.imported_at.size() >= 10) s.accessed = info.imported_at.substr(0, 10);
  s.notes = fmt::format(
      "Release {} ({}), imported with mgcramp import fdc from {} on {} into {}; public domain.",
      info.release, info.release_from, info.source, info.imported_at, info.path);
  return s;
}

Food as_food(const DbFood& f, const Info& info, const std::vector<Portion>& portions) {
  Food r;
  r.id = food_id(f.fdc_id);
  r.name = f.description;
  r.category = f.group;
  const bool branded = f.data_type == DataType::branded;
  const char* unit = f.per_ml ? "ml" : "g";
  double mg = 0;
  std::optional<double> kcal;
  std::string serving_note;
  if (f.serving_amount && *f.serving_amount > 0) {
    const std::string amount = fmt::format("{} {}", grams_text(*f.serving_amount), unit);
    r.serving =
        f.serving && !f.serving->empty() ? fmt::format("{} ({})", *f.serving, amount) : amount;
    if (!f.per_ml) r.grams = *f.serving_amount;
    mg = f.mg_per_serving.value_or(0);
    kcal = f.kcal_per_serving;
    serving_note = branded ? "the label serving" : "USDA's first household portion with a weight";
  } else {
    r.serving = f.per_ml ? "100 ml" : "100 g";
    if (!f.per_ml) r.grams = 100.0;
    mg = f.mg_per_100.value_or(0);
    kcal = f.kcal_per_100;
    serving_note = fmt::format("100 {} (USDA gives no {} with a weight)", unit,
                               branded ? "label serving" : "household portion");
  }
  if (branded) {
    mg = std::round(mg);
    if (kcal) kcal = label_kcal(*kcal);
  }
  r.mg_per_serving = mg;
  r.kcal_per_serving = kcal;
  if (f.ndb_number) r.usda_ndb = std::to_string(*f.ndb_number);
  r.usda_description = f.description;
  r.usda_mg_per_100g = f.mg_per_100;
  r.usda_kcal_per_100g = f.kcal_per_100;
  std::string note = fmt::format("USDA FoodData Central, {} (release {}), fdc_id {}",
                                 usda_name(f.data_type), info.release, f.fdc_id);
  if (f.brand_owner) note += fmt::format("; brand owner {}", *f.brand_owner);
  if (f.category) note += fmt::format("; category {}", *f.category);
  note += fmt::format(". Serving: {}.", serving_note);
  if (!f.mg_per_100) note += " USDA lists no magnesium for this food.";
  if (f.energy_from == std::optional<std::string>("atwater-specific")) {
    note += " Energy from the Atwater specific factors (nutrient 958).";
  } else if (f.energy_from == std::optional<std::string>("atwater-general")) {
    note += " Energy from the Atwater general factors (nutrient 957).";
  }
  if (branded) {
    note += fmt::format(
        " Label-declared: the manufacturer's label, per 100 {} as USDA derives it; per serving "
        "rounded as labels are.",
        unit);
  }
  if (!portions.empty()) {
    std::vector<std::string> parts;
    for (const Portion& p : portions) {
      parts.push_back(p.gram_weight
                          ? fmt::format("{} ({} g)", p.description, grams_text(*p.gram_weight))
                          : fmt::format("{} (no weight)", p.description));
    }
    note += fmt::format(" Household portions: {}.", fmt::join(parts, "; "));
  }
  r.note = std::move(note);
  r.sources = {source_id(f.data_type)};
  return r;
}

bool set_category(FoodsQuery& q, const std::string& category, bool have_db) {
  if (const auto c = enum_from<FoodCategory>(text::to_lower(text::trim(category)))) {
    q.base.category = *c;
    return true;
  }
  if (!have_db) return false;
  q.usda_category = category;
  return true;
}

void check_origin(const FoodsQuery& q, const std::string& option, bool have_db) {
  if (have_db || !q.origin) return;
  if (*q.origin == FoodOrigin::curated || *q.origin == FoodOrigin::sr_legacy) return;
  throw UsageError(fmt::format("{} {} needs a food database", option, name_of(*q.origin)),
                   "import one: mgcramp import fdc DIR (see 'mgcramp import --help')");
}

DbRows foods_from_db(const Dataset& ds, Store& db, const FoodsQuery& q) {
  DbRows out;
  out.info = db.info();
  out.used = true;
  std::vector<long long> ndbs;
  for (const Food& f : ds.foods) {
    if (const auto n = ndb_of(f)) ndbs.push_back(*n);
  }
  for (DbFood& c : db.find_sr_ndb(ndbs)) {
    for (const Food& f : ds.foods) {
      if (ndb_of(f) == c.ndb_number) out.rows[f.id] = c;
    }
  }
  if (q.origin == FoodOrigin::curated) return out;
  DbFilter filter;
  if (q.origin) filter.data_type = static_cast<DataType>(static_cast<int>(*q.origin) - 1);
  filter.group = q.base.category;
  filter.category = q.usda_category;
  filter.search = q.base.search;
  filter.exclude_sr_ndb = ndbs;
  for (DbFood& f : db.rank(q.base.basis, filter, q.base.top)) {
    Food rec = as_food(f, out.info);
    add_source(out, f.data_type);
    out.rows[rec.id] = std::move(f);
    out.foods.push_back(std::move(rec));
  }
  if (q.base.basis == Basis::per_100kcal) out.low_energy = db.count_low_energy(filter);
  return out;
}

std::vector<RankedFood> rank_with_db(const Dataset& ds, const FoodsQuery& q) {
  std::vector<RankedFood> out;
  for (const Food& f : ds.foods) {
    if (!is_db_food(f)) {
      if (q.usda_category || !food_matches(f, q.base)) continue;
      if (q.origin && *q.origin != FoodOrigin::curated &&
          !(*q.origin == FoodOrigin::sr_legacy && ndb_of(f))) {
        continue;
      }
    }
    if (const auto v = ranking_value(f, q.base.basis)) out.push_back({&f, *v});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const RankedFood& a, const RankedFood& b) { return a.value > b.value; });
  if (out.size() > q.base.top) out.resize(q.base.top);
  return out;
}

std::string resolve_with_db(const Dataset& ds, Store& db, const std::string& name, DbRows& into) {
  into.info = db.info();
  into.used = true;
  auto take = [&](const DbFood& f) -> std::string {
    if (const Food* c = curated_counterpart(ds, f)) return c->id;
    const std::string id = food_id(f.fdc_id);
    if (into.rows.count(id) == 0) {
      into.foods.push_back(as_food(f, into.info, db.portions(f.fdc_id)));
      add_source(into, f.data_type);
      into.rows[id] = f;
    }
    return id;
  };
  const std::string typed(text::trim(name));
  if (const auto id = fdc_id_of(typed)) {
    const auto f = db.find(*id);
    if (!f) {
      throw UsageError(fmt::format("no food {} in the food database", food_id(*id)), kFindHint);
    }
    return take(*f);
  }
  try {
    (void)resolve_food(ds, typed);
    return name;
  } catch (const UsageError&) {
    // Several curated foods match: their ids settle it, not the database.
    for (const Food& f : ds.foods) {
      if (detail::contains_ci(f.name, typed) || detail::contains_ci(f.id, typed)) throw;
      for (const auto& a : f.aliases) {
        if (detail::contains_ci(a, typed)) throw;
      }
    }
  }
  const std::vector<DbFood> hits = db.search(typed, 6);
  if (hits.empty()) {
    throw UsageError(fmt::format("unknown food '{}': not a curated food, and nothing in the food "
                                 "database matches it",
                                 text::sanitize(typed)),
                     kFindHint);
  }
  const std::string want = text::to_lower(typed);
  for (const DbFood& f : hits) {
    if (text::to_lower(f.description) == want) return take(f);
  }
  if (hits.size() == 1) return take(hits.front());
  std::vector<std::string> shown;
  for (std::size_t i = 0; i < hits.size() && i < 5; ++i) {
    shown.push_back(fmt::format("{} ({})", food_id(hits[i].fdc_id),
                                text::shorten_words(text::sanitize(hits[i].description), 30)));
  }
  throw UsageError(
      fmt::format("'{}' matches several foods in the food database: {}{}", text::sanitize(typed),
                  fmt::join(shown, ", "), hits.size() > 5 ? ", ..." : ""),
      fmt::format("give one by its id, e.g. {}", food_id(hits.front().fdc_id)));
}

}  // namespace mgcramp::fooddb
