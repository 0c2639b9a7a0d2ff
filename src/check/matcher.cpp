// The claim matcher of `mgcramp check` (include/mgcramp/check/matcher.hpp).
//
// Every word of every pattern and cue phrase is interned once as a term: a
// Snowball stem, or a prefix ("pregnan*"). A sentence becomes tokens, each
// carrying the terms it is (its stem's, and every prefix it begins with),
// chained per term so that "where does term T occur" is a lookup. A pattern
// is then checked slot by slot against those chains.
#include "mgcramp/check/matcher.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <unordered_map>

#include <libstemmer.h>

#include "mgcramp/error.hpp"
#include "mgcramp/text.hpp"

namespace mgcramp::check {
namespace {

using Term = std::uint32_t;
using namespace std::string_view_literals;

// ---- words ----------------------------------------------------------------

// The ASCII letter a Latin-1 or Latin Extended-A letter folds to, or 0.
char fold_latin(char32_t cp) {
  // "sv": the table holds NULs (for U+00D7 and U+00F7), so its length is not strlen's.
  static constexpr std::string_view latin1 =  // U+00C0..U+00FF
      "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"
      "aaaaaaaceeeeiiiidnooooo\0ouuuuyty"sv;
  static_assert(latin1.size() == 0x40);
  if (cp >= 0xC0 && cp <= 0xFF) return latin1[cp - 0xC0];
  if (cp >= 0x100 && cp <= 0x17F) {
    // Extended-A in pairs (upper, lower) of mostly one base letter each.
    static constexpr std::string_view ext =
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllllllln"
        "nnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
    const std::size_t i = cp - 0x100;
    if (i < ext.size()) return ext[i];
  }
  return 0;
}

bool is_apostrophe(char32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

struct RawToken {
  std::string word;  // folded: lowercase, diacritics removed
  std::size_t offset = 0;
  std::uint16_t clause = 0;
};

// Words that begin a new clause for the scope of a negation or hedge.
bool is_clause_word(std::string_view w) {
  return w == "but" || w == "however" || w == "although" || w == "though" || w == "whereas" ||
         w == "yet" || w == "while";
}

// Splits `s` into folded words (data/SCHEMA.md "Cue patterns"): letters and
// digits make words, apostrophes join them ("n't" becomes "not"), `%` is
// "percent", "1,000" is "1000" and "1.5" stays one word.
void tokenize(std::string_view s, std::size_t base, std::vector<RawToken>& out) {
  const std::size_t first = out.size();
  std::uint16_t clause = 0;
  bool subordinate = false;  // in a clause begun by "although" and the like
  int depth = 0;             // brackets open
  std::string word;
  std::size_t start = 0;
  auto flush = [&] {
    if (word.empty()) return;
    // Contractions: "doesn't" -> "does" "not", "it's" -> "it".
    const std::size_t ap = word.find('\'');
    if (ap != std::string::npos) {
      std::string head = word.substr(0, ap), tail = word.substr(ap + 1);
      if (tail == "t" && !head.empty() && head.back() == 'n') {
        head.pop_back();
        if (head == "ca") head = "can";
        if (head == "wo") head = "will";
        if (head == "sha") head = "shall";
        if (!head.empty()) out.push_back({head, base + start, clause});
        out.push_back({"not", base + start, clause});
      } else if (tail == "s" || tail == "re" || tail == "ll" || tail == "ve" || tail == "d" ||
                 tail == "m" || tail.empty()) {
        if (!head.empty()) out.push_back({head, base + start, clause});
      } else {
        out.push_back({head + tail, base + start, clause});
      }
    } else {
      if (is_clause_word(word) && !out.empty()) ++clause;
      // "Although it is not proven, magnesium may help": a subordinate
      // clause ends at its comma.
      if (word == "although" || word == "though" || word == "while" || word == "whereas")
        subordinate = true;
      out.push_back({word, base + start, clause});
    }
    word.clear();
  };
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (std::isalnum(c) != 0) {
        if (word.empty()) start = i;
        word.push_back(static_cast<char>(std::tolower(c)));
      } else if (c == '\'' && !word.empty() && i + 1 < s.size() &&
                 std::isalpha(static_cast<unsigned char>(s[i + 1])) != 0) {
        word.push_back('\'');
      } else if ((c == ',' || c == '.') && !word.empty() &&
                 std::isdigit(static_cast<unsigned char>(word.back())) != 0 && i + 1 < s.size() &&
                 std::isdigit(static_cast<unsigned char>(s[i + 1])) != 0) {
        if (c == '.') word.push_back('.');  // a decimal; a thousands comma is dropped
      } else {
        flush();
        if (c == '%') out.push_back({"percent", base + i, clause});
        // A ';' inside brackets ("(300 mg; n=66)") separates no clauses.
        if (c == '(' || c == '[') ++depth;
        if ((c == ')' || c == ']') && depth > 0) --depth;
        if (c == ';' && depth == 0) ++clause;
        if (c == ',' && subordinate) {
          ++clause;
          subordinate = false;
        }
      }
      ++i;
      continue;
    }
    const std::size_t len = text::utf8_sequence(s, i);
    if (len == 0) {  // not UTF-8 (the document reader refuses such text): a separator
      flush();
      ++i;
      continue;
    }
    const char32_t cp = text::code_point(s, i, len);
    if (const char f = fold_latin(cp); f != 0) {
      if (word.empty()) start = i;
      word.push_back(f);
      if (cp == 0xDF) word.push_back('s');  // sharp s
    } else if (is_apostrophe(cp) && !word.empty() && i + len < s.size() &&
               std::isalpha(static_cast<unsigned char>(s[i + len])) != 0) {
      word.push_back('\'');
    } else if (cp >= 0x370 && cp < 0x2000) {  // other letters: kept as they are
      if (word.empty()) start = i;
      word.append(s.substr(i, len));
    } else {
      flush();
    }
    i += len;
  }
  flush();
  // "Has yet to be shown": a "yet" before "to" begins no clause.
  for (std::size_t k = first + 1; k + 1 < out.size(); ++k) {
    if (out[k].word != "yet" || out[k + 1].word != "to" || out[k].clause == out[k - 1].clause)
      continue;
    for (std::size_t j = k; j < out.size(); ++j) --out[j].clause;
  }
}

class Stemmer {
 public:
  Stemmer() : s_(sb_stemmer_new("english", "UTF_8")) {
    if (s_ == nullptr)
      throw DataError("cannot start the Snowball English stemmer",
                      "reinstall libstemmer0d (Debian) and try again");
  }
  ~Stemmer() { sb_stemmer_delete(s_); }
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;
  std::string_view stem(std::string_view w) const {
    const sb_symbol* out = sb_stemmer_stem(s_, reinterpret_cast<const sb_symbol*>(w.data()),
                                           static_cast<int>(w.size()));
    if (out == nullptr) return w;
    return {reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(s_))};
  }

 private:
  sb_stemmer* s_;
};

// ---- pattern syntax ---------------------------------------------------------

std::vector<std::string_view> split(std::string_view s, std::string_view sep) {
  std::vector<std::string_view> parts;
  std::size_t from = 0;
  while (true) {
    const std::size_t at = s.find(sep, from);
    parts.push_back(text::trim(s.substr(from, at == std::string_view::npos ? s.npos : at - from)));
    if (at == std::string_view::npos) break;
    from = at + sep.size();
  }
  return parts;
}

bool is_ref(std::string_view alt) {
  return !alt.empty() && alt.front() == '@';
}

}  // namespace

std::optional<std::string> phrase_problem(std::string_view phrase) {
  phrase = text::trim(phrase);
  if (!phrase.empty() && phrase.front() == '!') phrase.remove_prefix(1);
  if (phrase.empty()) return "an empty phrase";
  for (std::string_view w : split(phrase, " ")) {
    if (w.empty()) continue;
    const bool prefix = w.back() == '*';
    if (prefix) w.remove_suffix(1);
    if (w.find('*') != std::string_view::npos) return "'*' only ends a word";
    std::vector<RawToken> toks;
    tokenize(w, 0, toks);
    if (toks.empty()) return "'" + std::string(w) + "' holds no word";
    if (prefix && toks.size() != 1) return "a '*' word must be one word";
  }
  return std::nullopt;
}

std::optional<std::string> pattern_problem(std::string_view pattern,
                                           bool (*is_cue)(const void*, std::string_view),
                                           const void* ctx) {
  bool positive = false;
  for (std::string_view slot : split(pattern, "+")) {
    if (slot.empty()) return "a '+' with no slot beside it";
    const bool negated = slot.front() == '!';
    if (negated) slot.remove_prefix(1);
    positive = positive || !negated;
    for (std::string_view alt : split(slot, "|")) {
      if (alt.empty())
        return negated ? "a '!' with nothing after it" : "a '|' with nothing beside it";
      if (alt.front() == '~') {
        if (negated) return "a '~' antonym in a '!' slot, which must have no word anyway";
        alt.remove_prefix(1);
        if (alt.empty()) return "a '~' with nothing after it";
        if (is_ref(alt)) return "'~' marks a phrase, not a cue (" + std::string(alt) + ")";
      }
      if (alt.find('~') != std::string_view::npos) return "'~' only begins an alternative";
      if (is_ref(alt)) {
        if (!is_cue(ctx, alt.substr(1)))
          return "'" + std::string(alt) + "' names no cue of the cues table";
      } else if (auto p = phrase_problem(alt)) {
        return p;
      }
    }
  }
  if (!positive) return "a pattern needs a slot without '!'";
  return std::nullopt;
}

// ---- compiled form ---------------------------------------------------------

namespace {

using Phrase = std::vector<Term>;  // consecutive words

struct Slot {
  bool negated = false;
  bool subject = false;  // names the subject cue: an anaphor may fill it
  int topic = -1;        // names a topic cue (its index in topics): the heading may fill it
  std::vector<Phrase> alts;
  std::vector<char> antonym;  // per alternative: "~well tolerated" says the claim is false
};

struct Pattern {
  std::vector<Slot> slots;
  // The slots that must match, fewest alternatives first: the rarer words
  // rule a sentence out soonest.
  std::vector<std::uint16_t> check_order;
};

struct ClaimRule {
  const Claim* claim = nullptr;
  std::vector<Pattern> patterns;
};

// Where each term occurs in one sentence: head[t] is the first entry for t,
// entries chain to the next occurrence. Reset per sentence by touched list.
struct Occurrences {
  static constexpr std::uint32_t none = 0xFFFFFFFF;
  std::vector<std::uint32_t> head;
  std::vector<Term> touched;
  struct Entry {
    std::uint32_t token, next;
  };
  std::vector<Entry> entries;
  // Terms at each token, for phrase continuation.
  std::vector<std::vector<Term>> at;

  void clear() {
    for (Term t : touched) head[t] = none;
    touched.clear();
    entries.clear();
    for (auto& v : at) v.clear();
  }
  void add(std::uint32_t token, Term t) {
    if (head[t] == none) touched.push_back(t);
    // Keep the chain in token order: append at the tail.
    entries.push_back({token, none});
    const auto e = static_cast<std::uint32_t>(entries.size() - 1);
    if (head[t] == none) {
      head[t] = e;
    } else {
      std::uint32_t k = head[t];
      while (entries[k].next != none) k = entries[k].next;
      entries[k].next = e;
    }
    at[token].push_back(t);
  }
  bool has(std::uint32_t token, Term t) const {
    const auto& v = at[token];
    return std::find(v.begin(), v.end(), t) != v.end();
  }
};

}  // namespace

struct Matcher::Impl {
  Stemmer stemmer;
  std::unordered_map<std::string, Term> stems;
  std::vector<std::pair<std::string, Term>> prefixes;  // sorted by prefix
  Term next_term = 0;

  std::vector<ClaimRule> rules;
  mutable std::unordered_map<std::string, std::vector<Term>> word_terms;  // see terms_of
  mutable std::vector<Term> scratch_terms;
  mutable std::vector<char> scratch_taken;  // count_in_span's, reused
  std::vector<Phrase> negations, hedges, mixed, subject, anaphors, health;
  std::array<std::vector<Phrase>, enum_count<CueKind>()> by_kind;
  std::unordered_map<std::string, std::vector<Phrase>> groups;  // cue id -> phrases
  std::string subject_id;                                       // the first subject cue's id
  std::vector<Phrase> not_negations;                            // "!" phrases of negation cues
  // Topic cues: groups a section's heading may stand for (a sentence under
  // "Leg cramps in athletes" is about cramps without saying so).
  std::unordered_map<std::string, int> topic_index;
  std::vector<std::vector<Phrase>> topics;

  Term intern_stem(const std::string& folded) {
    std::string st(stemmer.stem(folded));
    auto [it, added] = stems.try_emplace(std::move(st), next_term);
    if (added) ++next_term;
    return it->second;
  }
  Term intern_prefix(const std::string& p) {
    for (const auto& [q, t] : prefixes)
      if (q == p) return t;
    prefixes.emplace_back(p, next_term);
    return next_term++;
  }

  Phrase compile_phrase(std::string_view phrase) {
    Phrase out;
    phrase = text::trim(phrase);
    if (!phrase.empty() && phrase.front() == '!') phrase.remove_prefix(1);
    for (std::string_view w : split(phrase, " ")) {
      if (w.empty()) continue;
      const bool prefix = w.back() == '*';
      if (prefix) w.remove_suffix(1);
      std::vector<RawToken> toks;
      tokenize(w, 0, toks);
      if (prefix && toks.size() == 1) {
        out.push_back(intern_prefix(toks[0].word));
      } else {
        for (const RawToken& t : toks) out.push_back(intern_stem(t.word));
      }
    }
    return out;
  }

  Pattern compile_pattern(std::string_view pattern) {
    Pattern p;
    for (std::string_view s : split(pattern, "+")) {
      Slot slot;
      slot.negated = !s.empty() && s.front() == '!';
      if (slot.negated) s.remove_prefix(1);
      for (std::string_view alt : split(s, "|")) {
        if (is_ref(alt)) {
          const std::string id(alt.substr(1));
          if (id == subject_id) slot.subject = true;
          if (const auto t = topic_index.find(id); t != topic_index.end()) slot.topic = t->second;
          const auto g = groups.find(id);
          if (g != groups.end())
            slot.alts.insert(slot.alts.end(), g->second.begin(), g->second.end());
        } else if (!alt.empty()) {
          const bool antonym = alt.front() == '~';
          if (antonym) alt.remove_prefix(1);
          slot.alts.push_back(compile_phrase(alt));
          slot.antonym.resize(slot.alts.size() - 1, 0);
          slot.antonym.push_back(antonym ? 1 : 0);
        }
      }
      slot.antonym.resize(slot.alts.size(), 0);
      p.slots.push_back(std::move(slot));
    }
    for (std::size_t i = 0; i < p.slots.size(); ++i)
      if (!p.slots[i].negated) p.check_order.push_back(static_cast<std::uint16_t>(i));
    std::stable_sort(p.check_order.begin(), p.check_order.end(), [&](auto a, auto b) {
      return p.slots[a].alts.size() < p.slots[b].alts.size();
    });
    return p;
  }

  explicit Impl(const Dataset& ds) {
    for (const Cue& c : ds.cues) {
      auto& phrases = groups[c.id];
      for (const std::string& ph : c.phrases) phrases.push_back(compile_phrase(ph));
      for (std::size_t i = 0; i < c.phrases.size(); ++i) {
        // "!not only": words that look like a negation and are none.
        const bool exception = c.phrases[i].rfind('!', 0) == 0;
        by_kind[static_cast<std::size_t>(c.kind)].push_back(phrases[i]);
        if (exception) {
          by_kind[static_cast<std::size_t>(c.kind)].pop_back();
          not_negations.push_back(phrases[i]);
        }
      }
      if (c.kind == CueKind::subject && subject_id.empty()) subject_id = c.id;
      if (c.kind == CueKind::topic) {
        topic_index.emplace(c.id, static_cast<int>(topics.size()));
        topics.push_back(phrases);
      }
    }
    for (const Claim& c : ds.claims) {
      ClaimRule r{&c, {}};
      for (const std::string& p : c.cues) r.patterns.push_back(compile_pattern(p));
      rules.push_back(std::move(r));
    }
    std::sort(prefixes.begin(), prefixes.end());
    for (auto& phrases : by_kind) {
      std::stable_sort(phrases.begin(), phrases.end(),
                       [](const Phrase& a, const Phrase& b) { return a.size() > b.size(); });
    }
  }

  const std::vector<Phrase>& kind(CueKind k) const { return by_kind[static_cast<std::size_t>(k)]; }

  // ---- one sentence ----

  struct Sentence {
    std::vector<RawToken> raw;
    Occurrences occ;
  };

  void index(Sentence& s) const {
    s.occ.clear();
    if (s.occ.head.size() < next_term) s.occ.head.resize(next_term, Occurrences::none);
    if (s.occ.at.size() < s.raw.size()) s.occ.at.resize(s.raw.size());
    for (std::uint32_t i = 0; i < s.raw.size(); ++i) {
      for (Term t : terms_of(s.raw[i].word)) s.occ.add(i, t);
    }
  }

  // The terms a folded word is: its stem's, and each prefix it begins with.
  // Remembered per word, so that an article's repeated words are stemmed
  // once.
  const std::vector<Term>& terms_of(const std::string& w) const {
    if (const auto known = word_terms.find(w); known != word_terms.end()) return known->second;
    // At most kMaxWords remembered, so that an article of ever new words
    // cannot grow memory without bound; past that a word is looked up anew.
    static constexpr std::size_t kMaxWords = 65536;
    std::vector<Term>& out =
        word_terms.size() < kMaxWords ? word_terms[w] : (scratch_terms.clear(), scratch_terms);
    if (const auto st = stems.find(std::string(stemmer.stem(w))); st != stems.end())
      out.push_back(st->second);
    // Prefixes that `w` begins with: those sorted at or before w sharing its first byte.
    auto p = std::upper_bound(prefixes.begin(), prefixes.end(), w,
                              [](const std::string& a, const auto& b) { return a < b.first; });
    while (p != prefixes.begin()) {
      --p;
      if (p->first.empty() || p->first[0] != w[0]) break;
      if (w.compare(0, p->first.size(), p->first) == 0) out.push_back(p->second);
    }
    return out;
  }

  // The first token at which `ph` occurs from `from` on, skipping tokens in
  // `skip`, or none.
  static std::uint32_t find(const Sentence& s, const Phrase& ph,
                            const std::vector<char>* skip = nullptr) {
    if (ph.empty()) return Occurrences::none;
    for (std::uint32_t e = s.occ.head[ph[0]]; e != Occurrences::none; e = s.occ.entries[e].next) {
      const std::uint32_t t = s.occ.entries[e].token;
      if (t + ph.size() > s.raw.size()) break;
      bool ok = true;
      for (std::size_t k = 0; ok && k < ph.size(); ++k) {
        ok = s.occ.has(static_cast<std::uint32_t>(t + k), ph[k]) && (!skip || !(*skip)[t + k]);
      }
      if (ok) return t;
    }
    return Occurrences::none;
  }

  struct Match {
    // Tokens the pattern's words took: 1 + the index of the slot whose
    // phrase it is, or kTaken (an anaphor, another sentence's words).
    std::vector<char> used;
    static constexpr char kTaken = 127;
    // The first and last token of the pattern's words (each matched
    // phrase's first occurrence): the scope of negations.
    std::uint32_t lo = 0, hi = 0;
    // The same of each slot's place alone: where the claim is made.
    std::uint32_t core_lo = 0, core_hi = 0;
    // Slots filled only by antonyms ("~well tolerated"): each denies the claim.
    std::uint32_t antonyms = 0;
  };

  // Whether `p` matches `s`; `anaphor_ok`: an anaphor may stand for the subject.
  bool match(const Sentence& s, const Pattern& p, bool anaphor_ok,
             const std::vector<char>& heading_topics, Match& m) const {
    // Cheap first: every slot that must match has a phrase whose first word
    // is in the sentence (or a stand-in for it).
    for (const std::uint16_t i : p.check_order) {
      const Slot& slot = p.slots[i];
      bool maybe = (slot.subject && anaphor_ok) ||
                   (slot.topic >= 0 && heading_topics[static_cast<std::size_t>(slot.topic)] != 0);
      for (std::size_t a = 0; !maybe && a < slot.alts.size(); ++a)
        maybe = !slot.alts[a].empty() && s.occ.head[slot.alts[a][0]] != Occurrences::none;
      if (!maybe) return false;
    }
    m.used.assign(s.raw.size(), 0);
    m.lo = m.core_lo = Occurrences::none;
    m.hi = m.core_hi = 0;
    m.antonyms = 0;
    for (std::size_t si = 0; si < p.slots.size(); ++si) {
      const Slot& slot = p.slots[si];
      bool found = false;
      // The slot's place is its first phrase in the sentence: in "magnesium
      // ... magnesium supplements" it is where "magnesium" is.
      std::uint32_t first = Occurrences::none, last = 0;
      bool plain = false;  // found by a phrase that is no antonym
      for (std::size_t a = 0; a < slot.alts.size(); ++a) {
        const Phrase& ph = slot.alts[a];
        const std::uint32_t t = find(s, ph);
        if (t == Occurrences::none) continue;
        if (slot.negated) {
          // "No benefit other than in pregnancy": what an exception names
          // is not the claim's subject.
          if (after_exception(s, t)) continue;
          return false;
        }
        found = true;
        plain = plain || slot.antonym[a] == 0;
        const auto end = static_cast<std::uint32_t>(t + ph.size() - 1);
        m.lo = std::min(m.lo, t);
        m.hi = std::max(m.hi, end);
        if (t < first) {
          first = t;
          last = end;
        }
        // Every occurrence of a matched phrase is the claim's own word.
        for (std::uint32_t u = t; u != Occurrences::none;) {
          for (std::size_t k = 0; k < ph.size(); ++k) {
            m.used[u + k] = static_cast<char>(std::min<std::size_t>(si + 1, Match::kTaken - 1));
          }
          u = next_occurrence(s, ph, u);
        }
      }
      if (found) {
        m.core_lo = std::min(m.core_lo, first);
        m.core_hi = std::max(m.core_hi, last);
        if (!plain) ++m.antonyms;
      }
      if (!found && slot.subject && anaphor_ok && !slot.negated) {
        for (const Phrase& ph : kind(CueKind::anaphor)) {
          const std::uint32_t t = find(s, ph);
          if (t == Occurrences::none) continue;
          found = true;
          const auto end = static_cast<std::uint32_t>(t + ph.size() - 1);
          m.lo = std::min(m.lo, t);
          m.hi = std::max(m.hi, end);
          m.core_lo = std::min(m.core_lo, t);
          m.core_hi = std::max(m.core_hi, end);
          for (std::size_t k = 0; k < ph.size(); ++k) m.used[t + k] = Match::kTaken;
          break;
        }
      }
      if (!found && slot.topic >= 0 && !slot.negated &&
          heading_topics[static_cast<std::size_t>(slot.topic)] != 0) {
        found = true;  // the heading says it
      }
      if (!found && !slot.negated) return false;
    }
    return m.lo != Occurrences::none;
  }

  // Whether token `t` follows an exception ("except", "other than").
  static bool after_exception(const Sentence& s, std::uint32_t t) {
    for (std::uint32_t x = 0; x < t; ++x) {
      const std::string& w = s.raw[x].word;
      if (w == "except" || (w == "other" && x + 1 < t && s.raw[x + 1].word == "than")) return true;
    }
    return false;
  }

  static std::uint32_t next_occurrence(const Sentence& s, const Phrase& ph, std::uint32_t after) {
    for (std::uint32_t e = s.occ.head[ph[0]]; e != Occurrences::none; e = s.occ.entries[e].next) {
      const std::uint32_t t = s.occ.entries[e].token;
      if (t <= after) continue;
      if (t + ph.size() > s.raw.size()) break;
      bool ok = true;
      for (std::size_t k = 0; ok && k < ph.size(); ++k)
        ok = s.occ.has(static_cast<std::uint32_t>(t + k), ph[k]);
      if (ok) return t;
    }
    return Occurrences::none;
  }

  // How many phrases of `cues` occur in the scope of match `m` (from `before`
  // tokens before it to `after` after it, within its clauses), not on the
  // claim's own words; overlapping occurrences count once.
  std::size_t count_in_scope(const Sentence& s, const std::vector<Phrase>& cues, const Match& m,
                             std::uint32_t before, std::uint32_t after,
                             const std::vector<Phrase>* exceptions = nullptr,
                             bool within_clauses = true) const {
    return count_in_span(s, cues, m, m.lo, m.hi, before, after, exceptions, within_clauses);
  }

  // The same around tokens [from, to] instead of the match's span.
  std::size_t count_in_span(const Sentence& s, const std::vector<Phrase>& cues, const Match& m,
                            std::uint32_t from, std::uint32_t to, std::uint32_t before,
                            std::uint32_t after, const std::vector<Phrase>* exceptions = nullptr,
                            bool within_clauses = true) const {
    const std::uint32_t lo = from > before ? from - before : 0;
    const std::uint32_t hi = std::min(static_cast<std::uint32_t>(s.raw.size() - 1), to + after);
    const std::uint16_t c_lo = s.raw[from].clause, c_hi = s.raw[to].clause;
    std::vector<char>& taken = scratch_taken;
    taken = m.used;
    if (exceptions != nullptr) {
      // Exceptions may overlap the claim's own words ("not to exceed").
      const std::vector<char> none(s.raw.size(), 0);
      for (const Phrase& ph : *exceptions) {
        for (std::uint32_t t = find(s, ph); t != Occurrences::none;
             t = find_from(s, ph, t + 1, none)) {
          for (std::size_t k = 0; k < ph.size(); ++k) taken[t + k] = 1;
        }
      }
    }
    std::size_t n = 0;
    // The cues are sorted longest first (see the constructor), so "no
    // evidence" is one negation, not two.
    for (const Phrase& phrase : cues) {
      const Phrase* ph = &phrase;
      for (std::uint32_t t = find(s, *ph, &taken); t != Occurrences::none;
           t = find_from(s, *ph, t + 1, taken)) {
        if (t < lo || t > hi) continue;
        if (within_clauses && (s.raw[t].clause < c_lo || s.raw[t].clause > c_hi)) continue;
        ++n;
        for (std::size_t k = 0; k < ph->size(); ++k) taken[t + k] = 1;
      }
    }
    return n;
  }

  static std::uint32_t find_from(const Sentence& s, const Phrase& ph, std::uint32_t from,
                                 const std::vector<char>& skip) {
    for (std::uint32_t e = s.occ.head[ph[0]]; e != Occurrences::none; e = s.occ.entries[e].next) {
      const std::uint32_t t = s.occ.entries[e].token;
      if (t < from) continue;
      if (t + ph.size() > s.raw.size()) break;
      bool ok = true;
      for (std::size_t k = 0; ok && k < ph.size(); ++k)
        ok = s.occ.has(static_cast<std::uint32_t>(t + k), ph[k]) && !skip[t + k];
      if (ok) return t;
    }
    return Occurrences::none;
  }

  // Whether match `m` is reported rather than asserted: report words before
  // or among the places of its slots, which lie in one clause.
  // In two sentences read as one (tokens before `split` are the first's),
  // report words anywhere in the second up to the claim's last word count:
  // "The trial enrolled pregnant women with leg cramps. They were
  // randomized to magnesium or placebo."
  bool reported(const Sentence& t, const Match& m, std::uint32_t split = 0) const {
    if (split > 0 && m.hi >= split &&
        count_in_span(t, kind(CueKind::report), m, split, m.hi, 0, 0, nullptr, false) > 0)
      return true;
    if (t.raw[m.core_lo].clause != t.raw[m.core_hi].clause) return false;
    return count_in_span(t, kind(CueKind::report), m, m.core_lo, m.core_hi, 6, 0) > 0;
  }

  // Words that place no claim in a clause by themselves ("for", "from").
  static bool function_word(const std::string& w) {
    static constexpr std::array<std::string_view, 12> words = {
        "for", "from", "due", "to", "of", "in", "on", "with", "by", "at", "as", "the"};
    return std::find(words.begin(), words.end(), w) != words.end();
  }

  // The stance of match `m` in `s` (tokens before `split` are another
  // sentence's): mixed when the evidence is said to be mixed near the
  // claim's words, in any clause ("While some trials found it helps, the
  // evidence is mixed"); else opposed when negated in its clauses. Then a
  // clause outside the match that restates the claim (words of two of its
  // slots) and takes the other side, or calls it mixed, makes it mixed
  // ("One trial found it helped pregnant women; another found no effect on
  // cramps in pregnancy").
  StanceKind stance(const Sentence& t, const Match& m, std::uint32_t split) const {
    if (count_in_scope(t, kind(CueKind::mixed), m, 8, 8, nullptr, false) > 0)
      return StanceKind::mixed;
    StanceKind st = StanceKind::supports;
    if ((count_in_scope(t, kind(CueKind::negation), m, 4, 6, &not_negations) + m.antonyms) % 2 ==
        1) {
      // "No benefit except in pregnancy": the exception asserts what the
      // denial before it leaves out.
      if (m.antonyms == 0 && excepted(t, m)) return StanceKind::supports;
      // "It can help, but it is not a fix": a claim's words across a
      // contrast, denied in one clause only, are both sides.
      if (contrasted(t, m, split)) return StanceKind::mixed;
      st = StanceKind::opposes;
    }
    const std::uint16_t c_lo = t.raw[m.lo].clause, c_hi = t.raw[m.hi].clause;
    for (std::uint32_t k = split; k < t.raw.size();) {
      const std::uint16_t c = t.raw[k].clause;
      std::uint32_t end = k;
      while (end < t.raw.size() && t.raw[end].clause == c) ++end;
      if (c < c_lo || c > c_hi) {
        // The claim's words in this clause, from how many slots.
        char slots[2] = {0, 0};
        for (std::uint32_t u = k; u < end; ++u) {
          const char sl = m.used[u];
          if (sl == 0 || sl == Match::kTaken || function_word(t.raw[u].word)) continue;
          if (slots[0] == 0) {
            slots[0] = sl;
          } else if (sl != slots[0]) {
            slots[1] = sl;
          }
        }
        if (slots[1] != 0) {
          // The whole clause is the restatement's scope.
          if (count_in_span(t, kind(CueKind::mixed), m, k, end - 1, 0, 0) > 0)
            return StanceKind::mixed;
          const bool denied =
              count_in_span(t, kind(CueKind::negation), m, k, end - 1, 0, 0, &not_negations) % 2 ==
              1;
          if (denied != (st == StanceKind::opposes)) return StanceKind::mixed;
        }
      }
      k = end;
    }
    return st;
  }

  // Whether some of match `m`'s words follow an exception ("except",
  // "other than") that a negation precedes: "no evidence that it helps
  // cramps other than in pregnancy".
  bool excepted(const Sentence& s, const Match& m) const {
    for (std::uint32_t x = m.lo + 1; x <= m.hi; ++x) {
      const std::string& w = s.raw[x].word;
      const bool marker =
          w == "except" || (w == "other" && x + 1 < s.raw.size() && s.raw[x + 1].word == "than");
      if (!marker) continue;
      bool after = false;
      for (std::uint32_t u = x + 1; u <= m.hi && !after; ++u)
        after = m.used[u] != 0 && m.used[u] != Match::kTaken;
      if (after &&
          count_in_span(s, kind(CueKind::negation), m, m.lo, x - 1, 4, 0, &not_negations, false) %
                  2 ==
              1)
        return true;
    }
    return false;
  }

  // Whether clause `c` holds a word of every slot the match has words of
  // (from `split` on).
  static bool whole_in_clause(const Sentence& s, const Match& m, std::uint32_t split,
                              std::uint16_t c) {
    std::array<bool, Match::kTaken> all{}, in{};
    for (std::uint32_t t = split; t < s.raw.size(); ++t) {
      const auto sl = static_cast<unsigned char>(m.used[t]);
      if (sl == 0 || sl >= Match::kTaken) continue;
      all[sl] = true;
      if (s.raw[t].clause == c) in[sl] = true;
    }
    return all == in;
  }

  // Whether the match spans clauses of which only some hold a negation
  // (counted as count_in_scope does: from four words before the clause's
  // first word of the match, within the clause).
  // Only this sentence's clauses count (tokens from `split` on): in two
  // sentences read as one, the first's words are context.
  bool contrasted(const Sentence& s, const Match& m, std::uint32_t split) const {
    const std::uint16_t hi = s.raw[m.hi].clause;
    const std::uint16_t lo = std::max(s.raw[m.lo].clause, s.raw[split].clause);
    if (lo >= hi) return false;
    std::size_t with = 0;
    for (std::uint16_t c = lo; c <= hi; ++c) {
      // The clause's own tokens of the match.
      std::uint32_t a = Occurrences::none, b = 0;
      for (std::uint32_t t = m.lo; t <= m.hi; ++t) {
        if (s.raw[t].clause == c) {
          a = std::min(a, t);
          b = std::max(b, t);
        }
      }
      if (a == Occurrences::none) continue;
      if (count_in_span(s, kind(CueKind::negation), m, a, b, 4, 3, &not_negations) % 2 == 1) {
        // A clause that holds words of every slot denies the whole claim
        // itself: "While a deficiency is proposed as a cause of cramps, no
        // trial shows magnesium supplements benefit cramps."
        if (whole_in_clause(s, m, split, c)) return false;
        ++with;
      }
    }
    return with > 0 && with < static_cast<std::size_t>(hi - lo + 1);
  }

  // Which topic cues a heading names.
  std::vector<char> heading_topics(const std::string& locator) const {
    std::vector<char> out(topics.size(), 0);
    Sentence h;
    tokenize(locator, 0, h.raw);
    if (h.raw.empty()) return out;
    index(h);
    for (std::size_t i = 0; i < topics.size(); ++i) out[i] = any(h, topics[i]) ? 1 : 0;
    return out;
  }

  // Whether a heading is a section that holds no claims (References).
  bool skipped_section(const std::string& locator) const {
    Sentence h;
    tokenize(locator, 0, h.raw);
    if (h.raw.empty()) return false;
    index(h);
    for (const Phrase& ph : kind(CueKind::skip_section)) {
      if (ph.size() == h.raw.size() && find(h, ph) == 0) return true;
    }
    return false;
  }

  bool any(const Sentence& s, const std::vector<Phrase>& cues) const {
    for (const Phrase& ph : cues)
      if (find(s, ph) != Occurrences::none) return true;
    return false;
  }
};

namespace {

// Whether a line break separates sentence `si` from the one before (looked
// for only between the two, so that the whole read stays linear).
bool newline_before(const Document& doc, std::size_t si) {
  const Sentence& a = doc.sentences[si - 1];
  const std::size_t from = a.offset + a.length, to = doc.sentences[si].offset;
  return from < to && std::memchr(doc.text.data() + from, '\n', to - from) != nullptr;
}

// The paragraphs' run-in headings ("Key trials. A 2017 trial found..."):
// a sentence of at most five words that ends with '.', begins a line and
// has the paragraph's text after it on that line. An article's style, so
// taken as such only where at least three paragraphs open so: elsewhere a
// short sentence is one ("Magnesium helps. It eases cramps.").
std::vector<char> run_in_headings(const Document& doc) {
  std::vector<char> out(doc.sentences.size(), 0);
  std::size_t n = 0;
  for (std::size_t si = 0; si + 1 < doc.sentences.size(); ++si) {
    if ((si > 0 && !newline_before(doc, si)) || newline_before(doc, si + 1)) continue;
    std::string_view v = text::trim(doc.sentences[si].view(doc.text));
    if (v.empty() || v.back() != '.') continue;
    std::size_t words = 1;
    for (const char c : v) words += c == ' ' ? 1 : 0;
    if (words > 5) continue;
    out[si] = 1;
    ++n;
  }
  if (n < 3) std::fill(out.begin(), out.end(), 0);
  return out;
}

// Whether sentence `si` opens a list item: on its line, only a marker
// ("-", "*", "+", "•", "1.", "1)") and spaces before it (text and Markdown;
// HTML keeps no markers). Looked for only after the sentence before.
bool opens_item(const Document& doc, std::size_t si) {
  if (doc.format == Format::html) return false;
  const std::size_t to = doc.sentences[si].offset;
  const std::size_t floor =
      si == 0 ? 0 : doc.sentences[si - 1].offset + doc.sentences[si - 1].length;
  std::size_t from = to;
  while (from > floor && doc.text[from - 1] != '\n') --from;
  if (from == floor && from != 0 && doc.text[from - 1] != '\n') return false;
  std::string_view head = text::trim(std::string_view(doc.text).substr(from, to - from));
  if (head == "-" || head == "*" || head == "+" || head == "\xE2\x80\xA2") return true;
  if (head.size() < 2 || (head.back() != '.' && head.back() != ')')) return false;
  head.remove_suffix(1);
  return head.size() <= 9 &&
         std::all_of(head.begin(), head.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Whether sentence `si` continues the paragraph of the one before: no blank
// line and no list item between them.
bool same_paragraph(const Document& doc, std::size_t si) {
  if (si == 0) return false;
  const Sentence& a = doc.sentences[si - 1];
  const std::size_t from = a.offset + a.length, to = doc.sentences[si].offset;
  if (from >= to) return true;
  const std::string_view gap(doc.text.data() + from, to - from);
  // HTML: one block per line. Text and Markdown: a line break inside a
  // paragraph is a wrapped line, followed by the sentence's next word.
  if (doc.format == Format::html) return gap.find('\n') == std::string_view::npos;
  for (std::size_t nl = gap.find('\n'); nl != std::string_view::npos; nl = gap.find('\n', nl + 1)) {
    std::size_t k = nl + 1;
    while (k < gap.size() && (gap[k] == ' ' || gap[k] == '\t' || gap[k] == '\r')) ++k;
    if (k < gap.size()) return false;  // a blank line, or a list marker
  }
  return true;
}

bool is_year(const std::string& w) {
  return w.size() == 4 && (w[0] == '1' || w[0] == '2') &&
         std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A reference list's entry ("Sebo P, et al. 2014. Magnesium therapy for
// ..."): authors with "et al" or in Vancouver style, or a line that opens
// with a year.
// One author in Vancouver style at `s`: a capitalised surname (letters,
// hyphens, apostrophes), a space, one to three capital initials, then ',' or
// '.' ("Phupong V.", "Roguin-Maor N,"). Returns the length, or 0.
std::size_t vancouver_author(std::string_view s) {
  std::size_t i = 0;
  if (i >= s.size() || s[i] < 'A' || s[i] > 'Z') return 0;
  ++i;
  while (i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || s[i] == '-' || s[i] == '\'')) {
    // "Roguin-Maor", "O'Brien": a capital after a hyphen or an apostrophe.
    const bool joined = s[i] == '-' || s[i] == '\'';
    ++i;
    if (joined && i < s.size() && s[i] >= 'A' && s[i] <= 'Z') ++i;
  }
  if (i < 3 || i >= s.size() || s[i] != ' ') return 0;
  ++i;
  const std::size_t initials = i;
  while (i < s.size() && s[i] >= 'A' && s[i] <= 'Z') ++i;
  if (i == initials || i - initials > 3 || i >= s.size() || (s[i] != ',' && s[i] != '.')) return 0;
  return i + 1;
}

bool cites(const std::vector<RawToken>& raw, std::string_view text) {
  for (std::size_t i = 0; i + 1 < raw.size(); ++i) {
    if (raw[i].word == "et" && raw[i + 1].word == "al") return true;
  }
  if (raw.size() <= 3 && !raw.empty() && is_year(raw.back().word)) return true;
  // "Supakatisant C, Phupong V. 2012 ...": two authors, or one and a year.
  while (!text.empty() && (text[0] == '-' || text[0] == '*' || text[0] == ' '))
    text.remove_prefix(1);
  const std::size_t first = vancouver_author(text);
  if (first == 0) return false;
  std::string_view rest = text.substr(first);
  while (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
  if (vancouver_author(rest) != 0) return true;
  return std::any_of(raw.begin(), raw.end(), [](const RawToken& t) { return is_year(t.word); });
}

// A question asserts nothing: the sentence ends with '?' (before closing
// quotes or brackets).
bool is_question(std::string_view s) {
  while (!s.empty()) {
    const char c = s.back();
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == ' ' || c == '*' || c == '_') {
      s.remove_suffix(1);
    } else if (s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\x9D" ||
                                 s.substr(s.size() - 3) == "\xE2\x80\x99")) {
      s.remove_suffix(3);
    } else {
      break;
    }
  }
  return !s.empty() && s.back() == '?';
}

}  // namespace

// The article's stance from its sentences': the side at least twice as
// many sentences take (a mixed sentence counts half to each), else mixed.
StanceKind article_stance(const std::vector<SentenceStance>& sentences) {
  double pro = 0, con = 0;
  for (const SentenceStance& s : sentences) {
    switch (s.stance) {
      case StanceKind::supports: pro += 1; break;
      case StanceKind::opposes: con += 1; break;
      case StanceKind::mixed:
        pro += 0.5;
        con += 0.5;
        break;
    }
  }
  if (pro >= 2 * con) return StanceKind::supports;
  if (con >= 2 * pro) return StanceKind::opposes;
  return StanceKind::mixed;
}

void apply_implications(std::vector<ClaimFound>& claims) {
  std::unordered_map<std::string_view, StanceKind> stance;
  for (const ClaimFound& cf : claims) stance.emplace(cf.claim->id, cf.stance);
  auto is = [&](const std::string& id, StanceKind k) {
    const auto it = stance.find(id);
    return it != stance.end() && it->second == k;
  };
  for (ClaimFound& cf : claims) {
    if (cf.stance != StanceKind::supports) continue;
    const bool other_side =
        std::any_of(cf.claim->implies.begin(), cf.claim->implies.end(),
                    [&](const std::string& id) { return is(id, StanceKind::opposes); }) ||
        std::any_of(cf.claim->denies.begin(), cf.claim->denies.end(),
                    [&](const std::string& id) { return is(id, StanceKind::supports); });
    if (other_side) cf.stance = StanceKind::mixed;
  }
}

Matcher::Matcher(const Dataset& ds) : impl_(std::make_unique<Impl>(ds)) {}
Matcher::~Matcher() = default;

Reading Matcher::read(const Document& doc) const {
  const Impl& im = *impl_;
  Reading out;
  std::vector<std::size_t> claim_at(im.rules.size(), static_cast<std::size_t>(-1));
  Impl::Sentence s;
  Impl::Match m;
  bool prev_subject = false;
  bool skipping = false;
  bool in_citation = false;
  bool prev_readable = false;  // the previous sentence was read for claims
  Impl::Sentence prev, pair;
  std::vector<char> topics(im.topics.size(), 0);
  const std::string* prev_locator = nullptr;
  std::vector<RawToken> heading;  // the section's heading's words
  const std::vector<char> run_in = run_in_headings(doc);
  // The sentence that introduces a list ("Other causes include:"), read
  // with each item's first sentence while the list lasts.
  Impl::Sentence lead;
  bool in_list = false;
  const std::string* lead_locator = nullptr;
  for (std::size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& sent = doc.sentences[si];
    const std::string_view sv = sent.view(doc.text);
    s.raw.clear();
    tokenize(sv, sent.offset, s.raw);
    if (s.raw.empty()) continue;
    im.index(s);
    const bool same_section = prev_locator != nullptr && *prev_locator == sent.locator;
    if (!same_section) {
      skipping = im.skipped_section(sent.locator);
      topics = im.heading_topics(sent.locator);
      heading.clear();
      tokenize(sent.locator, 0, heading);
    }
    const bool anaphor_ok = prev_subject && same_section;
    const bool has_subject = im.any(s, im.kind(CueKind::subject));
    prev_subject = has_subject;
    prev_locator = &sent.locator;

    for (CueKind k : {CueKind::promotion, CueKind::purchase, CueKind::discount, CueKind::disclaimer,
                      CueKind::first_person_selling}) {
      if (im.any(s, im.kind(k))) out.signals.push_back({k, si});
    }
    // The rest of a reference's line is its title, not the article's claim.
    const bool same_line = si > 0 && !newline_before(doc, si);
    const bool item = !same_line && opens_item(doc, si);
    // A line that is not an item ends the list; so does a new section.
    if ((!same_line && !item) || !same_section) in_list = false;
    if (cites(s.raw, sv)) {
      in_citation = true;
      prev_readable = false;
      continue;
    }
    if (!same_line) in_citation = false;
    if (is_question(sv) || skipping || in_citation) {
      prev_readable = false;
      continue;
    }
    // A run-in heading names what its paragraph is about: it makes no claim,
    // nor half of one, and "it" in the paragraph is not its subject.
    if (run_in[si] != 0) {
      prev_readable = false;
      prev_subject = false;
      continue;
    }

    // Claims whose patterns match `t`; with `split` > 0, `t` is the previous
    // sentence's words then this one's, and a match must use both.
    auto find_claims = [&](const Impl::Sentence& t, bool anaphors, std::uint32_t split) {
      bool any_claim = false;
      for (std::size_t ri = 0; ri < im.rules.size(); ++ri) {
        const ClaimRule& rule = im.rules[ri];
        bool hit = false;
        for (const Pattern& p : rule.patterns) {
          if (im.match(t, p, anaphors, topics, m) &&
              (split == 0 || (m.lo < split && m.hi >= split))) {
            hit = true;
            break;
          }
        }
        if (!hit) continue;
        // Across two sentences, only this one's words give its stance.
        for (std::uint32_t k = 0; k < split; ++k) {
          m.used[k] = Impl::Match::kTaken;
        }
        SentenceStance st{si, im.stance(t, m, split), false};
        // "Magnesium is widely used for cramps", "a trial tested whether it
        // helps": reported, not asserted, unless denied; the words come
        // before or among the claim's, in its one clause ("While it is often
        // recommended, high doses can cause cramps" asserts the second).
        if (st.stance == StanceKind::supports && im.reported(t, m, split)) continue;
        any_claim = true;
        st.hedged = im.count_in_scope(t, im.kind(CueKind::hedge), m, 4, 3) > 0;
        if (claim_at[ri] == static_cast<std::size_t>(-1)) {
          claim_at[ri] = out.claims.size();
          out.claims.push_back({rule.claim, st.stance, st.hedged, {}});
        }
        ClaimFound& cf = out.claims[claim_at[ri]];
        if (!cf.sentences.empty() && cf.sentences.back().sentence == si) continue;
        cf.hedged = cf.hedged && st.hedged;
        cf.sentences.push_back(st);
      }
      return any_claim;
    };
    bool matched = find_claims(s, anaphor_ok, 0);
    // A claim made across two sentences of one paragraph ("Athletes often
    // cramp. Magnesium is no fix for that."), when the first makes none
    // alone; the second may make another alone ("So it dehydrates you,
    // making you prone to cramps" after "Alcohol is a diuretic").
    // The second sentence speaks of the subject, by name or by a pronoun:
    // "Our aim is to help you" after a sentence on magnesium and cramps
    // makes no claim.
    if (prev_readable && same_section && same_paragraph(doc, si) &&
        (has_subject || im.any(s, im.kind(CueKind::anaphor)))) {
      pair.raw = prev.raw;
      const std::uint16_t shift = pair.raw.empty() ? 0 : pair.raw.back().clause + 1;
      for (RawToken tk : s.raw) {
        tk.clause = static_cast<std::uint16_t>(tk.clause + shift);
        pair.raw.push_back(std::move(tk));
      }
      im.index(pair);
      matched = find_claims(pair, false, static_cast<std::uint32_t>(prev.raw.size())) || matched;
    }
    // A list's item continues the sentence that introduces it: "Some
    // causes of cramps are:" then "- Diuretics, which deplete magnesium."
    const bool with_lead = in_list && lead_locator != nullptr && *lead_locator == sent.locator;
    if (item && (with_lead || !heading.empty())) {
      pair.raw = heading;
      if (with_lead) {
        const std::uint16_t sh = pair.raw.empty() ? 0 : pair.raw.back().clause + 1;
        for (RawToken tk : lead.raw) {
          tk.clause = static_cast<std::uint16_t>(tk.clause + sh);
          pair.raw.push_back(std::move(tk));
        }
      }
      const auto ctx = static_cast<std::uint32_t>(pair.raw.size());
      const std::uint16_t shift = pair.raw.empty() ? 0 : pair.raw.back().clause + 1;
      for (RawToken tk : s.raw) {
        tk.clause = static_cast<std::uint16_t>(tk.clause + shift);
        pair.raw.push_back(std::move(tk));
      }
      im.index(pair);
      matched = find_claims(pair, false, ctx) || matched;
    }
    if (!item && !text::trim(sv).empty() && text::trim(sv).back() == ':') {
      lead.raw = s.raw;
      in_list = true;
      lead_locator = &sent.locator;
    }
    if (!matched && has_subject && im.any(s, im.kind(CueKind::health))) {
      out.unmatched.push_back(si);
    }
    prev.raw = s.raw;
    prev_readable = !matched;  // a claim found there used its words
  }
  for (ClaimFound& cf : out.claims) cf.stance = article_stance(cf.sentences);
  apply_implications(out.claims);
  return out;
}

}  // namespace mgcramp::check
