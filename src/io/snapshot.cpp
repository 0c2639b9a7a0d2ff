#include "mgcramp/io/snapshot.hpp"

#include <algorithm>
#include <cstring>
#include <map>
#include <optional>
#include <type_traits>
#include <vector>

#include <fmt/format.h>

#include "mgcramp/error.hpp"
#include "mgcramp/model/schema.hpp"

namespace mgcramp {
namespace {

constexpr char kMagic[8] = {'M', 'G', 'C', 'S', 'N', 'A', 'P', '\0'};

using schema::Field;

// Both visit the records through their descriptions (model/schema.hpp), so
// the encoding follows the model; the field keys are not stored.
class Writer {
 public:
  template <class T>
  void operator()(const Field&, const T& v) {
    put(v);
  }

  std::string take() { return std::move(out_); }

  // A table: its length in bytes, then its records, so that a reader can
  // skip it.
  template <class R>
  void table(const std::vector<R>& records) {
    const std::size_t at = out_.size();
    u32(0);
    put(records);
    const std::size_t n = out_.size() - at - 4;
    if (n > UINT32_MAX) throw DataError("dataset too large for a snapshot");
    for (std::size_t i = 0; i < 4; ++i) out_[at + i] = static_cast<char>((n >> (8 * i)) & 0xffu);
  }

  void bytes(const char* p, std::size_t n) { out_.append(p, n); }

  void u8(unsigned v) { out_.push_back(static_cast<char>(v & 0xffu)); }
  void u32(std::uint32_t v) {
    for (int i = 0; i < 4; ++i) u8(v >> (8 * i));
  }
  void u64(std::uint64_t v) {
    for (int i = 0; i < 8; ++i) u8(static_cast<unsigned>(v >> (8 * i)));
  }

 private:
  void count(std::size_t n) {
    if (n > UINT32_MAX) throw DataError("dataset too large for a snapshot");
    u32(static_cast<std::uint32_t>(n));
  }

  void put(bool v) { u8(v ? 1 : 0); }
  void put(int v) { u32(static_cast<std::uint32_t>(v)); }
  void put(long long v) { u64(static_cast<std::uint64_t>(v)); }
  void put(double v) {
    std::uint64_t bits = 0;
    static_assert(sizeof bits == sizeof v);
    std::memcpy(&bits, &v, sizeof v);
    u64(bits);
  }
  void put(const std::string& s) {
    count(s.size());
    bytes(s.data(), s.size());
  }
  template <class E, std::enable_if_t<std::is_enum_v<E>, bool> = true>
  void put(E e) {
    u8(static_cast<unsigned>(e));
  }
  template <class T>
  void put(const std::optional<T>& o) {
    put(o.has_value());
    if (o) put(*o);
  }
  template <class T>
  void put(const std::vector<T>& v) {
    count(v.size());
    for (const T& x : v) put(x);
  }
  void put(const std::map<std::string, double>& m) {
    count(m.size());
    for (const auto& [k, v] : m) {
      put(k);
      put(v);
    }
  }
  template <class R, std::enable_if_t<std::is_class_v<R>, bool> = true>
  void put(const R& record) {
    schema::describe(record, *this);
  }

  std::string out_;
};

class Reader {
 public:
  Reader(std::string_view in, const std::string& origin) : in_(in), origin_(origin) {}

  template <class T>
  void operator()(const Field&, T& v) {
    get(v);
  }

  const char* bytes(std::size_t n, const char* what) {
    if (n > in_.size() - pos_) corrupt(fmt::format("{} runs past the end", what));
    const char* p = in_.data() + pos_;
    pos_ += n;
    return p;
  }
  unsigned u8(const char* what) { return static_cast<unsigned char>(*bytes(1, what)); }
  std::uint32_t u32(const char* what) {
    const char* p = bytes(4, what);
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(p[i]);
    return v;
  }
  std::uint64_t u64(const char* what) {
    const char* p = bytes(8, what);
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(p[i]);
    return v;
  }

  bool at_end() const { return pos_ == in_.size(); }

  // A table that the writer's table() wrote: read into `records` when `read`,
  // else skipped.
  template <class R>
  void table(std::vector<R>& records, bool read) {
    const std::size_t n = count("table length");
    if (!read) {
      pos_ += n;
      return;
    }
    const std::size_t end = pos_ + n;
    get(records);
    if (pos_ != end) corrupt(fmt::format("table length {} does not match its records", n));
  }

  [[noreturn]] void corrupt(const std::string& what) const {
    throw DataError(fmt::format("{}: corrupt dataset snapshot at byte {}: {}", origin_, pos_, what),
                    "rebuild mgcramp");
  }

 private:
  // A count is checked against the bytes left: every element takes at least one.
  std::size_t count(const char* what) {
    const std::uint32_t n = u32(what);
    if (n > in_.size() - pos_) corrupt(fmt::format("{} {} exceeds the bytes left", what, n));
    return n;
  }

  void get(bool& v) {
    const unsigned b = u8("a boolean");
    if (b > 1) corrupt(fmt::format("boolean byte {}", b));
    v = b == 1;
  }
  void get(int& v) { v = static_cast<int>(static_cast<std::int32_t>(u32("an integer"))); }
  void get(long long& v) {
    v = static_cast<long long>(static_cast<std::int64_t>(u64("an integer")));
  }
  void get(double& v) {
    const std::uint64_t bits = u64("a number");
    std::memcpy(&v, &bits, sizeof v);
  }
  void get(std::string& s) {
    const std::size_t n = count("string length");
    const char* p = bytes(n, "a string");
    // Constructed in place (inline) rather than assigned, which goes through
    // the library's general replace: a few thousand strings per run.
    if (s.empty()) {
      s = std::string(p, n);
    } else {
      s.assign(p, n);
    }
  }
  template <class E, std::enable_if_t<std::is_enum_v<E>, bool> = true>
  void get(E& e) {
    const unsigned b = u8("an enumeration");
    if (b >= enum_count<E>()) corrupt(fmt::format("enumeration value {}", b));
    e = static_cast<E>(b);
  }
  template <class T>
  void get(std::optional<T>& o) {
    bool present = false;
    get(present);
    if (present) {
      get(o.emplace());
    } else {
      o.reset();
    }
  }
  template <class T>
  void get(std::vector<T>& v) {
    // Reserves no more memory than there are bytes left, so that a corrupt
    // count cannot allocate much; past that the vector grows as elements are read.
    const std::size_t n = count("element count");
    v.clear();
    v.reserve(std::min(n, (in_.size() - pos_) / sizeof(T) + 1));
    for (std::size_t i = 0; i < n; ++i) get(v.emplace_back());
  }
  void get(std::map<std::string, double>& m) {
    const std::size_t n = count("entry count");
    m.clear();
    for (std::size_t i = 0; i < n; ++i) {
      std::string k;
      double v = 0;
      get(k);
      get(v);
      // The writer emits the keys in order; anything else is corrupt.
      if (!m.empty() && !(m.rbegin()->first < k)) corrupt("map keys out of order");
      m.emplace_hint(m.end(), std::move(k), v);
    }
  }
  template <class R, std::enable_if_t<std::is_class_v<R>, bool> = true>
  void get(R& record) {
    schema::describe(record, *this);
  }

  std::string_view in_;
  std::size_t pos_ = 0;
  const std::string& origin_;
};

// Whether T is a table of the Dataset (a vector of records with a Table).
template <class T, class = void>
struct is_table : std::false_type {};
template <class R>
struct is_table<std::vector<R>, std::void_t<decltype(R::table)>> : std::true_type {};

// The Dataset's own fields: each table through table(), the rest as they are.
struct DatasetWriter {
  Writer& w;
  template <class T>
  void operator()(const Field& f, const T& v) {
    if constexpr (is_table<T>::value) {
      w.table(v);
    } else {
      w(f, v);
    }
  }
};

// Reads the tables in `tables` into `ds` and skips the others. Its other
// fields go to `ds` when `fields`, else are read and dropped (`ds` already
// holds them, and text in them may be in use).
struct DatasetReader {
  Reader& r;
  TableSet tables;
  bool fields;
  template <class T>
  void operator()(const Field& f, T& v) {
    if constexpr (is_table<T>::value) {
      r.table(v, tables.test(static_cast<std::size_t>(T::value_type::table)));
    } else if (fields) {
      r(f, v);
    } else {
      T scratch{};
      r(f, scratch);
    }
  }
};

void read_into(std::string_view bytes, const std::string& origin, Dataset& ds, TableSet tables,
               bool fields) {
  Reader r(bytes, origin);
  if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    throw DataError(fmt::format("{}: not a mgcramp dataset snapshot", origin), "rebuild mgcramp");
  }
  r.bytes(sizeof kMagic, "the magic");
  const std::uint32_t version = r.u32("the format version");
  if (version != kSnapshotVersion) {
    throw DataError(fmt::format("{}: dataset snapshot format version {}, expected {}", origin,
                                version, kSnapshotVersion),
                    "rebuild mgcramp");
  }
  DatasetReader v{r, tables, fields};
  schema::describe(ds, v);
  if (!r.at_end()) r.corrupt("unexpected bytes after the dataset");
}

}  // namespace

std::string write_snapshot(const Dataset& ds) {
  Writer w;
  w.bytes(kMagic, sizeof kMagic);
  w.u32(kSnapshotVersion);
  DatasetWriter v{w};
  schema::describe(ds, v);
  return w.take();
}

Dataset read_snapshot(std::string_view bytes, const std::string& origin, TableSet tables) {
  Dataset ds;
  read_into(bytes, origin, ds, tables, true);
  ds.origin = origin;
  return ds;
}

void read_snapshot_tables(std::string_view bytes, const std::string& origin, TableSet tables,
                          Dataset& ds) {
  read_into(bytes, origin, ds, tables, false);
}

}  // namespace mgcramp
