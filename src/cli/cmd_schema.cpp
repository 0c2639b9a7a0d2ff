// mgcramp schema [NAME]: the dataset's documentation (data/SCHEMA.md), built
// into the program, whole or one record type's section (UX22).
#include "cli.hpp"
#include "mgcramp/io/embedded.hpp"

namespace mgcramp::cli {

Run setup_schema(CLI::App& sub) {
  auto name = std::make_shared<std::optional<std::string>>();
  sub.add_option("name", *name, "A record type or table: study, studies, cue, red flag...")
      ->type_name("NAME");
  sub.footer(R"(Prints data/SCHEMA.md as Markdown: every table, field and rule of the
dataset, so that a file for --data can be written without the source tree.

Examples:
  mgcramp schema
  mgcramp schema study
  mgcramp schema "cue patterns")");
  return [name](Context& ctx) {
    const std::string_view doc = schema_document();
    std::string_view text = doc;
    if (*name) {
      text = schema_section(doc, **name);
      if (text.empty()) {
        throw UsageError("no section of the schema is about '" + text::sanitize(**name) + "'",
                         "'mgcramp schema' prints it whole; a table or record type names a "
                         "section, e.g. 'mgcramp schema study'");
      }
    }
    const Format f = ctx.render_options().format;
    if (f == Format::json || f == Format::csv) {
      Report r;
      r.title = "Dataset schema";
      r.single_object = true;
      r.query.add("name", *name ? Value(**name) : Value());
      r.columns = {{"name", "Name"}, {"text", "Text"}};
      r.add_cells(*name ? Value(**name) : Value(), std::string(text));
      return ctx.render(r);
    }
    return text::sanitize_lines(text);
  };
}

}  // namespace mgcramp::cli
