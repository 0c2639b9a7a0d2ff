#pragma once
// Internal: what the renderers share: the plain text of a value, the columns
// and rows people and scripts see, and one entry point per format.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "mgcramp/render/render.hpp"

namespace mgcramp::detail {

// 3, 0.5, 12.25: a number as people read it (two decimals at most).
std::string number_text(double v);
// Appends the plain text of a value, for humans and CSV. `sep` joins
// lists; objects are written as compact JSON.
void append_plain(std::string& out, const Value& v, const char* null_text, const char* sep);
std::string plain(const Value& v, const char* null_text, const char* sep);
// The text of a cell for humans without copying it when it can be shown as
// it is: a view of the cell's text or string value, or of `scratch`.
std::string_view human_view(const Cell& c, std::string& scratch);
std::string human_text(const Cell& c);
// The columns people see, in the order they see them.
std::vector<std::size_t> human_columns(const Report& r);
// The rows scripts get: all but the totals for people.
std::size_t machine_rows(const Report& r);
// A value as compact JSON (render/json.cpp).
void append_compact_json(std::string& out, const Value& v);
void append_pretty_json(std::string& out, const Value& v);

std::string render_table(const Report& r, const RenderOptions& o);
std::string render_json(const Report& r);
std::string render_csv(const Report& r);
std::string render_md(const Report& r);
// The report's figure as a standalone SVG picture (render/svg.cpp).
std::string render_svg(const Report& r);

}  // namespace mgcramp::detail
