#include "mgcramp/query/assess.hpp"

#include "mgcramp/error.hpp"
#include "mgcramp/text.hpp"

namespace mgcramp {
namespace {

template <class R, class Names>
const R* find_named(const std::vector<R>& records, const std::string& name, Names names) {
  const std::string want = text::to_lower(text::trim(name));
  for (const R& r : records)
    for (const std::string& n : names(r))
      if (text::to_lower(n) == want) return &r;
  return nullptr;
}

template <class R, class Names>
const R& resolve(const std::vector<R>& records, const std::string& name, Names names,
                 const std::string& option, const std::string& what, const std::string& list,
                 const std::string& extra) {
  if (const R* r = find_named(records, name, names)) return *r;
  const std::string want = text::to_lower(text::trim(name));
  std::vector<std::string> all;
  for (const R& r : records)
    for (const std::string& n : names(r)) all.push_back(text::to_lower(n));
  const std::string near = want.empty() ? "" : text::closest(want, all);
  std::string message = option + ": no " + what + " '" + text::sanitize(name) + "' in this dataset";
  if (!extra.empty()) message += "; " + extra;
  std::string hint = near.empty() ? "" : "did you mean '" + near + "'? ";
  hint += "the list: " + list;
  throw UsageError(message, hint);
}

std::vector<std::string> medicine_names(const Medicine& m) {
  std::vector<std::string> n{m.id, m.generic_name};
  n.insert(n.end(), m.brand_names.begin(), m.brand_names.end());
  return n;
}

// The names an interaction's example goes by: "esomeprazole magnesium
// (Nexium)" is "esomeprazole magnesium", "esomeprazole" and "Nexium".
std::vector<std::string> example_names(const std::string& example) {
  std::vector<std::string> n;
  const std::string_view e = example;
  const auto open = e.find('(');
  const std::string generic(text::trim(e.substr(0, open)));
  n.push_back(generic);
  if (const auto sp = generic.find(' '); sp != std::string::npos)
    n.push_back(generic.substr(0, sp));
  if (open != std::string::npos) {
    const auto close = e.find(')', open);
    n.emplace_back(text::trim(e.substr(open + 1, close == e.npos ? close : close - open - 1)));
  }
  return n;
}

}  // namespace

const Medicine& resolve_medicine(const Dataset& ds, const std::string& name,
                                 const std::string& option) {
  return resolve(ds.medicines, name, medicine_names, option, "medicine",
                 "'mgcramp interactions' (the interaction records and their example drugs), "
                 "'mgcramp search NAME --table medicines'",
                 "absence from this dataset is not evidence of no interaction: ask a pharmacist");
}

MedicineLookup lookup_medicine(const Dataset& ds, const std::string& name,
                               const std::string& option) {
  MedicineLookup out;
  out.name = std::string(text::trim(name));
  out.medicine = find_named(ds.medicines, name, medicine_names);
  if (out.medicine) {
    for (const Interaction& i : ds.interactions)
      if (out.medicine->interaction == i.id) out.interactions.push_back(&i);
    return out;
  }
  const std::string want = text::to_lower(text::trim(name));
  for (const Interaction& i : ds.interactions) {
    bool named = false;
    for (const std::string& e : i.examples)
      for (const std::string& n : example_names(e)) named = named || text::to_lower(n) == want;
    if (named) out.interactions.push_back(&i);
  }
  if (out.interactions.empty()) resolve_medicine(ds, name, option);  // throws
  return out;
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
