#pragma once
// Internal: a thin RAII layer over SQLite's C API for the food database.
// Every failure is a DataError that says what was being done and SQLite's
// own message.
#include <sqlite3.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "mgcramp/error.hpp"

namespace mgcramp::fooddb::detail {

// The SQLite functions used, from libsqlite3.so.0 opened on first use
// rather than linked: loading and binding it at every start of the
// program would cost more than many answers, and only the commands that
// read or write a food database need it (as libxml2 for `check`'s HTML).
#define MGCRAMP_SQLITE_FUNCTIONS(X) \
  X(bind_double)                    \
  X(bind_int64)                     \
  X(bind_null)                      \
  X(bind_text64)                    \
  X(close_v2)                       \
  X(column_bytes)                   \
  X(column_double)                  \
  X(column_int64)                   \
  X(column_text)                    \
  X(column_type)                    \
  X(errmsg)                         \
  X(errstr)                         \
  X(exec)                           \
  X(finalize)                       \
  X(free)                           \
  X(open_v2)                        \
  X(prepare_v2)                     \
  X(prepare_v3)                     \
  X(reset)                          \
  X(step)

struct Api {
#define MGCRAMP_SQLITE_POINTER(name) decltype(&::sqlite3_##name) name = nullptr;
  MGCRAMP_SQLITE_FUNCTIONS(MGCRAMP_SQLITE_POINTER)
#undef MGCRAMP_SQLITE_POINTER
};

// The functions; DataError when libsqlite3 cannot be loaded.
const Api& api();

class Db {
 public:
  Db() = default;
  // Opens `path` with SQLite's flags (SQLITE_OPEN_READONLY, ...); `name` is
  // what messages call the file.
  Db(const std::string& path, int flags, std::string name) : name_(std::move(name)) {
    const int rc = api().open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_EXRESCODE, nullptr);
    if (rc != SQLITE_OK) {
      const std::string msg = db_ != nullptr ? api().errmsg(db_) : api().errstr(rc);
      close();
      throw DataError(fmt::format("cannot open the food database {}: {}", name_, msg),
                      "check the path, or import one: mgcramp import fdc DIR");
    }
  }
  Db(Db&& o) noexcept : db_(std::exchange(o.db_, nullptr)), name_(std::move(o.name_)) {}
  Db& operator=(Db&& o) noexcept {
    if (this != &o) {
      close();
      db_ = std::exchange(o.db_, nullptr);
      name_ = std::move(o.name_);
    }
    return *this;
  }
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  ~Db() { close(); }

  void close() noexcept {
    if (db_ != nullptr) api().close_v2(db_);
    db_ = nullptr;
  }
  sqlite3* get() const { return db_; }
  const std::string& name() const { return name_; }

  void exec(const char* sql, const char* doing) {
    char* err = nullptr;
    if (api().exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      const std::string msg = err != nullptr ? err : api().errmsg(db_);
      api().free(err);
      fail(doing, msg);
    }
  }
  [[noreturn]] void fail(const char* doing) const { fail(doing, api().errmsg(db_)); }
  [[noreturn]] void fail(const char* doing, const std::string& msg) const {
    throw DataError(fmt::format("{}: {} failed: {}", name_, doing, msg),
                    "check the disk space and the file; a new import writes a fresh database");
  }

 private:
  sqlite3* db_ = nullptr;
  std::string name_;
};

class Stmt {
 public:
  Stmt(Db& db, const char* sql) : db_(&db) {
    if (api().prepare_v3(db.get(), sql, -1, SQLITE_PREPARE_PERSISTENT, &st_, nullptr) !=
        SQLITE_OK) {
      db.fail("preparing a query");
    }
  }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt() { api().finalize(st_); }

  void bind(int i, std::nullptr_t) { check(api().bind_null(st_, i)); }
  void bind(int i, long long v) { check(api().bind_int64(st_, i, v)); }
  void bind(int i, double v) { check(api().bind_double(st_, i, v)); }
  void bind(int i, std::string_view s) {
    check(api().bind_text64(st_, i, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  }
  void bind(int i, const char* s) { bind(i, std::string_view(s)); }
  // Text that stays where it is until the statement has been stepped and
  // reset (a field of the CSV record being read): not copied.
  void bind_static(int i, std::string_view s) {
    check(api().bind_text64(st_, i, s.data(), s.size(), SQLITE_STATIC, SQLITE_UTF8));
  }
  void bind_static(int i, const std::optional<std::string_view>& s) {
    if (s) {
      bind_static(i, *s);
    } else {
      bind(i, nullptr);
    }
  }
  void bind(int i, const std::string& s) { bind(i, std::string_view(s)); }
  template <class T>
  void bind(int i, const std::optional<T>& v) {
    if (v) {
      bind(i, *v);
    } else {
      bind(i, nullptr);
    }
  }

  // Runs the statement: true for a row, false when done. A constraint
  // failure returns its code through `*constraint` when given.
  bool step(bool* constraint = nullptr) {
    const int rc = api().step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    if (constraint != nullptr && (rc & 0xff) == SQLITE_CONSTRAINT) {
      *constraint = true;
      api().reset(st_);
      return false;
    }
    db_->fail("a query");
  }
  // Ready to run again; the values bound stay until bound anew (every
  // statement here binds all of its parameters before each run).
  void reset() { api().reset(st_); }

  bool is_null(int col) const { return api().column_type(st_, col) == SQLITE_NULL; }
  long long int64(int col) const { return api().column_int64(st_, col); }
  double real(int col) const { return api().column_double(st_, col); }
  std::string text(int col) const {
    const auto* p = reinterpret_cast<const char*>(api().column_text(st_, col));
    return p == nullptr ? std::string()
                        : std::string(p, static_cast<std::size_t>(api().column_bytes(st_, col)));
  }
  std::optional<std::string> opt_text(int col) const {
    if (is_null(col)) return std::nullopt;
    return text(col);
  }
  std::optional<double> opt_real(int col) const {
    if (is_null(col)) return std::nullopt;
    return real(col);
  }
  std::optional<long long> opt_int64(int col) const {
    if (is_null(col)) return std::nullopt;
    return int64(col);
  }

 private:
  void check(int rc) {
    if (rc != SQLITE_OK) db_->fail("binding a value");
  }
  Db* db_;
  sqlite3_stmt* st_ = nullptr;
};

}  // namespace mgcramp::fooddb::detail
