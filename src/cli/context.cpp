#include <unistd.h>

#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

#include "cli.hpp"
#include "mgcramp/error.hpp"
#include "mgcramp/io/embedded.hpp"
#include "mgcramp/io/load.hpp"
#include "mgcramp/text.hpp"

namespace mgcramp::cli {
namespace {

bool env_set(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0';
}

}  // namespace

std::optional<std::string> Context::dataset_path() const {
  if (global_.data) return global_.data;
  if (env_set("MGCRAMP_DATA")) return std::string(std::getenv("MGCRAMP_DATA"));
  return std::nullopt;
}

const Dataset& Context::dataset(TableSet tables) {
  if (dataset_ == nullptr || !from_file_) {
    if (const auto path = dataset_path()) {
      // Kept for the life of the process, as the embedded dataset is: a
      // large file's records are not worth freeing one by one at exit.
      static const Dataset* file = nullptr;
      file = new Dataset(load_dataset_file(*path));
      dataset_ = file;
      from_file_ = true;
    } else {
      dataset_ = &embedded_dataset(tables);
    }
  }
  return *dataset_;
}

RenderOptions Context::render_options(bool citations) const {
  RenderOptions o;
  o.format = parse_format(global_.format, global_.json, citations);
  switch (parse_choice<ColorMode>("--color", global_.color)) {
    case ColorMode::always: o.color = !env_set("NO_COLOR"); break;  // NO_COLOR wins even so
    case ColorMode::never: o.color = false; break;
    case ColorMode::automatic: {
      const char* term = std::getenv("TERM");
      o.color = ::isatty(STDOUT_FILENO) == 1 && !env_set("NO_COLOR") &&
                !(term != nullptr && std::strcmp(term, "dumb") == 0);
    }
  }
  o.color = o.color && o.format == Format::table;
  return o;
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
