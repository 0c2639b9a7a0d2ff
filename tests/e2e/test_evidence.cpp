// trials end to end.
#include <algorithm>
#include <sstream>

#include <nlohmann/json.hpp>

#include "expect.hpp"

using Catch::Contains;
using nlohmann::json;

TEST_CASE("trials --population pregnancy gives the pooled answer first, then the trials") {
  const Result r = expect_ok({"trials", "--population", "pregnancy"});
  for (const char* a : {"dahle-1995", "nygaard-2008", "supakatisant-2015", "araujo-2020"})
    CHECK_THAT(r.out, Contains(a));
  const auto pooled = r.out.find("Pooled answer, pregnancy: liu-2021");
  REQUIRE(pooled != std::string::npos);
  CHECK(pooled < r.out.find("dahle-1995"));
  // Cochrane could not pool the pregnancy trials: said, with its certainty.
  CHECK_THAT(r.out, Contains("garrison-2020 (systematic-review) could not pool 3 trials"));
  CHECK_THAT(r.out, Contains("very low certainty"));
  // Nothing reuses the idiopathic figure of the same review for pregnancy.
  CHECK_THAT(r.out, !Contains("-0.18 [-0.84, 0.49]"));
  CHECK_THAT(r.out, Contains("4 studies of magnesium (336 participants)"));
  CHECK_THAT(r.out, Contains("N: participants randomized (intention to treat)"));
}

TEST_CASE("trials --population idiopathic starts from Cochrane's estimate and its certainty") {
  const Result r = expect_ok({"trials", "--population", "idiopathic"});
  CHECK_THAT(r.out, Contains("Pooled answer, idiopathic: garrison-2020"));
  CHECK_THAT(r.out, Contains("-0.18 [-0.84, 0.49], 5 studies, 307 participants,"));
  CHECK_THAT(r.out, Contains("moderate certainty (GRADE)"));
  // An IV trial says so; an oral dose above the UL is marked, an IV one never.
  const auto iv = r.out.find("garrison-2011");
  REQUIRE(iv != std::string::npos);
  const std::string line = r.out.substr(iv, r.out.find('\n', iv) - iv);
  CHECK_THAT(line, Contains("sulfate IV"));
  CHECK_THAT(line, !Contains("*"));
  const auto oral = r.out.find("roguin-maor-2017");
  CHECK_THAT(r.out.substr(oral, r.out.find('\n', oral) - oral), Contains("520*"));
  CHECK_THAT(r.out, Contains("* An oral dose above the 350 mg adult upper limit"));
}

TEST_CASE("trials --all counts other treatments apart and reviews never as votes") {
  const Result r = expect_ok({"trials", "--population", "idiopathic", "--all", "--design", "all"});
  CHECK_THAT(r.out, Contains("studies of other treatments, counted apart"));
  CHECK_THAT(r.out, Contains("not counted as votes"));
  CHECK_THAT(r.out, Contains("pooled 735"));
  const json out = json::parse(
      expect_ok({"trials", "--population", "idiopathic", "--all", "--design", "all", "--json"})
          .out);
  const json& t = out["summary"];
  CHECK(t["other_treatments"]["studies"].get<int>() >= 2);  // stretching, quinine
  CHECK(t["reviews"].get<int>() >= 3);
  CHECK(t["magnesium"]["studies"].get<int>() + t["other_treatments"]["studies"].get<int>() +
            t["reviews"].get<int>() + t["not_human"].get<int>() ==
        t["studies"].get<int>());
  for (const char* k : {"benefit", "no_benefit", "mixed", "inconclusive", "not_rated"})
    CHECK(t["magnesium"].contains(k));
  CHECK(t["pooled"][0]["review"] == "garrison-2020");
  CHECK(t["pooled"][0]["certainty"] == "moderate");
}

TEST_CASE("trials --json has the studies as the dataset does, a summary and the query") {
  const json out = json::parse(expect_ok({"trials", "--design", "all", "--all", "--json"}).out);
  CHECK(out["query"]["design"] == "all");
  CHECK(out["query"]["all"] == true);
  const json& j = out["results"];
  CHECK(j.size() >= 30);
  for (const auto& s : j) {
    for (const char* k :
         {"id",           "first_author", "year",         "title",           "journal",
          "pmid",         "doi",          "design",       "subjects",        "populations",
          "n_randomized", "n_analysed",   "arms",         "intervention",    "result",
          "outcomes",     "conclusion",   "risk_of_bias", "industry_funded", "participants",
          "sources"}) {
      INFO(k);
      CHECK(s.contains(k));
    }
    CHECK(s["intervention"].contains("kind"));
    CHECK(s["populations"].is_array());
    CHECK_FALSE(s.contains("plot"));
    for (const auto& o : s["outcomes"]) {
      for (const char* k : {"measure", "estimate", "ci_low", "ci_high", "timepoint", "analysis"})
        CHECK(o.contains(k));
    }
  }
  CHECK(out["summary"]["studies"] == j.size());
}

TEST_CASE("trials --design reviews lists the reviews; an empty filter says what would match") {
  const json reviews = results_of(expect_ok({"trials", "--design", "reviews", "--json"}).out);
  REQUIRE(reviews.size() >= 4);
  for (const auto& s : reviews)
    CHECK((s["design"] == "systematic-review" || s["design"] == "meta-analysis"));
  const Result none = expect_ok({"trials", "--design", "review"});
  CHECK_THAT(none.out, Contains("No matching records."));
  CHECK_THAT(none.out, Contains("0 here;"));
  CHECK_THAT(none.out, Contains("with --all"));
}

TEST_CASE("trials --plot draws one outcome on one axis with the pooled diamond") {
  const Result r =
      expect_ok({"trials", "--population", "pregnancy", "--plot", "--outcome", "cramp-free"});
  CHECK_THAT(r.out, Contains("Forest plot: free of cramps after treatment (RR)"));
  std::vector<std::string> rows;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) {
    const bool weighted =
        line.find("%  ") != std::string::npos || line.find("  review  ") != std::string::npos;
    if (weighted && line.find('|') != std::string::npos) rows.push_back(line);
  }
  REQUIRE(rows.size() >= 3);  // two trials, the pooled row, the review
  // Every row's no-effect line is in the same column: one shared axis.
  for (const auto& row : rows) CHECK(row.rfind('|') == rows.front().rfind('|'));
  CHECK_THAT(r.out, Contains("Pooled (random)"));
  CHECK_THAT(r.out, Contains("favours magnesium"));
  CHECK_THAT(r.out, Contains("favours control"));
  CHECK_THAT(r.out, Contains("%"));  // weights
}

TEST_CASE("trials filters and sorting") {
  const json by_n = results_of(expect_ok({"trials", "--sort", "n", "--json"}).out);
  REQUIRE(by_n.size() >= 6);
  const auto n_of = [](const json& s) {
    return s["participants"].is_null() ? 0 : s["participants"].get<long long>();
  };
  for (std::size_t i = 1; i < by_n.size(); ++i) CHECK(n_of(by_n[i - 1]) >= n_of(by_n[i]));
  for (const auto& s : results_of(expect_ok({"trials", "--since", "2015", "--json"}).out)) {
    CHECK(s["year"].get<int>() >= 2015);
  }
  for (const auto& s : results_of(expect_ok({"trials", "--min-n", "80", "--json"}).out)) {
    CHECK(n_of(s) >= 80);
  }
  const json oxide = results_of(expect_ok({"trials", "--form", "Magnesium Oxide", "--json"}).out);
  REQUIRE_FALSE(oxide.empty());
  for (const auto& s : oxide) CHECK(s["intervention"]["form"] == "oxide");
  for (const auto& s : results_of(expect_ok({"trials", "--result", "benefit", "--json"}).out)) {
    CHECK(s["conclusion"] == "benefit");
  }
  const json stretching =
      results_of(expect_ok({"trials", "--intervention", "stretching", "--json"}).out);
  REQUIRE_FALSE(stretching.empty());
  for (const auto& s : stretching) CHECK(s["intervention"]["kind"] == "stretching");
  // An empty selection is an answer, not an error.
  const Result none = expect_ok({"trials", "--since", "2099"});
  CHECK_THAT(none.out, Contains("No matching records."));
}

TEST_CASE("meta pools an outcome, says what it computed and puts the reviews beside it") {
  const json j = result_of(
      expect_ok({"meta", "--outcome", "cramp-free", "--population", "pregnancy", "--json"}).out);
  for (const char* k :
       {"outcome", "measure", "model", "tau2_method", "k", "estimate", "ci_low", "ci_high", "i2",
        "tau2", "q", "q_p", "prediction_low", "prediction_high", "studies", "published"}) {
    INFO(k);
    CHECK(j.contains(k));
  }
  CHECK(j["outcome"] == "cramp-free");
  CHECK(j["measure"] == "rr");
  CHECK(j["model"] == "random");
  CHECK(j["tau2_method"] == "reml");
  CHECK(j["k"] == 2);
  CHECK(j["prediction_low"].is_null());  // k < 3
  double weights = 0;
  for (const auto& s : j["studies"]) {
    weights += s["weight"].get<double>();
    CHECK(s["ci_low"].get<double>() < s["estimate"].get<double>());
  }
  CHECK(weights == Approx(100));
  CHECK(j["published"][0]["review"] == "luo-2020");
  // araujo-2020 enters from its arms: 18/66 vs 21/66, RR 0.857.
  for (const auto& s : j["studies"])
    if (s["id"] == "araujo-2020") CHECK(s["estimate"].get<double>() == Approx(18.0 / 21.0));
}

TEST_CASE("meta options: fixed model, DL, HKSJ, exclusions and the outcome list") {
  const json fixed = result_of(expect_ok({"meta", "--outcome", "cramp-free", "--population",
                                          "pregnancy", "--model", "fixed", "--json"})
                                   .out);
  CHECK(fixed["tau2"] == 0);
  CHECK(fixed["tau2_method"].is_null());
  const json dl = result_of(expect_ok({"meta", "--outcome", "cramp-free", "--population",
                                       "pregnancy", "--tau2", "dl", "--hksj", "--json"})
                                .out);
  CHECK(dl["tau2_method"] == "dl");
  CHECK(dl["hksj"] == true);
  const json one = result_of(expect_ok({"meta", "--outcome", "cramp-free", "--population",
                                        "pregnancy", "--exclude", "dahle-1995", "--json"})
                                 .out);
  CHECK(one["k"] == 1);
  const Result listed = expect_ok({"meta"});
  CHECK_THAT(listed.out, Contains("cramps-per-week"));
  CHECK_THAT(listed.out, Contains("cramp-free"));
  const Result plot =
      expect_ok({"meta", "--outcome", "cramps-per-week", "--population", "idiopathic", "--plot"});
  CHECK_THAT(plot.out, Contains("roguin-maor-2017"));
  CHECK_THAT(plot.out, Contains("garrison-2020"));
  CHECK_THAT(plot.out, Contains("review"));
  CHECK_THAT(plot.out, Contains("They differ"));
}

TEST_CASE("meta bad input exits 2 with one line") {
  expect_usage_error({"meta", "--outcome", "happiness"}, "--outcome must be one of");
  expect_usage_error({"meta", "--outcome", "responders", "--model", "mixed"},
                     "--model must be random or fixed");
  expect_usage_error({"meta", "--outcome", "responders", "--tau2", "pm"},
                     "--tau2 must be reml or dl");
  expect_usage_error({"meta", "--outcome", "responders", "--exclude", "nobody-2000"},
                     "nobody-2000");
  expect_usage_error({"meta", "--outcome", "responders", "--risk-of-bias", "tiny"},
                     "--risk-of-bias must be one of");
}

TEST_CASE("trials bad input exits 2 with one line") {
  expect_usage_error({"trials", "--population", "elderly"}, "--population must be one of");
  expect_usage_error({"trials", "--design", "anecdote"}, "--design must be one of");
  expect_usage_error({"trials", "--intervention", "prayer"}, "--intervention must be one of");
  expect_usage_error({"trials", "--outcome", "joy"}, "--outcome must be one of");
  expect_usage_error({"trials", "--result", "great"}, "--result must be one of");
  expect_usage_error({"trials", "--since", "soon"}, "--since must be a year from 1800 to 2100");
  expect_usage_error({"trials", "--since", "99999999999"},
                     "--since must be a year from 1800 to 2100");
  expect_usage_error({"trials", "--min-n", "-4"}, "--min-n");
  expect_usage_error({"trials", "--sort", "size"}, "--sort must be year or n");
  expect_usage_error({"trials", "--form", "gold"}, "unknown form 'gold'");
}

TEST_CASE("claims shows stances and verdicts and filters") {
  const Result r = expect_ok({"claims", "--topic", "efficacy-pregnancy"});
  CHECK_THAT(r.out, Contains("Rating:"));
  CHECK_THAT(r.out, Contains("Evidence says:"));
  CHECK_THAT(r.out, Contains("liu-2021"));
  const json out = json::parse(expect_ok({"claims", "--json"}).out);
  const json& j = out["results"];
  REQUIRE(j.size() >= 25);
  CHECK(j[0]["stances"].is_array());
  CHECK(j[0]["stances"][0].contains("locator"));
  CHECK_THAT(r.out, Contains("art-clepon (sells magnesium) mixed"));
  CHECK(j[0]["verdict"].contains("rating"));
  CHECK(j[0]["verdict"].contains("summary"));
  // Whether an article's publisher sells magnesium is in its entry among the sources.
  for (const auto& s : out["sources"]) {
    if (s["id"] == "art-healthline") CHECK(s["commercial_interest"] == false);
    if (s["id"] == "art-clepon") CHECK(s["commercial_interest"] == true);
  }
  // CSV --full: one row per stance, flat columns, each stance with its standing.
  const std::string csv =
      expect_ok({"claims", "--topic", "efficacy-pregnancy", "--full", "--format", "csv"}).out;
  CHECK(csv.rfind("id,topic,text,cues,implies,denies,stances.source,stances.stance,stances.locator,"
                  "stances.standing,stances.overstates,verdict.rating,",
                  0) == 0);
  CHECK(csv.find('{') == std::string::npos);
  // Each stance in JSON carries its standing against the verdict.
  for (const auto& c : j) {
    for (const auto& st : c["stances"]) {
      CHECK(st["standing"].is_string());
      CHECK(st["overstates"].is_boolean());
    }
  }
  expect_usage_error({"claims", "--topic", "astrology"}, "--topic must be one of");
  expect_usage_error({"claims", "--rating", "true"}, "--rating must be one of");
  expect_usage_error({"claims", "--source", "art-nowhere"}, "--source must be one of");
  const json hl = results_of(expect_ok({"claims", "--source", "art-healthline", "--json"}).out);
  REQUIRE_FALSE(hl.empty());
  for (const auto& c : hl) {
    bool has = false;
    for (const auto& st : c["stances"]) has = has || st["source"] == "art-healthline";
    CHECK(has);
  }
  for (const auto& c :
       results_of(expect_ok({"claims", "--rating", "contradicted", "--json"}).out)) {
    CHECK(c["verdict"]["rating"] == "contradicted");
  }
}

TEST_CASE("claims --standing filters by the article's standing, not the verdict") {
  const json out = json::parse(
      expect_ok({"claims", "--source", "art-healthline", "--standing", "at-odds", "--json"}).out);
  CHECK(out["query"]["standing"] == json::array({"at-odds"}));
  const json& j = out["results"];
  REQUIRE_FALSE(j.empty());
  for (const auto& c : j) {
    bool found = false;
    for (const auto& st : c["stances"]) {
      if (st["source"] != "art-healthline") continue;
      found = true;
      CHECK(st["standing"] == "at-odds");
    }
    CHECK(found);
  }
  // Healthline opposes the claim that magnesium prevents night cramps, which
  // the evidence contradicts: it agrees with the evidence there.
  const json agrees = results_of(
      expect_ok({"claims", "--source", "art-healthline", "--standing", "agrees", "--json"}).out);
  bool prevents = false;
  for (const auto& c : agrees) prevents = prevents || c["id"] == "claim-mg-prevents-night-cramps";
  CHECK(prevents);
  for (const auto& c : j) CHECK(c["id"] != "claim-mg-prevents-night-cramps");
  // As many as the scorecard counts.
  for (const auto& s : results_of(expect_ok({"sources", "--json"}).out)) {
    if (s["id"] == "art-healthline") CHECK(s["scorecard"]["at_odds"] == j.size());
  }
  expect_usage_error({"claims", "--source", "art-healthline", "--standing", "contra"},
                     "--standing must be agrees, at-odds or unsettled, got 'contra'");
  expect_usage_error({"claims", "--standing", "agrees"}, "--standing needs --source");
}

TEST_CASE("claims md and csv are one row per claim, a column per article") {
  const std::string md =
      expect_ok({"claims", "--topic", "efficacy-night-cramps", "--format", "md"}).out;
  std::istringstream in(md);
  std::string line;
  std::vector<std::string> table;
  while (std::getline(in, line)) {
    if (!line.empty() && line.front() == '|') table.push_back(line);
  }
  REQUIRE(table.size() >= 3);
  // Unescaped pipes delimit cells: every row has as many as the header.
  const auto cells = [](const std::string& row) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (row[i] == '|' && (i == 0 || row[i - 1] != '\\')) ++n;
    }
    return n;
  };
  CHECK(table[0].rfind("| Claim | Text | Rating | art-", 0) == 0);
  CHECK_THAT(table[0], Contains("| Key evidence |"));
  CHECK(table[1].rfind("| --- |", 0) == 0);
  for (const auto& row : table) {
    INFO(row);
    CHECK(cells(row) == cells(table[0]));
  }
  const json claims =
      results_of(expect_ok({"claims", "--topic", "efficacy-night-cramps", "--json"}).out);
  CHECK(table.size() == claims.size() + 2);
  CHECK_THAT(md, Contains("| claim-mg-prevents-night-cramps |"));
  CHECK(md.find("#### ") == std::string::npos);

  const std::string csv = expect_ok({"claims", "--format", "csv"}).out;
  CHECK(csv.rfind("id,text,rating,art-why-not-natural,art-cymbiotika,art-clepon,"
                  "art-healthline,art-bisglycinate-blog,evidence\n",
                  0) == 0);
  CHECK(std::count(csv.begin(), csv.end(), '\n') ==
        static_cast<long>(results_of(expect_ok({"claims", "--json"}).out).size() + 1));
  CHECK_THAT(csv, Contains("\nclaim-mg-prevents-night-cramps,"));
  // With a source, that article's standing has a column.
  const std::string one =
      expect_ok({"claims", "--source", "art-healthline", "--format", "csv"}).out;
  CHECK_THAT(one.substr(0, one.find('\n')), Contains(",standing,evidence"));
}

TEST_CASE("sources counts by standing, the same words in every format") {
  const Result r = expect_ok({"sources"});
  CHECK_THAT(r.out, Contains("art-why-not-natural"));
  CHECK_THAT(r.out, Contains("Sells Mg"));
  for (const char* w : {"Agrees", "At odds", "Unsettled", "Overstates"})
    CHECK_THAT(r.out, Contains(w));
  CHECK(r.out.find("Contra") == std::string::npos);
  CHECK(r.out.find("Backed") == std::string::npos);
  const std::string csv = expect_ok({"sources", "--format", "csv"}).out;
  CHECK_THAT(csv.substr(0, csv.find('\n')),
             Contains("scorecard.claims,scorecard.agrees,scorecard.at_odds,scorecard.unsettled,"
                      "scorecard.overstates"));
  const json j = results_of(expect_ok({"sources", "--json"}).out);
  bool found = false;
  for (const auto& s : j) {
    if (s["kind"] != "article") CHECK(s["scorecard"].is_null());
    if (s["id"] == "art-healthline") {
      found = true;
      CHECK(s["commercial_interest"] == false);
      const json& c = s["scorecard"];
      CHECK(c["claims"].get<int>() ==
            c["agrees"].get<int>() + c["at_odds"].get<int>() + c["unsettled"].get<int>());
      CHECK(c["overstates"].get<int>() <= c["unsettled"].get<int>());
    }
  }
  CHECK(found);
}

TEST_CASE("sources ID lists an article's claims, or shows another source") {
  const json out = json::parse(expect_ok({"sources", "art-healthline", "--json"}).out);
  const json& rows = out["results"];
  REQUIRE_FALSE(rows.empty());
  CHECK(out["summary"]["claims"] == rows.size());
  for (const auto& row : rows) {
    for (const char* k : {"claim", "text", "stance", "locator", "rating", "standing", "overstates"})
      CHECK(row.contains(k));
  }
  bool prevents = false;
  for (const auto& row : rows) {
    if (row["claim"] != "claim-mg-prevents-night-cramps") continue;
    prevents = true;
    CHECK(row["stance"] == "opposes");
    CHECK(row["rating"] == "not-supported");
    CHECK(row["standing"] == "agrees");
    CHECK(row["overstates"] == false);
  }
  CHECK(prevents);
  const Result table = expect_ok({"sources", "ART-Healthline"});
  CHECK_THAT(table.out, Contains("Standing:"));
  CHECK_THAT(table.out, Contains("agree with the evidence"));
  expect_fits(table.out);
  // Not an article: the source in full.
  const json nih = result_of(expect_ok({"sources", "nih-ods-magnesium", "--json"}).out);
  CHECK(nih["kind"] == "reference");
  CHECK(nih.contains("referenced_by"));
  expect_usage_error({"sources", "garrison-2020"}, "garrison-2020");
  expect_usage_error({"sources", "nowhere"}, "nowhere");
}

TEST_CASE("causes remedies symptoms and interactions list and filter") {
  CHECK_THAT(expect_ok({"causes", "--category", "medication"}).out, Contains("Diuretic"));
  const Result rem = expect_ok({"remedies"});
  CHECK_THAT(rem.out, Contains("Quinine"));
  const json sym = results_of(expect_ok({"symptoms", "--condition", "excess", "--json"}).out);
  for (const auto& s : sym) CHECK(s["condition"] == "excess");
  CHECK_THAT(expect_ok({"interactions"}).out, Contains("bisphosphonate"));
  expect_usage_error({"causes", "--category", "magic"}, "--category must be one of");
  expect_usage_error({"symptoms", "--condition", "mild"},
                     "--condition must be deficiency or excess");
  expect_usage_error({"interactions", "--category", "x"},
                     "--category must be one of lowers-magnesium, absorption");
}

TEST_CASE("remedies show evidence, certainty, every caution, and mark prescription-only ones") {
  const json j = results_of(expect_ok({"remedies", "--json"}).out);
  REQUIRE_FALSE(j.empty());
  const std::string table = expect_ok({"remedies"}).out;
  const std::string md = expect_ok({"remedies", "--format", "md"}).out;
  const std::string csv = expect_ok({"remedies", "--format", "csv"}).out;
  expect_fits(table);
  CHECK(csv.substr(0, csv.find('\n')).find("advised") == std::string::npos);
  CHECK_THAT(csv.substr(0, csv.find('\n')), Contains("certainty") && Contains("prescription_only"));
  bool nsaid = false, quinine = false;
  for (const auto& r : j) {
    INFO(r["id"]);
    CHECK_FALSE(r.contains("advised"));
    CHECK(r["certainty"].is_string());
    CHECK(r["prescription_only"].is_boolean());
    if (r["prescription_only"] == true) CHECK(r["caution"].is_string());
    if (!r["caution"].is_string()) continue;
    // Every caution, in every format; the first words are enough to find it.
    const std::string caution = r["caution"].get<std::string>().substr(0, 20);
    CHECK_THAT(table, Contains(caution));
    CHECK_THAT(md, Contains(caution));
    CHECK_THAT(csv, Contains(caution));
    nsaid = nsaid || (r["id"] == "remedy-nsaids-analgesics" &&
                      r["caution"].get<std::string>().find("kidney") != std::string::npos);
    quinine = quinine || (r["id"] == "remedy-quinine" && r["prescription_only"] == true);
  }
  CHECK(nsaid);
  CHECK(quinine);
  CHECK_THAT(table, Contains("Prescription only:  yes: a clinician's option"));
  CHECK_THAT(table, Contains("Certainty:"));
  CHECK(table.find("Advised") == std::string::npos);
  CHECK_THAT(table, Contains("not ranked"));
}

TEST_CASE("symptoms show their basis and thresholds in every format") {
  const std::string table = expect_ok({"symptoms", "--condition", "deficiency"}).out;
  expect_fits(table);
  CHECK_THAT(table, Contains("Basis"));
  const auto line_of = [&](const std::string& name) {
    const auto at = table.find(name);
    REQUIRE(at != std::string::npos);
    return table.substr(at, table.find('\n', at) - at);
  };
  CHECK_THAT(line_of("Tremor"), Contains("article-only"));
  CHECK_THAT(line_of("Insomnia"), Contains("article-only"));
  CHECK_THAT(line_of("Seizures"), Contains("reference"));
  const json j = results_of(expect_ok({"symptoms", "--json"}).out);
  bool serum = false;
  for (const auto& s : j) {
    INFO(s["id"]);
    CHECK((s["basis"] == "reference" || s["basis"] == "article-only"));
    CHECK(s.contains("threshold"));
    if (s["id"] == "mg-exc-cardiac-arrest") {
      serum = s["threshold"].get<std::string>().find("mmol/L") != std::string::npos;
    }
    // Sellers' claims cite NIH ODS only to say it does not list them.
    if (s["id"] == "mg-exc-skeletal-muscle-cramps") CHECK(s["basis"] == "article-only");
  }
  CHECK(serum);
  const std::string csv = expect_ok({"symptoms", "--format", "csv"}).out;
  CHECK_THAT(csv.substr(0, csv.find('\n')), Contains(",basis,") && Contains(",threshold,"));
  CHECK_THAT(expect_ok({"symptoms", "--format", "md"}).out, Contains("| Basis | Threshold |"));
}

TEST_CASE("names with diacritics come through every format unharmed") {
  for (const char* format : {"table", "json", "csv", "md"}) {
    INFO(format);
    const Result r = expect_ok({"--format", format, "show", "grober-2017"});
    CHECK_THAT(r.out, Contains("Gröber U"));
    CHECK_THAT(r.out, Contains("Reality—Transdermal"));
  }
  for (const char* format : {"bibtex", "ris"}) {
    INFO(format);
    const Result r = expect_ok({"cite", "araujo-2020", "nygaard-2008", "--format", format});
    CHECK_THAT(r.out, Contains("Araújo"));
    CHECK_THAT(r.out, Contains("Tenório"));
    CHECK_THAT(r.out, Contains("Bøhmer"));
  }
  CHECK_THAT(expect_ok({"cite", "garrison-2020", "--json"}).out, Contains("Dugré N"));
  CHECK_THAT(expect_ok({"cite", "fda-ppi-2011"}).out, Contains("(accessed 2026-12-02)"));
}

TEST_CASE("a review's single-trial estimate is not called a pooled answer") {
  const Result r = expect_ok({"trials", "--intervention", "stretching"});
  CHECK_THAT(r.out, Contains("No pooled answer, idiopathic: the best review estimate rests"));
  CHECK_THAT(r.out, !Contains("Pooled answer, idiopathic"));
  const Result one =
      expect_ok({"meta", "--outcome", "cramps-per-week", "--population", "idiopathic"});
  CHECK_THAT(one.out, Contains("Pooled (1 study)"));
  CHECK_THAT(one.out, Contains("Only one study reports this outcome"));
}

TEST_CASE("meta's HKSJ interval is its own, and the plot caption comes only with the plot") {
  const auto width = [](const json& j) {
    return j["ci_high"].get<double>() / j["ci_low"].get<double>();  // a ratio's CI
  };
  const std::vector<std::string> q = {"meta",      "--outcome", "cramp-free", "--population",
                                      "pregnancy", "--tau2",    "dl",         "--json"};
  const json plain = result_of(expect_ok(q).out);
  std::vector<std::string> hksj = q;
  hksj.push_back("--hksj");
  // Two studies: t with 1 df instead of z, so a wider interval here.
  CHECK(width(result_of(expect_ok(hksj).out)) > width(plain));
  CHECK_THAT(expect_ok({"meta", "--outcome", "cramp-free", "--population", "pregnancy"}).out,
             !Contains("Shared axis"));
  CHECK_THAT(
      expect_ok({"meta", "--outcome", "cramp-free", "--population", "pregnancy", "--plot"}).out,
      Contains("Shared axis"));
}

TEST_CASE("claims --source shows that article's stance alone, compactly (UX16)") {
  const Result all = expect_ok({"claims"});
  const Result one = expect_ok({"claims", "--source", "art-why-not-natural"});
  CHECK(unwrapped(one.out).rfind("Claims art-why-not-natural makes (it sells magnesium), and "
                                 "what the evidence says (",
                                 0) == 0);
  // The article's stance, with its section, and its standing; no other
  // article's stance, and no summaries (the claim's own page has them).
  CHECK_THAT(one.out, Contains("\nStance:    supports in \"What the studies show\"\n"
                               "Standing:  at-odds\nRating:    not-supported\n"));
  CHECK_THAT(one.out, !Contains("art-healthline"));
  CHECK_THAT(one.out, !Contains("Articles:"));
  CHECK_THAT(one.out, !Contains("Evidence says:"));
  CHECK_THAT(unwrapped(one.out), Contains("mgcramp show CLAIM-ID"));
  CHECK(std::count(one.out.begin(), one.out.end(), '\n') * 2 <
        std::count(all.out.begin(), all.out.end(), '\n'));
  // An overstated claim says so beside its standing.
  CHECK_THAT(expect_ok({"claims", "--source", "art-healthline"}).out,
             Contains("Standing:  unsettled, overstates\n"));
  // Scripts still get every article's stance on each claim.
  bool others = false;
  for (const auto& c :
       results_of(expect_ok({"claims", "--source", "art-why-not-natural", "--json"}).out)) {
    for (const auto& st : c["stances"]) others = others || st["source"] != "art-why-not-natural";
  }
  CHECK(others);
}

TEST_CASE("an article's stance quotes its locator once, never quotes within quotes (UX17)") {
  const std::string out = unwrapped(expect_ok({"claims", "--topic", "efficacy-night-cramps"}).out);
  CHECK_THAT(out, Contains("supports in \"What the"));
  // A locator that quotes the article is not quoted again.
  CHECK_THAT(out, Contains("opposes in introduction (\"Magnesium is a widely used"));
  CHECK_THAT(out, !Contains("(\"introduction"));
  CHECK_THAT(out, !Contains("\"introduction"));
}

TEST_CASE("claims --source by publisher name, repeatable filters (UX13)") {
  const json a = json::parse(expect_ok({"claims", "--source", "healthline", "--json"}).out);
  const json b = json::parse(expect_ok({"claims", "--source", "art-healthline", "--json"}).out);
  CHECK(a["results"] == b["results"]);
  CHECK(a["query"]["source"] == "art-healthline");
  CHECK(json::parse(expect_ok({"claims", "--source", "HEALTHLINE", "--json"}).out)["results"] ==
        b["results"]);
  expect_usage_error({"claims", "--source", "nobody"}, "--source must be one of art-");
  const json one = results_of(expect_ok({"claims", "--rating", "supported", "--json"}).out);
  const json other = results_of(expect_ok({"claims", "--rating", "not-supported", "--json"}).out);
  const json both = json::parse(
      expect_ok({"claims", "--rating", "supported", "--rating", "not-supported", "--json"}).out);
  CHECK(both["results"].size() == one.size() + other.size());
  CHECK(both["query"]["rating"] == json::array({"supported", "not-supported"}));
  for (const auto& c : both["results"]) {
    const std::string r = c["verdict"]["rating"];
    CHECK((r == "supported" || r == "not-supported"));
  }
  expect_usage_error({"claims", "--rating", "supported", "--rating", "nope"}, "--rating must be");
}
