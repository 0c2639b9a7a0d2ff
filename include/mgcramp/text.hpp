#pragma once
// Small text utilities shared by the loader, the renderers and the CLI.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mgcramp::text {

// Replaces control characters (C0, DEL, C1) so that a string from a dataset
// can never drive a terminal: tab and newline become a space, the others a
// visible escape such as "\x1b" or "\u0085". Invalid UTF-8 bytes become "\xNN".
std::string sanitize(std::string_view s);
// The same, line by line: line feeds are kept (a document to print).
std::string sanitize_lines(std::string_view s);

// Length of the run of printable ASCII (0x20..0x7E) at s[i].
std::size_t printable_run(std::string_view s, std::size_t i);

// Whether sanitize would change `s` (cheap: printable ASCII is checked a
// byte at a time, anything else is decoded).
bool needs_sanitize(std::string_view s);

// Length in bytes of the well-formed UTF-8 sequence at `s[i]` (1 for ASCII),
// or 0 when the bytes there are not one (stray continuation, overlong form,
// surrogate, beyond U+10FFFF, truncated).
std::size_t utf8_sequence(std::string_view s, std::size_t i);

// The code point of the well-formed sequence of `len` bytes at `s[i]`.
char32_t code_point(std::string_view s, std::size_t i, std::size_t len);

// Bidirectional text controls (U+061C, U+200E, U+200F, U+202A..U+202E,
// U+2066..U+2069): invisible, they can make text read in another order on a
// terminal, so they are escaped like control characters.
bool is_bidi_control(char32_t cp);

// Cuts every run of more than `max` non-space code points to its first
// `max` followed by "...", so that an echoed argument cannot flood a line.
std::string shorten_words(std::string_view s, std::size_t max);

// A formatted number with thousands separators once it reaches five digits
// ("603000" is "603,000", "12345.6" is "12,345.6"; "1000" stays) (UX23).
std::string group_thousands(std::string_view number);

// `s` with its first letter in lower case, for a name used mid-sentence
// ("for males 51 years and over"); an acronym's ("DRI") is kept.
std::string lower_first(std::string_view s);

// Number of terminal columns the UTF-8 string takes (one per code point).
std::size_t display_width(std::string_view s);

// Greedy word wrap to `width` columns; words longer than a line are split.
std::vector<std::string> wrap(std::string_view s, std::size_t width);

// The same lines as views, without a copy each: of `s`, or of `storage`
// when `s` has runs of spaces to squeeze. `lines` is cleared first.
void wrap_views(std::string_view s, std::size_t width, std::vector<std::string_view>& lines,
                std::string& storage);

// Pads with spaces on the right (left align) or on the left (right align).
std::string pad(std::string_view s, std::size_t width, bool right_align = false);

// Levenshtein distance, for "did you mean ...?" suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest candidate within a distance that scales with the length of
// `word`, or empty when none is close enough.
std::string closest(std::string_view word, const std::vector<std::string>& candidates);

std::string to_lower(std::string_view s);

// `s` without leading and trailing whitespace: ASCII and Unicode White_Space
// (no-break, ideographic and other spaces) and the invisible zero-width
// space, joiners and BOM. Empty when `s` holds nothing else.
std::string_view trim(std::string_view s);

// "a, b or c"
std::string join_or(const std::vector<std::string>& items);

// "a, b, c"
std::string join_comma(const std::vector<std::string>& items);

}  // namespace mgcramp::text
