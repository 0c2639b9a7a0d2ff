// Renderers: alignment within 80 columns, escaping, every format.
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "mgcramp/error.hpp"
#include "mgcramp/io/embedded.hpp"
#include "mgcramp/io/load.hpp"
#include "mgcramp/render/render.hpp"
#include "mgcramp/report/builders.hpp"
#include "mgcramp/text.hpp"
#include "options.hpp"

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

TEST_CASE("JSON is one envelope with every machine column typed") {
  Report r = sample();
  r.single_object = false;
  r.query.add("top", 2);
  r.notice("careful", NoticeLevel::caution, "Mind the dose.");
  const json j = json::parse(render(r, {Format::json, false, 80}));
  REQUIRE(j.is_object());
  CHECK(j["query"] == json{{"top", 2}});
  const json& arr = j["results"];
  REQUIRE(arr.size() == 2);
  CHECK(arr[0]["mg"] == 310);
  CHECK(arr[0]["mg"].is_number_integer());
  CHECK(arr[1]["mg"].is_null());
  CHECK(arr[1]["hidden"] == json::array({"a", "b"}));
  CHECK_FALSE(j.contains("summary"));
  CHECK(j["notices"] ==
        json::parse(R"([{"id":"careful","level":"caution","text":"Mind the dose."}])"));
  CHECK(j["sources"] == json::array());
  r.rows.resize(1);
  r.single_object = true;
  r.summary = Value::Object{{"n", 1}};
  const json one = json::parse(render(r, {Format::json, false, 80}));
  CHECK(one["result"]["name"] == "short");
  CHECK_FALSE(one.contains("results"));
  CHECK(one["summary"] == json{{"n", 1}});
  r.rows.clear();
  CHECK(json::parse(render(r, {Format::json, false, 80}))["result"].is_null());
}

TEST_CASE("dotted keys nest in JSON and columns for people only stay out of it") {
  Report r;
  r.columns = {{"id", "Id"},
               {"verdict.rating", "Rating"},
               {"verdict.summary", "Says"},
               {"x.y.z", "Deep"},
               {"shown", "Shown"}};
  r.columns[4].machine = false;
  r.add_row({"c1", "mixed", "Unclear.", 3, "people"});
  const json j = json::parse(render(r, {Format::json, false, 80}));
  CHECK(j["results"][0] ==
        json::parse(
            R"({"id":"c1","verdict":{"rating":"mixed","summary":"Unclear."},"x":{"y":{"z":3}}})"));
  CHECK(render(r, {Format::csv, false, 80}) ==
        "id,verdict.rating,verdict.summary,x.y.z\nc1,mixed,Unclear.,3\n");
}

TEST_CASE("CSV spreads an object over columns and a list of objects over rows") {
  Report r;
  r.columns = {{"id", "Id"}, {"effect", "Effect"}, {"stances", "Stances"}, {"ok", "Ok"}};
  r.columns[1].fields = {"value", "ci.low"};
  r.columns[2].fields = {"source", "stance"};
  r.columns[2].row_per_element = true;
  Value two = Value::list();
  two.push_back(Value::Object{{"source", "a"}, {"stance", "supports"}});
  two.push_back(Value::Object{{"source", "b"}, {"stance", "opposes"}});
  r.add_row({"c1", Value::Object{{"value", 1.5}, {"ci", Value::Object{{"low", 0.5}}}}, two, true});
  r.add_row({"c2", nullptr, Value::list(), false});
  CHECK(render(r, {Format::csv, false, 80}) ==
        "id,effect.value,effect.ci.low,stances.source,stances.stance,ok\n"
        "c1,1.5,0.5,a,supports,true\n"
        "c1,1.5,0.5,b,opposes,true\n"
        "c2,,,,,false\n");
}

TEST_CASE("rows for people only and for scripts only") {
  Report r;
  r.columns = {{"a", "A"}};
  r.add_row({"scripts"});
  r.add_row({"both"});
  r.add_row({"people"});
  r.human_from = 1;
  r.machine_rows = 2;
  const json j = json::parse(render(r, {Format::json, false, 80}));
  CHECK(j["results"] == json::parse(R"([{"a":"scripts"},{"a":"both"}])"));
  const std::string table = render(r, {Format::table, false, 80});
  CHECK(table.find("scripts") == std::string::npos);
  CHECK_THAT(table, Contains("both") && Contains("people"));
}

TEST_CASE("Markdown of several records in full is one table each, with a heading") {
  Report r;
  r.vertical = true;
  r.columns = {{"id", "Id"}, {"v", "Value"}};
  r.add_row({"one", 1});
  r.add_row({"two", 2});
  CHECK(render(r, {Format::md, false, 80}) ==
        "#### one\n\n| Field | Value |\n| --- | --- |\n| Id | one |\n| Value | 1 |\n"
        "\n#### two\n\n| Field | Value |\n| --- | --- |\n| Id | two |\n| Value | 2 |\n");
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
  CHECK(json::parse(render(r, {Format::json, false, 80}))["results"] == json::array());
  CHECK(render(r, {Format::csv, false, 80}) == "a\n");
  using cli::parse_format;
  auto f = [](const char* s) { return std::optional<std::string>(s); };
  CHECK(parse_format(f("MD"), false, false) == Format::md);
  CHECK(parse_format(f("markdown"), false, false) == Format::md);
  CHECK(parse_format(std::nullopt, true, false) == Format::json);
  CHECK_THROWS_AS(parse_format(f("xml"), false, false), UsageError);
  CHECK_THROWS_AS(parse_format(f("csv"), true, false), UsageError);
}
