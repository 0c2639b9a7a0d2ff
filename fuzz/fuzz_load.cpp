// libFuzzer target: the JSON loader, from bytes to a validated dataset. Any
// input either loads or fails with a DataError; nothing else may happen (no
// crash, leak, hang or sanitizer report). What loads must survive a
// snapshot round trip.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "mgcramp/error.hpp"
#include "mgcramp/io/load.hpp"
#include "mgcramp/io/snapshot.hpp"

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
  return 0;
}
