// mgcramp sources: who says what, who sells magnesium, and how their claims fare.
#include "cli.hpp"
#include "mgcramp/report/builders.hpp"

namespace mgcramp::cli {

Run setup_sources(CLI::App& sub) {
  sub.footer(R"(Examples:
  mgcramp sources
  mgcramp sources --json)");
  return [](Context& ctx) {
    Report r = sources_report(ctx.dataset());
    r.note("Studies are listed by 'mgcramp trials --design all --all'.");
    return ctx.render(r);
  };
}

}  // namespace mgcramp::cli
