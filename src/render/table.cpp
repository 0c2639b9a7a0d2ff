// The aligned table people read, with vertical records, bar charts and notes.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <iterator>

#include <fmt/color.h>
#include <fmt/format.h>

#include "formats.hpp"
#include "mgcramp/text.hpp"

namespace mgcramp::detail {
namespace {

constexpr std::size_t kGap = 2;
constexpr std::size_t kMinColumn = 8;
// Natural widths, then the widest columns give way until the row fits;
// `fixed` columns (plots) never give way.
std::vector<std::size_t> fit_widths(const std::vector<std::string>& headers,
                                    const std::vector<std::vector<std::string>>& cells,
                                    std::size_t width, const std::vector<bool>& fixed) {
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
    floor[c] =
        fixed[c] ? w[c] : std::min(w[c], std::max(kMinColumn, text::display_width(headers[c])));
  }
  const std::size_t gaps = headers.empty() ? 0 : kGap * (headers.size() - 1);
  const std::size_t budget = width > gaps ? width - gaps : headers.size() * kMinColumn;
  // Keep whole words (ids, URLs, numbers) unbroken when the row can still
  // fit: every word if it can, else words up to 24 columns (UX2).
  for (const std::size_t cap : {std::size_t{1000}, std::size_t{24}}) {
    std::vector<std::size_t> keep(floor);
    std::size_t keep_total = 0;
    for (std::size_t c = 0; c < w.size(); ++c) {
      keep[c] = std::min(w[c], std::max(floor[c], std::min(word[c], cap)));
      keep_total += keep[c];
    }
    if (keep_total <= budget) {
      floor = keep;
      break;
    }
  }
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
      bool first = true;
      auto emit = [&](std::string_view value) {
        text::wrap_views(value, value_w, lines, storage);
        for (std::size_t l = 0; l < lines.size(); ++l) {
          const std::string label =
              first ? text::pad(text::sanitize(r.columns[c].title) + ":", label_w)
                    : std::string(label_w, ' ');
          append_styled(out, label, fmt::emphasis::bold, o.color && first);
          first = false;
          out.append("  ").append(lines[l]);
          while (!out.empty() && out.back() == ' ') out.pop_back();
          out += '\n';
        }
      };
      if (r.columns[c].lines && c < r.rows[i].size()) {
        // Each line of the cell's text on its own, escaped on its own.
        const std::string all = r.rows[i][c].text;
        std::size_t from = 0;
        while (from <= all.size()) {
          const std::size_t nl = std::min(all.find('\n', from), all.size());
          emit(text::sanitize(std::string_view(all).substr(from, nl - from)));
          from = nl + 1;
        }
      } else {
        emit(c < r.rows[i].size() ? human_view(r.rows[i][c], scratch) : std::string_view("-"));
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

}  // namespace

std::string render_table(const Report& r, const RenderOptions& o) {
  std::string out;
  if (!r.title.empty()) {
    for (const auto& line : text::wrap(text::sanitize(r.title), o.width)) {
      append_styled(out, line, fmt::emphasis::bold, o.color);
      out += '\n';
    }
  }
  if (!r.lead.empty()) {
    render_notes(out, r.lead, o);
    out += '\n';
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
    std::vector<bool> fixed;
    for (auto c : cols) fixed.push_back(r.columns[c].verbatim);
    const auto w = fit_widths(headers, cells, o.width, fixed);
    std::vector<std::vector<std::string_view>> wrapped(cols.size());
    std::vector<std::string> storage(cols.size());
    std::string line;
    auto emit_row = [&](const std::vector<std::string>& row, bool header) {
      std::size_t height = 1;
      for (std::size_t c = 0; c < row.size(); ++c) {
        if (r.columns[cols[c]].verbatim && !header) {
          wrapped[c].assign(1, std::string_view(row[c]));
        } else {
          text::wrap_views(row[c], w[c], wrapped[c], storage[c]);
        }
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
  const std::vector<Note> source_notes = r.source_notes ? r.source_notes() : std::vector<Note>{};
  if (!r.notes.empty() || !source_notes.empty()) {
    out += '\n';
    render_notes(out, r.notes, o);
    render_notes(out, source_notes, o);
  }
  return out;
}

}  // namespace mgcramp::detail
