// Reports for claims, sources and the context tables.
#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include "mgcramp/text.hpp"

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

// The query of both claims layouts, for JSON.
void add_claim_query(Report& r, const ClaimQuery& q) {
  auto names = [](const auto& values) {
    Value::List out;
    for (const auto v : values) out.emplace_back(v);
    return out;
  };
  r.query.add("topic", names(q.topics));
  r.query.add("source", q.source);
  r.query.add("rating", names(q.ratings));
  r.query.add("standing", names(q.standings));
}

}  // namespace

Report claims_report(const Dataset& ds, const ClaimQuery& q) {
  const std::vector<const Claim*> claims = find_claims(ds, q);
  Report r;
  add_claim_query(r, q);
  r.title =
      fmt::format("Claims made by the articles, and what the evidence says ({})", claims.size());
  r.vertical = true;
  add_record_columns<Claim>(r);
  detail::add_stance_fields(r);
  // One article's claims (UX16): for people, its stance and standing alone,
  // not every article's; scripts still get every stance.
  const Source* article = q.source ? ds.find_source(*q.source) : nullptr;
  for (const char* key : {"article_stance", "article_standing"}) {
    Column c(key, "", Align::left, false);
    c.machine = false;
    r.columns.push_back(std::move(c));
  }
  r.show("id", "Id");
  if (!article) r.show("topic", "Topic");
  r.show("text", "Claim");
  if (article) {
    r.show("article_stance", "Stance");
    r.show("article_standing", "Standing");
  } else {
    r.show("stances", "Articles");
  }
  r.show("verdict.rating", "Rating");
  if (!article) r.show("verdict.summary", "Evidence says");
  r.show("verdict.evidence", "Evidence");
  const std::size_t stances = r.column("stances");
  std::vector<std::string> cited;
  if (article) cited.push_back(article->id);
  for (const Claim* c : claims) {
    std::vector<Cell> row = r.new_row();
    add_record_cells(row, *c);
    row[stances] = detail::stances_cell(ds, *c);
    const Stance* st = article ? stance_of(*c, article->id) : nullptr;
    if (st) {
      const Standing standing = standing_of(st->stance, c->verdict.rating);
      row.emplace_back(nullptr, detail::stance_text(*st));
      row.emplace_back(nullptr, overstates(st->stance, c->verdict.rating)
                                    ? std::string(name_of(standing)) + ", overstates"
                                    : std::string(name_of(standing)));
    } else {
      row.emplace_back(nullptr);
      row.emplace_back(nullptr);
    }
    r.add_row(std::move(row));
    cited.insert(cited.end(), c->verdict.evidence.begin(), c->verdict.evidence.end());
    if (!article) {
      for (const Stance& s : c->stances) cited.push_back(s.source);
    }
  }
  if (article) {
    r.title =
        fmt::format("Claims {} makes{}, and what the evidence says ({})", article->id,
                    article->commercial_interest ? " (it sells magnesium)" : "", claims.size());
    r.note(
        "What the evidence says of each claim, and every article's stance: mgcramp show "
        "CLAIM-ID, or this query without --source.");
  }
  r.note("Verdicts weigh systematic reviews over single trials and trials over opinion.");
  r.note(standing_legend());
  add_source_notes(r, ds, cited);
  return r;
}

Report claims_table_report(const Dataset& ds, const ClaimQuery& q) {
  const std::vector<const Claim*> claims = find_claims(ds, q);
  Report r;
  add_claim_query(r, q);
  r.title = fmt::format("Claims, each article's stance and the verdict ({})", claims.size());
  r.columns = {{"id", "Claim"}, {"text", "Text"}, {"rating", "Rating"}};
  // One column per article with a stance on a claim shown, in dataset order.
  std::vector<const Source*> articles;
  for (const Source& s : ds.sources) {
    if (s.kind != SourceKind::article) continue;
    const bool has = std::any_of(claims.begin(), claims.end(),
                                 [&](const Claim* c) { return stance_of(*c, s.id) != nullptr; });
    if (!has) continue;
    articles.push_back(&s);
    r.columns.emplace_back(s.id, s.id);
  }
  const bool one = q.source.has_value();
  if (one) r.columns.emplace_back("standing", "Standing");
  r.columns.emplace_back("evidence", "Key evidence");
  std::vector<std::string> cited;
  const std::string source = one ? text::to_lower(text::trim(*q.source)) : std::string();
  for (const Claim* c : claims) {
    std::vector<Cell> row = r.new_row();
    row.emplace_back(Value::ref(c->id));
    row.emplace_back(Value::ref(c->text));
    row.emplace_back(c->verdict.rating);
    for (const Source* a : articles) {
      // Built in place, not from a moved temporary (GCC 12's -Wmaybe-uninitialized).
      if (const Stance* st = stance_of(*c, a->id)) {
        row.emplace_back(st->stance);
      } else {
        row.emplace_back(nullptr);
      }
    }
    if (one) {
      if (const Stance* st = stance_of(*c, source)) {
        row.emplace_back(standing_of(st->stance, c->verdict.rating));
      } else {
        row.emplace_back(nullptr);
      }
    }
    row.emplace_back(Value::ref(c->verdict.evidence));
    r.add_row(std::move(row));
    cited.insert(cited.end(), c->verdict.evidence.begin(), c->verdict.evidence.end());
  }
  r.note("One row per claim; an article's column gives its stance (- where it takes none).");
  for (const Source* a : articles) {
    if (a->commercial_interest) r.note(a->id + ": sells magnesium products.");
  }
  add_source_notes(r, ds, cited);
  return r;
}

std::string standing_legend() {
  return fmt::format(
      "Standing of an article's stance against the verdict: {} (supports a supported claim, or "
      "opposes a not-supported or contradicted one), {} (supports a not-supported or "
      "contradicted claim, or opposes a supported one), {} (any stance on a partly-supported, "
      "mixed or insufficient claim, or a mixed stance). Overstates: supports a claim whose "
      "evidence is insufficient or mixed.",
      name_of(Standing::agrees), name_of(Standing::at_odds), name_of(Standing::unsettled));
}

Report sources_report(const Dataset& ds) {
  Report r;
  r.title = "Sources, their commercial interest and how the articles' claims fare";
  add_record_columns<Source>(r);
  const auto& kCounts = detail::kScorecardKeys;
  Column card("scorecard", "", Align::left, false);
  card.fields.assign(std::begin(kCounts), std::end(kCounts));
  r.columns.push_back(std::move(card));
  // The scorecard's counts as columns of their own, for people.
  for (const char* key : kCounts) {
    Column c(key, "", Align::right, false);
    c.machine = false;
    r.columns.push_back(std::move(c));
  }
  r.show("id", "Id");
  r.show("commercial_interest", "Sells Mg");
  r.show("claims", "Claims");
  r.show("agrees", "Agrees");
  r.show("at_odds", "At odds");
  r.show("unsettled", "Unsettled");
  r.show("overstates", "Overstates");
  for (const Source& s : ds.sources) {
    std::vector<Cell> row = r.new_row();
    add_record_cells(row, s);
    if (s.kind == SourceKind::article) {
      const Scorecard sc = scorecard(ds, s.id);
      row.emplace_back(detail::scorecard_value(sc));
      for (std::size_t n : {sc.claims, sc.agrees, sc.at_odds, sc.unsettled, sc.overstates})
        row.emplace_back(n);
    } else {
      for (std::size_t i = 0; i <= std::size(kCounts); ++i) row.emplace_back(nullptr);
    }
    r.add_row(std::move(row));
  }
  r.note(standing_legend());
  r.note("Claims = agrees + at odds + unsettled; overstated claims are among the unsettled.");
  return r;
}

Report article_report(const Dataset& ds, const Source& article) {
  ClaimQuery q;
  q.source = article.id;
  const std::vector<const Claim*> claims = find_claims(ds, q);
  const Scorecard sc = scorecard(ds, article.id);
  Report r;
  r.query.add("id", Value::ref(article.id));
  r.title = fmt::format(
      "{}: {}{}. {} claims: {} agree with the evidence, {} at odds, {} unsettled ({} "
      "overstated)",
      article.id, article.title, article.commercial_interest ? " (sells magnesium)" : "", sc.claims,
      sc.agrees, sc.at_odds, sc.unsettled, sc.overstates);
  r.summary = detail::scorecard_value(sc);
  // One short record per claim: the claims' ids and texts are too long for a grid.
  r.vertical = true;
  r.columns = {{"claim", "Claim"},          {"text", "Text"},     {"stance", "Stance"},
               {"locator", "Where"},        {"rating", "Rating"}, {"standing", "Standing"},
               {"overstates", "Overstates"}};
  std::vector<std::string> cited{article.id};
  for (const Claim* c : claims) {
    const Stance* st = stance_of(*c, article.id);
    const Rating rating = c->verdict.rating;
    const bool over = overstates(st->stance, rating);
    r.add_cells(Value::ref(c->id), Value::ref(c->text), st->stance, Value::ref(st->locator), rating,
                standing_of(st->stance, rating), over);
    cited.insert(cited.end(), c->verdict.evidence.begin(), c->verdict.evidence.end());
  }
  r.note(standing_legend());
  add_source_notes(r, ds, cited);
  return r;
}

namespace {

// A context table (causes, remedies, symptoms, interactions): its records,
// the columns people see with their titles, and the sources they cite (after
// `cited`, those of what leads the table).
template <class T>
Report context_report(const Dataset& ds, std::string title, const std::vector<const T*>& items,
                      std::initializer_list<std::pair<const char*, const char*>> shown,
                      std::vector<std::string> cited = {}) {
  Report r;
  r.title = std::move(title);
  add_record_columns<T>(r);
  for (const auto& [key, heading] : shown) r.show(key, heading);
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
  Report r = context_report(ds, "Remedies for cramps other than magnesium", items,
                            {{"name", "Remedy"},
                             {"use", "Use"},
                             {"evidence_level", "Evidence level"},
                             {"certainty", "Certainty"},
                             {"evidence", "Evidence"},
                             {"prescription_only", "Prescription only"},
                             {"caution", "Caution"}});
  r.query.add("category", category);
  // One record each, so that every remedy's evidence and caution show in full.
  r.vertical = true;
  const std::size_t rx = r.column("prescription_only");
  for (auto& row : r.rows) {
    const bool only = row[rx].value.as_bool();
    row[rx].text = only ? "yes: a clinician's option" : "no";
  }
  r.note(
      "Listed in the dataset's order, not ranked. Certainty is the GRADE certainty a "
      "systematic review gave the evidence (not-graded: no review graded it). For comparison, "
      "magnesium for idiopathic night cramps: Cochrane 2020 finds little or no effect, with "
      "moderate to high certainty (the claims on efficacy for night cramps).");
  r.note(
      "Prescription only: a clinician's option, weighed by the prescriber against its risks; "
      "this list shows evidence, not advice.");
  return r;
}

Report symptoms_report(const Dataset& ds, std::optional<SymptomOf> kind,
                       std::optional<SymptomCategory> category) {
  const auto by_condition = filter(ds.symptoms, kind, [](const Symptom& s) { return s.condition; });
  const auto by_category = filter(ds.symptoms, category, category_of<Symptom>);
  std::vector<const Symptom*> items;
  for (const Symptom* s : by_condition) {
    if (std::find(by_category.begin(), by_category.end(), s) != by_category.end()) {
      items.push_back(s);
    }
  }
  Report r = context_report(
      ds, "Symptoms of magnesium deficiency and excess", items,
      {{"name", "Symptom"}, {"condition", "Of"}, {"basis", "Basis"}, {"threshold", "Threshold"}});
  r.note(
      "Basis: reference, listed by a reference source (NIH ODS); article-only, named only by "
      "articles (several of them sell magnesium) and not in the reference list.");
  r.note("Threshold: the level at which the sources place the sign, where they give one.");
  r.query.add("kind", kind);
  r.query.add("category", category);
  return r;
}

Report interactions_report(const Dataset& ds, std::optional<InteractionCategory> category,
                           const MedicineLookup* medicine) {
  auto items = filter(ds.interactions, category, category_of<Interaction>);
  if (medicine) {
    const auto& named = medicine->interactions;
    items.erase(std::remove_if(items.begin(), items.end(),
                               [&](const Interaction* i) {
                                 return std::find(named.begin(), named.end(), i) == named.end();
                               }),
                items.end());
  }
  const Medicine* m = medicine ? medicine->medicine : nullptr;
  Report r = context_report(
      ds,
      medicine ? (m ? m->generic_name : text::sanitize(medicine->name)) + " and magnesium"
               : "Medicines that interact with magnesium",
      items,
      {{"drug_class", "Medicines"},
       {"examples", "Examples"},
       {"category", "Category"},
       {"advice", "Advice"}},
      m ? m->sources : std::vector<std::string>{});
  r.query.add("category", category);
  if (medicine) {
    r.query.add("medicine", medicine->name);
    r.summary =
        Value::Object{{"medicine", m ? record_value(*m) : Value()}, {"interactions", items.size()}};
    if (m) {
      r.lead_note(detail::medicine_text(ds, *m, false));  // the table gives the advice
    } else {
      r.lead_note(text::sanitize(medicine->name) +
                  " has no record of its own in the medicines table; the interaction records "
                  "below name it among their examples.");
    }
    if (items.empty()) {
      const std::string text =
          "No interaction record for this medicine in this dataset" +
          std::string(category ? " in that category" : "") +
          ": absence from this dataset is not evidence of no interaction; ask a pharmacist.";
      r.note(text);
      r.notices.push_back({"absence-not-evidence", NoticeLevel::caution, text});
    }
  }
  return r;
}

}  // namespace mgcramp
