// JSON for scripts: one envelope per command (docs/json.md).
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <stdexcept>

#include <fmt/format.h>

#include "formats.hpp"
#include "mgcramp/text.hpp"

namespace mgcramp::detail {
namespace {

// Bytes a JSON string holds as they are.
struct PlainTable {
  bool plain[256] = {};
  constexpr PlainTable() {
    for (int c = 0x20; c < 0x7f; ++c) plain[c] = c != '"' && c != '\\';
  }
};
constexpr PlainTable kPlain;

// The length of the leading run of whole 8-byte words of `s` that hold only
// bytes a JSON string writes as they are (a word at a time, most text).
std::size_t plain_words(std::string_view s) {
  constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  auto zero_byte = [&](std::uint64_t v) { return (v - ones) & ~v & highs; };
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, s.data() + i, 8);
    const std::uint64_t below_space = (w - ones * 0x20) & ~w & highs;
    if ((w & highs) | below_space | zero_byte(w ^ (ones * 0x7f)) | zero_byte(w ^ (ones * '"')) |
        zero_byte(w ^ (ones * '\\'))) {
      break;
    }
  }
  return i;
}

// JSON for scripts, written directly from the report's cells: object keys
// in column order, two-space indentation, integral doubles as integers
// (30.0 prints as 30). Strings escape what JSON requires and also DEL and the
// C1 controls (U+0080..U+009F), which must not reach a terminal either;
// invalid UTF-8 becomes U+FFFD.
class JsonWriter {
  // ",\n" then spaces: a separator, a new line and the indentation of up to
  // 60 levels are a prefix of it.
  static constexpr char kLine[] =
      ",\n                                                                      "
      "                                                  ";
  static constexpr std::size_t kMaxIndent = sizeof(kLine) - 3;
  static std::size_t indent(std::size_t depth) { return std::min(2 * depth, kMaxIndent); }

 public:
  // `pretty`: a new line and two spaces per level; else all on one line.
  explicit JsonWriter(std::string& out, bool pretty = true) : out_(out), pretty_(pretty) {}

  void value(const Value& v, std::size_t depth) {
    switch (v.kind()) {
      case Value::Kind::null: out_.append("null", 4); break;
      case Value::Kind::boolean:
        v.as_bool() ? out_.append("true", 4) : out_.append("false", 5);
        break;
      case Value::Kind::integer: {
        char buf[24];
        const auto r = std::to_chars(buf, buf + sizeof buf, v.as_integer());
        out_.append(buf, r.ptr);
        break;
      }
      case Value::Kind::number: number(v.as_number()); break;
      case Value::Kind::text: string(v.as_text()); break;
      case Value::Kind::list: {
        if (v.size() == 0) {
          out_ += "[]";
          break;
        }
        out_ += '[';
        bool first = true;
        for (const auto& e : v.as_list()) {
          next(first, depth + 1);
          value(e, depth + 1);
        }
        close(']', depth);
        break;
      }
      case Value::Kind::object: {
        if (v.size() == 0) {
          out_ += "{}";
          break;
        }
        out_ += '{';
        bool first = true;
        for (const auto& [k, e] : v.as_object()) {
          key(first, k, depth + 1);
          value(e, depth + 1);
        }
        close('}', depth);
        break;
      }
    }
  }

  // How a row's columns nest: "verdict.rating" and the columns after it that
  // share "verdict." make one object "verdict". Worked out once per report.
  struct Step {
    std::size_t column;
    std::size_t closes;                   // objects to close before this column
    std::vector<std::string_view> opens;  // objects to open
    std::string_view key;
  };
  struct Layout {
    std::vector<Step> steps;
    std::size_t closes = 0;  // objects open after the last column
  };
  static Layout layout(const Report& r) {
    Layout l;
    std::vector<std::string_view> open;
    for (std::size_t c = 0; c < r.columns.size(); ++c) {
      if (!r.columns[c].machine) continue;
      std::string_view k = r.columns[c].key;
      std::vector<std::string_view> parts;
      for (std::size_t dot; (dot = k.find('.')) != std::string_view::npos;
           k.remove_prefix(dot + 1)) {
        parts.push_back(k.substr(0, dot));
      }
      std::size_t keep = 0;
      while (keep < open.size() && keep < parts.size() && open[keep] == parts[keep]) ++keep;
      Step step{c,
                open.size() - keep,
                {parts.begin() + static_cast<std::ptrdiff_t>(keep), parts.end()},
                k};
      open.resize(keep);
      open.insert(open.end(), step.opens.begin(), step.opens.end());
      l.steps.push_back(std::move(step));
    }
    l.closes = open.size();
    return l;
  }

  // A stack of flags, one per open object, without allocating: a record
  // nests a few levels at most.
  class Firsts {
   public:
    Firsts() { push_back(true); }
    void push_back(bool b) {
      if (n_ == kMax) throw std::logic_error("JSON nesting too deep");
      flags_[n_++] = b;
    }
    void pop_back() { --n_; }
    bool& back() { return flags_[n_ - 1]; }
    std::size_t size() const { return n_; }

   private:
    static constexpr std::size_t kMax = 32;
    bool flags_[kMax] = {};
    std::size_t n_ = 0;
  };

  // What row() writes around the values of a row at `depth`: the text
  // before each step's value (separators, keys, the objects opened and
  // closed), and the depth that value is written at. The same for every row,
  // so it is worked out once per report and each row is a few appends.
  struct Glue {
    std::vector<std::string> before;  // one per step
    std::vector<std::size_t> depths;  // one per step
    std::string after;                // after the last value
  };
  Glue glue(const Layout& l, std::size_t depth) {
    Glue g;
    std::string text;
    JsonWriter w(text, pretty_);
    if (l.steps.empty()) {
      g.after = "{}";
      return g;
    }
    text += '{';
    // Whether the next member of each open object is its first.
    Firsts first;
    for (const Step& st : l.steps) {
      for (std::size_t i = 0; i < st.closes; ++i) {
        first.pop_back();
        w.close('}', depth + first.size());
      }
      for (const auto& o : st.opens) {
        bool f = first.back();
        w.key(f, o, depth + first.size());
        first.back() = f;
        text += '{';
        first.push_back(true);
      }
      bool f = first.back();
      w.key(f, st.key, depth + first.size());
      first.back() = f;
      g.before.push_back(std::move(text));
      text.clear();
      g.depths.push_back(depth + first.size());
    }
    for (std::size_t i = 0; i < l.closes; ++i) {
      first.pop_back();
      w.close('}', depth + first.size());
    }
    w.close('}', depth);
    g.after = std::move(text);
    return g;
  }

  void row(const Layout& l, const Glue& g, const std::vector<Cell>& cells) {
    for (std::size_t i = 0; i < l.steps.size(); ++i) {
      out_ += g.before[i];
      const std::size_t column = l.steps[i].column;
      if (column < cells.size()) {
        value(cells[column].value, g.depths[i]);
      } else {
        out_.append("null", 4);
      }
    }
    out_ += g.after;
  }

  // `"key": value` as a member of an object at `depth`.
  void member(bool& first, std::string_view k, const Value& v, std::size_t depth) {
    key(first, k, depth + 1);
    value(v, depth + 1);
  }
  void key_at(bool& first, std::string_view k, std::size_t depth) { key(first, k, depth); }

  // A separator and a new line at `depth` before an element.
  void next(bool& first, std::size_t depth) {
    if (!pretty_) {
      if (!first) out_ += ',';
      first = false;
      return;
    }
    // ",\n" and the indentation in one append.
    const char* line = first ? kLine + 1 : kLine;
    out_.append(line, static_cast<std::size_t>(kLine + 2 - line) + indent(depth));
    first = false;
  }

  void close(char bracket, std::size_t depth) {
    if (pretty_) out_.append(kLine + 1, 1 + indent(depth));
    out_ += bracket;
  }

 private:
  void key(bool& first, std::string_view k, std::size_t depth) {
    next(first, depth);
    // Keys are field names and literals: plain ASCII, written as they are.
    const bool plain = plain_words(k) + 8 > k.size() && std::all_of(k.begin(), k.end(), [](char c) {
                         return kPlain.plain[static_cast<unsigned char>(c)];
                       });
    if (plain) {
      out_ += '"';
      out_.append(k.data(), k.size());
      out_.append(pretty_ ? "\": " : "\":", pretty_ ? 3 : 2);
    } else {
      string(k);
      out_.append(pretty_ ? ": " : ":", pretty_ ? 2 : 1);
    }
  }

  void number(double d) {
    if (!std::isfinite(d)) {
      out_ += "null";
    } else if (std::fabs(d - std::round(d)) < 1e-9 && std::fabs(d) < 1e15) {
      char buf[24];
      const auto r = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(std::round(d)));
      out_.append(buf, r.ptr);
    } else {
      fmt::format_to(std::back_inserter(out_), "{}", d);
    }
  }

  void string(std::string_view s) {
    out_ += '"';
    std::size_t i = 0;
    while (i < s.size()) {
      // Printable ASCII but the quote and the backslash goes out as it is.
      std::size_t j = i + plain_words(s.substr(i));
      while (j < s.size() && kPlain.plain[static_cast<unsigned char>(s[j])]) ++j;
      out_.append(s, i, j - i);
      i = j;
      if (i == s.size()) break;
      const auto c = static_cast<unsigned char>(s[i]);
      const std::size_t len = text::utf8_sequence(s, i);
      if (c == '"' || c == '\\') {
        out_ += '\\';
        out_ += static_cast<char>(c);
      } else if (c == '\n') {
        out_ += "\\n";
      } else if (c == '\t') {
        out_ += "\\t";
      } else if (c == '\r') {
        out_ += "\\r";
      } else if (len == 1) {  // other C0 controls and DEL
        fmt::format_to(std::back_inserter(out_), "\\u{:04x}", c);
      } else if (len == 0) {
        out_ += "\xEF\xBF\xBD";  // U+FFFD for a byte that is not UTF-8
        i += 1;
        continue;
      } else if (const char32_t cp = text::code_point(s, i, len);
                 cp < 0xA0 || text::is_bidi_control(cp)) {  // C1 and bidirectional controls
        fmt::format_to(std::back_inserter(out_), "\\u{:04x}", static_cast<std::uint32_t>(cp));
      } else {
        out_.append(s, i, len);
      }
      i += len;
    }
    out_ += '"';
  }

  std::string& out_;
  bool pretty_;
};

}  // namespace

void append_compact_json(std::string& out, const Value& v) {
  JsonWriter(out, false).value(v, 0);
}

void append_pretty_json(std::string& out, const Value& v) {
  JsonWriter(out, true).value(v, 0);
}

// One object: {"query", "results" (or "result"), "summary", "notices",
// "sources"}, the same envelope for every command (docs/json.md).
std::string render_json(const Report& r) {
  std::string out;
  out.reserve(4096 + 8192 * r.rows.size());
  JsonWriter w(out);
  out += '{';
  bool first = true;
  w.member(first, "query", r.query, 0);
  const std::size_t n = machine_rows(r);
  if (r.single_object) {
    w.key_at(first, "result", 1);
    if (n == 0) {
      out += "null";
    } else {
      const JsonWriter::Layout l = JsonWriter::layout(r);
      w.row(l, w.glue(l, 1), r.rows[0]);
    }
  } else {
    w.key_at(first, "results", 1);
    if (n == 0) {
      out += "[]";
    } else {
      out += '[';
      bool first_row = true;
      const JsonWriter::Layout l = JsonWriter::layout(r);
      const JsonWriter::Glue g = w.glue(l, 2);
      for (std::size_t i = 0; i < n; ++i) {
        w.next(first_row, 2);
        w.row(l, g, r.rows[i]);
      }
      w.close(']', 1);
    }
  }
  if (!r.summary.is_null()) w.member(first, "summary", r.summary, 0);
  Value::List notices;
  notices.reserve(r.notices.size());
  for (const auto& x : r.notices) {
    notices.push_back(
        Value::Object{{"id", Value::ref(x.id)}, {"level", x.level}, {"text", Value::ref(x.text)}});
  }
  w.member(first, "notices", Value(std::move(notices)), 0);
  w.member(first, "sources", r.sources ? r.sources() : Value::list(), 0);
  w.close('}', 0);
  out += '\n';
  return out;
}

}  // namespace mgcramp::detail
