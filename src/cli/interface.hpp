#pragma once
// The command line as data, read from the CLI11 objects that print --help:
// every command with its summary, footer, options and arguments, their
// descriptions and value names, and the values they take (completes()).
// The man page (tools/manpage_main.cpp) and the shell completions
// (`mgcramp completion`) are written from it, so neither can drift from the
// help the program prints.
#include <string>
#include <vector>

#include "cli.hpp"

namespace mgcramp::cli {

struct OptionDoc {
  std::vector<std::string> names;  // "-h", "--help"; an argument's own name ("id")
  std::string value;               // its value's name as --help shows it; "" for a flag
  std::string description;         // as --help shows it, its lines joined
  bool positional = false;
  bool required = false;
  bool repeatable = false;
  Completes completes;  // what it takes, where known
  // A file name (its value is named FILE).
  bool file() const { return value == "FILE"; }
};

struct CommandDoc {
  std::string name;                  // "mgcramp" for the top level
  std::string summary;               // one line: the commands list of --help
  std::string description;           // the top level's; "" for a command
  std::string footer;                // as --help prints it, wrapped, paragraphs apart
  bool citations = false;            // --format also takes bibtex and ris
  bool plots = false;                // --format also takes svg (with --plot)
  std::vector<OptionDoc> options;    // in --help order, hidden ones left out
  std::vector<OptionDoc> arguments;  // positionals, in order
};

struct InterfaceDoc {
  CommandDoc top;  // the program's own options: the global options
  std::vector<CommandDoc> commands;
};

// The ids an option takes from a small table of the embedded dataset (the
// forms), added to its description: --help and the man page list them as
// they list an option's enumerated values (UX6). Needs the completes()
// validators, so the command must have been set up while
// describing_interface().
void name_record_values(CLI::App& command);

// Every command set up as run() sets it up, read back.
InterfaceDoc describe_interface();

// The --format values `c` takes.
std::vector<std::string> format_values(const CommandDoc& c);

}  // namespace mgcramp::cli
