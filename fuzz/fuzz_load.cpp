// libFuzzer target: the JSON loader, from bytes to a validated dataset. Any
// input either loads or fails with a DataError; nothing else may happen (no
// crash, leak, hang or sanitizer report). What loads must survive a
// snapshot round trip. Each input is also read as an overlay (--data-add)
// on the corpus's fixture dataset, which must then keep all its records.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "mgcramp/error.hpp"
#include "mgcramp/io/load.hpp"
#include "mgcramp/io/snapshot.hpp"
#include "mgcramp/model/tables.hpp"

namespace {

const mgcramp::Dataset& base() {
  static const mgcramp::Dataset ds = [] {
    std::ifstream in(MGCRAMP_FUZZ_BASE);
    std::stringstream text;
    text << in.rdbuf();
    return mgcramp::load_dataset(text.str(), MGCRAMP_FUZZ_BASE);
  }();
  return ds;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const mgcramp::Dataset ds = mgcramp::load_dataset(text, "fuzz.json");
    const std::string bytes = mgcramp::write_snapshot(ds);
    if (mgcramp::write_snapshot(mgcramp::read_snapshot(bytes, "fuzz.snap")) != bytes) {
      __builtin_trap();
    }
  } catch (const mgcramp::DataError&) {
  }
  try {
    const mgcramp::Dataset ds = mgcramp::load_overlay(base(), text, "fuzz.json");
    for (std::size_t t = 0; t < mgcramp::enum_count<mgcramp::Table>(); ++t) {
      const auto table = static_cast<mgcramp::Table>(t);
      if (mgcramp::table_size(ds, table) < mgcramp::table_size(base(), table)) __builtin_trap();
    }
  } catch (const mgcramp::DataError&) {
  }
  return 0;
}
