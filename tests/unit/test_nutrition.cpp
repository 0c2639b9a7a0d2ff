// Foods, forms, doses and daily intake: data consistency and query logic.
#include <algorithm>
#include <cmath>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "mgcramp/error.hpp"
#include "mgcramp/io/load.hpp"
#include "mgcramp/model/formula.hpp"
#include "mgcramp/query/foods.hpp"
#include "mgcramp/query/supplements.hpp"
#include "mgcramp/report/builders.hpp"
#include "support.hpp"

using namespace mgcramp;
using Catch::Contains;
using nlohmann::json;
using test::ds;
using test::usage_error;

namespace {
Profile adult_woman() {
  return Profile{40 * 12.0, Sex::female, Condition::none};
}
}  // namespace

TEST_CASE("food ranking: pumpkin seeds lead per serving and order is descending") {
  FoodQuery q;
  q.top = 5;
  const auto top = rank_foods(ds(), q);
  REQUIRE(top.size() == 5);
  CHECK(top[0].food->id == "pumpkin-seeds-roasted");
  for (std::size_t i = 1; i < top.size(); ++i) CHECK(top[i - 1].value >= top[i].value);
  q.top = 1000;
  q.basis = Basis::per_100g;
  for (const auto& rf : rank_foods(ds(), q)) CHECK(rf.food->grams.has_value());
  q.basis = Basis::per_100kcal;
  const auto kcal = rank_foods(ds(), q);
  REQUIRE(!kcal.empty());
  CHECK(kcal[0].food->category == FoodCategory::vegetables);  // leafy greens lead per calorie
}

TEST_CASE("food filters: category and search") {
  FoodQuery q;
  q.top = 100;
  q.category = FoodCategory::legumes;
  for (const auto& rf : rank_foods(ds(), q)) CHECK(rf.food->category == FoodCategory::legumes);
  q.category = std::nullopt;
  q.search = "BEANS";
  const auto beans = rank_foods(ds(), q);
  CHECK(beans.size() >= 2);
  q.category = FoodCategory::meat_poultry;
  for (const auto& rf : rank_foods(ds(), q)) CHECK(rf.food->category == FoodCategory::meat_poultry);
}

TEST_CASE("an empty food or form name is a usage error, not a match for everything") {
  for (const char* blank : {"", "  "}) {
    CHECK_THAT(usage_error([&] { resolve_form(ds(), blank); }), Contains("the form is empty"));
    CHECK_THAT(usage_error([&] { resolve_food(ds(), blank); }), Contains("the food is empty"));
  }
  CHECK(resolve_form(ds(), " citrate ").id == "citrate");
}

TEST_CASE("food lookup by id alias fragment with ambiguity and suggestions") {
  CHECK(resolve_food(ds(), "almonds-dry-roasted").id == "almonds-dry-roasted");
  CHECK(resolve_food(ds(), "Pepitas").id == "pumpkin-seeds-roasted");
  CHECK(resolve_food(ds(), "spinach").id == "spinach-boiled");
  CHECK_THROWS_WITH(resolve_food(ds(), "beans"),
                    Contains("matches several foods") && Contains("black-beans-cooked"));
  CHECK_THROWS_WITH(resolve_food(ds(), "spinnach"), Contains("unknown food 'spinnach'"));
}

TEST_CASE("formula parser: counts groups hydrates and rejects malformed input") {
  CHECK(parse_formula("Mg3(C6H5O7)2.9H2O") ==
        std::map<std::string, int>{{"Mg", 3}, {"C", 12}, {"H", 28}, {"O", 23}});
  CHECK(parse_formula("MgCl2.6H2O") ==
        std::map<std::string, int>{{"Mg", 1}, {"Cl", 2}, {"H", 12}, {"O", 6}});
  CHECK(hydrate_waters("MgSO4.7H2O") == 7);
  CHECK(hydrate_waters("MgO") == 0);
  // Independent check with textbook molar masses: MgO 40.30, MgSO4.7H2O 246.47.
  const std::map<std::string, double> m = {
      {"Mg", 24.305}, {"O", 15.999}, {"S", 32.06}, {"H", 1.008}};
  CHECK(mass_percent("MgO", m, "Mg") == Approx(60.31).epsilon(0.001));
  CHECK(mass_percent("MgSO4.7H2O", m, "Mg") == Approx(9.86).epsilon(0.002));
  for (const char* bad : {"", "mgO", "Mg(OH", "Mg)2", "Mg0", "Mg..H2O", "Mg()2", "Mg$"}) {
    INFO(bad);
    CHECK_THROWS_AS(parse_formula(bad), std::invalid_argument);
  }
  CHECK_THROWS_WITH(mass_percent("MgXe", m, "Mg"), Contains("no atomic mass for element \"Xe\""));
}

TEST_CASE("dose converts compound to elemental and back") {
  const Form& citrate = resolve_form(ds(), "citrate");
  const Dose d = dose_from_compound(citrate, 500);
  CHECK(d.elemental_mg == Approx(500 * citrate.elemental_pct / 100));
  const Dose back = dose_from_elemental(citrate, d.elemental_mg);
  CHECK(back.compound_mg == Approx(500));
}

namespace {
FoodServing food(const char* name, double servings) {
  return {name, servings, std::nullopt};
}
SupplementDose supp(const char* form, double compound_mg) {
  return {form, compound_mg, std::nullopt};
}
}  // namespace

TEST_CASE("a day's intake adds food and supplements against RDA and UL") {
  const DayIntake day =
      tally_intake(ds(), adult_woman(), {food("almonds-dry-roasted", 2), food("spinach", 1)},
                   {supp("citrate", 500)});
  CHECK(day.food_mg == Approx(2 * 79 + 78));
  CHECK(day.supplement_mg == Approx(500 * 0.162).epsilon(0.01));
  CHECK(day.total_mg == Approx(day.food_mg + day.supplement_mg));
  CHECK(day.reference->id == "females-31-50y");
  CHECK(day.pct_rda == Approx(day.total_mg / 320 * 100));
  CHECK_FALSE(day.exceeds_ul);
  const DayIntake high = tally_intake(ds(), adult_woman(), {}, {supp("oxide", 1000)});
  CHECK(high.exceeds_ul);
  CHECK(*high.pct_ul > 100);
  const Profile infant{5.0, std::nullopt, Condition::none};
  CHECK(tally_intake(ds(), infant, {}, {supp("citrate", 100)}).exceeds_ul);  // no UL for infants
}

TEST_CASE("a day's intake: food in grams, a supplement's elemental magnesium as a label gives it") {
  const Food& almonds = resolve_food(ds(), "almonds-dry-roasted");
  REQUIRE(almonds.grams);
  REQUIRE(almonds.usda_mg_per_100g);
  const DayIntake g = tally_intake(ds(), adult_woman(), {{"almonds-dry-roasted", 1, 50.0}}, {});
  CHECK(g.food_mg == Approx(*almonds.usda_mg_per_100g / 2));
  CHECK(g.foods[0].servings == Approx(50 / *almonds.grams));
  CHECK(g.foods[0].grams == 50.0);
  // "Magnesium 200 mg (as oxide)": 200 mg elemental, whatever the compound weighs.
  const DayIntake e = tally_intake(ds(), adult_woman(), {}, {{"oxide", 0, 200.0}});
  CHECK(e.supplement_mg == Approx(200));
  CHECK(e.supplements[0].compound_mg > 200);
}

TEST_CASE("intake input errors") {
  CHECK_THROWS_WITH(tally_intake(ds(), adult_woman(), {}, {}), Contains("nothing to add up"));
  CHECK_THROWS_WITH(tally_intake(ds(), adult_woman(), {food("unicorn", 1)}, {}),
                    Contains("unknown food 'unicorn'"));
  const Profile no_sex{40 * 12.0, std::nullopt, Condition::none};
  CHECK_THROWS_AS(tally_intake(ds(), no_sex, {food("almonds", 1)}, {}), MissingInput);
  CHECK_THROWS_WITH(tally_intake(ds(), no_sex, {food("almonds", 1)}, {}),
                    Contains("depends on sex"));
}

TEST_CASE("per 100 g and per 100 kcal come from the USDA figures, else from the serving") {
  Food f;
  f.grams = 28.35;
  f.mg_per_serving = 74;  // rounded from 260 x 28.35 / 100 = 73.7
  f.kcal_per_serving = 163;
  f.usda_mg_per_100g = 260;
  f.usda_kcal_per_100g = 574;
  REQUIRE(mg_per_100g(f));
  CHECK(mg_per_100g(f)->mg == 260);
  CHECK(mg_per_100g(f)->from_usda);
  CHECK(mg_per_100kcal(f)->mg == Approx(260.0 / 574 * 100));
  CHECK(mg_per_100kcal(f)->from_usda);
  CHECK(mg_on_basis(f, Basis::serving)->mg == 74);
  // Without USDA energy, per 100 kcal falls back to the serving; per 100 g stays USDA's.
  f.usda_kcal_per_100g.reset();
  CHECK(mg_per_100kcal(f)->mg == Approx(74.0 / 163 * 100));
  CHECK_FALSE(mg_per_100kcal(f)->from_usda);
  f.usda_mg_per_100g.reset();
  CHECK(mg_per_100g(f)->mg == Approx(74 / 28.35 * 100));
  CHECK_FALSE(mg_per_100g(f)->from_usda);
  // Neither weight nor energy: nothing to work out.
  f.grams.reset();
  f.kcal_per_serving.reset();
  CHECK_FALSE(mg_per_100g(f));
  CHECK_FALSE(mg_per_100kcal(f));
  // The ranking uses the same figures: spinach per 100 kcal is USDA's 87 / 23.
  FoodQuery q;
  q.basis = Basis::per_100kcal;
  q.search = "spinach";
  const auto spinach = rank_foods(ds(), q);
  REQUIRE(spinach.size() == 1);
  CHECK(spinach[0].value == Approx(87.0 / 23 * 100));
}

TEST_CASE("a dose per hydration state: citrate anhydrous and nonahydrate") {
  const Form& citrate = resolve_form(ds(), "citrate");
  const auto doses = doses_from_compound(citrate, 500);
  REQUIRE(doses.size() == 2);
  CHECK(doses[0].hydrate == nullptr);
  CHECK(doses[0].formula() == "Mg3(C6H5O7)2");
  CHECK(doses[0].elemental_mg == Approx(81));
  CHECK(doses[1].hydrate_water == 9);
  CHECK(doses[1].formula() == "Mg3(C6H5O7)2.9H2O");
  CHECK(doses[1].elemental_mg == Approx(59.5));
  const auto back = doses_from_elemental(citrate, 100);
  CHECK(back[0].compound_mg == Approx(100 / 0.162));
  CHECK(back[1].compound_mg == Approx(100 / 0.119));
  // A form without hydrates gives one dose, the same as dose_from_compound.
  const Form& glycinate = resolve_form(ds(), "glycinate");
  const auto one = doses_from_compound(glycinate, 500);
  REQUIRE(one.size() == 1);
  CHECK(one[0].elemental_mg == dose_from_compound(glycinate, 500).elemental_mg);
}

TEST_CASE("mmol and mEq from the atomic weight of Mg and the charge of Mg2+") {
  REQUIRE(mg_to_mmol(ds(), 24.305));
  CHECK(*mg_to_mmol(ds(), 24.305) == Approx(1));
  CHECK(*mg_to_meq(ds(), 24.305) == Approx(2));
  CHECK(*mg_to_mmol(ds(), 81) == Approx(3.3327).margin(1e-4));
  // Without the charge there is no mEq; without the weight, neither.
  Dataset d;
  d.atomic_masses.values["Mg"] = 24.305;
  CHECK(mg_to_mmol(d, 48.61) == Approx(2));
  CHECK_FALSE(mg_to_meq(d, 48.61));
  d.atomic_masses.values.clear();
  CHECK_FALSE(mg_to_mmol(d, 1));
}

TEST_CASE("an AI is labelled AI in foods and intake, never RDA") {
  Profile infant;
  infant.age_months = 3;
  FoodQuery q;
  q.top = 3;
  const Report foods = foods_report(ds(), q, infant, false);
  CHECK_THAT(foods.title, Contains("AI 30 mg"));
  CHECK_THAT(foods.title, !Contains("RDA"));
  bool ai_column = false;
  for (const auto& c : foods.columns) {
    CHECK((c.human ? c.title.find("RDA") == std::string::npos : true));
    ai_column = ai_column || (c.human && c.title == "%AI");
    // No servings for an infant.
    if (c.key == "servings_for_rda") CHECK_FALSE(c.human);
  }
  CHECK(ai_column);
  const Report day =
      intake_report(ds(), tally_intake(ds(), infant, {food("almonds", 1)}, {}), infant);
  CHECK_THAT(day.title, Contains("AI 30 mg"));
  for (const auto& c : day.columns) {
    if (c.human) CHECK(c.title.find("RDA") == std::string::npos);
  }
  // An RDA stays an RDA.
  const Report adult = foods_report(ds(), q, adult_woman(), false);
  CHECK_THAT(adult.title, Contains("RDA 320 mg"));
}
