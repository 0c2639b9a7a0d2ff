// mgcramp trials: the studies behind the question, filtered and summarised.
#include "cli.hpp"
#include "mgcramp/report/builders.hpp"

namespace mgcramp::cli {

namespace {
struct TrialsOptions {
  std::optional<std::string> population, form, design, intervention, result, since, min_n, outcome;
  std::string sort = "year";
  bool all = false;
  bool plot = false;
};
}  // namespace

Run setup_trials(CLI::App& sub) {
  auto o = std::make_shared<TrialsOptions>();
  add_population_option(sub, o->population);
  add_form_option(sub, o->form);
  sub.add_option("--design", o->design,
                 help_choices<Design>("; or trials (the default: rct, crossover-rct, n-of-1-rct), "
                                      "reviews (systematic-review, meta-analysis) or all"))
      ->type_name("D")
      ->check(completes<Design>(enum_names<DesignSet>()));
  add_intervention_option(sub, o->intervention);
  sub.add_option("--outcome", o->outcome,
                 help_choices<OutcomeMeasure>(" (the forest plot's; default: the one most "
                                              "studies report)"))
      ->type_name("M")
      ->check(completes<OutcomeMeasure>());
  sub.add_option("--result", o->result, help_choices<Conclusion>())
      ->type_name("R")
      ->check(completes<Conclusion>());
  sub.add_option("--since", o->since, "Only studies published in YEAR or later")->type_name("YEAR");
  sub.add_option("--min-n", o->min_n, "Only studies with at least N participants")->type_name("N");
  sub.add_option("--sort", o->sort, "year (oldest first, default) or n (largest first)")
      ->type_name("KEY")
      ->check(completes<TrialOrder>());
  sub.add_flag("--all", o->all, "Studies of every treatment (stretching, quinine, ...)");
  sub.add_flag("--plot", o->plot,
               help_text("Forest plot of one outcome, all rows on one axis, pooled (with "
                         "--format svg, as an SVG picture)"));
  sub.footer(R"(By default lists randomized trials (parallel, crossover) of magnesium, after
the pooled answer a review published for each population; --design picks
another design (reviews, all, meta-analysis, ...).

Examples:
  mgcramp trials --population pregnancy
  mgcramp trials --form oxide --sort n
  mgcramp trials --population idiopathic --plot
  mgcramp trials --population idiopathic --plot --format svg > forest.svg
  mgcramp trials --design reviews --json)");
  return [o](Context& ctx) {
    ctx.check_svg(o->plot);
    // Not the claims, causes, remedies, symptoms, interactions or foods.
    const Dataset& ds = ctx.dataset(
        table_set({Table::sources, Table::notices, Table::intakes, Table::forms, Table::studies}));
    TrialQuery q;
    q.population = parse_choice<Population>("--population", o->population);
    q.form = parse_study_form(ds, o->form);
    if (o->design) {
      const std::string d = text::to_lower(*o->design);
      if (const auto set = enum_from<DesignSet>(d)) {
        q.designs = *set;
      } else if (const auto one = enum_from<Design>(d)) {
        q.design = one;
      } else {
        std::vector<std::string> names = enum_names<Design>();
        for (const auto& n : enum_names<DesignSet>()) names.push_back(n);
        throw UsageError(
            "--design must be " + choices(names) + ", got '" + text::sanitize(*o->design) + "'",
            "for example --design reviews");
      }
    }
    q.intervention = parse_choice<InterventionKind>("--intervention", o->intervention);
    q.outcome = parse_choice<OutcomeMeasure>("--outcome", o->outcome);
    q.result = parse_choice<Conclusion>("--result", o->result);
    if (o->since) q.since = parse_year("--since", *o->since);
    if (o->min_n) q.min_n = static_cast<long long>(parse_count("--min-n", *o->min_n));
    q.sort = parse_choice<TrialOrder>("--sort", o->sort);
    q.all = o->all;
    return ctx.render(trials_report(ds, q, o->plot));
  };
}

}  // namespace mgcramp::cli
