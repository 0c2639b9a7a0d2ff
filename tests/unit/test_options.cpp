// The command line's parsing of option strings into the typed values the core
// takes (src/cli/options.cpp): every error names its option and what it must be.
#include <catch2/catch.hpp>

#include "mgcramp/error.hpp"
#include "mgcramp/query/claims.hpp"
#include "mgcramp/query/foods.hpp"
#include "options.hpp"
#include "support.hpp"

using namespace mgcramp;
using namespace mgcramp::cli;
using Catch::Contains;
using test::usage_error;

TEST_CASE("enumerated options take any case and list every name when wrong") {
  CHECK(parse_choice<Population>("--population", std::string("Pregnancy")) ==
        Population::pregnancy);
  CHECK(parse_choice<Design>("--design", std::string("CROSSOVER-RCT")) == Design::crossover_rct);
  CHECK_FALSE(parse_choice<Rating>("--rating", std::optional<std::string>()).has_value());
  CHECK(usage_error([] { parse_choice<Population>("--population", std::string("elderly")); }) ==
        "--population must be one of idiopathic, pregnancy, exercise, cirrhosis, other, got "
        "'elderly' "
        "(for example --population idiopathic)");
  // Three names or fewer read as a list.
  CHECK(
      usage_error([] { parse_choice<SymptomOf>("--condition", std::string("mild")); }) ==
      "--condition must be deficiency or excess, got 'mild' (for example --condition deficiency)");
  CHECK(usage_error([] { parse_choice<Basis>("--per", std::string("cup")); }) ==
        "--per must be serving, 100g or 100kcal, got 'cup' (for example --per serving)");
  CHECK_THAT(usage_error([] { parse_choice<Rating>("--rating", std::string("x\x1b[2J")); }),
             !Contains("\x1b"));
}

TEST_CASE("counts years and amounts are parsed strictly") {
  CHECK(parse_count("--top", "5") == 5);
  CHECK(parse_count("--top", "100000") == 100000);
  for (const char* bad : {"0", "2.5", "-3", "1e2", "", "100001", "five"}) {
    INFO(bad);
    CHECK_THAT(usage_error([&] { parse_count("--top", bad); }),
               Contains("--top must be a whole number from 1"));
  }
  CHECK(parse_year("--since", "1800") == 1800);
  CHECK(parse_year("--since", "2100") == 2100);
  for (const char* bad : {"1799", "2101", "soon", "99999999999", "20.5", ""}) {
    INFO(bad);
    CHECK_THAT(usage_error([&] { parse_year("--since", bad); }),
               Contains("--since must be a year from 1800 to 2100"));
  }
  CHECK(parse_amount("x", "1.5") == 1.5);
  CHECK(parse_amount("x", "1000000") == 1e6);
  for (const char* bad : {"0", "-1", "1e3", "nan", ""}) {
    INFO(bad);
    CHECK_THAT(usage_error([&] { parse_amount("--compound-mg", bad); }),
               Contains("--compound-mg must be a positive number"));
  }
  // Too large is said as such (MS18), not as "not positive".
  for (const char* big : {"1000000.5", "99999999"}) {
    INFO(big);
    CHECK_THAT(usage_error([&] { parse_amount("--compound-mg", big); }),
               Contains("--compound-mg must be at most 1000000"));
  }
}

TEST_CASE("a day's foods and supplements as typed") {
  const FoodServing one = parse_food("almonds");
  CHECK(one.food == "almonds");
  CHECK(one.servings == 1);
  const FoodServing two = parse_food("black beans:2.5");
  CHECK(two.food == "black beans");
  CHECK(two.servings == 2.5);
  CHECK_THAT(usage_error([] { parse_food("almonds:x"); }),
             Contains("servings in --food 'almonds:x' must be a positive number"));
  CHECK_THAT(usage_error([] { parse_food("almonds:0"); }), Contains("must be a positive number"));
  CHECK(parse_food("spinach:1/2").servings == 0.5);
  CHECK(parse_food("almonds:30g").grams == 30.0);
  CHECK(parse_food("almonds:30 G").grams == 30.0);
  CHECK_THAT(usage_error([] { parse_food("almonds:1/0"); }), Contains("must be a positive number"));
  CHECK_THAT(usage_error([] { parse_food("almonds:g"); }),
             Contains("grams in --food 'almonds:g' must be a positive number"));
  CHECK_THAT(usage_error([] { parse_food("almonds:x"); }), Contains("for example 2, 0.5 or 1/2"));
  const SupplementDose s = parse_supplement("citrate:500");
  CHECK(s.form == "citrate");
  CHECK(s.compound_mg == 500);
  CHECK_FALSE(s.elemental_mg);
  CHECK(parse_supplement("citrate:500mg").compound_mg == 500);
  CHECK(parse_supplement("citrate:500 MG").compound_mg == 500);
  const SupplementDose e = parse_supplement("citrate:200mg-elemental");
  CHECK(e.elemental_mg == 200.0);
  CHECK(e.compound_mg == 0);
  CHECK(parse_supplement("oxide:200 elemental").elemental_mg == 200.0);
  CHECK_THAT(usage_error([] { parse_supplement("500"); }),
             Contains("--supplement '500' needs a form"));
  CHECK_THAT(usage_error([] { parse_supplement("citrate:2000000"); }),
             Contains("must be at most 1000000"));
  CHECK_THAT(usage_error([] { parse_supplement("citrate:-elemental"); }),
             Contains("must be a positive number"));
  CHECK_THAT(usage_error([] { parse_supplement("citrate"); }),
             Contains("--supplement 'citrate' needs an amount"));
  CHECK_THAT(usage_error([] { parse_supplement("citrate:"); }),
             Contains("mg in --supplement 'citrate:' must be a positive number"));
}

TEST_CASE("a value error from the core gets the option's name") {
  const std::string e = usage_error([] {
    for_option("--source", [] {
      return find_claims(test::ds(), ClaimQuery{{}, std::string("pubmed"), {}, {}});
    });
  });
  CHECK_THAT(e, Contains("--source must be one of art-") && Contains("got 'pubmed'"));
  CHECK_THAT(e, Contains("(for example --source art-"));
  // Other errors pass through as they are.
  CHECK(usage_error([] {
          for_option("--x", []() -> int { throw UsageError("plain", "hint"); });
        }) == "plain (hint)");
}

TEST_CASE("help text of enumerated values fits the help's column") {
  const std::string h = help_choices<ClaimTopic>();
  std::size_t start = 0;
  while (start <= h.size()) {
    const std::size_t end = std::min(h.find('\n', start), h.size());
    CHECK(end - start <= 54);
    start = end + 1;
  }
  CHECK_THAT(h, Contains("efficacy-night-cramps") && Contains("or prevalence"));
}
