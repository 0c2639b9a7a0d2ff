#include "interface.hpp"

#include <algorithm>
#include <sstream>
#include <string_view>

#include "mgcramp/io/embedded.hpp"
#include "mgcramp/text.hpp"
#include "options.hpp"

namespace mgcramp::cli {
namespace {

// The name of the validator that completes() makes: the values follow it,
// "NAME NAME ...|TABLE TABLE ...".
constexpr std::string_view kCompletes = "mgcramp-completes:";

std::vector<std::string> words(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::string joined_lines(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '\n' ? ' ' : c;
  return out;
}

OptionDoc read_option(CLI::Option& o) {
  OptionDoc d;
  if (o.get_positional()) {
    d.names.push_back(o.get_name());
    d.positional = true;
  } else {
    for (const auto& s : o.get_snames()) d.names.push_back("-" + s);
    for (const auto& l : o.get_lnames()) d.names.push_back("--" + l);
  }
  if (o.get_type_size() != 0) d.value = o.get_type_name();
  d.description = joined_lines(o.get_description());
  d.required = o.get_required();
  d.repeatable = o.get_expected_max() > 1;
  if (auto c = completes_of(o)) d.completes = std::move(*c);
  return d;
}

CommandDoc read_app(CLI::App& app) {
  CommandDoc d;
  d.name = app.get_name();
  d.footer = app.get_footer();
  for (CLI::Option* o : app.get_options()) {
    if (o->get_group().empty()) continue;  // hidden: an old spelling
    (o->get_positional() ? d.arguments : d.options).push_back(read_option(*o));
  }
  return d;
}

}  // namespace

namespace {
bool g_describing = false;
}  // namespace

bool describing_interface() {
  return g_describing;
}

void describing_interface(bool on) {
  g_describing = on;
}

const CLI::Validator& no_completion() {
  static const CLI::Validator v = [] {
    CLI::Validator x([](std::string&) { return std::string(); }, "", "");
    x.non_modifying();
    x.active(false);
    return x;
  }();
  return v;
}

CLI::Validator completes(Completes values) {
  if (!g_describing) return no_completion();
  std::string name(kCompletes);
  for (const auto& n : values.names) name += n + " ";
  name += "|";
  for (Table t : values.ids) name += std::string(name_of(t)) + " ";
  CLI::Validator v([](std::string&) { return std::string(); }, "", name);
  v.non_modifying();
  return v;
}

std::optional<Completes> completes_of(CLI::Option& o) {
  for (int i = 0;; ++i) {
    const CLI::Validator* v = nullptr;
    try {
      v = o.get_validator(i);
    } catch (const CLI::OptionNotFound&) {
      return std::nullopt;
    }
    const std::string& name = v->get_name();
    if (name.compare(0, kCompletes.size(), kCompletes) != 0) continue;
    const std::string rest = name.substr(kCompletes.size());
    const auto bar = rest.find('|');
    Completes c;
    c.names = words(rest.substr(0, bar));
    for (const auto& t : words(rest.substr(bar + 1))) c.ids.push_back(*enum_from<Table>(t));
    return c;
  }
}

void name_record_values(CLI::App& command) {
  constexpr std::size_t kMost = 24;  // more are for the completions alone
  for (CLI::Option* o : command.get_options()) {
    const auto c = completes_of(*o);
    if (!c || c->ids.empty()) continue;
    TableSet tables;
    for (const Table t : c->ids) tables.set(static_cast<std::size_t>(t));
    const Dataset& ds = embedded_dataset(tables);
    std::vector<std::string> ids;
    for (const Table t : c->ids) {
      with_table(ds, t, [&](const auto& records) {
        for (const auto& r : records) ids.push_back(r.id);
      });
    }
    if (ids.empty() || ids.size() > kMost) continue;
    std::string d = o->get_description();
    std::replace(d.begin(), d.end(), '\n', ' ');
    o->description(help_text(d + "; in the dataset: " + text::join_comma(ids)));
  }
}

InterfaceDoc describe_interface() {
  g_describing = true;  // for the life of the process: it only describes
  GlobalOptions global;
  CLI::App app;
  setup_top(app, global);
  InterfaceDoc doc;
  doc.top = read_app(app);
  doc.top.description = app.get_description();
  for (const Command& c : commands()) {
    CLI::App* sub = app.add_subcommand(c.name, c.summary);
    c.setup(*sub);  // what it would run is not needed
    name_record_values(*sub);
    CommandDoc d = read_app(*sub);
    d.summary = c.summary;
    d.citations = c.citations;
    d.plots = c.plot_example != nullptr;
    doc.commands.push_back(std::move(d));
  }
  return doc;
}

std::vector<std::string> format_values(const CommandDoc& c) {
  return format_names(c.citations, c.plots);
}

}  // namespace mgcramp::cli
