#pragma once
// Loading and validating a dataset. Every function throws DataError with a
// message that names the file and either "line:column" (syntax errors) or the
// JSON Pointer of the offending field (schema errors).
#include <string>
#include <string_view>

#include "mgcramp/model.hpp"

namespace mgcramp {

// The dataset compiled into the binary from data/mgcramp.json.
std::string_view embedded_dataset_text();

// Parses and validates `text`; `origin` names it in error messages.
Dataset load_dataset(std::string_view text, const std::string& origin);

// Reads and loads a file. A missing or unreadable file is a DataError.
Dataset load_dataset_file(const std::string& path);

// The embedded dataset.
Dataset load_embedded_dataset();

// Number of records per table, in dataset order, for `mgcramp validate`.
struct TableCount {
  std::string table;
  std::size_t records;
};
std::vector<TableCount> table_counts(const Dataset& ds);

}  // namespace mgcramp
