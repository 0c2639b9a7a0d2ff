// The pull parser the loader streams datasets with: values as nlohmann reads
// them, every class of syntax error with its line and column, and the same
// results whether the text is in memory or read from a file in chunks.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "json_pull.hpp"
#include "mgcramp/error.hpp"

using mgcramp::DataError;
using mgcramp::io::JsonPull;
using nlohmann::json;

namespace {

const std::string kOrigin = "t.json";

// The whole value at the parser's position, as nlohmann's type.
json read_all(JsonPull& p) {
  switch (p.peek()) {
    case JsonPull::Type::null: p.null(); return nullptr;
    case JsonPull::Type::boolean: return p.boolean();
    case JsonPull::Type::number: {
      const auto n = p.number();
      return n.integer ? json(n.int_value) : json(n.value);
    }
    case JsonPull::Type::string: {
      std::string s;
      p.read_string(s);
      return s;
    }
    case JsonPull::Type::array: {
      json a = json::array();
      p.begin_array();
      while (p.next_element()) a.push_back(read_all(p));
      return a;
    }
    case JsonPull::Type::object: break;
  }
  json o = json::object();
  p.begin_object();
  std::string_view key;
  while (p.next_key(key)) {
    const std::string k(key);
    o[k] = read_all(p);
  }
  return o;
}

json parse(const std::string& text) {
  JsonPull p(text, kOrigin);
  json j = read_all(p);
  p.finish();
  return j;
}

std::string error_of(const std::string& text) {
  try {
    parse(text);
  } catch (const DataError& e) {
    return e.what();
  }
  return "(no error)";
}

// The text written to a file and parsed from it, streamed.
struct TempFile {
  std::string path;
  explicit TempFile(const std::string& text)
      : path((std::filesystem::temp_directory_path() /
              ("mgcramp-pull-" + std::to_string(::getpid()) + ".json"))
                 .string()) {
    std::ofstream(path, std::ios::binary) << text;
  }
  ~TempFile() { std::remove(path.c_str()); }
};

json parse_file(const std::string& text, std::size_t max_bytes = std::size_t{1} << 30) {
  TempFile f(text);
  std::FILE* fp = std::fopen(f.path.c_str(), "rb");
  REQUIRE(fp != nullptr);
  try {
    JsonPull p(fp, max_bytes, kOrigin);
    json j = read_all(p);
    p.finish();
    std::fclose(fp);
    return j;
  } catch (...) {
    std::fclose(fp);
    throw;
  }
}

std::string file_error_of(const std::string& text, std::size_t max_bytes = std::size_t{1} << 30) {
  try {
    parse_file(text, max_bytes);
  } catch (const DataError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("values read as nlohmann reads them") {
  for (const char* text : {"null",
                           "true",
                           "false",
                           "0",
                           "-0",
                           "12",
                           "-7",
                           "1.5",
                           "-0.25",
                           "1e3",
                           "2.5E-2",
                           "1E+2",
                           "\"\"",
                           "\"plain\"",
                           "\"tab\\tnew\\nline\\r\\\"q\\\" \\\\ \\/ \\b\\f\"",
                           "\"caf\\u00e9 \\u20ac \\ud83d\\ude00\"",
                           "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"",
                           "[]",
                           "{}",
                           "[1, [2, [3, []]], {\"a\": {\"b\": null}}]",
                           " \t\r\n{ \"a\" : 1 , \"b\" : [ true , false ] } \n",
                           "\"\\u0000\"",
                           "9223372036854775807",
                           "-9223372036854775808",
                           "123456789012345678901234567890",
                           "1e-400",
                           "[0.1, 100, 3.14159]"}) {
    INFO(text);
    CHECK(parse(text) == json::parse(text));
  }
}

TEST_CASE("numbers say whether they are whole and keep their literal") {
  JsonPull p("[3, 3.0, 1e2, 99999999999999999999, -4]", kOrigin);
  p.begin_array();
  auto next = [&] {
    REQUIRE(p.next_element());
    return p.number();
  };
  auto n = next();
  CHECK(n.integer);
  CHECK(n.int_value == 3);
  CHECK(n.literal == "3");
  n = next();
  CHECK_FALSE(n.integer);
  CHECK(n.value == 3.0);
  CHECK(n.literal == "3.0");
  CHECK_FALSE(next().integer);
  n = next();
  CHECK_FALSE(n.integer);  // too large for a long long
  CHECK(n.value == 1e20);
  n = next();
  CHECK(n.integer);
  CHECK(n.int_value == -4);
  CHECK_FALSE(p.next_element());
}

TEST_CASE("a byte order mark is skipped") {
  CHECK(parse("\xEF\xBB\xBF{\"a\": 1}") == json{{"a", 1}});
  CHECK(parse_file("\xEF\xBB\xBF[1]") == json::array({1}));
}

TEST_CASE("every class of syntax error names its line and column") {
  const std::pair<const char*, const char*> cases[] = {
      {"", "t.json:1:1: invalid JSON: unexpected end of input"},
      {"   ", "t.json:1:4: invalid JSON: unexpected end of input"},
      {"{", "t.json:1:2: invalid JSON: unexpected end of input in an object"},
      {"[1", "t.json:1:3: invalid JSON: unexpected end of input in an array"},
      {"[1,", "t.json:1:4: invalid JSON: unexpected end of input"},
      {"\"abc", "t.json:1:5: invalid JSON: unexpected end of input in a string"},
      {"}", "t.json:1:1: invalid JSON: expected a value, got '}'"},
      {"[1 2]", "t.json:1:4: invalid JSON: expected ',' or ']' after an array element, got '2'"},
      {"[1,]", "t.json:1:4: invalid JSON: expected a value after ',', got ']'"},
      {"{\"a\" 1}", "t.json:1:6: invalid JSON: expected ':' after a key, got '1'"},
      {"{\"a\":1 \"b\":2}",
       "t.json:1:8: invalid JSON: expected ',' or '}' after an object member, got '\"'"},
      {"{\"a\":1,}", "t.json:1:8: invalid JSON: expected a key in double quotes, got '}'"},
      {"{a:1}", "t.json:1:2: invalid JSON: expected a key in double quotes, got 'a'"},
      {"tru", "t.json:1:1: invalid JSON: invalid literal"},
      {"nul", "t.json:1:1: invalid JSON: invalid literal"},
      {"True", "t.json:1:1: invalid JSON: expected a value, got 'T'"},
      {"01", "t.json:1:1: invalid JSON: invalid number 01"},
      {"1.", "t.json:1:1: invalid JSON: invalid number 1."},
      {"-", "t.json:1:1: invalid JSON: invalid number -"},
      {"1e", "t.json:1:1: invalid JSON: invalid number 1e"},
      {"1.5.2", "t.json:1:1: invalid JSON: invalid number 1.5.2"},
      {".5", "t.json:1:1: invalid JSON: expected a value, got '.'"},
      {"+1", "t.json:1:1: invalid JSON: expected a value, got '+'"},
      {"[1e999]", "t.json:1:2: invalid JSON: number overflow: 1e999 is too large"},
      {"\"a\x01\"", "t.json:1:3: invalid JSON: control character U+0001 in a string"},
      {"\"a\nb\"", "t.json:1:3: invalid JSON: control character U+000A in a string"},
      {"\"\\x\"", "t.json:1:3: invalid JSON: invalid escape \\x in a string"},
      {"\"\\u12g4\"", "t.json:1:6: invalid JSON: invalid \\u escape"},
      {"\"\\udc00\"",
       "t.json:1:8: invalid JSON: invalid \\u escape: a low surrogate without a high one before "
       "it"},
      {"\"\\ud800x\"",
       "t.json:1:8: invalid JSON: invalid \\u escape: a high surrogate without a low one after it"},
      {"\"\\ud800\\u0041\"",
       "t.json:1:14: invalid JSON: invalid \\u escape: a high surrogate without a low one after "
       "it"},
      {"\"\xff\"", "t.json:1:2: invalid JSON: invalid UTF-8 in a string"},
      {"\"\xc0\xaf\"", "t.json:1:2: invalid JSON: invalid UTF-8 in a string"},      // overlong
      {"\"\xed\xa0\x80\"", "t.json:1:2: invalid JSON: invalid UTF-8 in a string"},  // surrogate
      {"\"\xe2\x82\"", "t.json:1:2: invalid JSON: invalid UTF-8 in a string"},      // truncated
      {"{} {}", "t.json:1:4: invalid JSON: unexpected '{' after the end of the JSON value"},
      {"\n\n  [\n   x", "t.json:4:4: invalid JSON: expected a value, got 'x'"},
      {"\r\n[\r\n}", "t.json:3:1: invalid JSON: expected a value, got '}'"},
      {"[\"\xc3\xa9\xc3\xa9\", x]", "t.json:1:8: invalid JSON: expected a value, got 'x'"},
  };
  for (const auto& [text, message] : cases) {
    INFO(text);
    CHECK(error_of(text) == message);
    CHECK(file_error_of(text) == message);
  }
  CHECK(error_of(std::string("[1]\0", 4)) ==
        "t.json:1:4: invalid JSON: unexpected byte 0x00 after the end of the JSON value");
  CHECK(error_of(std::string("\"a\0b\"", 5)) ==
        "t.json:1:3: invalid JSON: control character U+0000 in a string");
}

TEST_CASE("control characters in a syntax error never reach the message") {
  const std::string msg = error_of("[\x1b[31m]");
  CHECK(msg.find('\x1b') == std::string::npos);
  CHECK(msg == "t.json:1:2: invalid JSON: expected a value, got byte 0x1B");
}

// A file is read a megabyte at a time: tokens, escapes and multi-byte
// characters that straddle the edge of a chunk read as they do in memory,
// and a position after several chunks is still counted right.
TEST_CASE("a file read in chunks parses as the same text in memory") {
  std::string big = "{\"pad\": \"" + std::string((1u << 20) - 11, 'x') + "\", \"list\": [";
  for (int i = 0; i < 40000; ++i) {
    if (i > 0) big += ",\n";
    big += "{\"k\": \"caf\xc3\xa9 \\u00e9 \\ud83d\\ude00\", \"n\": " + std::to_string(i) + ".5}";
  }
  big += "], \"long\": \"" + std::string(3u << 20, 'y') + "\"}";
  const json expected = json::parse(big);
  CHECK(parse(big) == expected);
  CHECK(parse_file(big) == expected);
  // Every offset near the first chunk's end, for a short token and an escape.
  for (std::size_t shift = 0; shift < 16; ++shift) {
    const std::string text =
        std::string((1u << 20) - 8 + shift, ' ') + "[\"\\u00e9\xc3\xa9\", -1.5e2, true]";
    INFO(shift);
    CHECK(parse_file(text) == json::parse(text));
  }
  const std::string bad = big.substr(0, big.size() - 2) + "x";
  CHECK(file_error_of(bad) == error_of(bad));
  const std::string late = big + "\n\n   x";
  CHECK(file_error_of(late) == error_of(late));
  CHECK_THAT(error_of(late), Catch::Contains("t.json:40002:4: invalid JSON: unexpected 'x'"));
}

TEST_CASE("a file larger than the limit is refused") {
  CHECK(file_error_of("[" + std::string(5000, ' ') + "1]", 4096) ==
        "'t.json' is larger than 0 MiB");
  CHECK(file_error_of("[1]", 4096) == "(no error)");
}

TEST_CASE("the parser does not recurse") {
  // Nesting is the caller's to limit; the parser itself keeps a stack of its own.
  const std::string deep = std::string(200000, '[') + std::string(200000, ']');
  JsonPull p(deep, kOrigin);
  std::size_t depth = 0;
  while (p.peek() == JsonPull::Type::array) {
    p.begin_array();
    ++depth;
    if (!p.next_element()) break;
  }
  CHECK(depth == 200000);
  CHECK(p.depth() == 199999);
}
