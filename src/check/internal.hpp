#pragma once
// Internals of mgcramp/check/document.hpp shared by its source files.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mgcramp/check/document.hpp"

namespace mgcramp::check::detail {

// A byte range [begin, end) of a text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// What the HTML parser yields: the text (blocks one per line, whitespace
// collapsed), the <title> (or first h1) and the spans of the headings in it.
struct HtmlText {
  std::string text;
  std::string title;
  std::vector<Span> headings;  // in order, each its own line(s)
};

// Parses `input` with libxml2's HTML parser (no network, no error output).
// Throws DataError when the input is not UTF-8 and declares no charset
// libxml2 knows.
HtmlText extract_html(std::string_view input);

// Sentences of plain text or Markdown `text` (Document::text is the input);
// `title` gets the first h1 (else first heading), when not null.
std::vector<Sentence> split_lines(const std::string& text, Format f, std::string* title);

// Sentences of extracted HTML text: each line a block, the lines inside
// `headings` locators instead of sentences.
std::vector<Sentence> split_html(const std::string& text, const std::vector<Span>& headings);

// Offset of the first byte of `s` that is not well-formed UTF-8, or npos.
std::size_t invalid_utf8(std::string_view s);

// Longest sentence before it is cut at a space (no punctuation in sight).
inline constexpr std::size_t kMaxSentenceBytes = 1000;

}  // namespace mgcramp::check::detail
