// mgcramp claims: what the articles claim and what the evidence says.
#include "cli.hpp"
#include "mgcramp/report/builders.hpp"

namespace mgcramp::cli {

Run setup_claims(CLI::App& sub) {
  struct Options {
    std::vector<std::string> topics, ratings, standings;
    std::optional<std::string> source;
    bool full = false;
  };
  auto o = std::make_shared<Options>();
  sub.add_option("--topic", o->topics, help_choices<ClaimTopic>(" (repeatable)"))
      ->type_name("T")
      ->check(completes<ClaimTopic>());
  sub.add_option("--source", o->source,
                 help_text("An article: its id, or its publisher's name (see 'mgcramp "
                           "sources')"))
      ->type_name("ID")
      ->check(completes({{}, {Table::sources}}));
  sub.add_option(
         "--rating", o->ratings,
         help_text("The claim's verdict: " + text::join_or(enum_names<Rating>()) + " (repeatable)"))
      ->type_name("R")
      ->check(completes<Rating>());
  sub.add_option("--standing", o->standings,
                 help_text("The --source article's standing on the claim: " +
                           text::join_or(enum_names<Standing>())))
      ->type_name("S")
      ->check(completes<Standing>());
  sub.add_flag("--full", o->full, help_text("md and csv: every field, not one row per claim"));
  sub.footer(paragraph("--rating filters by the verdict of the evidence on the claim; "
                       "--standing by the article's standing against that verdict (" +
                       text::join_or(enum_names<Standing>()) +
                       ", as 'mgcramp sources' explains). --format md and csv give one row "
                       "per claim, each article's stance in a column of its own; --full gives "
                       "every field.") +
             R"(

Examples:
  mgcramp claims --topic efficacy-pregnancy
  mgcramp claims --source healthline --standing at-odds
  mgcramp claims --rating supported --rating partly-supported
  mgcramp claims --rating not-supported --format md
  mgcramp claims --json)");
  return [o](Context& ctx) {
    const Dataset& ds =
        ctx.dataset(table_set({Table::sources, Table::notices, Table::studies, Table::claims}));
    ClaimQuery q;
    for (const auto& t : o->topics) q.topics.push_back(parse_choice<ClaimTopic>("--topic", t));
    if (o->source) {
      q.source = for_option("--source", [&] { return resolve_article(ds, *o->source); });
    }
    for (const auto& r : o->ratings) q.ratings.push_back(parse_choice<Rating>("--rating", r));
    for (const auto& s : o->standings)
      q.standings.push_back(parse_choice<Standing>("--standing", s));
    if (!q.standings.empty() && !q.source) {
      throw UsageError("--standing needs --source: it is an article's standing on a claim",
                       "for example --source art-healthline --standing at-odds");
    }
    const Format format = ctx.render_options().format;
    const bool compact = (format == Format::md || format == Format::csv) && !o->full;
    Report r = for_option(
        "--source", [&] { return compact ? claims_table_report(ds, q) : claims_report(ds, q); });
    if (compact) {
      r.note(
          "Every field of each claim (the verdict's summary, each stance's locator and "
          "standing): --json, or --full.");
    }
    return ctx.render(r);
  };
}

}  // namespace mgcramp::cli
