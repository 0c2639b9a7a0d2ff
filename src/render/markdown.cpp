// GitHub-flavoured Markdown for documents.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <iterator>

#include <fmt/format.h>

#include "formats.hpp"
#include "mgcramp/text.hpp"

namespace mgcramp::detail {
namespace {

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

}  // namespace

std::string render_md(const Report& r) {
  std::string out;
  std::string scratch;
  auto cell = [&](const std::vector<Cell>& row, std::size_t c) {
    if (r.columns[c].lines && c < row.size()) {
      // One line each, escaped each, joined by a line break inside the cell.
      std::string joined;
      std::size_t from = 0;
      const std::string& all = row[c].text;
      while (from <= all.size()) {
        const std::size_t nl = std::min(all.find('\n', from), all.size());
        if (!joined.empty()) joined += "<br>";
        joined += md_cell(text::sanitize(std::string_view(all).substr(from, nl - from)));
        from = nl + 1;
      }
      return joined;
    }
    return md_cell(c < row.size() ? human_view(row[c], scratch) : std::string_view("-"));
  };
  if (!r.title.empty()) out += "### " + md_cell(text::sanitize(r.title)) + "\n\n";
  auto note_lines = [&](const std::vector<Note>& notes) {
    for (const auto& n : notes) {
      out += std::string(n.indent, ' ');
      out += n.level == NoteLevel::warning ? "- **Warning:** " : "- ";
      out += md_cell(text::sanitize(n.text)) + "\n";
    }
  };
  if (!r.lead.empty()) {
    note_lines(r.lead);
    out += "\n";
  }
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
  const std::vector<Note> source_notes = r.source_notes ? r.source_notes() : std::vector<Note>{};
  if (!r.notes.empty() || !source_notes.empty()) {
    out += "\n";
    note_lines(r.notes);
    note_lines(source_notes);
  }
  return out;
}

}  // namespace mgcramp::detail
