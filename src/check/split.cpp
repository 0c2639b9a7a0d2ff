// Sentence splitting: the structure of plain text and Markdown (paragraphs,
// list items, headings, code fences) from its lines, then each block cut at
// sentence ends. One pass over the text, with a bounded look around each
// candidate end, so linear in its size.
#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "internal.hpp"
#include "mgcramp/check/document.hpp"
#include "mgcramp/text.hpp"

namespace mgcramp::check {

namespace detail {
namespace {

constexpr std::size_t npos = std::string::npos;

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
  return is_upper(c) || is_lower(c);
}
char lower(char c) {
  return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}
unsigned char byte(std::string_view s, std::size_t i) {
  return static_cast<unsigned char>(s[i]);
}

// Length of a Unicode space at s[i] that trimming removes besides ASCII
// white space: NO-BREAK SPACE (C2 A0) and the byte order mark (EF BB BF).
std::size_t wide_space(std::string_view s, std::size_t i) {
  if (i + 1 < s.size() && byte(s, i) == 0xC2 && byte(s, i + 1) == 0xA0) return 2;
  if (i + 2 < s.size() && byte(s, i) == 0xEF && byte(s, i + 1) == 0xBB && byte(s, i + 2) == 0xBF)
    return 3;
  return 0;
}

// Length of a Unicode space ending just before s[end] (see wide_space).
std::size_t wide_space_before(std::string_view s, std::size_t end) {
  if (end >= 2 && byte(s, end - 2) == 0xC2 && byte(s, end - 1) == 0xA0) return 2;
  if (end >= 3 && byte(s, end - 3) == 0xEF && byte(s, end - 2) == 0xBB && byte(s, end - 1) == 0xBF)
    return 3;
  return 0;
}

Span trim(std::string_view s, Span r) {
  while (r.begin < r.end) {
    if (is_space(s[r.begin])) {
      ++r.begin;
    } else if (const std::size_t w = wide_space(s, r.begin); w && r.begin + w <= r.end) {
      r.begin += w;
    } else {
      break;
    }
  }
  while (r.end > r.begin) {
    if (is_space(s[r.end - 1])) {
      --r.end;
    } else if (const std::size_t w = wide_space_before(s, r.end); w && r.end - w >= r.begin) {
      r.end -= w;
    } else {
      break;
    }
  }
  return r;
}

// A closing quote or bracket after a sentence's final punctuation (and, in
// Markdown, the end of emphasis): its length at s[i], or 0.
std::size_t closer(std::string_view s, std::size_t i, bool markdown) {
  const char c = s[i];
  if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
  if (markdown && (c == '*' || c == '_')) return 1;
  if (i + 1 < s.size() && byte(s, i) == 0xC2 && byte(s, i + 1) == 0xBB) return 2;  // »
  if (i + 2 < s.size() && byte(s, i) == 0xE2 && byte(s, i + 1) == 0x80 &&
      (byte(s, i + 2) == 0x99 || byte(s, i + 2) == 0x9D || byte(s, i + 2) == 0xBA))
    return 3;  // ’ ” ›
  return 0;
}

// An opening quote or bracket before a word (where the look back stops).
bool opener(char c) {
  return c == '(' || c == '[' || c == '"' || c == '\'' || c == '*' || c == '_';
}

bool in(std::string_view word, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// Abbreviations whose period never ends a sentence.
bool always_abbreviation(std::string_view w) {
  return in(w, {"dr",   "mr",     "mrs", "ms",   "prof", "e.g",  "i.e",  "eg",  "ie",   "vs",
                "cf",   "approx", "ca",  "fig",  "figs", "eq",   "viz",  "st",  "mt",   "u.s",
                "u.k",  "u.n",    "e.u", "dept", "esp",  "incl", "resp", "rev", "gen",  "col",
                "capt", "lt",     "sgt", "gov",  "sen",  "rep",  "hon",  "mme", "mlle", "nr"});
}

// Abbreviations whose period ends a sentence only before a capital letter
// (or nothing): "etc. and", "et al. (2012)", "No. 5", "Smith Jr. said".
bool abbreviation_before_lower(std::string_view w) {
  return in(w, {"etc",  "al",  "jr",  "sr",  "inc", "ltd",  "co",   "corp", "no",   "nos", "vol",
                "vols", "pp",  "p",   "ed",  "eds", "ref",  "refs", "ch",   "sec",  "wk",  "wks",
                "yr",   "yrs", "est", "av",  "ave", "cap",  "caps", "tab",  "tabs", "ml",  "min",
                "max",  "hr",  "hrs", "a.m", "p.m", "ph.d", "m.d",  "b.sc", "m.sc", "mg"});
}

// Words a single capital letter follows when it names a thing rather than
// being an initial: "vitamin D. Then", "group B. The".
bool letter_name(std::string_view w) {
  return in(w, {"vitamin", "vitamins", "group", "groups",   "type",      "types",    "class",
                "phase",   "grade",    "stage", "part",     "hepatitis", "appendix", "figure",
                "table",   "plan",     "level", "schedule", "model",     "step",     "section",
                "option",  "category", "list",  "team",     "point",     "size",     "arm",
                "arms",    "cohort",   "block", "row",      "column"});
}

// Lowercase ASCII copy of s[b, e); empty when longer than 24 bytes (no
// abbreviation is) so that the look back stays bounded.
std::string word_at(std::string_view s, std::size_t b, std::size_t e) {
  std::string w;
  if (e - b > 24) return w;
  w.reserve(e - b);
  for (std::size_t i = b; i < e; ++i) w += lower(s[i]);
  return w;
}

// Start of the word that ends at s[end] (exclusive), looking back at most
// 32 bytes and not before `floor`.
std::size_t word_start(std::string_view s, std::size_t end, std::size_t floor) {
  std::size_t b = end;
  while (b > floor && end - b < 32 && !is_space(s[b - 1]) && !opener(s[b - 1])) --b;
  return b;
}

// Whether the '.' at s[dot] (a lone period, followed by white space or the
// end after closers) ends a sentence. `next` is the first byte after the
// white space that follows, or '\0' at the end of the block.
bool period_ends(std::string_view s, std::size_t floor, std::size_t dot, char next) {
  const std::size_t wb = word_start(s, dot, floor);
  if (wb == dot) return true;
  const std::string w = word_at(s, wb, dot);
  if (w.empty()) return true;  // a long word: no abbreviation
  if (always_abbreviation(w)) return false;
  const bool before_lower =
      is_lower(next) || is_digit(next) || next == '(' || next == ',' || next == ';' || next == ':';
  if (abbreviation_before_lower(w)) return !before_lower;
  if (w.size() == 1 && is_upper(s[wb])) {
    // An initial ("J. Smith"), unless the letter is a name ("vitamin D.").
    std::size_t pe = wb;
    while (pe > floor && wb - pe < 8 && is_space(s[pe - 1])) --pe;
    const std::size_t pb = word_start(s, pe, floor);
    const std::string prev = pb < pe ? word_at(s, pb, pe) : std::string();
    if (letter_name(prev)) return true;
    return next == '\0';
  }
  // Dotted acronyms ("N.I.H.", "a.m.") end a sentence before a capital only.
  if (w.find('.') != std::string::npos) {
    bool dotted = true;
    std::size_t run = 0;
    for (const char c : w) {
      if (c == '.') {
        if (run == 0) dotted = false;
        run = 0;
      } else if (!is_alpha(c) || ++run > 3) {
        dotted = false;
      }
    }
    if (dotted) return !before_lower;
  }
  return true;
}

bool has_word_char(std::string_view s, Span r) {
  for (std::size_t i = r.begin; i < r.end; ++i) {
    const char c = s[i];
    if (is_alpha(c) || is_digit(c) || byte(s, i) >= 0x80) return true;
  }
  return false;
}

class Splitter {
 public:
  Splitter(std::string_view text, std::vector<Sentence>& out) : s_(text), out_(out) {}

  // Cuts s[b, e) into sentences under `locator`.
  void block(std::size_t b, std::size_t e, const std::string& locator, bool markdown) {
    markdown_ = markdown;
    std::size_t start = b;
    std::size_t last_space = npos;
    std::size_t i = b;
    while (i < e) {
      const char c = s_[i];
      if (is_space(c)) {
        last_space = i;
        ++i;
      } else if (c == '.' || c == '!' || c == '?' || ellipsis(i)) {
        std::size_t j = i;
        std::size_t dots = 0;
        bool strong = false;  // '!' or '?' in the run
        while (j < e) {
          if (s_[j] == '.') {
            ++dots;
            ++j;
          } else if (s_[j] == '!' || s_[j] == '?') {
            strong = true;
            ++j;
          } else if (ellipsis(j)) {
            dots += 3;
            j += 3;
          } else {
            break;
          }
        }
        std::size_t k = j;
        while (k < e) {
          const std::size_t n = closer(s_, k, markdown);
          if (n == 0 || k + n > e) break;
          k += n;
        }
        if (!strong && dots == 1 && k == j) k = footnote_end(i, k, e);
        if (k == e || is_space(s_[k])) {
          std::size_t m = k;
          while (m < e && is_space(s_[m]) && m - k < 64) ++m;
          const char next = m < e ? s_[m] : '\0';
          bool ends = true;
          if (!strong && dots == 1) {
            ends = period_ends(s_, start, i, next);
          } else if (!strong) {
            ends = !is_lower(next);  // "... and so on"
          } else if (k > j) {
            ends = !is_lower(next);  // "Why?" she asked.
          }
          if (ends) {
            emit(start, k, locator);
            start = k;
            last_space = npos;
          }
        }
        i = k > i ? k : i + 1;
      } else {
        ++i;
      }
      if (i - start > kMaxSentenceBytes) {
        std::size_t cut = last_space != npos && last_space > start ? last_space : i;
        while (cut > start && cut < s_.size() && (byte(s_, cut) & 0xC0) == 0x80) --cut;
        if (cut == start) cut = i;
        emit(start, cut, locator);
        start = cut;
        last_space = npos;
      }
    }
    emit(start, e, locator);
  }

 private:
  // A footnote number glued to a word's period ("suddenly.1 Cramps",
  // "transmission.2,5 Thus"): digits, commas and hyphens, at most eight,
  // then white space and a capital (or the end). Returns where the number
  // ends, so the sentence ends there; else `k`.
  std::size_t footnote_end(std::size_t dot, std::size_t k, std::size_t e) const {
    if (dot == 0 || !is_alpha(s_[dot - 1]) || k >= e || !is_digit(s_[k])) return k;
    std::size_t m = k;
    while (m < e && m - k < 8 && (is_digit(s_[m]) || s_[m] == ',' || s_[m] == '-')) ++m;
    if (!is_digit(s_[m - 1])) return k;
    if (m == e) return m;
    if (!is_space(s_[m])) return k;
    std::size_t n = m;
    while (n < e && is_space(s_[n]) && n - m < 64) ++n;
    return n == e || is_upper(s_[n]) ? m : k;
  }

  bool ellipsis(std::size_t i) const {
    return i + 2 < s_.size() && byte(s_, i) == 0xE2 && byte(s_, i + 1) == 0x80 &&
           byte(s_, i + 2) == 0xA6;
  }

  void emit(std::size_t b, std::size_t e, const std::string& locator) {
    Span r = trim(s_, {b, e});
    if (markdown_) {
      // A block quote's markers at the start of the sentence ("> > text").
      while (r.begin < r.end && s_[r.begin] == '>') r = trim(s_, {r.begin + 1, r.end});
    }
    if (r.begin >= r.end || !has_word_char(s_, r)) return;
    Sentence sentence;
    sentence.offset = r.begin;
    sentence.length = r.end - r.begin;
    sentence.locator = locator;
    out_.push_back(std::move(sentence));
  }

  std::string_view s_;
  std::vector<Sentence>& out_;
  bool markdown_ = false;
};

// ---------------------------------------------------------------- lines

struct Line {
  std::size_t begin = 0;
  std::size_t end = 0;   // without the line break
  std::size_t next = 0;  // start of the next line
};

// The line at `pos` (< size): ends at "\n", "\r\n" or a lone "\r".
Line line_at(std::string_view s, std::size_t pos) {
  Line l;
  l.begin = pos;
  std::size_t i = pos;
  while (i < s.size() && s[i] != '\n' && s[i] != '\r') ++i;
  l.end = i;
  if (i < s.size()) {
    i += (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ? 2u : 1u;
  }
  l.next = i;
  return l;
}

bool blank(std::string_view s, Span r) {
  const Span t = trim(s, r);
  return t.begin >= t.end;
}

std::size_t indent(std::string_view s, Span r) {
  std::size_t i = r.begin;
  while (i < r.end && (s[i] == ' ' || s[i] == '\t')) ++i;
  return i;
}

// Markdown ATX heading ("## Text"): its level, and where its text starts.
int atx_level(std::string_view s, Span r, std::size_t* text_begin) {
  const std::size_t i = indent(s, r);
  if (i - r.begin > 3) return 0;
  std::size_t j = i;
  while (j < r.end && s[j] == '#' && j - i < 7) ++j;
  const std::size_t n = j - i;
  if (n == 0 || n > 6) return 0;
  if (j < r.end && s[j] != ' ' && s[j] != '\t') return 0;
  *text_begin = j;
  return static_cast<int>(n);
}

// A line of only `c` (and spaces between), at least `min` of them.
bool rule_of(std::string_view s, Span r, char c, std::size_t min) {
  std::size_t n = 0;
  for (std::size_t i = indent(s, r); i < r.end; ++i) {
    if (s[i] == c) {
      ++n;
    } else if (s[i] != ' ' && s[i] != '\t') {
      return false;
    }
  }
  return n >= min;
}

bool setext_underline(std::string_view s, Span r, int* level) {
  const std::size_t i = indent(s, r);
  if (i >= r.end || i - r.begin > 3) return false;
  const char c = s[i];
  if (c != '=' && c != '-') return false;
  std::size_t j = i;
  while (j < r.end && s[j] == c) ++j;
  if (c == '-' && j - i < 2) return false;
  if (!blank(s, {j, r.end})) return false;
  *level = c == '=' ? 1 : 2;
  return true;
}

bool thematic_break(std::string_view s, Span r) {
  return rule_of(s, r, '-', 3) || rule_of(s, r, '*', 3) || rule_of(s, r, '_', 3);
}

// A list item: where its text starts after the marker ("- ", "* ", "+ ",
// "• ", "1. ", "1) "), or npos.
std::size_t list_item(std::string_view s, Span r) {
  std::size_t i = indent(s, r);
  if (i >= r.end) return npos;
  std::size_t m = npos;  // end of the marker
  const char c = s[i];
  if (c == '-' || c == '*' || c == '+') {
    m = i + 1;
  } else if (i + 2 < r.end && byte(s, i) == 0xE2 && byte(s, i + 1) == 0x80 &&
             byte(s, i + 2) == 0xA2) {
    m = i + 3;  // •
  } else if (is_digit(c)) {
    std::size_t j = i;
    while (j < r.end && is_digit(s[j]) && j - i < 10) ++j;
    if (j - i <= 9 && j < r.end && (s[j] == '.' || s[j] == ')')) m = j + 1;
  }
  if (m == npos) return npos;
  if (m == r.end) return m;  // an empty item
  if (s[m] != ' ' && s[m] != '\t') return npos;
  while (m < r.end && (s[m] == ' ' || s[m] == '\t')) ++m;
  return m;
}

// A Markdown code fence ("```" or "~~~"): its character and length.
bool fence(std::string_view s, Span r, char* c, std::size_t* len) {
  const std::size_t i = indent(s, r);
  if (i >= r.end || i - r.begin > 3 || (s[i] != '`' && s[i] != '~')) return false;
  std::size_t j = i;
  while (j < r.end && s[j] == s[i]) ++j;
  if (j - i < 3) return false;
  *c = s[i];
  *len = j - i;
  return true;
}

// A Markdown link reference definition ("[1]: https://...").
bool link_definition(std::string_view s, Span r) {
  std::size_t i = indent(s, r);
  if (i >= r.end || s[i] != '[') return false;
  const std::size_t close = s.substr(0, r.end).find("]:", i);
  return close != std::string_view::npos && close < r.end && close - i < 100;
}

bool table_row(std::string_view s, Span r) {
  const std::size_t i = indent(s, r);
  return i < r.end && s[i] == '|';
}

// "|---|:--:|": only '|', '-', ':' and spaces.
bool table_rule(std::string_view s, Span r) {
  bool dash = false;
  for (std::size_t i = r.begin; i < r.end; ++i) {
    if (s[i] == '-') {
      dash = true;
    } else if (s[i] != '|' && s[i] != ':' && s[i] != ' ' && s[i] != '\t') {
      return false;
    }
  }
  return dash;
}

// Final sentence punctuation (before closing quotes and brackets).
bool ends_like_sentence(std::string_view s, Span r) {
  std::size_t e = r.end;
  while (e > r.begin) {
    const char c = s[e - 1];
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '*' || c == '_') {
      --e;
    } else if (e - r.begin >= 3 && byte(s, e - 3) == 0xE2 && byte(s, e - 2) == 0x80 &&
               (byte(s, e - 1) == 0x99 || byte(s, e - 1) == 0x9D)) {
      e -= 3;
    } else {
      break;
    }
  }
  // A footnote number after the period ("in Australia.4", "cramps.2,5").
  std::size_t f = e;
  while (f > r.begin && e - f < 8 && (is_digit(s[f - 1]) || s[f - 1] == ',' || s[f - 1] == '-'))
    --f;
  if (f < e && is_digit(s[e - 1]) && f - r.begin >= 2 && s[f - 1] == '.' && is_alpha(s[f - 2]))
    e = f;
  if (e == r.begin) return false;
  const char c = s[e - 1];
  return c == '.' || c == '!' || c == '?' || c == ',' || c == ';';
}

// A sentence end inside the line ("Done. Next"): no heading has one.
bool inner_sentence_end(std::string_view s, Span r) {
  for (std::size_t i = r.begin; i + 1 < r.end; ++i) {
    if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && is_space(s[i + 1])) return true;
  }
  return false;
}

bool has_letter(std::string_view s, Span r) {
  for (std::size_t i = r.begin; i < r.end; ++i) {
    if (is_alpha(s[i]) || byte(s, i) >= 0x80) return true;
  }
  return false;
}

// Collapses white space to single spaces and, for Markdown, drops inline
// markup: emphasis, code ticks, link targets ("[text](url)" -> "text"),
// backslash escapes and an ATX heading's closing '#'s.
std::string heading_text(std::string_view s, Span r, bool markdown) {
  std::string out;
  out.reserve(r.end - r.begin);
  bool space = false;
  const auto put = [&](char c) {
    if (is_space(c)) {
      space = !out.empty();
      return;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  };
  std::size_t skip_to = npos;  // inside "(url)" of a link: skip until ')'
  for (std::size_t i = r.begin; i < r.end; ++i) {
    const char c = s[i];
    if (skip_to != npos) {
      if (c == ')') skip_to = npos;
      continue;
    }
    if (markdown) {
      if (c == '\\' && i + 1 < r.end) {
        put(s[++i]);
        continue;
      }
      if (c == '*' || c == '`' || c == '[') continue;
      if (c == '!' && i + 1 < r.end && s[i + 1] == '[') continue;
      if (c == ']') {
        if (i + 1 < r.end && s[i + 1] == '(') {
          skip_to = i;
          ++i;
        }
        continue;
      }
      if (c == '_') {
        const bool left_edge = i == r.begin || is_space(s[i - 1]) || s[i - 1] == '_';
        const bool right_edge = i + 1 == r.end || is_space(s[i + 1]) || s[i + 1] == '_';
        if (left_edge || right_edge) continue;
      }
    }
    if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      put(' ');
    } else {
      put(c);
    }
  }
  if (markdown) {
    // Closing sequence of an ATX heading: " ##".
    std::size_t e = out.size();
    while (e > 0 && out[e - 1] == '#') --e;
    if (e < out.size() && (e == 0 || out[e - 1] == ' ')) {
      out.resize(e);
      while (!out.empty() && out.back() == ' ') out.pop_back();
    }
  }
  return out;
}

}  // namespace

std::vector<Sentence> split_lines(const std::string& text, Format f, std::string* title) {
  const std::string_view s = text;
  const bool md = f == Format::markdown;
  std::vector<Sentence> out;
  Splitter split(s, out);

  // Markdown without a single heading of its own may still be plain text
  // with lists: then short lines standing alone are headings, as in text.
  bool plain_headings = !md;
  if (md) {
    bool any = false;
    std::size_t tb = 0;
    for (std::size_t pos = 0; pos < s.size() && !any;) {
      const Line l = line_at(s, pos);
      any = atx_level(s, {l.begin, l.end}, &tb) > 0;
      pos = l.next;
    }
    plain_headings = !any;
  }

  std::string locator;
  std::string first_heading;
  std::string first_h1;
  const auto heading = [&](std::string h, int level) {
    if (h.empty()) return;
    if (first_heading.empty()) first_heading = h;
    if (level == 1 && first_h1.empty()) first_h1 = h;
    locator = std::move(h);
  };

  Span para{npos, npos};
  bool para_item = false;
  std::size_t para_lines = 0;
  const auto flush = [&] {
    if (para.begin != npos) split.block(para.begin, para.end, locator, md);
    para = {npos, npos};
    para_item = false;
    para_lines = 0;
  };

  bool blank_before = true;  // the line before is blank (or the start)
  bool in_fence = false;
  char fence_char = 0;
  std::size_t fence_len = 0;
  for (std::size_t pos = 0; pos < s.size();) {
    const Line l = line_at(s, pos);
    pos = l.next;
    const Span r{l.begin, l.end};
    const bool was_blank_before = blank_before;
    blank_before = false;

    if (in_fence) {
      char c = 0;
      std::size_t n = 0;
      if (fence(s, r, &c, &n) && c == fence_char && n >= fence_len) in_fence = false;
      blank_before = true;
      continue;
    }
    if (blank(s, r)) {
      flush();
      blank_before = true;
      continue;
    }
    if (md) {
      std::size_t tb = 0;
      if (fence(s, r, &fence_char, &fence_len)) {
        flush();
        in_fence = true;
        continue;
      }
      if (const int level = atx_level(s, r, &tb)) {
        flush();
        heading(heading_text(s, {tb, r.end}, true), level);
        blank_before = true;
        continue;
      }
    }
    int level = 0;
    if (para.begin != npos && !para_item && setext_underline(s, r, &level) &&
        (md || (para_lines == 1 && !ends_like_sentence(s, trim(s, para))))) {
      const Span h = para;
      para = {npos, npos};
      para_lines = 0;
      heading(heading_text(s, h, md), level);
      blank_before = true;
      continue;
    }
    if (thematic_break(s, r) || (md && (table_rule(s, r) || link_definition(s, r)))) {
      flush();
      blank_before = true;
      continue;
    }
    if (md && table_row(s, r)) {
      flush();
      split.block(r.begin, r.end, locator, md);
      continue;
    }
    if (const std::size_t item = list_item(s, r); item != npos) {
      flush();
      para = {item, r.end};
      para_item = true;
      para_lines = 1;
      continue;
    }
    // A heading in plain text: a short line standing alone, or a short
    // capitalised line between a finished sentence and the next paragraph
    // (text whose paragraphs have no blank lines between them).
    const bool after_sentence =
        para.begin != npos && !para_item && ends_like_sentence(s, trim(s, para));
    if (plain_headings && ((was_blank_before && para.begin == npos) || after_sentence)) {
      const Span t = trim(s, r);
      const bool alone = pos >= s.size() || blank(s, [&] {
                           const Line n = line_at(s, pos);
                           return Span{n.begin, n.end};
                         }());
      const bool tight = after_sentence && t.end - t.begin <= 70 && t.begin < t.end &&
                         s[t.begin] >= 'A' && s[t.begin] <= 'Z';
      if ((alone || tight) && t.end - t.begin <= 80 && has_letter(s, t) &&
          !ends_like_sentence(s, t) && !inner_sentence_end(s, t) && !(md && table_row(s, t))) {
        flush();
        heading(heading_text(s, t, md), 1);
        blank_before = true;
        continue;
      }
    }
    if (para.begin == npos) {
      para = {r.begin, r.end};
      para_lines = 1;
    } else {
      para.end = r.end;
      ++para_lines;
    }
  }
  flush();
  if (title != nullptr) *title = !first_h1.empty() ? first_h1 : first_heading;
  return out;
}

std::vector<Sentence> split_html(const std::string& text, const std::vector<Span>& headings) {
  const std::string_view s = text;
  std::vector<Sentence> out;
  Splitter split(s, out);
  std::string locator;
  std::size_t h = 0;
  for (std::size_t pos = 0; pos < s.size();) {
    const Line l = line_at(s, pos);
    pos = l.next;
    while (h < headings.size() && headings[h].end <= l.begin) ++h;
    if (h < headings.size() && headings[h].begin < l.end) {
      // A heading's line (a <br> may make it several).
      if (headings[h].begin >= l.begin) {
        locator = heading_text(s, headings[h], false);
      }
      continue;
    }
    split.block(l.begin, l.end, locator, false);
  }
  return out;
}

std::size_t invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (byte(s, i) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t n = text::utf8_sequence(s, i);
    if (n == 0) return i;
    i += n;
  }
  return npos;
}

}  // namespace detail

std::vector<Sentence> split_sentences(const std::string& text, Format f) {
  if (f == Format::html) return detail::split_html(text, {});
  return detail::split_lines(text, f, nullptr);
}

}  // namespace mgcramp::check
