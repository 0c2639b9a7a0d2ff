#include "mgcramp/model/records.hpp"

#include <algorithm>

namespace mgcramp {
namespace {
template <class T>
const T* find_by_id(const std::vector<T>& v, const std::string& id) {
  auto it = std::find_if(v.begin(), v.end(), [&](const T& x) { return x.id == id; });
  return it == v.end() ? nullptr : &*it;
}
}  // namespace

const Source* Dataset::find_source(const std::string& id) const {
  return find_by_id(sources, id);
}
const Notice* Dataset::find_notice(const std::string& id) const {
  return find_by_id(notices, id);
}

}  // namespace mgcramp

namespace mgcramp {
const Study* Dataset::find_study(const std::string& id) const {
  return find_by_id(studies, id);
}
const Form* Dataset::find_form(const std::string& id) const {
  return find_by_id(forms, id);
}
}  // namespace mgcramp
