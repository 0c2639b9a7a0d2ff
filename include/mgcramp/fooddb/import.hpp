#pragma once
// `mgcramp import fdc DIR`: an unpacked USDA FoodData Central CSV download
// into the food database (store.hpp), streaming and atomic.
#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "mgcramp/fooddb/store.hpp"

namespace mgcramp::fooddb {

// Where an import is, for a progress bar.
struct ImportProgress {
  std::string_view file;    // the file being read, or the step ("indexing")
  std::uint64_t done = 0;   // bytes of the CSV files read so far
  std::uint64_t total = 0;  // bytes of all of them
  std::uint64_t rows = 0;   // rows read so far, all files
  double seconds = 0;       // since the import began
};

struct ImportOptions {
  std::string dir;  // the unpacked download
  std::string out;  // the database to write (replaced only when the import succeeds)
  // Bad rows (a value that is not a number, a row of the wrong length, a
  // duplicate id) are counted and skipped instead of stopping the import.
  bool skip_bad_rows = false;
  std::string program_version;  // stored in `meta`
  // Called every few thousand rows; it may throw to stop the import (the
  // new database is then removed and the old one left as it was).
  std::function<void(const ImportProgress&)> progress;
};

struct FileRows {
  std::string file;
  bool present = false;
  std::uint64_t rows = 0;
};

struct ImportResult {
  std::string out;
  Info info;
  std::array<long long, 4> by_type{};  // foods per DataType
  long long with_magnesium = 0;
  long long with_energy = 0;
  long long with_serving = 0;
  long long portions = 0;
  long long skipped_other_types = 0;      // foods of data types not imported
  long long bad_rows = 0;                 // skipped with skip_bad_rows
  std::vector<std::string> bad_examples;  // the first few, as messages
  std::vector<FileRows> files;
  double seconds = 0;
};

// Imports `o.dir` into `o.out`: the database is written beside `o.out`
// and renamed over it only when complete and checked, so a failed, killed
// or interrupted import leaves the previous database as it was. DataError
// (one message naming the file, line and column) for a missing folder,
// file or column, a file that is not FoodData Central's CSV, and a bad row
// (unless skip_bad_rows).
ImportResult import_fdc(const ImportOptions& o);

}  // namespace mgcramp::fooddb
