#pragma once
// A record as a Value: an object with the keys, nesting and order of its
// description (model/schema.hpp), so that a record has the same shape in
// every command's JSON as in the dataset file. Its text is referenced, not
// copied: the value must not outlive the dataset.
#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "mgcramp/model/schema.hpp"
#include "mgcramp/report/value.hpp"

namespace mgcramp {

template <class R>
Value record_value(const R& record);

namespace detail {

template <class T>
Value field_value(const T& v) {
  if constexpr (schema::is_described<T>::value) {
    return record_value(v);
  } else if constexpr (std::is_same_v<T, std::string>) {
    return Value::ref(v);
  } else {
    return Value(v);  // numbers, flags, enumerations
  }
}

template <class T>
Value field_value(const std::optional<T>& v) {
  return v ? field_value(*v) : Value();
}

template <class T>
Value field_value(const std::vector<T>& v) {
  Value::List list;
  list.reserve(v.size());
  for (const T& x : v) list.push_back(field_value(x));
  return list;
}

inline Value field_value(const std::map<std::string, double>& m) {
  Value::Object o;
  o.reserve(m.size());
  for (const auto& [k, v] : m) o.emplace_back(k, v);
  return o;
}

}  // namespace detail

template <class R>
Value record_value(const R& record) {
  Value::Object o;
  schema::describe(record, [&](const schema::Field& f, const auto& v) {
    o.emplace_back(f.key, detail::field_value(v));
  });
  return o;
}

}  // namespace mgcramp
