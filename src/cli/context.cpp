#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>

#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

#include "cli.hpp"
#include "mgcramp/error.hpp"
#include "mgcramp/fooddb/view.hpp"
#include "mgcramp/io/embedded.hpp"
#include "mgcramp/io/load.hpp"
#include "mgcramp/text.hpp"

namespace mgcramp::cli {
namespace {

bool env_set(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0';
}

// 80 columns, or the terminal's width when stdout is one (UX3): its size as
// the kernel reports it, else $COLUMNS; kept between 40 and 200 so that a
// table stays readable. A pipe or a file always gets 80, so output that
// scripts and tests read does not depend on the window.
std::size_t terminal_width() {
  if (::isatty(STDOUT_FILENO) != 1) return 80;
  std::size_t cols = 0;
  struct winsize ws {};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) cols = ws.ws_col;
  if (cols == 0) {
    if (const char* c = std::getenv("COLUMNS"); c != nullptr) cols = std::strtoul(c, nullptr, 10);
  }
  if (cols == 0) return 80;
  return std::clamp<std::size_t>(cols, 40, 200);
}

}  // namespace

std::optional<std::string> Context::dataset_path() const {
  if (global_.data) return global_.data;
  if (env_set("MGCRAMP_DATA")) return std::string(std::getenv("MGCRAMP_DATA"));
  return std::nullopt;
}

std::string default_food_db_path() {
  const char* xdg = std::getenv("XDG_DATA_HOME");
  if (xdg != nullptr && xdg[0] == '/') return std::string(xdg) + "/mgcramp/foods.sqlite";
  const char* home = std::getenv("HOME");
  if (home != nullptr && *home != '\0')
    return std::string(home) + "/.local/share/mgcramp/foods.sqlite";
  return {};
}

std::optional<std::string> Context::food_db_path(bool or_default) const {
  if (global_.food_db) return global_.food_db;
  if (env_set("MGCRAMP_FOOD_DB")) return std::string(std::getenv("MGCRAMP_FOOD_DB"));
  if (!or_default) return std::nullopt;
  const std::string d = default_food_db_path();
  if (!d.empty() && ::access(d.c_str(), F_OK) == 0) return d;
  return std::nullopt;
}

fooddb::Store* Context::food_db() {
  if (!food_db_opened_) {
    food_db_opened_ = true;
    if (const auto path = food_db_path()) food_db_ = std::make_unique<fooddb::Store>(*path);
  }
  return food_db_.get();
}

const Dataset& Context::dataset(TableSet tables) {
  if (global_.data_add.empty()) return base_dataset(tables);
  if (overlaid_ == nullptr) {
    const auto base = dataset_path();
    const auto stdin_reads = std::count(global_.data_add.begin(), global_.data_add.end(), "-") +
                             (base && *base == "-" ? 1 : 0);
    if (stdin_reads > 1) {
      throw UsageError("standard input ('-') can be read only once",
                       "give at most one of --data and --data-add as '-', the others as files");
    }
    // Overlays (--data-add, MF8) extend the whole dataset, every table of
    // it, each file's records on top of the last. The result is kept for
    // the life of the process, as a dataset file is (in a static, so that
    // LeakSanitizer sees it held; each step frees the one before).
    static std::unique_ptr<const Dataset> kept;
    const Dataset* ds = &base_dataset(every_table());
    for (const auto& path : global_.data_add) {
      auto next = std::make_unique<const Dataset>(load_overlay_file(*ds, path));
      kept = std::move(next);
      ds = kept.get();
    }
    overlaid_ = ds;
  }
  return *overlaid_;
}

const Dataset& Context::base_dataset(TableSet tables) {
  if (dataset_ == nullptr || !from_file_) {
    if (const auto path = dataset_path()) {
      // Kept for the life of the process, as the embedded dataset is: a
      // large file's records are not worth freeing one by one at exit.
      static const Dataset* file = nullptr;
      try {
        file = new Dataset(load_dataset_file(*path));
      } catch (const DataError& e) {
        // A file named by the environment: say so, for whoever forgot it.
        if (global_.data) throw;
        throw DataError(std::string(e.what()) + " (the file MGCRAMP_DATA names)",
                        e.hint() + "; unset MGCRAMP_DATA to use the embedded dataset");
      }
      dataset_ = file;
      from_file_ = true;
    } else {
      dataset_ = &embedded_dataset(tables);
    }
  }
  return *dataset_;
}

const Dataset& Context::dataset_with(std::vector<Food> foods, std::vector<Source> sources,
                                     TableSet tables) {
  const Dataset& base = dataset(tables);
  if (foods.empty() && sources.empty()) return base;
  augmented_ = std::make_unique<Dataset>(base);
  for (auto& f : foods) augmented_->foods.push_back(std::move(f));
  for (auto& s : sources) augmented_->sources.push_back(std::move(s));
  return *augmented_;
}

RenderOptions Context::render_options(bool citations) const {
  RenderOptions o;
  const bool cites = citations || (command_ != nullptr && command_->citations);
  const bool plots = command_ != nullptr && command_->plot_example != nullptr;
  o.format = parse_format(global_.format, global_.json, cites, plots);
  switch (parse_choice<ColorMode>("--color", global_.color)) {
    // An explicit --color always wins over NO_COLOR and TERM=dumb, as
    // no-color.org asks of a command-line flag (IN10).
    case ColorMode::always: o.color = true; break;
    case ColorMode::never: o.color = false; break;
    case ColorMode::automatic: {
      const char* term = std::getenv("TERM");
      o.color = ::isatty(STDOUT_FILENO) == 1 && !env_set("NO_COLOR") &&
                !(term != nullptr && std::strcmp(term, "dumb") == 0);
    }
  }
  o.color = o.color && o.format == Format::table;
  o.width = terminal_width();
  return o;
}

void Context::check_svg(bool plots, const std::string& add) const {
  if (plots || render_options().format != Format::svg) return;
  throw UsageError("--format svg draws a plot: add " + add,
                   command_ != nullptr && command_->plot_example != nullptr
                       ? fmt::format("for example {}", command_->plot_example)
                       : std::string("see 'mgcramp --help'"));
}

std::string Context::render(const Report& r, bool citations) const {
  const RenderOptions o = render_options(citations);
  if (o.format == Format::svg && !r.figure) check_svg(false);
  return mgcramp::render(r, o);
}

const Dataset& with_db_foods(Context& ctx, std::vector<FoodServing>& foods) {
  fooddb::Store* db = foods.empty() ? nullptr : ctx.food_db();
  if (db == nullptr) return ctx.dataset();
  fooddb::DbRows rows;
  for (auto& f : foods) f.food = fooddb::resolve_with_db(ctx.dataset(), *db, f.food, rows);
  return ctx.dataset_with(std::move(rows.foods), std::move(rows.sources));
}

void add_population_option(CLI::App& sub, std::optional<std::string>& population) {
  sub.add_option("--population", population, help_choices<Population>())
      ->type_name("P")
      ->check(completes<Population>());
}

void add_form_option(CLI::App& sub, std::optional<std::string>& form) {
  sub.add_option("--form", form, "Supplement form (see 'mgcramp forms'), or mixed")
      ->type_name("FORM")
      ->check(completes({{"mixed"}, {Table::forms}}));
}

namespace {
template <class T>
void intervention_option(CLI::App& sub, T& kind) {
  sub.add_option("--intervention", kind, help_choices<InterventionKind>(" (default magnesium)"))
      ->type_name("I")
      ->check(completes<InterventionKind>());
}
}  // namespace

void add_intervention_option(CLI::App& sub, std::optional<std::string>& kind) {
  intervention_option(sub, kind);
}
void add_intervention_option(CLI::App& sub, std::string& kind) {
  intervention_option(sub, kind);
}

void add_profile_options(CLI::App& sub, ProfileInput& in) {
  sub.add_option("--age", in.age, "Age in years; decimals allowed (13.5)")->type_name("YEARS");
  sub.add_option("--months", in.months, "Age in whole months, for infants")->type_name("N");
  sub.add_option("--sex", in.sex, "f or m (also female, male; any case)")
      ->type_name("f|m")
      ->check(completes(Completes{{"f", "m"}, {}}));
  sub.add_flag("--pregnant", in.pregnant, "Pregnant");
  sub.add_flag("--lactating", in.lactating, "Breastfeeding");
}

}  // namespace mgcramp::cli
