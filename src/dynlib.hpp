#pragma once
// A shared library opened at run time, for the libraries only some commands
// need (libxml2 for check's HTML, libsqlite3 for the food database): the
// program does not pay for loading them at every start. The handle stays
// open for the life of the process.
#include <dlfcn.h>

#include <string>
#include <type_traits>

namespace mgcramp::detail {

class SharedLibrary {
 public:
  // `file` as dlopen takes it ("libxml2.so.2"); `name` for messages.
  SharedLibrary(const char* file, const char* name) : name_(name) {
    handle_ = ::dlopen(file, RTLD_NOW | RTLD_LOCAL);
    if (handle_ == nullptr) {
      const char* e = ::dlerror();
      error_ = e != nullptr ? e : std::string(file) + " not found";
    }
  }
  // Sets `fn` to the library's `symbol`; the first one missing is the error.
  template <class F>
  void get(F& fn, const char* symbol) {
    if (handle_ == nullptr) return;
    fn = reinterpret_cast<std::remove_reference_t<F>>(::dlsym(handle_, symbol));
    if (fn == nullptr && error_.empty()) error_ = name_ + " lacks " + symbol;
  }
  // Why it could not be opened, or a symbol found; empty when all is well.
  const std::string& error() const { return error_; }

 private:
  std::string name_;
  void* handle_ = nullptr;
  std::string error_;
};

}  // namespace mgcramp::detail
