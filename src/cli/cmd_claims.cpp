// mgcramp claims: what the articles claim and what the evidence says.
#include "cli.hpp"
#include "mgcramp/reports.hpp"

namespace mgcramp::cli {

Run setup_claims(CLI::App& sub) {
  struct Options {
    std::optional<std::string> topic, source, rating;
  };
  auto o = std::make_shared<Options>();
  sub.add_option("--topic", o->topic, "efficacy-night-cramps, efficacy-pregnancy, forms, ...")
      ->type_name("T");
  sub.add_option("--source", o->source, "An article id (see 'mgcramp sources')")->type_name("ID");
  sub.add_option("--rating", o->rating,
                 "supported, partly-supported, mixed, not-supported,\ncontradicted or insufficient")
      ->type_name("R");
  sub.footer(R"(Examples:
  mgcramp claims --topic efficacy-pregnancy
  mgcramp claims --source art-healthline --rating not-supported
  mgcramp claims --json)");
  return [o](Context& ctx) {
    const Dataset& ds = ctx.dataset();
    return ctx.render(claims_report(ds, o->topic, o->source, o->rating));
  };
}

}  // namespace mgcramp::cli
