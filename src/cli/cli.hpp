#pragma once
// The thin command-line layer: options parsed into typed values
// (options.hpp), the dataset chosen, the core's report rendered. What the
// answers are is the core's (include/mgcramp/); this layer knows argv.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "mgcramp/fooddb/store.hpp"
#include "mgcramp/model/records.hpp"
#include "mgcramp/model/tables.hpp"
#include "mgcramp/render/render.hpp"
#include "mgcramp/report/report.hpp"
#include "options.hpp"

namespace mgcramp::cli {

// Options accepted before or after the subcommand name.
struct GlobalOptions {
  std::optional<std::string> data;
  std::vector<std::string> data_add;  // overlays, applied in order
  std::optional<std::string> food_db;
  std::optional<std::string> format;
  bool json = false;
  std::string color = "auto";
};

struct Command;

// What a command needs at run time: the active dataset and the renderer.
class Context {
 public:
  // `command`: the one being run, for the formats it takes (or none).
  explicit Context(const GlobalOptions& g, const Command* command = nullptr)
      : global_(g), command_(command) {}

  // --data FILE, else $MGCRAMP_DATA, else the embedded dataset, with the
  // records of each --data-add FILE on top. Loaded once. A file is read (and
  // validated) whole; of the embedded dataset only the tables in `tables`
  // are read (all of them under an overlay), the rest being empty: a
  // command that names the tables it uses is spared decoding the others.
  const Dataset& dataset(TableSet tables = every_table());
  // The dataset with more foods and sources (the food database's, as
  // records): a copy made when there are any, kept for the run.
  const Dataset& dataset_with(std::vector<Food> foods, std::vector<Source> sources,
                              TableSet tables = every_table());
  // Path of an explicitly chosen dataset, if any.
  std::optional<std::string> dataset_path() const;
  // The food database's path: --food-db FILE, else $MGCRAMP_FOOD_DB, else
  // (with `or_default`) default_food_db_path() when that file exists.
  std::optional<std::string> food_db_path(bool or_default = true) const;
  // The food database, opened on first use; null when none is named and the
  // default file does not exist. DataError when a named one is missing or
  // cannot be read.
  fooddb::Store* food_db();
  // The output format, colour and width; `citations`: the command also
  // takes --format bibtex and ris (as the command's own Command says).
  RenderOptions render_options(bool citations = false) const;
  // The report in the format asked; --format svg of a report without a
  // figure is a usage error naming what draws one.
  std::string render(const Report& r, bool citations = false) const;
  // --format svg draws a plot: a usage error, before any work, when this
  // query draws none; `add` names what would ("--plot").
  void check_svg(bool plots, const std::string& add = "--plot") const;
  // A data error reported after the command's output (validate --json
  // prints its verdict, then exits 1 with the error on stderr).
  void defer(const DataError& e) { deferred_ = e; }
  const std::optional<DataError>& deferred() const { return deferred_; }

 private:
  std::optional<DataError> deferred_;
  const GlobalOptions& global_;
  const Command* command_ = nullptr;
  const Dataset* dataset_ = nullptr;
  bool from_file_ = false;
  const Dataset* overlaid_ = nullptr;  // with the --data-add files
  // --data FILE, $MGCRAMP_DATA or the embedded dataset, without overlays.
  const Dataset& base_dataset(TableSet tables);
  std::unique_ptr<Dataset> augmented_;
  std::unique_ptr<fooddb::Store> food_db_;
  bool food_db_opened_ = false;
};

// $XDG_DATA_HOME/mgcramp/foods.sqlite (XDG_DATA_HOME absolute), else
// $HOME/.local/share/mgcramp/foods.sqlite; empty when neither is set.
std::string default_food_db_path();

// A command's run function: returns the whole output for stdout.
using Run = std::function<std::string(Context&)>;

struct Command {
  const char* name;
  const char* summary;
  Run (*setup)(CLI::App& sub);
  // It also takes --format bibtex and ris (Context::render_options).
  bool citations = false;
  // With --plot it draws a plot, and takes --format svg: a command line
  // that draws one, for hints ("mgcramp foods --plot --format svg > foods.svg").
  const char* plot_example = nullptr;
};

// Every subcommand, in the order `--help` lists them.
const std::vector<Command>& commands();

// The dataset for `intake` and `assess`: with a food database, the foods
// of `foods` it holds are added as records and their names become ids.
const Dataset& with_db_foods(Context& ctx, std::vector<FoodServing>& foods);

// Binds --age, --months, --sex, --pregnant and --lactating.
void add_profile_options(CLI::App& sub, ProfileInput& in);

// The filters of the evidence that trials and meta share: --population,
// --form (a form's id, or mixed) and --intervention, with their help and
// completions.
void add_population_option(CLI::App& sub, std::optional<std::string>& population);
void add_form_option(CLI::App& sub, std::optional<std::string>& form);
void add_intervention_option(CLI::App& sub, std::optional<std::string>& kind);
void add_intervention_option(CLI::App& sub, std::string& kind);

// The program's top level: its description, --version, the global options
// and the footer of `mgcramp --help`. run() and the interface description
// (interface.hpp: the man page, the completions) share it.
void setup_top(CLI::App& app, GlobalOptions& global);

// The values an option or argument takes, for the shell completions: these
// names, and the ids of the records of these tables in the dataset. Kept on
// the CLI11 option itself, as a validator that accepts every value and adds
// nothing to --help: opt->check(completes<Population>()).
struct Completes {
  std::vector<std::string> names;
  std::vector<Table> ids;
};
CLI::Validator completes(Completes values);
// Whether the options are being read for the man page or the completions:
// otherwise completes() gives an inactive validator and lists nothing, so
// that a query does not pay for naming every value (the instruction budget).
bool describing_interface();
void describing_interface(bool on);  // describe_interface() sets it
const CLI::Validator& no_completion();
template <class E>
CLI::Validator completes(std::vector<std::string> more = {}) {
  if (!describing_interface()) return no_completion();
  std::vector<std::string> names = enum_names<E>();
  names.insert(names.end(), more.begin(), more.end());
  return completes(Completes{std::move(names), {}});
}
// What completes() gave `o`, if anything.
std::optional<Completes> completes_of(CLI::Option& o);

// Parses argv, runs the command and writes its output; throws UsageError
// and DataError for main to report. Returns the exit status.
int run(int argc, char** argv);

// One line on stderr for an error, escaped and cut to a sane length.
// `json`: as one JSON object instead (the command line asked for --json or
// --format json), {"error": {"status", "kind", "message", "hint", and for a
// data error its "file", "pointer", "line", "column" where known}}.
void report_error(const Error& e, int status, bool json);

// Whether argv asks for JSON output (--json, --format json), before any "--".
bool wants_json(int argc, char** argv);

// Command setups (one file each: src/cli/cmd_<name>.cpp).
Run setup_assess(CLI::App& sub);
Run setup_rda(CLI::App& sub);
Run setup_foods(CLI::App& sub);
Run setup_import(CLI::App& sub);
Run setup_forms(CLI::App& sub);
Run setup_dose(CLI::App& sub);
Run setup_intake(CLI::App& sub);
Run setup_trials(CLI::App& sub);
Run setup_meta(CLI::App& sub);
Run setup_claims(CLI::App& sub);
Run setup_check(CLI::App& sub);
Run setup_sources(CLI::App& sub);
Run setup_causes(CLI::App& sub);
Run setup_remedies(CLI::App& sub);
Run setup_symptoms(CLI::App& sub);
Run setup_interactions(CLI::App& sub);
Run setup_search(CLI::App& sub);
Run setup_show(CLI::App& sub);
Run setup_cite(CLI::App& sub);
Run setup_validate(CLI::App& sub);
Run setup_schema(CLI::App& sub);
Run setup_data(CLI::App& sub);
Run setup_completion(CLI::App& sub);

}  // namespace mgcramp::cli
