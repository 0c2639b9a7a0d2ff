// mgcramp_manpage OUTPUT VERSION DATE: writes the mgcramp(1) manual page
// (roff, man(7) macros) from the interface description, the same CLI11
// objects that print --help (src/cli/interface.hpp): a section per command
// with its options, arguments and footer. A build-time tool (not installed):
// the build runs it, so the page cannot drift from the program's help.
#include <cstdio>
#include <exception>
#include <sstream>
#include <string>
#include <vector>

#include "interface.hpp"

namespace {

using mgcramp::cli::CommandDoc;
using mgcramp::cli::OptionDoc;

// Text for a roff line: backslashes and hyphens escaped (a hyphen in a
// command line is the ASCII minus), a leading dot or quote made literal.
std::string esc(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
  return out;
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) {
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out.push_back(line);
  }
  return out;
}

// Paragraphs: runs of lines between blank lines.
std::vector<std::vector<std::string>> paragraphs(const std::string& s) {
  std::vector<std::vector<std::string>> out(1);
  for (const auto& line : lines_of(s)) {
    if (line.empty()) {
      if (!out.back().empty()) out.emplace_back();
    } else {
      out.back().push_back(line);
    }
  }
  if (out.back().empty()) out.pop_back();
  return out;
}

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

class Page {
 public:
  void section(const std::string& name) {
    out_ << ".SH " << name << "\n";
    fresh_ = true;
  }
  void subsection(const std::string& name) {
    out_ << ".SS " << name << "\n";
    fresh_ = true;
  }
  // A new paragraph, unless one has just begun.
  void paragraph() {
    if (!fresh_) out_ << ".PP\n";
    fresh_ = true;
  }
  void line(const std::string& roff) {
    out_ << roff << "\n";
    fresh_ = false;
  }
  // Filled text, its input lines cut at spaces to 78 bytes where possible.
  void fill(const std::string& roff) {
    std::string current;
    std::istringstream words(roff);
    for (std::string w; words >> w;) {
      if (!current.empty() && current.size() + 1 + w.size() > 78) {
        line(current);
        current.clear();
      }
      if (current.empty() && (w[0] == '.' || w[0] == '\'')) w.insert(0, "\\&");
      current += (current.empty() ? "" : " ") + w;
    }
    if (!current.empty()) line(current);
  }
  // Help text: lines indented by two spaces (examples, commands) kept as
  // they are, the others filled.
  void text(const std::string& s) {
    for (const auto& para : paragraphs(s)) {
      paragraph();
      bool literal = false;
      for (const auto& l : para) {
        const bool indented = starts_with(l, "  ");
        if (indented && !literal) line(".RS 2\n.nf");
        if (!indented && literal) line(".fi\n.RE");
        literal = indented;
        if (indented) {
          line(esc(l.substr(2)));
        } else {
          fill(esc(l));
        }
      }
      if (literal) line(".fi\n.RE");
    }
  }
  void option(const OptionDoc& o) {
    std::string tag;
    if (o.positional) {
      tag = "\\fI" + esc(o.value.empty() ? o.names[0] : o.value) + "\\fR";
    } else {
      for (const auto& n : o.names) tag += (tag.empty() ? "" : ", ") + ("\\fB" + esc(n) + "\\fR");
      if (!o.value.empty()) tag += " \\fI" + esc(o.value) + "\\fR";
    }
    if (o.repeatable) tag += " .\\|.\\|.";
    line(".TP\n" + tag);
    fill(esc(o.description));
    fresh_ = false;
  }
  std::string str() const { return out_.str(); }

 private:
  std::ostringstream out_;
  bool fresh_ = true;
};

// "mgcramp rda [OPTIONS] ID...", as the command's usage.
std::string synopsis(const CommandDoc& c) {
  std::string s = "\\fBmgcramp " + esc(c.name) + "\\fR [\\fIOPTIONS\\fR]";
  for (const auto& a : c.arguments) {
    std::string arg = "\\fI" + esc(a.value.empty() ? a.names[0] : a.value) + "\\fR";
    if (a.repeatable) arg += " .\\|.\\|.";
    s += " " + (a.required ? arg : "[" + arg + "]");
  }
  return s;
}

std::string man_page(const mgcramp::cli::InterfaceDoc& doc, const std::string& version,
                     const std::string& date) {
  Page p;
  p.line(".\\\" Written by mgcramp_manpage from the program's command-line interface.");
  p.line(".TH MGCRAMP 1 " + date + " \"mgcramp " + version + "\" \"User Commands\"");
  // Option names and values are not hyphenated, nor lines stretched.
  p.line(".nh\n.ad l");
  // The description's first line, "mgcramp: what ...", names the program.
  const std::vector<std::string> description = lines_of(doc.top.description);
  std::string name = description.empty() ? std::string() : description[0];
  if (starts_with(name, "mgcramp: ")) name = name.substr(9);
  if (!name.empty() && name.back() == '.') name.pop_back();
  p.section("NAME");
  p.line("mgcramp \\- " + esc(name));

  p.section("SYNOPSIS");
  std::string global;
  for (const auto& o : doc.top.options) {
    if (o.names.back() == "--help" || o.names.back() == "--version") continue;
    global += " [\\fB" + esc(o.names.back()) + "\\fR" +
              (o.value.empty() ? std::string() : " \\fI" + esc(o.value) + "\\fR") + "]";
  }
  p.line("\\fBmgcramp\\fR" + global + " \\fICOMMAND\\fR [\\fIOPTIONS\\fR] [\\fIARGUMENTS\\fR]");
  p.line(".br");
  p.line("\\fBmgcramp\\fR \\fB\\-\\-help\\fR | \\fB\\-\\-version\\fR");

  p.section("DESCRIPTION");
  std::string rest;
  for (std::size_t i = 1; i < description.size(); ++i) rest += description[i] + "\n";
  p.text(rest);
  std::string examples;
  for (const auto& para : paragraphs(doc.top.footer)) {
    std::string text;
    for (const auto& l : para) text += l + "\n";
    if (para[0] == "Examples:") {
      examples = text.substr(para[0].size() + 1);
    } else {
      p.text(text);
    }
  }
  p.paragraph();
  p.fill(
      "Each command below has its own options; \\fBmgcramp \\fICOMMAND\\fB \\-\\-help\\fR "
      "prints them.");

  p.section("OPTIONS");
  for (const auto& o : doc.top.options) p.option(o);

  p.section("COMMANDS");
  for (const auto& c : doc.commands) {
    p.subsection(esc(c.name));
    p.line(synopsis(c));
    p.paragraph();
    p.line(esc(c.summary) + ".");
    for (const auto& a : c.arguments) p.option(a);
    for (const auto& o : c.options) p.option(o);
    p.text(c.footer);
  }

  if (!examples.empty()) {
    p.section("EXAMPLES");
    p.text(examples);
  }
  p.section("SEE ALSO");
  p.fill(
      esc("README.md, installed with the program's documentation (on Debian, "
          "/usr/share/doc/mgcramp/README.md), describes the dataset, its sources and each "
          "command at length."));
  return p.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: mgcramp_manpage OUTPUT VERSION DATE\n");
    return 2;
  }
  try {
    const std::string page = man_page(mgcramp::cli::describe_interface(), argv[2], argv[3]);
    const std::string tmp = std::string(argv[1]) + ".tmp";
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (f == nullptr || std::fwrite(page.data(), 1, page.size(), f) != page.size() ||
        std::fclose(f) != 0 || std::rename(tmp.c_str(), argv[1]) != 0) {
      std::perror(argv[1]);
      return 1;
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "mgcramp_manpage: %s\n", e.what());
    return 1;
  }
  return 0;
}
