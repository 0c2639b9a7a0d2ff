#pragma once
// Internal helpers shared by the report builders.
#include <optional>

#include <nlohmann/json.hpp>

namespace mgcramp::detail {

// An optional value as JSON: the value, or null.
template <class T>
nlohmann::json opt(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

}  // namespace mgcramp::detail
