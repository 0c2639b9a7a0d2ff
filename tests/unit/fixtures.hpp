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
// kDatasetText below is the dataset itself, records in file order, so a test
// can count the index of the pointer it expects. Header-only: a separate TU
// would compile nlohmann/json once more.
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace fixture {

using nlohmann::json;

// Every field of every kind of record appears, with null where the schema
// allows it, so the fixture is also an example of the whole format. The
// intake figures are the IOM's; the articles and the study are made up.
inline constexpr const char* kDatasetText = R"json({
  "schema_version": 1,
  "description": "Test fixture: the smallest dataset that uses every table.",
  "sources": [
    {"id": "nih-ods-magnesium", "kind": "reference",
     "title": "Magnesium: Fact Sheet for Health Professionals",
     "publisher": "NIH Office of Dietary Supplements", "authors": null, "date": null,
     "url": "https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/",
     "commercial_interest": false, "commercial_note": null,
     "notes": "Reference intakes, food sources and upper limits."},
    {"id": "usda-sr-legacy", "kind": "dataset",
     "title": "USDA National Nutrient Database, SR Legacy",
     "publisher": "USDA Agricultural Research Service", "authors": null, "date": "2018-04",
     "url": null, "commercial_interest": false, "commercial_note": null, "notes": null},
    {"id": "ciaaw-atomic-weights", "kind": "reference", "title": "Standard atomic weights",
     "publisher": "CIAAW", "authors": null, "date": "2021", "url": null,
     "commercial_interest": false, "commercial_note": null, "notes": null},
    {"id": "art-shop", "kind": "article", "title": "Magnesium for cramps: what works",
     "publisher": "A supplement shop", "authors": "Shop Team", "date": "2025-07-31", "url": null,
     "commercial_interest": true, "commercial_note": "Sells magnesium supplements.",
     "notes": null},
    {"id": "art-clinic", "kind": "article", "title": "Leg cramps at night",
     "publisher": "A clinic", "authors": null, "date": null, "url": null,
     "commercial_interest": false, "commercial_note": null, "notes": null}
  ],
  "notices": [
    {"id": "kidney-disease", "level": "caution",
     "text": "People with kidney disease should not take magnesium supplements unsupervised.",
     "sources": ["nih-ods-magnesium"]}
  ],
  "intakes": [
    {"id": "infants-0-6m", "life_stage": "Infants 0-6 months",
     "age_from_months": 0, "age_to_months": 7, "sex": "any", "condition": "none",
     "kind": "AI", "rda_mg": 30, "ear_mg": null, "ul_supplemental_mg": null,
     "notices": ["kidney-disease"], "sources": ["nih-ods-magnesium"]},
    {"id": "children-1-3y", "life_stage": "Children 1-3 years",
     "age_from_months": 12, "age_to_months": 48, "sex": "any", "condition": "none",
     "kind": "RDA", "rda_mg": 80, "ear_mg": 65, "ul_supplemental_mg": 65,
     "notices": ["kidney-disease"], "sources": ["nih-ods-magnesium"]},
    {"id": "children-4-8y", "life_stage": "Children 4-8 years",
     "age_from_months": 48, "age_to_months": 108, "sex": "any", "condition": "none",
     "kind": "RDA", "rda_mg": 130, "ear_mg": 110, "ul_supplemental_mg": 110,
     "notices": ["kidney-disease"], "sources": ["nih-ods-magnesium"]},
    {"id": "females-19-30y", "life_stage": "Females 19-30 years",
     "age_from_months": 228, "age_to_months": 372, "sex": "female", "condition": "none",
     "kind": "RDA", "rda_mg": 310, "ear_mg": 255, "ul_supplemental_mg": 350,
     "notices": ["kidney-disease"], "sources": ["nih-ods-magnesium"]},
    {"id": "males-19-30y", "life_stage": "Males 19-30 years",
     "age_from_months": 228, "age_to_months": 372, "sex": "male", "condition": "none",
     "kind": "RDA", "rda_mg": 400, "ear_mg": 330, "ul_supplemental_mg": 350,
     "notices": ["kidney-disease"], "sources": ["nih-ods-magnesium"]},
    {"id": "pregnancy-19-30y", "life_stage": "Pregnancy 19-30 years",
     "age_from_months": 228, "age_to_months": 372, "sex": "female", "condition": "pregnant",
     "kind": "RDA", "rda_mg": 350, "ear_mg": 290, "ul_supplemental_mg": 350,
     "notices": ["kidney-disease"], "sources": ["nih-ods-magnesium"]}
  ],
  "daily_value": {"mg": 420, "population": "adults and children 4 years and older",
                  "sources": ["nih-ods-magnesium"]},
  "atomic_masses": {"values": {"O": 15.999, "Mg": 24.305}, "sources": ["ciaaw-atomic-weights"]},
  "foods": [
    {"id": "pumpkin-seeds", "name": "Pumpkin seeds, roasted", "aliases": ["pepitas"],
     "category": "nuts-seeds", "serving": "1 ounce", "grams": 28.35,
     "mg_per_serving": 156, "kcal_per_serving": 163, "usda_ndb": "12016",
     "usda_description": "Seeds, pumpkin and squash seed kernels, roasted, without salt",
     "usda_mg_per_100g": 550, "usda_kcal_per_100g": 574, "nih_mg_per_serving": 156,
     "mentioned_by": ["art-shop"], "note": "Roasted, without salt.",
     "sources": ["usda-sr-legacy", "nih-ods-magnesium"]}
  ],
  "forms": [
    {"id": "oxide", "name": "Magnesium oxide", "aliases": ["MgO"], "formula": "MgO",
     "hydrate_water": 0, "elemental_pct": 60.3,
     "typical_products_note": "Sold anhydrous.",
     "absorption": {"summary": "Poorly absorbed.", "relative": "low",
                    "studies": ["example-2017"]},
     "gi_tolerance": "Often loosens stools.", "laxative": "strong",
     "cramp_evidence": "One trial found no benefit.", "cramp_studies": ["example-2017"],
     "article_views": [
       {"source": "art-shop", "view": "discourages", "note": "Says it is poorly absorbed."},
       {"source": "art-clinic", "view": "neutral", "note": "Names it without advice."}
     ],
     "sources": ["nih-ods-magnesium"]}
  ],
  "studies": [
    {"id": "example-2017", "first_author": "Example A", "authors": "Example A, Sample B",
     "year": 2017, "title": "Magnesium oxide for night cramps: a randomised trial",
     "journal": "Journal of Examples", "volume": "1", "issue": "2", "pages": "3-4",
     "pmid": "12345678", "doi": "10.1000/example.2017",
     "design": "rct", "subjects": "human", "populations": ["idiopathic"], "country": "Nowhere",
     "n_randomized": 94, "n_analysed": 88, "n_trials": null,
     "arms": [{"group": "magnesium", "n_randomized": 48}, {"group": "placebo", "n_randomized": 46}],
     "intervention": {"kind": "magnesium", "form": "oxide", "compound_mg_per_day": 865,
                      "elemental_mg_per_day": 520, "route": "oral",
                      "description": "Magnesium oxide capsules nightly."},
     "comparator": "placebo", "duration_days": 28,
     "primary_outcome": "cramps per week",
     "result": {"summary": "No difference from placebo."},
     "outcomes": [
       {"measure": "cramps-per-week", "description": null, "unit": null, "timepoint": "4 weeks",
        "analysis": "itt", "population": null, "arms": null,
        "estimate": -0.18, "ci_low": -0.84, "ci_high": 0.49, "p": 0.6,
        "k": null, "participants": null, "certainty": null, "where": "abstract", "note": null},
       {"measure": "responders", "description": "half as many cramps", "unit": null,
        "timepoint": "4 weeks", "analysis": "itt", "population": "idiopathic",
        "arms": {"intervention": {"n": 48, "mean": null, "sd": null, "events": 20},
                 "control": {"n": 46, "mean": null, "sd": null, "events": 18}},
        "estimate": null, "ci_low": null, "ci_high": null, "p": null,
        "k": null, "participants": null, "certainty": null, "where": null, "note": null}
     ],
     "conclusion": "no-benefit", "risk_of_bias": null, "risk_of_bias_by": null,
     "industry_funded": false, "funding": "none declared",
     "cited_by": ["art-shop", "art-clinic"],
     "discrepancies": [{"source": "art-shop", "note": "Reports the trial as positive."}],
     "notes": "Made up for the tests.", "sources": ["nih-ods-magnesium"]}
  ],
  "claims": [
    {"id": "claim-mg-prevents-cramps", "topic": "efficacy-night-cramps",
     "text": "Magnesium supplements prevent night cramps.",
     "cues": ["magnesium + cramp* + prevent*|help*"],
     "stances": [
       {"source": "art-shop", "stance": "supports", "locator": "What the studies show"},
       {"source": "art-clinic", "stance": "opposes", "locator": "Treatment"}
     ],
     "verdict": {"rating": "not-supported", "summary": "The trial found no benefit.",
                 "evidence": ["example-2017"]}}
  ],
  "causes": [
    {"id": "cause-dehydration", "name": "Dehydration", "category": "dehydration-electrolytes",
     "mechanism": "Fluid loss is said to make nerves more excitable.",
     "evidence_note": "Weakly supported.", "sources": ["art-clinic"]}
  ],
  "remedies": [
    {"id": "remedy-magnesium", "name": "Magnesium supplements", "category": "supplement",
     "use": "prevention", "evidence_level": "rct", "certainty": "not-graded",
     "evidence": "One trial found no benefit.", "studies": ["example-2017"],
     "prescription_only": false, "caution": null,
     "sources": ["art-clinic"]}
  ],
  "symptoms": [
    {"id": "mg-def-loss-of-appetite", "name": "Loss of appetite", "condition": "deficiency",
     "category": "gastrointestinal", "basis": "reference",
     "description": "An early sign of deficiency.", "threshold": null,
     "sources": ["nih-ods-magnesium"]}
  ],
  "interactions": [
    {"id": "ix-bisphosphonates", "drug_class": "Oral bisphosphonates",
     "examples": ["alendronate"], "category": "absorption",
     "effect": "Magnesium can bind the drug in the gut.",
     "advice": "Take them at least 2 hours apart.", "sources": ["nih-ods-magnesium"]}
  ],
  "medicines": [
    {"id": "med-alendronate", "generic_name": "alendronate", "brand_names": ["Fosamax"],
     "drug_class": "Oral bisphosphonate", "effect": "absorption",
     "interaction": "ix-bisphosphonates", "mechanism": null,
     "timing": "NIH ODS: take them at least 2 hours apart.", "causes_cramps": null,
     "cramps_evidence": null, "note": null, "sources": ["nih-ods-magnesium"]}
  ],
  "conditions": [
    {"id": "cond-ckd", "name": "Chronic kidney disease", "aliases": ["CKD"],
     "lowers_magnesium": null, "supervision": true,
     "evidence": "Only under medical supervision.", "cause": null,
     "sources": ["nih-ods-magnesium"]}
  ],
  "red_flags": [
    {"id": "rf-new-medicine", "sign": "Cramps that began with a new medicine",
     "why": "Some medicines cause cramps.", "sources": ["nih-ods-magnesium"]}
  ],
  "cues": [
    {"id": "negation", "kind": "negation", "phrases": ["not", "no better"], "note": null,
     "sources": []}
  ]
})json";

// A fresh copy of the dataset above; it loads without error.
inline json dataset() {
  return json::parse(kDatasetText);
}

// The record of `table` whose "id" is `id`. Throws std::out_of_range when
// there is none, so a test that names a record the fixture lacks fails.
inline json& record(json& d, std::string_view table, std::string_view id) {
  for (json& r : d.at(std::string(table))) {
    const auto key = r.find("id");
    if (key != r.end() && key->is_string() && key->get_ref<const std::string&>() == id) return r;
  }
  throw std::out_of_range("fixture: no record \"" + std::string(id) + "\" in " +
                          std::string(table));
}

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
inline json& medicine(json& d, std::string_view id) {
  return record(d, "medicines", id);
}

// The compact text of `d` with the value at the JSON Pointer `pointer`
// written as `raw`, for input a json value cannot hold: a number that
// overflows ("1e999") or a repeated key ("1, \"rda_mg\": 80"). Throws
// std::out_of_range when `d` has no value at `pointer`.
inline std::string with_raw(json d, const std::string& pointer, std::string_view raw) {
  static const std::string kMark = "<fixture::with_raw>";
  d.at(json::json_pointer(pointer)) = kMark;
  std::string text = d.dump();
  const std::string quoted = "\"" + kMark + "\"";
  const auto at = text.find(quoted);
  if (at == std::string::npos || text.find(quoted, at + 1) != std::string::npos) {
    throw std::logic_error("fixture::with_raw: the marker is not unique");
  }
  text.replace(at, quoted.size(), raw);
  return text;
}

}  // namespace fixture
