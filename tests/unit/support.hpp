#pragma once
// Shared by the unit tests: the embedded dataset, loaded once; the text of
// data/mgcramp.json for tests that edit the JSON (the program embeds the
// validated snapshot, not the JSON); the message of the UsageError a call throws.
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>

#include "mgcramp/error.hpp"
#include "mgcramp/io/embedded.hpp"
#include "mgcramp/io/load.hpp"

namespace test {

inline const mgcramp::Dataset& ds() {
  return mgcramp::embedded_dataset();
}

// The text of data/mgcramp.json (MGCRAMP_SOURCE_DATA).
inline const std::string& source_dataset_text() {
  static const std::string text = [] {
    std::ifstream in(MGCRAMP_SOURCE_DATA, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    if (!in || out.str().empty()) {
      throw std::runtime_error("cannot read " MGCRAMP_SOURCE_DATA);
    }
    return out.str();
  }();
  return text;
}

// "message (hint)" of the UsageError `fn` throws, or "(no error)".
inline std::string usage_error(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const mgcramp::UsageError& e) {
    return std::string(e.what()) + " (" + e.hint() + ")";
  }
  return "(no error)";
}

}  // namespace test
