// Reports for any record: show, search and cite.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "mgcramp/render/citations.hpp"
#include "mgcramp/report/builders.hpp"
#include "mgcramp/text.hpp"
#include "util.hpp"

namespace mgcramp {
namespace {

using detail::opt;
using schema::Field;

// A field's value as a cell: its value, and text for people where the plain
// text of the value would not read well.
Cell to_cell(const Dataset&, const std::vector<Outcome>& v) {
  std::string text;
  for (const Outcome& o : v) {
    if (!text.empty()) text += "; ";
    text += detail::outcome_text(o);
  }
  return {detail::field_value(v), text};
}
Cell to_cell(const Dataset&, const std::vector<StudyArm>& v) {
  std::string text;
  for (const StudyArm& a : v) {
    text += fmt::format("{}{} {}", text.empty() ? "" : ", ", a.group, a.n_randomized);
  }
  return {detail::field_value(v), text};
}
Cell to_cell(const Dataset&, const std::vector<Discrepancy>& v) {
  std::string text;
  for (const auto& d : v) {
    text += fmt::format("{}{}: {}", text.empty() ? "" : "; ", d.source, d.note);
  }
  return {detail::field_value(v), text};
}
Cell to_cell(const Dataset&, const std::vector<ArticleView>& v) {
  std::string text;
  for (const auto& a : v) {
    text += fmt::format("{}{} {}: {}", text.empty() ? "" : "; ", a.source, name_of(a.view), a.note);
  }
  return {detail::field_value(v), text};
}
template <class T>
Cell to_cell(const Dataset&, const T& v) {
  return detail::field_value(v);
}

// The cells of a record, with text for people where the plain text of the
// value would not read well.
template <class R>
void add_fields(std::vector<Cell>& row, const Dataset& ds, const R& record) {
  schema::describe(record, [&](const Field&, const auto& v) {
    using T = std::decay_t<decltype(v)>;
    if constexpr (schema::is_described<T>::value) {
      add_fields(row, ds, v);
    } else {
      row.push_back(to_cell(ds, v));
    }
  });
}

// A claim's cells: its stances carry their standing against its verdict.
void add_fields(std::vector<Cell>& row, const Dataset& ds, const Claim& claim) {
  const std::size_t first = row.size();
  add_fields<Claim>(row, ds, claim);
  std::size_t i = 0, at = 0;
  schema::describe(claim, [&](const Field& f, const auto&) {
    if (f.key == "stances") at = i;
    ++i;
  });
  row[first + at] = detail::stances_cell(ds, claim);
}

// The records that refer to one, for people: grouped by table, counted,
// their ids in one wrapped line per table (UX18), each table with the
// fields that hold the references.
// `listed`: a table whose records the lead already lists (an article's claims).
void add_referenced_by_notes(Report& r, const Dataset& ds, const std::vector<Link>& links,
                             std::optional<Table> listed) {
  if (links.empty()) {
    r.note("Nothing else in the dataset refers to it.");
    return;
  }
  struct Group {
    Table table;
    std::vector<std::string> fields;
    std::vector<std::string> ids;
  };
  std::vector<Group> groups;
  for (const Link& l : links) {
    auto g = std::find_if(groups.begin(), groups.end(),
                          [&](const Group& x) { return x.table == l.record.table; });
    if (g == groups.end()) g = groups.insert(groups.end(), Group{l.record.table, {}, {}});
    if (std::find(g->fields.begin(), g->fields.end(), l.field) == g->fields.end()) {
      g->fields.push_back(l.field);
    }
    std::string id(record_id(ds, l.record));
    if (std::find(g->ids.begin(), g->ids.end(), id) == g->ids.end()) g->ids.push_back(id);
  }
  std::size_t records = 0;
  for (const Group& g : groups) records += g.ids.size();
  r.note(fmt::format("Referenced by {} {}:", records, records == 1 ? "record" : "records"));
  for (const Group& g : groups) {
    r.note(fmt::format("{} {} ({}){}", g.ids.size(),
                       g.ids.size() == 1 ? table_singular(g.table) : table_name(g.table),
                       text::join_comma(g.fields),
                       g.table == listed ? ", listed above" : ": " + text::join_comma(g.ids)),
           NoteLevel::info, 2);
  }
}

// An article shown in full leads with its scorecard and its claims, each
// with its stance and standing (UX18); scripts get the scorecard as a field.
void add_article_lead(Report& r, std::vector<Cell>& row, const Dataset& ds, const Source& article) {
  const Scorecard sc = scorecard(ds, article.id);
  r.columns.push_back({"scorecard", "Scorecard", Align::left, false});
  r.columns.back().fields.assign(std::begin(detail::kScorecardKeys),
                                 std::end(detail::kScorecardKeys));
  row.emplace_back(detail::scorecard_value(sc));
  r.lead_note(fmt::format(
      "{}{}: {} {}: {} agree with the evidence, {} at odds, {} unsettled "
      "({} overstated).",
      article.title, article.commercial_interest ? " (sells magnesium)" : "", sc.claims,
      sc.claims == 1 ? "claim" : "claims", sc.agrees, sc.at_odds, sc.unsettled, sc.overstates));
  ClaimQuery q;
  q.source = article.id;
  for (const Claim* c : find_claims(ds, q)) {
    const Stance* st = stance_of(*c, article.id);
    const Rating rating = c->verdict.rating;
    r.lead_note(fmt::format("{}: {}, {}{}", c->id, name_of(st->stance),
                            name_of(standing_of(st->stance, rating)),
                            overstates(st->stance, rating) ? ", overstates" : ""),
                NoteLevel::info, 2);
  }
  r.lead_note(
      fmt::format("Each claim with the passage and the verdict: mgcramp sources {}.", article.id));
}

}  // namespace

Report show_report(const Dataset& ds, RecordRef ref) {
  Report r;
  std::string kind(table_singular(ref.table));
  kind[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(kind[0])));
  r.title = fmt::format("{} {}", kind, record_id(ds, ref));
  r.vertical = true;
  r.single_object = true;
  r.query.add("id", Value::ref(record_id(ds, ref)));
  r.query.add("table", ref.table);
  r.columns.push_back({"table", "Table", Align::left, false});
  std::vector<Cell> row{table_name(ref.table)};
  with_record(ds, ref, [&](const auto& rec) {
    add_record_columns<std::decay_t<decltype(rec)>>(r);
    add_fields(row, ds, rec);
  });
  if (ref.table == Table::claims) detail::add_stance_fields(r);
  for (std::size_t c = 1; c < r.columns.size(); ++c) r.columns[c].human = true;
  const std::vector<Link> links = referenced_by(ds, ref);
  Value::List by;
  for (const Link& l : links) {
    Value::Object o;
    o.emplace_back("table", table_name(l.record.table));
    o.emplace_back("id", Value::ref(record_id(ds, l.record)));
    o.emplace_back("field", l.field);
    by.emplace_back(std::move(o));
  }
  r.columns.push_back({"referenced_by", "Referenced by", Align::left, false});
  r.columns.back().fields = {"table", "id", "field"};
  row.emplace_back(std::move(by));

  std::vector<std::string> cited = cited_ids(ds, ref);
  std::optional<Table> listed;
  if (ref.table == Table::sources && ds.sources[ref.index].kind == SourceKind::article) {
    add_article_lead(r, row, ds, ds.sources[ref.index]);
    listed = Table::claims;
  }
  r.add_row(std::move(row));
  if (ref.table == Table::intakes) add_notices(r, ds, ds.intakes[ref.index].notices, cited);
  add_referenced_by_notes(r, ds, links, listed);
  add_source_notes(r, ds, cited);
  return r;
}

Report search_report(const Dataset& ds, const SearchQuery& q) {
  const SearchResult res = search(ds, q);
  Report r;
  r.title =
      fmt::format("Search \"{}\": {} {}", q.text, res.total, res.total == 1 ? "match" : "matches");
  r.query.add("text", q.text);
  r.query.add("table", q.table);
  r.query.add("limit", q.limit);
  Value::List dropped;
  for (const auto& w : res.dropped) dropped.push_back(w);
  r.summary = Value::Object{{"matches", res.total},
                            {"shown", res.hits.size()},
                            {"partial", res.partial},
                            {"ignored_words", std::move(dropped)}};
  r.columns = {{"rank", "#", Align::right, false},
               {"table", "Table", Align::left, false},
               {"id", "Id"},
               {"label", "Name", Align::left, false},
               {"field", "Field", Align::left, false},
               {"snippet", "Match"},
               {"score", "Score", Align::right, false}};
  std::size_t rank = 0;
  for (const SearchHit& h : res.hits) {
    // A match on the id would repeat the Id column: people see the record's
    // name instead (UX2).
    const std::string label = record_label(ds, h.record);
    const std::string shown =
        h.field == "id"
            ? fmt::format("{}: {}", table_singular(h.record.table), text::shorten_words(label, 60))
            : fmt::format("{}, {}: {}", table_singular(h.record.table), h.field, h.snippet);
    r.add_cells(++rank, table_name(h.record.table), record_id(ds, h.record), label, h.field,
                Cell{h.snippet, shown}, h.score);
  }
  if (res.hits.size() < res.total) {
    r.note(fmt::format("Showing the best {} of {}.", res.hits.size(), res.total));
  }
  if (res.partial) {
    r.note(
        fmt::format("No record holds every word of \"{}\"; these hold some of them, most "
                    "first. Fewer words find more.",
                    text::sanitize(fmt::format("{}", fmt::join(res.words, " ")))));
  }
  if (!res.dropped.empty()) {
    r.note(fmt::format("Common words left out: {}.",
                       text::sanitize(fmt::format("{}", fmt::join(res.dropped, ", ")))));
  }
  if (!res.hits.empty()) r.note("'mgcramp show ID' shows a record in full, with its sources.");
  if (res.total == 0 &&
      (!q.table || *q.table == Table::medicines || *q.table == Table::interactions)) {
    r.notice("absence-not-evidence", NoticeLevel::info,
             "Not in this dataset. If this is a medicine: absence from this dataset is not "
             "evidence of no interaction with magnesium; ask a pharmacist.");
  }
  return r;
}

Report citations_report(const std::vector<Citable>& items) {
  Report r;
  r.title = "References";
  r.columns = {{"id", "Id"},
               {"type", "Type", Align::left, false},
               {"reference", "Reference"},
               {"author_names", "Authors", Align::left, false},
               {"title", "Title", Align::left, false},
               {"journal", "Journal", Align::left, false},
               {"publisher", "Publisher", Align::left, false},
               {"year", "Year", Align::right, false},
               {"volume", "Volume", Align::left, false},
               {"issue", "Issue", Align::left, false},
               {"pages", "Pages", Align::left, false},
               {"pmid", "PMID", Align::left, false},
               {"doi", "DOI", Align::left, false},
               {"url", "URL", Align::left, false},
               {"accessed", "Accessed", Align::left, false},
               {"commercial_interest", "Sells Mg", Align::left, false}};
  for (const Citable& c : items) {
    Value::List authors;
    const AuthorList a = authors_of(c);
    for (const Author& n : a.names) {
      authors.push_back(n.initials.empty() ? n.family : n.family + " " + n.initials);
    }
    if (a.others) authors.push_back("et al.");
    if (const Study* s = c.study) {
      r.add_cells(s->id, "study", reference_text(c), authors, s->title, s->journal, nullptr,
                  s->year, opt(s->volume), opt(s->issue), opt(s->pages), opt(s->pmid), opt(s->doi),
                  s->pmid ? Value("https://pubmed.ncbi.nlm.nih.gov/" + *s->pmid + "/") : Value(),
                  nullptr, false);
    } else {
      const Source* src = c.source;
      r.add_cells(src->id, src->kind, reference_text(c), authors, src->title, nullptr,
                  opt(src->publisher), opt(citation_year(c)), nullptr, nullptr, nullptr, nullptr,
                  nullptr, opt(src->url), opt(src->accessed), src->commercial_interest);
    }
  }
  Value::List ids;
  for (const Citable& c : items) ids.push_back(Value::ref(c.id()));
  r.query.add("ids", std::move(ids));
  r.citations = items;
  return r;
}

}  // namespace mgcramp
