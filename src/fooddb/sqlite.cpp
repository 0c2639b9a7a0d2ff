#include "sqlite.hpp"

#include <dlfcn.h>

#include <string>
#include <type_traits>

namespace mgcramp::fooddb::detail {

namespace {

struct Loaded {
  Api api;
  std::string error;  // why it could not be loaded

  Loaded() {
    void* h = ::dlopen("libsqlite3.so.0", RTLD_NOW | RTLD_LOCAL);
    if (h == nullptr) {
      const char* e = ::dlerror();
      error = e != nullptr ? e : "libsqlite3.so.0 not found";
      return;
    }
    auto get = [&](auto& fn, const char* name) {
      fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(::dlsym(h, name));
      if (fn == nullptr && error.empty()) error = std::string("libsqlite3 lacks ") + name;
    };
#define MGCRAMP_SQLITE_LOAD(name) get(api.name, "sqlite3_" #name);
    MGCRAMP_SQLITE_FUNCTIONS(MGCRAMP_SQLITE_LOAD)
#undef MGCRAMP_SQLITE_LOAD
    // The handle stays open for the life of the process.
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
