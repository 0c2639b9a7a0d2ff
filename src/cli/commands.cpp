#include "cli.hpp"

namespace mgcramp::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> all = {
      {"assess", "What the evidence says for one person: cramps, medicines", &setup_assess},
      {"rda", "Recommended daily magnesium by age, sex, pregnancy", &setup_rda},
      {"foods", "Foods ranked by magnesium, with %DV and share of RDA", &setup_foods, false,
       "mgcramp foods --top 10 --plot --format svg > foods.svg"},
      {"forms", "Supplement forms: elemental %, absorption, evidence", &setup_forms},
      {"dose", "Elemental magnesium in a dose, against the upper limit", &setup_dose},
      {"intake", "A day's magnesium from food and supplements vs RDA, UL", &setup_intake},
      {"trials", "Studies of magnesium for cramps, summary, forest plot", &setup_trials, false,
       "mgcramp trials --population idiopathic --plot --format svg > forest.svg"},
      {"meta", "Pool one outcome across trials: random or fixed effects", &setup_meta, false,
       "mgcramp meta --outcome cramp-free --plot --format svg > forest.svg"},
      {"claims", "What the articles claim and what the evidence says", &setup_claims},
      {"check", "Any article's claims against the evidence, claim by claim", &setup_check},
      {"sources", "Sources, who sells magnesium, each article's scorecard", &setup_sources},
      {"causes", "Causes and risk factors of cramps", &setup_causes},
      {"remedies", "Remedies other than magnesium, with their evidence", &setup_remedies},
      {"symptoms", "Symptoms of magnesium deficiency and excess", &setup_symptoms},
      {"interactions", "Medicines that interact with magnesium", &setup_interactions},
      {"search", "Ranked text search across every table", &setup_search},
      {"show", "One record of any table in full, with what cites it", &setup_show},
      {"cite", "References for studies and sources: BibTeX, RIS, text", &setup_cite, true},
      {"validate", "Check a dataset file and count its records", &setup_validate},
      {"schema", "The dataset's documentation: every table and field", &setup_schema},
      {"data", "data export: the dataset as a file, to start one's own", &setup_data},
      {"completion", "Shell completion script for bash, zsh or fish", &setup_completion},
      {"import", "Import USDA FoodData Central into a local food database", &setup_import},
  };
  return all;
}

}  // namespace mgcramp::cli
