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

// An overlay (--data-add): the records of `text` added to those of `base`,
// for a dataset that extends the embedded one without copying it. The text
// has the dataset's shape but only tables (and optionally schema_version
// and description); its ids must be new; its references may name the
// base's records; it is checked with the base's rules against the two
// together, and errors point into it. The result's origin is "BASE + FILE".
Dataset load_overlay(const Dataset& base, std::string_view text, const std::string& origin);
Dataset load_overlay_file(const Dataset& base, const std::string& path);

}  // namespace mgcramp
