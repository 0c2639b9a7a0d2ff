#include "mgcramp/render/render.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <iterator>

#include <fmt/color.h>
#include <fmt/format.h>

#include "mgcramp/render/citations.hpp"
#include "mgcramp/text.hpp"

namespace mgcramp {
namespace {

constexpr std::size_t kGap = 2;
constexpr std::size_t kMinColumn = 8;

std::string number_text(double v) {
  if (std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 1e15) {
    return fmt::format("{}", static_cast<long long>(std::round(v)));
  }
  std::string s = fmt::format("{:.2f}", v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

void append_compact_json(std::string& out, const Value& v);  // defined with JsonWriter below

// Appends the plain text of a value, for humans and CSV. `sep` joins
// lists; objects are written as compact JSON.
void append_plain(std::string& out, const Value& v, const char* null_text, const char* sep) {
  switch (v.kind()) {
    case Value::Kind::null: out += null_text; return;
    case Value::Kind::boolean: out += v.as_bool() ? "yes" : "no"; return;
    case Value::Kind::text: out += v.as_text(); return;
    case Value::Kind::integer:
    case Value::Kind::number: out += number_text(v.as_number()); return;
    case Value::Kind::list: {
      if (v.size() == 0) {
        out += null_text;
        return;
      }
      bool first = true;
      for (const auto& e : v.as_list()) {
        if (!first) out += sep;
        first = false;
        append_plain(out, e, null_text, sep);
      }
      return;
    }
    case Value::Kind::object: append_compact_json(out, v);
  }
}

std::string plain(const Value& v, const char* null_text, const char* sep) {
  std::string out;
  append_plain(out, v, null_text, sep);
  return out;
}

// The text of a cell for humans without copying it when it can be shown as
// it is: a view of the cell's text or string value, or of `scratch`.
std::string_view human_view(const Cell& c, std::string& scratch) {
  std::string_view s;
  if (!c.text.empty()) {
    s = c.text;
  } else if (c.value.is_text()) {
    s = c.value.as_text();
  } else {
    scratch = plain(c.value, "-", ", ");
    s = scratch;
  }
  if (!text::needs_sanitize(s)) return s;
  scratch = text::sanitize(s);
  return scratch;
}

std::string human_text(const Cell& c) {
  return text::sanitize(c.text.empty() ? plain(c.value, "-", ", ") : c.text);
}

// The columns people see, in the order they see them.
std::vector<std::size_t> human_columns(const Report& r) {
  std::vector<std::size_t> idx;
  if (!r.human_order.empty()) {
    for (std::size_t i : r.human_order) {
      if (i < r.columns.size() && r.columns[i].human) idx.push_back(i);
    }
    return idx;
  }
  for (std::size_t i = 0; i < r.columns.size(); ++i) {
    if (r.columns[i].human) idx.push_back(i);
  }
  return idx;
}

// The rows scripts get: all but the totals for people.
std::size_t machine_rows(const Report& r) {
  return std::min(r.rows.size(), r.machine_rows);
}

// Natural widths, then the widest columns give way until the row fits.
std::vector<std::size_t> fit_widths(const std::vector<std::string>& headers,
                                    const std::vector<std::vector<std::string>>& cells,
                                    std::size_t width) {
  std::vector<std::size_t> w(headers.size());
  std::vector<std::size_t> floor(headers.size());
  std::vector<std::size_t> word(headers.size());  // longest unbreakable word per column
  for (std::size_t c = 0; c < headers.size(); ++c) {
    w[c] = text::display_width(headers[c]);
    for (const auto& row : cells) {
      w[c] = std::max(w[c], text::display_width(row[c]));
      const std::string_view cell = row[c];
      std::size_t start = 0;
      while (start <= cell.size()) {
        const std::size_t end = std::min(cell.find(' ', start), cell.size());
        word[c] = std::max(word[c], text::display_width(cell.substr(start, end - start)));
        start = end + 1;
      }
    }
    floor[c] = std::min(w[c], std::max(kMinColumn, text::display_width(headers[c])));
  }
  const std::size_t gaps = headers.empty() ? 0 : kGap * (headers.size() - 1);
  const std::size_t budget = width > gaps ? width - gaps : headers.size() * kMinColumn;
  // Keep whole words (ids, numbers) unbroken when the row can still fit.
  std::vector<std::size_t> keep(floor);
  std::size_t keep_total = 0;
  for (std::size_t c = 0; c < w.size(); ++c) {
    keep[c] = std::min(w[c], std::max(floor[c], std::min<std::size_t>(word[c], 24)));
    keep_total += keep[c];
  }
  if (keep_total <= budget) floor = keep;
  auto total = [&] {
    std::size_t t = 0;
    for (auto x : w) t += x;
    return t;
  };
  while (total() > budget) {
    std::size_t widest = headers.size();
    for (std::size_t c = 0; c < w.size(); ++c) {
      if (w[c] > floor[c] && (widest == headers.size() || w[c] > w[widest])) widest = c;
    }
    if (widest == headers.size()) break;  // cannot shrink further
    --w[widest];
  }
  return w;
}

void append_styled(std::string& out, const std::string& s, const fmt::text_style& style,
                   bool color) {
  out += color ? fmt::format(style, "{}", s) : s;
}

void render_notes(std::string& out, const std::vector<Note>& notes, const RenderOptions& o) {
  std::vector<std::string_view> lines;
  std::string storage;
  for (const auto& n : notes) {
    const std::string body =
        (n.level == NoteLevel::warning ? "Warning: " : "") + text::sanitize(n.text);
    const std::size_t first = std::min(n.indent, o.width / 2);
    const std::size_t rest = first > 0 ? first + 2 : 0;
    text::wrap_views(body, o.width > rest + 20 ? o.width - rest : 20, lines, storage);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (n.level == NoteLevel::warning) {
        const std::string line = std::string(i == 0 ? first : rest, ' ') + std::string(lines[i]);
        append_styled(out, line, fmt::fg(fmt::terminal_color::yellow) | fmt::emphasis::bold,
                      o.color);
      } else {
        out.append(i == 0 ? first : rest, ' ').append(lines[i]);
      }
      out += '\n';
    }
  }
}

// One "Title: value" block per column; values wrap under themselves.
void render_vertical(std::string& out, const Report& r, const RenderOptions& o) {
  std::vector<std::string_view> lines;
  std::string storage;
  std::string scratch;
  const auto cols = human_columns(r);
  std::size_t label_w = 0;
  for (auto c : cols) label_w = std::max(label_w, text::display_width(r.columns[c].title) + 1);
  const std::size_t value_w = o.width > label_w + 22 ? o.width - label_w - 2 : 20;
  for (std::size_t i = 0; i < r.rows.size(); ++i) {
    if (i > 0) out += '\n';
    for (auto c : cols) {
      const std::string_view value =
          c < r.rows[i].size() ? human_view(r.rows[i][c], scratch) : std::string_view("-");
      text::wrap_views(value, value_w, lines, storage);
      for (std::size_t l = 0; l < lines.size(); ++l) {
        const std::string label = l == 0
                                      ? text::pad(text::sanitize(r.columns[c].title) + ":", label_w)
                                      : std::string(label_w, ' ');
        append_styled(out, label, fmt::emphasis::bold, o.color && l == 0);
        out.append("  ").append(lines[l]);
        while (!out.empty() && out.back() == ' ') out.pop_back();
        out += '\n';
      }
    }
  }
}

// Bars scaled to the largest value, labelled and followed by the value text.
void render_plot(std::string& out, const Report& r, const RenderOptions& o) {
  const auto [label_col, value_col] = *r.plot;
  double max = 0;
  std::size_t label_w = 0;
  std::size_t value_w = 0;
  for (const auto& row : r.rows) {
    if (row[value_col].value.is_number()) max = std::max(max, row[value_col].value.as_number());
    label_w = std::max(label_w, text::display_width(human_text(row[label_col])));
    value_w = std::max(value_w, text::display_width(human_text(row[value_col])));
  }
  label_w = std::min<std::size_t>(label_w, o.width / 3);
  const std::size_t bar_w = o.width > label_w + value_w + 4 ? o.width - label_w - value_w - 4 : 10;
  for (const auto& row : r.rows) {
    std::string label = human_text(row[label_col]);
    if (text::display_width(label) > label_w) label = text::wrap(label, label_w - 1).front() + "~";
    const double v = row[value_col].value.is_number() ? row[value_col].value.as_number() : 0;
    const auto n =
        max > 0 ? static_cast<std::size_t>(std::lround(v / max * static_cast<double>(bar_w))) : 0;
    out += text::pad(label, label_w) + "  ";
    append_styled(out, std::string(n, '#'), fmt::fg(fmt::terminal_color::cyan), o.color);
    out += " " + human_text(row[value_col]) + "\n";
  }
}

std::string render_table(const Report& r, const RenderOptions& o) {
  std::string out;
  if (!r.title.empty()) {
    for (const auto& line : text::wrap(text::sanitize(r.title), o.width)) {
      append_styled(out, line, fmt::emphasis::bold, o.color);
      out += '\n';
    }
  }
  const auto cols = human_columns(r);
  if (!r.rows.empty() && (r.vertical || r.plot)) {
    if (r.plot) {
      render_plot(out, r, o);
    } else {
      render_vertical(out, r, o);
    }
  } else if (r.rows.empty()) {
    out += "No matching records.\n";
  } else {
    std::vector<std::string> headers;
    for (auto c : cols) headers.push_back(text::sanitize(r.columns[c].title));
    std::vector<std::vector<std::string>> cells;
    for (const auto& row : r.rows) {
      std::vector<std::string> line;
      for (auto c : cols) line.push_back(c < row.size() ? human_text(row[c]) : "-");
      cells.push_back(std::move(line));
    }
    const auto w = fit_widths(headers, cells, o.width);
    std::vector<std::vector<std::string_view>> wrapped(cols.size());
    std::vector<std::string> storage(cols.size());
    std::string line;
    auto emit_row = [&](const std::vector<std::string>& row, bool header) {
      std::size_t height = 1;
      for (std::size_t c = 0; c < row.size(); ++c) {
        text::wrap_views(row[c], w[c], wrapped[c], storage[c]);
        height = std::max(height, wrapped[c].size());
      }
      for (std::size_t l = 0; l < height; ++l) {
        line.clear();
        for (std::size_t c = 0; c < row.size(); ++c) {
          const std::string_view part =
              l < wrapped[c].size() ? std::string_view(wrapped[c][l]) : std::string_view();
          const bool right = r.columns[cols[c]].align == Align::right;
          const bool last = c + 1 == row.size();
          const std::size_t fill =
              (last && !right) ? 0 : w[c] - std::min(w[c], text::display_width(part));
          if (header) {
            std::string cell = right ? std::string(fill, ' ') + std::string(part)
                                     : std::string(part) + std::string(fill, ' ');
            append_styled(line, cell, fmt::emphasis::bold, o.color);
          } else if (right) {
            line.append(fill, ' ').append(part);
          } else {
            line.append(part).append(fill, ' ');
          }
          if (!last) line.append(kGap, ' ');
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line;
        out += '\n';
      }
    };
    emit_row(headers, true);
    std::vector<std::string> rules;
    for (auto x : w) rules.emplace_back(x, '-');
    emit_row(rules, false);
    for (const auto& row : cells) emit_row(row, false);
  }
  if (!r.notes.empty() || !r.source_notes.empty()) {
    out += '\n';
    render_notes(out, r.notes, o);
    render_notes(out, r.source_notes, o);
  }
  return out;
}

// JSON for scripts, written directly from the report's cells: object keys
// in column order, two-space indentation, integral doubles as integers
// (30.0 prints as 30). Strings escape what JSON requires and also DEL and the
// C1 controls (U+0080..U+009F), which must not reach a terminal either;
// invalid UTF-8 becomes U+FFFD.
class JsonWriter {
 public:
  // `pretty`: a new line and two spaces per level; else all on one line.
  explicit JsonWriter(std::string& out, bool pretty = true) : out_(out), pretty_(pretty) {}

  void value(const Value& v, std::size_t depth) {
    switch (v.kind()) {
      case Value::Kind::null: out_ += "null"; break;
      case Value::Kind::boolean: out_ += v.as_bool() ? "true" : "false"; break;
      case Value::Kind::integer:
        fmt::format_to(std::back_inserter(out_), "{}", v.as_integer());
        break;
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

  // A row as an object. A dotted column key nests: "verdict.rating" and the
  // columns after it that share "verdict." make one object "verdict".
  void row(const Report& r, const std::vector<Cell>& cells, std::size_t depth) {
    if (r.columns.empty()) {
      out_ += "{}";
      return;
    }
    out_ += '{';
    std::vector<std::string_view> open;  // the objects entered, by key
    std::vector<bool> first{true};
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
      while (open.size() > keep) {
        open.pop_back();
        first.pop_back();
        close('}', depth + 1 + open.size());
      }
      for (std::size_t i = keep; i < parts.size(); ++i) {
        bool f = first.back();
        key(f, parts[i], depth + 1 + open.size());
        first.back() = f;
        out_ += '{';
        open.push_back(parts[i]);
        first.push_back(true);
      }
      bool f = first.back();
      key(f, k, depth + 1 + open.size());
      first.back() = f;
      if (c < cells.size()) {
        value(cells[c].value, depth + 1 + open.size());
      } else {
        out_ += "null";
      }
    }
    while (!open.empty()) {
      open.pop_back();
      close('}', depth + 1 + open.size());
    }
    close('}', depth);
  }

  // `"key": value` as a member of an object at `depth`.
  void member(bool& first, std::string_view k, const Value& v, std::size_t depth) {
    key(first, k, depth + 1);
    value(v, depth + 1);
  }
  void key_at(bool& first, std::string_view k, std::size_t depth) { key(first, k, depth); }

  // A separator and a new line at `depth` before an element.
  void next(bool& first, std::size_t depth) {
    if (!first) out_ += ',';
    first = false;
    if (!pretty_) return;
    out_ += '\n';
    out_.append(2 * depth, ' ');
  }

  void close(char bracket, std::size_t depth) {
    if (pretty_) {
      out_ += '\n';
      out_.append(2 * depth, ' ');
    }
    out_ += bracket;
  }

 private:
  void key(bool& first, std::string_view k, std::size_t depth) {
    next(first, depth);
    string(k);
    out_ += pretty_ ? ": " : ":";
  }

  void number(double d) {
    if (!std::isfinite(d)) {
      out_ += "null";
    } else if (std::fabs(d - std::round(d)) < 1e-9 && std::fabs(d) < 1e15) {
      fmt::format_to(std::back_inserter(out_), "{}", static_cast<long long>(std::round(d)));
    } else {
      fmt::format_to(std::back_inserter(out_), "{}", d);
    }
  }

  void string(std::string_view s) {
    out_ += '"';
    std::size_t i = 0;
    while (i < s.size()) {
      // Printable ASCII up to the next quote or backslash goes out as it is.
      const std::string_view run = s.substr(i, text::printable_run(s, i));
      const std::size_t j = i + std::min(run.find('"'), std::min(run.find('\\'), run.size()));
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

void append_compact_json(std::string& out, const Value& v) {
  JsonWriter(out, false).value(v, 0);
}

// One object: {"query", "results" (or "result"), "summary", "notices",
// "sources"}, the same envelope for every command (docs/json.md).
std::string render_json(const Report& r) {
  std::string out;
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
      w.row(r, r.rows[0], 1);
    }
  } else {
    w.key_at(first, "results", 1);
    if (n == 0) {
      out += "[]";
    } else {
      out += '[';
      bool first_row = true;
      for (std::size_t i = 0; i < n; ++i) {
        w.next(first_row, 2);
        w.row(r, r.rows[i], 2);
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

// Appends one CSV field: quoted when it holds a comma or a quote or starts
// with a space, quotes doubled.
void append_csv_field(std::string& out, std::string_view s) {
  const bool quote = (!s.empty() && s.front() == ' ') || s.find(',') != std::string_view::npos ||
                     s.find('"') != std::string_view::npos;
  if (!quote) {
    out.append(s);
    return;
  }
  out += '"';
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t q = std::min(s.find('"', i), s.size());
    out.append(s, i, q - i);
    if (q == s.size()) break;
    out += "\"\"";
    i = q + 1;
  }
  out += '"';
}

// The plain text of a value for CSV: lists joined by "; ", flags as JSON
// writes them, nothing for null.
void append_csv_value(std::string& out, const Value& v, std::string& plain_text,
                      std::string& clean) {
  std::string_view s;
  if (v.is_text()) {
    s = v.as_text();
  } else if (v.kind() == Value::Kind::boolean) {
    s = v.as_bool() ? "true" : "false";
  } else {
    plain_text.clear();
    append_plain(plain_text, v, "", "; ");
    s = plain_text;
  }
  if (text::needs_sanitize(s)) {
    clean = text::sanitize(s);
    s = clean;
  }
  append_csv_field(out, s);
}

// The member at a dotted path ("effect.measure") of an object, or null.
const Value& at_path(const Value& v, std::string_view path) {
  static const Value none;
  const Value* cur = &v;
  while (!path.empty()) {
    const std::size_t dot = path.find('.');
    const Value* next = cur->find(path.substr(0, dot));
    if (next == nullptr) return none;
    cur = next;
    path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
  }
  return *cur;
}

// One row per record, flat: an object's fields get columns "key.field", and
// a list of objects marked so gives one row per object (the other columns
// repeated), or one row with those columns empty when it has none.
std::string render_csv(const Report& r) {
  std::string out;
  bool first = true;
  std::size_t per_element = r.columns.size();
  for (std::size_t c = 0; c < r.columns.size(); ++c) {
    const Column& col = r.columns[c];
    if (!col.machine) continue;
    if (col.row_per_element && per_element == r.columns.size()) per_element = c;
    if (col.fields.empty()) {
      if (!first) out += ',';
      first = false;
      append_csv_field(out, col.key);
      continue;
    }
    for (const auto& f : col.fields) {
      if (!first) out += ',';
      first = false;
      append_csv_field(out, col.key + "." + f);
    }
  }
  out += '\n';
  std::string plain_text;
  std::string clean;
  static const Value none;
  const std::size_t n = machine_rows(r);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& row = r.rows[i];
    const Value* list = per_element < row.size() ? &row[per_element].value : nullptr;
    const std::size_t copies = list != nullptr && list->size() > 0 ? list->size() : 1;
    for (std::size_t k = 0; k < copies; ++k) {
      first = true;
      for (std::size_t c = 0; c < r.columns.size(); ++c) {
        const Column& col = r.columns[c];
        if (!col.machine) continue;
        const Value& v = c < row.size() ? row[c].value : none;
        if (col.fields.empty()) {
          if (!first) out += ',';
          first = false;
          append_csv_value(out, v, plain_text, clean);
          continue;
        }
        // An object, or one object of the list that gives the rows; a
        // further list of objects gives each field's values joined.
        const Value* obj = &v;
        if (v.is_list() && c != per_element) {
          for (const auto& f : col.fields) {
            if (!first) out += ',';
            first = false;
            Value::List values;
            for (const auto& e : v.as_list()) values.push_back(at_path(e, f));
            append_csv_value(out, Value(std::move(values)), plain_text, clean);
          }
          continue;
        }
        if (v.is_list()) obj = k < v.size() ? &v.as_list()[k] : &none;
        for (const auto& f : col.fields) {
          if (!first) out += ',';
          first = false;
          append_csv_value(out, at_path(*obj, f), plain_text, clean);
        }
      }
      out += '\n';
    }
  }
  return out;
}

std::string md_cell(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  static const auto special_table = [] {
    std::array<bool, 256> t{};
    for (const char c : std::string_view("|\\*_`<")) t[static_cast<unsigned char>(c)] = true;
    return t;
  }();
  auto special = [](char c) { return special_table[static_cast<unsigned char>(c)]; };
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    while (j < s.size() && !special(s[j])) ++j;
    out.append(s, i, j - i);
    if (j == s.size()) break;
    out += '\\';
    out += s[j];
    i = j + 1;
  }
  return out;
}

std::string render_md(const Report& r) {
  std::string out;
  std::string scratch;
  auto cell = [&](const std::vector<Cell>& row, std::size_t c) {
    return md_cell(c < row.size() ? human_view(row[c], scratch) : std::string_view("-"));
  };
  if (!r.title.empty()) out += "### " + md_cell(text::sanitize(r.title)) + "\n\n";
  const auto cols = human_columns(r);
  if (r.rows.empty()) {
    out += "No matching records.\n";
  } else if (r.vertical) {
    // One table per record; several records each get a heading (their first
    // field) and a blank line, so that the tables do not run together.
    for (const auto& row : r.rows) {
      if (r.rows.size() > 1) {
        if (&row != &r.rows.front()) out += "\n";
        out += "#### " + (cols.empty() ? std::string() : cell(row, cols.front())) + "\n\n";
      }
      out += "| Field | Value |\n| --- | --- |\n";
      for (auto c : cols) {
        out.append("| ")
            .append(md_cell(text::sanitize(r.columns[c].title)))
            .append(" | ")
            .append(cell(row, c))
            .append(" |\n");
      }
    }
  } else {
    out += "|";
    for (auto c : cols) out += " " + md_cell(text::sanitize(r.columns[c].title)) + " |";
    out += "\n|";
    for (auto c : cols) out += r.columns[c].align == Align::right ? " ---: |" : " --- |";
    out += "\n";
    for (const auto& row : r.rows) {
      out += "|";
      for (auto c : cols) out.append(" ").append(cell(row, c)).append(" |");
      out += "\n";
    }
  }
  if (!r.notes.empty() || !r.source_notes.empty()) {
    out += "\n";
    for (const auto* notes : {&r.notes, &r.source_notes}) {
      for (const auto& n : *notes) {
        out += std::string(n.indent, ' ');
        out += n.level == NoteLevel::warning ? "- **Warning:** " : "- ";
        out += md_cell(text::sanitize(n.text)) + "\n";
      }
    }
  }
  return out;
}

}  // namespace

std::string render(const Report& report, const RenderOptions& opts) {
  switch (opts.format) {
    case Format::json: return render_json(report);
    case Format::csv: return render_csv(report);
    case Format::bibtex:
    case Format::ris: return format_citations(report.citations, opts.format);
    case Format::md:
    case Format::table: break;
  }
  // People see the rows from human_from on (a small report when there are
  // rows for scripts only, so copying it costs little).
  if (report.human_from > 0) {
    Report people = report;
    people.rows.erase(people.rows.begin(),
                      people.rows.begin() + static_cast<std::ptrdiff_t>(
                                                std::min(report.human_from, people.rows.size())));
    people.human_from = 0;
    return opts.format == Format::md ? render_md(people) : render_table(people, opts);
  }
  return opts.format == Format::md ? render_md(report) : render_table(report, opts);
}

}  // namespace mgcramp
