// The plain text of values, shared by the table, CSV and Markdown renderers.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>

#include <fmt/format.h>

#include "formats.hpp"
#include "mgcramp/text.hpp"

namespace mgcramp::detail {

// (nothing private)
std::string number_text(double v) {
  if (std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 1e15) {
    return fmt::format("{}", static_cast<long long>(std::round(v)));
  }
  std::string s = fmt::format("{:.2f}", v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

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

}  // namespace mgcramp::detail
