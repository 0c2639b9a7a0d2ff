#pragma once
// A value in a report: null, a flag, a whole or decimal number, text, a list
// or an object whose keys keep their order. The renderers write it as JSON,
// flatten it for CSV or show its text to people.
//
// Text is held either as an owned string or, for text that lives as long as
// the dataset (its records are never changed once loaded), as a view made
// with Value::ref, so listing the dataset copies none of it. Object keys are
// views too: field keys from the schema or string literals.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "mgcramp/model/enums.hpp"

namespace mgcramp {

class Value {
 public:
  using List = std::vector<Value>;
  using Member = std::pair<std::string_view, Value>;
  using Object = std::vector<Member>;
  enum class Kind : std::uint8_t { null, boolean, integer, number, text, list, object };

  Value() = default;
  Value(std::nullptr_t) {}                              // NOLINT(google-explicit-constructor)
  Value(bool b) : v_(b) {}                              // NOLINT(google-explicit-constructor)
  Value(int i) : v_(static_cast<long long>(i)) {}       // NOLINT(google-explicit-constructor)
  Value(long i) : v_(static_cast<long long>(i)) {}      // NOLINT(google-explicit-constructor)
  Value(long long i) : v_(i) {}                         // NOLINT(google-explicit-constructor)
  Value(unsigned i) : v_(static_cast<long long>(i)) {}  // NOLINT(google-explicit-constructor)
  Value(unsigned long i)                                // NOLINT(google-explicit-constructor)
      : v_(static_cast<long long>(i)) {}
  Value(unsigned long long i)  // NOLINT(google-explicit-constructor)
      : v_(static_cast<long long>(i)) {}
  Value(double d) : v_(d) {}                         // NOLINT(google-explicit-constructor)
  Value(std::string s) : v_(std::move(s)) {}         // NOLINT(google-explicit-constructor)
  Value(const char* s) : v_(std::string(s)) {}       // NOLINT(google-explicit-constructor)
  Value(std::string_view s) : v_(std::string(s)) {}  // NOLINT(google-explicit-constructor)
  // An enumerated value is its name (static storage).
  template <class E, std::enable_if_t<std::is_enum_v<E>, int> = 0>
  Value(E e) : v_(name_of(e)) {}  // NOLINT(google-explicit-constructor)
  // An optional is its value, or null.
  template <class T>
  Value(const std::optional<T>& o)  // NOLINT(google-explicit-constructor)
      : Value(o ? Value(*o) : Value()) {}
  // A list of strings, copied.
  Value(const std::vector<std::string>& items) {  // NOLINT(google-explicit-constructor)
    List l;
    l.reserve(items.size());
    for (const auto& s : items) l.emplace_back(s);
    v_ = std::move(l);
  }
  Value(List l) : v_(std::move(l)) {}    // NOLINT(google-explicit-constructor)
  Value(Object o) : v_(std::move(o)) {}  // NOLINT(google-explicit-constructor)

  // Text that outlives the value (the dataset's), not copied.
  static Value ref(std::string_view s) {
    Value v;
    v.v_ = s;
    return v;
  }
  static Value ref(const std::string& s) { return ref(std::string_view(s)); }
  static Value ref(const std::optional<std::string>& s) { return s ? ref(*s) : Value(); }
  static Value ref(const std::vector<std::string>& items) {
    List l;
    l.reserve(items.size());
    for (const auto& s : items) l.push_back(ref(s));
    return l;
  }
  static Value list() { return List{}; }
  static Value object() { return Object{}; }

  Kind kind() const {
    switch (v_.index()) {
      case 0: return Kind::null;
      case 1: return Kind::boolean;
      case 2: return Kind::integer;
      case 3: return Kind::number;
      case 4:
      case 5: return Kind::text;
      case 6: return Kind::list;
      default: return Kind::object;
    }
  }
  bool is_null() const { return v_.index() == 0; }
  bool is_number() const { return v_.index() == 2 || v_.index() == 3; }
  bool is_text() const { return v_.index() == 4 || v_.index() == 5; }
  bool is_list() const { return v_.index() == 6; }
  bool is_object() const { return v_.index() == 7; }

  bool as_bool() const { return std::get<bool>(v_); }
  long long as_integer() const { return std::get<long long>(v_); }
  // Any number, as a double.
  double as_number() const {
    return v_.index() == 2 ? static_cast<double>(std::get<long long>(v_)) : std::get<double>(v_);
  }
  bool is_integer() const { return v_.index() == 2; }
  std::string_view as_text() const {
    return v_.index() == 4 ? std::string_view(std::get<std::string>(v_))
                           : std::get<std::string_view>(v_);
  }
  const List& as_list() const { return std::get<List>(v_); }
  const Object& as_object() const { return std::get<Object>(v_); }

  // Appends to a list, or a key and value to an object.
  void push_back(Value v) { std::get<List>(v_).push_back(std::move(v)); }
  template <class T>
  void add(std::string_view key, T&& v) {
    // Built in place: a moved temporary trips GCC 12's -Wmaybe-uninitialized.
    std::get<Object>(v_).emplace_back(std::piecewise_construct, std::forward_as_tuple(key),
                                      std::forward_as_tuple(std::forward<T>(v)));
  }
  // The member `key` of an object, or nullptr.
  const Value* find(std::string_view key) const {
    if (!is_object()) return nullptr;
    for (const auto& [k, v] : as_object()) {
      if (k == key) return &v;
    }
    return nullptr;
  }
  // Elements of a list, members of an object; 0 for anything else.
  std::size_t size() const {
    if (is_list()) return as_list().size();
    if (is_object()) return as_object().size();
    return 0;
  }

  // The same value: text equal whether owned or referenced, numbers equal
  // whether whole or not.
  friend bool operator==(const Value& a, const Value& b) {
    if (a.is_number() && b.is_number()) return a.as_number() == b.as_number();
    if (a.kind() != b.kind()) return false;
    switch (a.kind()) {
      case Kind::null: return true;
      case Kind::boolean: return a.as_bool() == b.as_bool();
      case Kind::text: return a.as_text() == b.as_text();
      case Kind::list: return a.as_list() == b.as_list();
      case Kind::object: return a.as_object() == b.as_object();
      default: return false;
    }
  }
  friend bool operator!=(const Value& a, const Value& b) { return !(a == b); }

 private:
  std::variant<std::monostate, bool, long long, double, std::string, std::string_view, List, Object>
      v_;
};

}  // namespace mgcramp
