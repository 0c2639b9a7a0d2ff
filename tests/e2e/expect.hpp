#pragma once
#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "process.hpp"

// A failure: nothing on stdout, exactly one line on stderr naming the problem.
inline void expect_error(const std::vector<std::string>& args, int code, const std::string& says,
                         const RunOptions& opts = {}) {
  const Result r = run(args, opts);
  INFO("stderr: " << r.err);
  CHECK(r.code == code);
  CHECK(r.out.empty());
  CHECK(r.err.rfind("mgcramp: error: ", 0) == 0);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  CHECK_THAT(r.err, Catch::Contains(says));
}

inline void expect_usage_error(const std::vector<std::string>& args, const std::string& says) {
  expect_error(args, 2, says);
}

// A command's --json output: its "results" list, or its "result" object.
inline nlohmann::json results_of(const std::string& out) {
  const nlohmann::json j = nlohmann::json::parse(out);
  REQUIRE(j.contains("results"));
  return j["results"];
}
inline nlohmann::json result_of(const std::string& out) {
  const nlohmann::json j = nlohmann::json::parse(out);
  REQUIRE(j.contains("result"));
  return j["result"];
}

inline Result expect_ok(const std::vector<std::string>& args, const RunOptions& opts = {}) {
  Result r = run(args, opts);
  INFO("stderr: " << r.err);
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  return r;
}

// `out` with each run of spaces and line breaks as one space: text that a
// table wraps, read as one line.
inline std::string unwrapped(const std::string& out) {
  std::string flat;
  for (char c : out) {
    const bool space = c == ' ' || c == '\n';
    if (space && !flat.empty() && flat.back() == ' ') continue;
    flat += space ? ' ' : c;
  }
  return flat;
}

// Every line of `out` fits `width` terminal columns (one per code point).
inline void expect_fits(const std::string& out, std::size_t width = 80) {
  std::size_t start = 0;
  while (start < out.size()) {
    std::size_t end = out.find('\n', start);
    if (end == std::string::npos) end = out.size();
    const std::string line = out.substr(start, end - start);
    const auto cols = static_cast<std::size_t>(std::count_if(line.begin(), line.end(), [](char c) {
      return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
    INFO("line: " << line);
    CHECK(cols <= width);
    start = end + 1;
  }
}

// A CSV document as rows of fields (RFC 4180 quoting).
inline std::vector<std::vector<std::string>> parse_csv(const std::string& s) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  rows.back().emplace_back();
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    std::string& f = rows.back().back();
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
        f += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        f += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\n') {
      rows.emplace_back();
      rows.back().emplace_back();
    } else {
      f += c;
    }
  }
  rows.pop_back();  // after the last newline
  return rows;
}
