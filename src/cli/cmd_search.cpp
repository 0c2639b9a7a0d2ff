// mgcramp search TEXT: ranked matches across every table.
#include <algorithm>
#include "cli.hpp"

#include "mgcramp/fooddb/view.hpp"
#include "mgcramp/report/builders.hpp"

namespace mgcramp::cli {

namespace {
// With a food database, its best matches join the foods searched.
const Dataset& search_dataset(Context& ctx, const SearchQuery& q) {
  // Every table but the cues, unless --table names one.
  TableSet tables = every_table();
  if (!q.table) tables.reset(static_cast<std::size_t>(Table::cues));
  fooddb::Store* db = q.table && *q.table != Table::foods ? nullptr : ctx.food_db();
  if (db == nullptr) return ctx.dataset(tables);
  std::vector<Food> foods;
  std::vector<Source> sources;
  const Dataset& base = ctx.dataset(tables);
  for (const fooddb::DbFood& f : db->search(q.text, q.limit)) {
    if (fooddb::curated_counterpart(base, f) != nullptr)
      continue;  // the curated food stands for it
    foods.push_back(fooddb::as_food(f, db->info()));
    Source s = fooddb::source_record(f.data_type, db->info());
    if (std::none_of(sources.begin(), sources.end(), [&](const Source& x) { return x.id == s.id; }))
      sources.push_back(std::move(s));
  }
  return ctx.dataset_with(std::move(foods), std::move(sources));
}
}  // namespace

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
  sub.add_option("--limit,--top", o->limit, "Show at most N matches, 1 to 50 (default 20)")
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
    Report r = search_report(search_dataset(ctx, q), q);
    if (!r.notes.empty() && r.notes.front().text.rfind("Showing the best", 0) == 0) {
      r.notes.front().text.pop_back();
      r.notes.front().text += "; --limit N shows more.";
    }
    return ctx.render(r);
  };
}

}  // namespace mgcramp::cli
