// --format svg: the figures the reports carry (report/figure.hpp) and the
// SVG renderer that draws them, read back with libxml2 as XML.
#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <map>
#include <memory>

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <catch2/catch.hpp>

#include "mgcramp/render/render.hpp"
#include "mgcramp/report/builders.hpp"
#include "options.hpp"
#include "support.hpp"

using namespace mgcramp;
using Catch::Contains;
using test::ds;
using test::usage_error;

namespace {

std::string g_xml_errors;  // what libxml2 said of the last document parsed
void collect_error(void*, const char* format, ...) {  // NOLINT(cert-dcl50-cpp)
  char buf[512];
  va_list args;
  va_start(args, format);
  std::vsnprintf(buf, sizeof buf, format, args);
  va_end(args);
  g_xml_errors += buf;
}

// An SVG document parsed strictly (no recovery, no network), queried by
// XPath with the prefix s: for the SVG namespace.
class Svg {
 public:
  explicit Svg(const std::string& text) {
    g_xml_errors.clear();
    xmlSetGenericErrorFunc(nullptr, collect_error);
    doc_.reset(xmlReadMemory(text.data(), static_cast<int>(text.size()), "figure.svg", nullptr,
                             XML_PARSE_NONET));
    xmlSetGenericErrorFunc(nullptr, nullptr);
    if (doc_) {
      ctx_.reset(xmlXPathNewContext(doc_.get()));
      xmlXPathRegisterNs(ctx_.get(), reinterpret_cast<const xmlChar*>("s"),
                         reinterpret_cast<const xmlChar*>("http://www.w3.org/2000/svg"));
    }
  }
  bool ok() const { return doc_ != nullptr; }
  const std::string& errors() const { return g_xml_errors; }

  // The text content of each node `path` selects (an attribute's value).
  std::vector<std::string> all(const std::string& path) const {
    std::vector<std::string> out;
    if (!ctx_) return out;
    std::unique_ptr<xmlXPathObject, decltype(&xmlXPathFreeObject)> res(
        xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(path.c_str()), ctx_.get()),
        xmlXPathFreeObject);
    if (!res || res->nodesetval == nullptr) return out;
    for (int i = 0; i < res->nodesetval->nodeNr; ++i) {
      xmlChar* s = xmlNodeGetContent(res->nodesetval->nodeTab[i]);
      out.emplace_back(s != nullptr ? reinterpret_cast<const char*>(s) : "");
      xmlFree(s);
    }
    return out;
  }
  std::size_t count(const std::string& path) const { return all(path).size(); }
  std::string one(const std::string& path) const {
    const auto v = all(path);
    INFO(path);
    REQUIRE(v.size() == 1);
    return v[0];
  }
  double number(const std::string& path) const { return std::stod(one(path)); }

 private:
  struct FreeDoc {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
  };
  struct FreeCtx {
    void operator()(xmlXPathContext* c) const { xmlXPathFreeContext(c); }
  };
  std::unique_ptr<xmlDoc, FreeDoc> doc_;
  std::unique_ptr<xmlXPathContext, FreeCtx> ctx_;
};

std::string svg(const Report& r) {
  return render(r, {Format::svg, false, 80});
}

// A well-formed standalone SVG 1.1 document with a white background.
Svg parsed(const std::string& text) {
  Svg s(text);
  INFO(s.errors());
  REQUIRE(s.ok());
  CHECK(text.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ", 0) == 0);
  CHECK(s.one("/s:svg/@version") == "1.1");
  const std::string w = s.one("/s:svg/@width"), h = s.one("/s:svg/@height");
  CHECK(s.one("/s:svg/@viewBox") == "0 0 " + w + " " + h);
  CHECK(s.one("/s:svg/s:rect[1]/@fill") == "#ffffff");
  CHECK(s.one("/s:svg/s:rect[1]/@width") == w);
  CHECK(s.one("/s:svg/@font-family") == "sans-serif");
  CHECK_FALSE(s.one("/s:svg/s:title").empty());
  return s;
}

// Tick label -> its x, on the plot's axis.
std::map<std::string, double> ticks(const Svg& s) {
  std::map<std::string, double> out;
  const auto labels = s.all("//s:g[@class='ticks']/s:text");
  const auto xs = s.all("//s:g[@class='ticks']/s:text/@x");
  REQUIRE(labels.size() == xs.size());
  for (std::size_t i = 0; i < labels.size(); ++i) out[labels[i]] = std::stod(xs[i]);
  return out;
}

Report meta(OutcomeMeasure m, Population p, bool plot = true) {
  MetaQuery q;
  q.outcome = m;
  q.population = p;
  return meta_report(ds(), q, plot);
}

const ForestPlot& forest_of(const Report& r) {
  REQUIRE(r.figure.has_value());
  const auto* f = std::get_if<ForestPlot>(&r.figure->chart);
  REQUIRE(f != nullptr);
  return *f;
}

}  // namespace

TEST_CASE("svg: a figure only with a plot, from the numbers the text plot shows") {
  CHECK_FALSE(meta(OutcomeMeasure::cramp_free, Population::pregnancy, false).figure);
  TrialQuery tq;
  CHECK_FALSE(trials_report(ds(), tq, false).figure);
  CHECK_FALSE(foods_report(ds(), FoodQuery{}, Profile{}, false).figure);

  const Report r = meta(OutcomeMeasure::cramp_free, Population::pregnancy);
  const ForestPlot& f = forest_of(r);
  CHECK(r.figure->title == r.title);
  // The pooled row is the meta-analysis's own estimate, as computed.
  MetaQuery q;
  q.outcome = OutcomeMeasure::cramp_free;
  q.population = Population::pregnancy;
  const MetaResult m = run_meta(ds(), q);
  REQUIRE(m.pooled);
  std::size_t studies = 0, pooled = 0, reviews = 0;
  for (const auto& row : f.rows) {
    if (row.kind == ForestKind::study) ++studies;
    if (row.kind == ForestKind::review) ++reviews;
    if (row.kind != ForestKind::pooled) continue;
    ++pooled;
    CHECK(row.estimate == m.pooled_natural.estimate);
    CHECK(row.ci_low == m.pooled_natural.ci_low);
    CHECK(row.ci_high == m.pooled_natural.ci_high);
    CHECK(row.weight_text == "100.0%");
  }
  CHECK(studies == m.studies.size());
  CHECK(pooled == 1);
  CHECK(reviews == m.published.size());
  CHECK(f.axis.log);
  CHECK(f.axis.null_value == 1);
  // The text rows carry the same effect texts.
  const std::size_t effect = r.column("effect");
  for (std::size_t i = 0; i < f.rows.size(); ++i)
    CHECK(r.rows[r.human_from + i][effect].text == f.rows[i].effect_text);
}

TEST_CASE("svg: a forest plot is well-formed, with its diamond, reviews and legend") {
  const Report r = meta(OutcomeMeasure::cramp_free, Population::pregnancy);
  const std::string out = svg(r);
  const Svg s = parsed(out);
  const ForestPlot& f = forest_of(r);
  CHECK(s.one("/s:svg/s:title") == r.title);
  CHECK(s.count("//s:polygon[@class='pooled']") == 1);
  CHECK(s.count("//s:polygon[@class='review']") == 1);  // luo-2020
  CHECK(s.count("//s:rect[@class='study']") == 2);
  CHECK(s.count("//s:line[@class='ci']") == 2);
  CHECK(s.count("//s:line[@class='no-effect']") == 1);
  // Squares sized by weight: araujo-2020 (56.5%) larger than dahle-1995.
  const auto sides = s.all("//s:rect[@class='study']/@width");
  REQUIRE(sides.size() == 2);
  CHECK(std::stod(sides[1]) > std::stod(sides[0]));
  for (const auto& row : f.rows) {
    CHECK(s.count("//s:text[.='" + row.label + "']") == 1);
    const auto same = std::count_if(f.rows.begin(), f.rows.end(), [&](const auto& other) {
      return other.effect_text == row.effect_text;
    });
    CHECK(s.count("//s:text[.='" + row.effect_text + "']") == static_cast<std::size_t>(same));
  }
  const auto legend = s.all("//s:g[@class='legend']/s:text");
  CHECK(legend == std::vector<std::string>{"Study (area: weight)", "95% CI", "Pooled by mgcramp",
                                           "Published by a review", "No effect (1)"});
  // The pooled estimate in words, and the sources.
  CHECK_THAT(out, Contains("Pooled by mgcramp from 2 studies"));
  CHECK(s.count("//s:text[starts-with(., '[dahle-1995] Dahle LO (1995)')]") == 1);
  CHECK(svg(r) == out);  // deterministic
}

TEST_CASE("svg: ratios on a log axis, ticks at 0.5, 1, 2 equally spaced") {
  const Svg s = parsed(svg(meta(OutcomeMeasure::cramp_free, Population::pregnancy)));
  const auto t = ticks(s);
  for (const char* v : {"0.5", "1", "2", "5", "10", "20"}) {
    INFO(v);
    CHECK(t.count(v) == 1);
  }
  CHECK(t.size() == 6);
  const double step = t.at("2") - t.at("1");
  CHECK(step > 20);
  CHECK(t.at("1") - t.at("0.5") == Approx(step).margin(0.15));
  CHECK(t.at("20") - t.at("10") == Approx(step).margin(0.15));
  // The no-effect line at 1.
  CHECK(s.number("//s:line[@class='no-effect']/@x1") == Approx(t.at("1")).margin(0.1));
  CHECK_THAT(s.one("//s:text[@class='axis-title']"), Contains("log scale"));
}

TEST_CASE("svg: differences on a linear axis, the no-effect line at 0") {
  const Svg s = parsed(svg(meta(OutcomeMeasure::cramps_per_week, Population::idiopathic)));
  const auto t = ticks(s);
  REQUIRE(t.count("0") == 1);
  REQUIRE(t.count("-1") == 1);
  REQUIRE(t.count("1") == 1);
  CHECK(t.at("1") - t.at("0") == Approx(t.at("0") - t.at("-1")).margin(0.15));
  CHECK(s.number("//s:line[@class='no-effect']/@x1") == Approx(t.at("0")).margin(0.1));
  CHECK(s.one("//s:text[@class='axis-title']") == "Mean difference in cramps per week");
}

TEST_CASE("svg: the favoured sides swap where higher is better") {
  // Fewer cramps per week is better: magnesium's side is the left.
  const Svg lower = parsed(svg(meta(OutcomeMeasure::cramps_per_week, Population::idiopathic)));
  const double null_lower = lower.number("//s:line[@class='no-effect']/@x1");
  CHECK(lower.one("//s:g[@class='favours']/s:text[@text-anchor='end']") ==
        "\xE2\x86\x90 favours magnesium");
  CHECK(lower.one("//s:g[@class='favours']/s:text[not(@text-anchor)]") ==
        "favours control \xE2\x86\x92");
  CHECK(lower.number("//s:g[@class='favours']/s:text[@text-anchor='end']/@x") < null_lower);
  CHECK(lower.number("//s:g[@class='favours']/s:text[not(@text-anchor)]/@x") > null_lower);
  // Being free of cramps is better: magnesium's side is the right.
  const Svg higher = parsed(svg(meta(OutcomeMeasure::cramp_free, Population::pregnancy)));
  CHECK(higher.one("//s:g[@class='favours']/s:text[@text-anchor='end']") ==
        "\xE2\x86\x90 favours control");
  CHECK(higher.one("//s:g[@class='favours']/s:text[not(@text-anchor)]") ==
        "favours magnesium \xE2\x86\x92");
  // The same words as the text plot's caption.
  const Report r = meta(OutcomeMeasure::cramp_free, Population::pregnancy);
  const ForestPlot& f = forest_of(r);
  CHECK(f.left == "favours control");
  CHECK(f.right == "favours magnesium");
}

TEST_CASE("svg: trials --plot draws its one outcome, the pooled diamond included") {
  TrialQuery q;
  q.population = Population::pregnancy;
  q.outcome = OutcomeMeasure::cramp_free;
  const Report r = trials_report(ds(), q, true);
  const Svg s = parsed(svg(r));
  CHECK(s.one("/s:svg/s:title") == "Forest plot: free of cramps after treatment (RR)");
  CHECK(s.count("//s:polygon[@class='pooled']") == 1);
  CHECK(s.count("//s:rect[@class='study']") >= 2);
}

TEST_CASE("svg: foods as bars with their value labels, the RDA with a profile") {
  FoodQuery q;
  q.top = 5;
  const Report plain = foods_report(ds(), q, Profile{}, true);
  const Svg s = parsed(svg(plain));
  CHECK(s.count("//s:rect[@class='bar']") == 5);
  CHECK(s.count("//s:text[.='156 mg']") == 1);  // pumpkin seeds
  CHECK(s.count("//s:text[.='Pumpkin seeds, roasted']") == 1);
  CHECK(s.count("//s:line[@class='reference']") == 0);
  CHECK(s.one("//s:text[@class='axis-title']") == "Magnesium per serving (mg)");
  const auto t = ticks(s);
  REQUIRE(t.count("0") == 1);
  // The longest bar is the largest value's, and the axis reaches past it.
  const auto widths = s.all("//s:rect[@class='bar']/@width");
  for (const auto& w : widths) CHECK(std::stod(w) <= std::stod(widths.front()));
  CHECK(std::stod(t.rbegin()->first) >= 0);
  double top = 0;
  for (const auto& [label, x] : t) top = std::max(top, std::stod(label));
  CHECK(top >= 156);

  Profile p;
  p.age_months = 25 * 12;
  p.sex = Sex::female;
  const Svg with = parsed(svg(foods_report(ds(), q, p, true)));
  CHECK(with.count("//s:line[@class='reference']") == 1);
  CHECK(with.count("//s:text[starts-with(., 'RDA 310 mg')]") == 2);  // the line, its legend
}

TEST_CASE("svg: text from the data is escaped, control characters dropped") {
  Report r;
  r.title = "Title <with> & \"quotes\" and 'apostrophes'\x1b[31m";
  Figure f;
  f.title = r.title;
  ForestPlot p;
  p.axis = ForestAxis{-2, 2, false, 0};
  p.left = "favours <mg>";
  p.right = "favours \"control\"";
  p.axis_title = "A & B";
  p.rows.push_back({"Study <b>&\"x'\x07\xC2\x85\xE2\x80\xAEy\tz\xFF", ForestKind::study, -0.5, -1,
                    0.2, 100, "-0.5 [-1, 0.2]", "100.0%"});
  p.rows.push_back({"Pooled", ForestKind::pooled, -0.5, -1, 0.2, 100, "-0.5 [-1, 0.2]", "100.0%"});
  f.chart = p;
  f.caption = {"Caption with <tags> & \x01 control"};
  r.figure = f;
  const std::string out = svg(r);
  const Svg s = parsed(out);
  CHECK(s.one("/s:svg/s:title") == "Title <with> & \"quotes\" and 'apostrophes'[31m");
  // (An XPath 1.0 literal cannot hold both quotes: the text is compared here.)
  CHECK(s.one("//s:text[starts-with(., 'Study <b>&')]") == "Study <b>&\"x'y z\xEF\xBF\xBD");
  CHECK_THAT(out, Contains("Study &lt;b&gt;&amp;&quot;x&apos;y z"));
  CHECK(s.count("//s:text[.='\xE2\x86\x90 favours <mg>']") == 1);
  CHECK(s.count("//s:text[.='Caption with <tags> &  control']") == 1);
  CHECK(s.one("/s:svg/s:desc") == "Caption with <tags> &  control");
  CHECK(std::none_of(out.begin(), out.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20 && c != '\n'; }));
  CHECK(out.find("\xC2\x85") == std::string::npos);
  CHECK(out.find("\xE2\x80\xAE") == std::string::npos);

  // A bar chart's labels too.
  Report b;
  Figure g;
  g.title = "Bars";
  BarChart chart;
  chart.bars.push_back({"Seeds & <nuts>", 10, "10 mg"});
  chart.axis_title = "Magnesium \"per\" serving";
  g.chart = chart;
  b.figure = g;
  const Svg bars = parsed(svg(b));
  CHECK(bars.count("//s:text[.='Seeds & <nuts>']") == 1);
  CHECK(bars.one("//s:text[@class='axis-title']") == "Magnesium \"per\" serving");
}

TEST_CASE("svg: nothing to plot is a whole picture that says so") {
  TrialQuery q;
  q.since = 2100;
  const Svg s = parsed(svg(trials_report(ds(), q, true)));
  CHECK(s.one("//s:text[@class='empty']") == "No matching records.");
  CHECK(s.count("//s:polygon") == 0);
  const Svg m = parsed(svg(meta(OutcomeMeasure::adverse_events, Population::pregnancy)));
  CHECK(m.one("//s:text[@class='empty']") == "No matching records.");
  CHECK(m.count("//s:text[starts-with(., 'No primary study in the dataset reports')]") == 1);
  // A report without a figure (never asked of the CLI) is still a document.
  Report none;
  none.title = "Recommended intakes";
  const Svg n = parsed(svg(none));
  CHECK(n.one("/s:svg/s:title") == "Recommended intakes");
}

TEST_CASE("svg: a format of the commands that plot, not with --json") {
  using cli::parse_format;
  auto f = [](const char* s) { return std::optional<std::string>(s); };
  CHECK(parse_format(f("svg"), false, false, true) == Format::svg);
  CHECK(parse_format(f("SVG"), false, false, true) == Format::svg);
  CHECK_THAT(usage_error([&] { parse_format(f("svg"), false, false, false); }),
             Contains("--format svg draws a plot: only foods, trials and meta draw one, with "
                      "--plot (for example mgcramp trials --population idiopathic --plot "
                      "--format svg > forest.svg)"));
  CHECK_THAT(usage_error([&] { parse_format(f("svg"), false, true, false); }),
             Contains("--format svg draws a plot"));
  CHECK_THAT(usage_error([&] { parse_format(f("svg"), true, false, true); }),
             Contains("--json conflicts with --format svg"));
  CHECK_THAT(usage_error([&] { parse_format(f("png"), false, false, true); }),
             Contains("--format must be table, json, csv, md or svg, got 'png'"));
  CHECK(cli::format_names(false, true) ==
        std::vector<std::string>{"table", "json", "csv", "md", "svg"});
  CHECK(cli::format_names(true, false) ==
        std::vector<std::string>{"table", "json", "csv", "md", "bibtex", "ris"});
}
