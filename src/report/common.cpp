#include <algorithm>
#include <cmath>
#include <memory>

#include <fmt/format.h>

#include "mgcramp/model/tables.hpp"
#include "mgcramp/render/citations.hpp"
#include "mgcramp/report/builders.hpp"
#include "mgcramp/text.hpp"
#include "util.hpp"

namespace mgcramp {

namespace detail {

std::string effect_text(const Estimate& e) {
  // One number of decimals for the estimate and its interval (UX23): two,
  // or more where a value is below 0.1 in size, so that none reads 0.00.
  int decimals = 2;
  for (const double v : {e.estimate, e.ci_low, e.ci_high}) {
    const double a = std::fabs(v);
    if (a > 0 && a < 0.1) decimals = std::max(decimals, a < 0.01 ? 4 : 3);
  }
  auto num = [&](double v) { return fmt::format("{:.{}f}", v, decimals); };
  return num(e.estimate) + " [" + num(e.ci_low) + ", " + num(e.ci_high) + "]";
}

std::string outcome_text(const Outcome& o) {
  std::string text(name_of(o.measure));
  text += " (";
  if (o.population) text.append(name_of(*o.population)).append(", ");
  text.append(o.timepoint).append(", ").append(name_of(o.analysis)).append(")");
  if (const auto e = effect_of(o)) {
    text += ": " + effect_text(*e);
    if (e->computed) text += " computed from the arms";
  }
  if (o.p) text += fmt::format(", p = {:g}", *o.p);
  if (o.k) text += fmt::format(", {} {}", *o.k, *o.k == 1 ? "study" : "studies");
  if (o.participants) text += fmt::format(", {} participants", *o.participants);
  if (o.certainty) text += fmt::format(", {} certainty", name_of(*o.certainty));
  return text;
}

Value scorecard_value(const Scorecard& sc) {
  return Value::Object{{kScorecardKeys[0], sc.claims},
                       {kScorecardKeys[1], sc.agrees},
                       {kScorecardKeys[2], sc.at_odds},
                       {kScorecardKeys[3], sc.unsettled},
                       {kScorecardKeys[4], sc.overstates}};
}

std::string stance_text(const Stance& st) {
  std::string out(name_of(st.stance));
  if (st.locator.empty()) return out;
  const bool quotes = st.locator.find('"') != std::string::npos;
  return out.append(quotes ? " in " : " in \"").append(st.locator).append(quotes ? "" : "\"");
}

Cell stances_cell(const Dataset& ds, const Claim& claim) {
  Value::List list;
  list.reserve(claim.stances.size());
  std::string text;
  const Rating rating = claim.verdict.rating;
  for (const Stance& s : claim.stances) {
    const Source* src = ds.find_source(s.source);
    const bool sells = src != nullptr && src->commercial_interest;
    const Standing standing = standing_of(s.stance, rating);
    const bool over = overstates(s.stance, rating);
    Value v = record_value(s);
    v.add("standing", standing);
    v.add("overstates", over);
    list.push_back(std::move(v));
    if (!text.empty()) text += "; ";
    text.append(s.source)
        .append(sells ? " (sells magnesium) " : " ")
        .append(stance_text(s))
        .append(": ")
        .append(name_of(standing));
    if (over) text.append(", overstates");
  }
  return {std::move(list), std::move(text)};
}

void add_stance_fields(Report& r) {
  const std::size_t c = r.column("stances");
  if (c == r.columns.size()) return;
  r.columns[c].fields.emplace_back("standing");
  r.columns[c].fields.emplace_back("overstates");
}

Value pool_value(Population pop, const PublishedPool& p) {
  const Outcome& o = *p.outcome;
  const Estimate e = *effect_of(o);
  return Value::Object{{"population", pop},
                       {"review", Value::ref(p.review->id)},
                       {"measure", o.measure},
                       {"timepoint", Value::ref(o.timepoint)},
                       {"estimate", e.estimate},
                       {"ci_low", e.ci_low},
                       {"ci_high", e.ci_high},
                       {"k", Value(o.k)},
                       {"participants", Value(o.participants)},
                       {"certainty", Value(o.certainty)}};
}

const Interaction* interaction_of(const Dataset& ds, const Medicine& m) {
  if (!m.interaction) return nullptr;
  for (const Interaction& i : ds.interactions)
    if (i.id == *m.interaction) return &i;
  return nullptr;
}

std::string ids_text(const std::vector<std::string>& ids) {
  std::string s;
  for (const auto& id : ids) s += (s.empty() ? "" : ", ") + id;
  return "[" + s + "]";
}

std::string medicine_text(const Dataset& ds, const Medicine& m, bool with_advice,
                          std::vector<std::string>* cited) {
  // Sentences, each ending with a full stop whatever the data's text ends with.
  std::string line;
  auto sentence = [&line](std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    if (s.empty()) return;
    if (!line.empty()) line += ' ';
    line += s;
    if (line.back() != '.' && line.back() != '!' && line.back() != '?') line += '.';
  };
  std::string head = fmt::format("{} ({}): effect on magnesium {}", m.generic_name, m.drug_class,
                                 name_of(m.effect));
  if (m.mechanism) head += "; " + *m.mechanism;
  sentence(head);
  if (m.timing) sentence("Timing, " + *m.timing);
  const Interaction* ix = interaction_of(ds, m);
  const bool noted = ix && m.note && m.note->find(ix->advice) != std::string::npos;
  if (with_advice && ix && !m.timing && !noted) {
    sentence(fmt::format("Advice {}: {}", ids_text(ix->sources), ix->advice));
    if (cited) cited->insert(cited->end(), ix->sources.begin(), ix->sources.end());
  }
  if (m.causes_cramps == true && m.cramps_evidence) sentence("Cramps: " + *m.cramps_evidence);
  if (m.note) sentence(*m.note);
  if (cited) cited->insert(cited->end(), m.sources.begin(), m.sources.end());
  // Once: a note may already say to ask a pharmacist.
  if (text::to_lower(line).find("pharmacist") == std::string::npos) sentence("Ask your pharmacist");
  return line + " " + ids_text(m.sources);
}

}  // namespace detail

void add_source_notes(Report& r, const Dataset& ds, const std::vector<std::string>& ids) {
  // Each id once, in the order first cited: the study or source it names, or
  // (never in a validated dataset) the id alone.
  struct Cited {
    Citable c;
    std::string unknown;  // the id, when it names neither
  };
  auto cited = std::make_shared<std::vector<Cited>>();
  std::vector<std::string_view> seen;
  for (const auto& id : ids) {
    if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
    seen.push_back(id);
    Cited x;
    x.c.source = ds.find_source(id);
    x.c.study = x.c.source == nullptr ? ds.find_study(id) : nullptr;
    if (x.c.source == nullptr && x.c.study == nullptr) x.unknown = id;
    cited->push_back(std::move(x));
  }
  // Both are made only for the formats that show them.
  if (!cited->empty()) {
    r.source_notes = [cited] {
      std::vector<Note> notes;
      notes.reserve(cited->size() + 1);
      notes.push_back({NoteLevel::info, "Sources:", 0});
      for (const Cited& x : *cited) {
        std::string line;
        line.append("[").append(x.unknown.empty() ? x.c.id() : x.unknown).append("]");
        if (const Source* s = x.c.source) {
          line.append(" ").append(s->title);
          if (s->publisher) {
            line.append(" (").append(*s->publisher);
            if (s->date) line.append(", ").append(*s->date);
            line.append(")");
          }
          if (s->commercial_interest) line.append(" - sells magnesium products");
        } else if (const Study* st = x.c.study) {
          const char end = st->title.empty() ? '.' : st->title.back();
          line.append(" ").append(st->first_author).append(" (").append(std::to_string(st->year));
          line.append("). ").append(st->title);
          if (end != '.' && end != '?' && end != '!') line.append(".");
          line.append(" ").append(st->journal).append(".");
          if (st->pmid) line.append(" PMID ").append(*st->pmid).append(".");
        }
        notes.push_back({NoteLevel::info, std::move(line), 2});
      }
      return notes;
    };
  }
  r.sources = [cited] {
    Value::List out;
    out.reserve(cited->size());
    for (const Cited& x : *cited) {
      if (!x.unknown.empty()) continue;
      const Citable& c = x.c;
      out.push_back(Value::Object{
          {"id", Value::ref(c.id())},
          {"type", c.study != nullptr ? Value("study") : Value(c.source->kind)},
          {"reference", reference_text(c)},
          {"commercial_interest", c.source != nullptr && c.source->commercial_interest}});
    }
    return Value(std::move(out));
  };
}

void add_notices(Report& r, const Dataset& ds, const std::vector<std::string>& notice_ids,
                 std::vector<std::string>& sources) {
  for (const auto& id : notice_ids) {
    if (const Notice* n = ds.find_notice(id)) {
      r.notice(n->id, n->level, n->text);
      sources.insert(sources.end(), n->sources.begin(), n->sources.end());
    }
  }
}

std::string mg_text(double mg) {
  if (std::fabs(mg - std::round(mg)) < 0.05 || mg >= 100)
    return text::group_thousands(fmt::format("{:.0f}", mg)) + " mg";
  return fmt::format("{:.1f} mg", mg);
}

void add_profile_query(Report& r, const Profile& p) {
  r.query.add("age_months", p.age_months);
  r.query.add("sex", p.sex);
  r.query.add("condition", p.condition);
}

std::string describe_profile(const Profile& p) {
  std::vector<std::string> parts;
  if (p.age_months) {
    const double m = *p.age_months;
    if (m < 12.0) {
      parts.push_back(fmt::format("age {:g} months", m));
    } else {
      parts.push_back(fmt::format("age {:g} years", std::round(m / 12.0 * 100.0) / 100.0));
    }
  }
  if (p.sex) parts.emplace_back(name_of(*p.sex));
  if (p.condition != Condition::none) parts.emplace_back(name_of(p.condition));
  std::string out;
  for (const auto& s : parts) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string dataset_version_text(const Dataset& ds) {
  std::string s = ds.data_version ? "dataset " + text::sanitize(*ds.data_version)
                                  : std::string("dataset version not given");
  s += ds.reviewed ? ", evidence last reviewed " + *ds.reviewed
                   : std::string(", no review date given");
  return s;
}

Report invalid_report(const std::string& file, const DataError& e) {
  Report r;
  r.title = text::sanitize(file) + ": not valid";
  r.single_object = true;
  r.query.add("file", file);
  const DataLocation* at = e.where();
  r.columns = {{"file", "File"}, {"valid", "Valid"}, {"error", "Error"}};
  r.add_cells(text::sanitize(file), false,
              Value::Object{
                  {"message", text::sanitize(e.what())},
                  {"problem", at ? Value(text::sanitize(at->problem)) : Value()},
                  {"hint", e.hint().empty() ? Value() : Value(text::sanitize(e.hint()))},
                  {"pointer", at && !at->pointer.empty() ? Value(at->pointer) : Value()},
                  {"line", at && at->line ? Value(at->line) : Value()},
                  {"column", at && at->column ? Value(at->column) : Value()},
              });
  return r;
}

Report validate_report(const Dataset& ds) {
  Report r;
  r.title = fmt::format("{}: valid (schema version {}; {})", ds.origin, ds.schema_version,
                        dataset_version_text(ds));
  r.single_object = true;
  r.query.add("file", ds.origin);
  auto machine = [](std::string key) {
    Column c(std::move(key), "", Align::left, false);
    return c;
  };
  r.columns = {machine("file"),         machine("schema_version"),
               machine("data_version"), machine("reviewed"),
               machine("valid"),        machine("tables"),
               {"table", "Table"},      {"records", "Records", Align::right}};
  r.columns[5].fields = {"table", "records"};
  r.columns[5].row_per_element = true;
  r.columns[6].machine = r.columns[7].machine = false;
  Value::List tables;
  for (const auto& t : table_counts(ds)) {
    tables.push_back(Value::Object{{"table", t.table}, {"records", t.records}});
  }
  r.add_cells(ds.origin, ds.schema_version, Value(ds.data_version), Value(ds.reviewed), true,
              std::move(tables), nullptr, nullptr);
  for (const auto& t : table_counts(ds))
    r.add_cells(nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, t.table, t.records);
  r.machine_rows = 1;
  r.human_from = 1;
  return r;
}

}  // namespace mgcramp
