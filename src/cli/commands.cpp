#include "cli.hpp"

namespace mgcramp::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> all = {
      {"rda", "Recommended daily magnesium for an age, sex, pregnancy or lactation", &setup_rda},
      {"validate", "Check a dataset file and count its records", &setup_validate},
  };
  return all;
}

}  // namespace mgcramp::cli
