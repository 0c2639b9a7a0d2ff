#pragma once
// Internal: every record's fields, listed once per table. `visit_record`
// calls `f(key, value)` for each field in dataset order; `show` turns the
// values into cells, `search` reads their text and `referenced_by` follows
// the references (values wrapped in Refs or OptRef).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "mgcramp/model.hpp"
#include "mgcramp/records.hpp"

namespace mgcramp::detail {

// What a reference may point at.
enum class RefKind {
  citable,  // a source or a study (they share one id space)
  article,  // a source of kind "article"
  study,
  form,
  notice
};

struct Refs {
  const std::vector<std::string>& ids;
  RefKind kind;
};

// An optional enumerated value by its name (static storage).
template <class E>
std::optional<std::string_view> opt_name(const std::optional<E>& e) {
  if (!e) return std::nullopt;
  return name_of(*e);
}

struct OptRef {
  const std::optional<std::string>& id;
  RefKind kind;
};

template <class F>
void visit_fields(const Source& s, F&& f) {
  f("id", s.id);
  f("kind", name_of(s.kind));
  f("title", s.title);
  f("publisher", s.publisher);
  f("authors", s.authors);
  f("date", s.date);
  f("url", s.url);
  f("commercial_interest", s.commercial_interest);
  f("commercial_note", s.commercial_note);
  f("notes", s.notes);
}

template <class F>
void visit_fields(const Notice& n, F&& f) {
  f("id", n.id);
  f("level", name_of(n.level));
  f("text", n.text);
  f("sources", Refs{n.sources, RefKind::citable});
}

template <class F>
void visit_fields(const Intake& in, F&& f) {
  f("id", in.id);
  f("life_stage", in.life_stage);
  f("age_from_months", in.age_from_months);
  f("age_to_months", in.age_to_months);
  f("sex", name_of(in.sex));
  f("condition", name_of(in.condition));
  f("kind", name_of(in.kind));
  f("rda_mg", in.rda_mg);
  f("ear_mg", in.ear_mg);
  f("ul_supplemental_mg", in.ul_supplemental_mg);
  f("notices", Refs{in.notices, RefKind::notice});
  f("sources", Refs{in.sources, RefKind::citable});
}

template <class F>
void visit_fields(const Food& x, F&& f) {
  f("id", x.id);
  f("name", x.name);
  f("aliases", x.aliases);
  f("category", name_of(x.category));
  f("serving", x.serving);
  f("grams", x.grams);
  f("mg_per_serving", x.mg_per_serving);
  f("kcal_per_serving", x.kcal_per_serving);
  f("usda_ndb", x.usda_ndb);
  f("usda_description", x.usda_description);
  f("usda_mg_per_100g", x.usda_mg_per_100g);
  f("usda_kcal_per_100g", x.usda_kcal_per_100g);
  f("nih_mg_per_serving", x.nih_mg_per_serving);
  f("mentioned_by", Refs{x.mentioned_by, RefKind::article});
  f("note", x.note);
  f("sources", Refs{x.sources, RefKind::citable});
}

template <class F>
void visit_fields(const Form& x, F&& f) {
  f("id", x.id);
  f("name", x.name);
  f("aliases", x.aliases);
  f("formula", x.formula);
  f("hydrate_water", x.hydrate_water);
  f("elemental_pct", x.elemental_pct);
  f("typical_products_note", x.typical_products_note);
  f("absorption_summary", x.absorption.summary);
  f("absorption_relative", name_of(x.absorption.relative));
  f("absorption_studies", Refs{x.absorption.studies, RefKind::study});
  f("gi_tolerance", x.gi_tolerance);
  f("laxative", name_of(x.laxative));
  f("cramp_evidence", x.cramp_evidence);
  f("cramp_studies", Refs{x.cramp_studies, RefKind::study});
  f("article_views", x.article_views);
  f("sources", Refs{x.sources, RefKind::citable});
}

template <class F>
void visit_fields(const Study& s, F&& f) {
  f("id", s.id);
  f("first_author", s.first_author);
  f("authors", s.authors);
  f("year", s.year);
  f("title", s.title);
  f("journal", s.journal);
  f("volume", s.volume);
  f("issue", s.issue);
  f("pages", s.pages);
  f("pmid", s.pmid);
  f("doi", s.doi);
  f("design", name_of(s.design));
  f("population", name_of(s.population));
  f("country", s.country);
  f("n_randomized", s.n_randomized);
  f("n_analysed", s.n_analysed);
  f("n_trials", s.n_trials);
  f("form", OptRef{s.intervention.form, RefKind::form});
  f("compound_mg_per_day", s.intervention.compound_mg_per_day);
  f("elemental_mg_per_day", s.intervention.elemental_mg_per_day);
  f("route", opt_name(s.intervention.route));
  f("intervention", s.intervention.description);
  f("comparator", s.comparator);
  f("duration_days", s.duration_days);
  f("primary_outcome", s.primary_outcome);
  f("result_summary", s.result.summary);
  f("effect", s.result.effect);
  f("conclusion", opt_name(s.conclusion));
  f("funding", s.funding);
  f("cited_by", Refs{s.cited_by, RefKind::article});
  f("discrepancies", s.discrepancies);
  f("notes", s.notes);
  f("sources", Refs{s.sources, RefKind::citable});
}

template <class F>
void visit_fields(const Claim& c, F&& f) {
  f("id", c.id);
  f("topic", name_of(c.topic));
  f("text", c.text);
  f("stances", c.stances);
  f("rating", name_of(c.verdict.rating));
  f("verdict", c.verdict.summary);
  f("evidence", Refs{c.verdict.evidence, RefKind::citable});
}

template <class F>
void visit_fields(const Cause& c, F&& f) {
  f("id", c.id);
  f("name", c.name);
  f("category", name_of(c.category));
  f("mechanism", c.mechanism);
  f("evidence_note", c.evidence_note);
  f("sources", Refs{c.sources, RefKind::citable});
}

template <class F>
void visit_fields(const Remedy& r, F&& f) {
  f("id", r.id);
  f("name", r.name);
  f("category", name_of(r.category));
  f("use", name_of(r.use));
  f("evidence_level", name_of(r.evidence_level));
  f("evidence", r.evidence);
  f("studies", Refs{r.studies, RefKind::study});
  f("advised", r.advised);
  f("caution", r.caution);
  f("sources", Refs{r.sources, RefKind::citable});
}

template <class F>
void visit_fields(const Symptom& s, F&& f) {
  f("id", s.id);
  f("name", s.name);
  f("condition", name_of(s.condition));
  f("category", name_of(s.category));
  f("description", s.description);
  f("sources", Refs{s.sources, RefKind::citable});
}

template <class F>
void visit_fields(const Interaction& x, F&& f) {
  f("id", x.id);
  f("drug_class", x.drug_class);
  f("examples", x.examples);
  f("category", name_of(x.category));
  f("effect", x.effect);
  f("advice", x.advice);
  f("sources", Refs{x.sources, RefKind::citable});
}

// Calls `f(record)` with the record `r` refers to, whatever its type.
template <class F>
decltype(auto) with_record(const Dataset& ds, RecordRef r, F&& f) {
  switch (r.table) {
    case Table::sources: return f(ds.sources.at(r.index));
    case Table::notices: return f(ds.notices.at(r.index));
    case Table::intakes: return f(ds.intakes.at(r.index));
    case Table::foods: return f(ds.foods.at(r.index));
    case Table::forms: return f(ds.forms.at(r.index));
    case Table::studies: return f(ds.studies.at(r.index));
    case Table::claims: return f(ds.claims.at(r.index));
    case Table::causes: return f(ds.causes.at(r.index));
    case Table::remedies: return f(ds.remedies.at(r.index));
    case Table::symptoms: return f(ds.symptoms.at(r.index));
    case Table::interactions: break;
  }
  return f(ds.interactions.at(r.index));
}

// Calls visit_fields on the record `r` refers to.
template <class F>
void visit_record(const Dataset& ds, RecordRef r, F&& f) {
  with_record(ds, r, [&](const auto& rec) { visit_fields(rec, f); });
}

// Number of records in a table.
std::size_t table_size(const Dataset& ds, Table t);

// Calls `f(RecordRef)` for every record, table by table in dataset order.
template <class F>
void for_each_record(const Dataset& ds, F&& f) {
  for (Table t : all_tables()) {
    const std::size_t n = table_size(ds, t);
    for (std::size_t i = 0; i < n; ++i) f(RecordRef{t, i});
  }
}

// The text a value holds, piece by piece: strings, ids, list items, a
// stance's article and section. Every piece lives as long as the dataset.
// Numbers and flags hold none.
template <class G>
void for_each_text(std::string_view v, G&& g) {
  g(v);
}
template <class G>
void for_each_text(const std::string& v, G&& g) {
  g(std::string_view(v));
}
template <class G>
void for_each_text(const std::optional<std::string>& v, G&& g) {
  if (v) g(std::string_view(*v));
}
template <class G>
void for_each_text(const std::optional<std::string_view>& v, G&& g) {
  if (v) g(*v);
}
template <class G>
void for_each_text(const std::vector<std::string>& v, G&& g) {
  for (const auto& s : v) g(std::string_view(s));
}
template <class G>
void for_each_text(const Refs& r, G&& g) {
  for_each_text(r.ids, g);
}
template <class G>
void for_each_text(const OptRef& r, G&& g) {
  for_each_text(r.id, g);
}
template <class G>
void for_each_text(const std::optional<Effect>& e, G&& g) {
  if (e) g(std::string_view(e->measure));
}
template <class G>
void for_each_text(const std::vector<Stance>& v, G&& g) {
  for (const auto& s : v) {
    g(std::string_view(s.source));
    g(std::string_view(s.locator));
  }
}
template <class G>
void for_each_text(const std::vector<Discrepancy>& v, G&& g) {
  for (const auto& d : v) {
    g(std::string_view(d.source));
    g(std::string_view(d.note));
  }
}
template <class G>
void for_each_text(const std::vector<ArticleView>& v, G&& g) {
  for (const auto& a : v) {
    g(std::string_view(a.source));
    g(std::string_view(a.note));
  }
}
template <class T, class G>
void for_each_text(const T&, G&&) {}  // numbers and flags

// The references a value holds: `g(id, kind)`.
template <class G>
void for_each_ref(const Refs& r, G&& g) {
  for (const auto& id : r.ids) g(id, r.kind);
}
template <class G>
void for_each_ref(const OptRef& r, G&& g) {
  if (r.id) g(*r.id, r.kind);
}
template <class T, class G>
void for_each_ref(const std::vector<T>& v, G&& g) {
  if constexpr (std::is_same_v<T, Stance> || std::is_same_v<T, Discrepancy> ||
                std::is_same_v<T, ArticleView>) {
    for (const auto& x : v) g(x.source, RefKind::article);
  }
}
template <class T, class G>
void for_each_ref(const T&, G&&) {}

}  // namespace mgcramp::detail
