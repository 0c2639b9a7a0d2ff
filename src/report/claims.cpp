// Reports for claims, sources and the context tables.
#include <fmt/format.h>

#include "mgcramp/report/builders.hpp"
#include "util.hpp"

namespace mgcramp {
namespace {

using detail::opt;

template <class T>
void cite_all(std::vector<std::string>& into, const std::vector<const T*>& items) {
  for (const T* it : items) into.insert(into.end(), it->sources.begin(), it->sources.end());
}

// The records whose `key` is `want`, or all of them.
template <class T, class E, class Key>
std::vector<const T*> filter(const std::vector<T>& items, const std::optional<E>& want, Key key) {
  std::vector<const T*> out;
  for (const T& it : items) {
    if (!want || key(it) == *want) out.push_back(&it);
  }
  return out;
}

template <class T>
auto category_of(const T& t) {
  return t.category;
}

}  // namespace

Report claims_report(const Dataset& ds, const ClaimQuery& q) {
  const std::vector<const Claim*> claims = find_claims(ds, q);
  Report r;
  r.query.add("topic", q.topic);
  r.query.add("source", q.source);
  r.query.add("rating", q.rating);
  r.title =
      fmt::format("Claims made by the articles, and what the evidence says ({})", claims.size());
  r.vertical = true;
  add_record_columns<Claim>(r);
  r.show("id", "Id");
  r.show("topic", "Topic");
  r.show("text", "Claim");
  r.show("stances", "Articles");
  r.show("verdict.rating", "Rating");
  r.show("verdict.summary", "Evidence says");
  r.show("verdict.evidence", "Evidence");
  const std::size_t stances = r.column("stances");
  std::vector<std::string> cited;
  for (const Claim* c : claims) {
    std::vector<Cell> row = r.new_row();
    add_record_cells(row, *c);
    row[stances] = detail::stances_cell(ds, c->stances);
    r.add_row(std::move(row));
    cited.insert(cited.end(), c->verdict.evidence.begin(), c->verdict.evidence.end());
    for (const Stance& st : c->stances) cited.push_back(st.source);
  }
  r.note("Verdicts weigh systematic reviews over single trials and trials over opinion.");
  add_source_notes(r, ds, cited);
  return r;
}

Report sources_report(const Dataset& ds) {
  Report r;
  r.title = "Sources, their commercial interest and how the articles' claims fare";
  add_record_columns<Source>(r);
  Column card("scorecard", "", Align::left, false);
  card.fields = {"claims", "backed", "contradicted", "unsettled"};
  r.columns.push_back(std::move(card));
  // The scorecard's counts as columns of their own, for people.
  for (const char* key : {"claims", "backed", "contradicted", "unsettled"}) {
    Column c(key, "", Align::right, false);
    c.machine = false;
    r.columns.push_back(std::move(c));
  }
  r.show("id", "Id");
  r.show("publisher", "Publisher");
  r.show("commercial_interest", "Sells Mg");
  r.show("claims", "Claims");
  r.show("backed", "Backed");
  r.show("contradicted", "Contra");
  r.show("unsettled", "Open");
  for (const Source& s : ds.sources) {
    std::vector<Cell> row = r.new_row();
    add_record_cells(row, s);
    if (s.kind == SourceKind::article) {
      const Scorecard sc = scorecard(ds, s.id);
      row.emplace_back(Value::Object{{"claims", sc.claims},
                                     {"backed", sc.backed},
                                     {"contradicted", sc.contradicted},
                                     {"unsettled", sc.unsettled}});
      for (std::size_t n : {sc.claims, sc.backed, sc.contradicted, sc.unsettled})
        row.emplace_back(n);
    } else {
      for (int i = 0; i < 5; ++i) row.emplace_back(nullptr);
    }
    r.add_row(std::move(row));
  }
  r.note(
      "Backed: the article's stance agrees with the verdict of the evidence. Contra: it is "
      "at odds with it. Open: a mixed stance, or a mixed or insufficient verdict.");
  return r;
}

namespace {

// A context table (causes, remedies, symptoms, interactions): its records,
// the columns people see with their titles, and the sources they cite.
template <class T>
Report context_report(const Dataset& ds, std::string title, const std::vector<const T*>& items,
                      std::initializer_list<std::pair<const char*, const char*>> shown) {
  Report r;
  r.title = std::move(title);
  add_record_columns<T>(r);
  for (const auto& [key, heading] : shown) r.show(key, heading);
  std::vector<std::string> cited;
  for (const T* it : items) {
    std::vector<Cell> row = r.new_row();
    add_record_cells(row, *it);
    r.add_row(std::move(row));
    cited.insert(cited.end(), it->sources.begin(), it->sources.end());
  }
  add_source_notes(r, ds, cited);
  return r;
}

}  // namespace

Report causes_report(const Dataset& ds, std::optional<CauseCategory> category) {
  const auto items = filter(ds.causes, category, category_of<Cause>);
  Report r = context_report(
      ds, "Causes and risk factors of muscle cramps", items,
      {{"name", "Cause"}, {"category", "Category"}, {"evidence_note", "How well established"}});
  r.query.add("category", category);
  return r;
}

Report remedies_report(const Dataset& ds, std::optional<RemedyCategory> category) {
  const auto items = filter(ds.remedies, category, category_of<Remedy>);
  Report r = context_report(
      ds, "Remedies for cramps other than magnesium", items,
      {{"name", "Remedy"}, {"use", "Use"}, {"evidence_level", "Evidence"}, {"advised", "Advised"}});
  r.query.add("category", category);
  // The cautions of remedies not advised, before the sources.
  std::vector<Note> sources(r.notes.begin(), r.notes.end());
  r.notes.clear();
  for (const Remedy* m : items) {
    if (!m->advised && m->caution) r.note(m->name + ": " + *m->caution, NoteLevel::warning);
  }
  r.notes.insert(r.notes.end(), sources.begin(), sources.end());
  return r;
}

Report symptoms_report(const Dataset& ds, std::optional<SymptomOf> condition,
                       std::optional<SymptomCategory> category) {
  const auto by_condition =
      filter(ds.symptoms, condition, [](const Symptom& s) { return s.condition; });
  const auto by_category = filter(ds.symptoms, category, category_of<Symptom>);
  std::vector<const Symptom*> items;
  for (const Symptom* s : by_condition) {
    if (std::find(by_category.begin(), by_category.end(), s) != by_category.end()) {
      items.push_back(s);
    }
  }
  Report r = context_report(ds, "Symptoms of magnesium deficiency and excess", items,
                            {{"name", "Symptom"}, {"condition", "Of"}, {"category", "Category"}});
  r.query.add("condition", condition);
  r.query.add("category", category);
  return r;
}

Report interactions_report(const Dataset& ds, std::optional<InteractionCategory> category) {
  const auto items = filter(ds.interactions, category, category_of<Interaction>);
  Report r =
      context_report(ds, "Medicines that interact with magnesium", items,
                     {{"drug_class", "Medicines"}, {"category", "Category"}, {"advice", "Advice"}});
  r.query.add("category", category);
  return r;
}

}  // namespace mgcramp
