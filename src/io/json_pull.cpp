#include "json_pull.hpp"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

#include "mgcramp/error.hpp"
#include "mgcramp/text.hpp"

namespace mgcramp::io {
namespace {

constexpr std::size_t kChunk = 1u << 20;

bool is_space(unsigned char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

bool is_number_char(unsigned char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// Bytes a string holds as they are: not the quote, the backslash, a control
// character or the start of a multi-byte sequence (checked on its own).
struct PlainTable {
  bool plain[256] = {};
  constexpr PlainTable() {
    for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
  }
};
constexpr PlainTable kPlain;

// 'x', or U+0001 for a character that does not print.
std::string shown_char(int c) {
  if (c >= 0x21 && c < 0x7f) return fmt::format("'{}'", static_cast<char>(c));
  if (c == ' ') return "a space";
  return fmt::format("byte 0x{:02X}", c);
}

// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, and whether it has a
// fraction or an exponent.
bool valid_number(std::string_view s, bool& fractional) {
  std::size_t i = 0;
  auto digits = [&] {
    const std::size_t from = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > from;
  };
  if (i < s.size() && s[i] == '-') ++i;
  if (i < s.size() && s[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  fractional = false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!digits()) return false;
    fractional = true;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digits()) return false;
    fractional = true;
  }
  return i == s.size();
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

JsonPull::JsonPull(std::string_view text, const std::string& origin)
    : origin_(origin), buf_(text.data()), end_(text.size()) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

JsonPull::JsonPull(std::FILE* file, std::size_t max_bytes, const std::string& origin)
    : origin_(origin), file_(file), max_bytes_(max_bytes) {
  storage_.resize(kChunk);
  buf_ = storage_.data();
  if (ensure(3) && std::string_view(buf_, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

void JsonPull::count_discarded(std::size_t n) {
  const char* p = buf_;
  const char* const e = buf_ + n;
  const char* last = nullptr;
  for (const char* q = p; q < e;) {
    q = static_cast<const char*>(std::memchr(q, '\n', static_cast<std::size_t>(e - q)));
    if (q == nullptr) break;
    ++line_;
    last = q++;
  }
  if (last != nullptr) {
    col_ = 1;
    p = last + 1;
  }
  for (; p < e; ++p) {
    if ((static_cast<unsigned char>(*p) & 0xC0) != 0x80) ++col_;
  }
}

bool JsonPull::ensure(std::size_t n) {
  if (end_ - pos_ >= n) return true;
  if (file_ == nullptr || eof_) return false;
  // Keep what is not consumed yet (and from a mark before it), at the front,
  // and read more after it.
  const std::size_t drop = mark_ >= base_ ? std::min(pos_, mark_ - base_) : pos_;
  count_discarded(drop);
  const std::size_t keep = end_ - drop;
  std::memmove(storage_.data(), storage_.data() + drop, keep);
  base_ += drop;
  pos_ -= drop;
  end_ = keep;
  if (storage_.size() < n) storage_.resize(n);
  buf_ = storage_.data();
  while (end_ - pos_ < n && !eof_) {
    const std::size_t got = std::fread(storage_.data() + end_, 1, storage_.size() - end_, file_);
    if (got == 0) {
      if (std::ferror(file_)) {
        throw DataError(
            fmt::format("cannot read '{}': {}", text::sanitize(origin_), std::strerror(errno)),
            "check the file's path and permissions");
      }
      eof_ = true;
    }
    end_ += got;
    read_total_ += got;
    if (read_total_ > max_bytes_) {
      throw DataError(
          fmt::format("'{}' is larger than {} MiB", text::sanitize(origin_), max_bytes_ >> 20),
          "split the data, or leave out what the commands do not need");
    }
  }
  return end_ - pos_ >= n;
}

std::pair<std::size_t, std::size_t> JsonPull::line_col(std::size_t at) const {
  std::size_t line = line_;
  std::size_t col = col_;
  const std::size_t stop = at > base_ ? std::min(at - base_, end_) : 0;
  for (std::size_t i = 0; i < stop; ++i) {
    if (buf_[i] == '\n') {
      ++line;
      col = 1;
    } else if ((static_cast<unsigned char>(buf_[i]) & 0xC0) != 0x80) {
      ++col;
    }
  }
  return {line, col};
}

void JsonPull::fail(const std::string& message, const std::string& hint) const {
  const auto [line, col] = line_col(base_ + pos_);
  throw DataError(fmt::format("{}:{}:{}: invalid JSON: {}", text::sanitize(origin_), line, col,
                              text::sanitize(message)),
                  hint, DataLocation{origin_, "", line, col, "invalid JSON: " + message});
}

int JsonPull::peek_byte() {
  for (;;) {
    while (pos_ < end_ && is_space(static_cast<unsigned char>(buf_[pos_]))) ++pos_;
    if (pos_ < end_) return static_cast<unsigned char>(buf_[pos_]);
    if (!ensure(1)) return -1;
  }
}

JsonPull::Type JsonPull::peek() {
  const int c = peek_byte();
  switch (c) {
    case '{': return Type::object;
    case '[': return Type::array;
    case '"': return Type::string;
    case 't':
    case 'f': return Type::boolean;
    case 'n': return Type::null;
    case -1: fail("unexpected end of input", "the file ends before the JSON value does");
    default:
      if (c == '-' || (c >= '0' && c <= '9')) return Type::number;
      fail("expected a value, got " + shown_char(c),
           "a value is an object, array, string, number, true, false or null");
  }
}

void JsonPull::begin_object() {
  peek_byte();
  ++pos_;
  stack_.push_back({true, true});
}

bool JsonPull::next_key(std::string_view& key) {
  Level& top = stack_.back();
  int c = peek_byte();
  if (c == '}') {
    ++pos_;
    stack_.pop_back();
    return false;
  }
  if (!top.first) {
    if (c != ',') {
      if (c == -1) fail("unexpected end of input in an object", "close it with '}'");
      fail("expected ',' or '}' after an object member, got " + shown_char(c),
           "separate members with commas");
    }
    ++pos_;
    c = peek_byte();
  }
  if (c != '"') {
    if (c == -1) fail("unexpected end of input in an object", "close it with '}'");
    fail("expected a key in double quotes, got " + shown_char(c),
         top.first ? "write {\"key\": value, ...}" : "a comma is not followed by '}'");
  }
  top.first = false;
  ++pos_;
  key_.clear();
  scan_string(key_);
  c = peek_byte();
  if (c != ':') {
    if (c == -1) fail("unexpected end of input in an object", "close it with '}'");
    fail("expected ':' after a key, got " + shown_char(c), "write \"key\": value");
  }
  ++pos_;
  key = key_;
  return true;
}

void JsonPull::begin_array() {
  peek_byte();
  ++pos_;
  stack_.push_back({false, true});
}

bool JsonPull::next_element() {
  Level& top = stack_.back();
  const int c = peek_byte();
  if (c == ']') {
    ++pos_;
    stack_.pop_back();
    return false;
  }
  if (!top.first) {
    if (c != ',') {
      if (c == -1) fail("unexpected end of input in an array", "close it with ']'");
      fail("expected ',' or ']' after an array element, got " + shown_char(c),
           "separate elements with commas");
    }
    ++pos_;
    if (peek_byte() == ']') fail("expected a value after ',', got ']'", "drop the last comma");
  }
  top.first = false;
  return true;
}

void JsonPull::read_string(std::string& out) {
  peek_byte();
  ++pos_;  // the quote peek() saw
  out.clear();
  scan_string(out);
}

void JsonPull::scan_string(std::string& out) {
  for (;;) {
    const char* const p = buf_ + pos_;
    const char* const e = buf_ + end_;
    const char* q = p;
    while (q < e && kPlain.plain[static_cast<unsigned char>(*q)]) ++q;
    out.append(p, static_cast<std::size_t>(q - p));
    pos_ += static_cast<std::size_t>(q - p);
    if (q == e) {
      if (!ensure(1)) fail("unexpected end of input in a string", "close the string with '\"'");
      continue;
    }
    const auto c = static_cast<unsigned char>(*q);
    if (c == '"') {
      ++pos_;
      return;
    }
    if (c == '\\') {
      append_escape(out);
      continue;
    }
    if (c < 0x20) {
      fail(fmt::format("control character U+{:04X} in a string", c),
           "write it as an escape such as \\n, \\t or \\u0001");
    }
    // A multi-byte UTF-8 sequence: all of it, well formed.
    ensure(4);
    const std::size_t len = text::utf8_sequence(std::string_view(buf_ + pos_, end_ - pos_), 0);
    if (len == 0) fail("invalid UTF-8 in a string", "save the file as UTF-8");
    out.append(buf_ + pos_, len);
    pos_ += len;
  }
}

unsigned JsonPull::hex4() {
  if (!ensure(4)) fail("unexpected end of input in a \\u escape", "write \\u and 4 hex digits");
  unsigned v = 0;
  for (int i = 0; i < 4; ++i) {
    const char h = buf_[pos_];
    v <<= 4;
    if (h >= '0' && h <= '9') {
      v |= static_cast<unsigned>(h - '0');
    } else if (h >= 'a' && h <= 'f') {
      v |= static_cast<unsigned>(h - 'a' + 10);
    } else if (h >= 'A' && h <= 'F') {
      v |= static_cast<unsigned>(h - 'A' + 10);
    } else {
      fail("invalid \\u escape", "write \\u and 4 hex digits, e.g. \\u00e9");
    }
    ++pos_;
  }
  return v;
}

void JsonPull::append_escape(std::string& out) {
  if (!ensure(2)) fail("unexpected end of input in an escape", "close the string with '\"'");
  ++pos_;  // the backslash
  const char c = buf_[pos_];
  switch (c) {
    case '"': out += '"'; break;
    case '\\': out += '\\'; break;
    case '/': out += '/'; break;
    case 'b': out += '\b'; break;
    case 'f': out += '\f'; break;
    case 'n': out += '\n'; break;
    case 'r': out += '\r'; break;
    case 't': out += '\t'; break;
    case 'u': {
      ++pos_;
      char32_t cp = hex4();
      if (cp >= 0xDC00 && cp <= 0xDFFF) {
        fail("invalid \\u escape: a low surrogate without a high one before it",
             "a character beyond U+FFFF is a pair \\uD8xx\\uDCxx");
      }
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (!ensure(2) || buf_[pos_] != '\\' || buf_[pos_ + 1] != 'u') {
          fail("invalid \\u escape: a high surrogate without a low one after it",
               "a character beyond U+FFFF is a pair \\uD8xx\\uDCxx");
        }
        pos_ += 2;
        const char32_t low = hex4();
        if (low < 0xDC00 || low > 0xDFFF) {
          fail("invalid \\u escape: a high surrogate without a low one after it",
               "a character beyond U+FFFF is a pair \\uD8xx\\uDCxx");
        }
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      }
      append_utf8(out, cp);
      return;
    }
    default:
      fail("invalid escape " + text::sanitize(std::string("\\") + c) + " in a string",
           "escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX");
  }
  ++pos_;
}

JsonPull::Number JsonPull::number() {
  peek_byte();
  const std::size_t start = base_ + pos_;  // absolute: reading on may move the buffer
  mark_ = start;                           // but keeps the number in it
  auto at_start = [&] { pos_ = start - base_; };
  number_.clear();
  for (;;) {
    while (pos_ < end_ && is_number_char(static_cast<unsigned char>(buf_[pos_]))) {
      number_ += buf_[pos_++];
    }
    if (pos_ < end_ || !ensure(1)) break;
  }
  mark_ = kNoMark;
  Number n;
  n.literal = number_;
  bool fractional = false;
  if (number_.size() > 400 || !valid_number(number_, fractional)) {
    at_start();
    fail("invalid number " + text::shorten_words(text::sanitize(number_), 40),
         "numbers are written like 12, -0.5 or 1.5e3");
  }
  const char* const b = number_.data();
  const char* const e = b + number_.size();
  if (!fractional) {
    const auto r = std::from_chars(b, e, n.int_value);
    n.integer = r.ec == std::errc() && r.ptr == e;
  }
  const auto r = std::from_chars(b, e, n.value);
  if (r.ec == std::errc::result_out_of_range) {
    n.value = std::strtod(number_.c_str(), nullptr);  // 0 on underflow, infinite on overflow
  }
  if (!std::isfinite(n.value)) {
    at_start();
    fail("number overflow: " + text::shorten_words(number_, 40) + " is too large",
         "numbers must fit in a double");
  }
  return n;
}

void JsonPull::expect_literal(std::string_view word) {
  if (!ensure(word.size()) || std::string_view(buf_ + pos_, word.size()) != word) {
    fail("invalid literal", "write true, false or null, in lowercase");
  }
  pos_ += word.size();
}

bool JsonPull::boolean() {
  if (peek_byte() == 't') {
    expect_literal("true");
    return true;
  }
  expect_literal("false");
  return false;
}

void JsonPull::null() {
  peek_byte();
  expect_literal("null");
}

void JsonPull::finish() {
  const int c = peek_byte();
  if (c != -1) {
    fail("unexpected " + shown_char(c) + " after the end of the JSON value",
         "a dataset is one JSON object: remove what follows it");
  }
}

}  // namespace mgcramp::io
