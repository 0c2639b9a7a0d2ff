#pragma once
// Renderers shared by every command. They know formats, not terminals: the
// caller decides whether colour is on and how wide the output may be.
#include <cstddef>
#include <string>

#include "mgcramp/model/enums.hpp"
#include "mgcramp/report/report.hpp"

namespace mgcramp {

// bibtex and ris write a report's citations (`mgcramp cite`); svg draws a
// report's figure (foods, trials and meta with --plot).
enum class Format : std::uint8_t { table, json, csv, md, bibtex, ris, svg };
MGCRAMP_ENUM_NAMES(Format, "format", Format::svg, "table", "json", "csv", "md", "bibtex", "ris",
                   "svg");

struct RenderOptions {
  Format format = Format::table;
  bool color = false;
  std::size_t width = 80;
};

// The whole output as one string (written in one go, never partially).
std::string render(const Report& report, const RenderOptions& opts);

// One value as compact JSON on one line (the error object on stderr).
std::string compact_json(const Value& v);
// The same, indented, one member a line (a document: data export).
std::string pretty_json(const Value& v);

}  // namespace mgcramp
