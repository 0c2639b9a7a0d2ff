// check::Matcher on a small dataset of its own: the fixture (fixtures.hpp)
// with the claims and cues below instead of its own, loaded with the loader,
// so no test depends on the cue patterns of data/mgcramp.json.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "fixtures.hpp"
#include "mgcramp/check/document.hpp"
#include "mgcramp/check/matcher.hpp"
#include "mgcramp/error.hpp"
#include "mgcramp/io/load.hpp"

using namespace mgcramp;
using namespace mgcramp::check;
using Catch::Contains;
using nlohmann::json;

namespace {

// The cues table of the test dataset: one cue of every kind.
const char* const kCues = R"json([
  {"id": "mg", "kind": "subject", "phrases": ["magnesium", "magnesium supplement*"]},
  {"id": "anaphor", "kind": "anaphor", "phrases": ["it", "this mineral"]},
  {"id": "health", "kind": "health", "phrases": ["cramp*", "sleep*", "migraine*"]},
  {"id": "cramp", "kind": "group", "phrases": ["cramp", "spasm*", "charley horse"]},
  {"id": "help", "kind": "group", "phrases": ["help", "prevent", "reduc*", "eas*"]},
  {"id": "preg", "kind": "group", "phrases": ["pregnan*"]},
  {"id": "negation", "kind": "negation",
   "phrases": ["not", "no", "never", "fail*", "no evidence", "!not only", "!no doubt"]},
  {"id": "hedge", "kind": "hedge", "phrases": ["may", "might", "some studies"]},
  {"id": "mixed", "kind": "mixed", "phrases": ["mixed", "inconclusive", "more research"]},
  {"id": "report", "kind": "report", "phrases": ["widely used", "whether", "many people take"]},
  {"id": "promo", "kind": "promotion", "phrases": ["our product*", "shop now"]},
  {"id": "buy", "kind": "purchase", "phrases": ["buy", "add to cart"]},
  {"id": "discount", "kind": "discount", "phrases": ["promo code", "percent off"]},
  {"id": "disclaimer", "kind": "disclaimer",
   "phrases": ["not been evaluated by the food and drug administration"]},
  {"id": "seller", "kind": "first-person-selling", "phrases": ["we sell", "our magnesium"]},
  {"id": "skip", "kind": "skip-section", "phrases": ["references", "further reading"]}
])json";

json claim(const char* id, const char* topic, std::vector<std::string> cues) {
  return json{{"id", id},
              {"topic", topic},
              {"text", std::string("The claim ") + id + "."},
              {"cues", std::move(cues)},
              {"verdict",
               {{"rating", "not-supported"},
                {"summary", "Made up for the tests."},
                {"evidence", {"example-2017"}}}}};
}

json matcher_dataset() {
  json d = fixture::dataset();
  d["cues"] = json::parse(kCues);
  d["claims"] = json::array(
      {claim("claim-helps", "efficacy-night-cramps", {"@mg + @cramp + @help + !@preg"}),
       claim("claim-pregnancy", "efficacy-pregnancy", {"@mg + @preg + @cramp"}),
       // A negation that is the claim's own word: "no better" is the claim.
       claim("claim-no-better", "efficacy-night-cramps",
             {"magnesium + no better|not better + placebo"}),
       claim("claim-absorbed", "absorption", {"citrate|glycinate + absor* + well|better"})});
  return d;
}

const Dataset& dataset() {
  static const Dataset d = load_dataset(matcher_dataset().dump(), "matcher.json");
  return d;
}

const Matcher& matcher() {
  static const Matcher m(dataset());
  return m;
}

struct Read {
  Document doc;
  Reading reading;
};

Read read(const std::string& text, Format f = Format::text) {
  Read r{read_document(text, f), {}};
  r.reading = matcher().read(r.doc);
  return r;
}

// What a text says: each claim found with the stance of each of its
// sentences, "claim-helps: opposes; claim-pregnancy: supports hedged", or "".
std::string said(const std::string& text, Format f = Format::text) {
  const Read r = read(text, f);
  std::string out;
  for (const ClaimFound& c : r.reading.claims) {
    for (const SentenceStance& s : c.sentences) {
      if (!out.empty()) out += "; ";
      out += c.claim->id + ": " + std::string(name_of(s.stance)) + (s.hedged ? " hedged" : "");
    }
  }
  return out;
}

// The claims found, each with its article stance ("claim-helps=mixed").
std::string article(const std::string& text, Format f = Format::markdown) {
  const Read r = read(text, f);
  std::string out;
  for (const ClaimFound& c : r.reading.claims) {
    if (!out.empty()) out += "; ";
    out += c.claim->id + "=" + std::string(name_of(c.stance)) + (c.hedged ? " hedged" : "");
  }
  return out;
}

std::string sentence_of(const Read& r, std::size_t i) {
  return std::string(r.doc.sentences[i].view(r.doc.text));
}

}  // namespace

TEST_CASE("matcher: the test dataset loads with its cue patterns") {
  CHECK(dataset().claims.size() == 4);
  CHECK(dataset().cues.size() == 16);
  CHECK(said("Magnesium helps cramps.") == "claim-helps: supports");
  CHECK(said("Potassium helps cramps.").empty());
  CHECK(said("Magnesium is a mineral.").empty());
}

TEST_CASE("matcher: every slot must match, in any order, by any alternative") {
  // Slots in another order than the pattern's.
  CHECK(said("Cramps are what magnesium helps.") == "claim-helps: supports");
  CHECK(said("Against placebo, magnesium was no better.") == "claim-no-better: supports");
  // One slot missing: no claim.
  CHECK(said("Magnesium helps.").empty());
  CHECK(said("Magnesium and cramps.").empty());
  // Alternatives of a slot: glycinate or citrate; well or better.
  CHECK(said("Glycinate is absorbed well.") == "claim-absorbed: supports");
  CHECK(said("Citrate is better absorbed.") == "claim-absorbed: supports");
  CHECK(said("Oxide is absorbed well.").empty());
  // A phrase is consecutive words.
  CHECK(said("Magnesium helps a charley horse.") == "claim-helps: supports");
  CHECK(said("Magnesium helps a horse named Charley.").empty());
}

TEST_CASE("matcher: @group names every phrase of the cue") {
  CHECK(said("Magnesium eases spasms.") == "claim-helps: supports");
  CHECK(said("Magnesium reduces cramps.") == "claim-helps: supports");
  CHECK(said("Magnesium prevents cramps.") == "claim-helps: supports");
  CHECK(said("Magnesium supplements help cramps.") == "claim-helps: supports");
}

TEST_CASE("matcher: a slot filled only by '~' antonyms denies the claim") {
  json d = matcher_dataset();
  d["claims"].push_back(
      claim("claim-upsets", "forms", {"citrate + upset*|diarrh*|~well tolerated|~gentle"}));
  const Dataset ds = load_dataset(d.dump(), "antonym.json");
  const Matcher m(ds);
  auto stance = [&](const std::string& text) {
    const Reading r = m.read(read_document(text, Format::text));
    std::string out;
    for (const ClaimFound& c : r.claims) {
      for (const SentenceStance& s : c.sentences)
        out += (out.empty() ? "" : "; ") + std::string(name_of(s.stance));
    }
    return out;
  };
  CHECK(stance("Citrate upsets the stomach.") == "supports");
  CHECK(stance("Citrate is well tolerated.") == "opposes");
  CHECK(stance("Citrate is gentle.") == "opposes");
  // A negation and an antonym cancel: "not well tolerated" asserts it.
  CHECK(stance("Citrate is not well tolerated.") == "supports");
  // A word of the claim beside the antonym fills the slot: no denial.
  CHECK(stance("Citrate is gentle, and yet it upsets the stomach.") == "supports");
}

TEST_CASE("matcher: a '!' slot excludes the sentence") {
  CHECK(said("Magnesium helps cramps in pregnancy.") == "claim-pregnancy: supports");
  CHECK(said("Magnesium helps cramps when pregnant.") == "claim-pregnancy: supports");
  // The same sentence without the excluded word is claim-helps.
  CHECK(said("Magnesium helps cramps in old age.") == "claim-helps: supports");
}

TEST_CASE("matcher: a '*' word matches words beginning with it, unstemmed") {
  CHECK(said("Magnesium reduced cramps.") == "claim-helps: supports");
  CHECK(said("Magnesium gave a reduction of cramps.") == "claim-helps: supports");
  CHECK(said("Magnesium eased spasmodic pain.") == "claim-helps: supports");
  // Only at the word's beginning.
  CHECK(said("Magnesium helps cramps in nonpregnant adults.") == "claim-helps: supports");
  // Citrate was "absorbed", "absorption", "absorbable": all absor*.
  CHECK(said("Citrate absorption is better.") == "claim-absorbed: supports");
}

TEST_CASE("matcher: words are stemmed: cramp, cramps, cramping, cramped") {
  CHECK(said("Magnesium helps a cramp.") == "claim-helps: supports");
  CHECK(said("Magnesium helps cramps.") == "claim-helps: supports");
  CHECK(said("Magnesium helps with cramping.") == "claim-helps: supports");
  CHECK(said("Magnesium helped my cramped calf.") == "claim-helps: supports");
  CHECK(said("Magnesium is helping cramps.") == "claim-helps: supports");
  // "crampon" is not a form of "cramp".
  CHECK(said("Magnesium helps crampons.").empty());
}

TEST_CASE("matcher: case and diacritics are folded") {
  CHECK(said("MAGNESIUM HELPS CRAMPS.") == "claim-helps: supports");
  CHECK(said("Magn\xc3\xa9sium helps cr\xc3\xa4mps.") == "claim-helps: supports");  // é, ä
  CHECK(said("Magnesium h\xc3\xa9lps cr\xc3\xa2mps.") == "claim-helps: supports");  // é, â
  // Letters past U+00D7 in Latin-1 (ü ý ø), which is no letter, and Latin
  // Extended-A (ā ś).
  CHECK(said("Magnesi\xc3\xbcm helps cramps.") == "claim-helps: supports");
  CHECK(said("Gl\xc3\xbd"
             "cinate is abs\xc3\xb8rbed well.") == "claim-absorbed: supports");
  CHECK(said("Magnesium\xc3\x97helps\xc3\x97"
             "cramps.") == "claim-helps: supports");
  CHECK(said("M\xc4\x81gnesium help\xc5\x9b cramps.") == "claim-helps: supports");
  CHECK(said("Glycinate is absorbed w\xc3\xa9ll.") == "claim-absorbed: supports");
}

TEST_CASE("matcher: a negation near the claim makes the sentence oppose it") {
  CHECK(said("Magnesium does not help cramps.") == "claim-helps: opposes");
  CHECK(said("Magnesium never helps cramps.") == "claim-helps: opposes");
  CHECK(said("Magnesium failed to prevent cramps.") == "claim-helps: opposes");
  // "no evidence" is one negation, not "no" and a second.
  CHECK(said("There is no evidence magnesium helps cramps.") == "claim-helps: opposes");
}

TEST_CASE("matcher: contractions: n't is not") {
  CHECK(said("Magnesium doesn't help cramps.") == "claim-helps: opposes");
  CHECK(said("Magnesium doesn\xe2\x80\x99t help cramps.") == "claim-helps: opposes");  // ’
  CHECK(said("Magnesium can't prevent cramps.") == "claim-helps: opposes");
  CHECK(said("Magnesium won't help cramps.") == "claim-helps: opposes");
  // "'s" is dropped, not a negation.
  CHECK(said("Magnesium's effect: it helps cramps.") == "claim-helps: supports");
}

TEST_CASE("matcher: two negations cancel") {
  CHECK(said("Magnesium never fails to prevent cramps.") == "claim-helps: supports");
  CHECK(said("Magnesium does not fail to help cramps.") == "claim-helps: supports");
  // Three do not.
  CHECK(said("Magnesium never, never fails to prevent cramps.") == "claim-helps: opposes");
}

TEST_CASE("matcher: a negation outside the window does not count") {
  // Four words before the claim's first word: in; five: out.
  CHECK(said("Not that magnesium helps cramps.") == "claim-helps: opposes");
  CHECK(said("Not many people think magnesium helps cramps.") == "claim-helps: opposes");
  CHECK(said("Not many people really think magnesium helps cramps.") == "claim-helps: supports");
  // Six words after the last: in; seven: out.
  CHECK(said("Magnesium helps cramps in no way.") == "claim-helps: opposes");
  CHECK(said("Magnesium helps cramps, I would say not.") == "claim-helps: opposes");
  CHECK(said("Magnesium helps cramps, as far as I know not.") == "claim-helps: opposes");
  CHECK(said("Magnesium helps cramps, as far as I can tell not.") == "claim-helps: supports");
  CHECK(said("Magnesium helps cramps in the elderly living alone at home, who never complain.") ==
        "claim-helps: supports");
}

TEST_CASE("matcher: a negation in another clause does not count") {
  CHECK(said("Magnesium helps cramps, not everyone agrees.") == "claim-helps: opposes");
  CHECK(said("Magnesium helps cramps, but not everyone agrees.") == "claim-helps: supports");
  CHECK(said("Magnesium helps cramps, however no one knows why.") == "claim-helps: supports");
  CHECK(said("Magnesium helps cramps; no one doubts it.") == "claim-helps: supports");
  // A ';' inside brackets begins no clause.
  CHECK(said("A trial tested whether magnesium (300 mg; daily) helps cramps.").empty());
  // Before the claim, in its clause: counts.
  CHECK(said("Not everyone agrees, but magnesium helps cramps.") == "claim-helps: supports");
  CHECK(said("Not everyone agrees magnesium helps cramps.") == "claim-helps: opposes");
  // "Yet" begins a clause, but not in "yet to".
  CHECK(said("Magnesium helps cramps, yet not everyone agrees.") == "claim-helps: supports");
  CHECK(said("Magnesium is not yet to be trusted to help cramps.") == "claim-helps: opposes");
}

TEST_CASE("matcher: an exception after a denial asserts what it leaves out") {
  CHECK(said("There is no evidence magnesium eases cramps, except in pregnancy.") ==
        "claim-helps: opposes; claim-pregnancy: supports");
  CHECK(said("No evidence shows magnesium eases cramps other than in pregnancy.") ==
        "claim-helps: opposes; claim-pregnancy: supports");
  // Without a denial before it, or with the claim's words all before it: as before.
  CHECK(said("Magnesium eases cramps in pregnancy, except when taken late.") ==
        "claim-pregnancy: supports");
  CHECK(said("Magnesium does not ease cramps in pregnancy, except rarely.") ==
        "claim-pregnancy: opposes");
  // A '!' slot's words after the exception do not rule the claim out.
  CHECK(said("Magnesium does not help cramps, other than in pregnancy.") ==
        "claim-helps: opposes; claim-pregnancy: supports");
  CHECK(said("Magnesium helps cramps in pregnancy.") == "claim-pregnancy: supports");
}

TEST_CASE("matcher: a negation that is the claim's own word does not flip it") {
  CHECK(said("Magnesium was no better than placebo.") == "claim-no-better: supports");
  CHECK(said("Magnesium was not better than placebo.") == "claim-no-better: supports");
  // Another negation still does.
  CHECK(said("It is not true that magnesium was no better than placebo.") ==
        "claim-no-better: opposes");
}

TEST_CASE("matcher: '!' phrases of a negation cue are no negation") {
  CHECK(said("Magnesium not only helps cramps, it helps sleep.") == "claim-helps: supports");
  CHECK(said("No doubt magnesium helps cramps.") == "claim-helps: supports");
  // The "not" of "not only" is taken; another negation still counts.
  CHECK(said("Magnesium not only does not help cramps, it makes them worse.") ==
        "claim-helps: opposes");
}

TEST_CASE("matcher: a hedge keeps the stance and marks it hedged") {
  CHECK(said("Magnesium may help cramps.") == "claim-helps: supports hedged");
  CHECK(said("Magnesium might not help cramps.") == "claim-helps: opposes hedged");
  CHECK(said("Some studies say magnesium helps cramps.") == "claim-helps: supports hedged");
  // Outside the window (more than four words before): not hedged.
  CHECK(said("May I say, after many long years, that magnesium helps cramps.") ==
        "claim-helps: supports");
  // A claim is hedged when every sentence that makes it is.
  CHECK(article("Magnesium may help cramps. Magnesium might ease spasms.") ==
        "claim-helps=supports hedged");
  CHECK(article("Magnesium may help cramps. Magnesium eases spasms.") == "claim-helps=supports");
}

TEST_CASE("matcher: mixed cues make the sentence mixed") {
  CHECK(said("The evidence that magnesium helps cramps is mixed.") == "claim-helps: mixed");
  CHECK(said("More research on whether magnesium helps cramps is needed.") == "claim-helps: mixed");
  // Mixed wins over a negation.
  CHECK(said("That magnesium does not help cramps is inconclusive.") == "claim-helps: mixed");
  // In any clause near the claim's words: the evidence is mixed on the
  // claim the other clause names.
  CHECK(said("Although one trial found that magnesium helps cramps, the evidence is mixed.") ==
        "claim-helps: mixed");
  CHECK(said("Magnesium helps cramps, but more research is needed.") == "claim-helps: mixed");
  // Not far from them.
  CHECK(said("Magnesium helps cramps, but on sleep, as on so many other things, the evidence "
             "is mixed.") == "claim-helps: supports");
}

TEST_CASE("matcher: a denied clause that holds every slot's words denies the claim") {
  // The claim's first words are in the contrast's first clause, but the
  // second, which is denied, restates all of it.
  CHECK(said("While magnesium is linked to cramps, no trial shows magnesium helps cramps.") ==
        "claim-helps: opposes");
  // Denied in one clause, the rest of the claim in the other: mixed.
  CHECK(said("Magnesium helps, but not with cramps.") == "claim-helps: mixed");
  // The clause's negation counts a few words before its first claim word,
  // as in the sentence's scope.
  CHECK(said("While it does not help cramps, magnesium is fine in pregnancy.") ==
        "claim-pregnancy: mixed");
}

TEST_CASE("matcher: a clause that restates the claim and takes the other side makes it mixed") {
  // The second clause names the claim's words again (two of its slots) and
  // denies them, far from the first clause's words.
  CHECK(said("Magnesium helped cramps in one trial, while in a larger trial there was no sign "
             "at all that magnesium helped cramps.") == "claim-helps: mixed");
  CHECK(said("Magnesium helped cramps in one trial; in a larger trial there was no sign at all "
             "of magnesium helping.") == "claim-helps: mixed");
  // Or calls the evidence mixed.
  CHECK(said("Magnesium helped cramps in one trial; results on whether magnesium helps cramps "
             "in other trials of all kinds are still inconclusive.") == "claim-helps: mixed");
  // The same side again: no change.
  CHECK(said("Magnesium did not help cramps; in a larger trial there was no sign at all that "
             "magnesium helped cramps.") == "claim-helps: opposes");
  CHECK(said("Magnesium helped cramps in one trial; in a larger trial magnesium helped cramps "
             "too.") == "claim-helps: supports");
  // One slot's word alone does not restate the claim.
  CHECK(said("Magnesium helped cramps in one trial; in another there was no sign at all of "
             "magnesium in the blood.") == "claim-helps: supports");
}

TEST_CASE("matcher: a question asserts nothing") {
  CHECK(said("Does magnesium help cramps?").empty());
  CHECK(said("\"Does magnesium help cramps?\"").empty());
  CHECK(said("(Can magnesium prevent cramps?)").empty());
  CHECK(said("Can magnesium prevent cramps? \xe2\x80\x9d").empty());
  // Nor is a question an unmatched health claim.
  const Read r = read("Does magnesium improve sleep?");
  CHECK(r.reading.unmatched.empty());
  // The sentence after a question is read.
  CHECK(said("Does it work? Magnesium helps cramps.") == "claim-helps: supports");
}

TEST_CASE("matcher: an anaphor stands for the subject named in the sentence before") {
  const Format md = Format::markdown;
  CHECK(said("Magnesium is a mineral. It helps cramps.", md) == "claim-helps: supports");
  CHECK(said("Magnesium is a mineral. This mineral eases spasms.", md) == "claim-helps: supports");
  CHECK(said("Magnesium is a mineral.\n\nIt helps cramps.", md) == "claim-helps: supports");
  CHECK(said("Magnesium is a mineral. It's helping cramps.", md) == "claim-helps: supports");
  CHECK(said("Magnesium is a mineral. It does not help cramps.", md) == "claim-helps: opposes");
  // No subject in the sentence before.
  CHECK(said("It helps cramps.", md).empty());
  CHECK(said("Sleep matters. It helps cramps.", md).empty());
  CHECK(said("Magnesium is a mineral. Sleep matters. It helps cramps.", md).empty());
  // The sentence before is under another heading.
  CHECK(said("# A\n\nMagnesium is a mineral.\n\n# B\n\nIt helps cramps.", md).empty());
  // An anaphor fills only a slot that names the subject cue, not the word
  // (in another paragraph, so that the two sentences are not read as one).
  CHECK(said("Magnesium was tested.\n\nIt was no better than placebo.", md).empty());
  // In one paragraph, a claim made across the two sentences is found.
  CHECK(said("Magnesium was tested. It was no better than placebo.", md) ==
        "claim-no-better: supports");
  CHECK(said("Magnesium was tested. Magnesium was no better than placebo.", md) ==
        "claim-no-better: supports");
}

TEST_CASE("matcher: a sentence that reports use or a study's question asserts nothing") {
  CHECK(said("Magnesium is widely used to help cramps.").empty());
  CHECK(said("Many people take magnesium to prevent cramps.").empty());
  CHECK(said("A trial tested whether magnesium helps cramps.").empty());
  // A denial still counts.
  CHECK(said("Magnesium is widely used and does not help cramps.") == "claim-helps: opposes");
  // Only before or among the claim's words, in its one clause.
  CHECK(said("Magnesium helps cramps, and is widely used.") == "claim-helps: supports");
  CHECK(said("Though widely used for sleep, magnesium helps cramps.") == "claim-helps: supports");
  // The claim's words are where each slot first matches: another phrase of
  // a slot in the next clause ("magnesium supplements") does not take the
  // claim out of the reporting clause.
  CHECK(said("While magnesium is widely used to help cramps, magnesium supplements upset some "
             "stomachs.")
            .empty());
  // Two sentences read as one: report words in the second count anywhere
  // before the claim's last word.
  const Format md = Format::markdown;
  CHECK(said("A trial enrolled pregnant women with cramps. It asked whether magnesium helps.", md)
            .empty());
  CHECK(said("A trial enrolled pregnant women with cramps. Magnesium helped them.", md) ==
        "claim-pregnancy: supports");
}

TEST_CASE("matcher: two sentences make a claim, even where the second makes another alone") {
  const std::string s = said("Pregnant women took part. Magnesium eased cramps.", Format::markdown);
  CHECK_THAT(s, Contains("claim-helps: supports"));
  CHECK_THAT(s, Contains("claim-pregnancy: supports"));
  // The second sentence must speak of the subject, by name or pronoun.
  CHECK(said("Magnesium is a mineral. Pregnant women eased cramps.", Format::markdown).empty());
  // "It" stands for magnesium alone too: the sentence says magnesium eases cramps.
  CHECK(said("Pregnant women took magnesium. It eased cramps.", Format::markdown) ==
        "claim-helps: supports; claim-pregnancy: supports");
  // The second sentence's words give the stance: a denial there is no
  // contrast with the first.
  CHECK(said("Cramps are common in runners. Magnesium does not help them.", Format::markdown) ==
        "claim-helps: opposes");
  // Not when the first sentence made a claim of its own: its words are used.
  CHECK(said("Magnesium helps cramps. It was no better than placebo.", Format::markdown) ==
        "claim-helps: supports");
}

TEST_CASE("matcher: run-in headings make no claim, nor half of one, nor a subject") {
  const std::string more =
      "\nDoses. The trial gave 300 mg a day.\nResults. The trial ended early.\n";
  // One short sentence opening a line is a sentence: read with the next.
  CHECK(said("Extra help. Magnesium and cramps were studied in a trial.\n") ==
        "claim-helps: supports");
  CHECK(said("On magnesium. It eases cramps.\n") == "claim-helps: supports");
  // Three paragraphs that open so: run-in headings.
  CHECK(said("Extra help. Magnesium and cramps were studied in a trial." + more).empty());
  CHECK(said("On magnesium. It eases cramps." + more).empty());
  // The paragraphs' own sentences are read.
  CHECK(said("On magnesium. Magnesium eases cramps." + more) == "claim-helps: supports");
  // Not one that ends its line, or is longer than five words.
  CHECK(said("Extra help.\nMagnesium and cramps were studied in a trial." + more) ==
        "claim-helps: supports");
  CHECK(said("It is of some extra help. Magnesium and cramps were studied." + more) ==
        "claim-helps: supports");
}

TEST_CASE("matcher: a list's items are read with the sentence that introduces them") {
  // The introduction ends a paragraph (a line of its own would be a heading).
  const std::string intro = "We tried a few. Things that help with cramps";
  CHECK(said("Magnesium daily.\n").empty());
  CHECK(said(intro + ":\n\n- Magnesium daily.\n- Stretching.\n") == "claim-helps: supports");
  CHECK(said(intro + ":\n1. Stretching.\n2. Magnesium daily.\n") == "claim-helps: supports");
  // The item's words give the stance.
  CHECK(said(intro + ":\n\n- Not magnesium.\n") == "claim-helps: opposes");
  // The introduction's words count for the pattern's '!' slots too.
  CHECK(said(intro + " in pregnancy:\n- Magnesium daily.\n") == "claim-pregnancy: supports");
  // A line that is no item ends the list.
  CHECK(said(intro + ":\n\n- Stretching.\n\nAnd more.\n\n- Magnesium daily.\n").empty());
  // Only items: a paragraph after the introduction is read alone, and an
  // introduction needs its colon.
  CHECK(said(intro + ":\n\nMagnesium daily.\n").empty());
  CHECK(said(intro + ".\n\n- Magnesium daily.\n").empty());
}

TEST_CASE("matcher: a list's items are read with their heading") {
  const Format md = Format::markdown;
  CHECK(said("# Remedies that ease cramps\n\n- Magnesium at night\n- Stretching\n", md) ==
        "claim-helps: supports");
  // Not a paragraph under it.
  CHECK(said("# Remedies that ease cramps\n\nMagnesium at night is a thing.\n", md).empty());
  // A heading that ends with ':' introduces its list.
  CHECK(said("Remedies that ease cramps:\n\n- Magnesium at night\n") == "claim-helps: supports");
}

TEST_CASE("matcher: a reference list's entries in Vancouver style are not claims") {
  CHECK(said("Smith J, Lee K. Magnesium helps cramps. Journal of Tests.").empty());
  CHECK(said("- Roguin-Maor N. 2017. Magnesium helps cramps. JAMA.").empty());
  CHECK(said("Smith J, et al. Magnesium helps cramps.").empty());
  // A capitalised word and a capital letter are not an author by themselves.
  CHECK(said("Vitamin D, like magnesium, helps cramps.") == "claim-helps: supports");
}

TEST_CASE("matcher: a skip-section heading holds no claims") {
  const Read r = read(
      "# Facts\n\nMagnesium helps cramps.\n\n# References\n\nMagnesium helps cramps in adults "
      "(Smith, 2010).\n\nMagnesium improves sleep (Lee, 2012).\n\n# Further reading\n\n"
      "Magnesium eases spasms.\n\n# References and notes\n\nMagnesium prevents cramps.\n\n"
      "# Summary\n\nMagnesium reduces cramps.\n",
      Format::markdown);
  REQUIRE(r.reading.claims.size() == 1);
  std::vector<std::string> where;
  for (const SentenceStance& s : r.reading.claims[0].sentences)
    where.push_back(r.doc.sentences[s.sentence].locator);
  // Only a heading that is exactly a skip phrase is skipped.
  CHECK(where == std::vector<std::string>{"Facts", "References and notes", "Summary"});
  CHECK(r.reading.unmatched.empty());
}

TEST_CASE("matcher: commercial signals, one per kind a sentence shows") {
  const Read r = read(
      "Shop now for our products. Buy it today. Use promo code SAVE for 20% off. These "
      "statements have not been evaluated by the Food and Drug Administration. We sell "
      "pure powder. Magnesium helps cramps. Add to cart with a promo code.");
  std::vector<std::pair<CueKind, std::string>> got;
  for (const Signal& s : r.reading.signals) got.emplace_back(s.kind, sentence_of(r, s.sentence));
  CHECK(got == std::vector<std::pair<CueKind, std::string>>{
                   {CueKind::promotion, "Shop now for our products."},
                   {CueKind::purchase, "Buy it today."},
                   {CueKind::discount, "Use promo code SAVE for 20% off."},
                   {CueKind::disclaimer,
                    "These statements have not been evaluated by the Food and Drug "
                    "Administration."},
                   {CueKind::first_person_selling, "We sell pure powder."},
                   {CueKind::purchase, "Add to cart with a promo code."},
                   {CueKind::discount, "Add to cart with a promo code."}});
}

TEST_CASE("matcher: a health claim about the subject that matches no claim is unmatched") {
  const Read r = read(
      "Magnesium improves sleep. Magnesium may ease migraines. Magnesium helps cramps. Sleep "
      "is good for cramps. Magnesium is a mineral.");
  std::vector<std::string> got;
  for (std::size_t i : r.reading.unmatched) got.push_back(sentence_of(r, i));
  CHECK(got ==
        std::vector<std::string>{"Magnesium improves sleep.", "Magnesium may ease migraines."});
  REQUIRE(r.reading.claims.size() == 1);
  CHECK(r.reading.claims[0].claim->id == "claim-helps");
}

TEST_CASE("matcher: claims are listed by first sentence, sentences in order") {
  const Read r = read(
      "Glycinate is absorbed well. Magnesium helps cramps. Citrate is better absorbed. "
      "Magnesium does not help spasms.");
  REQUIRE(r.reading.claims.size() == 2);
  CHECK(r.reading.claims[0].claim->id == "claim-absorbed");
  CHECK(r.reading.claims[1].claim->id == "claim-helps");
  REQUIRE(r.reading.claims[1].sentences.size() == 2);
  CHECK(r.reading.claims[1].sentences[0].sentence == 1);
  CHECK(r.reading.claims[1].sentences[0].stance == StanceKind::supports);
  CHECK(r.reading.claims[1].sentences[1].sentence == 3);
  CHECK(r.reading.claims[1].sentences[1].stance == StanceKind::opposes);
  // 1:1, so the article's stance is mixed.
  CHECK(r.reading.claims[1].stance == StanceKind::mixed);
}

TEST_CASE("article_stance: the side twice as many sentences take, else mixed") {
  constexpr auto S = StanceKind::supports;
  constexpr auto O = StanceKind::opposes;
  constexpr auto M = StanceKind::mixed;
  auto of = [](std::initializer_list<StanceKind> ks) {
    std::vector<SentenceStance> v;
    for (StanceKind k : ks) v.push_back({v.size(), k, false});
    return article_stance(v);
  };
  // One sentence decides alone.
  CHECK(of({S}) == S);
  CHECK(of({O}) == O);
  CHECK(of({M}) == M);
  // 2:1 is enough, 3:2 and 1:1 are not.
  CHECK(of({S, S, O}) == S);
  CHECK(of({O, S, O}) == O);
  CHECK(of({S, O}) == M);
  CHECK(of({S, S, S, O, O}) == M);
  CHECK(of({O, O, O, O, S, S}) == O);
  // A mixed sentence counts half to each side.
  CHECK(of({S, M}) == S);           // 1.5 : 0.5
  CHECK(of({O, M}) == O);           // 0.5 : 1.5
  CHECK(of({S, M, M}) == S);        // 2 : 1, exactly twice
  CHECK(of({O, M, M}) == O);        // 1 : 2
  CHECK(of({S, S, O, M}) == M);     // 2.5 : 1.5
  CHECK(of({S, O, M}) == M);        // 1.5 : 1.5
  CHECK(of({S, M, M, M}) == M);     // 2.5 : 1.5
  CHECK(of({S, S, S, M, M}) == S);  // 4 : 1
}

TEST_CASE("matcher: the article's stance through read") {
  CHECK(article("Magnesium helps cramps. Magnesium eases spasms. Magnesium does not help "
                "cramps.") == "claim-helps=supports");
  CHECK(article("Magnesium helps cramps. Magnesium does not help cramps.") == "claim-helps=mixed");
  CHECK(article("Magnesium does not help cramps. Magnesium never eases spasms. Magnesium helps "
                "cramps.") == "claim-helps=opposes");
  CHECK(article("Magnesium helps cramps. The evidence that magnesium helps cramps is mixed.") ==
        "claim-helps=supports");
  CHECK(article("Magnesium does not help cramps. The evidence that magnesium helps cramps is "
                "mixed.") == "claim-helps=opposes");
}

TEST_CASE(
    "matcher: supporting a claim while opposing one it implies, or supporting one it "
    "denies, is mixed") {
  json d = matcher_dataset();
  // "Magnesium relaxes muscles and so helps cramps" implies claim-helps;
  // "it eases spasms, not pregnancy cramps" denies claim-pregnancy.
  json mech = claim("claim-relaxes", "mechanism", {"@mg + relax*"});
  mech["implies"] = {"claim-helps"};
  json narrow = claim("claim-spasms-only", "other-remedies", {"@mg + spasm* + only"});
  narrow["denies"] = {"claim-pregnancy"};
  d["claims"].push_back(mech);
  d["claims"].push_back(narrow);
  const Dataset ds = load_dataset(d.dump(), "implies.json");
  const Matcher m(ds);
  auto stances = [&](const std::string& text) {
    const Reading r = m.read(read_document(text, Format::text));
    std::string out;
    for (const ClaimFound& c : r.claims)
      out += (out.empty() ? "" : "; ") + c.claim->id + "=" + std::string(name_of(c.stance));
    return out;
  };
  CHECK(stances("Magnesium relaxes muscle. Magnesium helps cramps.") ==
        "claim-relaxes=supports; claim-helps=supports");
  CHECK(stances("Magnesium relaxes muscle. Magnesium does not help cramps.") ==
        "claim-relaxes=mixed; claim-helps=opposes");
  // An article that opposes the claim itself stays opposed.
  CHECK(stances("Magnesium does not relax muscle. Magnesium does not help cramps.") ==
        "claim-relaxes=opposes; claim-helps=opposes");
  // Mixed on the implied claim is not the other side.
  CHECK(stances("Magnesium relaxes muscle. Magnesium helps cramps. Magnesium does not help "
                "cramps.") == "claim-relaxes=supports; claim-helps=mixed");
  CHECK(stances("Magnesium only eases spasms.") ==
        "claim-helps=supports; claim-spasms-only=supports");
  CHECK(stances("Magnesium only eases spasms. Magnesium eases cramps in pregnancy.") ==
        "claim-helps=supports; claim-spasms-only=mixed; claim-pregnancy=supports");
  CHECK(stances("Magnesium only eases spasms. Magnesium does not ease cramps in pregnancy.") ==
        "claim-helps=supports; claim-spasms-only=supports; claim-pregnancy=opposes");
}

// ---- the loader refuses bad patterns and phrases ---------------------------

namespace {

std::string load_error(const json& d) {
  try {
    (void)load_dataset(d.dump(1), "mydata.json");
  } catch (const DataError& e) {
    return e.what();
  }
  return "(no error)";
}

std::string pattern_error(const std::string& pattern) {
  json d = matcher_dataset();
  d["claims"][2]["cues"] = json::array({"magnesium + placebo", pattern});
  return load_error(d);
}

}  // namespace

TEST_CASE("loader: a claim's bad cue pattern is an error naming /claims/N/cues/M") {
  CHECK(pattern_error("magnesium + cramp") == "(no error)");
  CHECK_THAT(pattern_error("a +  + b"), Contains("mydata.json: /claims/2/cues/1: ") &&
                                            Contains("a '+' with no slot beside it") &&
                                            Contains("a +  + b"));
  CHECK_THAT(pattern_error("magnesium + "),
             Contains("/claims/2/cues/1: ") && Contains("a '+' with no slot beside it"));
  CHECK_THAT(pattern_error("magnesium | + cramp"),
             Contains("/claims/2/cues/1: ") && Contains("a '|' with nothing beside it"));
  CHECK_THAT(pattern_error("magnesium + |cramp"),
             Contains("/claims/2/cues/1: ") && Contains("a '|' with nothing beside it"));
  CHECK_THAT(
      pattern_error("@mg + @unknown"),
      Contains("/claims/2/cues/1: ") && Contains("'@unknown' names no cue of the cues table"));
  CHECK_THAT(pattern_error("!@mg + !placebo"),
             Contains("/claims/2/cues/1: ") && Contains("a pattern needs a slot without '!'"));
  CHECK_THAT(pattern_error("magnesium + *abc"),
             Contains("/claims/2/cues/1: ") && Contains("'*' only ends a word"));
  CHECK_THAT(pattern_error("magnesium + --"),
             Contains("/claims/2/cues/1: ") && Contains("'--' holds no word"));
  CHECK_THAT(pattern_error("magnesium + ab-cd*"),
             Contains("/claims/2/cues/1: ") && Contains("a '*' word must be one word"));
  CHECK(pattern_error("magnesium + upset|~well tolerated") == "(no error)");
  CHECK_THAT(pattern_error("magnesium + ~"),
             Contains("/claims/2/cues/1: ") && Contains("a '~' with nothing after it"));
  CHECK_THAT(pattern_error("magnesium + ~@mg"),
             Contains("/claims/2/cues/1: ") && Contains("'~' marks a phrase, not a cue"));
  CHECK_THAT(pattern_error("magnesium + !~tolerated"),
             Contains("/claims/2/cues/1: ") && Contains("a '~' antonym in a '!' slot"));
  CHECK_THAT(pattern_error("magnesium + well~tolerated"),
             Contains("/claims/2/cues/1: ") && Contains("'~' only begins an alternative"));
}

TEST_CASE("loader: a cue's bad phrase is an error naming /cues/N/phrases/M") {
  auto phrase_error = [](const std::string& phrase) {
    json d = matcher_dataset();
    d["cues"][4]["phrases"].push_back(phrase);  // the "help" group: 4 phrases before
    return load_error(d);
  };
  CHECK(phrase_error("work*") == "(no error)");
  CHECK_THAT(phrase_error("*abc"), Contains("mydata.json: /cues/4/phrases/4: ") &&
                                       Contains("'*' only ends a word") && Contains("*abc"));
  CHECK_THAT(phrase_error("a*b"),
             Contains("/cues/4/phrases/4: ") && Contains("'*' only ends a word"));
  CHECK(phrase_error("") ==
        "mydata.json: /cues/4/phrases/4: expected a non-empty string, got \"\"");
  CHECK_THAT(phrase_error("!"), Contains("/cues/4/phrases/4: ") && Contains("an empty phrase"));
  CHECK_THAT(phrase_error("..."), Contains("/cues/4/phrases/4: ") && Contains("holds no word"));
}

TEST_CASE("pattern_problem and phrase_problem directly") {
  auto none = [](const void*, std::string_view) { return false; };
  auto all = [](const void*, std::string_view) { return true; };
  CHECK_FALSE(pattern_problem("a + b|c d + !e", none, nullptr));
  CHECK_FALSE(pattern_problem("@x + b", all, nullptr));
  CHECK(pattern_problem("@x + b", none, nullptr) ==
        std::string("'@x' names no cue of the cues table"));
  CHECK(pattern_problem("!a", none, nullptr) == std::string("a pattern needs a slot without '!'"));
  CHECK(pattern_problem("a ++ b", none, nullptr) == std::string("a '+' with no slot beside it"));
  CHECK(pattern_problem("a|", none, nullptr) == std::string("a '|' with nothing beside it"));
  CHECK_FALSE(phrase_problem("pregnan*"));
  CHECK_FALSE(phrase_problem("!not only"));
  CHECK(phrase_problem("pre*gnan") == std::string("'*' only ends a word"));
}

TEST_CASE("matcher: a heading fills a slot that names a topic cue") {
  json d = matcher_dataset();
  for (json& c : d["cues"]) {
    if (c["id"] == "cramp") c["kind"] = "topic";
  }
  const Dataset ds = load_dataset(d.dump(), "topic.json");
  const Matcher m(ds);
  auto found = [&](const std::string& text) {
    const Reading r = m.read(read_document(text, Format::markdown));
    std::string out;
    for (const ClaimFound& c : r.claims) out += (out.empty() ? "" : "; ") + c.claim->id;
    return out;
  };
  CHECK(found("# Leg cramps at night\n\nMagnesium helps, people say.\n") == "claim-helps");
  CHECK(found("# Sleep\n\nMagnesium helps, people say.\n").empty());
  CHECK(found("Magnesium helps, people say.\n").empty());
  // A topic is still a group: the word itself fills the slot.
  CHECK(found("# Sleep\n\nMagnesium helps cramps.\n") == "claim-helps");
  // The plain group does not look at the heading.
  CHECK(said("# Leg cramps at night\n\nMagnesium helps, people say.\n", Format::markdown).empty());
}
