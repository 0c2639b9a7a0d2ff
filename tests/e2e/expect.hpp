#pragma once
#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

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

inline Result expect_ok(const std::vector<std::string>& args, const RunOptions& opts = {}) {
  Result r = run(args, opts);
  INFO("stderr: " << r.err);
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  return r;
}
