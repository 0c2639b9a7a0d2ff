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
         w == "yet";
}

// Splits `s` into folded words (data/SCHEMA.md "Cue patterns"): letters and
// digits make words, apostrophes join them ("n't" becomes "not"), `%` is
// "percent", "1,000" is "1000" and "1.5" stays one word.
void tokenize(std::string_view s, std::size_t base, std::vector<RawToken>& out) {
  std::uint16_t clause = 0;
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
        if (c == ';') ++clause;
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
      if (alt.empty()) return "a '|' with nothing beside it";
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
  std::vector<Phrase> alts;
};

struct Pattern {
  std::vector<Slot> slots;
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
  std::vector<Phrase> negations, hedges, mixed, subject, anaphors, health;
  std::array<std::vector<Phrase>, enum_count<CueKind>()> by_kind;
  std::unordered_map<std::string, std::vector<Phrase>> groups;  // cue id -> phrases
  std::string subject_id;                                       // the first subject cue's id
  std::vector<Phrase> not_negations;                            // "!" phrases of negation cues

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
          const auto g = groups.find(id);
          if (g != groups.end())
            slot.alts.insert(slot.alts.end(), g->second.begin(), g->second.end());
        } else if (!alt.empty()) {
          slot.alts.push_back(compile_phrase(alt));
        }
      }
      p.slots.push_back(std::move(slot));
    }
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
    }
    for (const Claim& c : ds.claims) {
      ClaimRule r{&c, {}};
      for (const std::string& p : c.cues) r.patterns.push_back(compile_pattern(p));
      rules.push_back(std::move(r));
    }
    std::sort(prefixes.begin(), prefixes.end());
    // count_in_scope takes the longest phrases first.
    for (CueKind k : {CueKind::negation, CueKind::hedge, CueKind::mixed}) {
      auto& v = by_kind[static_cast<std::size_t>(k)];
      std::stable_sort(v.begin(), v.end(),
                       [](const Phrase& a, const Phrase& b) { return a.size() > b.size(); });
    }
  }

  const std::vector<Phrase>& kind(CueKind k) const { return by_kind[static_cast<std::size_t>(k)]; }

  // ---- one sentence ----

  struct Sentence {
    std::vector<RawToken> raw;
    Occurrences occ;
  };

  // The terms a folded word is: its stem's, then every prefix it begins with.
  void terms_of(const std::string& w, std::vector<Term>& out) const {
    out.clear();
    if (const auto it = stems.find(std::string(stemmer.stem(w))); it != stems.end())
      out.push_back(it->second);
    // Prefixes that `w` begins with: those sorted at or before w sharing its first byte.
    auto it = std::upper_bound(prefixes.begin(), prefixes.end(), w,
                               [](const std::string& a, const auto& b) { return a < b.first; });
    while (it != prefixes.begin()) {
      --it;
      if (it->first.empty() || it->first[0] != w[0]) break;
      if (w.compare(0, it->first.size(), it->first) == 0) out.push_back(it->second);
    }
  }

  // Words' terms, remembered across the sentences of one article: an
  // article repeats its words, and stemming is most of the cost of reading
  // one. Bounded, so that an article of all different words costs no more
  // memory than kMaxWords entries.
  struct TermCache {
    static constexpr std::size_t kMaxWords = 1u << 16;
    std::unordered_map<std::string, std::vector<Term>> words;
    std::vector<Term> scratch;
  };

  void index(Sentence& s, TermCache& cache) const {
    s.occ.clear();
    if (s.occ.head.size() < next_term) s.occ.head.resize(next_term, Occurrences::none);
    if (s.occ.at.size() < s.raw.size()) s.occ.at.resize(s.raw.size());
    for (std::uint32_t i = 0; i < s.raw.size(); ++i) {
      const std::string& w = s.raw[i].word;
      const std::vector<Term>* terms = &cache.scratch;
      if (const auto it = cache.words.find(w); it != cache.words.end()) {
        terms = &it->second;
      } else if (cache.words.size() < TermCache::kMaxWords) {
        std::vector<Term>& v = cache.words[w];
        terms_of(w, v);
        terms = &v;
      } else {
        terms_of(w, cache.scratch);
      }
      for (Term t : *terms) s.occ.add(i, t);
    }
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
    std::vector<char> used;  // tokens the pattern's words took
    std::uint32_t lo = 0, hi = 0;
  };

  // Whether `p` matches `s`; `anaphor_ok`: an anaphor may stand for the subject.
  bool match(const Sentence& s, const Pattern& p, bool anaphor_ok, Match& m) const {
    // Most patterns fail on most sentences: first see whether every slot is
    // satisfied, without the bookkeeping of the words taken.
    for (const Slot& slot : p.slots) {
      bool found = false;
      for (const Phrase& ph : slot.alts) {
        if (find(s, ph) != Occurrences::none) {
          found = true;
          break;
        }
      }
      if (slot.negated) {
        if (found) return false;
        continue;
      }
      if (!found && slot.subject && anaphor_ok) {
        for (const Phrase& ph : kind(CueKind::anaphor)) {
          if (find(s, ph) != Occurrences::none) {
            found = true;
            break;
          }
        }
      }
      if (!found) return false;
    }
    m.used.assign(s.raw.size(), 0);
    m.lo = Occurrences::none;
    m.hi = 0;
    for (const Slot& slot : p.slots) {
      bool found = false;
      for (const Phrase& ph : slot.alts) {
        const std::uint32_t t = find(s, ph);
        if (t == Occurrences::none) continue;
        if (slot.negated) return false;
        found = true;
        m.lo = std::min(m.lo, t);
        m.hi = std::max(m.hi, static_cast<std::uint32_t>(t + ph.size() - 1));
        // Every occurrence of a matched phrase is the claim's own word.
        for (std::uint32_t u = t; u != Occurrences::none;) {
          for (std::size_t k = 0; k < ph.size(); ++k) m.used[u + k] = 1;
          u = next_occurrence(s, ph, u);
        }
      }
      if (!found && slot.subject && anaphor_ok && !slot.negated) {
        for (const Phrase& ph : kind(CueKind::anaphor)) {
          const std::uint32_t t = find(s, ph);
          if (t == Occurrences::none) continue;
          found = true;
          m.lo = std::min(m.lo, t);
          m.hi = std::max(m.hi, static_cast<std::uint32_t>(t + ph.size() - 1));
          for (std::size_t k = 0; k < ph.size(); ++k) m.used[t + k] = 1;
          break;
        }
      }
      if (!found && !slot.negated) return false;
    }
    return m.lo != Occurrences::none;
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

  // How many phrases of `cues` (longest first) occur in the scope of match
  // `m` (from `before` tokens before it to `after` after it, within its
  // clauses), not on the claim's own words; overlapping occurrences count once.
  std::size_t count_in_scope(const Sentence& s, const std::vector<Phrase>& cues, const Match& m,
                             std::uint32_t before, std::uint32_t after,
                             const std::vector<Phrase>* exceptions = nullptr) const {
    const std::uint32_t lo = m.lo > before ? m.lo - before : 0;
    const std::uint32_t hi = std::min(static_cast<std::uint32_t>(s.raw.size() - 1), m.hi + after);
    const std::uint16_t c_lo = s.raw[m.lo].clause, c_hi = s.raw[m.hi].clause;
    std::vector<char> taken = m.used;
    if (exceptions != nullptr) {
      for (const Phrase& ph : *exceptions) {
        for (std::uint32_t t = find(s, ph, &taken); t != Occurrences::none;
             t = find_from(s, ph, t + 1, taken)) {
          for (std::size_t k = 0; k < ph.size(); ++k) taken[t + k] = 1;
        }
      }
    }
    std::size_t n = 0;
    // `cues` are longest first (the constructor sorts them), so "no
    // evidence" is one negation, not two.
    for (const Phrase& phrase : cues) {
      const Phrase* ph = &phrase;
      for (std::uint32_t t = find(s, *ph, &taken); t != Occurrences::none;
           t = find_from(s, *ph, t + 1, taken)) {
        if (t < lo || t > hi) continue;
        if (s.raw[t].clause < c_lo || s.raw[t].clause > c_hi) continue;
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

  // Whether a heading is a section that holds no claims (References).
  bool skipped_section(const std::string& locator, TermCache& cache) const {
    Sentence h;
    tokenize(locator, 0, h.raw);
    if (h.raw.empty()) return false;
    index(h, cache);
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

Matcher::Matcher(const Dataset& ds) : impl_(std::make_unique<Impl>(ds)) {}
Matcher::~Matcher() = default;

Reading Matcher::read(const Document& doc) const {
  const Impl& im = *impl_;
  Reading out;
  std::vector<std::size_t> claim_at(im.rules.size(), static_cast<std::size_t>(-1));
  Impl::Sentence s;
  Impl::Match m;
  Impl::TermCache cache;
  bool prev_subject = false;
  bool skipping = false;
  const std::string* prev_locator = nullptr;
  for (std::size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& sent = doc.sentences[si];
    const std::string_view sv = sent.view(doc.text);
    s.raw.clear();
    tokenize(sv, sent.offset, s.raw);
    if (s.raw.empty()) continue;
    im.index(s, cache);
    const bool same_section = prev_locator != nullptr && *prev_locator == sent.locator;
    if (!same_section) skipping = im.skipped_section(sent.locator, cache);
    const bool anaphor_ok = prev_subject && same_section;
    const bool has_subject = im.any(s, im.kind(CueKind::subject));
    prev_subject = has_subject;
    prev_locator = &sent.locator;

    for (CueKind k : {CueKind::promotion, CueKind::purchase, CueKind::discount, CueKind::disclaimer,
                      CueKind::first_person_selling}) {
      if (im.any(s, im.kind(k))) out.signals.push_back({k, si});
    }
    if (is_question(sv) || skipping) continue;

    bool matched = false;
    for (std::size_t ri = 0; ri < im.rules.size(); ++ri) {
      const ClaimRule& rule = im.rules[ri];
      bool hit = false;
      for (const Pattern& p : rule.patterns) {
        if (im.match(s, p, anaphor_ok, m)) {
          hit = true;
          break;
        }
      }
      if (!hit) continue;
      matched = true;
      SentenceStance st{si, StanceKind::supports, false};
      if (im.count_in_scope(s, im.kind(CueKind::mixed), m, 8, 8) > 0) {
        st.stance = StanceKind::mixed;
      } else if (im.count_in_scope(s, im.kind(CueKind::negation), m, 4, 3, &im.not_negations) % 2 ==
                 1) {
        st.stance = StanceKind::opposes;
      }
      st.hedged = im.count_in_scope(s, im.kind(CueKind::hedge), m, 4, 3) > 0;
      if (claim_at[ri] == static_cast<std::size_t>(-1)) {
        claim_at[ri] = out.claims.size();
        out.claims.push_back({rule.claim, st.stance, st.hedged, {}});
      }
      ClaimFound& cf = out.claims[claim_at[ri]];
      cf.hedged = cf.hedged && st.hedged;
      cf.sentences.push_back(st);
    }
    if (!matched && has_subject && im.any(s, im.kind(CueKind::health))) {
      out.unmatched.push_back(si);
    }
  }
  for (ClaimFound& cf : out.claims) cf.stance = article_stance(cf.sentences);
  return out;
}

}  // namespace mgcramp::check
