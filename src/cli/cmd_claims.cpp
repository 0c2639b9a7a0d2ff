// mgcramp claims: what the articles claim and what the evidence says.
#include "cli.hpp"
#include "mgcramp/report/builders.hpp"

namespace mgcramp::cli {

Run setup_claims(CLI::App& sub) {
  struct Options {
    std::optional<std::string> topic, source, rating;
  };
  auto o = std::make_shared<Options>();
  sub.add_option("--topic", o->topic, help_choices<ClaimTopic>())->type_name("T");
  sub.add_option("--source", o->source, "An article id (see 'mgcramp sources')")->type_name("ID");
  sub.add_option("--rating", o->rating, help_choices<Rating>())->type_name("R");
  sub.footer(R"(Examples:
  mgcramp claims --topic efficacy-pregnancy
  mgcramp claims --source art-healthline --rating not-supported
  mgcramp claims --json)");
  return [o](Context& ctx) {
    const Dataset& ds = ctx.dataset();
    ClaimQuery q;
    q.topic = parse_choice<ClaimTopic>("--topic", o->topic);
    q.source = o->source;
    q.rating = parse_choice<Rating>("--rating", o->rating);
    return ctx.render(for_option("--source", [&] { return claims_report(ds, q); }));
  };
}

}  // namespace mgcramp::cli
