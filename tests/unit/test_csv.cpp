// The CSV reader of `mgcramp import fdc` (RFC 4180, streaming).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "mgcramp/fooddb/csv.hpp"

using mgcramp::DataError;
using mgcramp::fooddb::BadRow;
using mgcramp::fooddb::CsvReader;
using mgcramp::fooddb::CsvTable;
using Rows = std::vector<std::vector<std::string>>;
using namespace std::string_literals;

namespace {

Rows read_all(CsvReader r) {
  Rows rows;
  while (r.next()) {
    std::vector<std::string> row;
    for (std::size_t i = 0; i < r.size(); ++i) row.emplace_back(r.field(i));
    rows.push_back(std::move(row));
  }
  return rows;
}

Rows parse(const std::string& text) {
  return read_all(CsvReader::from_string(text, "t.csv"));
}

// The message of the DataError that reading `text` throws, or "(no error)".
std::string error_of(const std::string& text, std::size_t max_record = 0) {
  try {
    CsvReader r = CsvReader::from_string(text, "t.csv");
    if (max_record != 0) r.set_max_record(max_record);
    while (r.next()) {
    }
  } catch (const DataError& e) {
    return e.what();
  }
  return "(no error)";
}

std::string temp_path() {
  char path[] = "/tmp/mgcramp-csv-XXXXXX";
  const int fd = ::mkstemp(path);
  REQUIRE(fd >= 0);
  ::close(fd);
  return path;
}

void write_file(const std::string& path, const std::string& text) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  REQUIRE(f != nullptr);
  REQUIRE(std::fwrite(text.data(), 1, text.size(), f) == text.size());
  std::fclose(f);
}

// RFC 4180 encoding of one record; `always` quotes every field.
std::string encode(const std::vector<std::string>& fields, bool always, const char* eol) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    const std::string& f = fields[i];
    if (always || f.find_first_of(",\"\r\n") != std::string::npos) {
      out += '"';
      for (const char c : f) out += c == '"' ? std::string("\"\"") : std::string(1, c);
      out += '"';
    } else {
      out += f;
    }
  }
  return out + eol;
}

}  // namespace

TEST_CASE("csv: plain records and fields") {
  CHECK(parse("a,b,c\n1,2,3\n") == Rows{{"a", "b", "c"}, {"1", "2", "3"}});
  CHECK(parse("a,b\n1,2") == Rows{{"a", "b"}, {"1", "2"}});  // no line end at the end
  CHECK(parse("") == Rows{});
  CHECK(parse("x") == Rows{{"x"}});
}

TEST_CASE("csv: quoted fields hold commas, quotes and line breaks") {
  CHECK(parse("\"a,b\",c\n") == Rows{{"a,b", "c"}});
  CHECK(parse("\"say \"\"hi\"\"\",x\n") == Rows{{"say \"hi\"", "x"}});
  CHECK(parse("\"two\nlines\",x\n\"crlf\r\ninside\",y\n") ==
        Rows{{"two\nlines", "x"}, {"crlf\r\ninside", "y"}});
  CHECK(parse("\"\"\"\"\n") == Rows{{"\""}});
  CHECK(parse("\"\",\"\"\n") == Rows{{"", ""}});
  CHECK(parse("\"end\"") == Rows{{"end"}});
}

TEST_CASE("csv: CRLF, LF and lone CR end records; empty lines are skipped") {
  CHECK(parse("a,b\r\n1,2\r\n") == Rows{{"a", "b"}, {"1", "2"}});
  CHECK(parse("a\r1\r") == Rows{{"a"}, {"1"}});
  CHECK(parse("a\n\n\r\n1\n\n") == Rows{{"a"}, {"1"}});
  CHECK(parse("\"q\"\r\n2\r\n") == Rows{{"q"}, {"2"}});
}

TEST_CASE("csv: a byte order mark is skipped and takes no column") {
  CsvReader r = CsvReader::from_string("\xef\xbb\xbf\"fdc_id\",x\n", "t.csv");
  REQUIRE(r.next());
  CHECK(r.field(0) == "fdc_id");
  CHECK(r.field_column(0) == 1);
  CHECK(r.field_column(1) == 10);
  // Only at the start: elsewhere the bytes are data.
  CHECK(parse("a\n\xef\xbb\xbf"
              "b\n") == Rows{{"a"},
                             {"\xef\xbb\xbf"
                              "b"}});
}

TEST_CASE("csv: empty fields, at the start, the middle and the end") {
  CHECK(parse(",a,,\n") == Rows{{"", "a", "", ""}});
  CHECK(parse("a,\n") == Rows{{"a", ""}});
  CHECK(parse("a,") == Rows{{"a", ""}});
  CHECK(parse("\"\",\n") == Rows{{"", ""}});
}

TEST_CASE("csv: a quote inside an unquoted field is a character") {
  CHECK(parse("5\" disc,x\n") == Rows{{"5\" disc", "x"}});
}

TEST_CASE("csv: lines and columns follow quoted line breaks") {
  CsvReader r = CsvReader::from_string("h1,h2\n\"a\nb\",c\nd,\"e\"\n", "t.csv");
  REQUIRE(r.next());
  CHECK(r.line() == 1);
  REQUIRE(r.next());
  CHECK(r.line() == 2);
  CHECK(r.field_line(1) == 3);
  CHECK(r.field_column(1) == 4);
  REQUIRE(r.next());
  CHECK(r.line() == 4);
  CHECK(r.field_column(1) == 3);
  CHECK(r.where(1) == "t.csv:4:3");
  CHECK_FALSE(r.next());
}

TEST_CASE("csv: broken input names the file, line and column") {
  CHECK(error_of("a,b\n\"open,c\nmore\n") == "t.csv:2:1: a quoted field is not closed");
  CHECK(error_of("a,\"b\"x\n") == "t.csv:1:6: a character after the closing quote of a field");
  CHECK(error_of("a,b\nc,d\0e\n"s) == "t.csv:2:4: a NUL byte: this is binary data, not CSV");
  CHECK(error_of("\"a\0\"\n"s) == "t.csv:1:3: a NUL byte: this is binary data, not CSV");
  CHECK(error_of("PK\x03\x04rest") == "t.csv is a zip archive, not CSV");
  CHECK(error_of("\x1f\x8b\x08") == "t.csv is gzip-compressed, not CSV");
  CHECK(error_of("a,b\n\"" + std::string(100, 'x'), 64) ==
        "t.csv:2:1: a record longer than 64 bytes");
  CHECK(error_of(std::string(64, 'y') + "\n", 64) == "(no error)");
}

TEST_CASE("csv: columns by header name, in any order and any case") {
  CsvTable t(CsvReader::from_string("\"ID\",\"NDB_number\",\"name\"\n1,2,x\n", "f.csv"));
  CHECK(t.column("id") == 0);
  CHECK(t.column("ndb_number") == 1);
  CHECK(t.column("missing") == CsvTable::npos);
  CHECK(t.column_any({"wweia_food_category_code", "name"}) == 2);
  CHECK_THROWS_WITH(t.require("amount"), "f.csv: no column 'amount' in its header");
  REQUIRE(t.next());
  CHECK(t[2] == "x");
  CHECK_THROWS_WITH(t.bad(1, "expected a number, got 'x'"),
                    "f.csv:2:3: column 'NDB_number': expected a number, got 'x'");
  CHECK_FALSE(t.next());
  CHECK_THROWS_WITH(CsvTable(CsvReader::from_string("", "e.csv")),
                    "e.csv is empty: no header line");
}

TEST_CASE("csv: a ragged row is a BadRow, and the reader goes on after it") {
  CsvTable t(CsvReader::from_string("a,b,c\n1,2\n1,2,3\n1,2,3,4\n", "r.csv"));
  CHECK_THROWS_AS(t.next(), BadRow);
  REQUIRE(t.next());
  CHECK(t[2] == "3");
  CHECK_THROWS_WITH(t.next(), "r.csv:4: a row of 4 fields, where the header has 3");
  CHECK_FALSE(t.next());
}

TEST_CASE("csv: a file reads as its text does, across buffer boundaries") {
  // Random records, encoded per RFC 4180 with a mix of quoting and line
  // ends, large enough to span several read buffers.
  std::mt19937 rng(12);
  const std::string alphabet = "abc ,\"\r\n\xc3\xa9xyz0123456789";
  Rows want;
  std::string text = "\xef\xbb\xbf";
  while (text.size() < 700000) {
    std::vector<std::string> row(1 + rng() % 6);
    for (auto& f : row) {
      const std::size_t len = rng() % 3 == 0 ? rng() % 40 : rng() % 6;
      for (std::size_t i = 0; i < len; ++i) f += alphabet[rng() % alphabet.size()];
    }
    if (row.size() == 1 && row[0].empty()) row[0] = "z";  // that would be an empty line
    text += encode(row, rng() % 2 == 0, rng() % 2 == 0 ? "\r\n" : "\n");
    want.push_back(std::move(row));
  }
  CHECK(parse(text) == want);
  const std::string path = temp_path();
  write_file(path, text);
  CsvReader r = CsvReader::open_file(path, "big.csv");
  CHECK(r.total_bytes() == text.size());
  CHECK(read_all(std::move(r)) == want);
  std::remove(path.c_str());
}

TEST_CASE("csv: a missing file or a directory is a DataError") {
  CHECK_THROWS_WITH(CsvReader::open_file("/nonexistent/food.csv", "food.csv"),
                    Catch::StartsWith("cannot open food.csv: No such file"));
  CHECK_THROWS_WITH(CsvReader::open_file("/tmp", "tmp"), "tmp is not a file");
}
