// Global behaviour of the binary: help, version, usage errors, data errors,
// dataset selection, colour and output failures.
#include <unistd.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "expect.hpp"

using Catch::Contains;
using Catch::StartsWith;
using nlohmann::json;

TEST_CASE("option version prints name version and git revision") {
  const Result r = expect_ok({"--version"});
  CHECK_THAT(r.out, Contains("mgcramp 0."));
  CHECK_THAT(r.out, Contains("(git "));
  // The embedded dataset's version and the day its evidence was reviewed.
  const auto line = r.out.find("\ndataset ");
  REQUIRE(line != std::string::npos);
  const auto at = r.out.find("evidence last reviewed ", line);
  REQUIRE(at != std::string::npos);
  const std::string day = r.out.substr(at + 23, 10);
  CHECK(day.size() == 10);
  CHECK(day[4] == '-');
  CHECK(day[7] == '-');
  // The same in validate, for people and scripts; a file without them says so.
  const json v = json::parse(expect_ok({"validate", "--json"}).out)["result"];
  CHECK(v["reviewed"] == day);
  CHECK(v["data_version"].is_string());
  CHECK_THAT(expect_ok({"validate"}).out, Contains("evidence last reviewed " + day));
}

TEST_CASE("option help and command help list commands and examples") {
  const Result top = expect_ok({"--help"});
  CHECK_THAT(top.out, Contains("rda"));
  CHECK_THAT(top.out, Contains("validate"));
  CHECK_THAT(top.out, Contains("intake"));
  CHECK_THAT(top.out, Contains("Examples:"));
  for (const char* cmd : {"rda", "foods", "forms", "dose", "intake", "validate"}) {
    const Result r = expect_ok({cmd, "--help"});
    CHECK_THAT(r.out, Contains("Examples:"));
    CHECK_THAT(r.out, Contains("--format"));
  }
  CHECK_THAT(expect_ok({}).out, Contains("Usage:"));
}

// A command's options are bound only when it is used (main.cpp): its help and
// its suggestions must still show them, with the global options once.
TEST_CASE("every command listed by help has its own options examples and global options") {
  const Result top = expect_ok({"--help"});
  const auto at = top.out.find("Subcommands:\n");
  REQUIRE(at != std::string::npos);
  std::istringstream lines(top.out.substr(at + 13));
  std::vector<std::string> commands;
  for (std::string line; std::getline(lines, line) && !line.empty();) {
    std::istringstream words(line);
    std::string name;
    words >> name;
    commands.push_back(name);
  }
  CHECK(commands.size() >= 13);
  for (const auto& cmd : commands) {
    INFO(cmd);
    const std::string out = expect_ok({cmd, "--help"}).out;
    CHECK_THAT(out, Contains("Usage: mgcramp " + cmd + " [OPTIONS]"));
    CHECK_THAT(out, Contains("Examples:\n  mgcramp " + cmd));
    const std::string global = "Global options (before or after the command)";
    CHECK(out.find(global) != std::string::npos);
    CHECK(out.find(global) == out.rfind(global));
  }
  expect_usage_error({"trials", "--sortt", "n"}, "did you mean '--sort'?");
  expect_usage_error({"claims", "--topc", "forms"}, "did you mean '--topic'?");
  expect_usage_error({"symptoms", "--conditon", "excess"}, "did you mean '--condition'?");
  expect_usage_error({"dose", "--compound", "5"}, "did you mean '--compound-mg'?");
}

TEST_CASE("unknown commands and options suggest the closest name") {
  expect_usage_error({"rdx"}, "unknown command 'rdx'; did you mean 'rda'?");
  expect_usage_error({"frobnicate"}, "unknown command 'frobnicate'");
  expect_usage_error({"rda", "--agee", "5"}, "unknown option '--agee'; did you mean '--age'?");
  expect_usage_error({"rda", "--jsn"}, "did you mean '--json'?");
  expect_usage_error({"--bogus", "rda"}, "unknown option '--bogus'");
  expect_usage_error({"rda", "extra"}, "unexpected argument 'extra'");
  // Global options alone are no command: help, as with no arguments (IN16).
  CHECK(expect_ok({"--json"}).out == expect_ok({}).out);
  CHECK(expect_ok({"--color", "never", "--format", "csv"}).out == expect_ok({}).out);
  CHECK(expect_ok({"--food-db", "/nonexistent.sqlite"}).out == expect_ok({}).out);
}

TEST_CASE("help COMMAND and -V (UX9)") {
  CHECK(expect_ok({"help", "rda"}).out == expect_ok({"rda", "--help"}).out);
  CHECK(expect_ok({"help"}).out == expect_ok({"--help"}).out);
  CHECK(expect_ok({"-V"}).out == expect_ok({"--version"}).out);
}

TEST_CASE("with --json an error is one JSON object on stderr (MF15)") {
  const Result r = run({"--json", "show", "nope"});
  CHECK(r.code == 2);
  CHECK(r.out.empty());
  const json e = json::parse(r.err)["error"];
  CHECK(e["status"] == 2);
  CHECK(e["kind"] == "usage");
  CHECK_THAT(e["message"].get<std::string>(), Contains("no record with id 'nope'"));
  CHECK(e["hint"].is_string());
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  // A value that is not a global option's JSON request: plain text.
  CHECK_THAT(run({"--data", "--json", "rda"}).err, Contains("mgcramp: error: option --data"));
}

TEST_CASE("missing values and repeated options are usage errors") {
  expect_usage_error({"rda", "--age"}, "option --age needs a value");
  expect_usage_error({"rda", "--sex"}, "option --sex needs a value");
  // A repeated option takes its last value (UX10).
  CHECK_THAT(expect_ok({"rda", "--age", "5", "--age", "40", "--sex", "f"}).out,
             Contains("age 40 years"));
  CHECK_THAT(expect_ok({"--color", "always", "--color", "never", "rda", "--age", "40"}).out,
             !Contains("\x1b"));
  expect_usage_error({"--data"}, "option --data needs a value");
}

TEST_CASE("format and colour options are checked") {
  expect_usage_error({"rda", "--format", "xml"}, "--format must be table, json, csv or md");
  const Result conflict = run({"rda", "--json", "--format", "csv"});
  CHECK(conflict.code == 2);
  CHECK_THAT(conflict.err, Contains("--json conflicts with --format csv"));
  expect_usage_error({"rda", "--color", "blue"}, "--color must be auto, always or never");
}

TEST_CASE("global options work before and after the command name") {
  const Result before = expect_ok({"--json", "rda", "--age", "30", "--sex", "f"});
  const Result after = expect_ok({"rda", "--age", "30", "--sex", "f", "--json"});
  CHECK(before.out == after.out);
  CHECK(json::parse(after.out).is_object());
  const Result fmt = expect_ok({"rda", "--format", "csv", "--age", "30", "--sex", "f"});
  CHECK(fmt.out.rfind("id,life_stage,", 0) == 0);
}

TEST_CASE("option data and MGCRAMP_DATA select another dataset") {
  json d = json::parse(dataset_text());
  d["intakes"][8]["rda_mg"] = 311;  // females 19-30
  const std::string path = temp_file(d.dump());
  const auto via_flag = expect_ok({"--data", path, "rda", "--age", "25", "--sex", "f", "--json"});
  CHECK(results_of(via_flag.out)[0]["rda_mg"] == 311);
  RunOptions env;
  env.env["MGCRAMP_DATA"] = path;
  const auto via_env = expect_ok({"rda", "--age", "25", "--sex", "f", "--json"}, env);
  CHECK(results_of(via_env.out)[0]["rda_mg"] == 311);
  // --data wins over the environment.
  env.env["MGCRAMP_DATA"] = "/nonexistent.json";
  const auto both = expect_ok({"rda", "--data", path, "--age", "25", "--sex", "f", "--json"}, env);
  CHECK(results_of(both.out)[0]["rda_mg"] == 311);
  std::remove(path.c_str());
}

TEST_CASE("standard input as the dataset, and MGCRAMP_DATA named in its errors (UX11, UX12)") {
  RunOptions in;
  in.stdin_path = MGCRAMP_DATA_FILE;
  CHECK_THAT(expect_ok({"validate", "-"}, in).out, Contains("standard input: valid"));
  CHECK_THAT(expect_ok({"--data", "-", "rda", "--age", "25", "--sex", "f"}, in).out,
             Contains("310"));
  RunOptions env;
  env.env["MGCRAMP_DATA"] = "/nonexistent.json";
  expect_error({"rda", "--age", "4"}, 1, "the file MGCRAMP_DATA names", env);
  expect_error({"rda", "--age", "4"}, 1, "unset MGCRAMP_DATA", env);
}

TEST_CASE("validate --json says valid false with the error's pointer, line and column (IN13)") {
  json d = json::parse(dataset_text());
  d["intakes"][3]["rda_mg"] = "lots";
  const std::string typed = temp_file(d.dump());
  const Result t = run({"validate", typed, "--json"});
  CHECK(t.code == 1);
  const json v = result_of(t.out);
  CHECK(v["file"] == typed);
  CHECK(v["valid"] == false);
  CHECK(v["error"]["pointer"] == "/intakes/3/rda_mg");
  CHECK(v["error"]["line"].is_null());
  CHECK(json::parse(t.err)["error"]["pointer"] == "/intakes/3/rda_mg");
  const std::string bad = temp_file("{\n \"schema_version\": 1,\n \"sources\": [}\n");
  const json s = result_of(run({"validate", bad, "--json"}).out);
  CHECK(s["valid"] == false);
  CHECK(s["error"]["line"] == 3);
  CHECK(s["error"]["column"] == 14);
  CHECK(s["error"]["pointer"].is_null());
  // Without --json: nothing on stdout, one line on stderr, as before.
  expect_error({"validate", bad}, 1, bad + ":3:14: invalid JSON");
  std::remove(typed.c_str());
  std::remove(bad.c_str());
}

TEST_CASE("data errors exit 1 with the file and position") {
  expect_error({"--data", "/nonexistent/d.json", "rda"}, 1, "cannot open '/nonexistent/d.json'");
  expect_error({"--data", "/", "rda"}, 1, "is a directory");
  const std::string bad = temp_file("{\n \"schema_version\": 1,\n \"sources\": [}\n");
  expect_error({"--data", bad, "rda"}, 1, bad + ":3:14: invalid JSON");
  json d = json::parse(dataset_text());
  d["intakes"][3]["rda_mg"] = "lots";
  const std::string typed = temp_file(d.dump());
  expect_error({"rda", "--data", typed}, 1,
               typed + ": /intakes/3/rda_mg: expected a non-negative number, got \"lots\"");
  // An empty table the command needs is the dataset's fault (1), not the user's (2).
  d = json::parse(dataset_text());
  d["intakes"] = json::array();
  const std::string empty = temp_file(d.dump());
  expect_error({"--data", empty, "rda", "--age", "30"}, 1,
               empty + ": /intakes: expected at least one intake, got an empty array");
  std::remove(bad.c_str());
  std::remove(typed.c_str());
  std::remove(empty.c_str());
}

// The loader streams a file; only one larger than 2 GiB is refused, before
// any of it is read (a sparse file of 3 GiB takes no disk).
TEST_CASE("a dataset file may be large but not over 2 GiB") {
  const std::string huge = temp_file("");
  REQUIRE(::truncate(huge.c_str(), 3LL << 30) == 0);
  expect_error({"--data", huge, "rda"}, 1, "is larger than 2048 MiB");
  std::remove(huge.c_str());
  // A dataset padded past the old 64 MiB limit with whitespace loads.
  const std::string big = temp_file(dataset_text() + std::string(70u << 20, ' '));
  const Result r = expect_ok({"--data", big, "foods", "--top", "1"});
  CHECK_THAT(r.out, Contains("Pumpkin seeds"));
  std::remove(big.c_str());
}

TEST_CASE("validate counts records or reports the first problem") {
  const Result ok = expect_ok({"validate"});
  CHECK_THAT(ok.out, Contains("valid"));
  CHECK_THAT(ok.out, Contains("intakes"));
  const Result file = expect_ok({"validate", MGCRAMP_DATA_FILE, "--json"});
  const json v = result_of(file.out);
  CHECK(v["file"] == MGCRAMP_DATA_FILE);
  CHECK(v["valid"] == true);
  CHECK(v["schema_version"] == 1);
  REQUIRE(v["tables"].size() == 15);
  CHECK(v["tables"][0] == json::parse(R"({"table": "sources", "records": 26})"));
  const std::string dup = temp_file("{\"schema_version\": 1, \"schema_version\": 1}");
  expect_error({"validate", dup}, 1, dup + ": /schema_version: duplicate key");
  std::remove(dup.c_str());
}

TEST_CASE("colour: never when piped on a terminal only in auto mode without NO_COLOR") {
  const std::vector<std::string> q = {"rda", "--age", "30"};
  CHECK(expect_ok(q).out.find('\x1b') == std::string::npos);
  RunOptions plain;
  plain.env["NO_COLOR"] = std::nullopt;
  CHECK(expect_ok({"rda", "--age", "30", "--color", "always"}, plain).out.find("\x1b[") !=
        std::string::npos);
  // An explicit flag wins over NO_COLOR and TERM=dumb (IN10).
  plain.env["NO_COLOR"] = "1";
  plain.env["TERM"] = "dumb";
  CHECK(expect_ok({"rda", "--age", "30", "--color", "always"}, plain).out.find("\x1b[") !=
        std::string::npos);

  RunOptions tty;
  tty.pty = true;
  tty.env["NO_COLOR"] = std::nullopt;
  tty.env["TERM"] = "xterm";
  CHECK(run(q, tty).out.find("\x1b[") != std::string::npos);
  tty.env["NO_COLOR"] = "1";
  CHECK(run(q, tty).out.find('\x1b') == std::string::npos);
  tty.env["NO_COLOR"] = std::nullopt;
  tty.env["TERM"] = "dumb";
  CHECK(run(q, tty).out.find('\x1b') == std::string::npos);
  tty.env["TERM"] = "xterm";
  CHECK(run({"rda", "--age", "30", "--color", "never"}, tty).out.find('\x1b') == std::string::npos);
  // JSON stays plain even when colour is forced.
  CHECK(run({"rda", "--age", "30", "--json", "--color", "always"}, tty).out.find('\x1b') ==
        std::string::npos);
}

TEST_CASE("control characters in dataset strings never reach the terminal") {
  json d = json::parse(dataset_text());
  d["intakes"][8]["life_stage"] = "Evil \x1b[2J\x1b]0;title\x07 stage";
  const std::string path = temp_file(d.dump());
  for (const char* f : {"table", "csv", "md", "json"}) {
    const Result r = expect_ok({"--data", path, "rda", "--age", "25", "--sex", "f", "--format", f});
    INFO(f << ": " << r.out);
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK(r.out.find('\x07') == std::string::npos);
    CHECK_THAT(r.out, Contains("Evil"));
  }
  std::remove(path.c_str());
}

TEST_CASE("a failed write is a data error never a partial success") {
  RunOptions full;
  full.stdout_path = "/dev/full";
  const Result r = run({"rda"}, full);
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Contains("cannot write output"));
}

TEST_CASE("every command's table fits 80 columns") {
  const std::vector<std::vector<std::string>> queries = {
      {"rda"},
      {"rda", "--age", "25", "--sex", "f", "--pregnant"},
      {"foods", "--top", "10"},
      {"foods", "--plot"},
      {"forms"},
      {"forms", "glycinate"},
      {"dose", "--form", "citrate", "--compound-mg", "500", "--age", "40", "--sex", "f"},
      {"intake", "--food", "almonds:2", "--supplement", "citrate:500", "--age", "40", "--sex", "f"},
      {"trials", "--design", "all", "--all"},
      {"trials", "--design", "all", "--all", "--plot"},
      {"claims"},
      {"sources"},
      {"causes"},
      {"remedies"},
      {"symptoms"},
      {"interactions"},
      {"search", "magnesium", "--limit", "50"},
      {"show", "garrison-2020"},
      {"show", "art-healthline"},
      {"cite", "--all"},
      {"validate"}};
  for (const auto& q : queries) {
    INFO(q[0]);
    expect_fits(expect_ok(q).out);
  }
}

TEST_CASE("'--' ends the options") {
  CHECK_THAT(expect_ok({"search", "--", "-oxide"}).out, Contains("Search \"-oxide\""));
  expect_usage_error({"rda", "--", "--age", "25"}, "unexpected argument '--age' after '--'");
}

TEST_CASE("an option followed by another option or an empty value has no value") {
  expect_usage_error({"rda", "--sex", "--age", "30"}, "option --sex needs a value");
  expect_usage_error({"intake", "--food=", "--age", "30", "--sex", "f"},
                     "option --food needs a value");
  expect_usage_error({"rda", "--age=", "--sex", "f"}, "option --age needs a value");
  expect_usage_error({"--data", "--json", "rda"}, "option --data needs a value");
}

TEST_CASE("help fits 80 columns for every command") {
  expect_fits(expect_ok({"--help"}).out);
  for (const char* c : {"rda", "foods", "forms", "dose", "intake", "trials", "claims", "sources",
                        "causes", "remedies", "symptoms", "interactions", "search", "show", "cite",
                        "validate", "completion"}) {
    INFO(c);
    expect_fits(expect_ok({c, "--help"}).out);
  }
}

TEST_CASE("completion prints a script for bash, zsh and fish and refuses other shells") {
  const std::string bash = expect_ok({"completion", "bash"}).out;
  CHECK_THAT(bash, Contains("complete -F _mgcramp mgcramp"));
  CHECK_THAT(bash, Contains("garrison-2020"));
  CHECK_THAT(expect_ok({"completion", "ZSH"}).out, StartsWith("#compdef mgcramp\n"));
  CHECK_THAT(expect_ok({"completion", "fish"}).out, Contains("complete -c mgcramp"));
  expect_usage_error({"completion", "tcsh"},
                     "the shell must be bash, zsh or fish, got 'tcsh' (for example 'mgcramp "
                     "completion bash')");
  expect_usage_error({"completion"}, "see 'mgcramp completion --help'");
  expect_usage_error({"completion", "bash", "zsh"}, "unexpected argument 'zsh'");
}

TEST_CASE("errors stay one short line whatever the input holds") {
  // Control characters in a dataset reach no error message raw.
  json d = json::parse(dataset_text());
  d["forms"][0]["formula"] = "A\x1b[31mB\x07C\xc2\x9b\x7f";
  const std::string path = temp_file(d.dump());
  const Result bad = run({"validate", path});
  CHECK(bad.code == 1);
  CHECK_THAT(bad.err, Contains("/forms/0/formula"));
  for (char c : bad.err) CHECK((static_cast<unsigned char>(c) >= 0x20 || c == '\n'));
  CHECK(bad.err.find("\xc2\x9b") == std::string::npos);
  std::remove(path.c_str());
  // A huge argument is cut, not echoed whole.
  const std::string huge(100000, 'a');
  const Result r = run({"show", huge});
  CHECK(r.code == 2);
  CHECK(r.err.size() < 400);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  expect_usage_error({"search", std::string(300, 'x')}, "longer than 200 characters");
}

TEST_CASE("an empty argument is named as the help names it (UX19); --format names cite's (IN14)") {
  expect_usage_error({"search", ""}, "search: TEXT is empty");
  expect_usage_error({"show", ""}, "show: ID is empty");
  expect_usage_error({"forms", ""}, "forms: NAME is empty");
  CHECK_THAT(expect_ok({"--help"}).out, Contains("cite: bibtex, ris"));
}

TEST_CASE("dose needs no sex when both sexes share the UL at that age (UX8)") {
  const Result t = expect_ok({"dose", "--form", "oxide", "--compound-mg", "800", "--age", "68"});
  CHECK_THAT(t.out, Contains("either sex, UL"));
  CHECK_THAT(t.out, Contains("138%"));
  const json j = json::parse(
      expect_ok({"dose", "--form", "oxide", "--compound-mg", "800", "--age", "68", "--json"}).out);
  CHECK(j["results"][0]["ul_supplemental_mg"] == 350);
  // The sources behind the figures only (UX4): no trial of oxide.
  for (const auto& s : j["sources"]) CHECK(s["id"] != "roguin-maor-2017");
}

TEST_CASE("plain language: one warning per fact, names mid-sentence in lower case (UX20, UX24)") {
  const Result infant =
      expect_ok({"dose", "--form", "oxide", "--compound-mg", "100", "--months", "8"});
  // The intake's notice says it once; the generated line does not repeat it.
  CHECK(infant.out.find("No upper limit is established") == std::string::npos);
  const auto first = infant.out.find("No UL is established for infants");
  REQUIRE(first != std::string::npos);
  CHECK(infant.out.find("No UL is established", first + 1) == std::string::npos);
  // Scripts still get the notice.
  const json j = json::parse(
      expect_ok({"dose", "--form", "oxide", "--compound-mg", "100", "--months", "8", "--json"})
          .out);
  CHECK(j["notices"].dump().find("no-ul-established") != std::string::npos);
  CHECK_THAT(
      expect_ok({"dose", "--form", "oxide", "--compound-mg", "800", "--age", "68", "--sex", "m"})
          .out,
      Contains("for\nmales 51 years and over"));
  expect_usage_error({"intake", "--food", "almonds", "--sex", "f"},
                     "add --age YEARS, or --months N for infants");
}

TEST_CASE("on a terminal the table takes its width; a pipe always gets 80 columns (UX3)") {
  auto widest = [](const std::string& out) {
    std::size_t w = 0, start = 0;
    while (start < out.size()) {
      std::size_t end = out.find('\n', start);
      if (end == std::string::npos) end = out.size();
      std::string line = out.substr(start, end - start);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      std::size_t cols = 0;
      for (char c : line) cols += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      w = std::max(w, cols);
      start = end + 1;
    }
    return w;
  };
  RunOptions tty;
  tty.pty = true;
  tty.env["NO_COLOR"] = "1";
  tty.env["COLUMNS"] = "120";
  const std::size_t wide = widest(run({"causes"}, tty).out);
  CHECK(wide > 80);
  CHECK(wide <= 120);
  tty.env["COLUMNS"] = std::nullopt;
  CHECK(widest(run({"causes"}, tty).out) <= 80);
  RunOptions pipe;
  pipe.env["COLUMNS"] = "120";
  CHECK(widest(expect_ok({"causes"}, pipe).out) <= 80);
}

TEST_CASE("numbers: thousands separators, one number of decimals per estimate (UX23)") {
  const Result d = expect_ok(
      {"dose", "--form", "oxide", "--compound-mg", "1000000", "--age", "40", "--sex", "f"});
  CHECK_THAT(d.out, Contains("1,000,000 mg"));
  CHECK_THAT(d.out, Contains("603,000 mg"));
  CHECK_THAT(d.out, Contains("172,286%"));
  const Result t = expect_ok({"trials", "--design", "all", "--all", "--plot"});
  CHECK_THAT(t.out, Contains("5.66 [1.35, 23.68]"));
  CHECK_THAT(t.out, Contains("0.86 [0.50, 1.45]"));
}

TEST_CASE("one cap on text to look for, one on any argument (UX21)") {
  const std::string long_text(300, 'a');
  expect_usage_error({"foods", "--search", long_text}, "--search is longer than 200 characters");
  expect_usage_error({"search", long_text}, "search text is longer than 200 characters");
  expect_usage_error({"rda", "--age", std::string(5000, '1')},
                     "argument 3 is longer than 4096 bytes");
}

TEST_CASE("CR, LF and CRLF in data read alike in every format (IN15)") {
  json d = json::parse(dataset_text());
  d["foods"][0]["name"] = "Pumpkin\r\nseeds\rroasted\nsalted";
  const std::string path = temp_file(d.dump());
  for (const char* f : {"table", "csv", "md"}) {
    INFO(f);
    CHECK_THAT(expect_ok({"--data", path, "foods", "--top", "1", "--format", f}).out,
               Contains("Pumpkin seeds roasted salted"));
  }
  std::remove(path.c_str());
}

TEST_CASE("help names the values an option takes, the dataset's forms too (UX6)") {
  const std::string dose = unwrapped(expect_ok({"dose", "--help"}).out);
  CHECK_THAT(dose, Contains("--form FORM Supplement form (see 'mgcramp forms'); in the dataset: "
                            "oxide, citrate, glycinate,"));
  CHECK_THAT(unwrapped(expect_ok({"help", "trials"}).out),
             Contains("or mixed; in the dataset: oxide"));
  CHECK_THAT(unwrapped(expect_ok({"show", "--help"}).out),
             Contains("--table T sources, notices, intakes, foods,"));
  // A query does not pay for it: the same command without --help answers.
  CHECK_THAT(expect_ok({"dose", "--form", "oxide", "--compound-mg", "500"}).out, Contains("oxide"));
}

TEST_CASE("a command's option before the command says where it goes (MS17)") {
  expect_usage_error({"--sex", "f", "rda", "--age", "40"},
                     "--sex is an option of 'rda': put it after the command");
  expect_usage_error({"--top", "5", "foods"}, "--top is an option of 'foods'");
  expect_usage_error({"--top=5", "foods"}, "--top is an option of 'foods'");
  // After "--", an option is an argument no command takes.
  expect_usage_error({"rda", "--age", "40", "--", "--sex", "f"},
                     "unexpected argument '--sex' after '--'");
  // Global options go anywhere.
  CHECK(expect_ok({"--json", "rda", "--age", "40", "--sex", "f"}).out ==
        expect_ok({"rda", "--age", "40", "--sex", "f", "--json"}).out);
}

TEST_CASE("top and limit: --top and --limit are one option wherever either is taken (IN12)") {
  CHECK(expect_ok({"foods", "--limit", "3"}).out == expect_ok({"foods", "--top", "3"}).out);
  CHECK(expect_ok({"search", "oxide", "--top", "2"}).out ==
        expect_ok({"search", "oxide", "--limit", "2"}).out);
  // Last one wins, whichever name it has (UX10).
  CHECK(expect_ok({"foods", "--top", "9", "--limit", "2"}).out ==
        expect_ok({"foods", "--top", "2"}).out);
  CHECK_THAT(expect_ok({"foods", "--help"}).out, Contains("--top,--limit N"));
  CHECK_THAT(expect_ok({"search", "--help"}).out, Contains("--limit,--top N"));
}
