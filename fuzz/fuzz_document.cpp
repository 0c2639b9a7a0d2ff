// libFuzzer target: the input layer of `mgcramp check`. read_document gets
// the bytes with its format detected and with each format forced; bad input
// is a DataError, nothing else may happen, and every sentence must lie
// inside the text, in order, trimmed and under its locator.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "mgcramp/check/document.hpp"
#include "mgcramp/error.hpp"

namespace {

void check(const mgcramp::check::Document& d, std::size_t size) {
  if (d.bytes != size) std::abort();
  std::size_t end = 0;
  for (const mgcramp::check::Sentence& s : d.sentences) {
    if (s.length == 0 || s.offset < end || s.offset + s.length > d.text.size()) std::abort();
    end = s.offset + s.length;
    const char first = d.text[s.offset];
    const char last = d.text[end - 1];
    if (first == ' ' || first == '\n' || last == ' ' || last == '\n') std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mgcramp::check;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  for (const std::optional<Format> f :
       {std::optional<Format>(), std::optional(Format::text), std::optional(Format::markdown),
        std::optional(Format::html)}) {
    try {
      check(read_document(input, f), size);
    } catch (const mgcramp::DataError&) {
    }
  }
  (void)looks_like_url(input);
  return 0;
}
