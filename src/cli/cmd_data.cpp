// mgcramp data export: the active dataset (the embedded one, or --data FILE)
// as a dataset file, a template for one's own (MF8).
#include "cli.hpp"
#include "mgcramp/report/record_value.hpp"

namespace mgcramp::cli {

Run setup_data(CLI::App& sub) {
  auto action = std::make_shared<std::string>();
  sub.add_option("action", *action, "export: print the dataset as a dataset file (JSON)")
      ->type_name("ACTION")
      ->required();
  sub.footer(R"(Prints the dataset mgcramp answers from, every table and field, as JSON
that 'mgcramp --data FILE' and 'mgcramp validate FILE' read: a template for a
dataset of one's own ('mgcramp schema' documents its fields).

Examples:
  mgcramp data export > my.json
  mgcramp data export | mgcramp validate -)");
  return [action](Context& ctx) {
    if (*action != "export") {
      throw UsageError("data needs an action: export, got '" + text::sanitize(*action) + "'",
                       "for example 'mgcramp data export > my.json'");
    }
    const Format f = ctx.render_options().format;
    if (f != Format::table && f != Format::json) {
      throw UsageError("data export writes JSON only", "leave out --format");
    }
    return pretty_json(record_value(ctx.dataset()));  // every table
  };
}

}  // namespace mgcramp::cli
