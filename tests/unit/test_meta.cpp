// The meta-analysis engine against R's metafor 3.8: the numbers come from
// tests/fixtures/metafor/gen.R, committed as CSV so that R is not needed here.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <numeric>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "mgcramp/stats/distributions.hpp"
#include "mgcramp/stats/meta.hpp"

using namespace mgcramp::stats;

namespace {

using Row = std::map<std::string, std::string>;

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::string cell;
  std::istringstream in(line);
  while (std::getline(in, cell, sep)) out.push_back(cell);
  if (!line.empty() && line.back() == sep) out.emplace_back();
  return out;
}

// The fixtures are plain CSV: a header, no quoting, "NA" for missing.
std::vector<Row> read_csv(const std::string& name) {
  const std::string path = std::string(MGCRAMP_METAFOR_FIXTURES) + "/" + name;
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::string line;
  std::getline(in, line);
  const auto header = split(line, ',');
  std::vector<Row> rows;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto cells = split(line, ',');
    REQUIRE(cells.size() == header.size());
    Row row;
    for (std::size_t i = 0; i < header.size(); ++i) row[header[i]] = cells[i];
    rows.push_back(std::move(row));
  }
  REQUIRE_FALSE(rows.empty());
  return rows;
}

bool is_na(const std::string& s) {
  return s == "NA";
}
double num(const std::string& s) {
  REQUIRE_FALSE(is_na(s));
  return std::stod(s);
}

// |a - b| <= rel * max(|a|, |b|) + abs, with infinities equal to themselves.
bool close(double a, double b, double rel, double abs = 1e-300) {
  if (std::isinf(a) || std::isinf(b)) return a == b;
  return std::fabs(a - b) <= rel * std::max(std::fabs(a), std::fabs(b)) + abs;
}

#define CHECK_CLOSE(actual, expected, rel, abs)                                   \
  do {                                                                            \
    const double a_ = (actual), e_ = (expected);                                  \
    INFO(#actual << " = " << a_ << ", metafor " << e_ << ", diff " << (a_ - e_)); \
    CHECK(close(a_, e_, rel, abs));                                               \
  } while (false)

EffectType effect_type(const std::string& m) {
  if (m == "MD") return EffectType::md;
  if (m == "SMD") return EffectType::smd;
  if (m == "RR") return EffectType::rr;
  if (m == "OR") return EffectType::or_;
  if (m == "RD") return EffectType::rd;
  throw std::runtime_error("unknown measure " + m);
}

}  // namespace

TEST_CASE("meta: distribution functions match R") {
  for (const auto& r : read_csv("distributions.csv")) {
    const std::string& fn = r.at("fn");
    const double x = num(r.at("x"));
    const double expected = num(r.at("value"));
    INFO(fn << "(" << x << ", df " << r.at("df") << ")");
    double actual = 0;
    if (fn == "pnorm") actual = normal_cdf(x);
    if (fn == "qnorm") actual = normal_quantile(x);
    if (fn == "pt") actual = t_cdf(x, num(r.at("df")));
    if (fn == "qt") actual = t_quantile(x, num(r.at("df")));
    if (fn == "pchisq_upper") actual = chi_square_upper(x, num(r.at("df")));
    CHECK_CLOSE(actual, expected, 1e-11, 1e-15);  // they agree to about 1e-14
  }
}

TEST_CASE("meta: distribution functions at the edges of their domain") {
  CHECK(normal_quantile(0.0) == -INFINITY);
  CHECK(normal_quantile(1.0) == INFINITY);
  CHECK(std::isnan(normal_quantile(1.5)));
  CHECK(std::isnan(t_cdf(1.0, 0.0)));
  CHECK(t_cdf(-INFINITY, 3.0) == 0.0);
  CHECK(t_quantile(0.5, 7.0) == 0.0);
  CHECK(chi_square_upper(0.0, 4.0) == 1.0);
  CHECK(std::isnan(chi_square_upper(1.0, -1.0)));
  CHECK(incomplete_beta(2.0, 3.0, 0.0) == 0.0);
  CHECK(incomplete_beta(2.0, 3.0, 1.0) == 1.0);
}

TEST_CASE("meta: study effects match metafor escalc") {
  std::size_t dropped = 0, corrected = 0;
  for (const auto& r : read_csv("effects.csv")) {
    const EffectType type = effect_type(r.at("measure"));
    INFO(r.at("set") << " study " << r.at("study") << " " << r.at("measure"));
    const double n1 = num(r.at("n1")), n2 = num(r.at("n2"));
    const double x1 = num(r.at("mean1_or_events1")), x2 = num(r.at("mean2_or_events2"));
    std::optional<StudyEffect> e;
    if (type == EffectType::md || type == EffectType::smd) {
      const ContinuousArm t{n1, x1, num(r.at("sd1"))}, c{n2, x2, num(r.at("sd2"))};
      e = type == EffectType::md ? mean_difference(t, c) : std_mean_difference(t, c);
    } else {
      e = binary_effect(type, BinaryArm{x1, n1}, BinaryArm{x2, n2});
    }
    if (r.at("dropped") == "1") {
      CHECK_FALSE(e.has_value());
      ++dropped;
      continue;
    }
    REQUIRE(e.has_value());
    CHECK_CLOSE(e->yi, num(r.at("yi")), 1e-12, 1e-15);
    CHECK_CLOSE(e->vi, num(r.at("vi")), 1e-12, 1e-15);
    CHECK(e->corrected == (r.at("corrected") == "1"));
    if (e->corrected) ++corrected;
  }
  // The zero-cell set: three corrected studies for each of RR and OR, and two
  // dropped for each of RR, OR and RD.
  CHECK(corrected == 6);
  CHECK(dropped == 6);
}

TEST_CASE("meta: published estimates and CIs to yi and vi") {
  for (const auto& r : read_csv("from_ci.csv")) {
    INFO(r.at("measure") << " " << r.at("estimate"));
    const auto e = from_ci(effect_type(r.at("measure")), num(r.at("estimate")), num(r.at("ci_low")),
                           num(r.at("ci_high")));
    CHECK_CLOSE(e.yi, num(r.at("yi")), 1e-12, 1e-15);
    CHECK_CLOSE(e.vi, num(r.at("vi")), 1e-12, 1e-15);
    CHECK_FALSE(e.corrected);
  }
}

TEST_CASE("meta: pooling matches metafor rma.uni") {
  std::map<std::string, std::vector<StudyEffect>> sets;
  for (const auto& r : read_csv("pool_input.csv"))
    sets[r.at("set")].push_back(StudyEffect{num(r.at("yi")), num(r.at("vi"))});

  std::size_t cases = 0;
  for (const auto& r : read_csv("pool.csv")) {
    const std::string& model = r.at("model");
    INFO(r.at("set") << " " << model);
    PoolOptions opt;
    opt.model = model.rfind("FE", 0) == 0 ? Model::fixed : Model::random;
    opt.tau2 = model.rfind("DL", 0) == 0 ? Tau2Method::dl : Tau2Method::reml;
    opt.hksj = model.size() > 5 && model.compare(model.size() - 5, 5, "_HKSJ") == 0;
    const auto& studies = sets.at(r.at("set"));
    const PoolResult res = pool(studies, opt);

    // Closed forms agree to about 1e-13; REML is an iterative fit (metafor run
    // to 1e-12 here, the engine to 1e-10) and agrees to about 1e-9. The
    // tolerances leave a margin for another libm; the absolute part is for
    // values that are 0 in metafor (tau2 stepped down to 0, se under HKSJ).
    const bool iterative = model == "REML" || model == "REML_HKSJ";
    const double rel = iterative ? 1e-7 : 1e-9;
    const double abs = 1e-12;

    CHECK(res.k == static_cast<std::size_t>(num(r.at("k"))));
    CHECK(res.converged);
    CHECK_CLOSE(res.estimate, num(r.at("estimate")), rel, abs);
    CHECK_CLOSE(res.se, num(r.at("se")), rel, abs);
    CHECK_CLOSE(res.ci_low, num(r.at("ci_low")), rel, abs);
    CHECK_CLOSE(res.ci_high, num(r.at("ci_high")), rel, abs);
    CHECK_CLOSE(res.z_or_t, num(r.at("z_or_t")), rel, abs);
    CHECK_CLOSE(res.p, num(r.at("p")), rel, abs);
    CHECK_CLOSE(res.tau2, num(r.at("tau2")), rel, abs);
    CHECK_CLOSE(res.i2, num(r.at("i2")), rel, abs * 100);  // percent
    CHECK_CLOSE(res.h2, num(r.at("h2")), rel, abs);
    CHECK_CLOSE(res.q, num(r.at("q")), 1e-10, 1e-12);  // Q does not depend on tau2
    CHECK_CLOSE(res.q_p, num(r.at("q_p")), 1e-8, 1e-14);
    if (is_na(r.at("df"))) {
      CHECK_FALSE(res.df.has_value());
    } else {
      REQUIRE(res.df.has_value());
      CHECK(*res.df == num(r.at("df")));
    }
    if (is_na(r.at("pi_low"))) {
      CHECK_FALSE(res.prediction_low.has_value());
      CHECK_FALSE(res.prediction_high.has_value());
    } else {
      REQUIRE(res.prediction_low.has_value());
      REQUIRE(res.prediction_high.has_value());
      CHECK_CLOSE(*res.prediction_low, num(r.at("pi_low")), rel, abs);
      CHECK_CLOSE(*res.prediction_high, num(r.at("pi_high")), rel, abs);
    }
    const auto w = split(r.at("weights"), ';');
    REQUIRE(res.weights.size() == w.size());
    for (std::size_t i = 0; i < w.size(); ++i) CHECK_CLOSE(res.weights[i], num(w[i]), rel, abs);
    CHECK(std::accumulate(res.weights.begin(), res.weights.end(), 0.0) == Approx(100.0));
    ++cases;
  }
  CHECK(cases == 16 * 6);  // 16 sets, 6 models
}

TEST_CASE("meta: one study pools to itself") {
  const StudyEffect s{-0.9, 0.3};
  for (const bool hksj : {false, true}) {
    const PoolResult r = pool({s}, PoolOptions{Model::random, Tau2Method::reml, hksj});
    CHECK(r.estimate == Approx(-0.9));
    CHECK(r.se == Approx(std::sqrt(0.3)));
    CHECK(r.tau2 == 0.0);
    CHECK(r.q == 0.0);
    CHECK(r.q_p == 1.0);
    CHECK(r.i2 == 0.0);
    CHECK(r.h2 == 1.0);
    CHECK_FALSE(r.df.has_value());  // HKSJ needs two studies: stays z
    CHECK_FALSE(r.prediction_low.has_value());
    CHECK(r.weights == std::vector<double>{100.0});
  }
}

TEST_CASE("meta: a fixed-effect pool has no prediction interval") {
  const PoolResult r = pool({{0.1, 0.02}, {0.4, 0.03}, {0.2, 0.05}}, PoolOptions{Model::fixed});
  CHECK(r.tau2 == 0.0);
  CHECK_FALSE(r.prediction_low.has_value());
  CHECK_FALSE(r.prediction_high.has_value());
}

TEST_CASE("meta: bad input is std::invalid_argument") {
  const PoolOptions opt;
  CHECK_THROWS_AS(pool({}, opt), std::invalid_argument);
  CHECK_THROWS_AS(pool({{0.1, 0.0}}, opt), std::invalid_argument);
  CHECK_THROWS_AS(pool({{0.1, -1.0}}, opt), std::invalid_argument);
  CHECK_THROWS_AS(pool({{NAN, 0.1}}, opt), std::invalid_argument);
  CHECK_THROWS_AS(pool({{0.1, INFINITY}}, opt), std::invalid_argument);

  CHECK_THROWS_AS(binary_effect(EffectType::rr, {11, 10}, {1, 10}), std::invalid_argument);
  CHECK_THROWS_AS(binary_effect(EffectType::or_, {-1, 10}, {1, 10}), std::invalid_argument);
  CHECK_THROWS_AS(binary_effect(EffectType::rd, {1, 0}, {1, 10}), std::invalid_argument);
  CHECK_THROWS_AS(binary_effect(EffectType::md, {1, 10}, {1, 10}), std::invalid_argument);

  CHECK_THROWS_AS(mean_difference({10, 1, 0}, {10, 2, 0}), std::invalid_argument);
  CHECK_THROWS_AS(mean_difference({0, 1, 1}, {10, 2, 1}), std::invalid_argument);
  CHECK_THROWS_AS(std_mean_difference({10, 1, -1}, {10, 2, 1}), std::invalid_argument);
  CHECK_THROWS_AS(std_mean_difference({2, 1, 1}, {1, 2, 1}), std::invalid_argument);

  CHECK_THROWS_AS(from_ci(EffectType::rr, 0.8, 0.0, 1.2), std::invalid_argument);
  CHECK_THROWS_AS(from_ci(EffectType::md, 1.0, 2.0, 3.0), std::invalid_argument);
  CHECK_THROWS_AS(from_ci(EffectType::md, 1.0, 1.0, 1.0), std::invalid_argument);
  CHECK_NOTHROW(from_ci(EffectType::md, 1.0, 1.0, 2.0));
}

TEST_CASE("meta: ratios are the log-scale effects") {
  CHECK(is_ratio(EffectType::rr));
  CHECK(is_ratio(EffectType::or_));
  CHECK_FALSE(is_ratio(EffectType::rd));
  CHECK_FALSE(is_ratio(EffectType::md));
  CHECK_FALSE(is_ratio(EffectType::smd));
}
