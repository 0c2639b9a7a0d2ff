// mgcramp sources [ID]: who says what, who sells magnesium, and how their claims fare.
#include "cli.hpp"
#include "mgcramp/report/builders.hpp"

namespace mgcramp::cli {

Run setup_sources(CLI::App& sub) {
  auto id = std::make_shared<std::optional<std::string>>();
  sub.add_option("id", *id, help_text("An article: its claims; another source: in full"))
      ->type_name("ID")
      ->check(completes({{}, {Table::sources}}));
  sub.footer(paragraph("With an article's id, lists each claim it takes a stance on: the "
                       "stance, the verdict's rating, the article's standing (" +
                       text::join_or(enum_names<Standing>()) +
                       ") and whether it overstates the evidence. Any other source is shown in "
                       "full.") +
             R"(

Examples:
  mgcramp sources
  mgcramp sources art-healthline
  mgcramp sources nih-ods-magnesium
  mgcramp sources --json)");
  return [id](Context& ctx) {
    // A source shown in full lists the records of every table that cite it.
    const Dataset& ds = *id ? ctx.dataset()
                            : ctx.dataset(table_set(
                                  {Table::sources, Table::notices, Table::studies, Table::claims}));
    if (!*id) {
      Report r = sources_report(ds);
      r.note("Studies are listed by 'mgcramp trials --design all --all'.");
      r.note("'mgcramp sources ID' lists an article's claims with their standing.");
      return ctx.render(r);
    }
    const RecordRef ref = resolve_record(ds, **id, Table::sources);
    const Source& s = ds.sources.at(ref.index);
    if (s.kind != SourceKind::article) return ctx.render(show_report(ds, ref));
    Report r = article_report(ds, s);
    r.note("'mgcramp claims --source " + s.id + " --standing at-odds' lists in full the claims " +
           "on which it is at odds with the evidence.");
    return ctx.render(r);
  };
}

}  // namespace mgcramp::cli
