// mgcramp check FILE: an article's claims against the evidence.
#include <sys/stat.h>

#include "cli.hpp"
#include "mgcramp/check/document.hpp"
#include "mgcramp/check/matcher.hpp"
#include "mgcramp/report/builders.hpp"

namespace mgcramp::cli {
namespace {

constexpr check::Format kInputs[] = {check::Format::text, check::Format::markdown,
                                     check::Format::html};

std::vector<std::string> input_names() {
  std::vector<std::string> names;
  for (check::Format f : kInputs) names.emplace_back(check::format_name(f));
  return names;
}

std::optional<check::Format> parse_input(const std::optional<std::string>& s) {
  if (!s) return std::nullopt;
  const std::string v = text::to_lower(*s);
  for (check::Format f : kInputs) {
    if (v == check::format_name(f)) return f;
  }
  if (v == "markdown") return check::Format::markdown;
  throw UsageError("--input must be text, md or html, got '" + text::sanitize(*s) + "'",
                   "for example --input html, or leave it out to detect the format");
}

bool exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

}  // namespace

Run setup_check(CLI::App& sub) {
  struct Options {
    std::string file;
    std::optional<std::string> input;
  };
  auto o = std::make_shared<Options>();
  sub.add_option("file", o->file, help_text("The article: a file, or - for standard input"))
      ->type_name("FILE")
      ->required();
  sub.add_option("--input", o->input,
                 help_text("The input's format: text, md or html (default: detected)"))
      ->type_name("F")
      ->check(completes(Completes{input_names(), {}}));
  sub.footer(
      paragraph("Reads an article (plain text, Markdown or HTML, up to 10 MB of UTF-8) and "
                "lists each claim of the evidence base it makes: its sentences with their "
                "heading and byte offset, the article's stance (supports, opposes, mixed; a "
                "hedged sentence still supports, a question asserts nothing), the verdict of "
                "the evidence and the article's standing (agrees, at-odds, unsettled). Then "
                "its scorecard, its commercial signals and the health claims about magnesium "
                "that match no claim, which were not judged. Offsets are bytes into the text "
                "read: the file itself for text and Markdown, the extracted text for HTML. "
                "--format csv gives one row per sentence.") +
      "\n\n" +
      paragraph("mgcramp works offline: save a web page first (your browser's Save Page As, or "
                "curl -o page.html URL). For a PDF: pdftotext FILE.pdf - | mgcramp check -.") +
      R"(

Examples:
  mgcramp check article.html
  mgcramp check notes.md --json
  pdftotext paper.pdf - | mgcramp check -
  mgcramp check article.txt --format csv)");
  return [o](Context& ctx) {
    const std::optional<check::Format> forced = parse_input(o->input);
    if (o->file != "-" && check::looks_like_url(o->file) && !exists(o->file)) {
      throw UsageError(
          "mgcramp works offline and does not fetch '" +
              text::shorten_words(text::sanitize(o->file), 60) + "'",
          "save the page first, e.g. curl -o page.html URL, then: mgcramp check page.html");
    }
    const std::string bytes = check::read_input(o->file);
    const check::Document doc = check::read_document(bytes, forced);
    const Dataset& ds = ctx.dataset();
    const check::Matcher matcher(ds);
    const check::Reading reading = matcher.read(doc);
    const std::string name = o->file == "-" ? "standard input" : o->file;
    if (ctx.render_options().format == Format::csv)
      return ctx.render(check_sentences_report(ds, doc, reading, name));
    return ctx.render(check_report(ds, doc, reading, name));
  };
}

}  // namespace mgcramp::cli
