// mgcramp show ID: one record of any table in full.
#include "cli.hpp"
#include "mgcramp/fooddb/view.hpp"
#include "mgcramp/query/records.hpp"
#include "mgcramp/report/builders.hpp"

namespace mgcramp::cli {

Run setup_show(CLI::App& sub) {
  struct Options {
    std::string id;
    std::optional<std::string> table;
  };
  auto o = std::make_shared<Options>();
  sub.add_option("id", o->id, "Id of a study, claim, source, food, form, ...")
      ->type_name("ID")
      ->required()
      ->check(completes({{}, all_tables()}));
  sub.add_option("--table", o->table, help_choices<Table>(" (when two tables use the same id)"))
      ->type_name("T")
      ->check(completes<Table>());
  sub.footer(R"(Shows every field, the records that refer to it (a study: the claims
and forms that cite it) and its sources.

Examples:
  mgcramp show garrison-2020
  mgcramp show claim-mg-prevents-night-cramps
  mgcramp show art-healthline --json
  mgcramp show fdc-172475              # a food of the food database)");
  return [o](Context& ctx) {
    std::optional<Table> table;
    if (o->table) table = parse_table("--table", *o->table);
    // fdc-ID: a food of the food database.
    if (fooddb::fdc_id_of(o->id) && (!table || *table == Table::foods)) {
      if (ctx.food_db() != nullptr) {
        std::vector<FoodServing> food{{o->id, 1, std::nullopt}};
        const Dataset& ds = with_db_foods(ctx, food);
        return ctx.render(show_report(ds, resolve_record(ds, food.front().food, Table::foods)));
      }
    }
    const Dataset& ds = ctx.dataset();
    try {
      return ctx.render(show_report(ds, resolve_record(ds, o->id, table)));
    } catch (const AmbiguousId& e) {
      throw UsageError(e.what(), "add --table " + text::join_or(e.tables()));
    }
  };
}

}  // namespace mgcramp::cli
