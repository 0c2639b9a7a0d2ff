// mgcramp check FILE: the built binary with its embedded dataset on articles
// written for these tests (no copies of real articles), phrased the way such
// articles phrase claims. Assertions are about claims whose cue patterns
// clearly fit the sentences, not about the cue tuning of the day.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "expect.hpp"

using Catch::Contains;
using nlohmann::json;

namespace {

const char* const kArticle = R"md(# Magnesium and night cramps: what the research says

Many people reach for magnesium when a cramp wakes them at 3 a.m. Is it worth it?

## What the trials found

Magnesium supplements do not reduce night-time leg cramps. In a 2017 randomized trial of 94 adults, magnesium oxide was no better than placebo.

## Absorption

Magnesium oxide is poorly absorbed compared with other forms. Citrate and glycinate are better absorbed.

## Deficiency

A magnesium deficiency can cause muscle cramps. Too much magnesium causes diarrhea and nausea.

## Questions readers ask

Does magnesium help leg cramps?

## References

1. Magnesium reduces leg cramps in pregnancy (Example, 2019).
)md";

const char* const kHtml = R"html(<!doctype html>
<html><head><title>Magnesium &amp; Cramps | A Health Blog</title>
<script>var claim = "Magnesium helps leg cramps.";</script>
<style>p { color: red } /* magnesium helps leg cramps */</style></head>
<body><nav><a href="/">Magnesium helps leg cramps, says our menu</a></nav>
<h1>Magnesium &amp; leg cramps</h1>
<h2>What the evidence says</h2>
<p>Magnesium supplements do not reduce night&#8209;time leg cramps.</p>
<!-- Magnesium helps leg cramps. -->
<p>Magnesium may help leg cramps &mdash; at least, some readers say so.</p>
</body></html>
)html";

json check_json(const std::vector<std::string>& args) {
  std::vector<std::string> a{"check"};
  a.insert(a.end(), args.begin(), args.end());
  a.push_back("--json");
  const Result r = expect_ok(a);
  return result_of(r.out);
}

json check_text(const std::string& text, const std::string& suffix = ".txt") {
  return check_json({temp_file(text, suffix)});
}

// The claim of id `id` in a check result, or null.
json claim_in(const json& result, const std::string& id) {
  for (const json& c : result.at("claims"))
    if (c.at("claim_id") == id) return c;
  return nullptr;
}

std::vector<std::string> claim_ids(const json& result) {
  std::vector<std::string> out;
  for (const json& c : result.at("claims")) out.push_back(c.at("claim_id").get<std::string>());
  return out;
}

std::set<std::string> keys(const json& o) {
  std::set<std::string> out;
  for (const auto& [k, v] : o.items()) out.insert(k);
  return out;
}

using Keys = std::set<std::string>;

// The dataset's claim of id `id` (data/mgcramp.json, which the binary embeds).
json dataset_claim(const std::string& id) {
  static const json d = json::parse(dataset_text());
  for (const json& c : d.at("claims"))
    if (c.at("id") == id) return c;
  return nullptr;
}

// No C0 control byte but newline (and tab) and no DEL: nothing a terminal acts on.
bool has_control(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F;
  });
}

}  // namespace

TEST_CASE("check: a denial, a hedge and a question, each in one sentence") {
  SECTION("do not reduce: opposes") {
    const json r = check_text("Magnesium supplements do not reduce night-time leg cramps.\n");
    const json c = claim_in(r, "claim-mg-prevents-night-cramps");
    REQUIRE(c.is_object());
    CHECK(c["stance"] == "opposes");
    CHECK(c["hedged"] == false);
    // The verdict is not-supported, so denying it agrees with the evidence.
    CHECK(c["verdict"]["rating"] == "not-supported");
    CHECK(c["standing"] == "agrees");
    REQUIRE(c["sentences"].size() == 1);
    CHECK(c["sentences"][0]["stance"] == "opposes");
  }
  SECTION("contractions and diacritics") {
    for (const char* text : {"Magnesium doesn't prevent leg cramps at night.",
                             "Taking magnesium won't stop your calf cramps.",
                             "Magn\xc3\xa9sium can\xe2\x80\x99t reduce night-time leg cramps."}) {
      INFO(text);
      const json c = claim_in(check_text(text), "claim-mg-prevents-night-cramps");
      REQUIRE(c.is_object());
      CHECK(c["stance"] == "opposes");
    }
  }
  SECTION("may help: supports, hedged") {
    const json c =
        claim_in(check_text("Magnesium may help leg cramps.\n"), "claim-mg-prevents-night-cramps");
    REQUIRE(c.is_object());
    CHECK(c["stance"] == "supports");
    CHECK(c["hedged"] == true);
    CHECK(c["standing"] == "at-odds");
  }
  SECTION("helps: supports, not hedged") {
    const json c =
        claim_in(check_text("Magnesium helps leg cramps.\n"), "claim-mg-prevents-night-cramps");
    REQUIRE(c.is_object());
    CHECK(c["stance"] == "supports");
    CHECK(c["hedged"] == false);
  }
  SECTION("an article's outline of itself asserts nothing") {
    for (const char* text : {"In this article, we'll look at how magnesium helps leg cramps.\n",
                             "By the end, you will understand how magnesium eases cramps.\n"}) {
      INFO(text);
      CHECK(check_text(text)["claims"].empty());
    }
  }
  SECTION("diuretics' electrolyte losses are magnesium's") {
    const json c = claim_in(check_text("Diuretics can lead to electrolyte imbalances.\n"),
                            "claim-diuretics-ppis-deplete-mg");
    REQUIRE(c.is_object());
    CHECK(c["stance"] == "supports");
  }
  SECTION("a question asserts nothing") {
    const json r = check_text("Does magnesium help leg cramps?\n");
    CHECK(r["claims"].empty());
    CHECK(r["unmatched"].empty());
    CHECK(r["scorecard"]["found"] == 0);
  }
}

TEST_CASE("check: the dataset's words for unproven, thin evidence, study designs and use") {
  const auto stance = [](const std::string& text, const std::string& id) -> json {
    const json c = claim_in(check_text(text + "\n"), id);
    return c.is_object() ? c["stance"] : json();
  };
  const std::string night = "claim-mg-prevents-night-cramps";
  // "yet to be" shown or established denies.
  CHECK(stance("Magnesium has yet to be shown to ease leg cramps.", night) == "opposes");
  // Evidence said to be thin: mixed.
  CHECK(stance("Magnesium may ease leg cramps, but trials are limited.", night) == "mixed");
  CHECK(stance("Magnesium may ease leg cramps, though research is limited.", night) == "mixed");
  // Use and a study's design assert nothing.
  CHECK(stance("Magnesium has been used for decades to ease leg cramps.", night).is_null());
  CHECK(stance("Adults were randomized to magnesium or placebo for leg cramps.", night).is_null());
  CHECK(stance("The trial set out to see if magnesium eased leg cramps.", night).is_null());
  // "Not all" and "not fully understood" deny nothing.
  CHECK(stance("Magnesium eases leg cramps for many, not all, adults.", night) == "supports");
  CHECK(stance("How magnesium eases leg cramps is not fully understood.", night) == "supports");
  // The pregnancy amount of the daily allowance.
  CHECK(stance("Pregnant women need 350 mg of magnesium each day.", "claim-rda-310-420") ==
        "supports");
}

TEST_CASE("check: cue words for signals and causes and trials and outlines and quinine") {
  const auto stance = [](const std::string& text, const std::string& id) -> json {
    const json c = claim_in(check_text(text + "\n"), id);
    return c.is_object() ? c["stance"] : json();
  };
  const std::string signal = "claim-frequent-cramps-signal-deficiency";
  // Nerve signals are no sign of a deficiency.
  CHECK(stance("A magnesium deficiency disrupts the nerve signals that control muscles, "
               "causing cramps.",
               signal)
            .is_null());
  CHECK(stance("Cramps can be a signal of magnesium deficiency.", signal) == "supports");
  // Whether it helps depends on the cause: mixed.
  CHECK(stance("Magnesium helps leg cramps, but it depends on the cause.",
               "claim-mg-prevents-night-cramps") == "mixed");
  // The 60-day trial against placebo.
  CHECK(stance("In a 60-day trial, adults taking magnesium had fewer leg cramps than with placebo.",
               "claim-mgo-monohydrate-modest-benefit") == "supports");
  // Quinine's use against malaria is not the cramp claim.
  CHECK(stance("Quinine is better known for treating malaria.", "claim-quinine-works-but-unsafe")
            .is_null());
  CHECK(stance("Quinine reduces leg cramps somewhat.", "claim-quinine-works-but-unsafe") ==
        "supports");
  // What is recommended for cramps is reported, not asserted.
  CHECK(stance("Many treatments are recommended for cramps, such as drinking water.",
               "claim-dehydration-electrolytes-cause-cramps")
            .is_null());
  // Excessive contraction from a deficiency is not too much magnesium.
  CHECK(stance("A magnesium deficiency leads to excessive muscle contraction and cramps.",
               "claim-too-much-mg-causes-leg-cramps")
            .is_null());
  CHECK(stance("Too much magnesium can cause leg cramps.", "claim-too-much-mg-causes-leg-cramps") ==
        "supports");
  // One study is not the reviews' finding.
  CHECK(stance("Another study of magnesium in adults found no benefit for leg cramps.",
               "claim-reviews-no-benefit-general-population")
            .is_null());
  CHECK(stance("Studies find magnesium no better than placebo for leg cramps.",
               "claim-reviews-no-benefit-general-population") == "supports");
  // Glycinate as the preferred form.
  CHECK(stance("Magnesium glycinate is the preferred form for leg cramps.",
               "claim-bisglycinate-superior-and-gentle") == "supports");
  // A pregnancy trial's dose is not the general dose claim.
  CHECK(stance("Magnesium at 300 mg daily during pregnancy did not reduce leg cramps.",
               "claim-dose-200-400-for-4-6-weeks")
            .is_null());
  CHECK(stance("Magnesium at 300 mg daily reduced leg cramps.",
               "claim-dose-200-400-for-4-6-weeks") == "supports");
  // An invitation to read on asserts nothing.
  CHECK(stance("Read on to learn more about how magnesium helps prevent leg cramps.",
               "claim-mg-prevents-night-cramps")
            .is_null());
  CHECK(stance("Keep reading to learn more about how magnesium helps prevent leg cramps.",
               "claim-mg-prevents-night-cramps")
            .is_null());
  // "Don't have enough" magnesium is a shortfall, not a denial.
  CHECK(stance("When you don't have enough magnesium to block calcium, muscles stay contracted "
               "and cramp.",
               "claim-mg-calcium-antagonism-relaxes-muscle") == "supports");
}

TEST_CASE("check: the table says what was found and that nothing was") {
  const Result r = expect_ok({"check", temp_file(kArticle, ".md")});
  CHECK_THAT(r.out, Contains("claim-mg-prevents-night-cramps"));
  CHECK_THAT(r.out, Contains("Article:      opposes"));
  CHECK_THAT(r.out, Contains("[What the trials found, 163] Magnesium supplements do not reduce"));
  const Result none = expect_ok({"check", temp_file("The weather was fine today.\n")});
  CHECK_THAT(none.out, Contains("No claim of the evidence base was found"));
  CHECK_THAT(none.out, Contains("0 claims found"));
  const Result one = expect_ok({"check", temp_file("Magnesium helps leg cramps.\n")});
  CHECK_THAT(one.out, Contains("1 claim found: 0 agree"));
}

TEST_CASE("check --json: the result's fields") {
  const std::string path = temp_file(kArticle, ".md");
  const json r = check_json({path});
  CHECK(keys(r) == Keys{"input", "claims", "scorecard", "commercial_signals", "unmatched"});
  CHECK(keys(r["input"]) == Keys{"bytes", "format", "title"});
  CHECK(r["input"]["bytes"] == std::string(kArticle).size());
  CHECK(r["input"]["format"] == "md");
  CHECK(r["input"]["title"] == "Magnesium and night cramps: what the research says");

  REQUIRE(r["claims"].size() >= 5);
  for (const json& c : r["claims"]) {
    INFO(c.dump());
    CHECK(keys(c) == Keys{"claim_id", "text", "stance", "hedged", "verdict", "standing",
                          "overstates", "sentences"});
    CHECK(keys(c["verdict"]) == Keys{"rating", "summary", "evidence"});
    const json d = dataset_claim(c["claim_id"].get<std::string>());
    REQUIRE(d.is_object());
    CHECK(c["text"] == d["text"]);
    CHECK(c["verdict"]["rating"] == d["verdict"]["rating"]);
    CHECK(c["verdict"]["summary"] == d["verdict"]["summary"]);
    CHECK(c["verdict"]["evidence"] == d["verdict"]["evidence"]);
    CHECK((c["stance"] == "supports" || c["stance"] == "opposes" || c["stance"] == "mixed"));
    CHECK(c["hedged"].is_boolean());
    CHECK(c["overstates"].is_boolean());
    CHECK(
        (c["standing"] == "agrees" || c["standing"] == "at-odds" || c["standing"] == "unsettled"));
    REQUIRE_FALSE(c["sentences"].empty());
    for (const json& s : c["sentences"]) {
      CHECK(keys(s) == Keys{"text", "locator", "offset", "length", "stance", "hedged"});
      CHECK(s["offset"].is_number_unsigned());
      CHECK(s["length"] == s["text"].get<std::string>().size());
    }
  }
  // The claims the article makes plainly; nothing from the question or References.
  const std::vector<std::string> ids = claim_ids(r);
  for (const char* id : {"claim-mg-prevents-night-cramps", "claim-mgo-rct-no-better-than-placebo",
                         "claim-oxide-poorly-absorbed", "claim-organic-forms-better-absorbed",
                         "claim-deficiency-causes-cramps", "claim-excess-causes-gi-effects"}) {
    INFO(id);
    CHECK(std::find(ids.begin(), ids.end(), id) != ids.end());
  }
  CHECK(std::find(ids.begin(), ids.end(), "claim-mg-helps-pregnancy-cramps") == ids.end());
  const json mg = claim_in(r, "claim-mg-prevents-night-cramps");
  REQUIRE(mg["sentences"].size() == 1);
  CHECK(mg["sentences"][0]["locator"] == "What the trials found");

  // The scorecard adds up.
  CHECK(keys(r["scorecard"]) == Keys{"found", "agrees", "at_odds", "unsettled", "overstates"});
  CHECK(r["scorecard"]["found"] == r["claims"].size());
  CHECK(r["scorecard"]["agrees"].get<int>() + r["scorecard"]["at_odds"].get<int>() +
            r["scorecard"]["unsettled"].get<int>() ==
        r["scorecard"]["found"].get<int>());
  int agrees = 0;
  for (const json& c : r["claims"]) agrees += c["standing"] == "agrees";
  CHECK(r["scorecard"]["agrees"] == agrees);

  // The opening sentence names magnesium and a cramp but no claim.
  REQUIRE(r["unmatched"].size() == 1);
  CHECK(keys(r["unmatched"][0]) == Keys{"text", "locator", "offset"});
  CHECK(r["unmatched"][0]["text"] ==
        "Many people reach for magnesium when a cramp wakes them at 3 a.m.");
  CHECK(r["commercial_signals"].empty());
}

TEST_CASE("check --json: offsets and lengths are bytes of the file (text and Markdown)") {
  const std::string text =
      "Magnesium and cramps\n\nMagnesium supplements do not reduce night-time leg cramps.  "
      "Magn\xc3\xa9sium may help leg cramps \xe2\x80\x94 some say.\r\nA magnesium deficiency "
      "can cause muscle cramps.\n\nUse code SAVE20 for 20% off.\n\nMagnesium improves your "
      "mood.\n";
  for (const auto& [content, suffix] : {std::pair<std::string, std::string>{text, ".txt"},
                                        {"# Title\n\n" + text, ".md"},
                                        {std::string(kArticle), ".md"}}) {
    const std::string path = temp_file(content, suffix);
    const json r = check_json({path});
    INFO(r["input"].dump());
    std::size_t checked = 0;
    for (const json& c : r["claims"]) {
      for (const json& s : c["sentences"]) {
        const auto off = s["offset"].get<std::size_t>();
        const auto len = s["length"].get<std::size_t>();
        REQUIRE(off + len <= content.size());
        CHECK(content.substr(off, len) == s["text"]);
        ++checked;
      }
    }
    for (const char* list : {"commercial_signals", "unmatched"}) {
      for (const json& s : r[list]) {
        const auto off = s["offset"].get<std::size_t>();
        const std::string t = s["text"];
        REQUIRE(off + t.size() <= content.size());
        CHECK(content.substr(off, t.size()) == t);
        ++checked;
      }
    }
    CHECK(checked >= 4);
  }
}

TEST_CASE("check --format csv: one row per sentence, with a header") {
  const Result r = expect_ok({"check", temp_file(kArticle, ".md"), "--format", "csv"});
  std::istringstream in(r.out);
  std::string line;
  std::vector<std::string> lines;
  while (std::getline(in, line)) lines.push_back(line);
  REQUIRE_FALSE(lines.empty());
  CHECK(
      lines[0] ==
      "claim_id,claim_stance,standing,overstates,rating,stance,hedged,locator,offset,length,text");
  const json j = check_json({temp_file(kArticle, ".md")});
  std::size_t sentences = 0;
  for (const json& c : j["claims"]) sentences += c["sentences"].size();
  CHECK(lines.size() == 1 + sentences);
  CHECK(std::count_if(lines.begin(), lines.end(), [](const std::string& l) {
          return l.rfind(
                     "claim-mg-prevents-night-cramps,opposes,agrees,false,not-supported,"
                     "opposes,false,What the trials found,",
                     0) == 0;
        }) == 1);
  // Nothing found: the header alone.
  const Result none =
      expect_ok({"check", temp_file("Does magnesium help leg cramps?\n"), "--format", "csv"});
  CHECK(std::count(none.out.begin(), none.out.end(), '\n') == 1);
}

TEST_CASE("check --format md: a Markdown report") {
  const Result r = expect_ok({"check", temp_file(kArticle, ".md"), "--format", "md"});
  CHECK(r.out.rfind("### Magnesium and night cramps: what the research says (md, ", 0) == 0);
  CHECK_THAT(r.out, Contains("| Field | Value |"));
  CHECK_THAT(r.out, Contains("| Claim | claim-mg-prevents-night-cramps: "));
  CHECK_THAT(r.out, Contains("[What the trials found, "));
}

TEST_CASE("check: HTML input: scripts, styles, navigation and comments dropped, entities decoded") {
  const json r = check_text(kHtml, ".html");
  CHECK(r["input"]["format"] == "html");
  CHECK(r["input"]["title"] == "Magnesium & Cramps | A Health Blog");
  // The script, style, nav and comment each say "Magnesium helps leg cramps":
  // had any been read, the claim would have a third sentence.
  REQUIRE(r["claims"].size() == 1);
  const json c = r["claims"][0];
  CHECK(c["claim_id"] == "claim-mg-prevents-night-cramps");
  REQUIRE(c["sentences"].size() == 2);
  CHECK(c["sentences"][0]["text"] ==
        "Magnesium supplements do not reduce night\xe2\x80\x91time leg cramps.");
  CHECK(c["sentences"][0]["stance"] == "opposes");
  CHECK(c["sentences"][1]["text"] ==
        "Magnesium may help leg cramps \xe2\x80\x94 at least, some readers say so.");
  CHECK(c["sentences"][1]["stance"] == "supports");
  CHECK(c["sentences"][1]["hedged"] == true);
  for (const json& s : c["sentences"]) CHECK(s["locator"] == "What the evidence says");
  // One supports, one opposes: mixed.
  CHECK(c["stance"] == "mixed");
}

TEST_CASE("check: - reads standard input") {
  RunOptions o;
  o.stdin_path = temp_file(kArticle, ".md");
  const Result r = run({"check", "-", "--json"}, o);
  INFO(r.err);
  CHECK(r.code == 0);
  const json j = json::parse(r.out);
  CHECK(j["query"]["file"] == "standard input");
  CHECK(j["result"]["input"]["format"] == "md");
  CHECK(j["result"]["input"]["bytes"] == std::string(kArticle).size());
  CHECK(j["result"]["claims"] == check_json({o.stdin_path})["claims"]);
  // Empty standard input is an error like an empty file.
  RunOptions empty;
  empty.stdin_path = temp_file("", ".txt");
  expect_error({"check", "-"}, 1, "the input is empty", empty);
}

TEST_CASE("check --input overrides the detected format") {
  // HTML read as text: the tags are words, and the head is no title.
  const std::string html = temp_file(kHtml, ".html");
  CHECK(check_json({html})["input"]["format"] == "html");
  const json as_text = check_json({html, "--input", "text"});
  CHECK(as_text["input"]["format"] == "text");
  CHECK(as_text["input"]["title"] != "Magnesium & Cramps | A Health Blog");
  // Markdown read as text: "# " is no heading, so no locator.
  const std::string md = temp_file(kArticle, ".md");
  const json as_md = check_json({md, "--input", "md"});
  const json plain = check_json({md, "--input", "text"});
  CHECK(as_md["input"]["format"] == "md");
  CHECK(plain["input"]["format"] == "text");
  const json c = claim_in(as_md, "claim-mg-prevents-night-cramps");
  REQUIRE(c.is_object());
  CHECK(c["sentences"][0]["locator"] == "What the trials found");
  // A text file read as HTML.
  const json h = check_json(
      {temp_file("<p>Magnesium helps leg cramps &amp; spasms.</p>\n"), "--input", "html"});
  CHECK(h["input"]["format"] == "html");
  REQUIRE(h["claims"].size() >= 1);
  CHECK(h["claims"][0]["sentences"][0]["text"] == "Magnesium helps leg cramps & spasms.");
  CHECK(check_json({temp_file("<p>x</p>\n"), "--input", "HTML"})["input"]["format"] == "html");
  expect_usage_error({"check", md, "--input", "pdf"}, "--input must be text, md or html");
}

TEST_CASE("check: bad input is one line on stderr, nothing on stdout") {
  expect_error({"check", temp_file("")}, 1, "the input is empty");
  expect_error({"check", temp_file(std::string("Magnesium\0helps", 15))}, 1,
               "looks like binary data");
  expect_error({"check", temp_file("Magnesium \xff helps leg cramps.\n")}, 1,
               "not valid UTF-8 (byte 0xFF at offset 10");
  expect_error({"check", temp_file("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", ".pdf")}, 1,
               "pdftotext");
  expect_error({"check", "https://example.com/a"}, 2, "works offline");
  expect_error({"check", "/nonexistent/dir/article.txt"}, 1, "No such file");
  expect_error({"check", "/tmp"}, 1, "is a directory");
  {
    // 50 MB: refused without reading it all.
    const std::string path = temp_file("", ".txt");
    {
      std::ofstream out(path, std::ios::binary);
      const std::string para(1024 * 1024, 'a');
      for (int i = 0; i < 50; ++i) out << para;
    }
    expect_error({"check", path}, 1, "larger than 10 MB");
    ::unlink(path.c_str());
  }
}

TEST_CASE("check: no control character of the input reaches stdout") {
  // An ESC written as entities (CSI and OSC sequences, a BEL), other C0
  // controls, DEL, C1 controls and a bidirectional override.
  const std::string html = temp_file(
      "<html><head><title>Cramps &#27;[31mred&#x1b;[0m &#7;</title></head><body>"
      "<h2>Evidence &#x1B;[2J&#8;&#127;</h2>"
      "<p>Magnesium supplements do not reduce leg cramps &#27;]0;pwned&#7; &#1;&#31;.</p>"
      "<p>Use code SAVE20 &#x1b;[5m for 20% off &#x9b;31m &#x85; &#x202e;now.</p>"
      "<p>Magnesium improves mood &#27;[1m.</p></body></html>",
      ".html");
  for (const char* fmt : {"table", "md", "csv", "json"}) {
    INFO(fmt);
    const Result r = expect_ok({"check", html, "--format", fmt});
    CHECK_FALSE(has_control(r.out));
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK_THAT(r.out, Contains("leg cramps"));
  }
  // The sentences were read all the same.
  const json j = check_json({html});
  CHECK(claim_in(j, "claim-mg-prevents-night-cramps").is_object());
  CHECK(j["commercial_signals"].size() >= 1);
  CHECK(j["unmatched"].size() == 1);
}

TEST_CASE("check: commercial signals") {
  const json r = check_text(
      "Use code SAVE20 for 20% off your first bottle.\n\nThese statements have not been "
      "evaluated by the Food and Drug Administration.\n\nShop our magnesium complex today.\n");
  std::vector<std::pair<std::string, std::string>> got;
  for (const json& s : r["commercial_signals"]) {
    CHECK(keys(s) == Keys{"kind", "text", "offset"});
    got.emplace_back(s["kind"], s["text"]);
  }
  using P = std::pair<std::string, std::string>;
  auto has = [&](const P& p) { return std::find(got.begin(), got.end(), p) != got.end(); };
  CHECK(has(P{"discount", "Use code SAVE20 for 20% off your first bottle."}));
  CHECK(has(P{"disclaimer",
              "These statements have not been evaluated by the Food and Drug Administration."}));
  CHECK(has(P{"purchase", "Shop our magnesium complex today."}));
  CHECK(has(P{"first-person-selling", "Shop our magnesium complex today."}));
  // Each signal is of a sentence above; a text without any has none.
  for (const P& p : got) {
    CHECK((p.second.rfind("Use code", 0) == 0 || p.second.rfind("These statements", 0) == 0 ||
           p.second.rfind("Shop our", 0) == 0));
  }
  CHECK(check_text(
            "Magnesium supplements do not reduce night-time leg cramps.\n")["commercial_signals"]
            .empty());
  const Result t = expect_ok({"check", temp_file("Use code SAVE20 for 20% off.\n")});
  CHECK_THAT(t.out, Contains("Commercial signals (1):"));
  CHECK_THAT(t.out, Contains("discount at byte 0: Use code SAVE20 for 20% off."));
}

TEST_CASE("check: the seed articles") {
  const std::filesystem::path dir = MGCRAMP_SEEDS_DIR;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    WARN("no seed articles at " << dir.string() << ": skipped");
    return;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  CHECK(files.size() >= 5);
  for (const auto& f : files) {
    INFO(f.string());
    const Result r = run({"check", f.string(), "--json"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.err.empty());
    const json j = result_of(r.out);
    CHECK(j["claims"].size() >= 10);
    CHECK(j["scorecard"]["found"] == j["claims"].size());
  }
}
