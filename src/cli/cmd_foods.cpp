// mgcramp foods: foods ranked by magnesium.
#include "cli.hpp"
#include "mgcramp/report/builders.hpp"

namespace mgcramp::cli {

namespace {
struct FoodsOptions {
  std::string top = "10";
  std::string per = "serving";
  std::optional<std::string> category;
  std::optional<std::string> search;
  bool plot = false;
  ProfileInput profile;
};
}  // namespace

Run setup_foods(CLI::App& sub) {
  auto o = std::make_shared<FoodsOptions>();
  sub.add_option("--top", o->top, "How many foods to show (default 10)")->type_name("N");
  sub.add_option("--per", o->per, "Ranking basis: " + text::join_or(enum_names<Basis>()))
      ->type_name("BASIS")
      ->check(completes<Basis>());
  sub.add_option("--category", o->category, help_choices<FoodCategory>())
      ->type_name("C")
      ->check(completes<FoodCategory>());
  sub.add_option("--search", o->search, "Only foods whose name contains TEXT")->type_name("TEXT");
  sub.add_flag("--plot", o->plot, "Draw a bar chart instead of the table");
  add_profile_options(sub, o->profile);
  sub.footer(R"(With a profile (--age/--months, --sex, --pregnant, --lactating, as for rda)
adds each serving's share of that person's RDA and the servings needed to
reach it. Figures follow USDA SR Legacy; %DV uses the FDA Daily Value.

Examples:
  mgcramp foods --top 5
  mgcramp foods --per 100kcal --category vegetables
  mgcramp foods --search beans --age 40 --sex f
  mgcramp foods --top 15 --plot)");
  return [o](Context& ctx) {
    const Dataset& ds = ctx.dataset();
    FoodQuery q;
    q.top = parse_count("--top", o->top);
    q.basis = parse_choice<Basis>("--per", o->per);
    q.category = parse_choice<FoodCategory>("--category", o->category);
    if (o->search) q.search = parse_search_text("--search", *o->search);
    return ctx.render(foods_report(ds, q, parse_profile(o->profile), o->plot));
  };
}

}  // namespace mgcramp::cli
