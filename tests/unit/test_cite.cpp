// Citations: which ids may be cited, authors, BibTeX, RIS and reference text.
#include <algorithm>

#include <catch2/catch.hpp>

#include "mgcramp/error.hpp"
#include "mgcramp/io/load.hpp"
#include "mgcramp/query/cite.hpp"
#include "mgcramp/render/citations.hpp"
#include "mgcramp/report/builders.hpp"
#include "options.hpp"
#include "support.hpp"

using namespace mgcramp;
using Catch::Contains;
using test::ds;
using test::usage_error;

namespace {

Citable study(const char* id) {
  const Study* s = ds().find_study(id);
  REQUIRE(s != nullptr);
  return {s, nullptr};
}

Citable source(const char* id) {
  const Source* s = ds().find_source(id);
  REQUIRE(s != nullptr);
  return {nullptr, s};
}

// A study made up to hold every character BibTeX and terminals care about.
Study awkward_study() {
  Study s;
  s.id = "smith-2001";
  s.first_author = "Smith AB";
  s.authors = "Smith AB, O'Neil C, World Health Organization, et al.";
  s.year = 2001;
  s.title = "Mg & Ca: 50% of {cases}_x ~ \\ \x1b[31mred\x1b[0m";
  s.journal = "J Tests";
  s.doi = "10.1000/{a}\\b";
  return s;
}

}  // namespace

TEST_CASE("cite formats: bibtex and ris, only for cite, not with --json") {
  using cli::parse_format;
  const std::optional<std::string> none;
  auto f = [](const char* s) { return std::optional<std::string>(s); };
  CHECK(parse_format(none, false, true) == Format::table);
  CHECK(parse_format(f("bibtex"), false, true) == Format::bibtex);
  CHECK(parse_format(f("BIB"), false, true) == Format::bibtex);
  CHECK(parse_format(f("ris"), false, true) == Format::ris);
  CHECK(parse_format(f("markdown"), false, true) == Format::md);
  CHECK_THAT(usage_error([&] { parse_format(f("ris"), true, true); }),
             Contains("--json conflicts with --format ris"));
  CHECK(parse_format(f("json"), true, true) == Format::json);
  CHECK_THAT(usage_error([&] { parse_format(f("endnote"), false, true); }),
             Contains("--format must be table, json, csv, md, bibtex or ris, got 'endnote'"));
  CHECK_THAT(usage_error([&] { parse_format(f("bibtex"), false, false); }),
             Contains("--format must be table, json, csv or md, got 'bibtex'"));
}

TEST_CASE("cite resolves studies and sources in order, once each") {
  const auto items = resolve_citables(ds(), {"sebo-2014", "art-clepon", "SEBO-2014"});
  REQUIRE(items.size() == 2);
  CHECK(items[0].id() == "sebo-2014");
  CHECK(items[0].study != nullptr);
  CHECK(items[1].id() == "art-clepon");
  CHECK(items[1].source != nullptr);
  const auto all = all_citables(ds());
  CHECK(all.size() == ds().studies.size() + ds().sources.size());
}

TEST_CASE("cite refuses unknown ids and other records") {
  CHECK_THAT(usage_error([] { resolve_citables(ds(), {"garison-2020"}); }),
             Contains("'garison-2020' is not a study, source or claim id, PMID or DOI; did you "
                      "mean 'garrison-2020'?"));
  CHECK_THAT(usage_error([] { resolve_citables(ds(), {"almonds-dry-roasted"}); }),
             Contains("is not a study, source or claim id"));
  CHECK(resolve_citables(ds(), {}).empty());
}

TEST_CASE("cite: a claim stands for its verdict's evidence, once each, in order") {
  const Claim* c = nullptr;
  for (const Claim& x : ds().claims)
    if (x.id == "claim-mg-prevents-night-cramps") c = &x;
  REQUIRE(c != nullptr);
  const auto items = resolve_citables(ds(), {c->id, c->verdict.evidence.front()});
  REQUIRE(items.size() == c->verdict.evidence.size());
  for (std::size_t i = 0; i < items.size(); ++i) CHECK(items[i].id() == c->verdict.evidence[i]);
  CHECK_FALSE(all_citable(ds(), {c->id}));
  CHECK(all_citable(ds(), {"garrison-2020", "art-healthline"}));
}

TEST_CASE("authors: people, organisations and et al.") {
  const AuthorList baaij = authors_of(study("de-baaij-2015"));
  REQUIRE(baaij.names.size() == 3);
  CHECK(baaij.names[0].family == "de Baaij");
  CHECK(baaij.names[0].initials == "JHF");
  CHECK_FALSE(baaij.others);

  const Study s = awkward_study();
  const AuthorList odd = authors_of({&s, nullptr});
  REQUIRE(odd.names.size() == 3);
  CHECK(odd.names[1].family == "O'Neil");
  CHECK(odd.names[2].family == "World Health Organization");
  CHECK(odd.names[2].initials.empty());
  CHECK(odd.others);

  Study first_only = s;
  first_only.authors.reset();
  const AuthorList one = authors_of({&first_only, nullptr});
  REQUIRE(one.names.size() == 1);
  CHECK(one.names[0].family == "Smith");
  CHECK(one.others);

  // A source without authors is authored by its publisher.
  const AuthorList ods = authors_of(source("nih-ods-magnesium"));
  REQUIRE(ods.names.size() == 1);
  CHECK(ods.names[0].family == "NIH Office of Dietary Supplements");
}

TEST_CASE("bibtex entry of a study") {
  CHECK(format_citations({study("roguin-maor-2017")}, Format::bibtex) ==
        "@article{roguin-maor-2017,\n"
        "  author = {Roguin Maor, N. and Alperin, M. and Shturman, E. and Khairaldeen, H. and "
        "Friedman, M. and Karkabi, K. and Milman, U.},\n"
        "  title = {{Effect of Magnesium Oxide Supplementation on Nocturnal Leg Cramps: A "
        "Randomized Clinical Trial}},\n"
        "  journal = {JAMA Internal Medicine},\n"
        "  year = {2017},\n"
        "  volume = {177},\n"
        "  number = {5},\n"
        "  pages = {617--623},\n"
        "  doi = {10.1001/jamainternmed.2016.9261},\n"
        "  pmid = {28241153}\n"
        "}\n");
}

TEST_CASE("bibtex escapes special characters and drops control characters") {
  const Study s = awkward_study();
  const std::string bib = format_citations({{&s, nullptr}}, Format::bibtex);
  CHECK_THAT(bib, Contains("author = {Smith, A. B. and O'Neil, C. and {World Health "
                           "Organization} and others}"));
  CHECK_THAT(bib, Contains("Mg \\& Ca: 50\\% of \\{cases\\}\\_x \\textasciitilde{} "
                           "\\textbackslash{}"));
  CHECK_THAT(bib, Contains("doi = {10.1000/ab}"));
  CHECK(bib.find('\x1b') == std::string::npos);
}

TEST_CASE("bibtex entry of a source marks its commercial interest") {
  const std::string bib = format_citations({source("art-cymbiotika")}, Format::bibtex);
  CHECK(bib.rfind("@misc{art-cymbiotika,\n  author = {{Cymbiotika}},\n", 0) == 0);
  CHECK_THAT(bib, Contains("  year = {2025},\n  date = {2025-07-31},\n"));
  CHECK_THAT(bib, Contains("howpublished = {\\url{https://cymbiotika.com/"));
  CHECK_THAT(bib, Contains("note = {Publisher sells magnesium products: "));
  // A source that sells nothing carries no such note.
  CHECK_THAT(format_citations({source("art-healthline")}, Format::bibtex),
             !Contains("sells magnesium"));
}

TEST_CASE("ris records: one per item, each ending in ER") {
  const std::string ris =
      format_citations({study("sebo-2014"), source("nih-ods-magnesium")}, Format::ris);
  CHECK(ris.rfind("TY  - JOUR\nID  - sebo-2014\nAU  - Sebo, P.\nAU  - Cerutti, B.\n", 0) == 0);
  CHECK_THAT(ris, Contains("\nSP  - 7\nEP  - 19\n"));
  CHECK_THAT(ris, Contains("\nDO  - 10.1093/fampra/cmt065\n"));
  CHECK_THAT(ris, Contains("\nAN  - PMID: 24280947\n"));
  CHECK_THAT(ris, Contains("ER  - \n\nTY  - ELEC\nID  - nih-ods-magnesium\n"));
  CHECK(ris.size() > 6);
  CHECK(ris.substr(ris.size() - 7) == "ER  - \n");
  const Study s = awkward_study();
  CHECK(format_citations({{&s, nullptr}}, Format::ris).find('\x1b') == std::string::npos);
}

TEST_CASE("reference text follows NLM style") {
  CHECK(reference_text(study("garrison-2020")) ==
        "Garrison SR, Korownyk CS, Kolber MR, Allan GM, Musini VM, Sekhon RK, et al. Magnesium "
        "for skeletal muscle cramps. Cochrane Database of Systematic Reviews. "
        "2020;(9):CD009402. doi:10.1002/14651858.CD009402.pub3. PMID: 32956536.");
  CHECK(reference_text(study("sebo-2014")).find("Sebo P, Cerutti B, Haller DM. Effect") == 0);
  CHECK_THAT(reference_text(source("art-clepon")),
             Contains("(Publisher sells magnesium products.)"));
}

TEST_CASE("the citations report has the fields scripts need") {
  const Report r = citations_report({study("sebo-2014"), source("art-clepon")});
  std::vector<std::string> keys;
  for (const auto& c : r.columns) keys.push_back(c.key);
  for (const char* k :
       {"id", "type", "reference", "author_names", "title", "journal", "publisher", "year",
        "volume", "issue", "pages", "pmid", "doi", "url", "accessed", "commercial_interest"}) {
    INFO(k);
    CHECK(std::find(keys.begin(), keys.end(), k) != keys.end());
  }
  REQUIRE(r.rows.size() == 2);
  const auto at = [&](std::size_t row, const char* k) {
    const auto i = std::find(keys.begin(), keys.end(), k) - keys.begin();
    return r.rows[row][static_cast<std::size_t>(i)].value;
  };
  CHECK(at(0, "year") == 2014);
  CHECK(at(0, "pmid") == "24280947");
  CHECK(at(1, "commercial_interest") == true);
  CHECK(at(1, "type") == "article");
}

TEST_CASE("names keep their diacritics in every citation format") {
  for (const Format f : {Format::bibtex, Format::ris}) {
    const std::string out =
        format_citations({study("nygaard-2008"), study("grober-2017"), study("araujo-2020")}, f);
    INFO(static_cast<int>(f));
    for (const char* name : {"Bøhmer", "Valbø", "Gröber", "Araújo", "Leão", "Tenório"}) {
      INFO(name);
      CHECK_THAT(out, Contains(name));
    }
    CHECK_THAT(out, Contains("Myth or Reality—Transdermal Magnesium?"));
  }
  CHECK_THAT(reference_text(study("garrison-2020")), Contains("Garrison SR"));
  const Study* g = ds().find_study("garrison-2020");
  REQUIRE(g != nullptr);
  CHECK_THAT(*g->authors, Contains("Dugré N"));
}

TEST_CASE("web sources carry their access date: urldate, Y2 and the reference text") {
  const std::string bib = format_citations({source("fda-ppi-2011")}, Format::bibtex);
  CHECK_THAT(bib, Contains("  urldate = {2026-12-02},\n"));
  const std::string ris = format_citations({source("fda-ppi-2011")}, Format::ris);
  CHECK_THAT(ris, Contains("\nY2  - 2026/12/02\n"));
  CHECK_THAT(reference_text(source("fda-ppi-2011")), Contains("(accessed 2026-12-02)"));
  // No access date, no urldate or Y2.
  CHECK_THAT(format_citations({source("art-clepon")}, Format::bibtex), !Contains("urldate"));
  CHECK_THAT(format_citations({source("art-clepon")}, Format::ris), !Contains("Y2  -"));
}
