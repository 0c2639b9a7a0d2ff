// The descriptions of the records (model/schema.hpp) against what documents
// them (data/SCHEMA.md): the same fields in the same order, the same names
// for every enumerated value; and what the descriptions promise the code.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include "mgcramp/model/leaves.hpp"
#include "mgcramp/model/schema.hpp"

using namespace mgcramp;
using schema::Field;

namespace {

template <class T>
struct enum_of {
  using type = T;
};
template <class T>
struct enum_of<std::optional<T>> {
  using type = T;
};

struct Described {
  std::string key;
  std::vector<std::string> names;  // an enumerated field's value names
};

template <class R>
std::vector<Described> described() {
  std::vector<Described> out;
  R r{};
  schema::describe(r, [&](const Field& f, const auto& v) {
    using E = typename enum_of<std::decay_t<decltype(v)>>::type;
    Described d{std::string(f.key), {}};
    if constexpr (std::is_enum_v<E>) d.names = enum_names<E>();
    out.push_back(std::move(d));
  });
  return out;
}

// The backticked words of `s`, in order.
std::vector<std::string> ticked(const std::string& s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while ((i = s.find('`', i)) != std::string::npos) {
    const std::size_t j = s.find('`', i + 1);
    if (j == std::string::npos) break;
    out.push_back(s.substr(i + 1, j - i - 1));
    i = j + 1;
  }
  return out;
}

struct Row {
  std::string key;
  std::string type;
};

// SCHEMA.md's field tables, by section heading ("Study", "Effect").
std::map<std::string, std::vector<Row>> schema_tables() {
  std::ifstream in(MGCRAMP_SCHEMA_MD);
  REQUIRE(in);
  std::map<std::string, std::vector<Row>> out;
  std::string section, line;
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0 || line.rfind("### ", 0) == 0) {
      section = line.substr(line.find(' ') + 1);
      continue;
    }
    if (line.rfind("| `", 0) != 0) continue;
    std::vector<std::string> cells;
    std::stringstream cols(line.substr(1));
    for (std::string c; std::getline(cols, c, '|');) cells.push_back(c);
    REQUIRE(cells.size() >= 2);
    const auto keys = ticked(cells[0]);
    REQUIRE(keys.size() == 1);
    out[section].push_back({keys[0], cells[1]});
  }
  return out;
}

template <class R>
void check_section(const std::map<std::string, std::vector<Row>>& tables, const char* section) {
  INFO("SCHEMA.md section " << section);
  const auto it = tables.find(section);
  REQUIRE(it != tables.end());
  const auto want = described<R>();
  const auto& rows = it->second;
  std::vector<std::string> doc_keys, keys;
  for (const auto& r : rows) doc_keys.push_back(r.key);
  for (const auto& d : want) keys.push_back(d.key);
  CHECK(doc_keys == keys);
  for (std::size_t i = 0; i < want.size() && i < rows.size(); ++i) {
    if (want[i].names.empty()) continue;
    INFO(want[i].key);
    CHECK(ticked(rows[i].type) == want[i].names);
  }
}

}  // namespace

TEST_CASE("data/SCHEMA.md documents exactly the fields and values the descriptions have") {
  const auto tables = schema_tables();
  check_section<Dataset>(tables, "Dataset");
  check_section<Source>(tables, "Source");
  check_section<Notice>(tables, "Notice");
  check_section<Intake>(tables, "Intake");
  check_section<DailyValue>(tables, "DailyValue");
  check_section<AtomicMasses>(tables, "AtomicMasses");
  check_section<Food>(tables, "Food");
  check_section<Form>(tables, "Form");
  check_section<Hydrate>(tables, "Hydrate");
  check_section<Form::Absorption>(tables, "Absorption");
  check_section<ArticleView>(tables, "ArticleView");
  check_section<Study>(tables, "Study");
  check_section<Intervention>(tables, "Intervention");
  check_section<Study::Result>(tables, "Result");
  check_section<StudyArm>(tables, "StudyArm");
  check_section<Outcome>(tables, "Outcome");
  check_section<Outcome::Arms>(tables, "Arms");
  check_section<ArmResult>(tables, "ArmResult");
  check_section<Discrepancy>(tables, "Discrepancy");
  check_section<Claim>(tables, "Claim");
  check_section<Stance>(tables, "Stance");
  check_section<Claim::Verdict>(tables, "Verdict");
  check_section<Cause>(tables, "Cause");
  check_section<Remedy>(tables, "Remedy");
  check_section<Symptom>(tables, "Symptom");
  check_section<Interaction>(tables, "Interaction");
  check_section<Medicine>(tables, "Medicine");
  check_section<MedicalCondition>(tables, "MedicalCondition");
  check_section<RedFlag>(tables, "RedFlag");
  check_section<Cue>(tables, "Cue");
  // No section documents a type the test does not know.
  CHECK(tables.size() == 30);
}

TEST_CASE("every record's id comes first and every record but a source cites sources") {
  auto check = [](auto record) {
    using R = decltype(record);
    const auto fields = described<R>();
    INFO(name_of(R::table));
    REQUIRE_FALSE(fields.empty());
    CHECK(fields.front().key == "id");
    bool cites = false;
    schema::describe(record, [&](const Field& f, const auto&) {
      cites = cites || (f.key == "sources" && f.ref == schema::RefTo::citable && f.non_empty);
    });
    // Claims cite through their verdict's evidence; sources are what is cited.
    if constexpr (!std::is_same_v<R, Claim> && !std::is_same_v<R, Source>) CHECK(cites);
  };
  check(Source{});
  check(Notice{});
  check(Intake{});
  check(Food{});
  check(Form{});
  check(Study{});
  check(Claim{});
  check(Cause{});
  check(Remedy{});
  check(Symptom{});
  check(Interaction{});
  check(Medicine{});
  check(MedicalCondition{});
  check(RedFlag{});
}

TEST_CASE("labels come from the key unless a field names its own") {
  CHECK(schema::label_of(Field("usda_mg_per_100g")) == "USDA mg per 100g");
  CHECK(schema::label_of(Field("n_randomized")) == "N randomized");
  CHECK(schema::label_of(Field("pmid")) == "PMID");
  CHECK(schema::label_of(Field("x").label_as("Why")) == "Why");
}

TEST_CASE("the leaves of a record are its values, nested objects entered") {
  Claim c;
  c.id = "c";
  c.cues = {"c + d"};
  c.stances = {{"a", StanceKind::supports, "Intro"}, {"b", StanceKind::opposes, "End"}};
  c.verdict.evidence = {"s1"};
  std::vector<std::string> paths;
  schema::for_each_leaf(
      c, [&](const schema::Path& p, const Field&, const auto&) { paths.push_back(p.str()); });
  CHECK(paths == std::vector<std::string>{"id", "topic", "text", "cues", "implies", "denies",
                                          "stances.source", "stances.stance", "stances.locator",
                                          "stances.source", "stances.stance", "stances.locator",
                                          "verdict.rating", "verdict.summary", "verdict.evidence"});
}

TEST_CASE("enumerated values round-trip through their names") {
  CHECK(name_of(Design::crossover_rct) == "crossover-rct");
  CHECK(enum_from<Design>("n-of-1-rct") == Design::n_of_1_rct);
  CHECK_FALSE(enum_from<Design>("RCT").has_value());
  CHECK(enum_count<Rating>() == 6);
  for (std::size_t i = 0; i < enum_count<ClaimTopic>(); ++i) {
    const auto t = static_cast<ClaimTopic>(i);
    CHECK(enum_from<ClaimTopic>(name_of(t)) == t);
  }
}
