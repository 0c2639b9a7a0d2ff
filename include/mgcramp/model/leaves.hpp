#pragma once
// Walks a record's description down to the fields that hold values rather
// than objects: `for_each_leaf(record, f)` calls `f(path, field, value)`
// for each, entering nested objects and every element of a list of objects
// (a claim's "stances.locator", a study's "result.effect.measure").
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "mgcramp/model/schema.hpp"

namespace mgcramp::schema {

// Where a field is inside its record: the keys from the record down.
class Path {
 public:
  Path child(std::string_view key) const {
    Path p = *this;
    if (p.depth_ < p.keys_.size()) p.keys_[p.depth_++] = key;
    return p;
  }
  std::size_t depth() const { return depth_; }
  std::string_view operator[](std::size_t i) const { return keys_[i]; }
  // "verdict.summary"
  std::string str() const {
    std::string out;
    for (std::size_t i = 0; i < depth_; ++i) {
      if (i > 0) out += '.';
      out.append(keys_[i]);
    }
    return out;
  }

 private:
  std::array<std::string_view, 4> keys_{};
  std::size_t depth_ = 0;
};

template <class R, class F>
void for_each_leaf(const R& record, F&& f, const Path& at = {});

namespace detail {

template <class T, class F>
void leaf(const Path& path, const Field& field, const T& v, F& f) {
  if constexpr (is_described<T>::value) {
    for_each_leaf(v, f, path);
  } else {
    f(path, field, v);
  }
}

template <class T, class F>
void leaf(const Path& path, const Field& field, const std::optional<T>& v, F& f) {
  if constexpr (is_described<T>::value) {
    if (v) for_each_leaf(*v, f, path);
  } else {
    f(path, field, v);
  }
}

template <class T, class F>
void leaf(const Path& path, const Field& field, const std::vector<T>& v, F& f) {
  if constexpr (is_described<T>::value) {
    for (const T& x : v) for_each_leaf(x, f, path);
  } else {
    f(path, field, v);
  }
}

}  // namespace detail

template <class R, class F>
void for_each_leaf(const R& record, F&& f, const Path& at) {
  describe(record, [&](const Field& field, const auto& v) {
    detail::leaf(at.child(field.key), field, v, f);
  });
}

// The ids a value refers to, for a field with `field.ref` set: `g(id)` for
// each (a single id, an optional one or a list).
template <class G>
void for_each_id(const std::string& v, G&& g) {
  g(v);
}
template <class G>
void for_each_id(const std::optional<std::string>& v, G&& g) {
  if (v) g(*v);
}
template <class G>
void for_each_id(const std::vector<std::string>& v, G&& g) {
  for (const auto& id : v) g(id);
}
template <class T, class G>
void for_each_id(const T&, G&&) {}

}  // namespace mgcramp::schema
