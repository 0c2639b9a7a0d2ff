#pragma once
// A format-neutral result: the core builds a Report, the renderers print it
// as an aligned table, JSON, CSV or Markdown. Every command goes through it.
#include <cstddef>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "mgcramp/report/value.hpp"

namespace mgcramp {

enum class Align { left, right };

struct Column {
  std::string key;    // snake_case JSON field and CSV header
  std::string title;  // heading in the table and Markdown formats
  Align align = Align::left;
  bool human = true;  // shown in the table and Markdown formats
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
  std::string title;  // optional heading for humans
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
  std::vector<Note> notes;  // shown after the table for humans only
  // JSON: print the lone row as an object instead of an array of one.
  bool single_object = false;
  // Table and Markdown: one "Title: value" line per column instead of a grid
  // (for one record shown in full).
  bool vertical = false;
  // Table format only: draw a horizontal bar chart of column `plot_value`
  // labelled by column `plot_label` instead of the grid.
  std::optional<std::pair<std::size_t, std::size_t>> plot;  // {label, value}

  void add_row(std::vector<Cell> cells) { rows.push_back(std::move(cells)); }
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
};

}  // namespace mgcramp
