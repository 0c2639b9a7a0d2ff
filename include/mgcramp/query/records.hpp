#pragma once
// Any record of any table, addressed uniformly: the queries behind
// `mgcramp show` (one record, what it cites and what points at it).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mgcramp/model/records.hpp"
#include "mgcramp/model/tables.hpp"

namespace mgcramp {

// Every table, in dataset order.
const std::vector<Table>& all_tables();
const char* table_name(Table t);  // "studies", as in the dataset file

// One record: its table and its index in that table.
struct RecordRef {
  Table table = Table::sources;
  std::size_t index = 0;

  bool operator==(const RecordRef& o) const { return table == o.table && index == o.index; }
  bool operator!=(const RecordRef& o) const { return !(*this == o); }
};

// Calls `f(record)` with the record `r` refers to, whatever its type.
template <class F>
decltype(auto) with_record(const Dataset& ds, RecordRef r, F&& f) {
  return with_table(ds, r.table,
                    [&](const auto& records) -> decltype(auto) { return f(records.at(r.index)); });
}

// Calls `f(RecordRef)` for every record, table by table in dataset order.
template <class F>
void for_each_record(const Dataset& ds, F&& f) {
  for (Table t : all_tables()) {
    const std::size_t n = table_size(ds, t);
    for (std::size_t i = 0; i < n; ++i) f(RecordRef{t, i});
  }
}

const std::string& record_id(const Dataset& ds, RecordRef r);
// What people call it: a study's "Garrison SR 2020", a food's name, a claim's text...
std::string record_label(const Dataset& ds, RecordRef r);

// The study a PubMed id ("32956536") or a DOI ("10.1002/14651858.CD009402.pub3",
// also as "doi:..." or "https://doi.org/...", any case) names, or null.
const Study* find_study_by_identifier(const Dataset& ds, std::string_view text);

// The ids that begin with `prefix` or hold it as a whole dash-separated part
// ("garrison" gives garrison-2011, garrison-2020...), at most `max`, in dataset order.
std::vector<std::string> ids_like(const std::vector<std::string>& ids, const std::string& prefix,
                                  std::size_t max = 6);

// The record with this id (any case), or the study a PMID or DOI names, in
// `table` if given. Ids are unique
// within a table, but a food and a form, say, may share one: then `table`
// is needed. Unknown or ambiguous ids are a UsageError with a suggestion.
RecordRef resolve_record(const Dataset& ds, const std::string& id,
                         const std::optional<Table>& table = std::nullopt);

// A reference from one record to another, by field.
struct Link {
  RecordRef record;   // the record that holds the reference
  std::string field;  // its field, e.g. "evidence", "stances", "sources"
};

// The records that cite `target` (a claim's evidence, a form's studies, a
// study's sources...), in dataset order.
std::vector<Link> referenced_by(const Dataset& ds, RecordRef target);

// The ids `r` cites that are sources or studies, in order, without repeats.
std::vector<std::string> cited_ids(const Dataset& ds, RecordRef r);

}  // namespace mgcramp
