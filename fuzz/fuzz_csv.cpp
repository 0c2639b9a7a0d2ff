// libFuzzer target: the CSV reader of `mgcramp import fdc`. Any input is
// records or a DataError, nothing else; every field lies where the reader
// says, and records written back per RFC 4180 (every field quoted) read
// back the same. The header-aware table may also throw BadRow and go on.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "mgcramp/error.hpp"
#include "mgcramp/fooddb/csv.hpp"

namespace {

using Records = std::vector<std::vector<std::string>>;
using mgcramp::fooddb::CsvReader;

// The records of `text`, or false on a DataError.
bool read(const std::string& text, Records& out) {
  try {
    CsvReader r = CsvReader::from_string(text, "fuzz.csv");
    r.set_max_record(4096);
    std::uint64_t last_line = 0;
    while (r.next()) {
      if (r.size() == 0 || r.line() <= last_line) std::abort();
      last_line = r.line();
      std::vector<std::string> rec;
      for (std::size_t i = 0; i < r.size(); ++i) {
        if (r.field_line(i) < r.line() || r.field_column(i) == 0) std::abort();
        rec.emplace_back(r.field(i));
      }
      out.push_back(std::move(rec));
      if (r.bytes_read() > text.size()) std::abort();
    }
    return true;
  } catch (const mgcramp::DataError&) {
    return false;
  }
}

std::string write(const Records& records) {
  std::string out;
  for (const auto& rec : records) {
    for (std::size_t i = 0; i < rec.size(); ++i) {
      if (i > 0) out += ',';
      out += '"';
      for (const char c : rec[i]) {
        if (c == '"') out += '"';
        out += c;
      }
      out += '"';
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  Records first;
  if (read(text, first)) {
    Records again;
    if (!read(write(first), again) || again != first) std::abort();
  }
  try {
    mgcramp::fooddb::CsvTable t(CsvReader::from_string(text, "fuzz.csv"));
    for (;;) {
      try {
        if (!t.next()) break;
        for (std::size_t i = 0; i < t.header().size(); ++i) (void)t[i];
      } catch (const mgcramp::fooddb::BadRow&) {
      }
    }
  } catch (const mgcramp::DataError&) {
  }
  return 0;
}
