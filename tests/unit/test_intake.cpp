// Reference intakes: every NIH/IOM figure, every age boundary, profile errors.
#include <algorithm>

#include <catch2/catch.hpp>

#include "mgcramp/error.hpp"
#include "mgcramp/io/load.hpp"
#include "mgcramp/query/profile.hpp"
#include "options.hpp"
#include "support.hpp"

using namespace mgcramp;
using cli::parse_sex;
using test::ds;

namespace {

Profile profile(std::optional<std::string> age, std::optional<std::string> months,
                std::optional<std::string> sex = std::nullopt, bool pregnant = false,
                bool lactating = false) {
  return cli::parse_profile(
      {std::move(age), std::move(months), std::move(sex), pregnant, lactating});
}

struct Expect {
  const char* id;
  double rda;
  std::optional<double> ear;
  std::optional<double> ul;
  const char* kind;
};

void check(const Intake& in, const Expect& e) {
  INFO("intake " << in.id);
  CHECK(in.id == e.id);
  CHECK(in.rda_mg == e.rda);
  CHECK(in.ear_mg == e.ear);
  CHECK(in.ul_supplemental_mg == e.ul);
  CHECK(name_of(in.kind) == e.kind);
}

}  // namespace

// Expected figures: NIH ODS fact sheet Tables 1 and 3; EARs from IOM 1997.
TEST_CASE("infant boundaries in months use Adequate Intakes without EAR or UL") {
  const Expect young{"infants-0-6m", 30, std::nullopt, std::nullopt, "AI"};
  const Expect older{"infants-7-12m", 75, std::nullopt, std::nullopt, "AI"};
  check(intake_for(ds(), profile(std::nullopt, "0")), young);
  check(intake_for(ds(), profile(std::nullopt, "6")), young);
  check(intake_for(ds(), profile(std::nullopt, "7")), older);
  check(intake_for(ds(), profile(std::nullopt, "11")), older);
  check(intake_for(ds(), profile("0.5", std::nullopt)), young);
}

TEST_CASE("children's stages do not depend on sex") {
  const Expect c13{"children-1-3y", 80, 65, 65, "RDA"};
  const Expect c48{"children-4-8y", 130, 110, 110, "RDA"};
  const Expect c913{"children-9-13y", 240, 200, 350, "RDA"};
  check(intake_for(ds(), profile(std::nullopt, "12")), c13);
  check(intake_for(ds(), profile("1", std::nullopt)), c13);
  check(intake_for(ds(), profile("3.99", std::nullopt)), c13);
  check(intake_for(ds(), profile("4", std::nullopt)), c48);
  check(intake_for(ds(), profile("8", std::nullopt)), c48);
  check(intake_for(ds(), profile("9", std::nullopt)), c913);
  check(intake_for(ds(), profile("13.99", std::nullopt, "m")), c913);
  CHECK(find_intakes(ds(), profile("13.99", std::nullopt)).size() == 1);
}

TEST_CASE("adolescent and adult stages by sex at every boundary") {
  struct Row {
    const char* age;
    Expect f;
    Expect m;
  };
  const Row rows[] = {
      {"14", {"females-14-18y", 360, 300, 350, "RDA"}, {"males-14-18y", 410, 340, 350, "RDA"}},
      {"18", {"females-14-18y", 360, 300, 350, "RDA"}, {"males-14-18y", 410, 340, 350, "RDA"}},
      {"19", {"females-19-30y", 310, 255, 350, "RDA"}, {"males-19-30y", 400, 330, 350, "RDA"}},
      {"30", {"females-19-30y", 310, 255, 350, "RDA"}, {"males-19-30y", 400, 330, 350, "RDA"}},
      {"31", {"females-31-50y", 320, 265, 350, "RDA"}, {"males-31-50y", 420, 350, 350, "RDA"}},
      {"50", {"females-31-50y", 320, 265, 350, "RDA"}, {"males-31-50y", 420, 350, 350, "RDA"}},
      {"51", {"females-51y-plus", 320, 265, 350, "RDA"}, {"males-51y-plus", 420, 350, 350, "RDA"}},
      {"120", {"females-51y-plus", 320, 265, 350, "RDA"}, {"males-51y-plus", 420, 350, 350, "RDA"}},
  };
  for (const auto& r : rows) {
    INFO("age " << r.age);
    check(intake_for(ds(), profile(r.age, std::nullopt, "f")), r.f);
    check(intake_for(ds(), profile(r.age, std::nullopt, "male")), r.m);
    const auto both = find_intakes(ds(), profile(r.age, std::nullopt));
    REQUIRE(both.size() == 2);
    CHECK(both[0]->id == r.f.id);  // female first
    CHECK(both[1]->id == r.m.id);
  }
}

TEST_CASE("pregnancy and lactation at their boundaries") {
  const char* ages[] = {"14", "18", "19", "30", "31", "50"};
  const Expect preg[] = {
      {"pregnancy-14-18y", 400, 335, 350, "RDA"}, {"pregnancy-14-18y", 400, 335, 350, "RDA"},
      {"pregnancy-19-30y", 350, 290, 350, "RDA"}, {"pregnancy-19-30y", 350, 290, 350, "RDA"},
      {"pregnancy-31-50y", 360, 300, 350, "RDA"}, {"pregnancy-31-50y", 360, 300, 350, "RDA"}};
  const Expect lact[] = {
      {"lactation-14-18y", 360, 300, 350, "RDA"}, {"lactation-14-18y", 360, 300, 350, "RDA"},
      {"lactation-19-30y", 310, 255, 350, "RDA"}, {"lactation-19-30y", 310, 255, 350, "RDA"},
      {"lactation-31-50y", 320, 265, 350, "RDA"}, {"lactation-31-50y", 320, 265, 350, "RDA"}};
  for (int i = 0; i < 6; ++i) {
    INFO("age " << ages[i]);
    check(intake_for(ds(), profile(ages[i], std::nullopt, std::nullopt, true)), preg[i]);
    check(intake_for(ds(), profile(ages[i], std::nullopt, "F", false, true)), lact[i]);
  }
}

TEST_CASE("pregnancy outside the covered ages is a usage error") {
  CHECK_THROWS_AS(find_intakes(ds(), profile("8.99", std::nullopt, std::nullopt, true)),
                  UsageError);
  CHECK_THROWS_WITH(find_intakes(ds(), profile("51", std::nullopt, std::nullopt, false, true)),
                    Catch::Contains("lactation at age 51"));
}

TEST_CASE("an empty profile lists every row - a sex filter keeps 'any' rows") {
  CHECK(find_intakes(ds(), Profile{}).size() == ds().intakes.size());
  const auto women = find_intakes(ds(), profile(std::nullopt, std::nullopt, "f"));
  for (const Intake* in : women) CHECK(in->sex != SexScope::male);
  const auto preg = find_intakes(ds(), profile(std::nullopt, std::nullopt, std::nullopt, true));
  CHECK(preg.size() == 4);
}

TEST_CASE("intake_for needs an age and where it matters a sex") {
  CHECK_THROWS_AS(intake_for(ds(), Profile{}), UsageError);
  CHECK_THROWS_WITH(intake_for(ds(), profile("40", std::nullopt)), Catch::Contains("sex"));
}

TEST_CASE("profile input errors name the option") {
  using Catch::Contains;
  CHECK_THROWS_WITH(profile("-1", std::nullopt), Contains("--age must be from 0 to 120"));
  CHECK_THROWS_WITH(profile("120.01", std::nullopt), Contains("--age must be from 0 to 120"));
  CHECK_THROWS_WITH(profile("abc", std::nullopt), Contains("--age must be a number"));
  CHECK_THROWS_WITH(profile("nan", std::nullopt), Contains("--age must be a number"));
  CHECK_THROWS_WITH(profile("1e2", std::nullopt), Contains("--age must be a number"));
  CHECK_THROWS_WITH(profile("", std::nullopt), Contains("--age must be a number"));
  CHECK_THROWS_WITH(profile("1.2.3", std::nullopt), Contains("--age must be a number"));
  CHECK_THROWS_WITH(profile(std::nullopt, "1.5"), Contains("--months must be a whole number"));
  CHECK_THROWS_WITH(profile(std::nullopt, "1441"), Contains("--months must be from 0 to 1440"));
  CHECK_THROWS_WITH(profile("3", "4"), Contains("cannot be used together"));
  CHECK_THROWS_WITH(profile("30", std::nullopt, "x"), Contains("--sex must be f or m"));
  CHECK_THROWS_WITH(profile("30", std::nullopt, "m", true), Contains("--pregnant cannot"));
  CHECK_THROWS_WITH(profile("30", std::nullopt, "m", false, true), Contains("--lactating cannot"));
  CHECK_THROWS_WITH(profile("30", std::nullopt, std::nullopt, true, true),
                    Contains("--pregnant and --lactating"));
  CHECK_NOTHROW(profile("120", std::nullopt));
  CHECK_NOTHROW(profile("0", std::nullopt));
}

TEST_CASE("sex accepts f m female male in any case") {
  CHECK(parse_sex("F") == Sex::female);
  CHECK(parse_sex("Female") == Sex::female);
  CHECK(parse_sex("m") == Sex::male);
  CHECK(parse_sex("MALE") == Sex::male);
  CHECK_THROWS_AS(parse_sex("fem"), UsageError);
}

TEST_CASE("pregnancy and lactation under 14 use the rows for 18 years and under") {
  for (const char* age : {"9", "13", "13.99"}) {
    INFO(age);
    const Intake& p = intake_for(ds(), profile(age, std::nullopt, std::nullopt, true));
    CHECK(p.id == "pregnancy-under-14y");
    CHECK(p.rda_mg == 400);
    CHECK(p.ear_mg == 335);
    CHECK(std::find(p.notices.begin(), p.notices.end(), "iom-18-and-under") != p.notices.end());
    const Intake& l = intake_for(ds(), profile(age, std::nullopt, "F", false, true));
    CHECK(l.id == "lactation-under-14y");
    CHECK(l.rda_mg == 360);
  }
  // The figures are those of the 14-18 years rows, from the same table.
  const Intake& p14 = intake_for(ds(), profile("14", std::nullopt, std::nullopt, true));
  CHECK(p14.id == "pregnancy-14-18y");
  CHECK(p14.rda_mg == intake_for(ds(), profile("13", std::nullopt, std::nullopt, true)).rda_mg);
  CHECK(std::find(p14.notices.begin(), p14.notices.end(), "iom-18-and-under") == p14.notices.end());
}

TEST_CASE("infant rows are AIs, with no servings from food and their food notices") {
  for (const char* months : {"0", "6", "11"}) {
    Profile p;
    p.age_months = std::stod(months);
    const Intake& in = intake_for(ds(), p);
    INFO(in.id);
    CHECK(in.kind == IntakeKind::ai);
    CHECK(in.servings_from_food == std::optional<bool>(false));
    CHECK(std::find(in.food_notices.begin(), in.food_notices.end(), "choking-nuts-seeds") !=
          in.food_notices.end());
  }
  Profile toddler;
  toddler.age_months = 30;
  const Intake& t = intake_for(ds(), toddler);
  CHECK(t.servings_from_food.value_or(true));
  CHECK(t.food_notices == std::vector<std::string>{"choking-nuts-seeds"});
  Profile four;
  four.age_months = 48;
  CHECK(intake_for(ds(), four).food_notices.empty());
}
