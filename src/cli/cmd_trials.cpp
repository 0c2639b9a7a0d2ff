// mgcramp trials: the studies behind the question, filtered and summarised.
#include "cli.hpp"
#include "mgcramp/report/builders.hpp"

namespace mgcramp::cli {

namespace {
struct TrialsOptions {
  std::optional<std::string> population, form, design, result, since, min_n;
  std::string sort = "year";
  bool all = false;
  bool plot = false;
};
}  // namespace

Run setup_trials(CLI::App& sub) {
  auto o = std::make_shared<TrialsOptions>();
  sub.add_option("--population", o->population, help_choices<Population>())->type_name("P");
  sub.add_option("--form", o->form, "Supplement form (see 'mgcramp forms'), or mixed")
      ->type_name("FORM");
  sub.add_option("--design", o->design, help_choices<Design>(", or all"))->type_name("D");
  sub.add_option("--result", o->result, help_choices<Conclusion>())->type_name("R");
  sub.add_option("--since", o->since, "Only studies published in YEAR or later")->type_name("YEAR");
  sub.add_option("--min-n", o->min_n, "Only studies with at least N participants")->type_name("N");
  sub.add_option("--sort", o->sort, "year (oldest first, default) or n (largest first)")
      ->type_name("KEY");
  sub.add_flag("--all", o->all, "Add studies of other treatments (stretching, quinine)");
  sub.add_flag("--plot", o->plot, "Text forest plot of studies with an effect and CI");
  sub.footer(R"(By default lists randomized trials (parallel, crossover) of magnesium;
--design picks another design (meta-analysis, systematic-review, ... or all).

Examples:
  mgcramp trials --population pregnancy
  mgcramp trials --form oxide --sort n
  mgcramp trials --design all --all --plot
  mgcramp trials --design meta-analysis --json)");
  return [o](Context& ctx) {
    const Dataset& ds = ctx.dataset();
    TrialQuery q;
    q.population = parse_choice<Population>("--population", o->population);
    if (o->form) {
      q.form = text::to_lower(*o->form) == "mixed" ? std::string("mixed")
                                                   : resolve_form(ds, *o->form).id;
    }
    if (o->design) {
      q.all_designs = text::to_lower(*o->design) == "all";
      if (!q.all_designs) {
        const auto d = enum_from<Design>(text::to_lower(*o->design));
        if (!d) {
          throw UsageError("--design must be " + choices(enum_names<Design>()) + ", all, got '" +
                               text::sanitize(*o->design) + "'",
                           "for example --design rct");
        }
        q.design = d;
      }
    }
    q.result = parse_choice<Conclusion>("--result", o->result);
    if (o->since) q.since = parse_year("--since", *o->since);
    if (o->min_n) q.min_n = static_cast<long long>(parse_count("--min-n", *o->min_n));
    q.sort = parse_choice<TrialOrder>("--sort", o->sort);
    q.all = o->all;
    return ctx.render(trials_report(ds, q, o->plot));
  };
}

}  // namespace mgcramp::cli
