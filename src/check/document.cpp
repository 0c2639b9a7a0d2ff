// read_document: the checks every input passes (size, PDF, binary, UTF-8),
// the recognition of its format from the content, then extraction (HTML)
// and sentence splitting.
#include "mgcramp/check/document.hpp"

#include <cstddef>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "internal.hpp"
#include "mgcramp/error.hpp"

namespace mgcramp::check {

namespace {

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (lower(s[i]) != prefix[i]) return false;
  }
  return true;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// `s` without a UTF-8 byte order mark and leading white space.
std::string_view skip_lead(std::string_view s) {
  if (s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  std::size_t i = 0;
  while (i < s.size() && is_space(s[i])) ++i;
  return s.substr(i);
}

// The line number (from 1) of offset `at`.
std::size_t line_of(std::string_view s, std::size_t at) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < at && i < s.size(); ++i) line += s[i] == '\n';
  return line;
}

// An HTML tag among the first kilobyte: "<name" then '>', '/' or white space.
bool html_tag_near_start(std::string_view head) {
  static constexpr std::string_view kTags[] = {
      "html",    "head",    "body", "p",      "div",        "meta",   "title", "h1",     "h2",
      "h3",      "h4",      "h5",   "h6",     "br",         "ul",     "ol",    "li",     "table",
      "article", "section", "span", "a",      "main",       "header", "nav",   "script", "style",
      "link",    "img",     "em",   "strong", "blockquote", "pre",    "base",  "footer", "aside"};
  for (std::size_t i = head.find('<'); i != std::string_view::npos; i = head.find('<', i + 1)) {
    const std::string_view rest = head.substr(i + 1);
    for (const std::string_view t : kTags) {
      if (istarts_with(rest, t) && (rest.size() == t.size() || rest[t.size()] == '>' ||
                                    rest[t.size()] == '/' || is_space(rest[t.size()])))
        return true;
    }
  }
  return false;
}

Format detect(std::string_view input) {
  const std::string_view s = skip_lead(input);
  const std::string_view head = s.substr(0, 1024);
  if (!head.empty() && head[0] == '<') {
    if (istarts_with(head, "<!doctype html") || istarts_with(head, "<html") ||
        html_tag_near_start(head))
      return Format::html;
  }
  // Markdown: a '#' heading, a "- " / "* " / "+ " list, a [link](...),
  // **bold** or a ``` fence in the first 64 KB.
  const std::string_view scan = s.substr(0, 64 * 1024);
  std::size_t pos = 0;
  while (pos < scan.size()) {
    std::size_t end = scan.find('\n', pos);
    if (end == std::string_view::npos) end = scan.size();
    const std::string_view line = scan.substr(pos, end - pos);
    pos = end + 1;
    std::size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    const std::string_view t = line.substr(i);
    if (i <= 3 && !t.empty() && t[0] == '#') {
      std::size_t n = 0;
      while (n < t.size() && t[n] == '#') ++n;
      if (n <= 6 && n < t.size() && (t[n] == ' ' || t[n] == '\t')) return Format::markdown;
    }
    if (t.size() >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ' &&
        t.find_first_not_of(" -*+\t\r") != std::string_view::npos)
      return Format::markdown;
    if (i <= 3 && (t.substr(0, 3) == "```" || t.substr(0, 3) == "~~~")) return Format::markdown;
    const std::size_t link = line.find("](");
    if (link != std::string_view::npos && line.rfind('[', link) != std::string_view::npos &&
        line.find(')', link) != std::string_view::npos)
      return Format::markdown;
    const std::size_t bold = line.find("**");
    if (bold != std::string_view::npos && bold + 2 < line.size() && line[bold + 2] != ' ' &&
        line.find("**", bold + 3) != std::string_view::npos)
      return Format::markdown;
  }
  return Format::text;
}

const char* const kReads = "mgcramp check reads an article as plain text, Markdown or HTML";

void check_bytes(std::string_view input) {
  if (input.empty()) {
    throw DataError("the input is empty",
                    std::string(kReads) + "; give a file, or '-' with the text on stdin");
  }
  if (input.size() > kMaxInputBytes) {
    throw DataError(fmt::format("the input is {} bytes, more than the limit of {} MB ({} bytes)",
                                input.size(), kMaxInputBytes / (1024 * 1024), kMaxInputBytes),
                    "check one article at a time, or cut the file into parts");
  }
  if (skip_lead(input.substr(0, 1024)).substr(0, 5) == "%PDF-") {
    throw DataError("the input is a PDF, not text",
                    "extract its text with `pdftotext FILE.pdf - | mgcramp check -` "
                    "(poppler-utils)");
  }
  if (input.size() >= 2 && (input.substr(0, 2) == "\xFF\xFE" || input.substr(0, 2) == "\xFE\xFF")) {
    throw DataError("the input is UTF-16 text, not UTF-8",
                    "convert it: iconv -f UTF-16 -t UTF-8 FILE | mgcramp check -");
  }
  for (std::size_t i = 0; i < input.size(); ++i) {
    const auto c = static_cast<unsigned char>(input[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
      throw DataError(fmt::format("the input looks like binary data (control byte 0x{:02X} at "
                                  "offset {}), not text",
                                  c, i),
                      kReads);
    }
  }
}

}  // namespace

std::string_view format_name(Format f) {
  switch (f) {
    case Format::text: return "text";
    case Format::markdown: return "md";
    case Format::html: return "html";
  }
  return "text";
}

bool looks_like_url(std::string_view arg) {
  return istarts_with(arg, "http://") || istarts_with(arg, "https://") || istarts_with(arg, "www.");
}

Document read_document(std::string_view input, std::optional<Format> forced) {
  check_bytes(input);
  Document doc;
  doc.bytes = input.size();
  doc.format = forced ? *forced : detect(input);
  if (doc.format == Format::html) {
    detail::HtmlText h = detail::extract_html(input);
    doc.text = std::move(h.text);
    doc.title = std::move(h.title);
    doc.sentences = detail::split_html(doc.text, h.headings);
    return doc;
  }
  if (const std::size_t bad = detail::invalid_utf8(input); bad != std::string::npos) {
    throw DataError(
        fmt::format("the input is not valid UTF-8 (byte 0x{:02X} at offset {}, line {})",
                    static_cast<unsigned char>(input[bad]), bad, line_of(input, bad)),
        "convert it first, e.g. iconv -f WINDOWS-1252 -t UTF-8 FILE | mgcramp check -");
  }
  doc.text = std::string(input);
  doc.sentences = detail::split_lines(doc.text, doc.format, &doc.title);
  return doc;
}

}  // namespace mgcramp::check
