#include "mgcramp/query/assess.hpp"

#include "mgcramp/error.hpp"
#include "mgcramp/text.hpp"

namespace mgcramp {
namespace {

template <class R, class Names>
const R& resolve(const std::vector<R>& records, const std::string& name, Names names,
                 const std::string& option, const std::string& what, const std::string& list,
                 const std::string& extra) {
  const std::string want = text::to_lower(text::trim(name));
  std::vector<std::string> all;
  for (const R& r : records) {
    for (const std::string& n : names(r)) {
      if (text::to_lower(n) == want) return r;
      all.push_back(text::to_lower(n));
    }
  }
  const std::string near = want.empty() ? "" : text::closest(want, all);
  std::string message = option + ": no " + what + " '" + text::sanitize(name) + "' in this dataset";
  if (!extra.empty()) message += "; " + extra;
  std::string hint = near.empty() ? "" : "did you mean '" + near + "'? ";
  hint += "the list: " + list;
  throw UsageError(message, hint);
}

}  // namespace

const Medicine& resolve_medicine(const Dataset& ds, const std::string& name,
                                 const std::string& option) {
  return resolve(
      ds.medicines, name,
      [](const Medicine& m) {
        std::vector<std::string> n{m.id, m.generic_name};
        n.insert(n.end(), m.brand_names.begin(), m.brand_names.end());
        return n;
      },
      option, "medicine", "mgcramp search TEXT --table medicines",
      "absence from this dataset is not evidence of no interaction: ask a pharmacist");
}

const MedicalCondition& resolve_condition(const Dataset& ds, const std::string& name,
                                          const std::string& option) {
  return resolve(
      ds.conditions, name,
      [](const MedicalCondition& c) {
        std::vector<std::string> n{c.id, c.name};
        n.insert(n.end(), c.aliases.begin(), c.aliases.end());
        return n;
      },
      option, "condition", "mgcramp search TEXT --table conditions", "");
}

std::optional<Population> assess_population(const AssessQuery& q) {
  if (q.profile.condition == Condition::pregnant || q.cramps == CrampKind::pregnancy)
    return Population::pregnancy;
  if (q.cramps == CrampKind::exercise) return Population::exercise;
  if (q.cramps == CrampKind::other) return std::nullopt;
  return Population::idiopathic;
}

}  // namespace mgcramp
