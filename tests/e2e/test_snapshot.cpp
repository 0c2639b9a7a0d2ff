// The embedded dataset is a build-time snapshot of data/mgcramp.json: every
// command must answer exactly as it does from the JSON file itself.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "expect.hpp"

namespace {

void expect_same_as_json_file(const std::vector<std::string>& args) {
  std::vector<std::string> from_file = {"--data", MGCRAMP_DATA_FILE};
  from_file.insert(from_file.end(), args.begin(), args.end());
  RunOptions no_env;
  no_env.env["MGCRAMP_DATA"] = std::nullopt;
  const Result embedded = expect_ok(args, no_env);
  const Result file = expect_ok(from_file, no_env);
  CHECK_FALSE(embedded.out.empty());
  CHECK(embedded.out == file.out);
}

}  // namespace

TEST_CASE("the embedded dataset answers exactly like data/mgcramp.json") {
  const std::vector<std::vector<std::string>> queries = {
      {"trials", "--design", "all", "--all", "--json"},
      {"trials", "--design", "all", "--all", "--plot"},
      {"claims", "--json"},
      {"claims"},
      {"sources", "--json"},
      {"sources", "nih-ods-magnesium", "--json"},
      {"sources", "art-healthline", "--json"},
      {"claims", "--source", "art-clepon", "--format", "md"},
      {"sources"},
      {"foods", "--top", "1000", "--json"},
      {"foods", "--per", "100kcal", "--top", "1000", "--age", "40", "--sex", "f", "--json"},
      {"forms", "--json"},
      {"rda", "--json"},
      {"rda", "--age", "25", "--sex", "f", "--pregnant"},
      {"dose", "--form", "citrate", "--compound-mg", "500", "--age", "40", "--sex", "f"},
      {"intake", "--food", "almonds:2", "--supplement", "citrate:500", "--age", "40", "--sex", "f",
       "--json"},
      {"causes", "--json"},
      {"remedies", "--json"},
      {"symptoms", "--json"},
      {"interactions", "--json"},
      {"search", "magnesium", "--limit", "50", "--json"},
      {"cite", "--all", "--json"},
      {"cite", "--all", "--format", "bibtex"},
      {"cite", "--all", "--format", "ris"},
  };
  for (const auto& q : queries) {
    INFO(nlohmann::json(q).dump());
    expect_same_as_json_file(q);
  }
}

TEST_CASE("each form in full is the same from the embedded dataset") {
  RunOptions no_env;
  no_env.env["MGCRAMP_DATA"] = std::nullopt;
  const auto forms = results_of(expect_ok({"forms", "--json"}, no_env).out);
  REQUIRE(forms.size() > 10);
  for (const auto& f : forms) {
    const std::string id = f.at("id").get<std::string>();
    INFO(id);
    expect_same_as_json_file({"forms", id, "--json"});
  }
}

TEST_CASE("validate names the embedded dataset") {
  RunOptions no_env;
  no_env.env["MGCRAMP_DATA"] = std::nullopt;
  const Result r = expect_ok({"validate"}, no_env);
  CHECK(r.out.rfind("<embedded>/data/mgcramp.json: valid (schema version 1; dataset ", 0) == 0);
}

TEST_CASE("show prints the same record from the embedded dataset, in every table") {
  RunOptions no_env;
  no_env.env["MGCRAMP_DATA"] = std::nullopt;
  // Every study, source and claim, and the first and last record of the other tables.
  std::vector<std::string> ids;
  for (const auto& c : results_of(expect_ok({"cite", "--all", "--json"}, no_env).out)) {
    ids.push_back(c.at("id").get<std::string>());
  }
  for (const char* table :
       {"claims", "foods", "forms", "causes", "remedies", "symptoms", "interactions"}) {
    const auto all = results_of(expect_ok({table, "--json"}, no_env).out);
    REQUIRE_FALSE(all.empty());
    ids.push_back(all.front().at("id").get<std::string>());
    ids.push_back(all.back().at("id").get<std::string>());
  }
  ids.emplace_back("females-19-30y");
  ids.emplace_back("kidney-disease");
  for (const auto& id : ids) {
    INFO(id);
    expect_same_as_json_file({"show", id, "--json"});
  }
}
