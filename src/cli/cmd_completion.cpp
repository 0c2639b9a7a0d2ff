// mgcramp completion SHELL: a completion script for bash, zsh or fish,
// written from the interface description (interface.hpp) and the ids of the
// active dataset's records.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "cli.hpp"
#include "interface.hpp"
#include "mgcramp/query/records.hpp"

namespace mgcramp::cli {
namespace {

enum class Shell : std::uint8_t { bash, zsh, fish };

// Characters that need no quoting in any of the three shells' word lists.
bool plain_word(const std::string& w) {
  if (w.empty()) return false;
  for (char c : w) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.' || c == '+' || c == '@' || c == ',';
    if (!ok) return false;
  }
  return true;
}

std::string join(const std::vector<std::string>& v, const char* sep = " ") {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

// What a shell offers for a value of `o`.
struct Offer {
  std::vector<std::string> words;
  bool files = false;
};

class Writer {
 public:
  Writer(const InterfaceDoc& doc, const Dataset& ds) : doc_(doc), ds_(ds) {}

  Offer offer(const OptionDoc& o, const CommandDoc& c) const {
    Offer r;
    r.files = o.file();
    const bool format = std::find(o.names.begin(), o.names.end(), "--format") != o.names.end();
    for (const auto& n : format ? format_values(c) : o.completes.names) {
      if (plain_word(n)) r.words.push_back(n);
    }
    for (Table t : o.completes.ids) {
      const std::size_t n = table_size(ds_, t);
      for (std::size_t i = 0; i < n; ++i) {
        const std::string& id = record_id(ds_, RecordRef{t, i});
        if (plain_word(id) && std::find(r.words.begin(), r.words.end(), id) == r.words.end())
          r.words.push_back(id);
      }
    }
    return r;
  }

  // The global options that a command takes too: all but --help and --version.
  std::vector<const OptionDoc*> globals() const {
    std::vector<const OptionDoc*> out;
    for (const auto& o : doc_.top.options) {
      if (o.names.back() == "--help" || o.names.back() == "--version") continue;
      out.push_back(&o);
    }
    return out;
  }

  std::string bash() const;
  std::string zsh() const;
  std::string fish() const;

 private:
  const InterfaceDoc& doc_;
  const Dataset& ds_;
};

std::string Writer::bash() const {
  std::string value_arms;  // "COMMAND OPTION") words=...;;
  std::string option_arms;
  std::string argument_arms;
  std::vector<std::string> global_values;  // global options that take a value
  std::vector<std::string> global_names;
  for (const OptionDoc* g : globals()) {
    for (const auto& n : g->names) {
      global_names.push_back(n);
      if (!g->value.empty()) global_values.push_back(n);
    }
  }
  auto arm = [](const std::string& pattern, const Offer& offer) {
    if (offer.files) return fmt::format("      {}) files=1 ;;\n", pattern);
    return fmt::format("      {}) words=\"{}\" ;;\n", pattern, join(offer.words));
  };
  std::vector<std::string> commands;
  for (const CommandDoc& c : doc_.commands) {
    commands.push_back(c.name);
    std::vector<std::string> names;
    for (const auto& o : c.options) {
      names.insert(names.end(), o.names.begin(), o.names.end());
      if (o.value.empty()) continue;
      std::vector<std::string> patterns;
      for (const auto& n : o.names) patterns.push_back(fmt::format("\"{} {}\"", c.name, n));
      value_arms += arm(join(patterns, "|"), offer(o, c));
    }
    for (const OptionDoc* g : globals()) {
      // A command whose --format takes more than the top level's.
      if (g->names.back() == "--format" && format_values(c) != format_values(doc_.top))
        value_arms += arm(fmt::format("\"{} --format\"", c.name), offer(*g, c));
    }
    names.insert(names.end(), global_names.begin(), global_names.end());
    option_arms += fmt::format("        {}) words=\"{}\" ;;\n", c.name, join(names));
    Offer args;
    for (const auto& a : c.arguments) {
      const Offer o = offer(a, c);
      args.files = args.files || o.files;
      args.words.insert(args.words.end(), o.words.begin(), o.words.end());
    }
    if (args.files || !args.words.empty()) argument_arms += "  " + arm(c.name, args);
  }
  std::vector<std::string> top_names;
  for (const auto& o : doc_.top.options) {
    top_names.insert(top_names.end(), o.names.begin(), o.names.end());
    if (o.value.empty()) continue;
    std::vector<std::string> patterns;
    for (const auto& n : o.names) patterns.push_back(fmt::format("*\" {}\"", n));
    value_arms += arm(join(patterns, "|"), offer(o, doc_.top));
  }
  return fmt::format(R"(# bash completion for mgcramp(1), written by 'mgcramp completion bash'.
# Commands, options, the values of enumerated options and the ids of the
# dataset's records. Needs nothing from the bash-completion package.

_mgcramp() {{
  local cur prev opt="" cmd="" words="" files=0 i w
  cur=${{COMP_WORDS[COMP_CWORD]}}
  prev=""
  ((COMP_CWORD > 0)) && prev=${{COMP_WORDS[COMP_CWORD - 1]}}
  # bash splits --option=value at the '='.
  if [[ $cur == "=" ]]; then
    opt=$prev
    cur=""
  elif [[ $prev == "=" ]] && ((COMP_CWORD > 1)); then
    opt=${{COMP_WORDS[COMP_CWORD - 2]}}
  elif [[ $prev == -* ]]; then
    opt=$prev
  fi
  # The command: the first word that is neither an option nor a global
  # option's value.
  for ((i = 1; i < COMP_CWORD; i++)); do
    w=${{COMP_WORDS[i]}}
    if [[ ${{COMP_WORDS[i + 1]}} == "=" ]]; then
      ((i += 2))
      continue
    fi
    case $w in
      {}) ((i++)) ;;
      -*) ;;
      *)
        cmd=$w
        break
        ;;
    esac
  done
  if [[ -n $opt ]]; then
    case "$cmd $opt" in
{}      *) opt="" ;;
    esac
  fi
  if [[ -z $opt ]]; then
    if [[ $cur == -* ]]; then
      case $cmd in
        "") words="{}" ;;
{}      esac
    elif [[ -z $cmd ]]; then
      words="{}"
    else
      case $cmd in
{}      esac
    fi
  fi
  if ((files)); then
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
  else
    mapfile -t COMPREPLY < <(compgen -W "$words" -- "$cur")
  fi
}}
complete -F _mgcramp mgcramp
)",
                     join(global_values, "|"), value_arms, join(top_names), option_arms,
                     join(commands), argument_arms);
}

// zsh: escaped for a single-quoted word.
std::string zq(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out;
}

// A description inside an _arguments spec's brackets.
std::string zdesc(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '[' || c == ']' || c == ':' || c == '\\') out += '\\';
    out += c;
  }
  return zq(out);
}

std::string zsh_action(const Offer& o, const std::string& value) {
  std::string msg = value;
  for (auto& c : msg) c = c == ':' ? '-' : c;
  if (o.files) return zq(msg) + ":_files";
  if (o.words.empty()) return zq(msg) + ": ";
  return zq(msg) + ":(" + join(o.words) + ")";
}

std::string Writer::zsh() const {
  auto spec = [&](const OptionDoc& o, const CommandDoc& c) {
    std::string out;
    for (const auto& n : o.names) {
      const bool takes = !o.value.empty();
      out += fmt::format("        '{}{}{}[{}]{}' \\\n", o.repeatable ? "*" : "", n,
                         takes && n.size() > 2 ? "=" : "", zdesc(o.description),
                         takes ? ":" + zsh_action(offer(o, c), o.value) : "");
    }
    return out;
  };
  std::string command_list;
  std::string command_arms;
  for (const CommandDoc& c : doc_.commands) {
    command_list += fmt::format("        '{}:{}'\n", zq(c.name), zq(c.summary));
    std::string specs;
    for (const auto& o : c.options) specs += spec(o, c);
    for (const OptionDoc* g : globals()) specs += spec(*g, c);
    std::size_t n = 0;
    for (const auto& a : c.arguments) {
      ++n;
      specs += fmt::format("        '{}:{}' \\\n", a.repeatable ? "*" : std::to_string(n),
                           zsh_action(offer(a, c), a.value.empty() ? a.names[0] : a.value));
    }
    command_arms += fmt::format("      {})\n      _arguments \\\n{}        && ret=0\n      ;;\n",
                                c.name, specs);
  }
  std::string top_specs;
  for (const auto& o : doc_.top.options) top_specs += spec(o, doc_.top);
  return fmt::format(R"(#compdef mgcramp
# zsh completion for mgcramp(1), written by 'mgcramp completion zsh'.
# Commands, options, the values of enumerated options and the ids of the
# dataset's records.

_mgcramp() {{
  local curcontext=$curcontext state state_descr line ret=1
  typeset -A opt_args
  # -A: the options after the command are the command's, below.
  _arguments -C -A '-*' \
{}    '1:command:->command' \
    '*::argument:->argument' && ret=0
  case $state in
    command)
      local -a cmds
      cmds=(
{}      )
      _describe -t commands 'mgcramp command' cmds && ret=0
      ;;
    argument)
      curcontext=${{curcontext%:*:*}}:mgcramp-$words[1]:
      case $words[1] in
{}      esac
      ;;
  esac
  return ret
}}

_mgcramp "$@"
)",
                     top_specs, command_list, command_arms);
}

// fish: a single-quoted string.
std::string fq(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string fish_option(const OptionDoc& o, const Offer& offer, const std::string& condition) {
  std::string out = "complete -c mgcramp";
  if (!condition.empty()) out += " -n " + fq(condition);
  for (const auto& n : o.names)
    out += (n.size() == 2 ? " -s " : " -l ") + n.substr(n.rfind('-') + 1);
  if (!o.value.empty()) {
    if (offer.files) {
      out += " -r -F";
    } else {
      out += " -x";
      if (!offer.words.empty()) out += " -a " + fq(join(offer.words));
    }
  }
  return out + " -d " + fq(o.description) + "\n";
}

std::string Writer::fish() const {
  std::string out = R"(# fish completion for mgcramp(1), written by 'mgcramp completion fish'.
# Commands, options, the values of enumerated options and the ids of the
# dataset's records.

complete -c mgcramp -f
)";
  std::vector<std::string> names;
  for (const CommandDoc& c : doc_.commands) names.push_back(c.name);
  const std::string none = "not __fish_seen_subcommand_from " + join(names);
  for (const auto& o : doc_.top.options) {
    const bool global = o.names.back() != "--help" && o.names.back() != "--version";
    if (!global) out += fish_option(o, offer(o, doc_.top), none);
  }
  // The global options, with the --format values each command takes.
  std::map<std::vector<std::string>, std::vector<std::string>> by_formats;
  for (const CommandDoc& c : doc_.commands) by_formats[format_values(c)].push_back(c.name);
  for (const OptionDoc* g : globals()) {
    if (g->names.back() != "--format") {
      out += fish_option(*g, offer(*g, doc_.top), "");
      continue;
    }
    std::vector<std::string> others;
    for (const auto& [formats, cmds] : by_formats) {
      if (formats == format_values(doc_.top)) continue;
      others.insert(others.end(), cmds.begin(), cmds.end());
      Offer o;
      o.words = formats;
      out += fish_option(*g, o, "__fish_seen_subcommand_from " + join(cmds));
    }
    out += fish_option(
        *g, offer(*g, doc_.top),
        others.empty() ? std::string() : "not __fish_seen_subcommand_from " + join(others));
  }
  for (const CommandDoc& c : doc_.commands) {
    out += fmt::format("\ncomplete -c mgcramp -n __fish_use_subcommand -a {} -d {}\n", c.name,
                       fq(c.summary));
    const std::string seen = "__fish_seen_subcommand_from " + c.name;
    for (const auto& o : c.options) out += fish_option(o, offer(o, c), seen);
    for (const auto& a : c.arguments) {
      const Offer o = offer(a, c);
      if (o.files) {
        out += fmt::format("complete -c mgcramp -n {} -F\n", fq(seen));
      } else if (!o.words.empty()) {
        out += fmt::format("complete -c mgcramp -n {} -a {}\n", fq(seen), fq(join(o.words)));
      }
    }
  }
  return out;
}

}  // namespace
}  // namespace mgcramp::cli

namespace mgcramp {
MGCRAMP_ENUM_NAMES(cli::Shell, "shell", cli::Shell::fish, "bash", "zsh", "fish");
}  // namespace mgcramp

namespace mgcramp::cli {

Run setup_completion(CLI::App& sub) {
  auto shell = std::make_shared<std::string>();
  sub.add_option("shell", *shell, help_choices<Shell>())
      ->type_name("SHELL")
      ->required()
      ->check(completes<Shell>());
  sub.footer(paragraph("Prints a completion script for the shell: the commands, their options, "
                       "the values of enumerated options and the ids of the dataset's records "
                       "(for show, cite, --form...). The Debian package installs all three "
                       "where the shells look for them; without it, save one there or load it "
                       "in the shell's start-up file.") +
             R"(

Examples:
  mgcramp completion bash > ~/.local/share/bash-completion/completions/mgcramp
  mgcramp completion zsh > ~/.zfunc/_mgcramp
  mgcramp completion fish > ~/.config/fish/completions/mgcramp.fish
  source <(mgcramp completion bash))");
  return [shell](Context& ctx) {
    const auto s = enum_from<Shell>(text::to_lower(*shell));
    if (!s) {
      throw UsageError("the shell must be " + choices(enum_names<Shell>()) + ", got '" +
                           text::sanitize(*shell) + "'",
                       "for example 'mgcramp completion bash'");
    }
    const InterfaceDoc doc = describe_interface();
    const Writer w(doc, ctx.dataset());
    switch (*s) {
      case Shell::bash: return w.bash();
      case Shell::zsh: return w.zsh();
      case Shell::fish: return w.fish();
    }
    return std::string();
  };
}

}  // namespace mgcramp::cli
