// mgcramp show ID: one record of any table in full.
#include "cli.hpp"
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
  sub.add_option("--table", o->table, "The table, when two tables use the same id")
      ->type_name("T")
      ->check(completes<Table>());
  sub.footer(R"(Shows every field, the records that refer to it (a study: the claims
and forms that cite it) and its sources.

Examples:
  mgcramp show garrison-2020
  mgcramp show claim-mg-prevents-night-cramps
  mgcramp show art-healthline --json)");
  return [o](Context& ctx) {
    const Dataset& ds = ctx.dataset();
    std::optional<Table> table;
    if (o->table) table = parse_table("--table", *o->table);
    try {
      return ctx.render(show_report(ds, resolve_record(ds, o->id, table)));
    } catch (const AmbiguousId& e) {
      throw UsageError(e.what(), "add --table " + text::join_or(e.tables()));
    }
  };
}

}  // namespace mgcramp::cli
