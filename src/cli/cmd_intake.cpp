// mgcramp intake: a day's magnesium from foods and supplements against RDA and UL.
#include "cli.hpp"
#include "mgcramp/report/builders.hpp"

namespace mgcramp::cli {

namespace {
struct IntakeOptions {
  std::vector<std::string> foods;
  std::vector<std::string> supplements;
  ProfileInput profile;
};
}  // namespace

Run setup_intake(CLI::App& sub) {
  auto o = std::make_shared<IntakeOptions>();
  sub.add_option("--food", o->foods,
                 help_text("FOOD[:SERVINGS], food id or name, or with a food database "
                           "fdc-ID or a description (repeatable)"))
      ->type_name("FOOD:N")
      ->check(completes({{}, {Table::foods}}));
  sub.add_option("--supplement", o->supplements, "FORM:MG, compound weight in mg (repeatable)")
      ->type_name("FORM:MG");
  add_profile_options(sub, o->profile);
  sub.footer(R"(Needs an age (and --sex where it matters). Warns when supplemental magnesium
exceeds the upper limit, which does not count magnesium in food.

Examples:
  mgcramp intake --food almonds:2 --food spinach:1 --supplement citrate:500 \
      --age 40 --sex f
  mgcramp intake --food "black beans" --age 9 --json
  mgcramp intake --food fdc-172475:2 --age 40 --sex f    # a food database food)");
  return [o](Context& ctx) {
    const Profile p = parse_profile(o->profile);
    if (o->foods.empty() && o->supplements.empty()) {
      throw UsageError("nothing to add up", "give --food NAME[:SERVINGS] or --supplement FORM:MG");
    }
    std::vector<FoodServing> foods;
    for (const auto& spec : o->foods) foods.push_back(parse_food(spec));
    const Dataset& ds = with_db_foods(ctx, foods);
    std::vector<SupplementDose> supplements;
    for (const auto& spec : o->supplements) supplements.push_back(parse_supplement(spec));
    return ctx.render(intake_report(ds, tally_intake(ds, p, foods, supplements), p));
  };
}

}  // namespace mgcramp::cli
