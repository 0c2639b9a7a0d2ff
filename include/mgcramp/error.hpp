#pragma once
// Typed errors. The CLI catches them in exactly one place (main) and maps
// UsageError to exit status 2 and DataError to exit status 1.
#include <stdexcept>
#include <string>
#include <utility>

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

// The dataset (or another file) is missing, unreadable or invalid: exit 1.
class DataError : public Error {
 public:
  explicit DataError(const std::string& message, std::string hint = {})
      : Error(message, std::move(hint)) {}
};

}  // namespace mgcramp
