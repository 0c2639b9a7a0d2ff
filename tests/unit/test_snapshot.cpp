// The binary snapshot the build embeds: round trip, and damaged input.
#include <cstdint>
#include <string>

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include "mgcramp/error.hpp"
#include "mgcramp/io/embedded.hpp"
#include "mgcramp/io/load.hpp"
#include "mgcramp/io/snapshot.hpp"
#include "mgcramp/model/tables.hpp"
#include "support.hpp"

using namespace mgcramp;
using Catch::Contains;

namespace {

const Dataset& source() {
  static const Dataset d = load_dataset_file(MGCRAMP_SOURCE_DATA);
  return d;
}

const std::string& snapshot() {
  static const std::string bytes = write_snapshot(source());
  return bytes;
}

std::string error_of(const std::string& bytes) {
  try {
    (void)read_snapshot(bytes, "snap");
  } catch (const DataError& e) {
    return e.what();
  }
  return "(no error)";
}

template <class T>
const T& must(const T* record) {
  REQUIRE(record != nullptr);
  return *record;
}

// Index of the single byte where two snapshots of the same size differ.
std::size_t differing_byte(const std::string& a, const std::string& b) {
  REQUIRE(a.size() == b.size());
  std::size_t at = a.size();
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) {
      REQUIRE(at == a.size());
      at = i;
    }
  }
  REQUIRE(at < a.size());
  return at;
}

}  // namespace

TEST_CASE("a snapshot reads back to the same dataset") {
  const Dataset back = read_snapshot(snapshot(), "snap");
  CHECK(back.origin == "snap");
  CHECK(back.schema_version == source().schema_version);
  // Written again, every field the writer knows comes out bit for bit the same.
  CHECK(write_snapshot(back) == snapshot());
  const auto before = table_counts(source());
  const auto after = table_counts(back);
  REQUIRE(before.size() == after.size());
  for (std::size_t i = 0; i < before.size(); ++i) {
    INFO(before[i].table);
    CHECK(after[i].records == before[i].records);
  }
}

TEST_CASE("the embedded dataset is data/mgcramp.json as it is now") {
  const Dataset embedded = load_embedded_dataset();
  CHECK(embedded.origin == "<embedded>/data/mgcramp.json");
  CHECK(write_snapshot(embedded) == snapshot());
}

TEST_CASE("a snapshot can be read a few tables at a time") {
  const TableSet some = table_set({Table::sources, Table::studies});
  Dataset part = read_snapshot(snapshot(), "snap", some);
  CHECK(part.origin == "snap");
  CHECK(part.description == source().description);
  CHECK(part.atomic_masses.values == source().atomic_masses.values);
  CHECK(part.studies.size() == source().studies.size());
  CHECK(part.sources.size() == source().sources.size());
  REQUIRE_FALSE(source().claims.empty());
  CHECK(part.claims.empty());
  CHECK(part.foods.empty());
  // The records already read stay where they are when the rest is read.
  const Study* first = &part.studies.front();
  read_snapshot_tables(snapshot(), "snap", ~some, part);
  CHECK(&part.studies.front() == first);
  CHECK(write_snapshot(part) == snapshot());
}

TEST_CASE("a table whose length does not match its records is a DataError") {
  Dataset d;
  d.sources.emplace_back();
  std::string bytes = write_snapshot(d);
  // The sources table's length: after the magic, the version, schema_version
  // and the presence bytes of the absent description, data_version and
  // reviewed.
  REQUIRE(bytes[19] > 1);
  bytes[19] = static_cast<char>(bytes[19] - 1);
  CHECK_THAT(error_of(bytes), Contains("does not match its records"));
  // A table that is skipped is only checked to fit in the bytes.
  bytes[19] = '\xff';
  bytes[20] = '\xff';
  try {
    (void)read_snapshot(bytes, "snap", table_set({Table::studies}));
    FAIL("no error");
  } catch (const DataError& e) {
    CHECK_THAT(e.what(), Contains("table length"));
  }
}

TEST_CASE("an empty dataset round-trips") {
  const std::string bytes = write_snapshot(Dataset{});
  const Dataset back = read_snapshot(bytes, "empty");
  CHECK(back.sources.empty());
  CHECK(back.atomic_masses.values.empty());
  CHECK(write_snapshot(back) == bytes);
}

TEST_CASE("a foreign or other-version snapshot is refused") {
  CHECK(error_of("") == "snap: not a mgcramp dataset snapshot");
  CHECK(error_of("MGCSNAP") == "snap: not a mgcramp dataset snapshot");
  CHECK(error_of("{\"schema_version\": 1}") == "snap: not a mgcramp dataset snapshot");
  std::string bytes = snapshot();
  bytes[0] = 'X';
  CHECK(error_of(bytes) == "snap: not a mgcramp dataset snapshot");

  bytes = snapshot();
  bytes[8] = static_cast<char>(kSnapshotVersion + 1);  // the version, little-endian
  CHECK(error_of(bytes) == "snap: dataset snapshot format version " +
                               std::to_string(kSnapshotVersion + 1) + ", expected " +
                               std::to_string(kSnapshotVersion));
  CHECK(error_of(snapshot().substr(0, 10)) ==
        "snap: corrupt dataset snapshot at byte 8: the format version runs past the end");
}

TEST_CASE("a truncated snapshot is a DataError") {
  const std::string& full = snapshot();
  // Every length in the first kilobyte, then a sample of the rest.
  for (std::size_t n = 0; n < full.size(); n += n < 1024 ? 1 : 997) {
    INFO("first " << n << " bytes");
    CHECK_THROWS_AS(read_snapshot(full.substr(0, n), "snap"), DataError);
  }
  CHECK_THAT(error_of(full.substr(0, full.size() - 1)),
             Contains("snap: corrupt dataset snapshot at byte "));
}

TEST_CASE("trailing bytes are a DataError") {
  CHECK_THAT(error_of(snapshot() + '\0'), Contains("unexpected bytes after the dataset"));
}

TEST_CASE("a corrupt count, boolean or enumeration is a DataError") {
  // The count of sources follows the magic, the version, schema_version,
  // the description, data_version and reviewed (each a presence byte, then
  // its length and text) and the length of the sources table.
  std::string bytes = snapshot();
  std::size_t at = 20;
  for (const auto* field :
       {&test::ds().description, &test::ds().data_version, &test::ds().reviewed})
    at += 1 + (*field ? 4 + (*field)->size() : 0);
  for (std::size_t i = at; i < at + 4; ++i) bytes[i] = '\xff';
  CHECK_THAT(
      error_of(bytes),
      Contains(fmt::format("at byte {}: element count 4294967295 exceeds the bytes", at + 4)));

  Dataset d;
  d.sources.emplace_back();
  const std::string no = write_snapshot(d);
  d.sources[0].commercial_interest = true;
  bytes = write_snapshot(d);
  bytes[differing_byte(no, bytes)] = 2;
  CHECK_THAT(error_of(bytes), Contains("boolean byte 2"));

  d = Dataset{};
  d.intakes.emplace_back();
  const std::string any = write_snapshot(d);
  d.intakes[0].sex = SexScope::male;
  bytes = write_snapshot(d);
  bytes[differing_byte(any, bytes)] = 3;
  CHECK_THAT(error_of(bytes), Contains("enumeration value 3"));

  d = Dataset{};
  d.atomic_masses.values = {{"Mg", 24.305}, {"O", 15.999}};
  bytes = write_snapshot(d);
  const auto mg = bytes.find("Mg");
  REQUIRE(mg != std::string::npos);
  bytes[mg] = 'P';  // "Pg" now comes before "O"
  CHECK_THAT(error_of(bytes), Contains("map keys out of order"));
}

TEST_CASE("a snapshot with any byte changed reads or fails cleanly") {
  // Under the sanitizers this checks that damage never reads out of bounds.
  const std::string& full = snapshot();
  for (std::size_t i = 0; i < full.size(); i += 499) {
    for (const char value : {'\x00', '\x7f', '\xff'}) {
      std::string bytes = full;
      bytes[i] = value;
      try {
        (void)read_snapshot(bytes, "snap");
      } catch (const DataError&) {
        // expected for most positions
      }
    }
  }
  SUCCEED();
}
