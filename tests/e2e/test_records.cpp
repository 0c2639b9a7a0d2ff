// search, show and cite end to end.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "expect.hpp"

using Catch::Contains;
using nlohmann::json;

namespace {

// The dataset with a study title full of terminal escapes and a food that
// takes the id of a form.
std::string tricky_dataset() {
  json d = json::parse(dataset_text());
  for (auto& s : d["studies"]) {
    if (s["id"] == "sebo-2014") s["title"] = "Evil \x1b[2J\x1b]0;title\x07 review";
  }
  json food = d["foods"][0];
  food["id"] = "citrate";
  d["foods"].push_back(food);
  return temp_file(d.dump());
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("search ranks matches across tables") {
  const Result r = expect_ok({"search", "oxide"});
  CHECK(r.out.rfind("Search \"oxide\": ", 0) == 0);
  const auto first = r.out.find("\noxide ");
  REQUIRE(first != std::string::npos);
  CHECK(first < r.out.find("roguin-maor-2017"));
  CHECK_THAT(r.out, Contains("form: Magnesium oxide"));
  CHECK_THAT(r.out, Contains("'mgcramp show ID'"));
  expect_fits(r.out);
}

TEST_CASE("search joins its words and filters by table") {
  const json out = json::parse(
      expect_ok({"search", "leg", "cramps", "pregnancy", "--table", "studies", "--json"}).out);
  CHECK(out["query"] ==
        json::parse(R"({"text": "leg cramps pregnancy", "table": "studies", "limit": 20})"));
  const json& j = out["results"];
  REQUIRE(j.size() >= 4);
  CHECK(out["summary"]["shown"] == j.size());
  for (const auto& h : j) {
    for (const char* k : {"rank", "table", "id", "label", "field", "snippet", "score"}) {
      INFO(k);
      CHECK(h.contains(k));
    }
    CHECK(h["table"] == "studies");
  }
  CHECK(j[0]["rank"] == 1);
}

TEST_CASE("search with no match is not an error") {
  const Result r = expect_ok({"search", "zzqxv"});
  CHECK_THAT(r.out, Contains("0 matches"));
  CHECK_THAT(r.out, Contains("No matching records."));
  CHECK(results_of(expect_ok({"search", "zzqxv", "--json"}).out) == json::array());
}

TEST_CASE("search --limit says how many it left out") {
  const Result r = expect_ok({"search", "magnesium", "--limit", "2"});
  CHECK_THAT(r.out, Contains("Showing the best 2 of"));
  const json two = json::parse(expect_ok({"search", "magnesium", "--limit", "2", "--json"}).out);
  CHECK(two["results"].size() == 2);
  CHECK(two["summary"]["matches"].get<int>() > 2);
}

TEST_CASE("search bad input exits 2 with one line") {
  expect_usage_error({"search"}, "search needs some text");
  expect_usage_error({"search", "  "}, "search needs some text");
  expect_usage_error({"search", "oxide", "--table", "nope"}, "--table must be one of");
  expect_usage_error({"search", "oxide", "--limit", "0"}, "--limit must be a whole number");
  expect_usage_error({"search", "oxide", "--limit", "51"}, "from 1 to 50");
  expect_usage_error({"search", "oxide", "--limit"}, "--limit needs a value");
  expect_usage_error({"search", "oxide", "--sort", "x"}, "unknown option '--sort'");
}

TEST_CASE("show prints a study in full with the claims that cite it") {
  const Result r = expect_ok({"show", "roguin-maor-2017"});
  CHECK(r.out.rfind("Study roguin-maor-2017\n", 0) == 0);
  CHECK_THAT(r.out, Contains("PMID:"));
  CHECK_THAT(r.out, Contains("28241153"));
  CHECK_THAT(r.out, Contains("\nReferenced by "));
  CHECK_THAT(r.out, Contains(" claims (verdict.evidence): "));
  CHECK_THAT(r.out, Contains("claim-mgo-rct-no-better-than-placebo"));
  CHECK_THAT(r.out, Contains("Sources:"));
  CHECK_THAT(r.out, Contains("[art-healthline] Magnesium for Leg Cramps"));
}

TEST_CASE("show groups the records that refer to one by table, counted, each once (UX18)") {
  const Result r = expect_ok({"show", "art-healthline"});
  // Forms refer to the article from two fields: one line, each form once.
  CHECK_THAT(r.out, Contains("  4 forms (article_views.source, sources): oxide, citrate, chloride, "
                             "sulfate\n"));
  CHECK(count(r.out, "oxide") == 1);
  // The JSON keeps one entry per referring field.
  const json j = result_of(expect_ok({"show", "art-healthline", "--json"}).out);
  std::size_t oxide = 0;
  for (const auto& l : j["referenced_by"]) oxide += l["id"] == "oxide" ? 1U : 0U;
  CHECK(oxide == 2);
  // The count is of records, not of the fields that refer.
  std::vector<std::string> records;
  for (const auto& l : j["referenced_by"]) {
    const std::string key = l["table"].get<std::string>() + "/" + l["id"].get<std::string>();
    if (std::find(records.begin(), records.end(), key) == records.end()) records.push_back(key);
  }
  REQUIRE(records.size() < j["referenced_by"].size());
  CHECK_THAT(r.out, Contains("\nReferenced by " + std::to_string(records.size()) + " records:\n"));
}

TEST_CASE("show of an article leads with its scorecard and claims (UX18)") {
  const Result r = expect_ok({"show", "art-healthline"});
  const json card = json::parse(expect_ok({"sources", "art-healthline", "--json"}).out)["summary"];
  const std::string line =
      "Magnesium for Leg Cramps: " + std::to_string(card["claims"].get<int>()) +
      " claims: " + std::to_string(card["agrees"].get<int>()) + " agree with the evidence, ";
  const auto lead = r.out.find(line);
  REQUIRE(lead != std::string::npos);
  // Before the record's fields, and its claims listed once, above.
  CHECK(lead < r.out.find("\nId:"));
  CHECK_THAT(r.out, Contains("\n  claim-mg-prevents-night-cramps: opposes, agrees\n"));
  CHECK(count(r.out, "claim-mg-prevents-night-cramps") == 1);
  CHECK_THAT(r.out, Contains(" claims (stances.source), listed above\n"));
  CHECK_THAT(r.out, Contains("mgcramp sources art-healthline."));
  // Scripts get the same scorecard as a field of the record.
  const json j = result_of(expect_ok({"show", "art-healthline", "--json"}).out);
  CHECK(j["scorecard"] == card);
  // Not an article: no scorecard.
  CHECK_FALSE(
      result_of(expect_ok({"show", "nih-ods-magnesium", "--json"}).out).contains("scorecard"));
}

TEST_CASE("show --json is one object with the record and its back-references") {
  const json j = result_of(expect_ok({"show", "GARRISON-2020", "--json"}).out);
  REQUIRE(j.is_object());
  CHECK(j["id"] == "garrison-2020");
  CHECK(j["table"] == "studies");
  CHECK(j["pmid"] == "32956536");
  CHECK(j["outcomes"][0]["ci_low"] == -0.84);
  CHECK(j["outcomes"][0]["population"] == "idiopathic");
  CHECK(j["populations"] == json({"idiopathic", "pregnancy", "cirrhosis"}));
  bool cited = false;
  for (const auto& l : j["referenced_by"]) {
    cited =
        cited || (l["id"] == "claim-mg-prevents-night-cramps" && l["field"] == "verdict.evidence");
  }
  CHECK(cited);
}

TEST_CASE("show works for every table and format") {
  for (const char* id : {"art-clepon", "kidney-disease", "males-19-30y", "almonds-dry-roasted",
                         "glycinate", "claim-mg-prevents-night-cramps", "remedy-quinine",
                         "mg-exc-diarrhea", "ix-loop-diuretics"}) {
    INFO(id);
    const Result table = expect_ok({"show", id});
    CHECK_THAT(table.out, Contains(id));
    CHECK(result_of(expect_ok({"show", id, "--json"}).out)["id"] == id);
    CHECK(expect_ok({"show", id, "--format", "csv"}).out.rfind("table,id,", 0) == 0);
    CHECK_THAT(expect_ok({"show", id, "--format", "md"}).out, Contains("| Field | Value |"));
  }
  // An intake shows its safety notices next to the figures.
  CHECK_THAT(expect_ok({"show", "males-19-30y"}).out, Contains("Warning: Kidney disease"));
}

TEST_CASE("show bad input exits 2 with one line") {
  expect_usage_error({"show"}, "id is required");
  expect_usage_error({"show", "garison-2020"}, "did you mean 'garrison-2020'?");
  expect_usage_error({"show", "oxide", "--table", "studies"},
                     "no record with id 'oxide' in studies");
  expect_usage_error({"show", "oxide", "--table", "pills"}, "--table must be one of");
  expect_usage_error({"show", "oxide", "citrate"}, "unexpected argument 'citrate'");
}

TEST_CASE("show and cite by PMID or DOI, cite a claim's evidence (MF13); ids like a word (UX25)") {
  const json g = result_of(expect_ok({"show", "garrison-2020", "--json"}).out);
  const std::string pmid = g["pmid"], doi = g["doi"];
  for (const std::string& key : {pmid, doi, "https://doi.org/" + doi, "doi:" + doi}) {
    INFO(key);
    CHECK(result_of(expect_ok({"show", key, "--json"}).out)["id"] == "garrison-2020");
    CHECK(results_of(expect_ok({"cite", key, "--json"}).out).at(0)["id"] == "garrison-2020");
  }
  // A claim's id cites the evidence its verdict names.
  const json claim = result_of(expect_ok({"show", "claim-mg-prevents-night-cramps", "--json"}).out);
  const json cited =
      results_of(expect_ok({"cite", "claim-mg-prevents-night-cramps", "--json"}).out);
  REQUIRE(cited.size() == claim["verdict"]["evidence"].size());
  for (std::size_t i = 0; i < cited.size(); ++i)
    CHECK(cited[i]["id"] == claim["verdict"]["evidence"][i]);
  expect_usage_error({"show", "garrison"}, "did you mean garrison-2020, ");
  expect_usage_error({"show", "99999999"}, "no record with id '99999999'");
}

TEST_CASE("an id two tables share needs --table") {
  const std::string path = tricky_dataset();
  expect_error({"--data", path, "show", "citrate"}, 2,
               "id 'citrate' is used in several tables: foods, forms");
  CHECK_THAT(expect_ok({"--data", path, "show", "citrate", "--table", "forms"}).out,
             Contains("Form citrate"));
  std::remove(path.c_str());
}

TEST_CASE("cite prints references, BibTeX and RIS") {
  const Result text = expect_ok({"cite", "garrison-2020", "art-clepon"});
  CHECK_THAT(text.out, Contains("Garrison SR, Korownyk CS"));
  CHECK_THAT(text.out, Contains("(Publisher sells"));
  const Result bib = expect_ok({"cite", "garrison-2020", "--format", "bibtex"});
  CHECK(bib.out.rfind("@article{garrison-2020,\n", 0) == 0);
  CHECK_THAT(bib.out, Contains("  doi = {10.1002/14651858.CD009402.pub3},\n"));
  // --format works before the command too, as for every command.
  const Result ris = expect_ok({"--format", "ris", "cite", "roguin-maor-2017", "sebo-2014"});
  CHECK(ris.out.rfind("TY  - JOUR\n", 0) == 0);
  CHECK(count(ris.out, "ER  - \n") == 2);
  const json j = results_of(expect_ok({"cite", "sebo-2014", "--json"}).out);
  REQUIRE(j.size() == 1);
  CHECK(j[0]["pmid"] == "24280947");
  CHECK(j[0]["author_names"][0] == "Sebo P");
  CHECK(j[0]["journal"] == "Family Practice");
  CHECK(j[0]["publisher"].is_null());
  CHECK(expect_ok({"cite", "sebo-2014", "--format", "csv"}).out.rfind("id,type,reference,", 0) ==
        0);
  CHECK_THAT(expect_ok({"cite", "sebo-2014", "--format", "md"}).out, Contains("| sebo-2014 |"));
}

TEST_CASE("cite --all cites every study and source") {
  const json counts = result_of(expect_ok({"validate", "--json"}).out)["tables"];
  std::size_t expected = 0;
  for (const auto& t : counts) {
    if (t["table"] == "studies" || t["table"] == "sources")
      expected += t["records"].get<std::size_t>();
  }
  CHECK(count(expect_ok({"cite", "--all", "--format", "ris"}).out, "ER  - \n") == expected);
  CHECK(count(expect_ok({"cite", "--all", "--format", "bibtex"}).out, "\n}\n") == expected);
}

TEST_CASE("cite bad input exits 2 with one line") {
  expect_usage_error({"cite"}, "cite needs at least one study or source id");
  expect_usage_error({"cite", "almonds"}, "is not a study, source or claim id, PMID or DOI");
  expect_usage_error({"cite", "garr"}, "did you mean garrison-");
  expect_usage_error({"cite", "garison-2020"}, "did you mean 'garrison-2020'?");
  expect_usage_error({"cite", "sebo-2014", "--format", "endnote"},
                     "--format must be table, json, csv, md, bibtex or ris");
  const Result conflict = run({"cite", "sebo-2014", "--format", "bibtex", "--json"});
  CHECK(conflict.code == 2);
  CHECK_THAT(conflict.err, Contains("--json conflicts with --format bibtex"));
  expect_usage_error({"cite", "sebo-2014", "--all"}, "give ids or --all, not both");
}

TEST_CASE("search show and cite never print control characters from the data") {
  const std::string path = tricky_dataset();
  const std::vector<std::vector<std::string>> queries = {
      {"search", "evil"},
      {"search", "evil", "--format", "csv"},
      {"show", "sebo-2014"},
      {"show", "sebo-2014", "--format", "md"},
      {"cite", "sebo-2014"},
      {"cite", "sebo-2014", "--format", "bibtex"},
      {"cite", "sebo-2014", "--format", "ris"},
      {"cite", "sebo-2014", "--json"}};
  for (auto args : queries) {
    args.insert(args.begin(), {"--data", path});
    const Result r = expect_ok(args);
    INFO(args[2] << " " << args[3] << ": " << r.out);
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK(r.out.find('\x07') == std::string::npos);
    CHECK_THAT(r.out, Contains("Evil", Catch::CaseSensitive::No));
  }
  std::remove(path.c_str());
}

TEST_CASE("ids are not split across lines where the row can hold them (UX2)") {
  for (const std::vector<std::string>& q :
       {std::vector<std::string>{"search", "night", "leg", "cramps"},
        std::vector<std::string>{"search", "red"},
        std::vector<std::string>{"intake", "--food", "salmon", "--age", "40", "--sex", "f"}}) {
    INFO(json(q).dump());
    const Result t = expect_ok(q);
    expect_fits(t.out);
    std::vector<std::string> with_json = q;
    with_json.push_back("--json");
    const json j = json::parse(expect_ok(with_json).out);
    for (const auto& row : j["results"]) {
      if (!row.contains("id") || !row["id"].is_string()) continue;
      CHECK_THAT(t.out, Contains(row["id"].get<std::string>()));
    }
  }
}

TEST_CASE("schema prints the dataset's documentation, whole or one section (UX22)") {
  const Result whole = expect_ok({"schema"});
  CHECK_THAT(whole.out, Contains("## Study"));
  CHECK_THAT(whole.out, Contains("## Cue"));
  for (const char* name : {"study", "studies", "Study"}) {
    const Result s = expect_ok({"schema", name});
    CHECK(s.out.rfind("## Study\n", 0) == 0);
    CHECK(s.out.find("\n## ") == std::string::npos);  // up to the next section
    CHECK_THAT(s.out, Contains("### StudyArm"));
  }
  CHECK(expect_ok({"schema", "red flags"}).out.rfind("## RedFlag", 0) == 0);
  CHECK(expect_ok({"schema", "cue patterns"}).out.rfind("### Cue patterns", 0) == 0);
  CHECK(result_of(expect_ok({"schema", "cue", "--json"}).out)["text"].get<std::string>().rfind(
            "## Cue", 0) == 0);
  expect_usage_error({"schema", "unicorns"}, "no section of the schema is about 'unicorns'");
  // A data error's hint points at it.
  json d = json::parse(dataset_text());
  d["studies"][0]["year"] = "soon";
  const std::string path = temp_file(d.dump());
  expect_error({"validate", path}, 1, "'mgcramp schema study' describes every field of a Study");
  std::remove(path.c_str());
}

namespace {
// Without nulls, empty lists and empty objects, whole numbers as integers:
// the same data however optional fields are spelt.
json normalized(const json& v) {
  if (v.is_object()) {
    json out = json::object();
    for (const auto& [k, x] : v.items()) {
      const json n = normalized(x);
      if (!n.is_null() && !(n.is_array() && n.empty()) && !(n.is_object() && n.empty())) out[k] = n;
    }
    return out;
  }
  if (v.is_array()) {
    json out = json::array();
    for (const auto& x : v) out.push_back(normalized(x));
    return out;
  }
  if (v.is_number_float() && v.get<double>() == static_cast<double>(v.get<long long>()))
    return v.get<long long>();
  return v;
}
}  // namespace

TEST_CASE("data export writes the dataset as a file that loads back the same (MF8)") {
  const Result e = expect_ok({"data", "export"});
  CHECK(normalized(json::parse(e.out)) == normalized(json::parse(dataset_text())));
  const std::string path = temp_file(e.out);
  CHECK_THAT(expect_ok({"validate", path}).out, Contains(": valid"));
  // The active dataset: a file given with --data is what is exported.
  json d = json::parse(dataset_text());
  d["description"] = "my own";
  const std::string mine = temp_file(d.dump());
  CHECK(json::parse(expect_ok({"--data", mine, "data", "export"}).out)["description"] == "my own");
  expect_usage_error({"data", "import"}, "data needs an action: export");
  expect_usage_error({"data"}, "action");
  expect_usage_error({"data", "export", "--format", "csv"}, "data export writes JSON only");
  std::remove(path.c_str());
  std::remove(mine.c_str());
}

namespace {
// An overlay of one food and its source; its magnesium puts it first.
const char* const kOverlay = R"({
  "schema_version": 1,
  "description": "e2e overlay",
  "sources": [{"id": "my-labels", "kind": "reference", "title": "Labels I read",
               "publisher": "Me", "commercial_interest": false}],
  "foods": [{"id": "my-granola", "name": "Granola, my brand", "category": "grains",
             "serving": "1/2 cup", "grams": 50, "mg_per_serving": 900,
             "kcal_per_serving": 220, "sources": ["my-labels"]}]
})";
}  // namespace

TEST_CASE("data-add: --data-add adds an overlay's records on top of the dataset (MF8)") {
  const std::string extra = temp_file(kOverlay, ".json");
  const Result r = expect_ok({"--data-add", extra, "foods", "--top", "2"});
  CHECK_THAT(r.out, Contains("1  Granola, my brand"));
  CHECK_THAT(r.out, Contains("[my-labels] Labels I read (Me)"));
  // The embedded dataset is all there beneath it, in every command.
  CHECK_THAT(expect_ok({"foods", "--data-add", extra, "--top", "2"}).out,
             Contains("2  Pumpkin seeds, roasted"));
  CHECK_THAT(expect_ok({"--data-add", extra, "show", "my-granola"}).out,
             Contains("Name:                Granola, my brand"));
  const json v = result_of(expect_ok({"--data-add", extra, "validate", "--json"}).out);
  CHECK(v["valid"] == true);
  CHECK(v["file"] == "<embedded>/data/mgcramp.json + " + extra);
  const json plain = result_of(expect_ok({"validate", "--json"}).out);
  auto foods = [](const json& tables) {
    for (const auto& t : tables) {
      if (t["table"] == "foods") return t["records"].get<int>();
    }
    return -1;
  };
  CHECK(foods(v["tables"]) == foods(plain["tables"]) + 1);
  // Standard input, and on top of --data FILE.
  RunOptions in;
  in.stdin_path = extra;
  CHECK_THAT(expect_ok({"--data-add", "-", "show", "my-granola"}, in).out,
             Contains("Granola, my brand"));
  const std::string base = temp_file(dataset_text(), ".json");
  CHECK_THAT(expect_ok({"--data", base, "--data-add", extra, "validate"}).out,
             Contains(base + " + " + extra + ": valid"));
  // data export writes the two together: a dataset that loads alone.
  const std::string both = temp_file(expect_ok({"--data-add", extra, "data", "export"}).out);
  CHECK_THAT(expect_ok({"--data", both, "show", "my-granola"}).out, Contains("Granola"));
  // The help names it.
  CHECK_THAT(expect_ok({"--help"}).out, Contains("--data-add FILE"));
  CHECK_THAT(expect_ok({"schema", "overlay"}).out, Contains("## Overlay"));
}

TEST_CASE("data-add: a bad overlay is one data error naming the file and the place (MF8)") {
  const std::string extra = temp_file(kOverlay, ".json");
  // Twice: its ids are then no longer new.
  expect_error({"--data-add", extra, "--data-add", extra, "foods"}, 1,
               extra + ": /sources/0/id: the dataset already has a source with id \"my-labels\"");
  // An id of the embedded dataset.
  json j = json::parse(kOverlay);
  j["foods"][0]["id"] = "almonds-dry-roasted";
  expect_error({"--data-add", temp_file(j.dump(), ".json"), "foods"}, 1,
               "/foods/0/id: the dataset already has a food with id \"almonds-dry-roasted\"");
  // A reference to nothing, with the nearest id.
  j = json::parse(kOverlay);
  j["foods"][0]["sources"] = json::array({"my-label"});
  expect_error({"--data-add", temp_file(j.dump(), ".json"), "foods"}, 1,
               "/foods/0/sources/0: unknown source id \"my-label\" (did you mean \"my-labels\"?)");
  // The dataset's own fields, a syntax error, a missing file.
  expect_error({"--data-add", temp_file(R"({"daily_value": {"mg": 1}})", ".json"), "foods"}, 1,
               "an overlay adds records: \"daily_value\" is the dataset's own");
  expect_error({"--data-add", temp_file("{\n  \"foods\": [}", ".json"), "foods"}, 1,
               ".json:2:13: invalid JSON");
  expect_error({"--data-add", "/nonexistent/extra.json", "foods"}, 1, "cannot open");
  expect_usage_error({"--data-add"}, "--data-add");
  // Standard input read twice.
  expect_usage_error({"--data", "-", "--data-add", "-", "foods"},
                     "standard input ('-') can be read only once");
  // validate --json: the verdict names the overlay.
  const std::string bad = temp_file(j.dump(), ".json");
  const Result r = run({"--data-add", bad, "validate", "--json"});
  CHECK(r.code == 1);
  const json v = result_of(r.out);
  CHECK(v["valid"] == false);
  CHECK(v["file"] == bad);
  CHECK(v["error"]["pointer"] == "/foods/0/sources/0");
}
