#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "mgcramp/check/document.hpp"
#include "mgcramp/error.hpp"

using namespace mgcramp;
using namespace mgcramp::check;

namespace {

std::vector<std::string> texts(const std::string& text, const std::vector<Sentence>& ss) {
  std::vector<std::string> out;
  for (const Sentence& s : ss) out.emplace_back(s.view(text));
  return out;
}

std::vector<std::string> split(const std::string& text, Format f = Format::text) {
  return texts(text, split_sentences(text, f));
}

std::vector<std::string> sentences(const Document& d) {
  return texts(d.text, d.sentences);
}

std::vector<std::string> locators(const Document& d) {
  std::vector<std::string> out;
  for (const Sentence& s : d.sentences) out.push_back(s.locator);
  return out;
}

// The message of the DataError read_document throws, or "" (with its hint
// after " | ").
std::string error_of(const std::string& input, std::optional<Format> f = std::nullopt) {
  try {
    (void)read_document(input, f);
  } catch (const DataError& e) {
    return std::string(e.what()) + " | " + e.hint();
  }
  return "";
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("format names and URLs") {
  CHECK(format_name(Format::text) == "text");
  CHECK(format_name(Format::markdown) == "md");
  CHECK(format_name(Format::html) == "html");
  CHECK(looks_like_url("https://example.org/a"));
  CHECK(looks_like_url("HTTP://example.org"));
  CHECK(looks_like_url("www.example.org"));
  CHECK_FALSE(looks_like_url("article.html"));
  CHECK_FALSE(looks_like_url("./www/article.html"));
  CHECK_FALSE(looks_like_url("-"));
}

TEST_CASE("sentences end at . ! ? and keep their punctuation") {
  CHECK(split("Magnesium is a mineral. Does it stop cramps? Nobody knows! The end.") ==
        V{"Magnesium is a mineral.", "Does it stop cramps?", "Nobody knows!", "The end."});
  CHECK(split("He said \"take it.\" Then he left. (It helped.) Fine") ==
        V{"He said \"take it.\"", "Then he left.", "(It helped.)", "Fine"});
  CHECK(split("Really?! Yes... And then") == V{"Really?!", "Yes...", "And then"});
  CHECK(split("\"Why?\" she asked. Fine... and so on.") ==
        V{"\"Why?\" she asked.", "Fine... and so on."});
  CHECK(split("  Padded sentence.   \n  Another one.  ") == V{"Padded sentence.", "Another one."});
}

TEST_CASE("abbreviations, initials and decimals do not end a sentence") {
  CHECK(split("Dr. Smith and Prof. Jones met Mr. and Mrs. Brown. They agreed.") ==
        V{"Dr. Smith and Prof. Jones met Mr. and Mrs. Brown.", "They agreed."});
  CHECK(split("Some minerals, e.g. magnesium, i.e. Mg, help. Others do not.") ==
        V{"Some minerals, e.g. magnesium, i.e. Mg, help.", "Others do not."});
  CHECK(split("Magnesium vs. placebo was tested. It failed.") ==
        V{"Magnesium vs. placebo was tested.", "It failed."});
  CHECK(split("Smith et al. found nothing. Jones et al. (2012) agreed.") ==
        V{"Smith et al. found nothing.", "Jones et al. (2012) agreed."});
  CHECK(split("They took approx. 300 mg daily. See Fig. 2 and No. 5 here.") ==
        V{"They took approx. 300 mg daily.", "See Fig. 2 and No. 5 here."});
  CHECK(split("Salts, oxides, etc. were used. Foods etc. Then more.") ==
        V{"Salts, oxides, etc. were used.", "Foods etc.", "Then more."});
  CHECK(split("A study by J. R. Smith in the U.S. Army found it. Next.") ==
        V{"A study by J. R. Smith in the U.S. Army found it.", "Next."});
  CHECK(split("A dose of 1.5 mg or 0.5% or .25 g was given. It was 2.0 times more.") ==
        V{"A dose of 1.5 mg or 0.5% or .25 g was given.", "It was 2.0 times more."});
  // A unit is no abbreviation before a capital, and "vitamin D." ends.
  CHECK(split("The dose was 300 mg. Results were null.") ==
        V{"The dose was 300 mg.", "Results were null."});
  CHECK(split("They also took vitamin D. Then they slept.") ==
        V{"They also took vitamin D.", "Then they slept."});
}

TEST_CASE("a footnote number glued to a period ends the sentence after it") {
  CHECK(split("It happens suddenly.1 Cramps are common.2,5 Thus it helps.") ==
        V{"It happens suddenly.1", "Cramps are common.2,5", "Thus it helps."});
  CHECK(split("Quinine was withdrawn in 2004 after four deaths in Australia.4\n\nNext one.") ==
        V{"Quinine was withdrawn in 2004 after four deaths in Australia.4", "Next one."});
  // Not before a lower-case word, nor a decimal, nor a version.
  CHECK(split("Take 1.5 Mg daily. It was seen in v.2 and more.") ==
        V{"Take 1.5 Mg daily.", "It was seen in v.2 and more."});
}

TEST_CASE("blank lines, list items and headings end sentences") {
  const std::string t =
      "First paragraph\nwithout a period\n\nSecond paragraph\nwraps here.\n\n"
      "- item one\n- item two. Two sentences.\n* star item\n1. numbered\n2) other\n";
  CHECK(split(t) == V{"First paragraph\nwithout a period", "Second paragraph\nwraps here.",
                      "item one", "item two.", "Two sentences.", "star item", "numbered", "other"});
}

TEST_CASE("plain text headings are locators, not sentences") {
  const std::string t =
      "Magnesium and Cramps\n\nIntro sentence. Another one.\n\nWhat the trials say\n\n"
      "Trials found little.\n\nA long line that is a paragraph even though it has no final "
      "punctuation at all, right\n\nAfter it.";
  const Document d = read_document(t);
  CHECK(d.format == Format::text);
  CHECK(d.title == "Magnesium and Cramps");
  CHECK(d.text == t);
  CHECK(sentences(d) == V{"Intro sentence.", "Another one.", "Trials found little.",
                          "A long line that is a paragraph even though it has no final "
                          "punctuation at all, right",
                          "After it."});
  CHECK(locators(d) == V{"Magnesium and Cramps", "Magnesium and Cramps", "What the trials say",
                         "What the trials say", "What the trials say"});
  // Offsets point into the input.
  CHECK(t.substr(d.sentences[2].offset, d.sentences[2].length) == "Trials found little.");
}

TEST_CASE("Markdown headings, setext underlines and markup in locators") {
  const std::string t =
      "# Magnesium for **night** cramps\n\nIt is *popular*. See [the review](https://x.org/r).\n\n"
      "## What [trials](https://x.org) show ##\n\n- Trial one found nothing.\n- Trial two, "
      "too.\n\nSetext heading\n--------------\n\nUnder setext.\n\n```\ncode. Not prose.\n```\n"
      "Is that all?\n";
  const Document d = read_document(t);
  CHECK(d.format == Format::markdown);
  CHECK(d.title == "Magnesium for night cramps");
  CHECK(d.text == t);
  CHECK(sentences(d) == V{"It is *popular*.", "See [the review](https://x.org/r).",
                          "Trial one found nothing.", "Trial two, too.", "Under setext.",
                          "Is that all?"});
  CHECK(locators(d) == V{"Magnesium for night cramps", "Magnesium for night cramps",
                         "What trials show", "What trials show", "Setext heading",
                         "Setext heading"});
}

TEST_CASE("detection from the content") {
  CHECK(read_document("Just some text. Two sentences.").format == Format::text);
  CHECK(read_document("Intro\n\n- a list\n- of things\n").format == Format::markdown);
  CHECK(read_document("Text with **bold** words.").format == Format::markdown);
  CHECK(read_document("<!DOCTYPE html><title>x</title><p>Hi.</p>").format == Format::html);
  CHECK(read_document("\xEF\xBB\xBF  <div>Hi.</div>").format == Format::html);
  CHECK(read_document("<5 mg per day is too little.").format == Format::text);
  // Forced formats win.
  const Document d = read_document("<p>Hi there.</p>", Format::text);
  CHECK(d.format == Format::text);
  CHECK(d.text == "<p>Hi there.</p>");
}

TEST_CASE("HTML: scripts, styles, navigation and comments are dropped") {
  const std::string h =
      "<!DOCTYPE html><html><head><title> The  Title </title><style>p{color:red}</style>"
      "<script>var x = 'No. Never.';</script></head><body>"
      "<header><a href=/>Site name</a></header>"
      "<nav><ul><li>Home</li><li>About</li></ul></nav>"
      "<div role=\"navigation\">Skip me</div>"
      "<article><h1>Main heading</h1><!-- a comment. -->"
      "<p>First   para\n  spans lines. Second sentence.</p>"
      "<script>document.write('hidden.')</script><noscript>Enable JS.</noscript>"
      "<h2>Sub <em>heading</em></h2><p>Under the sub.</p></article>"
      "<aside>Related links.</aside><footer>Copyright.</footer>"
      "<form><button>Subscribe</button></form></body></html>";
  const Document d = read_document(h);
  CHECK(d.format == Format::html);
  CHECK(d.title == "The Title");
  CHECK(d.text ==
        "Main heading\nFirst para spans lines. Second sentence.\nSub heading\nUnder the sub.");
  CHECK(sentences(d) == V{"First para spans lines.", "Second sentence.", "Under the sub."});
  CHECK(locators(d) == V{"Main heading", "Main heading", "Sub heading"});
}

TEST_CASE("HTML: a header holding the h1 is kept; the title falls back to the h1") {
  const Document d = read_document(
      "<html><body><header><h1>Cramps &amp; magnesium</h1><p>By A. Writer.</p></header>"
      "<p>Body text.</p></body></html>");
  CHECK(d.title == "Cramps & magnesium");
  CHECK(sentences(d) == V{"By A. Writer.", "Body text."});
  CHECK(locators(d) == V{"Cramps & magnesium", "Cramps & magnesium"});
}

TEST_CASE("HTML: entities, nested lists, tables and line breaks") {
  const Document d = read_document(
      "<html><body><p>Salt &amp; pepper&nbsp;mix, it&#8217;s &lt;fine&gt; &eacute;.</p>"
      "<ul><li>Outer one<ul><li>Inner a</li><li>Inner b</li></ul></li><li>Outer two</li></ul>"
      "<table><tr><td>Dose</td><td>300 mg</td></tr><tr><th>Form</th><td>citrate</td></tr></table>"
      "<p>Line one<br>line two</p><pre>keep\nlines</pre>"
      "<p>Cited.<sup><a href=#r1>[1]</a></sup> Next<sup>2,3</sup>. E = mc<sup>2</sup> holds.</p>"
      "</body></html>");
  CHECK(d.text ==
        "Salt & pepper mix, it\xE2\x80\x99s <fine> \xC3\xA9.\nOuter one\nInner a\nInner b\n"
        "Outer two\nDose 300 mg\nForm citrate\nLine one\nline two\nkeep\nlines\n"
        "Cited. Next. E = mc2 holds.");
  CHECK(sentences(d) == V{"Salt & pepper mix, it\xE2\x80\x99s <fine> \xC3\xA9.", "Outer one",
                          "Inner a", "Inner b", "Outer two", "Dose 300 mg", "Form citrate",
                          "Line one", "line two", "keep", "lines", "Cited.", "Next.",
                          "E = mc2 holds."});
}

TEST_CASE("HTML: a declared charset is converted to UTF-8") {
  const Document a = read_document(
      "<html><head><meta charset=\"ISO-8859-1\"><title>Caf\xE9</title></head>"
      "<body><p>Na\xEFve caf\xE9 \xB5g.</p></body></html>");
  CHECK(a.title == "Caf\xC3\xA9");
  CHECK(a.text == "Na\xC3\xAFve caf\xC3\xA9 \xC2\xB5g.");
  const Document b = read_document(
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
      "</head><body><p>\x93Quoted\x94 text.</p></body></html>");
  CHECK(b.text == "\xE2\x80\x9CQuoted\xE2\x80\x9D text.");
  // Not UTF-8 and no charset: refused rather than guessed.
  CHECK_THAT(error_of("<html><body><p>caf\xE9</p></body></html>"),
             Catch::Contains("not valid UTF-8") && Catch::Contains("charset"));
  CHECK_THAT(error_of("<html><head><meta charset=\"x-nonesuch\"></head><p>caf\xE9</p></html>"),
             Catch::Contains("x-nonesuch"));
}

TEST_CASE("bad input is a DataError with one line and a hint") {
  CHECK_THAT(error_of(""), Catch::StartsWith("the input is empty | "));
  CHECK_THAT(error_of(std::string("abc\0def", 7)),
             Catch::Contains("binary") && Catch::Contains("0x00 at offset 3"));
  CHECK_THAT(error_of("text \x1b[31m red"), Catch::Contains("0x1B"));
  CHECK_THAT(error_of("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj"),
             Catch::Contains("a PDF") && Catch::Contains("pdftotext FILE.pdf - | mgcramp check -"));
  CHECK_THAT(error_of("%PDF-1.4 whatever", Format::html), Catch::Contains("a PDF"));
  CHECK_THAT(error_of("caf\xE9 au lait"),
             Catch::Contains("not valid UTF-8") && Catch::Contains("offset 3, line 1"));
  CHECK_THAT(error_of("\xFF\xFEh\0i\0", Format::text), Catch::Contains("UTF-16"));
  const std::string big(50u * 1024 * 1024, 'a');
  CHECK_THAT(error_of(big), Catch::Contains("52428800 bytes") && Catch::Contains("10 MB"));
  CHECK(error_of(std::string(kMaxInputBytes, 'a')).empty());
  for (const std::string& e : {error_of(""), error_of(big), error_of("caf\xE9")}) {
    CHECK(e.find('\n') == std::string::npos);
  }
  // Tab, CR, LF and FF are text.
  CHECK(error_of("a\tb\r\nc\fd.").empty());
}

TEST_CASE("HTML: escape sequences in the text never break extraction") {
  // Raw ESC bytes are control bytes: refused as binary.
  CHECK_THAT(error_of("<html><body><p>red \x1b[31m text</p></body></html>"),
             Catch::Contains("0x1B"));
  // As character references they pass the check; whatever libxml2 makes of
  // them, extraction finishes and the text is valid.
  const Document d = read_document(
      "<html><body><p>red &#27;[31m text &#x1b;]0;title&#7; and &#x9b;2J. Next.</p></body></html>");
  CHECK(d.format == Format::html);
  CHECK(d.text.find("red") != std::string::npos);
  CHECK_FALSE(d.sentences.empty());
}

TEST_CASE("a long run without punctuation is cut at spaces") {
  std::string t;
  for (int i = 0; i < 2000; ++i) t += "word ";
  const std::vector<Sentence> ss = split_sentences(t, Format::text);
  REQUIRE(ss.size() >= 10);
  std::size_t total = 0;
  for (const Sentence& s : ss) {
    CHECK(s.length <= 1000);
    CHECK(t[s.offset] == 'w');
    CHECK(t[s.offset + s.length - 1] == 'd');
    total += s.length;
  }
  CHECK(total >= 9000);
  // Without a space: cut anyway, on a UTF-8 boundary.
  std::string u;
  for (int i = 0; i < 1500; ++i) u += "\xC3\xA9";
  for (const Sentence& s : split_sentences(u, Format::text)) {
    CHECK(s.length <= 1001);
    CHECK((static_cast<unsigned char>(u[s.offset]) & 0xC0) != 0x80);
  }
}

TEST_CASE("HTML text split as lines") {
  CHECK(split("Heading\nFirst line. Second.\nThird", Format::html) ==
        V{"Heading", "First line.", "Second.", "Third"});
}

TEST_CASE("deeply nested and malformed HTML") {
  std::string h = "<html><body>";
  for (int i = 0; i < 20000; ++i) h += "<div><b>";
  h += "Deep text.";
  const Document d = read_document(h);
  CHECK(d.format == Format::html);
  CHECK(read_document("<p>unclosed <b>bold <i>and <p>next para.").text ==
        "unclosed bold and\nnext para.");
  CHECK(read_document("<html></html>").sentences.empty());
}

TEST_CASE("Markdown details: quotes, tables, fences, plain headings without '#'") {
  const Document d = read_document(
      "> Quoted once. Quoted twice.\n> > Nested quote.\n\n| Form | Dose |\n|---|---|\n"
      "| citrate | 300 mg |\n\n~~~\nnot. prose.\n~~~\n[1]: https://example.org\n");
  CHECK(d.format == Format::markdown);
  CHECK(sentences(d) == V{"Quoted once.", "Quoted twice.", "Nested quote.", "| Form | Dose |",
                          "| citrate | 300 mg |"});
  // A list makes it Markdown, but with no '#' heading the short lines
  // standing alone are still headings.
  const Document e =
      read_document("Background\n\nSome text here.\n\nTips\n\n- Drink water.\n- Stretch.\n");
  CHECK(e.format == Format::markdown);
  CHECK(e.title == "Background");
  CHECK(sentences(e) == V{"Some text here.", "Drink water.", "Stretch."});
  CHECK(locators(e) == V{"Background", "Tips", "Tips"});
}

TEST_CASE("CRLF and lone CR line ends, BOM and no-break spaces") {
  const std::string t =
      "\xEF\xBB\xBFTitle line\r\n\r\nFirst one. Second\r\none.\r\rAfter CR.\xC2\xA0";
  const Document d = read_document(t);
  CHECK(d.title == "Title line");
  CHECK(d.text == t);
  CHECK(sentences(d) == V{"First one.", "Second\r\none.", "After CR."});
}
