#pragma once
// Internal: finding a food or a form by what a person types.
#include <string>
#include <vector>

#include <fmt/format.h>

#include "mgcramp/error.hpp"
#include "mgcramp/text.hpp"

namespace mgcramp::detail {

inline bool contains_ci(const std::string& hay, const std::string& needle) {
  return text::to_lower(hay).find(text::to_lower(needle)) != std::string::npos;
}

// Exact id/name/alias match first, then a unique substring of name or alias.
// `where_listed` says where the user finds the ids.
template <class T>
const T& resolve(const std::vector<T>& items, const std::string& typed, const char* what,
                 const char* where_listed) {
  const std::string q = text::to_lower(text::trim(typed));
  if (q.empty()) {
    throw UsageError(fmt::format("the {} is empty", what),
                     fmt::format("give its id or name; {}", where_listed));
  }
  for (const T& it : items) {
    if (it.id == q || text::to_lower(it.name) == q) return it;
    for (const auto& a : it.aliases) {
      if (text::to_lower(a) == q) return it;
    }
  }
  std::vector<const T*> hits;
  for (const T& it : items) {
    bool hit = contains_ci(it.name, q) || contains_ci(it.id, q);
    for (const auto& a : it.aliases) hit = hit || contains_ci(a, q);
    if (hit) hits.push_back(&it);
  }
  if (hits.size() == 1) return *hits.front();
  const std::string shown = text::sanitize(typed);
  if (hits.empty()) {
    std::vector<std::string> ids;
    for (const T& it : items) ids.push_back(it.id);
    const std::string near = text::closest(q, ids);
    throw UsageError(fmt::format("unknown {} '{}'{}", what, shown,
                                 near.empty() ? "" : fmt::format("; did you mean '{}'?", near)),
                     where_listed);
  }
  std::vector<std::string> ids;
  for (const T* it : hits) ids.push_back(it->id);
  if (ids.size() > 6) {
    ids.resize(6);
    ids.emplace_back("...");
  }
  throw UsageError(fmt::format("'{}' matches several {}s: {}", shown, what, fmt::join(ids, ", ")),
                   "use one of these ids");
}

}  // namespace mgcramp::detail
