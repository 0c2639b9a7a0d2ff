#pragma once
// The one description of every record type: `describe(record, visitor)`
// calls `visitor(field, member)` for each member, in the order of the JSON
// file, with the field's key and what the loader checks of it. Everything
// that reads or writes records field by field is a visitor of these: the
// JSON loader, the binary snapshot, `show`, `search`, the references between
// records and the field names of every output. Rules that involve several
// fields (EAR below RDA, a USDA food's figures, a confidence interval) are
// checked by the loader (src/io/rules.cpp); data/SCHEMA.md documents both,
// and a unit test checks that it names exactly the fields described here.
//
// Each describe() binds every member of its struct by name, so a member
// added to the model and left out of its description does not compile.
#include <cstdint>
#include <string_view>
#include <type_traits>

#include "mgcramp/model/records.hpp"
#include "mgcramp/model/tables.hpp"

namespace mgcramp::schema {

// What a reference may point at.
enum class RefTo : std::uint8_t {
  none,
  citable,  // a source or a study (one id space)
  article,  // a source of kind "article"
  study,
  form,  // a form, or "mixed" for several
  notice,
  interaction,
  cause,
  claim
};

// Whether a reference of `kind` may point at a record of table `t` (of
// source kind `kind_of_source` when `t` is sources).
constexpr bool can_point_at(RefTo kind, Table t, SourceKind kind_of_source) {
  switch (kind) {
    case RefTo::citable: return t == Table::sources || t == Table::studies;
    case RefTo::article: return t == Table::sources && kind_of_source == SourceKind::article;
    case RefTo::study: return t == Table::studies;
    case RefTo::form: return t == Table::forms;
    case RefTo::notice: return t == Table::notices;
    case RefTo::interaction: return t == Table::interactions;
    case RefTo::cause: return t == Table::causes;
    case RefTo::claim: return t == Table::claims;
    case RefTo::none: break;
  }
  return false;
}

// How much a search match in a field counts: ids, names and titles over tags
// (categories, journals, years) over long text.
enum class Weight : std::uint8_t { text = 1, tag = 3, name = 5, id = 6 };

// A check on one text field beyond "holds text": a date, a PubMed id...
struct TextRule {
  bool (*ok)(std::string_view);
  std::string_view message;  // "expected digits only"
  std::string_view hint;
  bool shows_value;  // the message goes on ", got <value>"
};

extern const TextRule kDate;  // YYYY, YYYY-MM or YYYY-MM-DD
extern const TextRule kDay;   // YYYY-MM-DD
extern const TextRule kPmid;  // digits
extern const TextRule kDoi;   // 10.xxxx/...
extern const TextRule kNdb;   // an SR Legacy NDB number: up to 5 digits

// One field of a record. Built as Field("year").range(1800, 2100).
struct Field {
  std::string_view key;
  std::string_view label;  // for people; empty: derived from the key
  RefTo ref = RefTo::none;
  Weight weight = Weight::text;
  bool is_id = false;          // the record's own id, unique in its id space
  bool optional = false;       // a list or object that may be absent or null
  bool non_empty = false;      // a list with at least one element
  bool any_sign = false;       // a number that may be negative
  long long min = 0, max = 0;  // a whole number's range
  const TextRule* rule = nullptr;
  // The message and hint for an empty list that needs an element (refs
  // have their own).
  std::string_view empty_message, empty_hint;

  constexpr explicit Field(std::string_view k) : key(k) {}

  constexpr Field id() const {
    Field f = *this;
    f.is_id = true;
    f.weight = Weight::id;
    return f;
  }
  constexpr Field refs(RefTo to) const {
    Field f = *this;
    f.ref = to;
    return f;
  }
  constexpr Field w(Weight weight_) const {
    Field f = *this;
    f.weight = weight_;
    return f;
  }
  constexpr Field label_as(std::string_view l) const {
    Field f = *this;
    f.label = l;
    return f;
  }
  constexpr Field opt() const {
    Field f = *this;
    f.optional = true;
    return f;
  }
  constexpr Field needs_one(std::string_view message = {}, std::string_view hint = {}) const {
    Field f = *this;
    f.non_empty = true;
    f.empty_message = message;
    f.empty_hint = hint;
    return f;
  }
  constexpr Field signed_number() const {
    Field f = *this;
    f.any_sign = true;
    return f;
  }
  constexpr Field range(long long lo, long long hi) const {
    Field f = *this;
    f.min = lo;
    f.max = hi;
    return f;
  }
  constexpr Field check(const TextRule& r) const {
    Field f = *this;
    f.rule = &r;
    return f;
  }
};

// "usda_mg_per_100g" -> "USDA mg per 100g": a field's label for people.
std::string label_of(const Field& f);

// describe(S&, V&) exists for `S` and its const version.
template <class S, class T>
using If = std::enable_if_t<std::is_same_v<std::remove_const_t<S>, T>, bool>;

template <class S, class V, If<S, Source> = true>
void describe(S& s, V&& v) {
  auto& [id, kind, title, publisher, authors, date, url, accessed, commercial_interest,
         commercial_note, notes] = s;
  v(Field("id").id(), id);
  v(Field("kind").w(Weight::tag), kind);
  v(Field("title").w(Weight::name), title);
  v(Field("publisher").w(Weight::tag), publisher);
  v(Field("authors").w(Weight::tag), authors);
  v(Field("date").check(kDate), date);
  v(Field("url").label_as("URL"), url);
  v(Field("accessed").check(kDay), accessed);
  v(Field("commercial_interest"), commercial_interest);
  v(Field("commercial_note"), commercial_note);
  v(Field("notes"), notes);
}

template <class S, class V, If<S, Notice> = true>
void describe(S& s, V&& v) {
  auto& [id, level, text, sources] = s;
  v(Field("id").id(), id);
  v(Field("level").w(Weight::tag), level);
  v(Field("text"), text);
  v(Field("sources").refs(RefTo::citable).needs_one(), sources);
}

template <class S, class V, If<S, Intake> = true>
void describe(S& s, V&& v) {
  auto& [id, life_stage, age_from_months, age_to_months, sex, condition, kind, rda_mg, ear_mg,
         ul_supplemental_mg, notices, food_notices, servings_from_food, sources] = s;
  v(Field("id").id(), id);
  v(Field("life_stage").w(Weight::name), life_stage);
  v(Field("age_from_months"), age_from_months);
  v(Field("age_to_months"), age_to_months);
  v(Field("sex").w(Weight::tag), sex);
  v(Field("condition").w(Weight::tag), condition);
  v(Field("kind").w(Weight::tag), kind);
  v(Field("rda_mg").label_as("RDA or AI mg"), rda_mg);
  v(Field("ear_mg"), ear_mg);
  v(Field("ul_supplemental_mg"), ul_supplemental_mg);
  v(Field("notices").refs(RefTo::notice).opt(), notices);
  v(Field("food_notices").refs(RefTo::notice).opt(), food_notices);
  v(Field("servings_from_food"), servings_from_food);
  v(Field("sources").refs(RefTo::citable).needs_one(), sources);
}

template <class S, class V, If<S, DailyValue> = true>
void describe(S& s, V&& v) {
  auto& [mg, population, sources] = s;
  v(Field("mg"), mg);
  v(Field("population"), population);
  v(Field("sources").refs(RefTo::citable).needs_one(), sources);
}

template <class S, class V, If<S, AtomicMasses> = true>
void describe(S& s, V&& v) {
  auto& [values, charges, sources] = s;
  v(Field("values"), values);
  v(Field("charges").opt(), charges);
  v(Field("sources").refs(RefTo::citable).needs_one(), sources);
}

template <class S, class V, If<S, Food> = true>
void describe(S& s, V&& v) {
  auto& [id, name, aliases, category, serving, grams, mg_per_serving, kcal_per_serving, usda_ndb,
         usda_description, usda_mg_per_100g, usda_kcal_per_100g, nih_mg_per_serving, mentioned_by,
         note, sources] = s;
  v(Field("id").id(), id);
  v(Field("name").w(Weight::name), name);
  v(Field("aliases").w(Weight::name).opt(), aliases);
  v(Field("category").w(Weight::tag), category);
  v(Field("serving"), serving);
  v(Field("grams"), grams);
  v(Field("mg_per_serving"), mg_per_serving);
  v(Field("kcal_per_serving"), kcal_per_serving);
  v(Field("usda_ndb").check(kNdb).label_as("USDA NDB number"), usda_ndb);
  v(Field("usda_description"), usda_description);
  v(Field("usda_mg_per_100g"), usda_mg_per_100g);
  v(Field("usda_kcal_per_100g"), usda_kcal_per_100g);
  v(Field("nih_mg_per_serving"), nih_mg_per_serving);
  v(Field("mentioned_by").refs(RefTo::article).opt(), mentioned_by);
  v(Field("note"), note);
  v(Field("sources").refs(RefTo::citable).needs_one(), sources);
}

template <class S, class V, If<S, ArticleView> = true>
void describe(S& s, V&& v) {
  auto& [source, view, note] = s;
  v(Field("source").refs(RefTo::article), source);
  v(Field("view"), view);
  v(Field("note"), note);
}

template <class S, class V, If<S, Form::Absorption> = true>
void describe(S& s, V&& v) {
  auto& [summary, relative, studies] = s;
  v(Field("summary").label_as("Absorption evidence"), summary);
  v(Field("relative").label_as("Absorption"), relative);
  v(Field("studies").refs(RefTo::study).opt().label_as("Absorption studies"), studies);
}

template <class S, class V, If<S, Hydrate> = true>
void describe(S& s, V&& v) {
  auto& [formula, hydrate_water, elemental_pct] = s;
  v(Field("formula").w(Weight::name), formula);
  v(Field("hydrate_water").range(0, 100), hydrate_water);
  v(Field("elemental_pct").label_as("Elemental Mg %"), elemental_pct);
}

template <class S, class V, If<S, Form> = true>
void describe(S& s, V&& v) {
  auto& [id, name, aliases, formula, hydrate_water, elemental_pct, typical_products_note,
         absorption, gi_tolerance, laxative, cramp_evidence, cramp_studies, article_views, hydrates,
         sources] = s;
  v(Field("id").id(), id);
  v(Field("name").w(Weight::name), name);
  v(Field("aliases").w(Weight::name).opt(), aliases);
  v(Field("formula").w(Weight::name), formula);
  v(Field("hydrate_water").range(0, 100), hydrate_water);
  v(Field("elemental_pct").label_as("Elemental Mg %"), elemental_pct);
  v(Field("typical_products_note"), typical_products_note);
  v(Field("absorption"), absorption);
  v(Field("gi_tolerance").label_as("GI tolerance"), gi_tolerance);
  v(Field("laxative"), laxative);
  v(Field("cramp_evidence"), cramp_evidence);
  v(Field("cramp_studies").refs(RefTo::study).opt(), cramp_studies);
  v(Field("article_views"), article_views);
  v(Field("hydrates").opt(), hydrates);
  v(Field("sources").refs(RefTo::citable).needs_one(), sources);
}

template <class S, class V, If<S, ArmResult> = true>
void describe(S& s, V&& v) {
  auto& [n, mean, sd, events] = s;
  v(Field("n").range(1, 100000000).label_as("N"), n);
  v(Field("mean").signed_number(), mean);
  v(Field("sd").label_as("SD"), sd);
  v(Field("events").range(0, 100000000), events);
}

template <class S, class V, If<S, Outcome::Arms> = true>
void describe(S& s, V&& v) {
  auto& [intervention, control] = s;
  v(Field("intervention"), intervention);
  v(Field("control"), control);
}

template <class S, class V, If<S, Outcome> = true>
void describe(S& s, V&& v) {
  auto& [measure, description, unit, timepoint, analysis, population, arms, estimate, ci_low,
         ci_high, p, k, participants, certainty, where, note] = s;
  v(Field("measure").w(Weight::tag).label_as("Outcome"), measure);
  v(Field("description"), description);
  v(Field("unit"), unit);
  v(Field("timepoint"), timepoint);
  v(Field("analysis"), analysis);
  v(Field("population").w(Weight::tag), population);
  v(Field("arms").opt(), arms);
  v(Field("estimate").signed_number(), estimate);
  v(Field("ci_low").signed_number().label_as("CI low"), ci_low);
  v(Field("ci_high").signed_number().label_as("CI high"), ci_high);
  v(Field("p").label_as("p"), p);
  v(Field("k").range(1, 100000).label_as("Studies pooled"), k);
  v(Field("participants").range(1, 100000000), participants);
  v(Field("certainty").w(Weight::tag), certainty);
  v(Field("where"), where);
  v(Field("note"), note);
}

template <class S, class V, If<S, Intervention> = true>
void describe(S& s, V&& v) {
  auto& [kind, form, compound_mg_per_day, elemental_mg_per_day, route, description] = s;
  v(Field("kind").w(Weight::tag).label_as("Tested"), kind);
  v(Field("form").refs(RefTo::form).w(Weight::tag).label_as("Form"), form);
  v(Field("compound_mg_per_day").label_as("Compound mg per day"), compound_mg_per_day);
  v(Field("elemental_mg_per_day").label_as("Elemental mg per day"), elemental_mg_per_day);
  v(Field("route").label_as("Route"), route);
  v(Field("description").label_as("Intervention"), description);
}

template <class S, class V, If<S, StudyArm> = true>
void describe(S& s, V&& v) {
  auto& [group, n_randomized] = s;
  v(Field("group"), group);
  v(Field("n_randomized").range(0, 100000000).label_as("N randomized"), n_randomized);
}

template <class S, class V, If<S, Study::Result> = true>
void describe(S& s, V&& v) {
  auto& [summary] = s;
  v(Field("summary").label_as("Result"), summary);
}

template <class S, class V, If<S, Discrepancy> = true>
void describe(S& s, V&& v) {
  auto& [source, note] = s;
  v(Field("source").refs(RefTo::article), source);
  v(Field("note"), note);
}

template <class S, class V, If<S, Study> = true>
void describe(S& s, V&& v) {
  auto& [id, first_author, authors, year, title, journal, volume, issue, pages, pmid, doi, design,
         subjects, populations, country, n_randomized, n_analysed, n_trials, arms, intervention,
         comparator, duration_days, primary_outcome, result, outcomes, conclusion, risk_of_bias,
         risk_of_bias_by, industry_funded, funding, cited_by, discrepancies, notes, sources] = s;
  v(Field("id").id(), id);
  v(Field("first_author").w(Weight::name), first_author);
  v(Field("authors").w(Weight::tag), authors);
  v(Field("year").range(1800, 2100).w(Weight::tag), year);
  v(Field("title").w(Weight::name), title);
  v(Field("journal").w(Weight::tag), journal);
  v(Field("volume"), volume);
  v(Field("issue"), issue);
  v(Field("pages"), pages);
  v(Field("pmid").check(kPmid).w(Weight::tag).label_as("PMID"), pmid);
  v(Field("doi").check(kDoi).w(Weight::tag).label_as("DOI"), doi);
  v(Field("design").w(Weight::tag), design);
  v(Field("subjects").w(Weight::tag), subjects);
  v(Field("populations")
        .w(Weight::tag)
        .needs_one("missing: a study covers at least one population",
                   "list them, e.g. [\"idiopathic\"]"),
    populations);
  v(Field("country"), country);
  v(Field("n_randomized").range(0, 100000000).label_as("N randomized"), n_randomized);
  v(Field("n_analysed").range(0, 100000000).label_as("N analysed"), n_analysed);
  v(Field("n_trials").range(0, 100000).label_as("N trials"), n_trials);
  v(Field("arms").opt(), arms);
  v(Field("intervention").opt(), intervention);
  v(Field("comparator"), comparator);
  v(Field("duration_days"), duration_days);
  v(Field("primary_outcome"), primary_outcome);
  v(Field("result"), result);
  v(Field("outcomes").opt(), outcomes);
  v(Field("conclusion").w(Weight::tag), conclusion);
  v(Field("risk_of_bias").w(Weight::tag), risk_of_bias);
  v(Field("risk_of_bias_by").refs(RefTo::study), risk_of_bias_by);
  v(Field("industry_funded"), industry_funded);
  v(Field("funding"), funding);
  v(Field("cited_by").refs(RefTo::article).opt(), cited_by);
  v(Field("discrepancies").opt(), discrepancies);
  v(Field("notes"), notes);
  v(Field("sources").refs(RefTo::citable).needs_one(), sources);
}

template <class S, class V, If<S, Stance> = true>
void describe(S& s, V&& v) {
  auto& [source, stance, locator] = s;
  v(Field("source").refs(RefTo::article), source);
  v(Field("stance"), stance);
  v(Field("locator"), locator);
}

template <class S, class V, If<S, Claim::Verdict> = true>
void describe(S& s, V&& v) {
  auto& [rating, summary, evidence] = s;
  v(Field("rating").w(Weight::tag).label_as("Rating"), rating);
  v(Field("summary").label_as("Evidence says"), summary);
  v(Field("evidence").refs(RefTo::citable).needs_one().label_as("Evidence"), evidence);
}

template <class S, class V, If<S, Claim> = true>
void describe(S& s, V&& v) {
  auto& [id, topic, text, cues, implies, denies, stances, verdict] = s;
  v(Field("id").id(), id);
  v(Field("topic").w(Weight::tag), topic);
  v(Field("text").w(Weight::name), text);
  v(Field("cues").needs_one("expected at least one cue pattern",
                            "mgcramp check finds a claim in an article by its cues"),
    cues);
  v(Field("implies").refs(RefTo::claim).opt(), implies);
  v(Field("denies").refs(RefTo::claim).opt(), denies);
  v(Field("stances").opt(), stances);
  v(Field("verdict"), verdict);
}

template <class S, class V, If<S, Cause> = true>
void describe(S& s, V&& v) {
  auto& [id, name, category, mechanism, evidence_note, sources] = s;
  v(Field("id").id(), id);
  v(Field("name").w(Weight::name), name);
  v(Field("category").w(Weight::tag), category);
  v(Field("mechanism"), mechanism);
  v(Field("evidence_note"), evidence_note);
  v(Field("sources").refs(RefTo::citable).needs_one(), sources);
}

template <class S, class V, If<S, Remedy> = true>
void describe(S& s, V&& v) {
  auto& [id, name, category, use, evidence_level, certainty, evidence, studies, prescription_only,
         caution, sources] = s;
  v(Field("id").id(), id);
  v(Field("name").w(Weight::name), name);
  v(Field("category").w(Weight::tag), category);
  v(Field("use").w(Weight::tag), use);
  v(Field("evidence_level"), evidence_level);
  v(Field("certainty").w(Weight::tag), certainty);
  v(Field("evidence"), evidence);
  v(Field("studies").refs(RefTo::study).opt(), studies);
  v(Field("prescription_only"), prescription_only);
  v(Field("caution"), caution);
  v(Field("sources").refs(RefTo::citable).needs_one(), sources);
}

template <class S, class V, If<S, Symptom> = true>
void describe(S& s, V&& v) {
  auto& [id, name, condition, category, basis, description, threshold, sources] = s;
  v(Field("id").id(), id);
  v(Field("name").w(Weight::name), name);
  v(Field("condition").w(Weight::tag), condition);
  v(Field("category").w(Weight::tag), category);
  v(Field("basis").w(Weight::tag), basis);
  v(Field("description"), description);
  v(Field("threshold"), threshold);
  v(Field("sources").refs(RefTo::citable).needs_one(), sources);
}

template <class S, class V, If<S, Interaction> = true>
void describe(S& s, V&& v) {
  auto& [id, drug_class, examples, category, effect, advice, sources] = s;
  v(Field("id").id(), id);
  v(Field("drug_class").w(Weight::name), drug_class);
  v(Field("examples").w(Weight::name).opt(), examples);
  v(Field("category").w(Weight::tag), category);
  v(Field("effect"), effect);
  v(Field("advice"), advice);
  v(Field("sources").refs(RefTo::citable).needs_one(), sources);
}

template <class S, class V, If<S, Medicine> = true>
void describe(S& s, V&& v) {
  auto& [id, generic_name, brand_names, drug_class, effect, interaction, mechanism, timing,
         causes_cramps, cramps_evidence, note, sources] = s;
  v(Field("id").id(), id);
  v(Field("generic_name").w(Weight::name), generic_name);
  v(Field("brand_names").w(Weight::name).opt(), brand_names);
  v(Field("drug_class").w(Weight::tag), drug_class);
  v(Field("effect").w(Weight::tag).label_as("Effect on magnesium"), effect);
  v(Field("interaction").refs(RefTo::interaction), interaction);
  v(Field("mechanism"), mechanism);
  v(Field("timing"), timing);
  v(Field("causes_cramps"), causes_cramps);
  v(Field("cramps_evidence"), cramps_evidence);
  v(Field("note"), note);
  v(Field("sources").refs(RefTo::citable).needs_one(), sources);
}

template <class S, class V, If<S, MedicalCondition> = true>
void describe(S& s, V&& v) {
  auto& [id, name, aliases, lowers_magnesium, supervision, evidence, cause, sources] = s;
  v(Field("id").id(), id);
  v(Field("name").w(Weight::name), name);
  v(Field("aliases").w(Weight::name).opt(), aliases);
  v(Field("lowers_magnesium"), lowers_magnesium);
  v(Field("supervision").label_as("Magnesium only under medical supervision"), supervision);
  v(Field("evidence"), evidence);
  v(Field("cause").refs(RefTo::cause), cause);
  v(Field("sources").refs(RefTo::citable).needs_one(), sources);
}

template <class S, class V, If<S, RedFlag> = true>
void describe(S& s, V&& v) {
  auto& [id, sign, why, sources] = s;
  v(Field("id").id(), id);
  v(Field("sign").w(Weight::name), sign);
  v(Field("why"), why);
  v(Field("sources").refs(RefTo::citable).needs_one(), sources);
}

template <class S, class V, If<S, Cue> = true>
void describe(S& s, V&& v) {
  auto& [id, kind, phrases, note, sources] = s;
  v(Field("id").id(), id);
  v(Field("kind").w(Weight::tag), kind);
  v(Field("phrases").needs_one("expected at least one phrase", "a cue is a list of phrases"),
    phrases);
  v(Field("note"), note);
  v(Field("sources").refs(RefTo::citable).opt(), sources);
}

// The dataset file's top level: its version, every table, and the FDA
// Daily Value and atomic masses the foods and forms are checked against.
template <class S, class V, If<S, Dataset> = true>
void describe(S& d, V&& v) {
  v(Field("schema_version").range(0, 1000000), d.schema_version);
  v(Field("description"), d.description);
  v(Field("data_version"), d.data_version);
  v(Field("reviewed").check(kDay), d.reviewed);
  for_each_table(d, [&](auto& records) {
    using R = typename std::remove_reference_t<decltype(records)>::value_type;
    const Field f(name_of(R::table));
    v(info(R::table).may_be_absent ? f.opt() : f, records);
  });
  v(Field("daily_value"), d.daily_value);
  v(Field("atomic_masses"), d.atomic_masses);
}

// Whether `T` has a description (a record or one of the objects in one).
template <class T, class = void>
struct is_described : std::false_type {};
template <class T>
struct is_described<
    T, std::void_t<decltype(describe(std::declval<T&>(), std::declval<void (&)(Field, int)>()))>>
    : std::true_type {};

}  // namespace mgcramp::schema
