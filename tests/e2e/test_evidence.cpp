// trials end to end.
#include <nlohmann/json.hpp>

#include "expect.hpp"

using Catch::Contains;
using nlohmann::json;

TEST_CASE("trials --population pregnancy lists the pregnancy trials with a summary") {
  const Result r = expect_ok({"trials", "--population", "pregnancy"});
  for (const char* a : {"Dahle", "Nygaard", "Supakatisant", "Araujo"})
    CHECK_THAT(r.out, Contains(a));
  CHECK_THAT(r.out, Contains("4 studies"));
  CHECK_THAT(r.out, Contains("Benefit 2, no benefit 2"));
}

TEST_CASE("trials --json has the documented fields") {
  const json j = json::parse(expect_ok({"trials", "--design", "all", "--all", "--json"}).out);
  REQUIRE(j.is_array());
  CHECK(j.size() >= 30);
  for (const auto& s : j) {
    for (const char* k :
         {"id", "first_author", "year", "title", "journal", "pmid", "doi", "design", "population",
          "n_randomized", "n_analysed", "form", "result", "sources"}) {
      INFO(k);
      CHECK(s.contains(k));
    }
  }
}

TEST_CASE("trials --plot draws intervals for studies with an effect") {
  const Result r = expect_ok({"trials", "--design", "all", "--all", "--plot"});
  CHECK_THAT(r.out, Contains("Garrison SR 2020"));
  CHECK_THAT(r.out, Contains("-0.18 [-0.84, 0.49]"));
  CHECK_THAT(r.out, Contains("o"));
}

TEST_CASE("trials bad input exits 2 with one line") {
  expect_usage_error({"trials", "--population", "elderly"}, "--population must be one of");
  expect_usage_error({"trials", "--design", "anecdote"}, "--design must be one of");
  expect_usage_error({"trials", "--result", "great"}, "--result must be one of");
  expect_usage_error({"trials", "--since", "soon"}, "--since must be a whole number");
  expect_usage_error({"trials", "--min-n", "-4"}, "--min-n");
  expect_usage_error({"trials", "--sort", "size"}, "--sort must be year or n");
  expect_usage_error({"trials", "--form", "gold"}, "unknown form 'gold'");
}
