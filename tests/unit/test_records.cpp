// Any record by id, what refers to it, and ranked search across tables.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "mgcramp/error.hpp"
#include "mgcramp/io/load.hpp"
#include "mgcramp/query/records.hpp"
#include "mgcramp/query/search.hpp"
#include "mgcramp/render/render.hpp"
#include "mgcramp/report/builders.hpp"
#include "mgcramp/text.hpp"
#include "options.hpp"
#include "support.hpp"

using namespace mgcramp;
using Catch::Contains;
using nlohmann::json;
using test::ds;
using test::usage_error;

namespace {

bool has_link(const std::vector<Link>& links, const std::string& id, const std::string& field) {
  return std::any_of(links.begin(), links.end(), [&](const Link& l) {
    return record_id(ds(), l.record) == id && l.field == field;
  });
}

std::vector<std::string> hit_ids(const SearchResult& r) {
  std::vector<std::string> out;
  for (const auto& h : r.hits) out.push_back(record_id(ds(), h.record));
  return out;
}

// Every match unless a limit is given (the core takes any limit; the
// command's option stops at 50).
SearchResult find(const std::string& text, std::optional<std::string> table = std::nullopt,
                  std::optional<std::string> limit = std::nullopt) {
  SearchQuery q = cli::parse_search(text, table, limit);
  if (!limit) q.limit = 100000;
  return search(ds(), q);
}

// The source dataset with a food that takes the id of a form.
Dataset with_food_named_citrate() {
  json d = json::parse(test::source_dataset_text());
  json food = d["foods"][0];
  food["id"] = "citrate";
  d["foods"].push_back(food);
  return load_dataset(d.dump(), "twin.json");
}

}  // namespace

TEST_CASE("tables parse by plural or singular name, any case") {
  CHECK(cli::parse_table("--table", "studies") == Table::studies);
  CHECK(cli::parse_table("--table", "Study") == Table::studies);
  CHECK(cli::parse_table("--table", "INTERACTIONS") == Table::interactions);
  CHECK(all_tables().size() == 15);
  CHECK(std::string(table_name(Table::remedies)) == "remedies");
  CHECK(std::string(table_singular(Table::remedies)) == "remedy");
  const std::string e = usage_error([] { cli::parse_table("--table", "stdies"); });
  CHECK_THAT(e, Contains("--table must be one of sources, notices"));
  CHECK_THAT(e, Contains("did you mean '--table studies'?"));
}

TEST_CASE("records resolve by id in any table, any case") {
  const RecordRef study = resolve_record(ds(), "GARRISON-2020");
  CHECK(study.table == Table::studies);
  CHECK(record_id(ds(), study) == "garrison-2020");
  CHECK(record_label(ds(), study) == "Garrison SR 2020");
  CHECK(resolve_record(ds(), "oxide").table == Table::forms);
  CHECK(resolve_record(ds(), "art-healthline").table == Table::sources);
  CHECK(resolve_record(ds(), "claim-mg-prevents-night-cramps").table == Table::claims);
  CHECK(resolve_record(ds(), "females-19-30y").table == Table::intakes);
  CHECK(resolve_record(ds(), "kidney-disease").table == Table::notices);
  CHECK(resolve_record(ds(), "oxide", Table::forms).table == Table::forms);
  CHECK(record_id(ds(), resolve_record(ds(), " garrison-2020\t")) == "garrison-2020");
}

TEST_CASE("an unknown id is a usage error with a suggestion") {
  CHECK_THAT(usage_error([] { resolve_record(ds(), "garison-2020"); }),
             Contains("no record with id 'garison-2020'; did you mean 'garrison-2020'?"));
  CHECK_THAT(usage_error([] { resolve_record(ds(), "oxide", Table::studies); }),
             Contains("no record with id 'oxide' in studies"));
  CHECK_THAT(usage_error([] { resolve_record(ds(), "zzzz-qqqq-xxxx"); }),
             Contains("'mgcramp search zzzz-qqqq-xxxx' finds records"));
  CHECK_THAT(usage_error([] { resolve_record(ds(), "\x1b[2J"); }), !Contains("\x1b"));
}

TEST_CASE("an id two tables share needs its table") {
  const Dataset twin = with_food_named_citrate();
  const std::string e = usage_error([&] { resolve_record(twin, "citrate"); });
  CHECK_THAT(e, Contains("id 'citrate' is used in several tables: foods, forms"));
  try {
    resolve_record(twin, "citrate");
  } catch (const AmbiguousId& a) {
    CHECK(a.tables() == std::vector<std::string>{"foods", "forms"});
  }
  CHECK(resolve_record(twin, "citrate", Table::foods).table == Table::foods);
  CHECK(resolve_record(twin, "citrate", Table::forms).table == Table::forms);
}

TEST_CASE("referenced_by finds every kind of reference, by field") {
  // A study: claims cite it as evidence, other studies and records as a source.
  const auto study = referenced_by(ds(), resolve_record(ds(), "garrison-2020"));
  CHECK(has_link(study, "claim-mg-prevents-night-cramps", "verdict.evidence"));
  CHECK(has_link(study, "roffe-2002", "sources"));
  CHECK_FALSE(has_link(study, "garrison-2020", "sources"));
  // A form: the studies of it.
  const auto form = referenced_by(ds(), resolve_record(ds(), "oxide"));
  CHECK(has_link(form, "roguin-maor-2017", "intervention.form"));
  CHECK(has_link(form, "barna-2021", "intervention.form"));
  // An article: stances, citations, foods it mentions, its view of a form.
  const auto article = referenced_by(ds(), resolve_record(ds(), "art-healthline"));
  CHECK(has_link(article, "claim-mg-prevents-night-cramps", "stances.source"));
  CHECK(has_link(article, "roguin-maor-2017", "cited_by"));
  CHECK(has_link(article, "frusso-1999", "discrepancies.source"));
  CHECK(has_link(article, "oxide", "article_views.source"));
  CHECK(std::any_of(article.begin(), article.end(),
                    [](const Link& l) { return l.field == "mentioned_by"; }));
  // A notice: the intakes that show it.
  const auto notice = referenced_by(ds(), resolve_record(ds(), "kidney-disease"));
  CHECK(has_link(notice, "females-19-30y", "notices"));
  // A claim: the claims that imply or deny it.
  const auto claim = referenced_by(ds(), resolve_record(ds(), "claim-mg-prevents-night-cramps"));
  CHECK(has_link(claim, "claim-mg-calcium-antagonism-relaxes-muscle", "implies"));
  CHECK(has_link(referenced_by(ds(), resolve_record(ds(), "claim-too-much-mg-causes-leg-cramps")),
                 "claim-overdose-weakness-hypotension", "denies"));
  CHECK(referenced_by(ds(), resolve_record(ds(), "claim-rda-310-420")).empty());
}

TEST_CASE("cited_ids lists a record's sources and studies once each, in order") {
  const RecordRef claim = resolve_record(ds(), "claim-mg-helps-pregnancy-cramps");
  const auto ids = cited_ids(ds(), claim);
  const Claim& c = ds().claims[claim.index];
  // Stances come before the verdict's evidence.
  REQUIRE(ids.size() == c.stances.size() + c.verdict.evidence.size());
  CHECK(ids.front() == c.stances.front().source);
  CHECK(ids.back() == c.verdict.evidence.back());
  // A study's form is not a source.
  const auto study = cited_ids(ds(), resolve_record(ds(), "roguin-maor-2017"));
  CHECK(std::find(study.begin(), study.end(), "oxide") == study.end());
  CHECK(std::find(study.begin(), study.end(), "art-healthline") != study.end());
}

TEST_CASE("search ranks ids, names and titles above long text") {
  const SearchResult oxide = find("oxide");
  REQUIRE(oxide.hits.size() >= 5);
  CHECK(record_id(ds(), oxide.hits[0].record) == "oxide");
  CHECK(oxide.hits[0].field == "id");
  // Studies with oxide in the title come before records that mention it in passing.
  const auto ids = hit_ids(oxide);
  const auto pos = [&](const char* id) {
    return std::find(ids.begin(), ids.end(), id) - ids.begin();
  };
  CHECK(pos("roguin-maor-2017") < pos("citrate"));
  // "oxide" inside "hydroxide" counts less than the word itself in a summary.
  CHECK(pos("citrate") < pos("hydroxide"));
  for (std::size_t i = 1; i < oxide.hits.size(); ++i) {
    CHECK(oxide.hits[i - 1].score >= oxide.hits[i].score);
  }
  // Journal names count more than a mention in a summary.
  const SearchResult cochrane = find("cochrane", std::string("studies"));
  REQUIRE(cochrane.hits.size() >= 2);
  CHECK(cochrane.hits[0].field == "journal");
  CHECK(cochrane.hits[1].field == "journal");
}

TEST_CASE("search needs every word, ignores case and prefers the phrase") {
  const SearchResult r = find("Leg Cramps PREGNANCY", std::string("studies"));
  const auto ids = hit_ids(r);
  for (const char* id : {"dahle-1995", "nygaard-2008", "supakatisant-2015", "araujo-2020"}) {
    INFO(id);
    CHECK(std::find(ids.begin(), ids.end(), id) != ids.end());
  }
  for (const auto& h : r.hits) CHECK(h.record.table == Table::studies);
  CHECK_FALSE(r.partial);
  // A word found nowhere: no record holds every word, so those holding the
  // others are given, marked partial (UX1).
  const SearchResult some = find("oxide zzqxv");
  CHECK(some.partial);
  REQUIRE_FALSE(some.hits.empty());
  CHECK(find("oxide").total == some.total);
  CHECK(find("zzqxv").total == 0);
  CHECK_FALSE(find("zzqxv").partial);
  CHECK(find("zzqxv plugh").total == 0);
  // The whole phrase outranks the words apart.
  const SearchResult phrase = find("leg cramps");
  REQUIRE_FALSE(phrase.hits.empty());
  CHECK_THAT(phrase.hits[0].snippet, Contains("eg cramps"));
}

TEST_CASE("search matches numbers: a year field, or the number in text") {
  const auto year = hit_ids(find("2015", std::string("studies")));
  CHECK(std::find(year.begin(), year.end(), "supakatisant-2015") != year.end());
  // A second number that is not the year is still looked for in the text.
  const auto both = hit_ids(find("2017 94"));
  CHECK(std::find(both.begin(), both.end(), "claim-mgo-rct-no-better-than-placebo") != both.end());
  CHECK(find("1066", std::string("studies")).hits.empty());
  // The year does not stand in for another number: no record holds both.
  CHECK(find("2017 1066").partial);
}

TEST_CASE("search leaves common words out, and reference fields, and ranks whole words first") {
  const SearchResult q = find("does magnesium help night leg cramps");
  CHECK(q.dropped == std::vector<std::string>{"does"});
  CHECK(q.words == std::vector<std::string>{"magnesium", "help", "night", "leg", "cramps"});
  CHECK_FALSE(q.partial);
  CHECK(q.total > 0);
  // Only common words: they are looked for after all.
  CHECK(find("the").dropped.empty());
  // A claim cites garrison-2020 in its evidence: that is show's to list, not
  // a match for the claim (UX14). The study itself still matches.
  const SearchResult g = find("garrison-2020");
  REQUIRE_FALSE(g.hits.empty());
  CHECK(record_id(ds(), g.hits.front().record) == "garrison-2020");
  for (const auto& h : g.hits) {
    INFO(record_id(ds(), h.record) << " " << h.field);
    CHECK(h.field != "verdict.evidence");
    CHECK(h.field != "sources");
    CHECK(h.field != "evidence");
  }
  // "kidney disease": the intake rows that only name the notice id
  // kidney-disease are not hits.
  for (const auto& h : find("kidney disease").hits) CHECK(h.record.table != Table::intakes);
}

TEST_CASE("search snippets show the match in context") {
  const SearchResult r = find("hypermagnesemia");
  REQUIRE_FALSE(r.hits.empty());
  for (const auto& h : r.hits) {
    INFO(h.field << ": " << h.snippet);
    CHECK_THAT(h.snippet, Contains("hypermagnesemia", Catch::CaseSensitive::No));
    CHECK(h.snippet.size() <= 70);
  }
  // Long fields are cut around the match, and say so.
  const bool cut = std::any_of(r.hits.begin(), r.hits.end(), [](const SearchHit& h) {
    return h.snippet.find("...") != std::string::npos;
  });
  CHECK(cut);
}

TEST_CASE("search honours --table and --limit") {
  const SearchResult all = find("magnesium");
  const SearchResult three = find("magnesium", std::nullopt, std::string("3"));
  CHECK(three.hits.size() == 3);
  CHECK(three.total == all.total);
  const auto best = hit_ids(all);
  CHECK(hit_ids(three) == std::vector<std::string>(best.begin(), best.begin() + 3));
  for (const auto& h : find("magnesium", std::string("remedies")).hits) {
    CHECK(h.record.table == Table::remedies);
  }
}

TEST_CASE("search input errors are usage errors") {
  CHECK_THAT(usage_error([] { cli::parse_search("", std::nullopt, std::nullopt); }),
             Contains("search needs some text"));
  CHECK_THAT(usage_error([] { cli::parse_search(" \t ", std::nullopt, std::nullopt); }),
             Contains("search needs some text"));
  for (const char* bad : {"0", "-1", "x", "1e3", "", "9999999", "51"}) {
    INFO(bad);
    CHECK_THAT(usage_error([&] { cli::parse_search("oxide", std::nullopt, std::string(bad)); }),
               Contains("--limit must be a whole number from 1 to 50"));
  }
  CHECK(cli::parse_search("oxide", std::nullopt, std::string("50")).limit == 50);
  CHECK_THAT(usage_error([] { cli::parse_search("oxide", std::string("tables"), std::nullopt); }),
             Contains("--table must be one of"));
  CHECK(cli::parse_search("oxide", std::nullopt, std::nullopt).limit == 20);
}

TEST_CASE("show lists every field, what refers to the record and its sources") {
  const Report r = show_report(ds(), resolve_record(ds(), "roguin-maor-2017"));
  CHECK(r.vertical);
  CHECK(r.single_object);
  REQUIRE(r.rows.size() == 1);
  std::vector<std::string> keys;
  for (const auto& c : r.columns) keys.push_back(c.key);
  for (const char* k : {"table", "id", "first_author", "pmid", "doi", "n_randomized",
                        "intervention.form", "intervention.elemental_mg_per_day", "outcomes",
                        "conclusion", "cited_by", "discrepancies", "sources", "referenced_by"}) {
    INFO(k);
    CHECK(std::find(keys.begin(), keys.end(), k) != keys.end());
  }
  const auto at = [&](const char* k) {
    const auto i = std::find(keys.begin(), keys.end(), k) - keys.begin();
    return r.rows[0][static_cast<std::size_t>(i)].value;
  };
  CHECK(at("table") == "studies");
  CHECK(at("pmid") == "28241153");
  CHECK(at("intervention.form") == "oxide");
  const Value by = at("referenced_by");
  REQUIRE(by.is_list());
  CHECK(std::any_of(by.as_list().begin(), by.as_list().end(), [](const Value& l) {
    return *l.find("table") == "claims" &&
           *l.find("id") == "claim-mgo-rct-no-better-than-placebo" &&
           *l.find("field") == "verdict.evidence";
  }));
  std::string notes;
  for (const auto& n : r.notes) notes += n.text + "\n";
  for (const auto& n : r.source_notes()) notes += n.text + "\n";
  CHECK_THAT(notes, Contains("Referenced by"));
  CHECK_THAT(notes, Contains("[art-healthline] Magnesium for Leg Cramps"));
}

// show speaks the dataset's own names and nesting: its JSON of a record holds
// every field the file gives that record, with the same value.
TEST_CASE("show --json of a record gives back the record as the dataset file has it") {
  const json file = json::parse(test::source_dataset_text());
  for (Table t : all_tables()) {
    INFO(table_name(t));
    const json& records = file.at(table_name(t));
    for (std::size_t i = 0; i < records.size() && i < 3; ++i) {
      INFO(records[i].at("id"));
      const json shown = json::parse(
          render(show_report(ds(), RecordRef{t, i}), {Format::json, false, 80}))["result"];
      for (const auto& [key, value] : records[i].items()) {
        INFO(key);
        REQUIRE(shown.contains(key));
        if (value.is_object()) {
          for (const auto& [k, v] : value.items()) {
            INFO(k);
            CHECK(shown[key][k] == v);
          }
        } else if (value.is_array() && !value.empty() && value[0].is_object()) {
          // A list of objects (a claim's stances) may add computed fields
          // after each object's own (a stance's standing and overstates).
          REQUIRE(shown[key].size() == value.size());
          for (std::size_t e = 0; e < value.size(); ++e) {
            for (const auto& [k, v] : value[e].items()) {
              INFO(k);
              CHECK(shown[key][e][k] == v);
            }
          }
        } else {
          CHECK(shown[key] == value);
        }
      }
    }
  }
}

TEST_CASE("show of an intake carries its safety notices") {
  const Report r = show_report(ds(), resolve_record(ds(), "females-19-30y"));
  bool kidney = false;
  for (const auto& n : r.notes) {
    kidney = kidney || (n.level == NoteLevel::warning && n.text.find("Kidney") == 0);
  }
  CHECK(kidney);
}

namespace {
std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}
}  // namespace

TEST_CASE("find_study_by_identifier: a PMID or a DOI in its usual spellings") {
  const Study* g = ds().find_study("garrison-2020");
  REQUIRE(g != nullptr);
  REQUIRE(g->pmid);
  REQUIRE(g->doi);
  CHECK(find_study_by_identifier(ds(), *g->pmid) == g);
  CHECK(find_study_by_identifier(ds(), " " + *g->pmid + " ") == g);
  const std::string doi = text::to_lower(*g->doi);
  for (const std::string& spelling :
       {doi, upper(doi), "doi:" + doi, "https://doi.org/" + doi, "https://dx.doi.org/" + doi})
    CHECK(find_study_by_identifier(ds(), spelling) == g);
  CHECK(find_study_by_identifier(ds(), "1") == nullptr);
  CHECK(find_study_by_identifier(ds(), "10.9999/none") == nullptr);
  CHECK(find_study_by_identifier(ds(), "garrison-2020") == nullptr);
  CHECK(find_study_by_identifier(ds(), "") == nullptr);
}

TEST_CASE("ids_like: a prefix or a whole dash-separated part, at most max") {
  const std::vector<std::string> ids = {"garrison-2011", "garrison-2020", "sebo-2014",
                                        "art-garrison",  "garrisonx",     "roguin-maor-2017"};
  CHECK(ids_like(ids, "garrison") ==
        std::vector<std::string>{"garrison-2011", "garrison-2020", "art-garrison", "garrisonx"});
  CHECK(ids_like(ids, "maor") == std::vector<std::string>{"roguin-maor-2017"});
  CHECK(ids_like(ids, "garrison", 2).size() == 2);
  CHECK(ids_like(ids, "ga").empty());  // too short to guess from
  CHECK(ids_like(ids, "2014").empty() == false);
}

TEST_CASE("resolve_record: a PMID or DOI finds its study; an unknown id lists ids like it") {
  const RecordRef g = resolve_record(ds(), *ds().find_study("garrison-2020")->pmid);
  CHECK(record_id(ds(), g) == "garrison-2020");
  const std::string e = usage_error([] { resolve_record(ds(), "garrison"); });
  CHECK_THAT(e, Contains("did you mean garrison-"));
  CHECK_THAT(e, Contains("garrison-2020"));
  CHECK_THAT(e, Contains("garrison-2011"));
}
