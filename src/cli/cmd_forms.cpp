// mgcramp forms [NAME]: supplement forms side by side, or one in full.
#include "cli.hpp"
#include "mgcramp/report/builders.hpp"

namespace mgcramp::cli {

Run setup_forms(CLI::App& sub) {
  auto name = std::make_shared<std::optional<std::string>>();
  sub.add_option("name", *name, "A form's id, name or alias (e.g. citrate, bisglycinate)")
      ->type_name("NAME")
      ->check(completes({{}, {Table::forms}}));
  sub.footer(R"(Examples:
  mgcramp forms
  mgcramp forms glycinate
  mgcramp forms oxide --json)");
  return [name](Context& ctx) {
    const Dataset& ds = ctx.dataset();
    if (*name) return ctx.render(form_report(ds, resolve_form(ds, **name)));
    return ctx.render(forms_report(ds));
  };
}

}  // namespace mgcramp::cli
