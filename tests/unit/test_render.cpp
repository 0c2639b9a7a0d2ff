// Renderers: alignment within 80 columns, escaping, every format.
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "mgcramp/error.hpp"
#include "mgcramp/loader.hpp"
#include "mgcramp/render.hpp"
#include "mgcramp/reports.hpp"
#include "mgcramp/text.hpp"

using namespace mgcramp;
using Catch::Contains;
using nlohmann::json;

namespace {

Report sample() {
  Report r;
  r.title = "Sample";
  r.columns = {
      {"name", "Name"}, {"mg", "Mg", Align::right}, {"hidden", "Hidden", Align::left, false}};
  r.add_row({"short", {310, "310 mg"}, "x"});
  r.add_row({std::string(150, 'w') + " long words here",
             {nullptr, "none"},
             std::vector<std::string>{"a", "b"}});
  r.note(
      "A note that is long enough to need wrapping when the width is eighty columns or less, "
      "which this one certainly is.");
  r.note("Careful", NoteLevel::warning);
  return r;
}

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

}  // namespace

TEST_CASE("tables fit 80 columns wrap long cells and right-align numbers") {
  const std::string out = render(sample(), {Format::table, false, 80});
  for (const auto& l : lines(out)) {
    INFO(l);
    CHECK(text::display_width(l) <= 80);
  }
  CHECK_THAT(out, Contains("short"));
  CHECK_THAT(out, Contains("310 mg"));
  CHECK_THAT(out, !Contains("Hidden"));
  CHECK_THAT(out, Contains("Warning: Careful"));
  CHECK(out.find('\x1b') == std::string::npos);
}

TEST_CASE("the real rda table fits 80 columns") {
  const Dataset ds = load_embedded_dataset();
  const std::string out = render(rda_report(ds, Profile{}), {Format::table, false, 80});
  for (const auto& l : lines(out)) {
    INFO(l);
    CHECK(text::display_width(l) <= 80);
  }
}

TEST_CASE("colour codes appear only when colour is on and only in tables") {
  CHECK_THAT(render(sample(), {Format::table, true, 80}), Contains("\x1b["));
  CHECK(render(sample(), {Format::table, false, 80}).find('\x1b') == std::string::npos);
}

TEST_CASE("JSON has every column typed values and a lone object when asked") {
  Report r = sample();
  const json arr = json::parse(render(r, {Format::json, false, 80}));
  REQUIRE(arr.is_array());
  REQUIRE(arr.size() == 2);
  CHECK(arr[0]["mg"] == 310);
  CHECK(arr[0]["mg"].is_number_integer());
  CHECK(arr[1]["mg"].is_null());
  CHECK(arr[1]["hidden"] == json::array({"a", "b"}));
  r.rows.resize(1);
  r.single_object = true;
  CHECK(json::parse(render(r, {Format::json, false, 80})).is_object());
}

TEST_CASE("CSV has a header of keys quotes when needed joins lists") {
  Report r;
  r.columns = {{"a", "A"}, {"b", "B"}};
  r.add_row({"x, y", std::vector<std::string>{"p", "q"}});
  r.add_row({"say \"hi\"", nullptr});
  CHECK(render(r, {Format::csv, false, 80}) == "a,b\n\"x, y\",p; q\n\"say \"\"hi\"\"\",\n");
}

TEST_CASE("Markdown escapes pipes and marks alignment") {
  Report r;
  r.columns = {{"a", "A"}, {"n", "N", Align::right}};
  r.add_row({"x|y", 2});
  const std::string md = render(r, {Format::md, false, 80});
  CHECK_THAT(md, Contains("| A | N |\n| --- | ---: |\n| x\\|y | 2 |"));
}

TEST_CASE("control characters from data never reach any format raw") {
  Report r;
  r.title = "t\x1b]0;pwn\x07";
  r.columns = {{"a", "A"}};
  r.add_row({"red \x1b[31m text\r\n\xc2\x9b del\x7f rlo\xe2\x80\xae"});
  r.note("bell \x07");
  for (Format f : {Format::table, Format::csv, Format::md, Format::json}) {
    const std::string out = render(r, {f, false, 80});
    INFO(out);
    for (char c : out) {
      const auto u = static_cast<unsigned char>(c);
      CHECK((u >= 0x20 || c == '\n'));
      CHECK(u != 0x7f);
    }
    CHECK(out.find("\xc2\x9b") == std::string::npos);
    CHECK(out.find("\xe2\x80\xae") == std::string::npos);
  }
}

TEST_CASE("empty results say so - formats parse") {
  Report r;
  r.columns = {{"a", "A"}};
  CHECK_THAT(render(r, {Format::table, false, 80}), Contains("No matching records."));
  CHECK(render(r, {Format::json, false, 80}) == "[]\n");
  CHECK(render(r, {Format::csv, false, 80}) == "a\n");
  CHECK(parse_format("MD") == Format::md);
  CHECK(parse_format("markdown") == Format::md);
  CHECK_THROWS_AS(parse_format("xml"), UsageError);
}
