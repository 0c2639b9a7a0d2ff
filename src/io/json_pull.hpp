#pragma once
// Internal: a pull parser of JSON (RFC 8259) for the loader. It reads from
// a string in memory or streams from a file in chunks, so a dataset is read
// into the typed model without a document tree of the whole file, and it
// checks the syntax as it goes: strict numbers, UTF-8, escapes and
// surrogates, one value and nothing after it (a UTF-8 byte order mark is
// skipped). A syntax error is a DataError "origin:line:column: invalid JSON:
// what" with a hint; the column counts code points.
//
// The caller drives it: peek() says what the next value is, then one of
// begin_object()/next_key(), begin_array()/next_element(), read_string(),
// number(), boolean() or null() consumes it. The parser itself does not
// recurse, so deep nesting cannot exhaust the stack; the caller limits depth.
#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace mgcramp::io {

class JsonPull {
 public:
  enum class Type : unsigned char { null, boolean, number, string, object, array };

  // Parses `text`, which must outlive the parser.
  JsonPull(std::string_view text, const std::string& origin);
  // Streams `file` (not closed) in chunks; a read error is a DataError, and
  // so is more than `max_bytes` of input.
  JsonPull(std::FILE* file, std::size_t max_bytes, const std::string& origin);

  JsonPull(const JsonPull&) = delete;
  JsonPull& operator=(const JsonPull&) = delete;

  // The type of the next value; a syntax error at the end of the input or
  // at a character that cannot start a value.
  Type peek();

  void begin_object();
  // The next key of the innermost object, or false at its end (consumed).
  // The view is valid until the parser is called again.
  bool next_key(std::string_view& key);

  void begin_array();
  // Whether another element of the innermost array follows; false at its end
  // (consumed).
  bool next_element();

  // The next value, a string, decoded into `out` (replacing its contents).
  void read_string(std::string& out);

  struct Number {
    double value = 0;
    bool integer = false;      // no fraction or exponent, and fits a long long
    long long int_value = 0;   // when `integer`
    std::string_view literal;  // as written; valid until the parser is called again
  };
  Number number();

  bool boolean();
  void null();

  // Nothing but whitespace may follow the value just read.
  void finish();

  // Containers open now.
  std::size_t depth() const { return stack_.size(); }

  // "origin:line:col: invalid JSON: message" at the current position.
  [[noreturn]] void fail(const std::string& message, const std::string& hint) const;

 private:
  // At least `n` bytes from pos_, unless the input ends first; false then.
  bool ensure(std::size_t n);
  // The next byte after whitespace, or -1 at the end of the input.
  int peek_byte();
  void expect_literal(std::string_view word);
  // Appends the string starting at pos_ (just after its quote) to `out`.
  void scan_string(std::string& out);
  void append_escape(std::string& out);
  unsigned hex4();
  // Line and column of absolute offset `at`, at or after what was discarded.
  std::pair<std::size_t, std::size_t> line_col(std::size_t at) const;
  // Counts lines and columns in the bytes about to be discarded.
  void count_discarded(std::size_t n);

  const std::string& origin_;
  std::FILE* file_ = nullptr;
  std::size_t max_bytes_ = 0;
  std::size_t read_total_ = 0;
  bool eof_ = false;
  std::string storage_;  // the buffer when streaming
  const char* buf_ = nullptr;
  std::size_t pos_ = 0, end_ = 0;
  std::size_t base_ = 0;  // absolute offset of buf_[0]
  // An absolute offset that ensure() keeps in the buffer, while a token is read.
  static constexpr std::size_t kNoMark = static_cast<std::size_t>(-1);
  std::size_t mark_ = kNoMark;
  // Lines and columns up to base_.
  std::size_t line_ = 1, col_ = 1;

  struct Level {
    bool object;
    bool first;
  };
  std::vector<Level> stack_;
  std::string key_;     // the last key
  std::string number_;  // the last number's literal
};

}  // namespace mgcramp::io
