#pragma once
// Loading and validating a dataset. Every function throws DataError with a
// message that names the file and either "line:column" (syntax errors) or the
// JSON Pointer of the offending field (schema errors).
#include <string>
#include <string_view>

#include "mgcramp/model/records.hpp"

namespace mgcramp {

// Parses and validates `text`; `origin` names it in error messages.
Dataset load_dataset(std::string_view text, const std::string& origin);

// Reads and loads a file. A missing or unreadable file is a DataError.
// "-" reads standard input (origin "standard input").
Dataset load_dataset_file(const std::string& path);

}  // namespace mgcramp
