// mgcramp foods: foods ranked by magnesium.
#include "cli.hpp"
#include "mgcramp/fooddb/view.hpp"
#include "mgcramp/report/builders.hpp"

namespace mgcramp::cli {

namespace {
struct FoodsOptions {
  std::string top = "10";
  std::string per = "serving";
  std::optional<std::string> category;
  std::optional<std::string> search;
  std::optional<std::string> data_type;
  bool plot = false;
  ProfileInput profile;
};
}  // namespace

Run setup_foods(CLI::App& sub) {
  auto o = std::make_shared<FoodsOptions>();
  sub.add_option("--top,--limit", o->top, "How many foods to show (default 10)")->type_name("N");
  sub.add_option("--per", o->per, "Ranking basis: " + text::join_or(enum_names<Basis>()))
      ->type_name("BASIS")
      ->check(completes<Basis>());
  sub.add_option("--category", o->category,
                 help_choices<FoodCategory>(", or with a food database a part of USDA's category"))
      ->type_name("C")
      ->check(completes<FoodCategory>());
  sub.add_option("--search", o->search,
                 help_text("Only foods whose name contains TEXT (with a food database, "
                           "its foods whose description or brand has the words)"))
      ->type_name("TEXT");
  sub.add_option("--data-type", o->data_type,
                 help_choices<fooddb::FoodOrigin>(" (all but curated need a food database)"))
      ->type_name("T")
      ->check(completes<fooddb::FoodOrigin>());
  sub.add_flag("--plot", o->plot,
               help_text("Draw a bar chart instead of the table (with --format svg, as an SVG "
                         "picture)"));
  add_profile_options(sub, o->profile);
  sub.footer(R"(With a profile (--age/--months, --sex, --pregnant, --lactating, as for rda)
adds each serving's share of that person's RDA and the servings needed to
reach it. Figures follow USDA SR Legacy; %DV uses the FDA Daily Value. With a
food database (mgcramp import fdc; --food-db FILE) every USDA food is ranked
beside the curated ones.

Examples:
  mgcramp foods --top 5
  mgcramp foods --per 100kcal --category vegetables
  mgcramp foods --search beans --age 40 --sex f
  mgcramp foods --top 15 --plot
  mgcramp foods --top 10 --plot --format svg > foods.svg
  mgcramp foods --per 100kcal --data-type foundation --top 20
  mgcramp foods --search "sunflower seeds" --per serving)");
  return [o](Context& ctx) {
    ctx.check_svg(o->plot);
    fooddb::FoodsQuery fq;
    FoodQuery& q = fq.base;
    q.top = parse_count("--top", o->top);
    q.basis = parse_choice<Basis>("--per", o->per);
    if (o->search) q.search = parse_search_text("--search", *o->search);
    fq.origin = parse_choice<fooddb::FoodOrigin>("--data-type", o->data_type);
    const Profile profile = parse_profile(o->profile);
    fooddb::Store* db = ctx.food_db();
    if (o->category && !fooddb::set_category(fq, *o->category, db != nullptr)) {
      q.category = parse_choice<FoodCategory>("--category", *o->category);  // says what they are
    }
    fooddb::check_origin(fq, "--data-type", db != nullptr);
    fooddb::DbRows rows;
    if (db != nullptr) rows = fooddb::foods_from_db(ctx.dataset(), *db, fq);
    const Dataset& ds = ctx.dataset_with(std::move(rows.foods), std::move(rows.sources));
    Report r = foods_report(ds, q, fooddb::rank_with_db(ds, fq), profile, o->plot,
                            db != nullptr ? &rows : nullptr);
    r.query.add("data_type", fq.origin);
    r.query.add("usda_category", fq.usda_category);
    return ctx.render(r);
  };
}

}  // namespace mgcramp::cli
