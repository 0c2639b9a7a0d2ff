#pragma once
// The food database seen through the dataset's records: a database food is
// a Food record (id "fdc-<fdc_id>") citing a Source record for its data type
// and release, so that `foods`, `intake`, `assess`, `search` and `show` lay
// it out as they do the curated foods. A curated food and its SR Legacy
// counterpart (the same NDB number) are one food: the curated record, whose
// figures, notes and sources win.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mgcramp/fooddb/store.hpp"
#include "mgcramp/model/records.hpp"
#include "mgcramp/query/foods.hpp"

namespace mgcramp::fooddb {

// "fdc-170556".
std::string food_id(long long fdc_id);
// The fdc_id in "fdc-170556" or "170556"; nullopt for anything else.
std::optional<long long> fdc_id_of(std::string_view id);
// "usda-fdc-sr-legacy": the source a data type's foods cite.
std::string source_id(DataType t);
Source source_record(DataType t, const Info& info);

// The curated food that an SR Legacy food is the counterpart of (the same
// NDB number), or null.
const Food* curated_counterpart(const Dataset& ds, const DbFood& f);

// A database food as a record. Its serving is USDA's first household
// portion with a weight, or a branded food's label serving, else 100 g (or
// 100 ml); branded figures per serving are rounded as labels are (whole mg,
// kcal to 5 or 10). `portions` go into its note (show).
Food as_food(const DbFood& f, const Info& info, const std::vector<Portion>& portions = {});

// Where the foods of a ranking come from.
enum class FoodOrigin : std::uint8_t { curated, sr_legacy, foundation, survey, branded };

}  // namespace mgcramp::fooddb

namespace mgcramp {
MGCRAMP_ENUM_NAMES(fooddb::FoodOrigin, "data type", fooddb::FoodOrigin::branded, "curated",
                   "sr-legacy", "foundation", "survey", "branded");
}  // namespace mgcramp

namespace mgcramp::fooddb {

// `foods` with a database: the curated foods' query plus what only the
// database has.
struct FoodsQuery {
  FoodQuery base;  // top, basis, category (mgcramp's), search
  std::optional<FoodOrigin> origin;
  std::optional<std::string> usda_category;  // a part of USDA's category (database foods only)
};

// A --category as the query takes it: one of mgcramp's categories (any
// case), or, with a database, a part of USDA's. False when it is neither,
// for the caller to say what the values are.
bool set_category(FoodsQuery& q, const std::string& category, bool have_db);

// UsageError when the query's data type needs a database and there is none
// (only curated and SR Legacy foods are without one); `option` names it.
void check_origin(const FoodsQuery& q, const std::string& option, bool have_db);

// What a ranking took from the database: its foods as records (for the
// dataset the answer is laid out from), the sources they cite, and per
// food id the database row behind it (a curated food's SR Legacy
// counterpart too).
struct DbRows {
  Info info;
  std::vector<Food> foods;
  std::vector<Source> sources;
  std::map<std::string, DbFood> rows;
  long long low_energy = 0;  // foods left out of a per-100 kcal ranking
  bool used = false;         // a database was asked
};

// The database's best foods for `q` (at most q.base.top), leaving out the
// SR Legacy foods that curated foods stand for.
DbRows foods_from_db(const Dataset& ds, Store& db, const FoodsQuery& q);

// The ranking of `ds` (the dataset with rows.foods added): the curated
// foods filtered by q, the database's as foods_from_db chose them.
std::vector<RankedFood> rank_with_db(const Dataset& ds, const FoodsQuery& q);

// A food as `intake --food` and `assess --food` name it: a curated food
// (its name unchanged), or with a database "fdc-ID", "ID" or a description
// that finds one food, whose record is added to `into`. Returns the id or
// name to look the food up by. UsageError for an unknown id, and for a
// description that matches several foods (naming a few, with their ids).
std::string resolve_with_db(const Dataset& ds, Store& db, const std::string& name, DbRows& into);

}  // namespace mgcramp::fooddb
