// Reports for claims, sources and the context tables.
#include <fmt/format.h>

#include "mgcramp/reports.hpp"
#include "report_util.hpp"

namespace mgcramp {
namespace {

using detail::opt;

template <class T>
void cite_all(std::vector<std::string>& into, const std::vector<const T*>& items) {
  for (const T* it : items) into.insert(into.end(), it->sources.begin(), it->sources.end());
}

template <class T>
auto category_of(const T& t) {
  return t.category;
}

}  // namespace

Report claims_report(const Dataset& ds, const std::vector<const Claim*>& claims) {
  Report r;
  r.title =
      fmt::format("Claims made by the articles, and what the evidence says ({})", claims.size());
  r.vertical = true;
  r.columns = {
      {"id", "Id"},
      {"topic", "Topic"},
      {"text", "Claim"},
      {"stances", "Articles"},
      {"rating", "Verdict"},
      {"summary", "Evidence says"},
      {"evidence", "Evidence"},
  };
  std::vector<std::string> cited;
  for (const Claim* c : claims) {
    r.add_cells(c->id, c->topic, c->text, detail::stances_cell(ds, c->stances), c->verdict.rating,
                c->verdict.summary, c->verdict.evidence);
    cited.insert(cited.end(), c->verdict.evidence.begin(), c->verdict.evidence.end());
  }
  r.note("Verdicts weigh systematic reviews over single trials and trials over opinion.");
  add_source_notes(r, ds, cited);
  return r;
}

Report sources_report(const Dataset& ds) {
  Report r;
  r.title = "Sources, their commercial interest and how the articles' claims fare";
  r.columns = {
      {"id", "Id"},
      {"kind", "Kind", Align::left, false},
      {"title", "Title", Align::left, false},
      {"publisher", "Publisher"},
      {"date", "Date", Align::left, false},
      {"url", "URL", Align::left, false},
      {"commercial_interest", "Sells Mg"},
      {"commercial_note", "Commercial note", Align::left, false},
      {"claims", "Claims", Align::right},
      {"backed", "Backed", Align::right},
      {"contradicted", "Contra", Align::right},
      {"unsettled", "Open", Align::right},
  };
  for (const Source& s : ds.sources) {
    Value claims, backed, contra, open;
    if (s.kind == SourceKind::article) {
      const Scorecard sc = scorecard(ds, s.id);
      claims = sc.claims;
      backed = sc.backed;
      contra = sc.contradicted;
      open = sc.unsettled;
    }
    r.add_cells(s.id, s.kind, s.title, opt(s.publisher), opt(s.date), opt(s.url),
                s.commercial_interest, opt(s.commercial_note), claims, backed, contra, open);
  }
  r.note(
      "Backed: the article's stance agrees with the verdict of the evidence. Contra: it is "
      "at odds with it. Open: a mixed stance, or a mixed or insufficient verdict. Studies "
      "are listed by 'mgcramp trials --design all --all'.");
  return r;
}

Report causes_report(const Dataset& ds, const std::optional<std::string>& category) {
  const auto items =
      filter_by<Cause, CauseCategory>(ds.causes, category, "--category", category_of<Cause>);
  Report r;
  r.title = "Causes and risk factors of muscle cramps";
  r.columns = {{"id", "Id", Align::left, false},
               {"name", "Cause"},
               {"category", "Category"},
               {"mechanism", "Mechanism", Align::left, false},
               {"evidence_note", "How well established"},
               {"sources", "Sources", Align::left, false}};
  for (const Cause* c : items) {
    r.add_cells(c->id, c->name, c->category, c->mechanism, c->evidence_note, c->sources);
  }
  std::vector<std::string> cited;
  cite_all(cited, items);
  add_source_notes(r, ds, cited);
  return r;
}

Report remedies_report(const Dataset& ds, const std::optional<std::string>& category) {
  const auto items =
      filter_by<Remedy, RemedyCategory>(ds.remedies, category, "--category", category_of<Remedy>);
  Report r;
  r.title = "Remedies for cramps other than magnesium";
  r.columns = {{"id", "Id", Align::left, false},
               {"name", "Remedy"},
               {"category", "Category", Align::left, false},
               {"use", "Use"},
               {"evidence_level", "Evidence"},
               {"advised", "Advised"},
               {"evidence", "Summary", Align::left, false},
               {"studies", "Studies", Align::left, false},
               {"caution", "Caution", Align::left, false},
               {"sources", "Sources", Align::left, false}};
  std::vector<std::string> cited;
  for (const Remedy* m : items) {
    r.add_cells(m->id, m->name, m->category, m->use, m->evidence_level, m->advised, m->evidence,
                m->studies, opt(m->caution), m->sources);
    if (!m->advised && m->caution) r.note(m->name + ": " + *m->caution, NoteLevel::warning);
  }
  cite_all(cited, items);
  add_source_notes(r, ds, cited);
  return r;
}

Report symptoms_report(const Dataset& ds, const std::optional<std::string>& condition,
                       const std::optional<std::string>& category) {
  const auto by_condition = filter_by<Symptom, SymptomOf>(
      ds.symptoms, condition, "--condition", [](const Symptom& s) { return s.condition; });
  const auto by_category = filter_by<Symptom, SymptomCategory>(ds.symptoms, category, "--category",
                                                               category_of<Symptom>);
  Report r;
  r.title = "Symptoms of magnesium deficiency and excess";
  r.columns = {{"id", "Id", Align::left, false},
               {"name", "Symptom"},
               {"condition", "Of"},
               {"category", "Category"},
               {"description", "Description", Align::left, false},
               {"sources", "Sources", Align::left, false}};
  std::vector<const Symptom*> items;
  for (const Symptom* s : by_condition) {
    if (std::find(by_category.begin(), by_category.end(), s) != by_category.end()) {
      items.push_back(s);
      r.add_cells(s->id, s->name, s->condition, s->category, s->description, s->sources);
    }
  }
  std::vector<std::string> cited;
  cite_all(cited, items);
  add_source_notes(r, ds, cited);
  return r;
}

Report interactions_report(const Dataset& ds, const std::optional<std::string>& category) {
  const auto items = filter_by<Interaction, InteractionCategory>(
      ds.interactions, category, "--category", category_of<Interaction>);
  Report r;
  r.title = "Medicines that interact with magnesium";
  r.columns = {{"id", "Id", Align::left, false},
               {"drug_class", "Medicines"},
               {"examples", "Examples", Align::left, false},
               {"category", "Category"},
               {"effect", "Effect", Align::left, false},
               {"advice", "Advice"},
               {"sources", "Sources", Align::left, false}};
  for (const Interaction* x : items) {
    r.add_cells(x->id, x->drug_class, x->examples, x->category, x->effect, x->advice, x->sources);
  }
  std::vector<std::string> cited;
  cite_all(cited, items);
  add_source_notes(r, ds, cited);
  return r;
}

}  // namespace mgcramp
