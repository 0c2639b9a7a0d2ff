// The reports of the food database: what an import wrote.
#include <cmath>

#include <fmt/format.h>

#include "mgcramp/fooddb/import.hpp"
#include "mgcramp/report/builders.hpp"
#include "mgcramp/text.hpp"

namespace mgcramp {

namespace {

// 1234567 as "1,234,567".
std::string thousands(long long n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

}  // namespace

Report import_report(const fooddb::ImportResult& res, const fooddb::ImportOptions& o) {
  using fooddb::DataType;
  Report r;
  const fooddb::Info& in = res.info;
  r.title = fmt::format("Imported {} foods of USDA FoodData Central (release {}) into {}",
                        thousands(in.foods), in.release, res.out);
  r.query.add("dir", o.dir);
  r.query.add("out", o.out);
  r.query.add("skip_bad_rows", o.skip_bad_rows);
  r.columns = {{"data_type", "Data type"},
               {"usda_name", "", Align::left, false},
               {"foods", "Foods", Align::right}};
  for (std::size_t i = 0; i < res.by_type.size(); ++i) {
    const auto t = static_cast<DataType>(i);
    r.add_cells(t, fooddb::usda_name(t), Cell{res.by_type[i], thousands(res.by_type[i])});
  }
  Value::List files;
  for (const auto& f : res.files) {
    files.push_back(Value::Object{
        {"file", f.file}, {"present", f.present}, {"rows", f.present ? Value(f.rows) : Value()}});
  }
  Value::List bad;
  for (const auto& b : res.bad_examples) bad.emplace_back(b);
  r.summary = Value::Object{{"out", res.out},
                            {"release", in.release},
                            {"release_from", in.release_from},
                            {"imported_at", in.imported_at},
                            {"source", in.source},
                            {"schema_version", fooddb::kSchemaVersion},
                            {"foods", in.foods},
                            {"with_magnesium", res.with_magnesium},
                            {"with_energy", res.with_energy},
                            {"with_serving", res.with_serving},
                            {"portions", res.portions},
                            {"skipped_other_types", res.skipped_other_types},
                            {"bad_rows_skipped", res.bad_rows},
                            {"bad_rows", std::move(bad)},
                            {"files", std::move(files)},
                            {"seconds", std::round(res.seconds * 100.0) / 100.0}};
  r.note(
      fmt::format("{} with magnesium, {} with energy, {} with a serving (a household portion "
                  "with its weight, or a branded food's label serving); {} household "
                  "portions.",
                  thousands(res.with_magnesium), thousands(res.with_energy),
                  thousands(res.with_serving), thousands(res.portions)));
  r.note(fmt::format("Release {} (from the {}); read from {} in {:.1f} s.", in.release,
                     in.release_from, in.source, res.seconds));
  std::vector<std::string> missing;
  for (const auto& f : res.files) {
    if (!f.present) missing.push_back(f.file);
  }
  if (!missing.empty()) {
    r.note(fmt::format("Not in the download (optional): {}.", text::join_comma(missing)));
  }
  if (res.skipped_other_types > 0) {
    r.note(
        fmt::format("{} record{} of other data types (samples, sub-samples, acquisitions, "
                    "experimental foods) skipped.",
                    thousands(res.skipped_other_types), res.skipped_other_types == 1 ? "" : "s"));
  }
  if (res.bad_rows > 0) {
    r.notice("bad-rows-skipped", NoticeLevel::caution,
             fmt::format("{} bad row{} skipped (--skip-bad-rows); the first: {}",
                         thousands(res.bad_rows), res.bad_rows == 1 ? "" : "s",
                         res.bad_examples.empty() ? "" : res.bad_examples.front()));
  }
  r.note("Ask it: mgcramp foods --per 100kcal --top 10, mgcramp foods --search tofu.");
  return r;
}

}  // namespace mgcramp
