// Facts about the shipped dataset, data/mgcramp.json as the build embeds it:
// which records it holds. The loader's rules are tested in tests/unit on a
// fixture; when a check here fails, the data changed, not the code.
#include <catch2/catch.hpp>

#include "mgcramp/io/embedded.hpp"
#include "mgcramp/io/load.hpp"
#include "mgcramp/model/tables.hpp"
#include "mgcramp/query/foods.hpp"
#include "mgcramp/query/supplements.hpp"
#include "mgcramp/query/trials.hpp"

#include <algorithm>
#include <cmath>
#include <set>

using namespace mgcramp;
using Catch::Contains;

namespace {
const Dataset& ds() {
  return embedded_dataset();
}
TrialQuery pregnancy_trials() {
  TrialQuery q;
  q.population = Population::pregnancy;
  return q;
}
std::set<std::string> ids(const std::vector<const Study*>& v) {
  std::set<std::string> out;
  for (const Study* s : v) out.insert(s->id);
  return out;
}
}  // namespace

TEST_CASE("every table of the shipped dataset has records") {
  // The loader lets the context tables be empty; the shipped data fills them all.
  for (const auto& t : table_counts(embedded_dataset())) {
    INFO(t.table);
    CHECK(t.records > 0);
  }
}

TEST_CASE("the shipped dataset says when its evidence was reviewed, not before a source was read") {
  const Dataset& d = embedded_dataset();
  REQUIRE(d.reviewed);
  REQUIRE(d.data_version);
  for (const Source& s : d.sources) {
    INFO(s.id);
    if (s.accessed) CHECK(*s.accessed <= *d.reviewed);
  }
}

TEST_CASE("the studies the articles cite are present with PubMed identifiers") {
  struct Known {
    const char* id;
    const char* pmid;
  };
  // PMIDs confirmed against PubMed records (see each study's notes).
  for (const Known& k : {Known{"roguin-maor-2017", "28241153"}, Known{"sebo-2014", "24280947"},
                         Known{"roffe-2002", "12011773"}, Known{"frusso-1999", "10907623"},
                         Known{"katzberg-2010", "20177124"}, Known{"dahle-1995", "7631676"},
                         Known{"supakatisant-2015", "22909270"}, Known{"araujo-2020", "31923242"},
                         Known{"liu-2021", "34247796"}, Known{"hallegraeff-2012", "22341378"},
                         Known{"firoz-2001", "11794633"}}) {
    INFO(k.id);
    const Study* s = ds().find_study(k.id);
    REQUIRE(s != nullptr);
    CHECK(s->pmid == std::optional<std::string>(k.pmid));
  }
  for (const char* id :
       {"garrison-2020", "garrison-2012", "barna-2021", "nygaard-2008", "delacour-2018"}) {
    INFO(id);
    CHECK(ds().find_study(id) != nullptr);
  }
}

TEST_CASE("trials --population pregnancy gives exactly the four pregnancy trials") {
  CHECK(ids(find_trials(ds(), pregnancy_trials())) ==
        std::set<std::string>{"dahle-1995", "nygaard-2008", "supakatisant-2015", "araujo-2020"});
}

TEST_CASE("claims: at least 25 most with two or more stances every verdict citing evidence") {
  CHECK(ds().claims.size() >= 25);
  std::size_t multi = 0;
  std::size_t with_study = 0;
  for (const Claim& c : ds().claims) {
    INFO(c.id);
    if (c.stances.size() >= 2) ++multi;
    if (std::any_of(c.verdict.evidence.begin(), c.verdict.evidence.end(),
                    [](const std::string& id) { return ds().find_study(id) != nullptr; })) {
      ++with_study;
    }
  }
  CHECK(multi * 2 > ds().claims.size());
  // Claims about reference values (RDA, UL, deficiency signs) rest on the
  // NIH/IOM tables rather than a study; the rest cite studies.
  CHECK(with_study * 3 >= ds().claims.size() * 2);
}

TEST_CASE("the articles are sources with their commercial interest") {
  for (const char* id : {"art-why-not-natural", "art-cymbiotika", "art-clepon", "art-healthline",
                         "art-bisglycinate-blog"}) {
    INFO(id);
    const Source* s = ds().find_source(id);
    REQUIRE(s != nullptr);
    CHECK(s->kind == SourceKind::article);
  }
  CHECK(ds().find_source("art-why-not-natural")->commercial_interest);
  CHECK(ds().find_source("art-cymbiotika")->commercial_interest);
  CHECK_FALSE(ds().find_source("art-healthline")->commercial_interest);
}

TEST_CASE("the NIH food table is present and disagreements are explained") {
  const auto nih = std::count_if(ds().foods.begin(), ds().foods.end(),
                                 [](const Food& f) { return f.nih_mg_per_serving.has_value(); });
  CHECK(nih >= 30);
  for (const Food& f : ds().foods) {
    if (f.nih_mg_per_serving && std::fabs(*f.nih_mg_per_serving - f.mg_per_serving) > 0.5) {
      INFO(f.id);
      CHECK(f.note.has_value());
    }
  }
  for (const char* seed :
       {"kale", "quinoa", "lentils", "mackerel", "brown rice", "dark chocolate"}) {
    INFO(seed);
    CHECK_NOTHROW(resolve_food(ds(), seed));
  }
}

TEST_CASE("every required supplement form is present") {
  for (const char* id :
       {"oxide", "citrate", "glycinate", "chloride", "lactate", "sulfate", "malate", "carbonate",
        "hydroxide", "aspartate", "taurate", "l-threonate", "gluconate", "orotate"}) {
    INFO(id);
    CHECK(ds().find_form(id) != nullptr);
  }
  CHECK(resolve_form(ds(), "bisglycinate").id == "glycinate");
  CHECK(resolve_form(ds(), "Magnesium citrate").id == "citrate");
  CHECK_THROWS_WITH(resolve_form(ds(), "citrat3"), Contains("did you mean 'citrate'"));
}

namespace {
const Claim& claim(const std::string& id) {
  const auto it = std::find_if(ds().claims.begin(), ds().claims.end(),
                               [&](const Claim& c) { return c.id == id; });
  REQUIRE(it != ds().claims.end());
  return *it;
}
bool cites(const Claim& c, const std::string& id) {
  return std::find(c.verdict.evidence.begin(), c.verdict.evidence.end(), id) !=
         c.verdict.evidence.end();
}
}  // namespace

TEST_CASE("verdicts follow the rating definitions of data/SCHEMA.md") {
  // Pregnancy: very low certainty, no pooled estimate, no significant effect.
  CHECK(claim("claim-mg-helps-pregnancy-cramps").verdict.rating == Rating::insufficient);
  // Stretching: low-certainty evidence in the Cochrane review, which is cited.
  const Claim& stretch = claim("claim-stretching-before-bed-prevents-night-cramps");
  CHECK(stretch.verdict.rating == Rating::insufficient);
  CHECK(cites(stretch, "hawke-2021"));
  const Study* hawke = ds().find_study("hawke-2021");
  REQUIRE(hawke != nullptr);
  CHECK(hawke->pmid == std::optional<std::string>("33998664"));
  CHECK(hawke->doi == std::optional<std::string>("10.1002/14651858.CD008496.pub3"));
  // No effect is not the opposite effect.
  CHECK(claim("claim-mg-prevents-night-cramps").verdict.rating == Rating::not_supported);
  // "Deficiency can cause cramps" agrees with the causes table, which has it
  // as an established (if uncommon) cause.
  CHECK(claim("claim-deficiency-causes-cramps").verdict.rating == Rating::supported);
  CHECK(std::any_of(ds().causes.begin(), ds().causes.end(),
                    [](const Cause& c) { return c.id == "cause-magnesium-deficiency"; }));
}

TEST_CASE("web sources have https URLs, and those read for this release an access date") {
  for (const Source& s : ds().sources) {
    INFO(s.id);
    if (s.url) CHECK(s.url->rfind("https://", 0) == 0);
    if (s.accessed) CHECK(s.url.has_value());
  }
  for (const char* id :
       {"fda-quinine-2010", "fda-ppi-2011", "usda-sr-legacy", "nice-cks-leg-cramps"}) {
    INFO(id);
    const Source* s = ds().find_source(id);
    REQUIRE(s != nullptr);
    CHECK(s->url.has_value());
    CHECK(s->accessed.has_value());
  }
  // The eCFR page for 21 CFR 101.9 has a URL; art-clepon's article URL was not found.
  CHECK(ds().find_source("fda-daily-values")->url.has_value());
  CHECK_FALSE(ds().find_source("art-clepon")->url.has_value());
}

TEST_CASE("authors keep the diacritics of their published names") {
  const auto authors = [](const char* id) { return ds().find_study(id)->authors.value_or(""); };
  CHECK_THAT(authors("garrison-2020"), Contains("Dugré N"));
  CHECK_THAT(authors("nygaard-2008"), Contains("Valbø A, Pethick SV, Bøhmer T"));
  CHECK_THAT(authors("grober-2017"), Contains("Gröber U"));
  CHECK_THAT(authors("araujo-2020"), Contains("Araújo CAL, Lorena SB, Cavalcanti GCS, Leão GLS"));
  CHECK_THAT(authors("araujo-2020"), Contains("Tenório GP"));
  CHECK_THAT(authors("frusso-1999"), Contains("Zárate M"));
}

namespace {
const Medicine& medicine(const std::string& id) {
  const auto it = std::find_if(ds().medicines.begin(), ds().medicines.end(),
                               [&](const Medicine& m) { return m.id == id; });
  REQUIRE(it != ds().medicines.end());
  return *it;
}
}  // namespace

TEST_CASE("the medicines a pharmacist expects are confirmed and linked to their interactions") {
  struct Known {
    const char* id;
    MedicineEffect effect;
    const char* interaction;
  };
  for (const Known& k :
       {Known{"med-levothyroxine", MedicineEffect::absorption, "ix-levothyroxine"},
        Known{"med-dolutegravir", MedicineEffect::absorption, "ix-integrase-inhibitors"},
        Known{"med-raltegravir", MedicineEffect::absorption, "ix-integrase-inhibitors"},
        Known{"med-bictegravir", MedicineEffect::absorption, "ix-integrase-inhibitors"},
        Known{"med-gabapentin", MedicineEffect::absorption, "ix-gabapentin"},
        Known{"med-cisplatin", MedicineEffect::lowers_magnesium, "ix-platinum-chemotherapy"},
        Known{"med-gentamicin", MedicineEffect::lowers_magnesium, "ix-aminoglycosides"},
        Known{"med-tacrolimus", MedicineEffect::lowers_magnesium, "ix-calcineurin-inhibitors"},
        Known{"med-ciclosporin", MedicineEffect::lowers_magnesium, "ix-calcineurin-inhibitors"},
        Known{"med-digoxin", MedicineEffect::lowers_magnesium, "ix-digoxin"}}) {
    INFO(k.id);
    const Medicine& m = medicine(k.id);
    CHECK(m.effect == k.effect);
    CHECK(m.interaction == std::optional<std::string>(k.interaction));
  }
  // Every interaction record names example drugs; every medicine that is
  // said to cause cramps says what its sources found.
  for (const Interaction& i : ds().interactions) {
    INFO(i.id);
    CHECK_FALSE(i.examples.empty());
  }
  for (const Medicine& m : ds().medicines) {
    INFO(m.id);
    if (m.causes_cramps == true) CHECK(m.cramps_evidence.has_value());
    if (m.effect == MedicineEffect::unconfirmed)
      CHECK_THAT(m.note.value_or(""), Contains("not evidence of no interaction"));
  }
  for (const char* id :
       {"med-atorvastatin", "med-simvastatin", "med-salbutamol", "med-nifedipine", "med-raloxifene",
        "med-teriparatide", "med-conjugated-estrogens", "med-naproxen", "med-iron-sucrose"}) {
    INFO(id);
    CHECK(medicine(id).causes_cramps == std::optional<bool>(true));
  }
}

TEST_CASE("conditions whose effect on magnesium the sources do not establish say so") {
  for (const char* id :
       {"cond-heart-failure", "cond-cirrhosis", "cond-peripheral-artery-disease"}) {
    INFO(id);
    const auto it = std::find_if(ds().conditions.begin(), ds().conditions.end(),
                                 [&](const MedicalCondition& c) { return c.id == id; });
    REQUIRE(it != ds().conditions.end());
    CHECK_FALSE(it->lowers_magnesium.has_value());
    CHECK_THAT(it->evidence, Contains("do not establish"));
  }
}
