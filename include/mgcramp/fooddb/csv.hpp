#pragma once
// RFC 4180 CSV read as a stream: the reader behind `mgcramp import fdc`.
// Only one record and one read buffer are held in memory, whatever the size
// of the input, and every error names the input, line and column.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mgcramp/error.hpp"

namespace mgcramp::fooddb {

// A row that cannot be used (another number of fields than the header, a
// value that is not a number...). The record was read whole, so the reader
// can go on: `import fdc --skip-bad-rows` counts these and continues. Any
// other DataError from the reader (an unterminated quote, binary data)
// leaves it where it cannot find the next record, and stops the import.
class BadRow : public DataError {
 public:
  using DataError::DataError;
};

// Records one at a time from a file or a string. Per RFC 4180: fields are
// separated by commas and records by CRLF (LF and a lone CR are taken too);
// a field in double quotes may hold commas, line breaks and doubled quotes.
// A UTF-8 byte order mark at the start is skipped, and an empty line is no
// record. Where the RFC is strict and the meaning is still clear, a quote
// inside an unquoted field is kept as a character. DataError, naming
// "name:line:column", for: an unterminated quoted field, a character other
// than a comma or line end after a closing quote, a NUL byte (binary data),
// a record longer than the limit (1 MiB by default: an unbalanced quote
// would otherwise read the rest of the file into one field), and an input
// that is a zip or gzip archive.
class CsvReader {
 public:
  static constexpr std::size_t kDefaultMaxRecord = std::size_t{1} << 20;

  // Reads the file at `path`; `name` is what messages call it. DataError
  // when it cannot be opened or is a directory.
  static CsvReader open_file(const std::string& path, std::string name);
  // Reads `text` (tests, the fuzz target).
  static CsvReader from_string(std::string text, std::string name);

  CsvReader(CsvReader&& other) noexcept;
  CsvReader& operator=(CsvReader&& other) noexcept;
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;
  ~CsvReader();

  // Reads the next record; false at the end of the input. The fields are
  // valid until the next call.
  bool next();
  std::size_t size() const { return ends_.size(); }
  std::string_view field(std::size_t i) const {
    const std::size_t begin = i == 0 ? 0 : ends_[i - 1];
    return {rec_.data() + begin, ends_[i] - begin};
  }
  // Where the last record, or its field i, begins (1-based; columns count bytes).
  std::uint64_t line() const { return record_line_; }
  std::uint64_t field_line(std::size_t i) const { return field_line_[i]; }
  std::uint64_t field_column(std::size_t i) const { return field_column_[i]; }

  const std::string& name() const { return name_; }
  // Bytes consumed so far, and the input's size (0 when not known).
  std::uint64_t bytes_read() const { return base_ + pos_; }
  std::uint64_t total_bytes() const { return total_; }
  void set_max_record(std::size_t bytes) { max_record_ = bytes; }

  // "name:line:column: what" at field i of the last record.
  std::string where(std::size_t i) const;

 private:
  CsvReader(int fd, std::string text, std::string name, std::uint64_t total);
  bool fill();  // more bytes into the buffer; false at the end of the input
  [[noreturn]] void fail(const std::string& what, std::uint64_t line, std::uint64_t column,
                         const std::string& hint = {}) const;
  std::uint64_t column_here() const { return base_ + pos_ - line_start_ + 1; }
  void start_field();
  void append(const char* p, std::size_t n);
  void grow(std::size_t need);
  void check_magic();

  int fd_ = -1;
  std::string text_;  // the input, when read from a string
  std::string name_;
  std::vector<char> buf_;
  const char* data_ = nullptr;  // buffer in use: buf_ or text_
  std::size_t pos_ = 0, end_ = 0;
  std::uint64_t base_ = 0;  // input offset of data_[0]
  std::uint64_t total_ = 0;
  bool eof_ = false;
  bool started_ = false;
  std::size_t max_record_ = kDefaultMaxRecord;

  std::uint64_t line_ = 1;        // line of the next byte
  std::uint64_t line_start_ = 0;  // input offset where that line begins
  std::uint64_t record_line_ = 0;
  std::vector<char> rec_;          // the record's fields, back to back
  std::size_t rec_len_ = 0;        // bytes of rec_ in use
  std::vector<std::size_t> ends_;  // end of each field in rec_
  std::vector<std::uint64_t> field_line_, field_column_;
};

// A CSV file whose first record names its columns: columns are found by
// header name (any case), so their order does not matter.
class CsvTable {
 public:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  // Reads the header. DataError for an empty input.
  explicit CsvTable(CsvReader reader);

  // The index of column `name`, or npos.
  std::size_t column(std::string_view name) const;
  // The same, or DataError naming the file and the column.
  std::size_t require(std::string_view name) const;
  // The first of several names a column has had in USDA's releases.
  std::size_t column_any(std::initializer_list<std::string_view> names) const;
  const std::vector<std::string>& header() const { return header_; }

  // Reads the next row; false at the end. BadRow for a row with another
  // number of fields than the header (the row is read: the caller may go on).
  bool next();
  std::string_view operator[](std::size_t col) const { return reader_.field(col); }
  // BadRow "name:line:column: column 'c' what".
  [[noreturn]] void bad(std::size_t col, const std::string& what) const;

  CsvReader& reader() { return reader_; }
  const CsvReader& reader() const { return reader_; }

 private:
  CsvReader reader_;
  std::vector<std::string> header_;
  std::vector<std::string> lower_;
};

}  // namespace mgcramp::fooddb
