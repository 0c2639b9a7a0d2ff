// `mgcramp check`: an article's claims against the evidence.
#include <fmt/format.h>

#include "mgcramp/report/builders.hpp"
#include "mgcramp/text.hpp"
#include "util.hpp"

namespace mgcramp {
namespace {

using check::Document;
using check::Reading;

constexpr std::size_t kShownSentence = 200;  // bytes of a sentence people see in the table

std::string_view sentence_text(const Document& doc, std::size_t i) {
  return doc.sentences[i].view(doc.text);
}

// About `max` bytes of `s`, cut at a space and never inside a UTF-8 sequence.
std::string cut(std::string_view s, std::size_t max) {
  if (s.size() <= max) return std::string(s);
  std::size_t at = s.rfind(' ', max);
  if (at == std::string_view::npos || at < max / 2) {
    at = max;
    while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
  }
  return std::string(s.substr(0, at)) + "...";
}

// Whitespace inside a sentence (an HTML line break, a wrapped line) as one space.
std::string one_line(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    const bool space = c == '\n' || c == '\r' || c == '\t' || c == ' ';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The first sentence of a verdict's summary, for the table (JSON has it
// whole): up to a full stop followed by a capital letter.
std::string_view first_sentence(std::string_view s) {
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    if (s[i] == '.' && s[i + 1] == ' ' && s[i + 2] >= 'A' && s[i + 2] <= 'Z')
      return s.substr(0, i + 1);
  }
  return s;
}

Value sentence_value(const Document& doc, const check::SentenceStance& st) {
  const check::Sentence& s = doc.sentences[st.sentence];
  return Value::Object{{"text", std::string(s.view(doc.text))},
                       {"locator", s.locator.empty() ? Value() : Value(s.locator)},
                       {"offset", s.offset},
                       {"length", s.length},
                       {"stance", st.stance},
                       {"hedged", st.hedged}};
}

std::string stance_text(StanceKind stance, bool hedged) {
  return std::string(name_of(stance)) + (hedged ? " (hedged)" : "");
}

struct CheckTally {
  std::size_t agrees = 0, at_odds = 0, unsettled = 0, overstates = 0;
};

CheckTally check_tally(const Reading& rd) {
  CheckTally t;
  for (const check::ClaimFound& c : rd.claims) {
    const Rating rating = c.claim->verdict.rating;
    switch (standing_of(c.stance, rating)) {
      case Standing::agrees: ++t.agrees; break;
      case Standing::at_odds: ++t.at_odds; break;
      case Standing::unsettled: ++t.unsettled; break;
    }
    if (overstates(c.stance, rating)) ++t.overstates;
  }
  return t;
}

// The sentences' locator and opening words, for a one-line note.
std::string where(const Document& doc, std::size_t i) {
  const check::Sentence& s = doc.sentences[i];
  return s.locator.empty() ? fmt::format("at byte {}", s.offset)
                           : fmt::format("under \"{}\", at byte {}", s.locator, s.offset);
}

void add_input(Report& r, const Document& doc, std::string_view name) {
  r.query.add("file", std::string(name));
  r.query.add("input", check::format_name(doc.format));
}

}  // namespace

Report check_report(const Dataset& ds, const Document& doc, const Reading& rd,
                    std::string_view name) {
  const CheckTally t = check_tally(rd);
  Report r;
  add_input(r, doc, name);
  const std::string title = doc.title.empty() ? std::string(name) : one_line(doc.title);
  r.title = fmt::format(
      "{} ({}, {} bytes): {} {} found: {} {} with the evidence, {} at odds, {} unsettled",
      cut(title, 120), check::format_name(doc.format), doc.bytes, rd.claims.size(),
      rd.claims.size() == 1 ? "claim" : "claims", t.agrees, t.agrees == 1 ? "agrees" : "agree",
      t.at_odds, t.unsettled);
  const Value scorecard = Value::Object{{"found", rd.claims.size()},
                                        {"agrees", t.agrees},
                                        {"at_odds", t.at_odds},
                                        {"unsettled", t.unsettled},
                                        {"overstates", t.overstates}};
  r.summary = scorecard;

  // Scripts: one object, the whole reading.
  r.single_object = true;
  r.columns = {{"input", "Input", Align::left, false},
               {"claims", "Claims", Align::left, false},
               {"scorecard", "Scorecard", Align::left, false},
               {"commercial_signals", "Commercial signals", Align::left, false},
               {"unmatched", "Not in the evidence base", Align::left, false},
               // People: one record per claim found.
               {"claim", "Claim"},
               {"article", "Article"},
               {"standing", "Standing"},
               {"verdict", "Evidence"},
               {"evidence", "Key studies"},
               {"sentences", "Sentences"}};
  for (std::size_t c = 5; c < r.columns.size(); ++c) r.columns[c].machine = false;
  r.columns.back().lines = true;
  r.vertical = true;

  Value::List claims;
  std::vector<std::string> cited;
  for (const check::ClaimFound& c : rd.claims) {
    const Claim& cl = *c.claim;
    const Rating rating = cl.verdict.rating;
    Value::List sentences;
    for (const auto& st : c.sentences) sentences.push_back(sentence_value(doc, st));
    claims.push_back(
        Value::Object{{"claim_id", Value::ref(cl.id)},
                      {"text", Value::ref(cl.text)},
                      {"stance", c.stance},
                      {"hedged", c.hedged},
                      {"verdict", Value::Object{{"rating", rating},
                                                {"summary", Value::ref(cl.verdict.summary)},
                                                {"evidence", Value::ref(cl.verdict.evidence)}}},
                      {"standing", standing_of(c.stance, rating)},
                      {"overstates", overstates(c.stance, rating)},
                      {"sentences", std::move(sentences)}});
    cited.insert(cited.end(), cl.verdict.evidence.begin(), cl.verdict.evidence.end());
  }
  Value::List signals;
  for (const check::Signal& s : rd.signals) {
    signals.push_back(Value::Object{{"kind", s.kind},
                                    {"text", std::string(sentence_text(doc, s.sentence))},
                                    {"offset", doc.sentences[s.sentence].offset}});
  }
  Value::List unmatched;
  for (std::size_t i : rd.unmatched) {
    const check::Sentence& s = doc.sentences[i];
    unmatched.push_back(Value::Object{{"text", std::string(sentence_text(doc, i))},
                                      {"locator", s.locator.empty() ? Value() : Value(s.locator)},
                                      {"offset", s.offset}});
  }
  r.add_cells(Value::Object{{"bytes", doc.bytes},
                            {"format", check::format_name(doc.format)},
                            {"title", doc.title.empty() ? Value() : Value(one_line(doc.title))}},
              std::move(claims), scorecard, std::move(signals), std::move(unmatched));
  r.machine_rows = 1;
  r.human_from = 1;

  for (const check::ClaimFound& c : rd.claims) {
    const Claim& cl = *c.claim;
    const Rating rating = cl.verdict.rating;
    const Standing standing = standing_of(c.stance, rating);
    std::string said;
    for (const auto& st : c.sentences) {
      const check::Sentence& s = doc.sentences[st.sentence];
      if (!said.empty()) said += '\n';
      said +=
          fmt::format("[{}{}] {}{}", s.locator.empty() ? "" : cut(one_line(s.locator), 60) + ", ",
                      s.offset, cut(one_line(s.view(doc.text)), kShownSentence),
                      st.stance == StanceKind::supports && !st.hedged
                          ? ""
                          : " (" + stance_text(st.stance, st.hedged) + ")");
    }
    r.add_cells(
        Cell(Value::ref(cl.id), fmt::format("{}: {}", cl.id, cl.text)),
        Cell(c.stance, stance_text(c.stance, c.hedged)),
        Cell(standing, std::string(name_of(standing)) +
                           (overstates(c.stance, rating) ? " (overstates)" : "")),
        Cell(rating, fmt::format("{}: {}", name_of(rating), first_sentence(cl.verdict.summary))),
        Value::ref(cl.verdict.evidence), Cell(Value(), std::move(said)));
  }
  // The first five columns are for scripts only; people's rows start after them.
  for (auto& row : r.rows) {
    if (row.size() == 6) row.insert(row.begin(), 5, Cell());
  }

  if (rd.claims.empty()) {
    r.note(
        "No claim of the evidence base was found in this text. Claims are found by the cue "
        "patterns of each claim in the dataset ('mgcramp show CLAIM-ID').");
  }
  if (!rd.signals.empty()) {
    r.note(fmt::format("Commercial signals ({}):", rd.signals.size()));
    for (const check::Signal& s : rd.signals) {
      r.note(fmt::format("{} {}: {}", name_of(s.kind), where(doc, s.sentence),
                         cut(one_line(sentence_text(doc, s.sentence)), 120)),
             NoteLevel::info, 2);
    }
  }
  if (!rd.unmatched.empty()) {
    const bool one = rd.unmatched.size() == 1;
    r.note(
        fmt::format("Not in the evidence base ({} {} a health claim about magnesium that "
                    "matches no claim here, so {} not judged):",
                    rd.unmatched.size(), one ? "sentence makes" : "sentences make",
                    one ? "it was" : "they were"));
    for (std::size_t i : rd.unmatched) {
      r.note(fmt::format("{}: {}", where(doc, i), cut(one_line(sentence_text(doc, i)), 160)),
             NoteLevel::info, 2);
    }
  }
  r.note(standing_legend());
  r.note(
      "An article's standing on a claim is not the claim's rating: the rating is what the "
      "evidence shows, the standing whether the article's stance fits it. This is a reading "
      "of the text by cue words, not advice; 'mgcramp claims' and 'mgcramp trials' show the "
      "evidence.");
  add_source_notes(r, ds, cited);
  return r;
}

Report check_sentences_report(const Dataset& ds, const Document& doc, const Reading& rd,
                              std::string_view name) {
  (void)ds;
  Report r;
  add_input(r, doc, name);
  r.columns = {{"claim_id", "Claim"},
               {"claim_stance", "Article"},
               {"standing", "Standing"},
               {"overstates", "Overstates"},
               {"rating", "Rating"},
               {"stance", "Sentence"},
               {"hedged", "Hedged"},
               {"locator", "Where"},
               {"offset", "Offset", Align::right},
               {"length", "Length", Align::right},
               {"text", "Text"}};
  for (const check::ClaimFound& c : rd.claims) {
    const Rating rating = c.claim->verdict.rating;
    for (const auto& st : c.sentences) {
      const check::Sentence& s = doc.sentences[st.sentence];
      r.add_cells(Value::ref(c.claim->id), c.stance, standing_of(c.stance, rating),
                  overstates(c.stance, rating), rating, st.stance, st.hedged,
                  s.locator.empty() ? Value() : Value(s.locator), s.offset, s.length,
                  std::string(s.view(doc.text)));
    }
  }
  return r;
}

}  // namespace mgcramp
