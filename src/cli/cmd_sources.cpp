// mgcramp sources: who says what, who sells magnesium, and how their claims fare.
#include "cli.hpp"
#include "mgcramp/reports.hpp"

namespace mgcramp::cli {

Run setup_sources(CLI::App& sub) {
  sub.footer(R"(Examples:
  mgcramp sources
  mgcramp sources --json)");
  return [](Context& ctx) { return ctx.render(sources_report(ctx.dataset())); };
}

}  // namespace mgcramp::cli
