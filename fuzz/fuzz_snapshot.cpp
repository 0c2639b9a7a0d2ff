// libFuzzer target: the snapshot reader. A damaged snapshot is a DataError,
// never a crash, an out-of-bounds read or a huge allocation; one that reads
// writes back to the same bytes (the encoding has one form per dataset).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "mgcramp/error.hpp"
#include "mgcramp/io/snapshot.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    const mgcramp::Dataset ds = mgcramp::read_snapshot(bytes, "fuzz.snap");
    if (mgcramp::write_snapshot(ds) != bytes) __builtin_trap();
  } catch (const mgcramp::DataError&) {
  }
  return 0;
}
