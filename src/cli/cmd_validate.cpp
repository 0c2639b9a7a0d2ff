// mgcramp validate [FILE]: check a dataset and count its records.
#include <fmt/format.h>

#include "cli.hpp"
#include "mgcramp/io/load.hpp"
#include "mgcramp/report/builders.hpp"

namespace mgcramp::cli {

Run setup_validate(CLI::App& sub) {
  auto file = std::make_shared<std::optional<std::string>>();
  sub.add_option("file", *file, "Dataset to check (default: the active dataset)")
      ->type_name("FILE");
  sub.footer(R"(Exit status 0 when the dataset is valid, 1 when it is not (the error names
the file and the line:column or JSON Pointer of the problem).

Examples:
  mgcramp validate
  mgcramp validate mydata.json
  MGCRAMP_DATA=mydata.json mgcramp validate)");
  return [file](Context& ctx) {
    // With --json the verdict is the answer either way: {file, valid: false,
    // error} on stdout for an invalid file, then exit 1 (IN13).
    const bool json = ctx.render_options().format == Format::json;
    try {
      if (*file) return ctx.render(validate_report(load_dataset_file(**file)));
      return ctx.render(validate_report(ctx.dataset()));
    } catch (const DataError& e) {
      if (!json) throw;
      ctx.defer(e);
      // The file the error is in: the one named, or the active dataset's,
      // or one of the overlays on it.
      std::optional<std::string> path = *file ? *file : ctx.dataset_path();
      if (!*file && e.where() != nullptr && !e.where()->file.empty()) path = e.where()->file;
      return ctx.render(invalid_report(path ? (*path == "-" ? "standard input" : *path) : "", e));
    }
  };
}

}  // namespace mgcramp::cli
