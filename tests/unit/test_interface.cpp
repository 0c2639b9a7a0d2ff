// The command line as data (src/cli/interface.cpp), from which the manual
// page and the shell completions are written: every command of the
// registry, its options as --help shows them and the values they take.
#include <algorithm>

#include <catch2/catch.hpp>

#include "interface.hpp"
#include "mgcramp/query/trials.hpp"

using namespace mgcramp;
using namespace mgcramp::cli;
using Catch::Contains;

namespace {

const OptionDoc* find_option(const CommandDoc& c, const std::string& name) {
  for (const auto* list : {&c.options, &c.arguments}) {
    for (const auto& o : *list) {
      if (std::find(o.names.begin(), o.names.end(), name) != o.names.end()) return &o;
    }
  }
  return nullptr;
}

const CommandDoc& find_command(const InterfaceDoc& doc, const std::string& name) {
  for (const auto& c : doc.commands) {
    if (c.name == name) return c;
  }
  FAIL("no command " << name);
  throw;
}

}  // namespace

TEST_CASE("the interface lists every command of the registry with its help") {
  const InterfaceDoc doc = describe_interface();
  REQUIRE(doc.commands.size() == commands().size());
  for (std::size_t i = 0; i < doc.commands.size(); ++i) {
    const CommandDoc& c = doc.commands[i];
    INFO(c.name);
    CHECK(c.name == commands()[i].name);
    CHECK(c.summary == commands()[i].summary);
    CHECK_THAT(c.footer, Contains("Examples:\n  mgcramp " + c.name));
    REQUIRE(find_option(c, "--help") != nullptr);
    CHECK(find_option(c, "--help")->value.empty());
  }
  CHECK(doc.top.name == "mgcramp");
  CHECK_THAT(doc.top.description, Contains("magnesium and muscle cramps"));
  CHECK_THAT(doc.top.footer, Contains("Exit status"));
  REQUIRE(find_option(doc.top, "--data") != nullptr);
  CHECK(find_option(doc.top, "--data")->file());
}

TEST_CASE("options carry their value names, descriptions and the values they take") {
  const InterfaceDoc doc = describe_interface();
  const CommandDoc& trials = find_command(doc, "trials");
  const OptionDoc* population = find_option(trials, "--population");
  REQUIRE(population != nullptr);
  CHECK(population->value == "P");
  CHECK(population->completes.names == enum_names<Population>());
  // Help text is wrapped for the terminal; here its lines are joined.
  const OptionDoc* design = find_option(trials, "--design");
  REQUIRE(design != nullptr);
  CHECK(design->description.find('\n') == std::string::npos);
  for (const auto& n : enum_names<DesignSet>()) {
    CHECK(std::count(design->completes.names.begin(), design->completes.names.end(), n) == 1);
  }
  const OptionDoc* form = find_option(trials, "--form");
  REQUIRE(form != nullptr);
  CHECK(form->completes.names == std::vector<std::string>{"mixed"});
  CHECK(form->completes.ids == std::vector<Table>{Table::forms});
  const OptionDoc* id = find_option(find_command(doc, "show"), "id");
  REQUIRE(id != nullptr);
  CHECK(id->positional);
  CHECK(id->required);
  CHECK(id->completes.ids == all_tables());
  const OptionDoc* ids = find_option(find_command(doc, "cite"), "ids");
  REQUIRE(ids != nullptr);
  CHECK(ids->repeatable);
  // Hidden options (an old spelling) are left out.
  CHECK(find_option(find_command(doc, "symptoms"), "--condition") == nullptr);
  CHECK(find_option(find_command(doc, "symptoms"), "--kind") != nullptr);
  // A flag takes no value.
  CHECK(find_option(trials, "--plot")->value.empty());
}

TEST_CASE("format values: bibtex and ris only where the command cites, svg where it plots") {
  const InterfaceDoc doc = describe_interface();
  CHECK(format_values(doc.top) == std::vector<std::string>{"table", "json", "csv", "md"});
  CHECK(format_values(find_command(doc, "cite")) ==
        std::vector<std::string>{"table", "json", "csv", "md", "bibtex", "ris"});
  CHECK(format_values(find_command(doc, "rda")) == format_values(doc.top));
  for (const char* name : {"foods", "trials", "meta"}) {
    INFO(name);
    CHECK(format_values(find_command(doc, name)) ==
          std::vector<std::string>{"table", "json", "csv", "md", "svg"});
  }
  // The commands that plot are named in --format's help.
  const OptionDoc* format = find_option(doc.top, "--format");
  REQUIRE(format != nullptr);
  CHECK_THAT(format->description, Contains("with --plot (foods, trials, meta): svg"));
}

TEST_CASE("completes() names nothing unless the interface is being described") {
  describing_interface(false);
  std::string value;
  CLI::App app;
  CLI::Option* o = app.add_option("--x", value)->check(completes<Population>());
  CHECK_FALSE(completes_of(*o).has_value());
  app.parse(std::vector<std::string>{"anything", "--x"});
  CHECK(value == "anything");
  describing_interface(true);
}

TEST_CASE("completes() leaves --help and the values as they were") {
  describing_interface(true);
  std::string value;
  CLI::App app;
  CLI::Option* o = app.add_option("--x", value, "An option")->type_name("X");
  o->check(completes({{"a", "b"}, {Table::studies, Table::claims}}));
  CHECK_THAT(app.help(), Contains("--x X"));
  CHECK_THAT(app.help(), !Contains("mgcramp-completes"));
  const auto c = completes_of(*o);
  REQUIRE(c.has_value());
  CHECK(c->names == std::vector<std::string>{"a", "b"});
  CHECK(c->ids == std::vector<Table>{Table::studies, Table::claims});
  app.parse(std::vector<std::string>{"zzz", "--x"});  // reversed: the last is the first argument
  CHECK(value == "zzz");
  std::string plain;
  CHECK_FALSE(completes_of(*app.add_option("--y", plain)).has_value());
}

TEST_CASE("every option that takes enumerated values names them in its help (UX6)") {
  const InterfaceDoc doc = describe_interface();
  std::size_t checked = 0;
  for (const CommandDoc* c : [&] {
         std::vector<const CommandDoc*> all{&doc.top};
         for (const auto& x : doc.commands) all.push_back(&x);
         return all;
       }()) {
    for (const auto* list : {&c->options, &c->arguments}) {
      for (const OptionDoc& o : *list) {
        // The ids of a small table (the forms) count as its values too.
        std::vector<std::string> values = o.completes.names;
        if (o.completes.ids == std::vector<Table>{Table::forms}) {
          for (const auto* id : {"oxide", "glycinate", "orotate"}) values.emplace_back(id);
        }
        for (const auto& v : values) {
          // --format's values: table, json... (cite's bibtex and ris too).
          INFO(c->name << " " << o.names.back() << ": " << v);
          CHECK_THAT(o.description, Contains(v));
          ++checked;
        }
      }
    }
  }
  CHECK(checked > 100);
}
