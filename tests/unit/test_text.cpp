#include <catch2/catch.hpp>

#include "mgcramp/text.hpp"

using namespace mgcramp::text;

TEST_CASE("sanitize escapes C0 DEL C1 and invalid UTF-8 but keeps text") {
  CHECK(sanitize("plain ascii") == "plain ascii");
  CHECK(sanitize("caf\xc3\xa9") == "caf\xc3\xa9");
  CHECK(sanitize("a\tb\nc") == "a b c");
  CHECK(sanitize("\x1b[31m") == "\\x1b[31m");
  CHECK(sanitize("x\x7fy") == "x\\x7fy");
  CHECK(sanitize("\xc2\x85") == "\\u0085");
  CHECK(sanitize("bad \xff byte") == "bad \\xff byte");
  CHECK(sanitize("cut \xe2\x82") == "cut \\xe2\\x82");
}

TEST_CASE("display width counts code points") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("caf\xc3\xa9") == 4);
  CHECK(display_width("") == 0);
}

TEST_CASE("wrap breaks at spaces and splits words longer than a line") {
  CHECK(wrap("one two three", 7) == std::vector<std::string>{"one two", "three"});
  CHECK(wrap("abcdefghij", 4) == std::vector<std::string>{"abcd", "efgh", "ij"});
  CHECK(wrap("", 5) == std::vector<std::string>{""});
  CHECK(wrap("  spaced   out  ", 20) == std::vector<std::string>{"spaced out"});
}

TEST_CASE("pad aligns left and right") {
  CHECK(pad("ab", 4) == "ab  ");
  CHECK(pad("ab", 4, true) == "  ab");
  CHECK(pad("abcdef", 4) == "abcdef");
}

TEST_CASE("closest suggests near names only") {
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(closest("rdx", {"rda", "validate"}) == "rda");
  CHECK(closest("--agee", {"--age", "--sex"}) == "--age");
  CHECK(closest("zzzzzz", {"rda", "validate"}).empty());
}

TEST_CASE("join_or and to_lower") {
  CHECK(join_or({"a", "b", "c"}) == "a, b or c");
  CHECK(join_or({"a"}) == "a");
  CHECK(to_lower("MiXeD") == "mixed");
}
