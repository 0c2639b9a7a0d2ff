#include "mgcramp/loader.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "json_reader.hpp"
#include "mgcramp/error.hpp"
#include "mgcramp/formula.hpp"
#include "mgcramp/text.hpp"

namespace mgcramp {
namespace {

using detail::json;
using detail::Obj;
using detail::Ref;

constexpr long long kSchemaVersion = 1;
constexpr std::size_t kMaxFileBytes = 64u << 20;

// The fields of each kind of object, in data/SCHEMA.md's order.
using Fields = std::string_view;
// clang-format off
constexpr Fields kRootFields[] = {
    "schema_version", "description", "sources", "notices", "intakes", "daily_value",
    "atomic_masses", "foods", "forms", "studies", "claims", "causes", "remedies", "symptoms",
    "interactions"};
constexpr Fields kSourceFields[] = {
    "id", "kind", "title", "publisher", "authors", "date", "url", "commercial_interest",
    "commercial_note", "notes"};
constexpr Fields kNoticeFields[] = {"id", "level", "text", "sources"};
constexpr Fields kIntakeFields[] = {
    "id", "life_stage", "age_from_months", "age_to_months", "sex", "condition", "kind", "rda_mg",
    "ear_mg", "ul_supplemental_mg", "notices", "sources"};
constexpr Fields kDailyValueFields[] = {"mg", "population", "sources"};
constexpr Fields kAtomicMassesFields[] = {"values", "sources"};
constexpr Fields kFoodFields[] = {
    "id", "name", "aliases", "category", "serving", "grams", "mg_per_serving", "kcal_per_serving",
    "usda_ndb", "usda_description", "usda_mg_per_100g", "usda_kcal_per_100g",
    "nih_mg_per_serving", "mentioned_by", "note", "sources"};
constexpr Fields kFormFields[] = {
    "id", "name", "aliases", "formula", "hydrate_water", "elemental_pct", "typical_products_note",
    "absorption", "gi_tolerance", "laxative", "cramp_evidence", "cramp_studies", "article_views",
    "sources"};
constexpr Fields kAbsorptionFields[] = {"summary", "relative", "studies"};
constexpr Fields kArticleViewFields[] = {"source", "view", "note"};
constexpr Fields kStudyFields[] = {
    "id", "first_author", "authors", "year", "title", "journal", "volume", "issue", "pages",
    "pmid", "doi", "design", "population", "country", "n_randomized", "n_analysed", "n_trials",
    "intervention", "comparator", "duration_days", "primary_outcome", "result", "conclusion",
    "funding", "cited_by", "discrepancies", "notes", "sources"};
constexpr Fields kInterventionFields[] = {
    "form", "compound_mg_per_day", "elemental_mg_per_day", "route", "description"};
constexpr Fields kResultFields[] = {"summary", "effect"};
constexpr Fields kEffectFields[] = {"measure", "value", "ci_low", "ci_high", "null_value", "p"};
constexpr Fields kDiscrepancyFields[] = {"source", "note"};
constexpr Fields kClaimFields[] = {"id", "topic", "text", "stances", "verdict"};
constexpr Fields kStanceFields[] = {"source", "stance", "locator"};
constexpr Fields kVerdictFields[] = {"rating", "summary", "evidence"};
constexpr Fields kCauseFields[] = {
    "id", "name", "category", "mechanism", "evidence_note", "sources"};
constexpr Fields kRemedyFields[] = {
    "id", "name", "category", "use", "evidence_level", "evidence", "studies", "advised", "caution",
    "sources"};
constexpr Fields kSymptomFields[] = {
    "id", "name", "condition", "category", "description", "sources"};
constexpr Fields kInteractionFields[] = {
    "id", "drug_class", "examples", "category", "effect", "advice", "sources"};
// clang-format on

// State shared while one document is read.
class Loader {
 public:
  explicit Loader(const std::string& origin) : origin_(origin) {}

  Dataset load(const json& doc);

 private:
  // Calls `fn(Obj&)` for each element of the array `root[table]` and checks
  // that the "id" fields are unique within the id space `space`.
  template <class Fn>
  void each(Obj& root, std::string_view table, bool required, Fn fn);

  // Fails when the table the commands cannot work without is empty.
  void require_rows(Obj& root, std::string_view table, std::size_t rows, std::string_view what,
                    const std::string& needed_by) const;
  void check_unique(std::map<std::string, std::string>& seen, const std::string& id,
                    const std::string& pointer, std::string_view what);
  void check_refs(const std::vector<Ref>& refs, const std::map<std::string, std::string>& ids,
                  std::string_view what, std::string_view table_hint) const;
  void check_intakes(const Dataset& ds) const;

  Source read_source(Obj& o);
  Notice read_notice(Obj& o);
  Intake read_intake(Obj& o);
  DailyValue read_daily_value(Obj& o);
  AtomicMasses read_atomic_masses(Obj& o);
  Food read_food(Obj& o);
  Form read_form(Obj& o, const AtomicMasses& masses);
  Study read_study(Obj& o);
  Claim read_claim(Obj& o);
  Cause read_cause(Obj& o);
  Remedy read_remedy(Obj& o);
  Symptom read_symptom(Obj& o);
  Interaction read_interaction(Obj& o);
  std::vector<std::string> article_refs(Obj& o, std::string_view key);

  const std::string& origin_;
  std::map<std::string, std::string> source_ids_;  // id -> pointer
  std::map<std::string, std::string> notice_ids_;
  std::map<std::string, std::string> intake_ids_;
  std::map<std::string, std::string> food_ids_;
  std::map<std::string, std::string> form_ids_;
  std::map<std::string, std::string> study_ids_;
  std::map<std::string, std::string> other_ids_;  // claims, causes, remedies, ...
  std::vector<Ref> source_refs_;                  // a source or a study
  std::vector<Ref> article_refs_;                 // a source of kind "article"
  std::vector<Ref> study_refs_;
  std::vector<Ref> form_refs_;
  std::vector<Ref> notice_refs_;
  std::vector<std::string> intake_pointers_;
};

template <class Fn>
void Loader::each(Obj& root, std::string_view table, bool required, Fn fn) {
  const json* arr = required ? &root.array(table) : root.opt_array(table);
  if (arr == nullptr) return;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    Obj o((*arr)[i], root.child(table) + "/" + std::to_string(i), origin_);
    fn(o);
    o.done();
  }
}

void Loader::require_rows(Obj& root, std::string_view table, std::size_t rows,
                          std::string_view what, const std::string& needed_by) const {
  if (rows == 0) {
    root.fail_at(table, fmt::format("expected at least one {}, got an empty array", what),
                 needed_by);
  }
}

void Loader::check_unique(std::map<std::string, std::string>& seen, const std::string& id,
                          const std::string& pointer, std::string_view what) {
  auto [it, inserted] = seen.emplace(id, pointer);
  if (!inserted) {
    detail::fail(origin_, pointer, fmt::format("duplicate {} id \"{}\"", what, id),
                 "already used at " + it->second);
  }
}

void Loader::check_refs(const std::vector<Ref>& refs, const std::map<std::string, std::string>& ids,
                        std::string_view what, std::string_view table_hint) const {
  std::vector<std::string> known;
  for (const auto& r : refs) {
    if (ids.count(r.id) != 0) continue;
    if (known.empty()) {
      for (const auto& kv : ids) known.push_back(kv.first);
    }
    const std::string near = text::closest(r.id, known);
    detail::fail(origin_, r.pointer,
                 fmt::format("unknown {} id {}", what, detail::describe(json(r.id))),
                 near.empty() ? fmt::format("add it to \"{}\" or fix the reference", table_hint)
                              : "did you mean \"" + near + "\"?");
  }
}

// Fails when two elements of `o[key]` (stances, article views, discrepancies)
// come from the same article, at the later one's "source".
template <class T>
void check_once(const Obj& o, std::string_view key, const std::vector<T>& items,
                std::string_view what, const char* hint) {
  std::vector<std::string> sources;
  sources.reserve(items.size());
  for (const auto& x : items) sources.push_back(x.source);
  if (const auto rep = detail::first_repeat(sources)) {
    const std::string at = o.child(key) + "/";
    detail::fail(o.origin(), at + std::to_string(rep->second) + "/source",
                 fmt::format("{} already has {} at {}{}",
                             detail::describe(json(sources[rep->second])), what, at, rep->first),
                 hint);
  }
}

// "2025", "2012-09" or "2025-07-31", with a month 01-12 and a day 01-31.
bool is_date(const std::string& s) {
  auto num = [&](std::size_t at, std::size_t len, int lo, int hi) {
    if (at + len > s.size()) return false;
    int v = 0;
    for (std::size_t i = at; i < at + len; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      v = v * 10 + (s[i] - '0');
    }
    return v >= lo && v <= hi;
  };
  if (!num(0, 4, 0, 9999)) return false;
  if (s.size() == 4) return true;
  if (s[4] != '-' || !num(5, 2, 1, 12)) return false;
  if (s.size() == 7) return true;
  return s.size() == 10 && s[7] == '-' && num(8, 2, 1, 31);
}

Source Loader::read_source(Obj& o) {
  o.fields(kSourceFields);
  Source s;
  s.id = o.id("id");
  check_unique(source_ids_, s.id, o.child("id"), "source");
  s.kind = o.enumerated<SourceKind>("kind");
  s.title = o.str("title");
  s.publisher = o.opt_str("publisher");
  s.authors = o.opt_str("authors");
  s.date = o.opt_str("date");
  if (s.date && !is_date(*s.date)) {
    o.fail_at("date",
              "expected YYYY, YYYY-MM or YYYY-MM-DD, got " + detail::describe(json(*s.date)),
              "for example \"2025-07-31\", \"2012-09\" or \"1997\"; null when unknown");
  }
  s.url = o.opt_str("url");
  s.commercial_interest = o.boolean("commercial_interest");
  s.commercial_note = o.opt_str("commercial_note");
  s.notes = o.opt_str("notes");
  if (s.commercial_interest && !s.commercial_note) {
    o.fail_at("commercial_note", "missing: a source with a commercial interest says what it sells",
              "say what it sells, or set commercial_interest to false");
  }
  return s;
}

Notice Loader::read_notice(Obj& o) {
  o.fields(kNoticeFields);
  Notice n;
  n.id = o.id("id");
  check_unique(notice_ids_, n.id, o.child("id"), "notice");
  n.level = o.enumerated<NoticeLevel>("level");
  n.text = o.str("text");
  n.sources = o.refs("sources", source_refs_);
  return n;
}

Intake Loader::read_intake(Obj& o) {
  o.fields(kIntakeFields);
  Intake in;
  in.id = o.id("id");
  check_unique(intake_ids_, in.id, o.child("id"), "intake");
  in.life_stage = o.str("life_stage");
  in.age_from_months = o.number("age_from_months");
  in.age_to_months = o.opt_number("age_to_months");
  if (in.age_to_months && *in.age_to_months <= in.age_from_months) {
    o.fail_at("age_to_months", "must be greater than age_from_months",
              "age_to_months is exclusive; use null for an open-ended stage");
  }
  in.sex = o.enumerated<SexScope>("sex");
  in.condition = o.enumerated<Condition>("condition");
  if (in.condition != Condition::none && in.sex != SexScope::female) {
    o.fail_at("sex", "pregnancy and lactation rows must have sex \"female\"",
              "set sex to \"female\"");
  }
  in.kind = o.enumerated<IntakeKind>("kind");
  in.rda_mg = o.number("rda_mg");
  in.ear_mg = o.opt_number("ear_mg");
  if (in.ear_mg && *in.ear_mg > in.rda_mg) {
    o.fail_at("ear_mg", "the Estimated Average Requirement cannot exceed rda_mg",
              "the RDA is set above the EAR; check both figures against the source");
  }
  in.ul_supplemental_mg = o.opt_number("ul_supplemental_mg");
  in.notices = o.refs("notices", notice_refs_, false);
  in.sources = o.refs("sources", source_refs_);
  intake_pointers_.push_back(o.pointer());
  return in;
}

std::vector<std::string> Loader::article_refs(Obj& o, std::string_view key) {
  return o.refs(key, article_refs_, false);
}

DailyValue Loader::read_daily_value(Obj& o) {
  o.fields(kDailyValueFields);
  DailyValue dv;
  dv.mg = o.number("mg");
  if (dv.mg <= 0) o.fail_at("mg", "must be greater than 0", "give the FDA Daily Value in mg");
  dv.population = o.str("population");
  dv.sources = o.refs("sources", source_refs_);
  return dv;
}

AtomicMasses Loader::read_atomic_masses(Obj& o) {
  o.fields(kAtomicMassesFields);
  AtomicMasses am;
  Obj values = o.object("values");
  const json& raw = o.raw("values");
  for (const auto& [el, v] : raw.items()) {
    const bool symbol = el.size() <= 2 && std::isupper(static_cast<unsigned char>(el[0])) &&
                        (el.size() == 1 || std::islower(static_cast<unsigned char>(el[1])));
    if (!symbol) {
      values.fail_at(el, "expected an element symbol such as \"Mg\"",
                     "a capital letter, then at most one lowercase letter");
    }
    const double m = values.number(el);
    if (m <= 0) {
      values.fail_at(el, "an atomic mass must be greater than 0",
                     "use the standard atomic weight, e.g. 24.305 for Mg");
    }
    am.values[el] = m;
  }
  o.refs("sources", source_refs_).swap(am.sources);
  return am;
}

namespace {
bool digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
}  // namespace

Food Loader::read_food(Obj& o) {
  o.fields(kFoodFields);
  Food f;
  f.id = o.id("id");
  check_unique(food_ids_, f.id, o.child("id"), "food");
  f.name = o.str("name");
  f.aliases = o.strings("aliases", false);
  f.category = o.enumerated<FoodCategory>("category");
  f.serving = o.str("serving");
  f.grams = o.opt_number("grams");
  if (f.grams && *f.grams <= 0) {
    o.fail_at("grams", "must be greater than 0", "the serving's weight in grams, or null");
  }
  f.mg_per_serving = o.number("mg_per_serving");
  f.kcal_per_serving = o.opt_number("kcal_per_serving");
  f.usda_ndb = o.opt_str("usda_ndb");
  if (f.usda_ndb && (!digits(*f.usda_ndb) || f.usda_ndb->size() > 5)) {
    o.fail_at("usda_ndb",
              "expected an SR Legacy NDB number of up to 5 digits, got " +
                  detail::describe(json(*f.usda_ndb)),
              "write the digits as a string, e.g. \"12516\", or null");
  }
  f.usda_description = o.opt_str("usda_description");
  f.usda_mg_per_100g = o.opt_number("usda_mg_per_100g");
  f.usda_kcal_per_100g = o.opt_number("usda_kcal_per_100g");
  f.nih_mg_per_serving = o.opt_number("nih_mg_per_serving");
  f.mentioned_by = article_refs(o, "mentioned_by");
  f.note = o.opt_str("note");
  f.sources = o.refs("sources", source_refs_);
  // The serving's figures must follow from the cited USDA food.
  auto agrees = [&](const std::optional<double>& per100, double serving, const char* key,
                    const char* per100_key) {
    if (!per100 || !f.grams) return;
    const double expected = *per100 * *f.grams / 100.0;
    if (std::fabs(expected - serving) > 0.5 + 1e-9) {
      o.fail_at(key,
                fmt::format("{:g} does not agree with {} x grams / 100 = {:.1f}", serving,
                            per100_key, expected),
                "mg and kcal per serving follow from the USDA food per 100 g");
    }
  };
  agrees(f.usda_mg_per_100g, f.mg_per_serving, "mg_per_serving", "usda_mg_per_100g");
  if (f.kcal_per_serving) {
    agrees(f.usda_kcal_per_100g, *f.kcal_per_serving, "kcal_per_serving", "usda_kcal_per_100g");
  }
  return f;
}

Form Loader::read_form(Obj& o, const AtomicMasses& masses) {
  o.fields(kFormFields);
  Form f;
  f.id = o.id("id");
  check_unique(form_ids_, f.id, o.child("id"), "form");
  f.name = o.str("name");
  f.aliases = o.strings("aliases", false);
  f.formula = o.str("formula");
  double computed = 0;
  try {
    computed = mass_percent(f.formula, masses.values, "Mg");
  } catch (const std::invalid_argument& e) {
    o.fail_at("formula", e.what(), "see data/SCHEMA.md for the formula syntax");
  }
  f.hydrate_water = static_cast<int>(o.integer("hydrate_water", 0, 100));
  if (f.hydrate_water != hydrate_waters(f.formula)) {
    o.fail_at("hydrate_water",
              fmt::format("{} does not match the formula's {} H2O", f.hydrate_water,
                          hydrate_waters(f.formula)),
              fmt::format("set it to {}, or fix the formula's .nH2O", hydrate_waters(f.formula)));
  }
  f.elemental_pct = o.number("elemental_pct");
  if (f.elemental_pct <= 0 || f.elemental_pct > 100 ||
      std::fabs(f.elemental_pct - computed) > 0.1) {
    o.fail_at("elemental_pct",
              fmt::format("{:g} does not match {:.2f} computed from the formula", f.elemental_pct,
                          computed),
              fmt::format("set it to {:.2f}, or check the formula and atomic_masses", computed));
  }
  f.typical_products_note = o.opt_str("typical_products_note");
  Obj ab = o.object("absorption");
  ab.fields(kAbsorptionFields);
  f.absorption.summary = ab.str("summary");
  f.absorption.relative = ab.enumerated<AbsorptionRank>("relative");
  f.absorption.studies = ab.refs("studies", study_refs_, false);
  ab.done();
  f.gi_tolerance = o.str("gi_tolerance");
  f.laxative = o.enumerated<Laxative>("laxative");
  f.cramp_evidence = o.str("cramp_evidence");
  f.cramp_studies = o.refs("cramp_studies", study_refs_, false);
  const json& views = o.array("article_views");
  for (std::size_t i = 0; i < views.size(); ++i) {
    Obj v(views[i], o.child("article_views") + "/" + std::to_string(i), origin_);
    v.fields(kArticleViewFields);
    ArticleView av;
    av.source = v.ref("source");
    article_refs_.push_back({av.source, v.child("source")});
    av.view = v.enumerated<View>("view");
    av.note = v.str("note");
    v.done();
    f.article_views.push_back(std::move(av));
  }
  check_once(o, "article_views", f.article_views, "a view",
             "give each article one view per form; merge the notes");
  f.sources = o.refs("sources", source_refs_);
  return f;
}

Study Loader::read_study(Obj& o) {
  o.fields(kStudyFields);
  Study s;
  s.id = o.id("id");
  check_unique(study_ids_, s.id, o.child("id"), "study");
  if (source_ids_.count(s.id) != 0) {
    o.fail_at("id", "already used by a source", "sources and studies share one id space");
  }
  s.first_author = o.str("first_author");
  s.authors = o.opt_str("authors");
  s.year = static_cast<int>(o.integer("year", 1800, 2100));
  s.title = o.str("title");
  s.journal = o.str("journal");
  s.volume = o.opt_str("volume");
  s.issue = o.opt_str("issue");
  s.pages = o.opt_str("pages");
  s.pmid = o.opt_str("pmid");
  if (s.pmid && !digits(*s.pmid)) {
    o.fail_at("pmid", "expected digits only",
              "the PubMed id as a string, e.g. \"32956536\", or null until confirmed");
  }
  s.doi = o.opt_str("doi");
  if (s.doi && s.doi->rfind("10.", 0) != 0) {
    o.fail_at("doi", "expected a DOI starting with \"10.\"",
              "the bare DOI, without a URL or \"doi:\" in front, or null until confirmed");
  }
  s.design = o.enumerated<Design>("design");
  s.population = o.enumerated<Population>("population");
  s.country = o.opt_str("country");
  s.n_randomized = o.opt_integer("n_randomized", 0, 100000000);
  s.n_analysed = o.opt_integer("n_analysed", 0, 100000000);
  if (s.n_randomized && s.n_analysed && *s.n_analysed > *s.n_randomized) {
    o.fail_at("n_analysed",
              fmt::format("{} exceeds n_randomized ({})", *s.n_analysed, *s.n_randomized),
              "those analysed are among those randomized; check both figures");
  }
  s.n_trials = o.opt_integer("n_trials", 0, 100000);
  if (auto iv = o.opt_object("intervention")) {
    iv->fields(kInterventionFields);
    s.intervention.form = iv->opt_ref("form");
    if (s.intervention.form) form_refs_.push_back({*s.intervention.form, iv->child("form")});
    s.intervention.compound_mg_per_day = iv->opt_number("compound_mg_per_day");
    s.intervention.elemental_mg_per_day = iv->opt_number("elemental_mg_per_day");
    s.intervention.route = iv->opt_enumerated<Route>("route");
    s.intervention.description = iv->opt_str("description");
    iv->done();
  }
  s.comparator = o.opt_str("comparator");
  s.duration_days = o.opt_number("duration_days");
  s.primary_outcome = o.opt_str("primary_outcome");
  Obj res = o.object("result");
  res.fields(kResultFields);
  s.result.summary = res.str("summary");
  if (auto eff = res.opt_object("effect")) {
    eff->fields(kEffectFields);
    Effect e;
    e.measure = eff->str("measure");
    e.value = eff->real("value");
    e.ci_low = eff->real("ci_low");
    e.ci_high = eff->real("ci_high");
    e.null_value = eff->real("null_value");
    e.p = eff->opt_number("p");
    if (e.p && *e.p > 1) {
      eff->fail_at("p", "a p value cannot exceed 1", "give p as a probability from 0 to 1");
    }
    if (e.ci_low > e.ci_high) {
      eff->fail_at("ci_high", fmt::format("{:g} is below ci_low ({:g})", e.ci_high, e.ci_low),
                   "give the interval as ci_low <= ci_high");
    }
    if (e.null_value == 1 && e.ci_low <= 0) {
      eff->fail_at(
          "ci_low",
          fmt::format("a ratio (null_value 1) needs ci_low greater than 0, got {:g}", e.ci_low),
          "ratios are positive: give the interval itself, not its logarithm");
    }
    if (!(e.ci_low <= e.value && e.value <= e.ci_high)) {
      eff->fail_at("value",
                   fmt::format("must lie within [ci_low, ci_high] = [{:g}, {:g}], got {:g}",
                               e.ci_low, e.ci_high, e.value),
                   "check value, ci_low and ci_high against the study");
    }
    eff->done();
    s.result.effect = e;
  }
  res.done();
  s.conclusion = o.opt_enumerated<Conclusion>("conclusion");
  s.funding = o.opt_str("funding");
  s.cited_by = article_refs(o, "cited_by");
  if (const json* ds = o.opt_array("discrepancies")) {
    for (std::size_t i = 0; i < ds->size(); ++i) {
      Obj d((*ds)[i], o.child("discrepancies") + "/" + std::to_string(i), origin_);
      d.fields(kDiscrepancyFields);
      Discrepancy x{d.ref("source"), d.str("note")};
      article_refs_.push_back({x.source, d.child("source")});
      d.done();
      s.discrepancies.push_back(std::move(x));
    }
    check_once(o, "discrepancies", s.discrepancies, "a discrepancy",
               "give each article one discrepancy per study; merge the notes");
  }
  s.notes = o.opt_str("notes");
  s.sources = o.refs("sources", source_refs_);
  return s;
}

Claim Loader::read_claim(Obj& o) {
  o.fields(kClaimFields);
  Claim c;
  c.id = o.id("id");
  check_unique(other_ids_, c.id, o.child("id"), "record");
  c.topic = o.enumerated<ClaimTopic>("topic");
  c.text = o.str("text");
  const json& st = o.array("stances");
  if (st.empty())
    o.fail_at("stances", "expected at least one stance", "a claim is made by an article");
  for (std::size_t i = 0; i < st.size(); ++i) {
    Obj so(st[i], o.child("stances") + "/" + std::to_string(i), origin_);
    so.fields(kStanceFields);
    Stance x;
    x.source = so.ref("source");
    article_refs_.push_back({x.source, so.child("source")});
    x.stance = so.enumerated<StanceKind>("stance");
    x.locator = so.str("locator");
    so.done();
    c.stances.push_back(std::move(x));
  }
  check_once(o, "stances", c.stances, "a stance", "give each article one stance per claim");
  Obj v = o.object("verdict");
  v.fields(kVerdictFields);
  c.verdict.rating = v.enumerated<Rating>("rating");
  c.verdict.summary = v.str("summary");
  c.verdict.evidence = v.refs("evidence", source_refs_);
  v.done();
  return c;
}

Cause Loader::read_cause(Obj& o) {
  o.fields(kCauseFields);
  Cause c;
  c.id = o.id("id");
  check_unique(other_ids_, c.id, o.child("id"), "record");
  c.name = o.str("name");
  c.category = o.enumerated<CauseCategory>("category");
  c.mechanism = o.str("mechanism");
  c.evidence_note = o.str("evidence_note");
  c.sources = o.refs("sources", source_refs_);
  return c;
}

Remedy Loader::read_remedy(Obj& o) {
  o.fields(kRemedyFields);
  Remedy r;
  r.id = o.id("id");
  check_unique(other_ids_, r.id, o.child("id"), "record");
  r.name = o.str("name");
  r.category = o.enumerated<RemedyCategory>("category");
  r.use = o.enumerated<RemedyUse>("use");
  r.evidence_level = o.enumerated<EvidenceLevel>("evidence_level");
  r.evidence = o.str("evidence");
  r.studies = o.refs("studies", study_refs_, false);
  r.advised = o.boolean("advised");
  r.caution = o.opt_str("caution");
  if (!r.advised && !r.caution) {
    o.fail_at("caution", "missing: say why the remedy is not advised",
              "add a caution, or set advised to true");
  }
  r.sources = o.refs("sources", source_refs_);
  return r;
}

Symptom Loader::read_symptom(Obj& o) {
  o.fields(kSymptomFields);
  Symptom s;
  s.id = o.id("id");
  check_unique(other_ids_, s.id, o.child("id"), "record");
  s.name = o.str("name");
  s.condition = o.enumerated<SymptomOf>("condition");
  s.category = o.enumerated<SymptomCategory>("category");
  s.description = o.str("description");
  s.sources = o.refs("sources", source_refs_);
  return s;
}

Interaction Loader::read_interaction(Obj& o) {
  o.fields(kInteractionFields);
  Interaction x;
  x.id = o.id("id");
  check_unique(other_ids_, x.id, o.child("id"), "record");
  x.drug_class = o.str("drug_class");
  x.examples = o.strings("examples", false);
  x.category = o.enumerated<InteractionCategory>("category");
  x.effect = o.str("effect");
  x.advice = o.str("advice");
  x.sources = o.refs("sources", source_refs_);
  return x;
}

// Two rows for the same people and the same ages would make lookups ambiguous.
// Rows are swept in order of condition and starting age, remembering for each
// sex scope the row reaching furthest; the later row of an overlapping pair
// (in file order) is reported.
void Loader::check_intakes(const Dataset& ds) const {
  static constexpr double kOpen = 1e300;
  auto end_of = [](const Intake& in) { return in.age_to_months.value_or(kOpen); };
  std::vector<std::size_t> order(ds.intakes.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const Intake& x = ds.intakes[a];
    const Intake& y = ds.intakes[b];
    if (x.condition != y.condition) return x.condition < y.condition;
    return x.age_from_months < y.age_from_months;
  });
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  auto scope_index = [](SexScope s) { return static_cast<std::size_t>(s); };
  std::size_t furthest[3] = {kNone, kNone, kNone};  // by SexScope
  for (std::size_t k = 0; k < order.size(); ++k) {
    const std::size_t i = order[k];
    const Intake& a = ds.intakes[i];
    if (k > 0 && ds.intakes[order[k - 1]].condition != a.condition) {
      std::fill(std::begin(furthest), std::end(furthest), kNone);
    }
    for (SexScope s : {SexScope::any, SexScope::female, SexScope::male}) {
      const std::size_t j = furthest[scope_index(s)];
      if (j == kNone) continue;
      const Intake& b = ds.intakes[j];
      if (a.sex != b.sex && a.sex != SexScope::any && b.sex != SexScope::any) continue;
      // b starts no later than a, so they overlap when b ends after a starts.
      if (a.age_from_months < end_of(b)) {
        const std::size_t later = std::max(i, j);
        const Intake& other = ds.intakes[std::min(i, j)];
        detail::fail(origin_, intake_pointers_[later],
                     fmt::format("ages overlap with intake \"{}\" for the same people", other.id),
                     "make age ranges [age_from_months, age_to_months) disjoint");
      }
    }
    std::size_t& best = furthest[scope_index(a.sex)];
    if (best == kNone || end_of(a) > end_of(ds.intakes[best])) best = i;
  }
}

Dataset Loader::load(const json& doc) {
  Obj root(doc, "", origin_);
  root.fields(kRootFields);
  Dataset ds;
  ds.origin = origin_;
  ds.schema_version = static_cast<int>(root.integer("schema_version", 0, 1000000));
  if (ds.schema_version != kSchemaVersion) {
    root.fail_at("schema_version", fmt::format("unsupported schema version {}", ds.schema_version),
                 fmt::format("this mgcramp reads schema version {}", kSchemaVersion));
  }
  ds.description = root.opt_str("description");
  each(root, "sources", true, [&](Obj& o) { ds.sources.push_back(read_source(o)); });
  require_rows(root, "sources", ds.sources.size(), "source", "every record cites a source");
  each(root, "notices", false, [&](Obj& o) { ds.notices.push_back(read_notice(o)); });
  each(root, "intakes", true, [&](Obj& o) { ds.intakes.push_back(read_intake(o)); });
  require_rows(root, "intakes", ds.intakes.size(), "intake",
               "rda, foods, dose and intake look up the reference intake for an age here");
  if (std::none_of(ds.intakes.begin(), ds.intakes.end(),
                   [](const Intake& in) { return in.condition == Condition::none; })) {
    root.fail_at("intakes", "no row for the general population (condition \"none\")",
                 "rda --age looks up the rows with condition \"none\"");
  }
  {
    Obj dv = root.object("daily_value");
    ds.daily_value = read_daily_value(dv);
    dv.done();
    Obj am = root.object("atomic_masses");
    ds.atomic_masses = read_atomic_masses(am);
    am.done();
  }
  each(root, "foods", true, [&](Obj& o) { ds.foods.push_back(read_food(o)); });
  require_rows(root, "foods", ds.foods.size(), "food",
               "foods and intake --food look foods up here");
  each(root, "forms", true, [&](Obj& o) { ds.forms.push_back(read_form(o, ds.atomic_masses)); });
  require_rows(root, "forms", ds.forms.size(), "form",
               "forms, dose and intake --supplement look supplement forms up here");
  each(root, "studies", true, [&](Obj& o) { ds.studies.push_back(read_study(o)); });
  each(root, "claims", true, [&](Obj& o) { ds.claims.push_back(read_claim(o)); });
  each(root, "causes", true, [&](Obj& o) { ds.causes.push_back(read_cause(o)); });
  each(root, "remedies", true, [&](Obj& o) { ds.remedies.push_back(read_remedy(o)); });
  each(root, "symptoms", true, [&](Obj& o) { ds.symptoms.push_back(read_symptom(o)); });
  each(root, "interactions", true, [&](Obj& o) { ds.interactions.push_back(read_interaction(o)); });
  root.done();

  std::map<std::string, std::string> citable = source_ids_;
  citable.insert(study_ids_.begin(), study_ids_.end());
  check_refs(source_refs_, citable, "source", "sources or studies");
  std::map<std::string, std::string> articles;
  for (const auto& s : ds.sources) {
    if (s.kind == SourceKind::article) articles.emplace(s.id, "");
  }
  check_refs(article_refs_, articles, "article", "sources (kind \"article\")");
  check_refs(study_refs_, study_ids_, "study", "studies");
  std::map<std::string, std::string> forms = form_ids_;
  forms.emplace("mixed", "");
  check_refs(form_refs_, forms, "form", "forms");
  check_refs(notice_refs_, notice_ids_, "notice", "notices");
  check_intakes(ds);
  return ds;
}

std::string read_file(const std::string& path) {
  const std::string shown = text::sanitize(path);
  const char* hint = "check the file's path and permissions";
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    throw DataError(fmt::format("cannot open '{}': {}", shown, std::strerror(errno)), hint);
  }
  if (S_ISDIR(st.st_mode)) throw DataError(fmt::format("'{}' is a directory", shown), hint);
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) throw DataError(fmt::format("cannot open '{}': {}", shown, std::strerror(errno)), hint);
  std::string data;
  char buf[65536];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) {
    data.append(buf, n);
    if (data.size() > kMaxFileBytes) {
      throw DataError(fmt::format("'{}' is larger than {} MiB", shown, kMaxFileBytes >> 20),
                      "a dataset is a few hundred kilobytes of JSON");
    }
  }
  if (std::ferror(f.get())) {
    throw DataError(fmt::format("cannot read '{}': {}", shown, std::strerror(errno)), hint);
  }
  return data;
}

}  // namespace

Dataset load_dataset(std::string_view text, const std::string& origin) {
  const json doc = detail::parse_json(text, origin);
  return Loader(origin).load(doc);
}

Dataset load_dataset_file(const std::string& path) {
  return load_dataset(read_file(path), path);
}

std::vector<TableCount> table_counts(const Dataset& ds) {
  return {
      {"sources", ds.sources.size()},
      {"notices", ds.notices.size()},
      {"intakes", ds.intakes.size()},
      {"foods", ds.foods.size()},
      {"forms", ds.forms.size()},
      {"studies", ds.studies.size()},
      {"claims", ds.claims.size()},
      {"causes", ds.causes.size()},
      {"remedies", ds.remedies.size()},
      {"symptoms", ds.symptoms.size()},
      {"interactions", ds.interactions.size()},
  };
}

}  // namespace mgcramp
