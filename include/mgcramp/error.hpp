#pragma once
// Typed errors. The CLI catches them in exactly one place (main) and maps
// UsageError to exit status 2 and DataError to exit status 1.
#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace mgcramp {

class Error : public std::runtime_error {
 public:
  Error(const std::string& message, std::string hint)
      : std::runtime_error(message), hint_(std::move(hint)) {}
  // A short suggestion for the fix, or empty.
  const std::string& hint() const noexcept { return hint_; }

 private:
  std::string hint_;
};

// The user asked for something malformed or impossible: exit 2.
class UsageError : public Error {
 public:
  explicit UsageError(const std::string& message, std::string hint = {})
      : Error(message, std::move(hint)) {}
};

// A value given to the core is not one it can take: "must be one of a, b,
// got 'x'". The core knows no option names; the command line, which knows
// where the value came from, names the option in front of the message and
// turns the example into "for example --option value".
class ValueError : public UsageError {
 public:
  ValueError(const std::string& must_be, const std::string& got, std::string example)
      : UsageError("must be " + must_be + ", got '" + got + "'"), example_(std::move(example)) {}
  const std::string& example() const noexcept { return example_; }

 private:
  std::string example_;
};

// A query lacks an input it needs (an age, or a sex where it matters); the
// command line says which option gives it.
class MissingInput : public UsageError {
 public:
  enum class What { age, sex };
  MissingInput(What w, const std::string& message) : UsageError(message), what_(w) {}
  What missing() const noexcept { return what_; }

 private:
  What what_;
};

// An id that several tables use; the command line says how to pick one.
class AmbiguousId : public UsageError {
 public:
  AmbiguousId(const std::string& message, std::vector<std::string> tables)
      : UsageError(message), tables_(std::move(tables)) {}
  const std::vector<std::string>& tables() const noexcept { return tables_; }

 private:
  std::vector<std::string> tables_;
};

// Where in a file a data error is, for scripts (validate --json, the JSON
// error object): the file, and a JSON Pointer (a field that breaks the
// schema) or a line and column (JSON syntax), with the problem alone.
struct DataLocation {
  std::string file;
  std::string pointer;               // empty: not known
  std::size_t line = 0, column = 0;  // 0: not known
  std::string problem;               // the message without the location
};

// The dataset (or another file) is missing, unreadable or invalid: exit 1.
class DataError : public Error {
 public:
  explicit DataError(const std::string& message, std::string hint = {})
      : Error(message, std::move(hint)) {}
  DataError(const std::string& message, std::string hint, DataLocation where)
      : Error(message, std::move(hint)), where_(std::move(where)), located_(true) {}
  // Where the problem is, when the loader knows.
  const DataLocation* where() const noexcept { return located_ ? &where_ : nullptr; }

 private:
  DataLocation where_;
  bool located_ = false;
};

}  // namespace mgcramp
