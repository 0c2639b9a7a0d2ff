#pragma once
// Runs the built mgcramp binary and captures what it printed and its exit status.
#include <map>
#include <optional>
#include <string>
#include <vector>

struct Result {
  std::string out;
  std::string err;
  int code = -1;  // exit status, or 128 + signal
};

struct RunOptions {
  // Environment changes: a value sets the variable, nullopt unsets it.
  std::map<std::string, std::optional<std::string>> env;
  bool pty = false;         // stdout (and stderr) on a pseudo-terminal
  std::string stdout_path;  // redirect stdout to this file instead of a pipe
  std::string stdin_path;   // read stdin from this file instead of /dev/null
};

// Every run sets XDG_DATA_HOME to scratch_data_home() (an empty folder made
// once per test process) and unsets MGCRAMP_FOOD_DB, so that a food
// database imported on the machine never changes an answer; `opts.env`
// may set either.
Result run(const std::vector<std::string>& args, const RunOptions& opts = {});
std::string scratch_data_home();

// Writes `content` to a fresh temporary file and returns its path.
// A file holding `content`, removed when the test process ends.
std::string temp_file(const std::string& content, const std::string& suffix = ".json");

// The text of data/mgcramp.json, the dataset compiled into the binary.
std::string dataset_text();
