// mgcramp assess: what the evidence says for one person.
#include "cli.hpp"
#include "mgcramp/query/assess.hpp"
#include "mgcramp/report/builders.hpp"

namespace mgcramp::cli {

namespace {
struct AssessOptions {
  ProfileInput profile;
  std::optional<std::string> cramps;
  std::vector<std::string> meds, conditions, foods, supplements;
};
}  // namespace

Run setup_assess(CLI::App& sub) {
  auto o = std::make_shared<AssessOptions>();
  add_profile_options(sub, o->profile);
  sub.add_option("--cramps", o->cramps, help_choices<CrampKind>())
      ->type_name("KIND")
      ->check(completes<CrampKind>());
  sub.add_option("--med", o->meds, "a medicine, generic or brand name, any case (repeatable)")
      ->type_name("NAME");
  sub.add_option("--condition", o->conditions,
                 "a medical condition: CKD, diabetes, alcohol use, celiac... (repeatable)")
      ->type_name("NAME");
  sub.add_option("--food", o->foods, "FOOD[:SERVINGS] eaten today, as intake takes it")
      ->type_name("FOOD:N")
      ->check(completes({{}, {Table::foods}}));
  sub.add_option("--supplement", o->supplements, "FORM:MG taken today, compound mg")
      ->type_name("FORM:MG");
  sub.footer(R"(Needs an age (and --sex where it matters). Answers in sections: the evidence
for these cramps, needs and limits, why magnesium might be low, safety, when to
see a clinician, and what else has evidence. It reports evidence and attributes
advice to its sources; it never prescribes. The medicines and conditions it
knows: mgcramp search TEXT --table medicines (or conditions). --format csv
gives one row per point: section, level (info or caution) and text.

Examples:
  mgcramp assess --age 68 --sex m --cramps night --med omeprazole --med Lasix
  mgcramp assess --age 32 --sex f --pregnant
  mgcramp assess --age 55 --sex m --condition CKD --supplement oxide:500 --json)");
  return [o](Context& ctx) {
    std::vector<FoodServing> foods;
    for (const auto& spec : o->foods) foods.push_back(parse_food(spec));
    const Dataset& ds = with_db_foods(ctx, foods);
    AssessQuery q;
    q.profile = parse_profile(o->profile);
    q.cramps = parse_choice<CrampKind>("--cramps", o->cramps);
    for (const auto& m : o->meds) q.medicines.push_back(&resolve_medicine(ds, m, "--med"));
    for (const auto& c : o->conditions)
      q.conditions.push_back(&resolve_condition(ds, c, "--condition"));
    q.foods = std::move(foods);
    for (const auto& spec : o->supplements) q.supplements.push_back(parse_supplement(spec));
    const bool csv = ctx.render_options().format == Format::csv;
    return ctx.render(assess_report(ds, q, csv ? AssessShape::points : AssessShape::sections));
  };
}

}  // namespace mgcramp::cli
