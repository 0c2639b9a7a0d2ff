#include "mgcramp/query/search.hpp"

#include <algorithm>
#include <cctype>
#include <type_traits>

#include "mgcramp/model/leaves.hpp"
#include "mgcramp/text.hpp"

namespace mgcramp {
namespace {

using schema::Field;
using schema::Path;

// The text a field's value holds, piece by piece: strings, ids, list items
// and enumerated values' names. Every piece lives as long as the dataset.
// Numbers and flags hold none.
template <class G>
void for_each_text(const std::string& v, G&& g) {
  g(std::string_view(v));
}
template <class G>
void for_each_text(const std::vector<std::string>& v, G&& g) {
  for (const auto& s : v) g(std::string_view(s));
}
template <class T, class G>
void for_each_text(const T& v, G&& g) {
  if constexpr (std::is_enum_v<T>) g(name_of(v));
}
template <class T, class G>
void for_each_text(const std::optional<T>& v, G&& g) {
  if (v) for_each_text(*v, g);
}

bool is_word_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) != 0 || u >= 0x80;
}

// A lower-case word to look for, with both cases of its first letter.
struct Needle {
  std::string_view text;
  char lo, up;

  explicit Needle(std::string_view t)
      : text(t),
        lo(t.empty() ? '\0' : t[0]),
        up(lo >= 'a' && lo <= 'z' ? static_cast<char>(lo - 'a' + 'A') : lo) {}
};

char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Where `needle` occurs in `hay` (ASCII case folded), preferring the start
// of a word; and how well (kInside, kWordStart, kWhole; 0 not at all). One
// pass: each case of the needle's first letter is looked up with memchr,
// once per occurrence.
// A word found inside another ("oxide" in "hydroxide") counts little.
constexpr int kInside = 1, kWordStart = 8, kWord = 10, kWhole = 12;

struct Found {
  int quality = 0;
  std::size_t pos = 0;
};

Found find_best(std::string_view hay, const Needle& needle) {
  constexpr auto npos = std::string_view::npos;
  const std::string_view word = needle.text;
  if (word.empty() || hay.size() < word.size()) return {};
  const std::size_t last = hay.size() - word.size();
  std::size_t next_lo = hay.find(needle.lo);
  std::size_t next_up = needle.up == needle.lo ? npos : hay.find(needle.up);
  Found best;
  for (;;) {
    const std::size_t p = std::min(next_lo, next_up);
    if (p == npos || p > last) return best;
    if (p == next_lo) {
      next_lo = hay.find(needle.lo, p + 1);
    } else {
      next_up = hay.find(needle.up, p + 1);
    }
    std::size_t k = 1;
    while (k < word.size() && ascii_lower(hay[p + k]) == word[k]) ++k;
    if (k < word.size()) continue;
    if (hay.size() == word.size()) return {kWhole, p};
    if (p == 0 || !is_word_char(hay[p - 1])) {
      const std::size_t end = p + word.size();
      if (end == hay.size() || !is_word_char(hay[end])) return {kWord, p};
      if (best.quality < kWordStart) best = {kWordStart, p};
      continue;
    }
    if (best.quality == 0) best = {kInside, p};
  }
}

// About `width` columns of `s` around [pos, pos + len), cut at spaces, with
// "..." where text was left out.
std::string snippet(std::string_view s, std::size_t pos, std::size_t len, std::size_t width) {
  if (s.size() <= width) return std::string(s);
  std::size_t begin = pos > width / 3 ? pos - width / 3 : 0;
  std::size_t end = std::min(s.size(), std::max(begin + width, pos + len));
  if (end == s.size() && end - begin < width) begin = end > width ? end - width : 0;
  if (begin > 0) {
    const std::size_t sp = s.find(' ', begin);
    if (sp != std::string_view::npos && sp < pos) begin = sp + 1;
  }
  if (end < s.size()) {
    const std::size_t sp = s.rfind(' ', end);
    if (sp != std::string_view::npos && sp >= pos + len) end = sp;
  }
  // Never cut inside a UTF-8 sequence.
  while (begin > 0 && (static_cast<unsigned char>(s[begin]) & 0xC0) == 0x80) --begin;
  while (end < s.size() && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) ++end;
  return (begin > 0 ? "..." : "") + std::string(s.substr(begin, end - begin)) +
         (end < s.size() ? "..." : "");
}

std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    std::size_t j = i;
    while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
    if (j > i) out.push_back(text::to_lower(s.substr(i, j - i)));
    i = j;
  }
  return out;
}

// Words too common to say what a record is about ("does magnesium help
// night cramps": "does" is in no record that matters).
bool is_stop_word(std::string_view w) {
  static constexpr std::string_view kStop[] = {
      "a",      "an",    "and",   "any",  "are",   "as",    "at",   "be",    "by",  "can",
      "could",  "did",   "do",    "does", "for",   "from",  "has",  "have",  "how", "i",
      "if",     "in",    "is",    "it",   "its",   "me",    "my",   "of",    "on",  "or",
      "should", "so",    "that",  "the",  "their", "there", "this", "to",    "was", "what",
      "when",   "where", "which", "who",  "why",   "will",  "with", "would", "you", "your"};
  return std::find(std::begin(kStop), std::end(kStop), w) != std::end(kStop);
}

}  // namespace

std::vector<std::string> search_words(std::string_view text) {
  return words_of(text);
}

SearchResult search(const Dataset& ds, const SearchQuery& q) {
  std::vector<std::string> word_texts = words_of(q.text);
  std::vector<std::string> dropped;
  if (std::any_of(word_texts.begin(), word_texts.end(),
                  [](const std::string& w) { return !is_stop_word(w); })) {
    std::vector<std::string> kept;
    for (auto& w : word_texts) (is_stop_word(w) ? dropped : kept).push_back(std::move(w));
    word_texts = std::move(kept);
  }
  std::string phrase_text;
  for (const auto& w : word_texts) phrase_text += (phrase_text.empty() ? "" : " ") + w;
  // Longest first: a long word is the likeliest to be missing, which rules
  // a record out before the other words are looked for.
  std::vector<Needle> words(word_texts.begin(), word_texts.end());
  std::stable_sort(words.begin(), words.end(),
                   [](const Needle& a, const Needle& b) { return a.text.size() > b.text.size(); });
  const Needle phrase(phrase_text);
  const double phrase_factor = 2.0 * static_cast<double>(words.size());

  struct Text {
    Path field;
    double weight;
    std::string_view text;
  };
  std::vector<Text> texts;  // one record's, reused
  struct Number {
    Path field;
    double weight;
    int value;
  };
  std::vector<Number> numbers;
  // A record's best single match, whose field and snippet are shown.
  struct Match {
    double score = 0;
    Path field;
    std::string_view text;  // lives as long as the dataset
    std::size_t pos = 0, len = 0;
  };
  struct Candidate {
    RecordRef record;
    double score = 0;
    Match top;
    std::size_t words = 0;  // how many of the words it holds
  };
  std::vector<Candidate> found;
  SearchResult res;
  res.words = word_texts;
  res.dropped = dropped;
  // First every word must occur; if no record holds them all, any will do,
  // the records with the most words first.
  auto pass = [&](bool every_word) {
    for_each_record(ds, [&](RecordRef r) {
      if (q.table ? r.table != *q.table : r.table == Table::cues) return;
      texts.clear();
      numbers.clear();
      with_record(ds, r, [&](const auto& rec) {
        schema::for_each_leaf(rec, [&](const Path& path, const Field& f, const auto& v) {
          const double weight = static_cast<double>(f.weight);
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, int>) {
            numbers.push_back({path, weight, v});
          } else if (f.ref == schema::RefTo::none || f.is_id) {
            // A field that only names other records is theirs to match.
            for_each_text(v, [&](std::string_view s) { texts.push_back({path, weight, s}); });
          }
        });
      });
      Candidate c{r, 0, {}, 0};
      auto consider = [&](const Text& t, const Needle& n, double score, std::size_t pos) {
        if (score > c.top.score) c.top = {score, t.field, t.text, pos, n.text.size()};
      };
      for (const Needle& w : words) {
        double best = 0;
        // Integer fields (a study's year) match a word that is the same number.
        for (const Number& n : numbers) {
          if (w.text != std::to_string(n.value)) continue;
          const double score = n.weight * kWhole;
          best = std::max(best, score);
          if (score > c.top.score) c.top = {score, n.field, w.text, 0, 0};
        }
        for (const Text& t : texts) {
          const Found f = find_best(t.text, w);
          if (f.quality == 0) continue;
          const double score = t.weight * f.quality;
          best = std::max(best, score);
          consider(t, w, score, f.pos);
        }
        if (best == 0) {
          if (every_word) return;  // every word must occur
          continue;
        }
        c.score += best;
        ++c.words;
      }
      if (c.words == 0) return;
      if (words.size() > 1) {
        for (const Text& t : texts) {
          const Found f = find_best(t.text, phrase);
          if (f.quality > 0) consider(t, phrase, f.quality * t.weight * phrase_factor, f.pos);
        }
      }
      c.score += c.top.score;
      found.push_back(c);
    });
  };
  if (!words.empty()) pass(true);
  if (found.empty() && words.size() > 1) {
    res.partial = true;
    pass(false);
  }
  std::stable_sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
    return a.words != b.words ? a.words > b.words : a.score > b.score;
  });
  res.total = found.size();
  // Snippets only for the hits shown.
  for (std::size_t i = 0; i < found.size() && i < q.limit; ++i) {
    const Match& m = found[i].top;
    res.hits.push_back(
        {found[i].record, found[i].score, m.field.str(), snippet(m.text, m.pos, m.len, 60)});
  }
  return res;
}

}  // namespace mgcramp
