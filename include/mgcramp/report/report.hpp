#pragma once
// A format-neutral result: the core builds a Report, the renderers print it
// as an aligned table, JSON, CSV or Markdown, or draw its figure as SVG.
// Every command goes through it.
//
// Scripts get the columns marked `machine`: JSON as one object per command,
// {"query", "results" (or "result"), "summary", "notices", "sources"}
// (docs/json.md), CSV one row per record. People get the columns marked
// `human`, in `human_order`, with the notes after them.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "mgcramp/query/cite.hpp"
#include "mgcramp/report/figure.hpp"
#include "mgcramp/report/value.hpp"

namespace mgcramp {

enum class Align { left, right };

struct Column {
  Column() = default;
  Column(std::string k, std::string t, Align a = Align::left, bool for_people = true)
      : key(std::move(k)), title(std::move(t)), align(a), human(for_people) {}

  std::string key;    // snake_case JSON field and CSV header; "a.b" nests in JSON
  std::string title;  // heading in the table and Markdown formats
  Align align = Align::left;
  bool human = true;    // shown in the table and Markdown formats
  bool machine = true;  // in JSON and CSV
  // CSV: the fields of an object, or of each object of a list, in this
  // column, as columns "key.field" of their own.
  std::vector<std::string> fields;
  // CSV: a list of objects gives one row per object (a claim's stances).
  bool row_per_element = false;
  // Table: the text is drawn as it is (a plot's line), never wrapped or
  // trimmed; the column is as wide as its widest cell.
  bool verbatim = false;
  // Table (vertical) and Markdown: the text is lines joined by '\n', each
  // wrapped on its own (a claim's sentences, one per line).
  bool lines = false;
};

// One value: `value` for JSON and CSV, `text` for humans (when empty, the
// renderers derive it from `value`).
struct Cell {
  Value value;
  std::string text;

  Cell() = default;
  // Implicit from anything a Value holds, so rows read as {"a", 3, nullptr}.
  template <class T, class = std::enable_if_t<std::is_constructible_v<Value, T&&> &&
                                              !std::is_same_v<std::decay_t<T>, Cell>>>
  Cell(T&& v) : value(std::forward<T>(v)) {}  // NOLINT(google-explicit-constructor)
  template <class T>
  Cell(T&& v, std::string t) : value(std::forward<T>(v)), text(std::move(t)) {}
};

enum class NoteLevel { info, warning };

struct Note {
  NoteLevel level = NoteLevel::info;
  std::string text;
  std::size_t indent = 0;  // columns before the first line; wrapped lines get 2 more
};

struct Report {
  // A caution or explanation for scripts, as people see it in a note.
  struct Notice {
    std::string id;
    NoticeLevel level = NoticeLevel::info;
    std::string text;
  };

  std::string title;  // optional heading for humans
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
  // Rows from this index on are for people only (totals under a table)...
  std::size_t machine_rows = static_cast<std::size_t>(-1);
  // ...and rows before this one for scripts only.
  std::size_t human_from = 0;
  // The human columns in the order shown; empty: in the order of `columns`.
  std::vector<std::size_t> human_order;
  // For humans only: the answer in a few lines before the table (a pooled
  // estimate before the trials it pools), and notes after it.
  std::vector<Note> lead;
  std::vector<Note> notes;
  // The "Sources:" list, shown after the notes; made only by the formats
  // that show it (table, Markdown); none when empty.
  std::function<std::vector<Note>()> source_notes;
  // JSON: what was asked, the summary of the answer (an object, or null when
  // the command gives none), the notices and the sources cited.
  Value query = Value::object();
  Value summary;
  std::vector<Notice> notices;
  // The sources as JSON, made only when JSON is written (their references
  // cost more to format than most answers); none when empty.
  std::function<Value()> sources;
  // BibTeX and RIS: the studies and sources cited (`mgcramp cite`).
  std::vector<Citable> citations;
  // JSON: the lone row is "result" (one record or computation) instead of
  // "results" (a list).
  bool single_object = false;
  // Table and Markdown: one "Title: value" line per column instead of a grid
  // (for one record shown in full).
  bool vertical = false;
  // Table format only: draw a horizontal bar chart of column `plot_value`
  // labelled by column `plot_label` instead of the grid.
  std::optional<std::pair<std::size_t, std::size_t>> plot;  // {label, value}
  // `--format svg`: the plot as data (report/figure.hpp), made by the
  // commands that plot, when a plot is asked for; the other formats ignore it.
  std::optional<Figure> figure;

  void add_row(std::vector<Cell> cells) { rows.push_back(std::move(cells)); }
  // An empty row with room for a cell per column.
  std::vector<Cell> new_row() const {
    std::vector<Cell> row;
    row.reserve(columns.size());
    return row;
  }
  // The same, moving each cell in (a braced list of cells is copied).
  template <class... C>
  void add_cells(C&&... cells) {
    std::vector<Cell> row;
    row.reserve(sizeof...(C));
    (row.emplace_back(std::forward<C>(cells)), ...);
    rows.push_back(std::move(row));
  }
  void note(std::string text, NoteLevel level = NoteLevel::info, std::size_t indent = 0) {
    notes.push_back({level, std::move(text), indent});
  }
  void lead_note(std::string text, NoteLevel level = NoteLevel::info, std::size_t indent = 0) {
    lead.push_back({level, std::move(text), indent});
  }
  // A notice for scripts that people see as a note (a caution as a warning).
  void notice(std::string id, NoticeLevel level, std::string text) {
    note(text, level == NoticeLevel::caution ? NoteLevel::warning : NoteLevel::info);
    notices.push_back({std::move(id), level, std::move(text)});
  }
  // The index of the column `key`, or the number of columns.
  std::size_t column(std::string_view key) const {
    std::size_t i = 0;
    while (i < columns.size() && columns[i].key != key) ++i;
    return i;
  }
  // Shows the column `key` to people with this title (and alignment).
  void show(std::string_view key, std::string heading, std::optional<Align> align = {}) {
    const std::size_t i = column(key);
    columns.at(i).human = true;
    columns[i].title = std::move(heading);
    if (align) columns[i].align = *align;
    human_order.push_back(i);
  }
};

}  // namespace mgcramp
