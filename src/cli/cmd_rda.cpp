// mgcramp rda: recommended daily magnesium by life stage.
#include "cli.hpp"
#include "mgcramp/report/builders.hpp"

namespace mgcramp::cli {

Run setup_rda(CLI::App& sub) {
  auto in = std::make_shared<ProfileInput>();
  add_profile_options(sub, *in);
  sub.footer(R"(Without options, lists every life stage. When the answer depends on sex and
--sex is not given, both are shown (JSON: an array of two objects; otherwise
one object).

Examples:
  mgcramp rda --age 25 --sex f --pregnant
  mgcramp rda --months 8
  mgcramp rda --age 70 --json
  mgcramp rda --format md)");
  return [in](Context& ctx) {
    const Profile p = parse_profile(*in);
    return ctx.render(rda_report(ctx.dataset(), p));
  };
}

}  // namespace mgcramp::cli
