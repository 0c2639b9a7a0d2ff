// The program: argv parsed with CLI11, each command's options bound only when
// it is used, the output written in one piece. main.cpp catches what it throws.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <new>

#include <fmt/format.h>

#include "cli.hpp"
#include "interface.hpp"
#include "mgcramp/error.hpp"
#include "mgcramp/io/embedded.hpp"
#include "mgcramp/report/builders.hpp"
#include "mgcramp/text.hpp"
#include "mgcramp/version.hpp"

namespace mgcramp::cli {
namespace {

// Whether argv asks for help (-h or --help before any "--").
bool asks_help(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--") return false;
    if (a == "-h" || a == "--help") return true;
  }
  return false;
}

std::string help_hint(const CLI::App* sub) {
  return sub != nullptr ? fmt::format("see 'mgcramp {} --help'", sub->get_name())
                        : "see 'mgcramp --help'";
}

// Long option names of `app` and of the global options, for suggestions.
std::vector<std::string> option_names(const CLI::App& app, const CLI::App& top) {
  std::vector<std::string> names;
  for (const CLI::App* a : {&app, &top}) {
    for (const CLI::Option* o : a->get_options()) {
      for (const auto& l : o->get_lnames()) names.push_back("--" + l);
    }
  }
  return names;
}

// Turns what CLI11 could not place into a usage error with a suggestion.
// Whether `option` comes before the command's name in argv, with no "--"
// before it (MS17).
bool before_command(int argc, char** argv, std::string_view option, std::string_view command) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--" || a == command) return false;
    if (a == option || (a.size() > option.size() && a.substr(0, option.size()) == option &&
                        a[option.size()] == '=')) {
      return true;
    }
  }
  return false;
}

void check_leftovers(const CLI::App& top, const CLI::App* sub, int argc, char** argv) {
  const CLI::App& owner = sub != nullptr ? *sub : top;
  std::vector<std::string> rest = owner.remaining();
  if (sub != nullptr) {
    auto more = top.remaining();
    rest.insert(rest.end(), more.begin(), more.end());
  }
  // "--" ends the options: CLI11 keeps the mark among the leftovers, and
  // whatever follows it that no command takes is an unexpected argument.
  const auto mark = std::find(rest.begin(), rest.end(), "--");
  if (mark != rest.end()) {
    rest.erase(mark);
    if (mark != rest.end()) {
      throw UsageError(fmt::format("unexpected argument '{}' after '--'", text::sanitize(*mark)),
                       help_hint(sub));
    }
  }
  if (rest.empty()) return;
  const std::string arg = rest.front();
  const std::string shown = text::sanitize(arg);
  if (arg.size() > 1 && arg[0] == '-') {
    const std::string name = arg.substr(0, arg.find('='));
    const std::string near = text::closest(name, option_names(owner, top));
    if (near == name && sub != nullptr && before_command(argc, argv, name, sub->get_name())) {
      // A command's own option before the command's name (MS17).
      throw UsageError(
          fmt::format("{} is an option of '{}': put it after the command", name, sub->get_name()),
          fmt::format("for example 'mgcramp {} {} ...'", sub->get_name(), name));
    }
    if (near == name) {  // a known option that CLI11 left over: it followed "--"
      throw UsageError(fmt::format("unexpected argument '{}' after '--'", text::sanitize(arg)),
                       "options go before '--'; " + help_hint(sub));
    }
    throw UsageError(fmt::format("unknown option '{}'{}", text::sanitize(name),
                                 near.empty() ? "" : fmt::format("; did you mean '{}'?", near)),
                     help_hint(sub));
  }
  if (sub == nullptr) {
    std::vector<std::string> names;
    for (const auto& c : commands()) names.emplace_back(c.name);
    const std::string near = text::closest(arg, names);
    throw UsageError(fmt::format("unknown command '{}'{}", shown,
                                 near.empty() ? "" : fmt::format("; did you mean '{}'?", near)),
                     "see 'mgcramp --help' for the list of commands");
  }
  throw UsageError(fmt::format("unexpected argument '{}'", shown), help_hint(sub));
}

// The command argv names: its first argument that is neither an option nor
// the value of a global option, when that is a command's name. Only that
// command is then registered with CLI11; with none named, all of them are
// (for --help and suggestions).
const Command* named_command(const CLI::App& app, int argc, char** argv) {
  std::vector<std::string> takes_value;
  for (const CLI::Option* o : app.get_options()) {
    if (o->get_expected_min() == 0) continue;
    for (const auto& l : o->get_lnames()) takes_value.push_back("--" + l);
  }
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--") return nullptr;
    if (std::find(takes_value.begin(), takes_value.end(), a) != takes_value.end()) {
      ++i;  // its value
      continue;
    }
    if (!a.empty() && a[0] == '-') continue;
    for (const auto& c : commands()) {
      if (a == c.name) return &c;
    }
    return nullptr;
  }
  return nullptr;
}

// CLI11 gives an option that needs a value the next argument even when that
// is another option ("--sex --age 30" sets sex to "--age"), and "--food="
// takes the argument after it. Either way the option has no value.
void check_option_values(const CLI::App& top, const CLI::App* sub) {
  const CLI::App& owner = sub != nullptr ? *sub : top;
  const std::vector<std::string> names = option_names(owner, top);
  for (const CLI::App* a : {sub, &top}) {
    if (a == nullptr) continue;
    for (const CLI::Option* o : a->get_options()) {
      for (const std::string& v : o->results()) {
        const std::string name = v.substr(0, v.find('='));
        if (v.empty() || std::find(names.begin(), names.end(), name) != names.end()) {
          // A command's own argument (search TEXT, show ID) by its name
          // in the help, not CLI11's internal one (UX19).
          if (o->get_lnames().empty() && o->get_snames().empty() && sub != nullptr) {
            throw UsageError(fmt::format("{}: {} is empty", sub->get_name(), o->get_type_name()),
                             help_hint(sub));
          }
          throw UsageError(fmt::format("option {} needs a value", o->get_name()), help_hint(sub));
        }
      }
    }
  }
}

// CLI11's own parse errors, reworded where its message is unclear.
UsageError from_cli11(const CLI::ParseError& e, const CLI::App* sub) {
  std::string msg = text::sanitize(e.what());
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr) {
    const auto colon = msg.find(':');
    const std::string opt = msg.substr(0, colon);
    if (msg.find("missing") != std::string::npos) {
      msg = fmt::format("option {} needs a value", opt);
    } else {
      msg = fmt::format("option {} was given more than once or with too many values", opt);
    }
  } else if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr && sub == nullptr) {
    msg = "no command given";
  }
  if (!msg.empty()) msg[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(msg[0])));
  return UsageError(msg, help_hint(sub));
}

// The whole answer is ready before anything is written, so it goes to the
// kernel in one piece instead of through stdio's buffer; nothing else
// writes to stdout.
void write_stdout(std::string_view out) {
  while (!out.empty()) {
    const ssize_t n = ::write(STDOUT_FILENO, out.data(), out.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      throw DataError(fmt::format("cannot write output: {}", std::strerror(errno)),
                      "check the disk or the pipe that stdout goes to");
    }
    out.remove_prefix(static_cast<std::size_t>(n));
  }
}

// --format's help: the formats every command takes, then those of the
// commands that cite and that plot, named from the registry.
std::string format_help() {
  std::vector<std::string> cite, plot;
  for (const Command& c : commands()) {
    if (c.citations) cite.emplace_back(c.name);
    if (c.plot_example != nullptr) plot.emplace_back(c.name);
  }
  std::string h = "Output format: " + text::join_comma(format_names(false));
  if (!cite.empty()) h += "; " + text::join_comma(cite) + ": bibtex, ris";
  if (!plot.empty()) h += "; with --plot (" + text::join_comma(plot) + "): svg";
  return help_text(h);
}

// The formats of a command's help footer: "table|json|csv|md|svg".
std::string format_choices(const Command& c) {
  std::string out;
  for (const auto& n : format_names(c.citations, c.plot_example != nullptr))
    out += (out.empty() ? "" : "|") + n;
  return out;
}

}  // namespace

void setup_top(CLI::App& app, GlobalOptions& global) {
  app.description(
      "mgcramp: what the evidence says about magnesium and muscle cramps.\n"
      "Answers come from a curated, sourced dataset compiled into the program.");
  app.name("mgcramp");
  // The embedded dataset's version and review date: read only when asked.
  app.set_version_flag("-V,--version", [] {
    return "mgcramp " + std::string(version_string()) + "\n" +
           dataset_version_text(embedded_dataset(TableSet()));
  });
  app.option_defaults()->always_capture_default(false);
  // A repeated option takes its last value, so that an alias's defaults can
  // be overridden ("--color always ... --color never"); repeatable options
  // (--med, --food) still collect every value (UX10).
  app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.get_formatter()->column_width(22);  // help fits 80 columns
  app.add_option("--data", global.data, "Dataset file to use instead of the embedded one")
      ->type_name("FILE");
  app.add_option("--data-add", global.data_add, "Records to add to the dataset (repeatable)")
      ->type_name("FILE")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--food-db", global.food_db,
                 "Food database to use (mgcramp import fdc writes one)")
      ->type_name("FILE");
  app.add_option("--format", global.format, format_help())
      ->type_name("FMT")
      ->check(completes(Completes{format_names(false), {}}));
  app.add_flag("--json", global.json, "Short for --format json");
  app.add_option("--color", global.color, "Colour: " + text::join_or(enum_names<ColorMode>()))
      ->type_name("WHEN")
      ->check(completes<ColorMode>());
  app.fallthrough();
  app.allow_extras();
  app.require_subcommand(0, 1);
  app.footer(R"(Global options work before or after the command name. Environment:
MGCRAMP_DATA=FILE selects a dataset, MGCRAMP_FOOD_DB=FILE a food database
(default: $XDG_DATA_HOME/mgcramp/foods.sqlite when it exists); NO_COLOR
disables colour (--color always still forces it). --data-add FILE adds a
file's records on top of the dataset ('mgcramp schema overlay').
Exit status: 0 success, 1 data error, 2 usage error.

Examples:
  mgcramp rda --age 25 --sex f --pregnant
  mgcramp trials --population pregnancy
  mgcramp search oxide
  mgcramp show garrison-2020
  mgcramp cite garrison-2020 --format bibtex)");
}

int run(int argc, char** argv) {
  // "mgcramp help [COMMAND]" is "mgcramp [COMMAND] --help" (UX9).
  std::vector<char*> args(argv, argv + argc);
  static char help_flag[] = "--help";
  if (argc >= 2 && std::string_view(argv[1]) == "help") {
    args.erase(args.begin() + 1);
    args.push_back(help_flag);
    argc = static_cast<int>(args.size());
    argv = args.data();
  }
  // One cap on any argument, so that none is echoed at length in an answer
  // or a message (UX21): text to look for is capped lower (200).
  constexpr std::size_t kMaxArgument = 4096;
  for (int i = 1; i < argc; ++i) {
    if (std::strlen(argv[i]) > kMaxArgument) {
      throw UsageError(fmt::format("argument {} is longer than {} bytes", i, kMaxArgument),
                       "no option of mgcramp takes a value that long");
    }
  }
  GlobalOptions global;
  CLI::App app;
  setup_top(app, global);

  // Each command's options are bound only when the command is used: CLI11
  // runs the preparse callback when it meets the command's name, before it
  // parses the command's options (and --help). Building the options of every
  // command on every run cost more than answering most queries.
  std::vector<std::pair<CLI::App*, Run>> subs;
  const Command* named = named_command(app, argc, argv);
  // A command's --help lists the ids its options take from the dataset,
  // which the completes() validators name only while describing.
  if (asks_help(argc, argv)) describing_interface(true);
  for (const auto& c : commands()) {
    if (named != nullptr && &c != named) continue;
    CLI::App* sub = app.add_subcommand(c.name, c.summary);
    sub->allow_extras();
    sub->preparse_callback([&subs, i = subs.size(), &c](std::size_t) {
      CLI::App& used = *subs[i].first;
      subs[i].second = c.setup(used);
      used.footer(used.get_footer() +
                  "\n\nGlobal options (before or after the command): --data FILE,\n"
                  "--data-add FILE, --food-db FILE, --format " +
                  format_choices(c) +
                  ",\n"
                  "--json, --color auto|always|never.");
    });
    subs.emplace_back(sub, nullptr);
  }

  if (argc <= 1) {
    write_stdout(app.help());
    return 0;
  }
  CLI::App* chosen = nullptr;
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {  // --help or --version
      for (auto& [sub, fn] : subs) {
        if (sub->parsed() && describing_interface()) name_record_values(*sub);
      }
      std::ostringstream out;
      std::ostringstream err;
      app.exit(e, out, err);
      write_stdout(out.str());
      return 0;
    }
    for (auto& [sub, fn] : subs) {
      if (sub->parsed()) chosen = sub;
    }
    throw from_cli11(e, chosen);
  }
  Run* run_fn = nullptr;
  for (auto& [sub, fn] : subs) {
    if (sub->parsed()) {
      chosen = sub;
      run_fn = &fn;
    }
  }
  check_option_values(app, chosen);
  check_leftovers(app, chosen, argc, argv);
  if (run_fn == nullptr) {
    // Global options alone, valid but no command: the same answer as no
    // arguments at all (IN16).
    write_stdout(app.help());
    return 0;
  }
  const Command* command = nullptr;
  for (const auto& c : commands()) {
    if (chosen->get_name() == c.name) command = &c;
  }
  Context ctx(global, command);
  std::string out;
  try {
    out = (*run_fn)(ctx);
  } catch (const MissingInput& e) {
    // The core says what the profile lacks; here is the option that gives it.
    throw UsageError(e.what(), e.missing() == MissingInput::What::age
                                   ? "add --age YEARS, or --months N for infants"
                                   : "add --sex f or --sex m");
  }
  write_stdout(out);
  if (ctx.deferred()) {
    report_error(*ctx.deferred(), 1, wants_json(argc, argv));
    return 1;
  }
  return 0;
}

// One line on stderr, whatever the message holds: control characters from
// the data or the arguments are escaped, and a 100 000-character argument
// is not echoed in full.
void report_error(const Error& e, int status, bool json) {
  if (json) {
    const std::string message = text::shorten_words(text::sanitize(e.what()), 60);
    Value::Object err{{"status", status},
                      {"kind", status == 2 ? "usage" : "data"},
                      {"message", message},
                      {"hint", e.hint().empty() ? Value() : Value(text::sanitize(e.hint()))}};
    const auto* data = dynamic_cast<const DataError*>(&e);
    const DataLocation* at = data != nullptr ? data->where() : nullptr;
    err.emplace_back("file", at ? Value(text::sanitize(at->file)) : Value());
    err.emplace_back("pointer",
                     at && !at->pointer.empty() ? Value(text::sanitize(at->pointer)) : Value());
    err.emplace_back("line", at && at->line ? Value(at->line) : Value());
    err.emplace_back("column", at && at->column ? Value(at->column) : Value());
    const std::string line = compact_json(Value::Object{{"error", std::move(err)}});
    std::fprintf(stderr, "%s\n", line.c_str());
    return;
  }
  std::string line = "mgcramp: error: " + std::string(e.what());
  if (!e.hint().empty()) line += " (" + e.hint() + ")";
  std::fprintf(stderr, "%s\n", text::shorten_words(text::sanitize(line), 60).c_str());
}

bool wants_json(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--") return false;
    if (a == "--json" || a == "--format=json") return true;
    if (a == "--format" && i + 1 < argc && std::string_view(argv[i + 1]) == "json") return true;
    if ((a == "--data" || a == "--data-add" || a == "--color" || a == "--format" ||
         a == "--food-db") &&
        i + 1 < argc)
      ++i;  // its value
  }
  return false;
}

}  // namespace mgcramp::cli
