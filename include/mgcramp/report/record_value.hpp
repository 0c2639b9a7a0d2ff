#pragma once
// A record as a Value: an object with the keys, nesting and order of its
// description (model/schema.hpp), so that a record has the same shape in
// every command's JSON as in the dataset file. Its text is referenced, not
// copied: the value must not outlive the dataset.
#include <cctype>
#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "mgcramp/model/schema.hpp"
#include "mgcramp/report/report.hpp"
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
  // The number of fields, counted once per type, so that the object is
  // allocated once.
  static const std::size_t fields = [] {
    R r{};
    std::size_t n = 0;
    schema::describe(r, [&](const schema::Field&, const auto&) { ++n; });
    return n;
  }();
  Value::Object o;
  o.reserve(fields);
  schema::describe(record, [&](const schema::Field& f, const auto& v) {
    o.emplace_back(f.key, detail::field_value(v));
  });
  return o;
}

namespace detail {

template <class T>
struct optional_of {
  using type = void;
};
template <class T>
struct optional_of<std::optional<T>> {
  using type = T;
};

// The keys of an object's fields, nested objects' (optional or not) as "a.b".
template <class R>
void leaf_keys(std::vector<std::string>& out, const std::string& prefix) {
  R r{};
  schema::describe(r, [&](const schema::Field& f, const auto& v) {
    using T = std::decay_t<decltype(v)>;
    using O = typename optional_of<T>::type;
    if constexpr (schema::is_described<T>::value) {
      leaf_keys<T>(out, prefix + std::string(f.key) + ".");
    } else if constexpr (!std::is_void_v<O> && schema::is_described<O>::value) {
      leaf_keys<O>(out, prefix + std::string(f.key) + ".");
    } else {
      out.push_back(prefix + std::string(f.key));
    }
  });
}

template <class T>
struct element {
  using type = void;
};
template <class T>
struct is_list : std::false_type {};
template <class T>
struct is_list<std::vector<T>> : std::true_type {};
template <class T>
struct element<std::optional<T>> {
  using type = T;
};
template <class T>
struct element<std::vector<T>> {
  using type = T;
};

}  // namespace detail

// Appends a column per field of R, for scripts (not shown to people until a
// report says so): a nested object's fields as "a.b", an optional object or
// a list of objects as one column whose fields CSV spreads out.
template <class R>
void add_record_columns(Report& r, const std::string& prefix = {}, const std::string& label = {}) {
  R rec{};
  schema::describe(rec, [&](const schema::Field& f, const auto& v) {
    using T = std::decay_t<decltype(v)>;
    using E = typename detail::element<T>::type;
    const std::string key = prefix + std::string(f.key);
    std::string title = schema::label_of(f);
    if (!label.empty() && f.label.empty()) {
      // "Intervention dose"; acronyms ("CI low", "PMID") keep their case.
      if (title.size() > 1 && std::islower(static_cast<unsigned char>(title[1]))) {
        title[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(title[0])));
      }
      title = label + " " + title;
    }
    if constexpr (schema::is_described<T>::value) {
      add_record_columns<T>(r, key + ".", title);
    } else {
      // Numbers right-aligned; flags, text and lists left.
      constexpr bool number = (std::is_arithmetic_v<T> && !std::is_same_v<T, bool>) ||
                              (std::is_arithmetic_v<E> && !std::is_same_v<E, bool>);
      Column c{key, title, number ? Align::right : Align::left, false};
      if constexpr (!std::is_void_v<E> && schema::is_described<E>::value) {
        detail::leaf_keys<E>(c.fields, "");
        c.row_per_element = detail::is_list<T>::value;
      }
      r.columns.push_back(std::move(c));
    }
  });
}

// Appends the cells of `record` for the columns add_record_columns<R> made.
template <class R>
void add_record_cells(std::vector<Cell>& row, const R& record) {
  schema::describe(record, [&](const schema::Field&, const auto& v) {
    using T = std::decay_t<decltype(v)>;
    if constexpr (schema::is_described<T>::value) {
      add_record_cells(row, v);
    } else {
      row.emplace_back(detail::field_value(v));
    }
  });
}

}  // namespace mgcramp
