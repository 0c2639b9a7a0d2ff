// Reports for foods, forms, dose and intake.
#include <cmath>

#include <fmt/format.h>

#include "mgcramp/reports.hpp"
#include "report_util.hpp"

namespace mgcramp {
namespace {

using detail::opt;
Value round1(double v) {
  return std::round(v * 10.0) / 10.0;
}
std::string pct_text(double v) {
  return fmt::format("{:.0f}%", v);
}

void add_dv_note(Report& r, const Dataset& ds, std::vector<std::string>& sources) {
  r.note(fmt::format("%DV: percent of the FDA Daily Value, {} ({}).", mg_text(ds.daily_value.mg),
                     ds.daily_value.population));
  sources.insert(sources.end(), ds.daily_value.sources.begin(), ds.daily_value.sources.end());
}

std::string views_text(const Form& f) {
  std::string out;
  for (const auto& v : f.article_views) {
    if (!out.empty()) out += " | ";
    out += fmt::format("{} {}: {}", v.source, name_of(v.view), v.note);
  }
  return out.empty() ? "-" : out;
}

Value views_json(const Form& f) {
  return detail::field_value(f.article_views);
}

// The supplemental UL of `in`, as a note, with a warning when `supp_mg` exceeds it.
void add_ul_lines(Report& r, const Intake& in, double supp_mg) {
  if (!in.ul_supplemental_mg) {
    if (supp_mg > 0) {
      r.note(fmt::format("No upper limit is established for {}; supplements are not advised "
                         "without medical advice.",
                         in.life_stage),
             NoteLevel::warning);
    }
    return;
  }
  const double ul = *in.ul_supplemental_mg;
  if (supp_mg > ul) {
    r.note(fmt::format("{} of supplemental magnesium exceeds the upper limit of {} for {} "
                       "({:.0f}% of it).",
                       mg_text(supp_mg), mg_text(ul), in.life_stage, supp_mg / ul * 100.0),
           NoteLevel::warning);
  }
}

}  // namespace

Report foods_report(const Dataset& ds, const FoodQuery& q, const Intake* reference, bool plot) {
  const auto ranked = rank_foods(ds, q);
  Report r;
  const char* basis = q.basis == Basis::serving    ? "per serving"
                      : q.basis == Basis::per_100g ? "per 100 g"
                                                   : "per 100 kcal";
  r.title = fmt::format("Foods ranked by magnesium {}", basis);
  if (q.category) r.title += ", category " + *q.category;
  if (q.search) r.title += ", matching '" + *q.search + "'";
  if (reference) {
    r.title += fmt::format("; RDA {} ({})", mg_text(reference->rda_mg), reference->life_stage);
  }
  const bool per_serving = q.basis == Basis::serving;
  r.columns = {
      {"rank", "#", Align::right},
      {"id", "Id", Align::left, false},
      {"name", "Food"},
      {"serving", "Serving"},
      {"grams", "Grams", Align::right, false},
      {"mg_per_serving", "Mg", Align::right, per_serving},
  };
  if (!per_serving) {
    const bool g = q.basis == Basis::per_100g;
    r.columns.push_back(
        {g ? "mg_per_100g" : "mg_per_100kcal", g ? "Mg/100 g" : "Mg/100 kcal", Align::right});
  }
  const std::size_t value_col = r.columns.size() - 1;
  const std::vector<Column> rest = {
      {"pct_dv", "%DV", Align::right},
      {"category", "Category"},
      {"kcal_per_serving", "Kcal", Align::right, false},
      {"usda_ndb", "NDB", Align::left, false},
      {"nih_mg_per_serving", "NIH mg", Align::right, false},
      {"note", "Note", Align::left, false},
      {"sources", "Sources", Align::left, false},
  };
  r.columns.insert(r.columns.end(), rest.begin(), rest.end());
  if (reference) {
    r.columns.push_back({"pct_rda", "%RDA", Align::right});
    r.columns.push_back({"servings_for_rda", "Servings", Align::right});
  }
  std::vector<std::string> sources;
  std::size_t rank = 0;
  for (const auto& rf : ranked) {
    const Food& f = *rf.food;
    const double dv = pct_daily_value(ds, f.mg_per_serving);
    std::vector<Cell> row = {++rank,       f.id,
                             f.name,       f.serving,
                             opt(f.grams), Cell{f.mg_per_serving, mg_text(f.mg_per_serving)}};
    if (!per_serving) row.push_back({round1(rf.value), mg_text(rf.value)});
    const std::vector<Cell> tail = {Cell{round1(dv), pct_text(dv)},
                                    f.category,
                                    opt(f.kcal_per_serving),
                                    opt(f.usda_ndb),
                                    opt(f.nih_mg_per_serving),
                                    opt(f.note),
                                    f.sources};
    row.insert(row.end(), tail.begin(), tail.end());
    if (reference) {
      const double pct = f.mg_per_serving / reference->rda_mg * 100.0;
      const double servings = f.mg_per_serving > 0 ? reference->rda_mg / f.mg_per_serving : 0;
      row.push_back({round1(pct), pct_text(pct)});
      row.push_back({round1(servings), fmt::format("{:.1f}", servings)});
    }
    r.add_row(std::move(row));
    sources.insert(sources.end(), f.sources.begin(), f.sources.end());
  }
  if (plot) r.plot = std::make_pair(std::size_t{2}, value_col);
  add_dv_note(r, ds, sources);
  r.note(
      "Figures follow the cited USDA food; where the NIH table differs, the JSON output "
      "keeps its figure (nih_mg_per_serving) and a note on why.");
  add_source_notes(r, ds, sources);
  return r;
}

Report forms_report(const Dataset& ds) {
  Report r;
  r.title = "Magnesium supplement forms";
  r.columns = {
      {"id", "Form"},
      {"name", "Name", Align::left, false},
      {"formula", "Formula"},
      {"elemental_pct", "Mg %", Align::right},
      {"absorption", "Absorption"},
      {"laxative", "Laxative"},
      {"cramp_studies", "Cramp trials"},
      {"gi_tolerance", "GI tolerance", Align::left, false},
      {"sources", "Sources", Align::left, false},
  };
  std::vector<std::string> sources;
  for (const Form& f : ds.forms) {
    r.add_cells(
        f.id, f.name, f.formula, Cell{f.elemental_pct, fmt::format("{:.1f}", f.elemental_pct)},
        f.absorption.relative, f.laxative,
        Cell{f.cramp_studies, f.cramp_studies.empty() ? "none" : ""}, f.gi_tolerance, f.sources);
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
  r.columns = {
      {"id", "Id"},
      {"name", "Name"},
      {"aliases", "Also called"},
      {"formula", "Formula"},
      {"hydrate_water", "Water of hydration", Align::left, false},
      {"elemental_pct", "Elemental Mg"},
      {"typical_products_note", "Products"},
      {"absorption", "Absorption"},
      {"absorption_summary", "Absorption evidence"},
      {"absorption_studies", "Absorption studies", Align::left, false},
      {"gi_tolerance", "GI tolerance"},
      {"laxative", "Laxative effect"},
      {"cramp_evidence", "Cramp evidence"},
      {"cramp_studies", "Cramp trials"},
      {"article_views", "What the articles say"},
      {"sources", "Sources", Align::left, false},
  };
  r.add_cells(f.id, f.name, f.aliases, f.formula, f.hydrate_water,
              Cell{f.elemental_pct, fmt::format("{:.1f}% by weight", f.elemental_pct)},
              opt(f.typical_products_note), f.absorption.relative, f.absorption.summary,
              f.absorption.studies, f.gi_tolerance, f.laxative, f.cramp_evidence,
              Cell{f.cramp_studies, f.cramp_studies.empty() ? "none" : ""},
              Cell{views_json(f), views_text(f)}, f.sources);
  add_source_notes(r, ds, f.sources);
  return r;
}

Report dose_report(const Dataset& ds, const Dose& d, const Intake* reference,
                   const std::string& who) {
  Report r;
  r.title = fmt::format("{}: elemental magnesium", d.form->name);
  r.single_object = true;
  r.columns = {
      {"form", "Form"},
      {"elemental_pct", "Mg %", Align::right},
      {"compound_mg", "Compound", Align::right},
      {"elemental_mg", "Elemental Mg", Align::right},
      {"life_stage", "Life stage", Align::left, reference != nullptr},
      {"ul_supplemental_mg", "UL supplements", Align::right, reference != nullptr},
      {"pct_ul", "% of UL", Align::right, reference != nullptr},
      {"exceeds_ul", "Exceeds UL", Align::left, false},
      {"sources", "Sources", Align::left, false},
  };
  std::vector<std::string> sources = d.form->sources;
  Value life, ul, pct, exceeds;
  std::string pct_t = "-";
  if (reference) {
    life = reference->life_stage;
    if (reference->ul_supplemental_mg) {
      ul = *reference->ul_supplemental_mg;
      const double p = d.elemental_mg / *reference->ul_supplemental_mg * 100.0;
      pct = round1(p);
      pct_t = pct_text(p);
      exceeds = d.elemental_mg > *reference->ul_supplemental_mg;
    } else {
      exceeds = true;
    }
    sources.insert(sources.end(), reference->sources.begin(), reference->sources.end());
  }
  r.add_cells(
      d.form->id, Cell{d.form->elemental_pct, fmt::format("{:.1f}", d.form->elemental_pct)},
      Cell{round1(d.compound_mg), mg_text(d.compound_mg)},
      Cell{round1(d.elemental_mg), mg_text(d.elemental_mg)}, life,
      Cell{ul, reference && reference->ul_supplemental_mg ? mg_text(*reference->ul_supplemental_mg)
                                                          : "not established"},
      Cell{pct, pct_t}, exceeds, d.form->sources);
  if (d.form->typical_products_note) r.note(*d.form->typical_products_note);
  if (reference) {
    add_ul_lines(r, *reference, d.elemental_mg);
    add_notices(r, ds, reference->notices, sources);
  } else {
    r.note("Add --age and --sex to compare the dose with the upper limit for supplements.");
  }
  if (!who.empty()) r.title += " (" + who + ")";
  add_source_notes(r, ds, sources);
  return r;
}

Report intake_report(const Dataset& ds, const DayIntake& day, const std::string& who) {
  const Intake& ref = *day.reference;
  Report r;
  r.title =
      fmt::format("Daily magnesium for {}: RDA {}, UL for supplements {}", who, mg_text(ref.rda_mg),
                  ref.ul_supplemental_mg ? mg_text(*ref.ul_supplemental_mg) : "not established");
  r.columns = {
      {"kind", "Kind"},
      {"id", "Item"},
      {"amount", "Amount"},
      {"mg", "Mg", Align::right},
      {"pct_rda", "% RDA", Align::right},
      {"pct_ul", "% UL", Align::right},
      // For scripts: the limits each row is measured against, and whether a
      // supplemental amount goes over the UL (null where the UL does not apply).
      {"rda_mg", "RDA mg", Align::right, false},
      {"ul_supplemental_mg", "UL mg", Align::right, false},
      {"exceeds_ul", "Over UL", Align::left, false},
  };
  const Cell rda_mg = ref.rda_mg;
  const Cell ul_mg = detail::opt(ref.ul_supplemental_mg);
  auto exceeds = [&](double supplemental_mg) -> Cell {
    if (!ref.ul_supplemental_mg) return nullptr;
    return supplemental_mg > *ref.ul_supplemental_mg;
  };
  auto pct_rda = [&](double mg) {
    return Cell{round1(mg / ref.rda_mg * 100.0), pct_text(mg / ref.rda_mg * 100.0)};
  };
  auto pct_ul = [&](double mg) -> Cell {
    if (!ref.ul_supplemental_mg) return {nullptr, "-"};
    const double p = mg / *ref.ul_supplemental_mg * 100.0;
    return {round1(p), pct_text(p)};
  };
  std::vector<std::string> sources = ref.sources;
  for (const auto& fp : day.foods) {
    r.add_cells("food", fp.food->id,
                Cell{fmt::format("{:g} x {}", fp.servings, fp.food->serving),
                     fmt::format("{:g} x {}", fp.servings, fp.food->serving)},
                Cell{round1(fp.mg), mg_text(fp.mg)}, pct_rda(fp.mg), Cell{nullptr, ""}, rda_mg,
                ul_mg, nullptr);
    sources.insert(sources.end(), fp.food->sources.begin(), fp.food->sources.end());
  }
  for (const auto& sp : day.supplements) {
    r.add_cells(
        "supplement", sp.form->id,
        fmt::format("{:g} mg compound ({:.1f}% Mg)", sp.compound_mg, sp.form->elemental_pct),
        Cell{round1(sp.elemental_mg), mg_text(sp.elemental_mg)}, pct_rda(sp.elemental_mg),
        pct_ul(sp.elemental_mg), rda_mg, ul_mg, exceeds(sp.elemental_mg));
    sources.insert(sources.end(), sp.form->sources.begin(), sp.form->sources.end());
  }
  r.add_cells("food total", nullptr, Cell{nullptr, ""},
              Cell{round1(day.food_mg), mg_text(day.food_mg)}, pct_rda(day.food_mg),
              Cell{nullptr, ""}, rda_mg, ul_mg, nullptr);
  r.add_cells("supplement total", nullptr, Cell{nullptr, ""},
              Cell{round1(day.supplement_mg), mg_text(day.supplement_mg)},
              pct_rda(day.supplement_mg), pct_ul(day.supplement_mg), rda_mg, ul_mg,
              exceeds(day.supplement_mg));
  r.add_cells("total", nullptr, Cell{nullptr, ""},
              Cell{round1(day.total_mg), mg_text(day.total_mg)}, pct_rda(day.total_mg),
              Cell{nullptr, ""}, rda_mg, ul_mg, exceeds(day.supplement_mg));
  add_ul_lines(r, ref, day.supplement_mg);
  add_notices(r, ds, ref.notices, sources);
  add_source_notes(r, ds, sources);
  return r;
}

}  // namespace mgcramp
