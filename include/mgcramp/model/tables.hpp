#pragma once
// The tables of a Dataset, listed once: their names (Table's EnumNames are
// the JSON keys), what one record is called, which ids they share, and
// whether the commands can work when one is empty. `with_table` is the only
// place that maps a Table to its member of Dataset.
#include <bitset>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "mgcramp/model/records.hpp"

namespace mgcramp {

// Tables whose ids must differ from each other's: a reference to a source
// may name a study, and `show ID` finds a claim, cause, remedy, symptom or
// interaction by its id alone.
enum class IdSpace : std::uint8_t { citable, notices, intakes, foods, forms, records };
inline constexpr std::size_t kIdSpaces = static_cast<std::size_t>(IdSpace::records) + 1;

struct TableInfo {
  std::string_view singular;  // "study"
  IdSpace ids;
  // Why the commands need at least one record; empty when the table may be empty.
  std::string_view needed_by;
  bool may_be_absent = false;  // from the file, as an empty table
};

inline constexpr TableInfo kTableInfo[] = {
    {"source", IdSpace::citable, "every record cites a source"},
    {"notice", IdSpace::notices, {}, true},
    {"intake", IdSpace::intakes,
     "rda, foods, dose and intake look up the reference intake for an age here"},
    {"food", IdSpace::foods, "foods and intake look foods up here"},
    {"form", IdSpace::forms, "forms, dose and intake look supplement forms up here"},
    {"study", IdSpace::citable, {}},
    {"claim", IdSpace::records, {}},
    {"cause", IdSpace::records, {}},
    {"remedy", IdSpace::records, {}},
    {"symptom", IdSpace::records, {}},
    {"interaction", IdSpace::records, {}},
    {"medicine", IdSpace::records, {}, true},
    {"condition", IdSpace::records, {}, true},
    {"red flag", IdSpace::records, {}, true},
    {"cue", IdSpace::records, {}, true},
};
static_assert(std::size(kTableInfo) == enum_count<Table>(), "one TableInfo per Table");

constexpr const TableInfo& info(Table t) {
  return kTableInfo[static_cast<std::size_t>(t)];
}
constexpr std::string_view table_singular(Table t) {
  return info(t).singular;
}

// A set of tables, by Table: those a command reads (io/embedded.hpp).
using TableSet = std::bitset<enum_count<Table>()>;
inline TableSet every_table() {
  return TableSet().set();
}
inline TableSet table_set(std::initializer_list<Table> ts) {
  TableSet s;
  for (const Table t : ts) s.set(static_cast<std::size_t>(t));
  return s;
}

// Calls `f(records)` with the vector of table `t` (const or not, as `ds`).
template <class D, class F>
decltype(auto) with_table(D& ds, Table t, F&& f) {
  switch (t) {
    case Table::sources: return f(ds.sources);
    case Table::notices: return f(ds.notices);
    case Table::intakes: return f(ds.intakes);
    case Table::foods: return f(ds.foods);
    case Table::forms: return f(ds.forms);
    case Table::studies: return f(ds.studies);
    case Table::claims: return f(ds.claims);
    case Table::causes: return f(ds.causes);
    case Table::remedies: return f(ds.remedies);
    case Table::symptoms: return f(ds.symptoms);
    case Table::interactions: return f(ds.interactions);
    case Table::medicines: return f(ds.medicines);
    case Table::conditions: return f(ds.conditions);
    case Table::red_flags: return f(ds.red_flags);
    case Table::cues: break;
  }
  return f(ds.cues);
}

// Calls `f(records)` for every table, in Table order.
template <class D, class F>
void for_each_table(D& ds, F&& f) {
  for (std::size_t i = 0; i < enum_count<Table>(); ++i) with_table(ds, static_cast<Table>(i), f);
}

inline std::size_t table_size(const Dataset& ds, Table t) {
  return with_table(ds, t, [](const auto& v) { return v.size(); });
}

// Number of records per table, in Table order, for `mgcramp validate`.
struct TableCount {
  std::string table;
  std::size_t records;
};
inline std::vector<TableCount> table_counts(const Dataset& ds) {
  std::vector<TableCount> out;
  for (std::size_t t = 0; t < enum_count<Table>(); ++t) {
    const Table table = static_cast<Table>(t);
    out.push_back({std::string(name_of(table)), table_size(ds, table)});
  }
  return out;
}

}  // namespace mgcramp
