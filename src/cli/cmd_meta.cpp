// mgcramp meta: one outcome pooled across the trials that report it.
#include "cli.hpp"
#include "mgcramp/report/builders.hpp"

namespace mgcramp::cli {

namespace {
struct MetaOptions {
  std::optional<std::string> outcome, population, form, risk_of_bias;
  std::string intervention = "magnesium", model = "random", tau2 = "reml";
  std::vector<std::string> exclude;
  bool exclude_industry = false, hksj = false, plot = false;
};
}  // namespace

Run setup_meta(CLI::App& sub) {
  auto o = std::make_shared<MetaOptions>();
  sub.add_option("--outcome", o->outcome, help_choices<OutcomeMeasure>())
      ->type_name("M")
      ->check(completes<OutcomeMeasure>());
  add_population_option(sub, o->population);
  add_form_option(sub, o->form);
  add_intervention_option(sub, o->intervention);
  sub.add_option("--risk-of-bias", o->risk_of_bias,
                 help_choices<RiskOfBias>(": only studies a review judged so"))
      ->type_name("R")
      ->check(completes<RiskOfBias>());
  sub.add_flag("--exclude-industry", o->exclude_industry, "Leave out industry-funded studies");
  sub.add_option("--exclude", o->exclude, "Leave out this study (repeatable)")
      ->type_name("ID")
      ->check(completes({{}, {Table::studies}}));
  sub.add_option("--model", o->model, "random (default) or fixed")
      ->type_name("MODEL")
      ->check(completes<MetaModel>());
  sub.add_option("--tau2", o->tau2, "reml (default) or dl (DerSimonian-Laird)")
      ->type_name("METHOD")
      ->check(completes<Tau2Estimator>());
  sub.add_flag("--hksj", o->hksj, "Hartung-Knapp-Sidik-Jonkman confidence interval");
  sub.add_flag("--plot", o->plot,
               help_text("Forest plot: studies, pooled diamond, published estimates (with "
                         "--format svg, as an SVG picture)"));
  sub.footer(R"(Without --outcome, lists the outcomes studies report. Effects are magnesium
minus control (ratios: magnesium / control); ratios are pooled on the log scale.

Examples:
  mgcramp meta
  mgcramp meta --outcome cramps-per-week --population idiopathic --plot
  mgcramp meta --outcome cramp-free --plot --format svg > forest.svg
  mgcramp meta --outcome responders --population pregnancy --model fixed
  mgcramp meta --outcome cramps-per-week --population idiopathic --hksj --json)");
  return [o](Context& ctx) {
    // The plot is one outcome's: both are needed.
    ctx.check_svg(o->outcome && o->plot, !o->outcome && !o->plot ? "--outcome M and --plot"
                                         : !o->outcome           ? "--outcome M"
                                                                 : "--plot");
    const Dataset& ds = ctx.dataset();
    const auto kind = parse_choice<InterventionKind>("--intervention", o->intervention);
    if (!o->outcome) return ctx.render(meta_outcomes_report(ds, kind));
    MetaQuery q;
    q.outcome = parse_choice<OutcomeMeasure>("--outcome", *o->outcome);
    q.population = parse_choice<Population>("--population", o->population);
    q.form = parse_study_form(ds, o->form);
    q.intervention = kind;
    q.risk_of_bias = parse_choice<RiskOfBias>("--risk-of-bias", o->risk_of_bias);
    q.exclude_industry = o->exclude_industry;
    for (const auto& id : o->exclude) {
      q.exclude.push_back(for_option(
          "--exclude", [&] { return record_id(ds, resolve_record(ds, id, Table::studies)); }));
    }
    q.model = parse_choice<MetaModel>("--model", o->model);
    q.tau2 = parse_choice<Tau2Estimator>("--tau2", o->tau2);
    q.hksj = o->hksj;
    return ctx.render(meta_report(ds, q, o->plot));
  };
}

}  // namespace mgcramp::cli
