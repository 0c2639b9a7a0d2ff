#include "mgcramp/fooddb/csv.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <utility>

#include <fmt/format.h>

#include "mgcramp/text.hpp"

namespace mgcramp::fooddb {

namespace {

constexpr std::size_t kBufferBytes = std::size_t{256} << 10;

// The bytes that end a run of plain field content, unquoted and quoted.
struct Stops {
  std::array<bool, 256> unquoted{};
  std::array<bool, 256> quoted{};
  constexpr Stops() {
    for (const char c : {',', '\n', '\r', '\0'}) unquoted[static_cast<unsigned char>(c)] = true;
    for (const char c : {'"', '\n', '\0'}) quoted[static_cast<unsigned char>(c)] = true;
  }
};
constexpr Stops kStops;

bool stops(const std::array<bool, 256>& table, char c) {
  return table[static_cast<unsigned char>(c)];
}

}  // namespace

CsvReader::CsvReader(int fd, std::string text, std::string name, std::uint64_t total)
    : fd_(fd), text_(std::move(text)), name_(std::move(name)), total_(total) {}

CsvReader CsvReader::open_file(const std::string& path, std::string name) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    throw DataError(fmt::format("cannot open {}: {}", name, std::strerror(errno)),
                    "check that the file exists and can be read");
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
    ::close(fd);
    throw DataError(fmt::format("{} is not a file", name), "give the CSV file itself");
  }
  (void)::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  CsvReader r(fd, {}, std::move(name), static_cast<std::uint64_t>(st.st_size));
  r.buf_.resize(kBufferBytes);
  return r;
}

CsvReader CsvReader::from_string(std::string text, std::string name) {
  const auto size = static_cast<std::uint64_t>(text.size());
  return CsvReader(-1, std::move(text), std::move(name), size);
}

CsvReader::CsvReader(CsvReader&& o) noexcept {
  *this = std::move(o);
}

CsvReader& CsvReader::operator=(CsvReader&& o) noexcept {
  if (this == &o) return *this;
  if (fd_ >= 0) ::close(fd_);
  fd_ = std::exchange(o.fd_, -1);
  // The buffer in use moves with its owner; a short string's bytes do not
  // stay where they were, so data_ is set again from the new owner.
  const bool from_text = o.data_ != nullptr && o.data_ == o.text_.data();
  text_ = std::move(o.text_);
  buf_ = std::move(o.buf_);
  data_ = o.data_ == nullptr ? nullptr : (from_text ? text_.data() : buf_.data());
  o.data_ = nullptr;
  name_ = std::move(o.name_);
  pos_ = o.pos_;
  end_ = o.end_;
  base_ = o.base_;
  total_ = o.total_;
  eof_ = o.eof_;
  started_ = o.started_;
  max_record_ = o.max_record_;
  line_ = o.line_;
  line_start_ = o.line_start_;
  record_line_ = o.record_line_;
  rec_ = std::move(o.rec_);
  rec_len_ = o.rec_len_;
  ends_ = std::move(o.ends_);
  field_line_ = std::move(o.field_line_);
  field_column_ = std::move(o.field_column_);
  return *this;
}

CsvReader::~CsvReader() {
  if (fd_ >= 0) ::close(fd_);
}

bool CsvReader::fill() {
  if (eof_) return false;
  base_ += end_;
  pos_ = 0;
  end_ = 0;
  if (fd_ < 0) {
    // A string is one buffer, given whole on the first call.
    if (data_ != nullptr) {
      eof_ = true;
      return false;
    }
    base_ = 0;
    data_ = text_.data();
    end_ = text_.size();
    if (end_ == 0) eof_ = true;
    return end_ > 0;
  }
  data_ = buf_.data();
  for (;;) {
    const ssize_t n = ::read(fd_, buf_.data(), buf_.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      throw DataError(fmt::format("cannot read {}: {}", name_, std::strerror(errno)),
                      "check the disk and the file");
    }
    end_ = static_cast<std::size_t>(n);
    if (n == 0) eof_ = true;
    return n > 0;
  }
}

void CsvReader::fail(const std::string& what, std::uint64_t line, std::uint64_t column,
                     const std::string& hint) const {
  throw DataError(fmt::format("{}:{}:{}: {}", name_, line, column, what), hint);
}

std::string CsvReader::where(std::size_t i) const {
  return fmt::format("{}:{}:{}", name_, field_line_.at(i), field_column_.at(i));
}

void CsvReader::check_magic() {
  const std::string_view head(data_ + pos_, end_ - pos_);
  if (head.rfind("PK\x03\x04", 0) == 0) {
    throw DataError(fmt::format("{} is a zip archive, not CSV", name_),
                    "unzip the FoodData Central download and give the folder it makes");
  }
  if (head.rfind("\x1f\x8b", 0) == 0) {
    throw DataError(fmt::format("{} is gzip-compressed, not CSV", name_),
                    "decompress it first (gunzip)");
  }
  if (head.rfind("\xef\xbb\xbf", 0) == 0) {
    pos_ += 3;
    line_start_ = 3;  // the mark takes no column
  }
}

void CsvReader::start_field() {
  field_line_.push_back(line_);
  field_column_.push_back(column_here());
}

// The record's buffer never grows past the limit, so every append beyond
// it comes here.
void CsvReader::grow(std::size_t need) {
  if (need > max_record_) {
    fail(fmt::format("a record longer than {} bytes", max_record_), record_line_, 1,
         "is a quote left open? A quoted field ends at the next lone \"");
  }
  rec_.resize(std::min(std::max(need, rec_.size() * 2 + 256), max_record_));
}

// A plain copy: most runs are a few bytes, and std::string::append's
// out-of-line call cost more than the copy.
inline void CsvReader::append(const char* p, std::size_t n) {
  if (n == 0) return;
  if (rec_len_ + n > rec_.size()) grow(rec_len_ + n);
  std::memcpy(rec_.data() + rec_len_, p, n);
  rec_len_ += n;
}

bool CsvReader::next() {
  if (!started_) {
    started_ = true;
    if (fill()) check_magic();
  }
  rec_len_ = 0;
  ends_.clear();
  field_line_.clear();
  field_column_.clear();

  auto newline = [this] {
    ++line_;
    line_start_ = base_ + pos_;
  };
  // At a CR or LF: the line end (CRLF, LF or a lone CR) is consumed.
  auto line_end = [&] {
    const char c = data_[pos_++];
    if (c == '\r' && (pos_ < end_ || fill()) && data_[pos_] == '\n') ++pos_;
    newline();
  };
  auto nul = [this] {
    fail("a NUL byte: this is binary data, not CSV", line_, column_here(),
         "give the CSV files of a FoodData Central download");
  };

  // Empty lines are no records.
  for (;;) {
    if (pos_ == end_ && !fill()) return false;
    const char c = data_[pos_];
    if (c != '\n' && c != '\r') break;
    line_end();
  }
  record_line_ = line_;
  for (;;) {  // one field per turn
    start_field();
    if (pos_ == end_ && !fill()) {  // the input ends after a comma
      ends_.push_back(rec_len_);
      return true;
    }
    if (data_[pos_] == '"') {
      const std::uint64_t open_line = line_, open_column = column_here();
      ++pos_;
      bool at_end = false;  // the input ends right after the closing quote
      for (;;) {
        if (pos_ == end_ && !fill()) {
          fail("a quoted field is not closed", open_line, open_column,
               "a field that starts with a quote ends with one; a quote inside it is doubled");
        }
        const char* p = data_ + pos_;
        const char* const e = data_ + end_;
        const char* q = p;
        while (q < e && !stops(kStops.quoted, *q)) ++q;
        append(p, static_cast<std::size_t>(q - p));
        pos_ += static_cast<std::size_t>(q - p);
        if (q == e) continue;
        if (*q == '\0') nul();
        if (*q == '\n') {
          append(q, 1);
          ++pos_;
          newline();
          continue;
        }
        ++pos_;  // a quote: doubled, or the closing one
        if (pos_ == end_ && !fill()) {
          at_end = true;
          break;
        }
        if (data_[pos_] != '"') break;
        append(data_ + pos_, 1);
        ++pos_;
      }
      ends_.push_back(rec_len_);
      if (at_end) return true;
      const char c = data_[pos_];
      if (c == ',') {
        ++pos_;
        continue;
      }
      if (c == '\n' || c == '\r') {
        line_end();
        return true;
      }
      if (c == '\0') nul();
      fail("a character after the closing quote of a field", line_, column_here(),
           "a comma or a line end must follow it; a quote inside a quoted field is doubled");
    }
    for (;;) {  // unquoted
      if (pos_ == end_ && !fill()) {
        ends_.push_back(rec_len_);
        return true;
      }
      const char* p = data_ + pos_;
      const char* const e = data_ + end_;
      const char* q = p;
      while (q < e && !stops(kStops.unquoted, *q)) ++q;
      append(p, static_cast<std::size_t>(q - p));
      pos_ += static_cast<std::size_t>(q - p);
      if (q == e) continue;
      if (*q == '\0') nul();
      ends_.push_back(rec_len_);
      if (*q == ',') {
        ++pos_;
        break;
      }
      line_end();
      return true;
    }
  }
}

CsvTable::CsvTable(CsvReader reader) : reader_(std::move(reader)) {
  if (!reader_.next()) {
    throw DataError(fmt::format("{} is empty: no header line", reader_.name()),
                    "give the CSV files of a FoodData Central download");
  }
  for (std::size_t i = 0; i < reader_.size(); ++i) {
    header_.emplace_back(reader_.field(i));
    lower_.push_back(text::to_lower(text::trim(reader_.field(i))));
  }
}

std::size_t CsvTable::column(std::string_view name) const {
  const std::string want = text::to_lower(name);
  for (std::size_t i = 0; i < lower_.size(); ++i) {
    if (lower_[i] == want) return i;
  }
  return npos;
}

std::size_t CsvTable::column_any(std::initializer_list<std::string_view> names) const {
  for (const std::string_view n : names) {
    if (const std::size_t c = column(n); c != npos) return c;
  }
  return npos;
}

std::size_t CsvTable::require(std::string_view name) const {
  const std::size_t c = column(name);
  if (c != npos) return c;
  std::vector<std::string> shown;
  for (const auto& h : header_) {
    if (shown.size() == 8) {
      shown.emplace_back("...");
      break;
    }
    shown.push_back(text::sanitize(text::shorten_words(h, 40)));
  }
  throw DataError(
      fmt::format("{}: no column '{}' in its header", reader_.name(), name),
      fmt::format("is it the FoodData Central file? Its header has: {}", text::join_comma(shown)));
}

bool CsvTable::next() {
  if (!reader_.next()) return false;
  if (reader_.size() != header_.size()) {
    throw BadRow(
        fmt::format("{}:{}: a row of {} field{}, where the header has {}", reader_.name(),
                    reader_.line(), reader_.size(), reader_.size() == 1 ? "" : "s", header_.size()),
        "each row needs one field per column: a missing or extra comma?");
  }
  return true;
}

void CsvTable::bad(std::size_t col, const std::string& what) const {
  throw BadRow(fmt::format("{}: column '{}': {}", reader_.where(col), header_.at(col), what),
               "fix the row, or give --skip-bad-rows to count and skip such rows");
}

}  // namespace mgcramp::fooddb
