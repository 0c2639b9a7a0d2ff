#pragma once
// A compact binary image of a loaded Dataset. The build validates
// data/mgcramp.json with the loader once and embeds its snapshot, so the
// program reads the typed records back without parsing or re-validating JSON.
//
// Format (all integers little-endian): the 8-byte magic "MGCSNAP\0", a uint32
// format version, then the Dataset's fields in the order of their
// descriptions (model/schema.hpp), without their keys; each table is preceded
// by its length in bytes (uint32), so that a command reads only the tables it
// needs and skips the rest. Strings are a uint32 length and the bytes;
// doubles their IEEE 754 bits as uint64; int as int32, long long as int64, bool and enums as one
// byte; optionals a presence byte (0 or 1) and the value; vectors and maps a
// uint32 count and the elements.
#include <cstdint>
#include <string>
#include <string_view>

#include "mgcramp/model/records.hpp"
#include "mgcramp/model/tables.hpp"

namespace mgcramp {

// The version of the encoding. A snapshot is written and read by the same
// build (it is embedded in the program), so the fields need no version.
inline constexpr std::uint32_t kSnapshotVersion = 4;

std::string write_snapshot(const Dataset& ds);

// Reads what write_snapshot wrote; the result's `origin` is `origin`. A
// truncated, corrupt or foreign snapshot, or one of another format version,
// is a DataError naming `origin`. Only the tables in `tables` are read (and
// checked); the others are skipped and left empty.
Dataset read_snapshot(std::string_view bytes, const std::string& origin,
                      TableSet tables = every_table());

// Reads the tables in `tables` into `ds`, which read_snapshot read from the
// same bytes without them (they are empty); the rest of `ds` is left as it is.
void read_snapshot_tables(std::string_view bytes, const std::string& origin, TableSet tables,
                          Dataset& ds);

}  // namespace mgcramp
