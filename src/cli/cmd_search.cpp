// mgcramp search TEXT: ranked matches across every table.
#include "cli.hpp"
#include "mgcramp/report/builders.hpp"

namespace mgcramp::cli {

Run setup_search(CLI::App& sub) {
  struct Options {
    std::vector<std::string> words;
    std::optional<std::string> table, limit;
  };
  auto o = std::make_shared<Options>();
  sub.add_option("text", o->words, "Words to look for (all must match, any case)")
      ->type_name("TEXT");
  sub.add_option("--table", o->table,
                 help_text("Only this table: " + text::join_or(enum_names<Table>())))
      ->type_name("T")
      ->check(completes<Table>());
  sub.add_option("--limit", o->limit, "Show at most N matches, 1 to 50 (default 20)")
      ->type_name("N");
  sub.footer(R"(Looks in every field of every record: names and titles rank above long text.

Examples:
  mgcramp search oxide
  mgcramp search leg cramps pregnancy --table studies
  mgcramp search quinine --json)");
  return [o](Context& ctx) {
    std::string text;
    for (const auto& w : o->words) text += (text.empty() ? "" : " ") + w;
    const SearchQuery q = parse_search(text, o->table, o->limit);
    // Every table but the cues, unless --table names one.
    TableSet tables = every_table();
    if (!q.table) tables.reset(static_cast<std::size_t>(Table::cues));
    Report r = search_report(ctx.dataset(tables), q);
    if (!r.notes.empty() && r.notes.front().text.rfind("Showing the best", 0) == 0) {
      r.notes.front().text.pop_back();
      r.notes.front().text += "; --limit N shows more.";
    }
    return ctx.render(r);
  };
}

}  // namespace mgcramp::cli
