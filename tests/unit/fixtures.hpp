#pragma once
// A minimal valid dataset, built in memory, for tests that feed JSON to the
// loader. Tests that break one rule start from fixture::dataset(), change one
// field through a named accessor and spell the expected pointer out:
//
//   json d = fixture::dataset();
//   fixture::intake(d, "children-4-8y")["rda_mg"] = "lots";
//   CHECK(error_of(d) == "mydata.json: /intakes/2/rda_mg: expected ...");
//
// so no test depends on the content or the order of data/mgcramp.json.
// Plain functions, no test framework: any test file may use them.
//
// What it holds, in file order (index: id), so that tests can name pointers:
//   sources       0: nih-ods-magnesium (reference, no commercial interest)
//                 1: usda-sr-legacy (dataset)  2: ciaaw-atomic-weights (reference)
//                 3: art-shop (article, sells supplements)  4: art-clinic (article)
//   notices       0: kidney-disease (caution)
//   intakes       0: infants-0-6m (AI, no EAR or UL)  1: children-1-3y  2: children-4-8y
//                 3: females-19-30y  4: males-19-30y (same ages, other sex)
//                 5: pregnancy-19-30y (condition pregnant, sex female)
//   daily_value   420 mg;  atomic_masses  Mg and O
//   foods         0: pumpkin-seeds (mg and kcal per serving = USDA per 100 g x grams / 100)
//   forms         0: oxide (MgO, 60.3 % Mg; one view from each article)
//   studies       0: example-2017 (an RCT of oxide; a mean difference [-0.84, 0.49]
//                    around null 0; cited by both articles; one discrepancy, art-shop)
//   claims        0: claim-mg-prevents-cramps (a stance from each article)
//   causes, remedies, symptoms, interactions: one record each
//                 (cause-dehydration, remedy-magnesium (advised, no caution),
//                  mg-def-loss-of-appetite, ix-bisphosphonates)
// Every list of references in it names at least one id.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace fixture {

using nlohmann::json;

// A fresh copy of the dataset above; it loads without error.
json dataset();

// The record of `table` whose "id" is `id`. Throws std::out_of_range when
// there is none, so a test that names a record the fixture lacks fails.
json& record(json& d, std::string_view table, std::string_view id);

inline json& source(json& d, std::string_view id) {
  return record(d, "sources", id);
}
inline json& notice(json& d, std::string_view id) {
  return record(d, "notices", id);
}
inline json& intake(json& d, std::string_view id) {
  return record(d, "intakes", id);
}
inline json& food(json& d, std::string_view id) {
  return record(d, "foods", id);
}
inline json& form(json& d, std::string_view id) {
  return record(d, "forms", id);
}
inline json& study(json& d, std::string_view id) {
  return record(d, "studies", id);
}
inline json& claim(json& d, std::string_view id) {
  return record(d, "claims", id);
}
inline json& cause(json& d, std::string_view id) {
  return record(d, "causes", id);
}
inline json& remedy(json& d, std::string_view id) {
  return record(d, "remedies", id);
}
inline json& symptom(json& d, std::string_view id) {
  return record(d, "symptoms", id);
}
inline json& interaction(json& d, std::string_view id) {
  return record(d, "interactions", id);
}

// The compact text of `d` with the value at the JSON Pointer `pointer`
// written as `raw`, for input a json value cannot hold: a number that
// overflows ("1e999") or a repeated key ("1, \"rda_mg\": 80"). Throws
// std::out_of_range when `d` has no value at `pointer`.
std::string with_raw(json d, const std::string& pointer, std::string_view raw);

}  // namespace fixture
