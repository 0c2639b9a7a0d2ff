#pragma once
// An article handed to `mgcramp check`: its bytes recognised (plain text,
// Markdown or HTML), its text extracted, and that text cut into sentences,
// each under the heading it follows (its locator). Knows nothing of claims.
//
// Offsets are bytes into Document::text. For plain text and Markdown that
// text is the input itself (byte for byte, so an offset points into the
// file); for HTML it is the text libxml2's HTML parser yields, with scripts,
// styles, navigation and comments dropped, entities decoded and one newline
// between blocks.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mgcramp::check {

enum class Format : std::uint8_t { text, markdown, html };
std::string_view format_name(Format f);  // "text", "md", "html"

struct Sentence {
  std::size_t offset = 0;  // bytes into Document::text
  std::size_t length = 0;  // bytes
  std::string locator;     // the nearest heading above it, or "" before any
  std::string_view view(const std::string& text) const { return {text.data() + offset, length}; }
};

struct Document {
  Format format = Format::text;
  std::size_t bytes = 0;  // size of the input
  std::string title;  // <title> or the first h1 / "# " heading / first heading line; may be empty
  std::string text;   // the extracted text
  std::vector<Sentence> sentences;
};

inline constexpr std::size_t kMaxInputBytes = 10u * 1024 * 1024;

// Recognises, extracts and splits `input`. `forced` overrides detection.
// Throws DataError (mgcramp/error.hpp) with one line and a hint for: empty
// input, over kMaxInputBytes, binary data (NUL bytes or other control
// bytes), a PDF ("%PDF-": hint "pdftotext FILE.pdf - | mgcramp check -"),
// text that is not UTF-8 after the HTML's declared charset, where given.
Document read_document(std::string_view input, std::optional<Format> forced = std::nullopt);

// The bytes of the file at `path` ("-": standard input), at most
// kMaxInputBytes: a larger input, a directory or a file that cannot be read
// is a DataError (one line, a hint), and nothing is read past the limit.
std::string read_input(const std::string& path);

// True when `arg` looks like a URL (http://, https://, www.) rather than a file.
bool looks_like_url(std::string_view arg);

// Splits `text` into sentences (exposed for tests). Headings, list items and
// blank-line paragraphs end a sentence; "Dr.", "e.g.", "i.e.", "vs.", "et al.",
// "approx.", initials and decimals ("1.5 mg") do not.
std::vector<Sentence> split_sentences(const std::string& text, Format f);

}  // namespace mgcramp::check
