#pragma once
// Renderers shared by every command. They know formats, not terminals: the
// caller decides whether colour is on and how wide the output may be.
#include <cstddef>
#include <string>

#include "mgcramp/report.hpp"

namespace mgcramp {

enum class Format { table, json, csv, md };

// Parses "table", "json", "csv", "md" (also "markdown"); throws UsageError.
Format parse_format(const std::string& s);

struct RenderOptions {
  Format format = Format::table;
  bool color = false;
  std::size_t width = 80;
};

// The whole output as one string (written in one go, never partially).
std::string render(const Report& report, const RenderOptions& opts);

}  // namespace mgcramp
