#include "mgcramp/text.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

namespace mgcramp::text {

std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = at(i);
  if (c < 0x80) return 1;
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;  // no overlong forms
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (i + len > s.size() || at(i + 1) < lo || at(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < len; ++k) {
    if ((at(i + k) & 0xC0) != 0x80) return 0;
  }
  return len;
}

char32_t code_point(std::string_view s, std::size_t i, std::size_t len) {
  const auto at = [&](std::size_t k) {
    return static_cast<char32_t>(static_cast<unsigned char>(s[k]));
  };
  if (len == 1) return at(i);
  char32_t cp = at(i) & (len == 2 ? 0x1Fu : len == 3 ? 0x0Fu : 0x07u);
  for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (at(i + k) & 0x3Fu);
  return cp;
}

bool is_bidi_control(char32_t cp) {
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

namespace {

constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kHighs = 0x8080808080808080ull;

std::uint64_t load8(const char* p) {
  std::uint64_t x = 0;
  std::memcpy(&x, p, sizeof x);
  return x;
}

}  // namespace

// Eight bytes at a time while the run lasts.
std::size_t printable_run(std::string_view s, std::size_t i) {
  const std::size_t start = i;
  while (i + 8 <= s.size()) {
    const std::uint64_t x = load8(s.data() + i);
    const std::uint64_t del = x ^ (0x7F * kOnes);
    const bool below_space = ((x - 0x20 * kOnes) & ~x & kHighs) != 0;
    const bool has_del = ((del - kOnes) & ~del & kHighs) != 0;
    if ((x & kHighs) != 0 || below_space || has_del) break;
    i += 8;
  }
  while (i < s.size() && s[i] >= 0x20 && s[i] < 0x7F) ++i;
  return i - start;
}

bool needs_sanitize(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    i += printable_run(s, i);
    if (i == s.size()) break;
    const char c = s[i];
    const std::size_t len = utf8_sequence(s, i);
    if (len <= 1 || is_bidi_control(code_point(s, i, len)) ||
        (len == 2 && static_cast<unsigned char>(c) == 0xC2 &&
         static_cast<unsigned char>(s[i + 1]) < 0xA0)) {
      return true;
    }
    i += len;
  }
  return false;
}

std::string sanitize(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    // Printable ASCII, the common case, is copied a run at a time.
    const std::size_t run = printable_run(s, i);
    out.append(s, i, run);
    i += run;
    if (i == s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = utf8_sequence(s, i);
    if (len == 0) {
      out += fmt::format("\\x{:02x}", c);
      ++i;
      continue;
    }
    if (len == 1) {
      if (c == '\t' || c == '\n' || c == '\r') {
        // A line break (LF, CR or CRLF) or a tab is one space, in every
        // format (IN15).
        out += ' ';
        if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      } else if (c < 0x20 || c == 0x7F) {
        out += fmt::format("\\x{:02x}", c);
      } else {
        out += static_cast<char>(c);
      }
    } else if (const char32_t cp = code_point(s, i, len); cp < 0xA0 || is_bidi_control(cp)) {
      // U+0080..U+009F (C1 control characters) and bidirectional controls.
      out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(cp));
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string shorten_words(std::string_view s, std::size_t max) {
  std::string out;
  out.reserve(s.size());
  std::size_t run = 0;  // code points since the last space
  bool cut = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool starts_char = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (c == ' ') {
      run = 0;
      cut = false;
    } else if (starts_char && ++run > max) {
      if (!cut) out += "...";
      cut = true;
    }
    if (!cut) out += c;
  }
  return out;
}

std::size_t display_width(std::string_view s) {
  std::size_t n = 0;
  for (char ch : s) {
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++n;
  }
  return n;
}

namespace {

// Byte offset after the first `cols` code points of `s`.
std::size_t prefix_bytes(std::string_view s, std::size_t cols) {
  // ASCII, the common case, is one byte per column: skip it eight at a time.
  std::size_t i = 0;
  while (i + 8 <= s.size() && i + 8 <= cols && (load8(s.data() + i) & kHighs) == 0) i += 8;
  std::size_t seen = i;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (seen == cols) return i;
      ++seen;
    }
  }
  return s.size();
}

}  // namespace

void wrap_views(std::string_view s, std::size_t width, std::vector<std::string_view>& lines,
                std::string& storage) {
  lines.clear();
  if (width == 0) width = 1;
  // Runs of spaces read as one: the rare text that has such a run is
  // wrapped as a copy without them, kept in `storage`.
  if (const std::size_t run = s.find("  "); run != std::string_view::npos) {
    storage.assign(s.substr(0, run));
    for (std::size_t k = run; k < s.size(); ++k) {
      if (s[k] != ' ' || k == 0 || s[k - 1] != ' ') storage += s[k];
    }
    s = storage;
  }
  // Each line is a piece of the text.
  auto emit = [&](std::string_view line) {
    while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
    lines.push_back(line);
  };
  std::size_t i = 0;
  for (;;) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size()) break;
    // [i, limit) holds `width` columns; what follows it decides the cut.
    const std::size_t limit = i + prefix_bytes(s.substr(i), width);
    if (limit >= s.size() || s[limit] == ' ') {  // the window ends with a word
      emit(s.substr(i, limit - i));
      i = limit;
      continue;
    }
    const std::size_t space = s.rfind(' ', limit - 1);
    if (space == std::string_view::npos || space < i) {  // one word longer than a line
      // Cut after a hyphen or slash where there is one ("claim-statins-" /
      // "reduce-absorption", a URL at a slash), else at the width.
      std::size_t cut = limit;
      for (std::size_t k = limit; k > i + 1; --k) {
        if (s[k - 1] == '-' || s[k - 1] == '/') {
          cut = k;
          break;
        }
      }
      if (cut - i < (limit - i) / 3) cut = limit;
      emit(s.substr(i, cut - i));
      i = cut;
      continue;
    }
    emit(s.substr(i, space - i));
    i = space + 1;
  }
  if (lines.empty()) lines.emplace_back();
}

std::string group_thousands(std::string_view number) {
  const std::size_t sign = !number.empty() && number[0] == '-' ? 1 : 0;
  const std::size_t dot = std::min(number.find('.'), number.size());
  const std::size_t digits = dot - sign;
  if (digits < 5) return std::string(number);
  std::string out(number.substr(0, sign));
  for (std::size_t i = sign; i < dot; ++i) {
    out += number[i];
    const std::size_t left = dot - i - 1;
    if (left > 0 && left % 3 == 0) out += ',';
  }
  out.append(number.substr(dot));
  return out;
}

std::string sanitize_lines(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  while (!s.empty()) {
    const std::size_t nl = s.find('\n');
    std::string_view line = s.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out += sanitize(line);
    if (nl == std::string_view::npos) break;
    out += '\n';
    s.remove_prefix(nl + 1);
  }
  return out;
}

std::string lower_first(std::string_view s) {
  std::string out(s);
  const bool acronym = out.size() > 1 && out[1] >= 'A' && out[1] <= 'Z';
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z' && !acronym)
    out[0] = static_cast<char>(out[0] - 'A' + 'a');
  return out;
}

std::vector<std::string> wrap(std::string_view s, std::size_t width) {
  std::vector<std::string_view> views;
  std::string storage;
  wrap_views(s, width, views, storage);
  return {views.begin(), views.end()};
}

std::string pad(std::string_view s, std::size_t width, bool right_align) {
  const std::size_t w = display_width(s);
  if (w >= width) return std::string(s);
  const std::string fill(width - w, ' ');
  return right_align ? fill + std::string(s) : std::string(s) + fill;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1);
  std::vector<std::size_t> cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t subst = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, subst});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string closest(std::string_view word, const std::vector<std::string>& candidates) {
  const std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
  std::string best;
  std::size_t best_d = limit + 1;
  for (const auto& c : candidates) {
    // The distance is at least the difference in length: skip the far ones
    // before paying for the full comparison.
    const std::size_t gap =
        c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
    if (gap >= best_d) continue;
    const std::size_t d = edit_distance(to_lower(word), to_lower(c));
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

std::string to_lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string join_or(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += (i + 1 == items.size()) ? " or " : ", ";
    out += items[i];
  }
  return out;
}

namespace {

bool is_space(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         c == 0x180E || (c >= 0x2000 && c <= 0x200D) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x2060 || c == 0x3000 || c == 0xFEFF;
}

}  // namespace

std::string_view trim(std::string_view s) {
  // Text that starts and ends with printable ASCII other than a space is
  // trimmed already: most of it.
  auto printable = [](char c) { return c > 0x20 && c < 0x7f; };
  if (s.empty() || (printable(s.front()) && printable(s.back()))) return s;
  std::size_t begin = 0;
  while (begin < s.size()) {
    const std::size_t len = utf8_sequence(s, begin);
    if (len == 0 || !is_space(code_point(s, begin, len))) break;
    begin += len;
  }
  std::size_t end = s.size();
  while (end > begin) {
    // The start of the last sequence: back over continuation bytes.
    std::size_t start = end - 1;
    while (start > begin && end - start < 4 &&
           (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
      --start;
    }
    const std::size_t len = utf8_sequence(s, start);
    if (len != end - start || !is_space(code_point(s, start, len))) break;
    end = start;
  }
  return s.substr(begin, end - begin);
}

std::string join_comma(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    out += items[i];
  }
  return out;
}

}  // namespace mgcramp::text
