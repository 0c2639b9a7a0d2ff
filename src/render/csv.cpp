// CSV for spreadsheets: one flat row per record.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>

#include <fmt/format.h>

#include "formats.hpp"
#include "mgcramp/text.hpp"

namespace mgcramp::detail {
namespace {

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

}  // namespace

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

}  // namespace mgcramp::detail
