#pragma once
// The thin command-line layer: option parsing, dataset selection, output.
// Domain logic lives in the core library (include/mgcramp/).
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "mgcramp/intake.hpp"
#include "mgcramp/model.hpp"
#include "mgcramp/render.hpp"
#include "mgcramp/report.hpp"

namespace mgcramp::cli {

// Options accepted before or after the subcommand name.
struct GlobalOptions {
  std::optional<std::string> data;
  std::optional<std::string> format;
  bool json = false;
  std::string color = "auto";
};

// What a command needs at run time: the active dataset and the renderer.
class Context {
 public:
  explicit Context(const GlobalOptions& g) : global_(g) {}

  // --data FILE, else $MGCRAMP_DATA, else the embedded dataset. Loaded once.
  const Dataset& dataset();
  // Path of an explicitly chosen dataset, if any.
  std::optional<std::string> dataset_path() const;
  RenderOptions render_options() const;
  // --format as typed (commands with formats of their own read it), and --json.
  const std::optional<std::string>& format_option() const { return global_.format; }
  bool json_flag() const { return global_.json; }
  std::string render(const Report& r) const { return mgcramp::render(r, render_options()); }

 private:
  const GlobalOptions& global_;
  const Dataset* dataset_ = nullptr;
};

// A command's run function: returns the whole output for stdout.
using Run = std::function<std::string(Context&)>;

struct Command {
  const char* name;
  const char* summary;
  Run (*setup)(CLI::App& sub);
};

// Every subcommand, in the order `--help` lists them.
const std::vector<Command>& commands();

// Binds --age, --months, --sex, --pregnant and --lactating.
void add_profile_options(CLI::App& sub, ProfileInput& in);

// Command setups (one file each: src/cli/cmd_<name>.cpp).
Run setup_rda(CLI::App& sub);
Run setup_foods(CLI::App& sub);
Run setup_forms(CLI::App& sub);
Run setup_dose(CLI::App& sub);
Run setup_intake(CLI::App& sub);
Run setup_trials(CLI::App& sub);
Run setup_claims(CLI::App& sub);
Run setup_sources(CLI::App& sub);
Run setup_causes(CLI::App& sub);
Run setup_remedies(CLI::App& sub);
Run setup_symptoms(CLI::App& sub);
Run setup_interactions(CLI::App& sub);
Run setup_search(CLI::App& sub);
Run setup_show(CLI::App& sub);
Run setup_cite(CLI::App& sub);
Run setup_validate(CLI::App& sub);

}  // namespace mgcramp::cli
