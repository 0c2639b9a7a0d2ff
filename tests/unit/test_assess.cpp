// The lookups behind assess and interactions --med: medicines by generic or
// brand name, conditions by alias, interaction records by their examples.
#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "mgcramp/io/load.hpp"
#include "mgcramp/query/assess.hpp"
#include "support.hpp"

using namespace mgcramp;
using Catch::Contains;
using test::usage_error;

namespace {

// The fixture with a second interaction whose examples name a medicine that
// has no record of its own, in "generic (Brand)" form.
const Dataset& data() {
  static const Dataset d = [] {
    auto j = fixture::dataset();
    j["interactions"].push_back({{"id", "ix-quinolones"},
                                 {"drug_class", "Quinolone antibiotics"},
                                 {"examples", {"ciprofloxacin hydrochloride (Cipro)", "ofloxacin"}},
                                 {"category", "absorption"},
                                 {"effect", "Magnesium binds them."},
                                 {"advice", "Take them apart."},
                                 {"sources", {"nih-ods-magnesium"}}});
    return load_dataset(j.dump(), "fixture.json");
  }();
  return d;
}

}  // namespace

TEST_CASE("resolve_medicine: id, generic and brand name, any case and padding") {
  for (const char* name : {"med-alendronate", "alendronate", "ALENDRONATE", "Fosamax", " fosamax "})
    CHECK(resolve_medicine(data(), name, "--med").id == "med-alendronate");
}

TEST_CASE("resolve_medicine: unknown names say absence is not evidence, with a did-you-mean") {
  const std::string e = usage_error([] { resolve_medicine(data(), "fosamx", "--med"); });
  CHECK_THAT(e, Contains("--med: no medicine 'fosamx' in this dataset"));
  CHECK_THAT(e, Contains("absence from this dataset is not evidence of no interaction"));
  CHECK_THAT(e, Contains("did you mean 'fosamax'?"));
  CHECK_THAT(e, Contains("mgcramp interactions"));
  // Nothing close: no guess, still the list.
  const std::string far = usage_error([] { resolve_medicine(data(), "zzzzzzzz", "--med"); });
  CHECK_THAT(far, !Contains("did you mean"));
  CHECK_THAT(far, Contains("the list:"));
  // Control characters in the name never reach the message.
  CHECK_THAT(usage_error([] { resolve_medicine(data(), "x\x1b[31m", "--med"); }),
             !Contains("\x1b"));
  CHECK_THAT(usage_error([] { resolve_medicine(data(), "", "--med"); }), Contains("no medicine"));
}

TEST_CASE("resolve_condition: by name and alias, any case") {
  CHECK(resolve_condition(data(), "ckd", "--condition").id == "cond-ckd");
  CHECK(resolve_condition(data(), "Chronic Kidney Disease", "--condition").id == "cond-ckd");
  const std::string e = usage_error([] { resolve_condition(data(), "ckdd", "--condition"); });
  CHECK_THAT(e, Contains("--condition: no condition 'ckdd'"));
  CHECK_THAT(e, Contains("did you mean 'ckd'?"));
  CHECK_THAT(e, !Contains("interaction"));
}

TEST_CASE("lookup_medicine: a medicine's record and the interaction it links to") {
  const MedicineLookup m = lookup_medicine(data(), "FOSAMAX", "--med");
  REQUIRE(m.medicine != nullptr);
  CHECK(m.medicine->id == "med-alendronate");
  REQUIRE(m.interactions.size() == 1);
  CHECK(m.interactions[0]->id == "ix-bisphosphonates");
  CHECK(m.name == "FOSAMAX");
}

TEST_CASE("lookup_medicine: a drug named only among an interaction's examples") {
  for (const char* name : {"ciprofloxacin", "Ciprofloxacin Hydrochloride", "cipro", "ofloxacin"}) {
    INFO(name);
    const MedicineLookup m = lookup_medicine(data(), name, "--med");
    CHECK(m.medicine == nullptr);
    REQUIRE(m.interactions.size() == 1);
    CHECK(m.interactions[0]->id == "ix-quinolones");
  }
  // Part of a word is not a name: "floxacin" matches nothing.
  CHECK_THAT(usage_error([] { lookup_medicine(data(), "floxacin", "--med"); }),
             Contains("not evidence of no interaction"));
}

TEST_CASE("assess_population: pregnancy and exercise evidence where they apply") {
  AssessQuery q;
  CHECK(assess_population(q) == Population::idiopathic);
  q.cramps = CrampKind::exercise;
  CHECK(assess_population(q) == Population::exercise);
  q.profile.condition = Condition::pregnant;
  CHECK(assess_population(q) == Population::pregnancy);
  q.profile.condition = Condition::none;
  q.cramps = CrampKind::other;
  CHECK(assess_population(q) == std::nullopt);
}
