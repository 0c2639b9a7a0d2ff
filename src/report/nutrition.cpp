// Reports for foods, forms, dose and intake.
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "mgcramp/report/builders.hpp"
#include "mgcramp/text.hpp"
#include "util.hpp"

namespace mgcramp {
namespace {

using detail::opt;
Value round1(double v) {
  return std::round(v * 10.0) / 10.0;
}
std::string pct_text(double v) {
  return text::group_thousands(fmt::format("{:.0f}", v)) + "%";
}

// A share of the UL for people: whole percent, with a decimal (or two) near
// 100% so that a dose just over the limit never reads "100%".
std::string pct_ul_text(double p) {
  if (p == 100.0 || std::fabs(p - 100.0) >= 1.0)
    return text::group_thousands(fmt::format("{:.0f}", p)) + "%";
  for (int decimals = 1; decimals <= 2; ++decimals) {
    const std::string t = fmt::format("{:.{}f}", p, decimals);
    if (std::stod(t) != 100.0) return t + "%";
  }
  return p > 100.0 ? "just over 100%" : "just under 100%";
}

// "anhydrous", "nonahydrate": a salt by its water of crystallisation.
std::string hydrate_name(int waters) {
  static const char* const kNames[] = {
      "anhydrous",   "monohydrate",  "dihydrate",   "trihydrate",  "tetrahydrate", "pentahydrate",
      "hexahydrate", "heptahydrate", "octahydrate", "nonahydrate", "decahydrate"};
  if (waters >= 0 && static_cast<std::size_t>(waters) < std::size(kNames)) {
    return kNames[waters];
  }
  return fmt::format("{} H2O", waters);
}

// Shown with every dose and intake answer.
void add_prescription_notice(Report& r) {
  r.notice("not-a-prescription", NoticeLevel::info,
           "This is evidence, not a prescription: 'mgcramp interactions' lists the medicines "
           "magnesium interacts with, and a clinician can say what applies to you.");
}

std::string views_text(const Form& f) {
  std::string out;
  for (const auto& v : f.article_views) {
    if (!out.empty()) out += " | ";
    out += fmt::format("{} {}: {}", v.source, name_of(v.view), v.note);
  }
  return out.empty() ? "-" : out;
}

// The supplemental UL of `in`, as a note, with a warning when `supp_mg` exceeds it.
void add_ul_lines(Report& r, const Intake& in, double supp_mg) {
  if (!in.ul_supplemental_mg) {
    if (supp_mg > 0) {
      const std::string msg = fmt::format(
          "No upper limit is established for {}; the sources do not support "
          "supplements without medical advice.",
          text::lower_first(in.life_stage));
      // The intake's own notices (ul-infants) already say it to people: one
      // warning per fact (UX24); scripts still get the notice.
      if (in.notices.empty()) {
        r.notice("no-ul-established", NoticeLevel::caution, msg);
      } else {
        r.notices.push_back({"no-ul-established", NoticeLevel::caution, msg});
      }
    }
    return;
  }
  const double ul = *in.ul_supplemental_mg;
  if (supp_mg > ul) {
    r.notice("exceeds-ul", NoticeLevel::caution,
             fmt::format("{} of supplemental magnesium exceeds the upper limit of {} for {} "
                         "({} of it).",
                         mg_text(supp_mg), mg_text(ul), text::lower_first(in.life_stage),
                         pct_ul_text(supp_mg / ul * 100.0)));
  }
}

// "RDA" or "AI": how people see the kind of a reference intake.
std::string kind_text(const Intake& in) {
  return std::string(name_of(in.kind));
}

}  // namespace

Report foods_report(const Dataset& ds, const FoodQuery& q, const Profile& profile, bool plot) {
  return foods_report(ds, q, rank_foods(ds, q), profile, plot, nullptr);
}

Report foods_report(const Dataset& ds, const FoodQuery& q, const std::vector<RankedFood>& ranked,
                    const Profile& profile, bool plot, const fooddb::DbRows* db) {
  const Intake* reference = reference_for(ds, profile);
  const bool with_db = db != nullptr && db->used;
  // Servings to reach the reference intake, unless the dataset says this
  // life stage's magnesium does not come from servings of foods (infants).
  const bool servings = reference && reference->servings_from_food.value_or(true);
  const std::string kind = reference ? kind_text(*reference) : "RDA";
  Report r;
  const char* basis = q.basis == Basis::serving    ? "per serving"
                      : q.basis == Basis::per_100g ? "per 100 g"
                                                   : "per 100 kcal";
  r.title = fmt::format("Foods ranked by magnesium {}", basis);
  if (q.category) r.title.append(", category ").append(name_of(*q.category));
  if (q.search) r.title += ", matching '" + *q.search + "'";
  if (reference) {
    r.title += fmt::format("; {} {} ({})", kind, mg_text(reference->rda_mg), reference->life_stage);
  }
  if (with_db) r.title += fmt::format("; with USDA FoodData Central {}", db->info.release);
  r.query.add("top", q.top);
  r.query.add("per", q.basis);
  r.query.add("category", q.category);
  r.query.add("search", q.search);
  add_profile_query(r, profile);
  r.columns.push_back({"rank", "#", Align::right});
  r.human_order.push_back(0);
  add_record_columns<Food>(r);
  // Computed for every food; the share of the RDA (or AI) only with a profile.
  for (const char* key :
       {"mg_per_100g", "mg_per_100kcal", "per_100_from", "pct_dv", "pct_dv_per_100g",
        "pct_dv_per_100kcal", "pct_rda", "servings_for_rda", "grams_for_rda", "kcal_for_rda"}) {
    r.columns.push_back({key, "", Align::right, false});
  }
  // Where each row comes from: curated, or the food database's data type
  // with the food's fdc_id and the release (a curated food's SR Legacy
  // counterpart's fdc_id too).
  for (const char* key :
       {"data_type", "fdc_id", "fdc_release", "brand_owner", "per_unit", "label_declared"}) {
    r.columns.push_back({key, "", Align::left, false});
  }
  r.show("name", "Food");
  r.show("serving", "Serving");
  const char* value_key = q.basis == Basis::serving    ? "mg_per_serving"
                          : q.basis == Basis::per_100g ? "mg_per_100g"
                                                       : "mg_per_100kcal";
  r.show(value_key, q.basis == Basis::serving    ? "Mg"
                    : q.basis == Basis::per_100g ? "Mg/100 g"
                                                 : "Mg/100 kcal");
  const char* dv_key = q.basis == Basis::serving    ? "pct_dv"
                       : q.basis == Basis::per_100g ? "pct_dv_per_100g"
                                                    : "pct_dv_per_100kcal";
  r.show(dv_key, q.basis == Basis::serving    ? "%DV"
                 : q.basis == Basis::per_100g ? "%DV/100 g"
                                              : "%DV/100 kcal");
  // With servings, weights and energy to show, the category is for scripts only.
  if (!servings) {
    if (with_db) {
      r.show("data_type", "Source");
    } else {
      r.show("category", "Category");
    }
  }
  if (reference) {
    r.show("pct_rda", "%" + kind);
    if (servings) {
      r.show("servings_for_rda", "Servings");
      r.show("grams_for_rda", "g");
      r.show("kcal_for_rda", "kcal");
    }
  }
  const std::size_t mg_col = r.column("mg_per_serving"), value_col = r.column(value_key);
  std::vector<std::string> sources;
  std::vector<std::string> from_serving;  // foods whose per-100 figures are not USDA's
  std::size_t rank = 0;
  bool any_label = false;
  for (const auto& rf : ranked) {
    const Food& f = *rf.food;
    const fooddb::DbFood* dbf = nullptr;
    if (with_db) {
      if (const auto it = db->rows.find(f.id); it != db->rows.end()) dbf = &it->second;
    }
    const bool from_db = dbf != nullptr && f.id.rfind("fdc-", 0) == 0;
    const bool label = from_db && dbf->data_type == fooddb::DataType::branded;
    const bool per_ml = from_db && dbf->per_ml;
    any_label = any_label || label;
    std::vector<Cell> row{++rank};
    add_record_cells(row, f);
    row[mg_col].text = mg_text(f.mg_per_serving) + (label ? "*" : "");
    const auto g = mg_per_100g(f);
    const auto k = mg_per_100kcal(f);
    auto per = [&](const std::optional<Per100>& v, bool per_100g) -> Cell {
      if (!v) return {nullptr, "-"};
      return {round1(v->mg),
              mg_text(v->mg) + (per_100g && per_ml ? "/100ml" : "") + (label ? "*" : "")};
    };
    row.push_back(per(g, true));
    row.push_back(per(k, false));
    const bool usda = (!g || g->from_usda) && (!k || k->from_usda);
    row.emplace_back(!g && !k ? Value() : Value(usda ? "usda" : "serving"));
    if (!usda) from_serving.push_back(f.id);
    auto dv = [&](const std::optional<Per100>& v) -> Cell {
      if (!v) return {nullptr, "-"};
      const double p = pct_daily_value(ds, v->mg);
      return {round1(p), pct_text(p)};
    };
    if (label) {
      // As a label declares it: to 2% up to 10%, 5% up to 50%, 10% above
      // (21 CFR 101.9(c)(8)(iii)).
      const double p = pct_daily_value(ds, f.mg_per_serving);
      const double step = p <= 10 ? 2 : p <= 50 ? 5 : 10;
      const double declared = std::round(p / step) * step;
      row.push_back({declared, pct_text(declared) + "*"});
    } else {
      row.push_back(dv(Per100{f.mg_per_serving, true}));
    }
    row.push_back(dv(g));
    row.push_back(dv(k));
    if (reference) {
      const double pct = f.mg_per_serving / reference->rda_mg * 100.0;
      row.push_back({round1(pct), pct_text(pct)});
    } else {
      row.emplace_back(nullptr);
    }
    if (servings && f.mg_per_serving > 0) {
      const double n = reference->rda_mg / f.mg_per_serving;
      row.push_back({round1(n), fmt::format("{:.1f}", n)});
      row.push_back(f.grams ? Cell{round1(n * *f.grams), fmt::format("{:.0f}", n * *f.grams)}
                            : Cell{nullptr, "-"});
      row.push_back(f.kcal_per_serving ? Cell{round1(n * *f.kcal_per_serving),
                                              fmt::format("{:.0f}", n * *f.kcal_per_serving)}
                                       : Cell{nullptr, "-"});
    } else {
      row.emplace_back(nullptr);
      row.emplace_back(nullptr);
      row.emplace_back(nullptr);
    }
    if (dbf != nullptr) {
      row.emplace_back(from_db ? Value(dbf->data_type) : Value("curated"));
      static constexpr const char* kShort[] = {"SR Legacy", "Foundation", "FNDDS", "Branded"};
      row.back().text = from_db ? kShort[static_cast<std::size_t>(dbf->data_type)] : "curated";
      row.emplace_back(dbf->fdc_id);
      row.emplace_back(db->info.release);
      row.emplace_back(Value(dbf->brand_owner));
    } else {
      row.emplace_back("curated");
      row.emplace_back(nullptr);
      row.emplace_back(nullptr);
      row.emplace_back(nullptr);
    }
    row.emplace_back(per_ml ? "ml" : "g");
    row.emplace_back(label);
    r.add_row(std::move(row));
    sources.insert(sources.end(), f.sources.begin(), f.sources.end());
  }
  if (plot) {
    r.plot = std::make_pair(r.column("name"), value_col);
    // `--format svg` draws the same bars, labels and value texts.
    BarChart bars;
    const std::size_t name_col = r.column("name");
    bars.bars.reserve(r.rows.size());
    for (const auto& row : r.rows) {
      const Cell& v = row[value_col];
      const Value& name = row[name_col].value;
      bars.bars.push_back({std::string(name.is_text() ? name.as_text() : std::string_view()),
                           v.value.is_number() ? v.value.as_number() : 0, v.text});
    }
    bars.axis_title = fmt::format("Magnesium {} (mg)", basis);
    bars.unit = "mg";
    // A serving's share of the reference intake, where servings count.
    if (servings && q.basis == Basis::serving) {
      bars.reference = BarChart::Reference{
          reference->rda_mg,
          fmt::format("{} {} ({})", kind, mg_text(reference->rda_mg), reference->life_stage)};
    }
    Figure f;
    f.title = r.title;
    f.chart = std::move(bars);
    r.figure = std::move(f);
  }
  r.note(fmt::format("%DV: percent of the FDA Daily Value, {} ({}), {}.",
                     mg_text(ds.daily_value.mg), ds.daily_value.population, basis));
  sources.insert(sources.end(), ds.daily_value.sources.begin(), ds.daily_value.sources.end());
  r.note(
      "Figures follow the cited USDA food; where the NIH table differs, the JSON output "
      "keeps its figure (nih_mg_per_serving) and a note on why. Per 100 g and per 100 kcal "
      "come from the USDA figures per 100 g.");
  if (with_db) {
    r.note(fmt::format(
        "Foods of the food database (USDA FoodData Central, release {}) cite it by data type; "
        "their serving is USDA's first household portion with a weight, or a branded food's "
        "label serving. A curated food and its SR Legacy counterpart (the same NDB number) are "
        "one row, with the curated figures. 'mgcramp show fdc-ID' shows one in full.",
        db->info.release));
    if (any_label) {
      r.note(
          "* Label-declared: a branded food's figures are its manufacturer's label, as USDA "
          "derives them per 100 g (per 100 ml, marked /100ml, for drinks labelled in ml); per "
          "serving they are rounded as labels are.");
      if (r.figure) r.figure->caption.push_back(r.notes.back().text);
    }
    if (q.basis == Basis::per_100kcal && db->low_energy > 0) {
      r.notice("under-5-kcal", NoticeLevel::info,
               fmt::format("{} food{} under 5 kcal per 100 g (water, tea, spices by the pinch...) "
                           "{} left out of this per-100 kcal ranking.",
                           db->low_energy, db->low_energy == 1 ? "" : "s",
                           db->low_energy == 1 ? "is" : "are"));
    }
  }
  if (!from_serving.empty()) {
    r.notice("per-100-from-serving", NoticeLevel::info,
             fmt::format("No USDA per-100 g figures for {}: their per 100 g and per 100 kcal "
                         "figures are worked out from the serving (per_100_from: serving).",
                         fmt::join(from_serving, ", ")));
  }
  if (reference) {
    if (servings) {
      r.note(
          fmt::format("%{0}: a serving's share of the {0} of {1}. Servings: servings that give the "
                      "{0}; g and kcal: their weight and energy.",
                      kind, mg_text(reference->rda_mg)));
    }
    // The reference intake the shares are of.
    r.summary = Value::Object{{"intake", Value::ref(reference->id)},
                              {"life_stage", Value::ref(reference->life_stage)},
                              {"kind", reference->kind},
                              {"rda_mg", reference->rda_mg}};
    add_notices(r, ds, reference->food_notices, sources);
    add_notices(r, ds, reference->notices, sources);
  }
  add_source_notes(r, ds, sources);
  return r;
}

Report forms_report(const Dataset& ds) {
  Report r;
  r.title = "Magnesium supplement forms";
  add_record_columns<Form>(r);
  r.show("id", "Form");
  r.show("formula", "Formula");
  r.show("elemental_pct", "Mg %");
  r.show("absorption.relative", "Absorption");
  r.show("laxative", "Laxative");
  r.show("cramp_studies", "Cramp trials");
  const std::size_t pct = r.column("elemental_pct"), trials = r.column("cramp_studies");
  std::vector<std::string> sources;
  for (const Form& f : ds.forms) {
    std::vector<Cell> row = r.new_row();
    add_record_cells(row, f);
    row[pct].text = fmt::format("{:.1f}", f.elemental_pct);
    if (f.cramp_studies.empty()) row[trials].text = "none";
    r.add_row(std::move(row));
  }
  r.note(
      "Mg %: elemental magnesium by weight of the compound as formulated (hydrates "
      "included). Absorption: relative ranking from human studies; 'unknown' where no "
      "human comparison settles it. 'mgcramp forms NAME' shows the evidence for one form.");
  for (const Form& f : ds.forms) {
    sources.insert(sources.end(), f.absorption.studies.begin(), f.absorption.studies.end());
  }
  add_source_notes(r, ds, sources);
  return r;
}

Report form_report(const Dataset& ds, const Form& f) {
  Report r;
  r.title = f.name;
  r.vertical = true;
  r.single_object = true;
  r.query.add("form", Value::ref(f.id));
  add_record_columns<Form>(r);
  for (const auto& [key, title] : std::initializer_list<std::pair<const char*, const char*>>{
           {"id", "Id"},
           {"name", "Name"},
           {"aliases", "Also called"},
           {"formula", "Formula"},
           {"elemental_pct", "Elemental Mg"},
           {"hydrates", "Other hydrates"},
           {"typical_products_note", "Products"},
           {"absorption.relative", "Absorption"},
           {"absorption.summary", "Absorption evidence"},
           {"gi_tolerance", "GI tolerance"},
           {"laxative", "Laxative effect"},
           {"cramp_evidence", "Cramp evidence"},
           {"cramp_studies", "Cramp trials"},
           {"article_views", "What the articles say"}}) {
    r.show(key, title);
  }
  std::vector<Cell> row = r.new_row();
  add_record_cells(row, f);
  row[r.column("elemental_pct")].text =
      fmt::format("{:.1f}% by weight ({})", f.elemental_pct, hydrate_name(f.hydrate_water));
  std::vector<std::string> hydrates;
  for (const Hydrate& h : f.hydrates) {
    hydrates.push_back(
        fmt::format("{} {}: {:.1f}%", hydrate_name(h.hydrate_water), h.formula, h.elemental_pct));
  }
  row[r.column("hydrates")].text =
      hydrates.empty() ? "none" : fmt::format("{}", fmt::join(hydrates, "; "));
  if (f.cramp_studies.empty()) row[r.column("cramp_studies")].text = "none";
  row[r.column("article_views")].text = views_text(f);
  r.add_row(std::move(row));
  add_source_notes(r, ds, f.sources);
  return r;
}

Report dose_report(const Dataset& ds, const std::vector<Dose>& doses, const Form* asked,
                   const Profile& profile) {
  const UlReference ulr = ul_reference_for(ds, profile);
  const Intake* reference = ulr.intake;
  const std::string who = reference ? describe_profile(profile) : "";
  // Without a sex, where both share the UL, the life stage is named by age.
  const std::string stage =
      reference ? (ulr.either_sex ? who + ", either sex" : reference->life_stage) : "";
  const bool by_compound = doses.empty() || doses.front().given == Dose::Given::compound;
  const double amount =
      doses.empty() ? 0 : (by_compound ? doses.front().compound_mg : doses.front().elemental_mg);
  const std::optional<double> ul = reference ? reference->ul_supplemental_mg : std::nullopt;
  const double ul_mg = ul.value_or(0);
  Report r;
  if (asked) {
    r.title = by_compound
                  ? fmt::format("{}: elemental magnesium in {}", asked->name, mg_text(amount))
                  : fmt::format("{}: compound that gives {} of elemental magnesium", asked->name,
                                mg_text(amount));
  } else {
    r.title = by_compound
                  ? fmt::format("Elemental magnesium in {} of each form", mg_text(amount))
                  : fmt::format("Compound of each form that gives {} of elemental magnesium",
                                mg_text(amount));
  }
  if (reference) {
    r.title += fmt::format(" ({}; {}, UL for supplements {})", who,
                           ulr.either_sex ? "either sex" : reference->life_stage,
                           ul ? mg_text(ul_mg) : "not established");
  }
  r.query.add("form", asked ? Value::ref(asked->id) : Value());
  r.query.add("compound_mg", by_compound ? Value(amount) : Value());
  r.query.add("elemental_mg", by_compound ? Value() : Value(amount));
  add_profile_query(r, profile);
  r.columns = {
      {"form", "Form"},
      {"hydrate_water", "Hydrate"},
      {"formula", "Formula", Align::left, false},
      {"elemental_pct", "Mg %", Align::right},
      {"compound_mg", "Compound", Align::right},
      {"elemental_mg", "Elemental Mg", Align::right},
      {"elemental_mmol", "mmol", Align::right},
      {"elemental_meq", "mEq", Align::right},
      {"life_stage", "Life stage", Align::left, false},
      {"ul_supplemental_mg", "UL supplements", Align::right, false},
      {"pct_ul", "% of UL", Align::right, ul.has_value()},
      {"exceeds_ul", "Exceeds UL", Align::left, false},
      {"sources", "Sources", Align::left, false},
  };
  std::vector<std::string> sources = ds.atomic_masses.sources;
  // Only the sources behind the figures (the atomic weights and the
  // reference intakes), not every study of the form: 'forms NAME' has those
  // (UX4); each row's own `sources` still lists the form's.
  bool any_hydrate = false;
  std::vector<std::string> over;  // the doses above the UL, for the warning
  for (const Dose& d : doses) {
    any_hydrate = any_hydrate || !d.form->hydrates.empty();
    const auto mmol = mg_to_mmol(ds, d.elemental_mg);
    const auto meq = mg_to_meq(ds, d.elemental_mg);
    Cell pct{nullptr, "-"};
    Value exceeds;
    if (reference) exceeds = true;  // any supplement where no UL is set
    if (ul) {
      const double p = d.elemental_mg / ul_mg * 100.0;
      pct = Cell{round1(p), pct_ul_text(p)};
      exceeds = d.elemental_mg > ul_mg;
      if (d.elemental_mg > ul_mg) {
        over.push_back(fmt::format("{} {} {} ({} of it)", d.form->id, hydrate_name(d.hydrate_water),
                                   mg_text(d.elemental_mg), pct_ul_text(p)));
      }
    }
    r.add_cells(Value::ref(d.form->id), Cell{d.hydrate_water, hydrate_name(d.hydrate_water)},
                Value::ref(d.formula()),
                Cell{d.elemental_pct, fmt::format("{:.1f}", d.elemental_pct)},
                Cell{round1(d.compound_mg), mg_text(d.compound_mg)},
                Cell{round1(d.elemental_mg), mg_text(d.elemental_mg)},
                mmol ? Cell{std::round(*mmol * 100.0) / 100.0,
                            text::group_thousands(fmt::format("{:.2f}", *mmol))}
                     : Cell{nullptr, "-"},
                meq ? Cell{std::round(*meq * 100.0) / 100.0,
                           text::group_thousands(fmt::format("{:.2f}", *meq))}
                    : Cell{nullptr, "-"},
                reference ? Value(stage) : Value(), ul ? Value(ul_mg) : Value(), std::move(pct),
                exceeds, d.form->sources);
  }
  if (asked && asked->typical_products_note) r.note(*asked->typical_products_note);
  if (any_hydrate) {
    r.note(
        "Hydrates: water of crystallisation adds weight, so the same weight of compound holds "
        "less magnesium in a hydrate (and the same magnesium takes more compound). A label's "
        "compound weight may be of either state; a label that states elemental magnesium "
        "(\"Magnesium 100 mg (as citrate)\") needs no conversion.");
  }
  const auto mass = ds.atomic_masses.values.find("Mg");
  const auto charge = ds.atomic_masses.charges.find("Mg");
  if (mass != ds.atomic_masses.values.end() && charge != ds.atomic_masses.charges.end()) {
    r.note(
        fmt::format("mmol: elemental mg / {:g} (the atomic weight of Mg); mEq: mmol x {:g} "
                    "(Mg2+).",
                    mass->second, charge->second));
  }
  if (reference) {
    if (!ul) {
      add_ul_lines(r, *reference, doses.empty() ? 0 : doses.front().elemental_mg);
    } else if (!over.empty()) {
      r.notice("exceeds-ul", NoticeLevel::caution,
               !by_compound || doses.size() == 1
                   ? fmt::format("{} of supplemental magnesium exceeds the upper limit of {} "
                                 "for {} ({} of it).",
                                 mg_text(doses.front().elemental_mg), mg_text(ul_mg),
                                 text::lower_first(stage),
                                 pct_ul_text(doses.front().elemental_mg / ul_mg * 100.0))
                   : fmt::format("Above the upper limit of {} of supplemental magnesium for {}: "
                                 "{}.",
                                 mg_text(ul_mg), text::lower_first(stage), fmt::join(over, "; ")));
    }
    add_notices(r, ds, reference->notices, sources);
    sources.insert(sources.end(), reference->sources.begin(), reference->sources.end());
  }
  add_prescription_notice(r);
  add_source_notes(r, ds, sources);
  return r;
}

Report intake_report(const Dataset& ds, const DayIntake& day, const Profile& profile) {
  const Intake& ref = *day.reference;
  const std::string who = describe_profile(profile);
  Report r;
  Value::List foods, supplements;
  for (const auto& fp : day.foods) {
    foods.push_back(Value::Object{
        {"food", Value::ref(fp.food->id)}, {"servings", fp.servings}, {"grams", Value(fp.grams)}});
  }
  for (const auto& sp : day.supplements) {
    supplements.push_back(
        Value::Object{{"form", Value::ref(sp.form->id)}, {"compound_mg", round1(sp.compound_mg)}});
  }
  r.query.add("foods", std::move(foods));
  r.query.add("supplements", std::move(supplements));
  add_profile_query(r, profile);
  const std::string kind = kind_text(ref);
  r.title = fmt::format(
      "Daily magnesium for {}: {} {}, UL for supplements {}", who, kind, mg_text(ref.rda_mg),
      ref.ul_supplemental_mg ? mg_text(*ref.ul_supplemental_mg) : "not established");
  r.columns = {
      {"kind", "Kind"},
      {"id", "Item"},
      {"amount", "Amount"},
      {"servings", "Servings", Align::right, false},
      {"compound_mg", "Compound mg", Align::right, false},
      {"mg", "Mg", Align::right},
      {"pct_rda", "% " + kind, Align::right},
      {"pct_ul", "% UL", Align::right},
      // For scripts: the limits each row is measured against, and whether a
      // supplemental amount goes over the UL (null where the UL does not apply).
      {"life_stage", "Life stage", Align::left, false},
      {"rda_mg", kind + " mg", Align::right, false},
      {"ul_supplemental_mg", "UL mg", Align::right, false},
      {"exceeds_ul", "Over UL", Align::left, false},
  };
  const Value life = Value::ref(ref.life_stage);
  const Value rda_mg = ref.rda_mg;
  const Value ul_mg = ref.ul_supplemental_mg;
  auto exceeds = [&](double supplemental_mg) -> Value {
    if (!ref.ul_supplemental_mg) return nullptr;
    return supplemental_mg > *ref.ul_supplemental_mg;
  };
  auto pct_rda = [&](double mg) {
    return Cell{round1(mg / ref.rda_mg * 100.0), pct_text(mg / ref.rda_mg * 100.0)};
  };
  auto pct_ul = [&](double mg) -> Cell {
    if (!ref.ul_supplemental_mg) return {nullptr, "-"};
    const double p = mg / *ref.ul_supplemental_mg * 100.0;
    return {round1(p), pct_ul_text(p)};
  };
  std::vector<std::string> sources = ref.sources;
  for (const auto& fp : day.foods) {
    // Grams asked ("30 g = 1.06 x 1 ounce") or servings ("2 x 1 ounce").
    const std::string amount =
        fp.grams ? fmt::format("{:g} g = {:.2f} x {}", *fp.grams, fp.servings, fp.food->serving)
                 : fmt::format("{:g} x {}", fp.servings, fp.food->serving);
    // A food database food's id says nothing to people: its name goes with it.
    const bool named = fp.food->id.rfind("fdc-", 0) == 0;
    r.add_cells("food",
                Cell{Value::ref(fp.food->id), named ? fp.food->id + " " + fp.food->name : ""},
                amount, fp.servings, nullptr, Cell{round1(fp.mg), mg_text(fp.mg)}, pct_rda(fp.mg),
                Cell{nullptr, ""}, life, rda_mg, ul_mg, nullptr);
    sources.insert(sources.end(), fp.food->sources.begin(), fp.food->sources.end());
  }
  for (const auto& sp : day.supplements) {
    r.add_cells(
        "supplement", Value::ref(sp.form->id),
        fmt::format("{} compound ({:.1f}% Mg)", mg_text(sp.compound_mg), sp.form->elemental_pct),
        nullptr, sp.compound_mg, Cell{round1(sp.elemental_mg), mg_text(sp.elemental_mg)},
        pct_rda(sp.elemental_mg), pct_ul(sp.elemental_mg), life, rda_mg, ul_mg,
        exceeds(sp.elemental_mg));
  }
  // The figures behind a supplement's row are its formula's atomic weights
  // (as in dose), not every study of the form (UX4).
  if (!day.supplements.empty())
    sources.insert(sources.end(), ds.atomic_masses.sources.begin(), ds.atomic_masses.sources.end());
  // Totals: rows for people, the summary for scripts.
  r.machine_rows = r.rows.size();
  auto total = [&](const char* row_kind, double mg, bool supplemental) {
    r.add_cells(row_kind, nullptr, Cell{nullptr, ""}, nullptr, nullptr,
                Cell{round1(mg), mg_text(mg)}, pct_rda(mg),
                supplemental ? pct_ul(mg) : Cell{nullptr, ""}, nullptr, nullptr, nullptr, nullptr);
  };
  total("food total", day.food_mg, false);
  total("supplement total", day.supplement_mg, true);
  total("total", day.total_mg, false);
  r.summary = Value::Object{
      {"life_stage", life},
      {"rda_mg", rda_mg},
      {"ul_supplemental_mg", ul_mg},
      {"food_mg", round1(day.food_mg)},
      {"supplement_mg", round1(day.supplement_mg)},
      {"total_mg", round1(day.total_mg)},
      {"pct_rda", round1(day.pct_rda)},
      {"pct_ul", day.pct_ul ? round1(*day.pct_ul) : Value()},
      {"exceeds_ul", day.exceeds_ul},
  };
  for (const auto& sp : day.supplements) {
    if (sp.form->hydrates.empty()) continue;
    r.note(
        fmt::format("{} is counted as {} ({}, {:.1f}% Mg); 'mgcramp dose --form {}' shows its "
                    "other hydration states.",
                    sp.form->name, hydrate_name(sp.form->hydrate_water), sp.form->formula,
                    sp.form->elemental_pct, sp.form->id));
  }
  add_ul_lines(r, ref, day.supplement_mg);
  add_notices(r, ds, ref.notices, sources);
  add_prescription_notice(r);
  add_source_notes(r, ds, sources);
  return r;
}

}  // namespace mgcramp
