#include "mgcramp/records.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "mgcramp/error.hpp"
#include "mgcramp/model/leaves.hpp"
#include "mgcramp/text.hpp"

namespace mgcramp {
namespace {

using schema::Field;
using schema::Path;
using schema::RefTo;

// Whether a reference of `kind` can point at the record `target`.
bool can_point_at(RefTo kind, const Dataset& ds, RecordRef target) {
  const SourceKind source_kind =
      target.table == Table::sources ? ds.sources[target.index].kind : SourceKind::article;
  return schema::can_point_at(kind, target.table, source_kind);
}

// ---- search ----

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
constexpr int kInside = 1, kWordStart = 8, kWhole = 12;

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
    if (p == 0 || !is_word_char(hay[p - 1])) return {kWordStart, p};
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

}  // namespace

const std::vector<Table>& all_tables() {
  static const std::vector<Table> all = [] {
    std::vector<Table> v;
    for (std::size_t i = 0; i < enum_count<Table>(); ++i) v.push_back(static_cast<Table>(i));
    return v;
  }();
  return all;
}

const char* table_name(Table t) {
  return name_of(t).data();  // the names are string literals
}

Table parse_table(const std::string& option, const std::string& s) {
  const std::string v = text::to_lower(s);
  std::vector<std::string> names;
  for (Table t : all_tables()) {
    if (v == name_of(t) || v == table_singular(t)) return t;
    names.emplace_back(name_of(t));
  }
  const std::string near = text::closest(v, names);
  throw UsageError(fmt::format("{} must be one of {}, got '{}'", option, fmt::join(names, ", "),
                               text::sanitize(s)),
                   near.empty() ? fmt::format("for example {} studies", option)
                                : fmt::format("did you mean '{} {}'?", option, near));
}

const std::string& record_id(const Dataset& ds, RecordRef r) {
  return with_record(ds, r, [](const auto& rec) -> const std::string& { return rec.id; });
}

std::string record_label(const Dataset& ds, RecordRef r) {
  switch (r.table) {
    case Table::sources: return ds.sources[r.index].title;
    case Table::notices: return ds.notices[r.index].text;
    case Table::intakes: {
      const Intake& in = ds.intakes[r.index];
      std::string s = in.life_stage;
      if (in.sex != SexScope::any) s.append(", ").append(name_of(in.sex));
      if (in.condition != Condition::none) s.append(", ").append(name_of(in.condition));
      return s;
    }
    case Table::foods: return ds.foods[r.index].name;
    case Table::forms: return ds.forms[r.index].name;
    case Table::studies: {
      const Study& s = ds.studies[r.index];
      return fmt::format("{} {}", s.first_author, s.year);
    }
    case Table::claims: return ds.claims[r.index].text;
    case Table::causes: return ds.causes[r.index].name;
    case Table::remedies: return ds.remedies[r.index].name;
    case Table::symptoms: return ds.symptoms[r.index].name;
    case Table::interactions: return ds.interactions[r.index].drug_class;
  }
  return {};
}

RecordRef resolve_record(const Dataset& ds, const std::string& id,
                         const std::optional<Table>& table) {
  std::string want = text::to_lower(id);
  want.erase(0, want.find_first_not_of(" \t"));
  want.erase(want.find_last_not_of(" \t") + 1);
  std::vector<RecordRef> hits;
  std::vector<std::string> ids;
  for_each_record(ds, [&](RecordRef r) {
    if (table && r.table != *table) return;
    const std::string& rid = record_id(ds, r);
    if (rid == want) hits.push_back(r);
    ids.push_back(rid);
  });
  const std::string shown = text::sanitize(id);
  if (hits.empty()) {
    const std::string where = table ? fmt::format(" in {}", table_name(*table)) : "";
    const std::string near = want.empty() ? "" : text::closest(want, ids);
    throw UsageError(fmt::format("no record with id '{}'{}{}", shown, where,
                                 near.empty() ? "" : fmt::format("; did you mean '{}'?", near)),
                     fmt::format("'mgcramp search {}' finds records by their text",
                                 want.empty() ? "oxide" : shown));
  }
  if (hits.size() > 1) {
    std::vector<std::string> names;
    for (const auto& h : hits) names.emplace_back(table_name(h.table));
    throw UsageError(
        fmt::format("id '{}' is used in several tables: {}", shown, fmt::join(names, ", ")),
        fmt::format("add --table {}", text::join_or(names)));
  }
  return hits.front();
}

std::vector<Link> referenced_by(const Dataset& ds, RecordRef target) {
  const std::string& id = record_id(ds, target);
  std::vector<Link> out;
  for_each_record(ds, [&](RecordRef from) {
    std::string last;  // one link per field
    with_record(ds, from, [&](const auto& rec) {
      schema::for_each_leaf(rec, [&](const Path& path, const Field& f, const auto& v) {
        if (f.ref == RefTo::none) return;
        bool hit = false;
        schema::for_each_id(v, [&](const std::string& ref) { hit = hit || ref == id; });
        if (!hit || !can_point_at(f.ref, ds, target)) return;
        std::string field = path.str();
        if (field == last) return;
        last = field;
        out.push_back({from, std::move(field)});
      });
    });
  });
  return out;
}

std::vector<std::string> cited_ids(const Dataset& ds, RecordRef r) {
  std::vector<std::string> out;
  with_record(ds, r, [&](const auto& rec) {
    schema::for_each_leaf(rec, [&](const Path&, const Field& f, const auto& v) {
      if (f.ref == RefTo::none || f.ref == RefTo::form || f.ref == RefTo::notice) return;
      schema::for_each_id(v, [&](const std::string& ref) {
        if (std::find(out.begin(), out.end(), ref) == out.end()) out.push_back(ref);
      });
    });
  });
  return out;
}

SearchQuery make_search_query(const std::string& text, const std::optional<std::string>& table,
                              const std::optional<std::string>& limit) {
  SearchQuery q;
  q.text = text;
  if (words_of(text).empty()) {
    throw UsageError("search needs some text to look for", "for example 'mgcramp search oxide'");
  }
  constexpr std::size_t kMaxText = 200;
  if (text.size() > kMaxText) {
    throw UsageError(fmt::format("search text is longer than {} characters", kMaxText),
                     "a few words find more than a sentence");
  }
  if (table) q.table = parse_table("--table", *table);
  if (limit) {
    std::size_t n = 0;
    const bool digits =
        !limit->empty() && limit->size() <= 6 &&
        std::all_of(limit->begin(), limit->end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits) n = std::stoul(*limit);
    // Search finds a record to show; past the best fifty, refine the words or
    // list a whole table (claims, trials --design all --all, ...).
    constexpr std::size_t kMaxLimit = 50;
    if (n == 0 || n > kMaxLimit) {
      throw UsageError(fmt::format("--limit must be a whole number from 1 to {}, got '{}'",
                                   kMaxLimit, text::sanitize(*limit)),
                       "add words or --table to narrow the search");
    }
    q.limit = n;
  }
  return q;
}

SearchResult search(const Dataset& ds, const SearchQuery& q) {
  const std::vector<std::string> word_texts = words_of(q.text);
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
  };
  std::vector<Candidate> found;
  SearchResult res;
  for_each_record(ds, [&](RecordRef r) {
    if (q.table && r.table != *q.table) return;
    texts.clear();
    numbers.clear();
    with_record(ds, r, [&](const auto& rec) {
      schema::for_each_leaf(rec, [&](const Path& path, const Field& f, const auto& v) {
        const double weight = static_cast<double>(f.weight);
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, int>) {
          numbers.push_back({path, weight, v});
        } else {
          for_each_text(v, [&](std::string_view s) { texts.push_back({path, weight, s}); });
        }
      });
    });
    Candidate c{r, 0, {}};
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
      if (best == 0) return;  // every word must occur
      c.score += best;
    }
    if (words.size() > 1) {
      for (const Text& t : texts) {
        const Found f = find_best(t.text, phrase);
        if (f.quality > 0) consider(t, phrase, f.quality * t.weight * phrase_factor, f.pos);
      }
    }
    c.score += c.top.score;
    found.push_back(c);
  });
  std::stable_sort(found.begin(), found.end(),
                   [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
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
