#include "mgcramp/render/render.hpp"

#include <algorithm>
#include <iterator>

#include "formats.hpp"
#include "mgcramp/render/citations.hpp"

namespace mgcramp {

using detail::render_csv;
using detail::render_json;
using detail::render_md;
using detail::render_svg;
using detail::render_table;

std::string compact_json(const Value& v) {
  std::string out;
  detail::append_compact_json(out, v);
  return out;
}

std::string pretty_json(const Value& v) {
  std::string out;
  detail::append_pretty_json(out, v);
  out += '\n';
  return out;
}

std::string render(const Report& report, const RenderOptions& opts) {
  switch (opts.format) {
    case Format::json: return render_json(report);
    case Format::csv: return render_csv(report);
    case Format::svg: return render_svg(report);
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
