// `mgcramp assess`: what the evidence says for one person, in sections,
// each point with its sources and each piece of advice attributed.
#include <algorithm>

#include <fmt/format.h>

#include "mgcramp/query/assess.hpp"
#include "mgcramp/query/evidence.hpp"
#include "mgcramp/report/builders.hpp"
#include "util.hpp"

namespace mgcramp {
namespace {

constexpr double kOlderAdultMonths = 51 * 12;  // the 51+ life stage

struct Builder {
  const Dataset& ds;
  Report& r;
  std::vector<std::string> sources;

  // The ids as owned text: callers may pass a temporary list.
  Value cite(const std::vector<std::string>& ids) {
    sources.insert(sources.end(), ids.begin(), ids.end());
    return Value(ids);
  }
  // Where each section's heading is among the lead notes, and its JSON key.
  std::vector<std::pair<std::size_t, std::string>> sections;
  void heading(const char* key, const std::string& h) {
    sections.emplace_back(r.lead.size(), key);
    r.lead_note(h);
  }
  void point(const std::string& s) { r.lead_note(s, NoteLevel::info, 2); }
  void warn(const std::string& s) { r.lead_note(s, NoteLevel::warning, 2); }
};

// a. The best pooled evidence for the population that fits.
Value evidence_section(Builder& b, const AssessQuery& q) {
  b.heading("evidence", "a. The evidence for these cramps");
  const auto pop = assess_population(q);
  Value::Object out{{"population", Value(pop)}};
  if (!pop) {
    b.point(
        "No review in this dataset covers these cramps; 'mgcramp trials --all' lists every "
        "study.");
    out.insert(out.end(), {{"review", nullptr}, {"plain", "no review covers these cramps"}});
    out.emplace_back("sources", Value::list());
    return out;
  }
  const auto pools = published_pools(b.ds, *pop);
  if (pools.empty()) {
    b.point(fmt::format("No review in this dataset pools magnesium trials for {} cramps.",
                        name_of(*pop)));
    out.insert(out.end(), {{"review", nullptr}, {"plain", "no pooled answer"}});
    out.emplace_back("sources", Value::list());
    return out;
  }
  const PublishedPool& p = pools.front();
  const Outcome& o = *p.outcome;
  const Estimate e = *effect_of(o);
  const double null_value = is_ratio(info(o.measure).effect) ? 1.0 : 0.0;
  const bool spans_null = e.ci_low <= null_value && e.ci_high >= null_value;
  std::string certainty = o.certainty ? std::string(name_of(*o.certainty)) : "not graded";
  std::replace(certainty.begin(), certainty.end(), '-', ' ');
  const std::string plain =
      spans_null ? "no clear difference between magnesium and placebo (the 95% CI includes no "
                   "effect)"
                 : "a difference between magnesium and placebo (the 95% CI excludes no effect)";
  b.point(fmt::format(
      "For {} cramps, the best pooled evidence in this dataset, {} ({}), found {}: {} ({}) {}, "
      "{} certainty{}.",
      name_of(*pop), p.review->id, name_of(p.review->design), plain, info(o.measure).label,
      o.timepoint, detail::effect_text(e), certainty, o.certainty ? " (GRADE)" : ""));
  // The pooled estimate's fields as `trials` gives them (the population is
  // already the first field here).
  const Value pool = detail::pool_value(*pop, p);
  for (const auto& member : pool.as_object()) {
    if (member.first != "population") out.push_back(member);
  }
  out.emplace_back("plain", plain);
  out.emplace_back("sources", b.cite({p.review->id}));
  return out;
}

// b. Needs and limits: the reference intake against the day's intake.
Value needs_section(Builder& b, const AssessQuery& q, const Intake& in) {
  b.heading("needs", "b. Needs and limits");
  Value::Object out{{"intake", Value::ref(in.id)},
                    {"life_stage", Value::ref(in.life_stage)},
                    {"kind", in.kind},
                    {"rda_mg", in.rda_mg},
                    {"ear_mg", Value(in.ear_mg)},
                    {"ul_supplemental_mg", Value(in.ul_supplemental_mg)}};
  b.point(fmt::format(
      "{} {} {}{}; supplemental UL {} (supplements and medicines only: food "
      "does not count toward it).",
      in.life_stage, name_of(in.kind), mg_text(in.rda_mg),
      in.ear_mg ? ", EAR " + mg_text(*in.ear_mg) : std::string(),
      in.ul_supplemental_mg ? mg_text(*in.ul_supplemental_mg) : std::string("not established")));
  if (!q.foods.empty() || !q.supplements.empty()) {
    const DayIntake day = tally_intake(b.ds, q.profile, q.foods, q.supplements);
    out.insert(out.end(), {{"food_mg", day.food_mg},
                           {"supplement_mg", day.supplement_mg},
                           {"total_mg", day.total_mg},
                           {"pct_rda", day.pct_rda},
                           {"exceeds_ul", day.exceeds_ul}});
    b.point(fmt::format("Today: food {}, supplements {} elemental, total {} ({:.0f}% of the {}).",
                        mg_text(day.food_mg), mg_text(day.supplement_mg), mg_text(day.total_mg),
                        day.pct_rda, name_of(in.kind)));
    if (day.exceeds_ul) {
      const std::string text =
          in.ul_supplemental_mg
              ? fmt::format("Supplemental magnesium, {}, is above the UL of {} (NIH ODS).",
                            mg_text(day.supplement_mg), mg_text(*in.ul_supplemental_mg))
              : "No UL is established for this age: supplements are above any limit set.";
      b.warn(text);
      b.r.notices.push_back({"exceeds-ul", NoticeLevel::caution, text});
    }
  } else {
    out.insert(out.end(), {{"food_mg", nullptr},
                           {"supplement_mg", nullptr},
                           {"total_mg", nullptr},
                           {"pct_rda", nullptr},
                           {"exceeds_ul", nullptr}});
  }
  out.emplace_back("sources", b.cite(in.sources));
  return out;
}

// c. What may lower this person's magnesium.
Value low_section(Builder& b, const AssessQuery& q) {
  b.heading("low_magnesium_factors", "c. Why magnesium might be low");
  Value::List out;
  for (const Medicine* m : q.medicines) {
    if (m->effect != MedicineEffect::lowers_magnesium) continue;
    const std::string what = m->mechanism.value_or(m->drug_class);
    b.point(fmt::format("{} ({}): {} {}", m->generic_name, m->drug_class, what,
                        detail::ids_text(m->sources)));
    out.push_back(Value::Object{{"kind", "medicine"},
                                {"id", Value::ref(m->id)},
                                {"name", Value::ref(m->generic_name)},
                                {"what", what},
                                {"sources", b.cite(m->sources)}});
  }
  for (const MedicalCondition* c : q.conditions) {
    if (c->lowers_magnesium != true) continue;
    b.point(fmt::format("{}: {} {}", c->name, c->evidence, detail::ids_text(c->sources)));
    out.push_back(Value::Object{{"kind", "condition"},
                                {"id", Value::ref(c->id)},
                                {"name", Value::ref(c->name)},
                                {"what", Value::ref(c->evidence)},
                                {"sources", b.cite(c->sources)}});
  }
  if (q.profile.age_months && *q.profile.age_months >= kOlderAdultMonths) {
    const std::string what =
        "NIH ODS counts older adults among the groups at risk of magnesium inadequacy.";
    b.point(what + " [nih-ods-magnesium]");
    out.push_back(Value::Object{{"kind", "age"},
                                {"id", nullptr},
                                {"name", "older age"},
                                {"what", what},
                                {"sources", b.cite({"nih-ods-magnesium"})}});
  }
  if (out.empty()) {
    b.point("None of the medicines or conditions given is one the sources here say lowers it.");
  } else {
    const std::string text =
        "A clinician can measure serum magnesium (the FDA advised it in 2011 before and during "
        "long-term PPI use, especially with diuretics or digoxin); a normal result does not rule "
        "out low body stores, since serum holds under 1% of the body's magnesium (NIH ODS).";
    b.point(text);
    b.r.notices.push_back({"serum-magnesium", NoticeLevel::info, text});
    b.cite({"fda-ppi-2011", "nih-ods-magnesium"});
  }
  return out;
}

// d. Interactions, supervision and cramp-causing medicines.
Value safety_section(Builder& b, const AssessQuery& q) {
  b.heading("safety", "d. Safety");
  Value::List out;
  for (const Medicine* m : q.medicines) {
    const Interaction* ix = detail::interaction_of(b.ds, *m);
    b.point(detail::medicine_text(b.ds, *m, true, &b.sources));
    out.push_back(Value::Object{{"kind", "medicine"},
                                {"id", Value::ref(m->id)},
                                {"name", Value::ref(m->generic_name)},
                                {"effect", m->effect},
                                {"interaction", Value::ref(m->interaction)},
                                {"severity", ix ? Value(ix->category) : Value()},
                                {"mechanism", Value::ref(m->mechanism)},
                                {"timing", Value::ref(m->timing)},
                                {"causes_cramps", Value(m->causes_cramps)},
                                {"cramps_evidence", Value::ref(m->cramps_evidence)},
                                {"advice", "ask your pharmacist"},
                                {"sources", b.cite(m->sources)}});
  }
  for (const MedicalCondition* c : q.conditions) {
    if (!c->supervision) continue;
    std::string threshold;
    for (const Symptom& s : b.ds.symptoms)
      if (s.condition == SymptomOf::excess && s.threshold && threshold.empty() &&
          s.threshold->find("serum") != std::string::npos)
        threshold = *s.threshold;
    std::string line = c->name +
                       ": magnesium supplements and magnesium-containing medicines (antacids, "
                       "laxatives) only under medical supervision, whatever the dose (NIH ODS).";
    if (!threshold.empty()) line += " Signs of excess appear at " + threshold + " (NIH ODS).";
    b.warn(line);
    b.r.notices.push_back({"kidney-supervision", NoticeLevel::caution, line});
    out.push_back(Value::Object{{"kind", "condition"},
                                {"id", Value::ref(c->id)},
                                {"name", Value::ref(c->name)},
                                {"advice", "only under medical supervision"},
                                {"toxicity", threshold.empty() ? Value() : Value(threshold)},
                                {"sources", b.cite(c->sources)}});
  }
  if (out.empty()) b.point("No medicine or condition given that the dataset holds a caution for.");
  return out;
}

// e. Red flags.
Value red_flags_section(Builder& b) {
  b.heading("red_flags", "e. When to see a clinician rather than try a supplement");
  Value::List out;
  for (const RedFlag& f : b.ds.red_flags) {
    b.point(fmt::format("{}: {} {}", f.sign, f.why, detail::ids_text(f.sources)));
    b.cite(f.sources);
    out.push_back(record_value(f));
  }
  return out;
}

// f. Other remedies, most certain first; never ranked past their certainty.
Value alternatives_section(Builder& b) {
  b.heading("alternatives", "f. What else has evidence (GRADE certainty as reviews judged it)");
  std::vector<const Remedy*> rs;
  for (const Remedy& m : b.ds.remedies) rs.push_back(&m);
  std::stable_sort(rs.begin(), rs.end(), [](const Remedy* x, const Remedy* y) {
    return std::make_pair(x->certainty, x->evidence_level) <
           std::make_pair(y->certainty, y->evidence_level);
  });
  Value::List out;
  for (const Remedy* m : rs) {
    std::string c(name_of(m->certainty));
    std::replace(c.begin(), c.end(), '-', ' ');
    b.point(fmt::format("{}: {} certainty, {} evidence{}.", m->name, c, name_of(m->evidence_level),
                        m->prescription_only ? ", prescription only" : ""));
    b.cite(m->sources);
    out.push_back(record_value(*m));
  }
  return out;
}

}  // namespace

namespace {

const char* level_name(const Note& n) {
  return n.level == NoteLevel::warning ? "caution" : "info";
}

// One row per point, under its section's key: for CSV, where a cell holds
// no JSON.
Report points_report(Report& r, const Builder& b) {
  Report p;
  p.title = r.title;
  p.query = std::move(r.query);
  p.notices = std::move(r.notices);
  p.columns = {{"section", "Section", Align::left, false},
               {"level", "Level", Align::left, false},
               {"text", "Point"}};
  std::string section;
  std::size_t next = 0;
  for (std::size_t i = 0; i < r.lead.size(); ++i) {
    if (next < b.sections.size() && b.sections[next].first == i) {
      section = b.sections[next++].second;
      continue;
    }
    p.add_cells(section, level_name(r.lead[i]), r.lead[i].text);
  }
  for (const Note& n : r.notes) p.add_cells("notes", level_name(n), n.text);
  p.sources = std::move(r.sources);
  p.source_notes = std::move(r.source_notes);
  return p;
}

}  // namespace

Report assess_report(const Dataset& ds, const AssessQuery& q, AssessShape shape) {
  Report r;
  const Intake& in = intake_for(ds, q.profile);
  const std::string who = describe_profile(q.profile);
  r.title = "What the evidence says for " + who +
            (q.cramps ? fmt::format(", {} cramps", name_of(*q.cramps)) : std::string());
  add_profile_query(r, q.profile);
  r.query.add("cramps", q.cramps);
  Value::List meds, conds;
  for (const Medicine* m : q.medicines) meds.push_back(Value::ref(m->id));
  for (const MedicalCondition* c : q.conditions) conds.push_back(Value::ref(c->id));
  r.query.add("medicines", std::move(meds));
  r.query.add("conditions", std::move(conds));
  Value::List foods, supps;
  for (const auto& f : q.foods)
    foods.push_back(
        Value::Object{{"food", f.food}, {"servings", f.servings}, {"grams", Value(f.grams)}});
  for (const auto& s : q.supplements)
    supps.push_back(Value::Object{{"form", s.form},
                                  {"compound_mg", s.elemental_mg ? Value() : Value(s.compound_mg)},
                                  {"elemental_mg", Value(s.elemental_mg)}});
  r.query.add("foods", std::move(foods));
  r.query.add("supplements", std::move(supps));

  Builder b{ds, r, {}, {}};
  Value profile = Value::Object{{"age_months", Value(q.profile.age_months)},
                                {"sex", Value(q.profile.sex)},
                                {"condition", q.profile.condition},
                                {"cramps", Value(q.cramps)},
                                {"life_stage", Value::ref(in.life_stage)}};
  const std::vector<std::string> keys = {
      "profile", "evidence",  "needs",       "low_magnesium_factors",
      "safety",  "red_flags", "alternatives"};
  for (const auto& k : keys) {
    Column c(k, "", Align::left, false);
    r.columns.push_back(std::move(c));
  }
  r.single_object = true;
  r.vertical = true;
  r.human_from = 1;

  const bool infant = q.profile.age_months && *q.profile.age_months < 12.0;
  if (infant) {
    Value needs = needs_section(b, AssessQuery{q.profile, {}, {}, {}, {}, {}}, in);
    b.warn(
        "For an infant this is the AI only: see a paediatrician about cramps or any "
        "supplement.");
    r.notices.push_back({"see-a-paediatrician", NoticeLevel::caution,
                         "For an infant: see a paediatrician about cramps or any supplement."});
    r.add_cells(std::move(profile), nullptr, std::move(needs), Value::list(), Value::list(),
                Value::list(), Value::list());
    add_notices(r, ds, in.notices, b.sources);
  } else {
    Value evidence = evidence_section(b, q);
    Value needs = needs_section(b, q, in);
    Value low = low_section(b, q);
    Value safety = safety_section(b, q);
    Value flags = red_flags_section(b);
    Value alternatives = alternatives_section(b);
    r.add_cells(std::move(profile), std::move(evidence), std::move(needs), std::move(low),
                std::move(safety), std::move(flags), std::move(alternatives));
    add_notices(r, ds, in.notices, b.sources);
  }
  const std::string rx =
      "mgcramp reports evidence for people like this one and attributes advice to its sources; "
      "it does not tell anyone to start, stop or change a medicine or a dose.";
  r.note(rx);
  r.notices.push_back({"not-a-prescription", NoticeLevel::info, rx});
  add_source_notes(r, ds, b.sources);
  if (shape == AssessShape::points) return points_report(r, b);
  return r;
}

}  // namespace mgcramp
