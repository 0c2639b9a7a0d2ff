#include "sqlite.hpp"

#include "../dynlib.hpp"

#include <string>
#include <type_traits>

namespace mgcramp::fooddb::detail {

namespace {

struct Loaded {
  Api api;
  std::string error;  // why it could not be loaded

  Loaded() {
    mgcramp::detail::SharedLibrary lib("libsqlite3.so.0", "libsqlite3");
    auto get = [&lib](auto& fn, const char* name) { lib.get(fn, name); };
#define MGCRAMP_SQLITE_LOAD(name) get(api.name, "sqlite3_" #name);
    MGCRAMP_SQLITE_FUNCTIONS(MGCRAMP_SQLITE_LOAD)
#undef MGCRAMP_SQLITE_LOAD
    error = lib.error();
  }
};

}  // namespace

const Api& api() {
  static const Loaded lib;
  if (!lib.error.empty()) {
    throw DataError("cannot use the food database: SQLite could not be loaded (" + lib.error + ")",
                    "install it (Debian: apt-get install libsqlite3-0)");
  }
  return lib.api;
}

}  // namespace mgcramp::fooddb::detail
