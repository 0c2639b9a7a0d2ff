#include <catch2/catch.hpp>

#include "mgcramp/text.hpp"

using namespace mgcramp::text;

TEST_CASE("sanitize escapes C0 DEL C1 and invalid UTF-8 but keeps text") {
  CHECK(sanitize("plain ascii") == "plain ascii");
  CHECK(sanitize("caf\xc3\xa9") == "caf\xc3\xa9");
  CHECK(sanitize("a\tb\nc") == "a b c");
  CHECK(sanitize("a\r\nb") == "a b");  // CRLF is one line break, as LF and CR (IN15)
  CHECK(sanitize("a\rb\n") == "a b ");
  CHECK(sanitize("\x1b[31m") == "\\x1b[31m");
  CHECK(sanitize("x\x7fy") == "x\\x7fy");
  CHECK(sanitize("\xc2\x85") == "\\u0085");
  CHECK(sanitize("bad \xff byte") == "bad \\xff byte");
  CHECK(sanitize("cut \xe2\x82") == "cut \\xe2\\x82");
  // Overlong forms and surrogates are not UTF-8.
  CHECK(sanitize("\xc0\xaf") == "\\xc0\\xaf");
  CHECK(sanitize("\xed\xa0\x80") == "\\xed\\xa0\\x80");
  CHECK(sanitize("\xf4\x90\x80\x80") == "\\xf4\\x90\\x80\\x80");
}

TEST_CASE("sanitize escapes bidirectional controls but keeps other text") {
  CHECK(sanitize("abc\xe2\x80\xae"
                 "def") ==
        "abc\\u202e"
        "def");  // RIGHT-TO-LEFT OVERRIDE
  CHECK(sanitize("\xe2\x80\x8e\xe2\x81\xa9") == "\\u200e\\u2069");
  CHECK(sanitize("\xd8\x9c") == "\\u061c");
  CHECK(sanitize("\xe2\x80\x94 \xe2\x82\xac \xf0\x9f\x98\x80") ==
        "\xe2\x80\x94 \xe2\x82\xac \xf0\x9f\x98\x80");  // dash, euro, emoji stay
}

TEST_CASE("sanitize finds a control character at any offset of a long run") {
  for (std::size_t pos = 0; pos < 24; ++pos) {
    for (const char* bad : {"\x1b", "\x7f", "\x01", "\xc2\x85", "\xff"}) {
      std::string s(24, 'a');
      s.insert(pos, bad);
      INFO(pos << " " << s);
      CHECK(needs_sanitize(s));
      CHECK(sanitize(s).find(bad) == std::string::npos);
      CHECK(sanitize(s).find('\\') == pos);
    }
    std::string ok(24, 'a');
    ok[pos] = pos % 2 ? ' ' : '~';  // 0x20 and 0x7E are printable
    CHECK_FALSE(needs_sanitize(ok));
    CHECK(sanitize(ok) == ok);
  }
}

TEST_CASE("needs_sanitize says exactly when sanitize changes the text") {
  for (const char* s : {"plain", "caf\xc3\xa9", "a\tb", "\x1b[31m", "x\x7f", "\xc2\x85",
                        "\xc2\xa0nbsp", "bad \xff", "\xe2\x80\xae", "\xe2\x80\x94", ""}) {
    INFO(s);
    CHECK(needs_sanitize(s) == (sanitize(s) != s));
  }
}

TEST_CASE("shorten_words cuts only runs longer than the limit") {
  CHECK(shorten_words("short words stay", 5) == "short words stay");
  CHECK(shorten_words("abcdefghij and klmnopqrstu", 5) == "abcde... and klmno...");
  CHECK(shorten_words("caf\xc3\xa9"
                      "caf\xc3\xa9",
                      5) ==
        "caf\xc3\xa9"
        "c...");
  CHECK(shorten_words(std::string(100000, 'a'), 60).size() == 63);
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
  CHECK(wrap("a  b  c", 3) == std::vector<std::string>{"a b", "c"});
  CHECK(wrap("caf\xc3\xa9 caf\xc3\xa9", 4) ==
        std::vector<std::string>{"caf\xc3\xa9", "caf\xc3\xa9"});
  CHECK(wrap("ab abcdefgh c", 4) == std::vector<std::string>{"ab", "abcd", "efgh", "c"});
  CHECK(wrap("   ", 4) == std::vector<std::string>{""});
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

TEST_CASE("group_thousands: separators from five digits, sign and decimals kept") {
  using mgcramp::text::group_thousands;
  CHECK(group_thousands("1000") == "1000");
  CHECK(group_thousands("10000") == "10,000");
  CHECK(group_thousands("603000") == "603,000");
  CHECK(group_thousands("1000000") == "1,000,000");
  CHECK(group_thousands("24809.71") == "24,809.71");
  CHECK(group_thousands("-12345.6") == "-12,345.6");
  CHECK(group_thousands("") == "");
  CHECK(group_thousands("0.5") == "0.5");
}

TEST_CASE("lower_first: a name mid-sentence, acronyms kept") {
  using mgcramp::text::lower_first;
  CHECK(lower_first("Males 51 years and over") == "males 51 years and over");
  CHECK(lower_first("DRI table") == "DRI table");
  CHECK(lower_first("") == "");
}
