// The food database's core: the importer, the store's queries, and the
// records the other commands see its foods as.
#include <dirent.h>

#include <algorithm>

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "../e2e/fdc_fixture.hpp"
#include "mgcramp/fooddb/import.hpp"
#include "mgcramp/fooddb/store.hpp"
#include "mgcramp/fooddb/view.hpp"
#include "support.hpp"

using namespace mgcramp;
using namespace mgcramp::fooddb;

namespace {

ImportResult import_into(const std::string& out, const fdc::Files& files = fdc::base()) {
  ImportOptions o;
  o.dir = fdc::folder(files);
  o.out = out;
  o.program_version = "test";
  return import_fdc(o);
}

const std::string& db_path() {
  static const std::string path = [] {
    const std::string out = fdc::scratch() + "/foods.sqlite";
    import_into(out);
    return out;
  }();
  return path;
}

std::size_t entries(const std::string& dir) {
  std::size_t n = 0;
  if (DIR* d = ::opendir(dir.c_str())) {
    while (const dirent* e = ::readdir(d)) n += e->d_name[0] != '.' || e->d_name[1] > '.' ? 1 : 0;
    ::closedir(d);
  }
  return n;
}

}  // namespace

TEST_CASE("fooddb: the importer counts what it wrote and what it skipped") {
  const std::string out = fdc::scratch() + "/foods.sqlite";
  const ImportResult r = import_into(out);
  CHECK(r.info.foods == 9);
  CHECK(r.by_type == std::array<long long, 4>{5, 1, 1, 2});
  CHECK(r.with_magnesium == 8);
  CHECK(r.with_energy == 8);
  CHECK(r.with_serving == 6);
  CHECK(r.portions == 6);
  CHECK(r.skipped_other_types == 1);
  CHECK(r.bad_rows == 0);
  CHECK(r.info.release == "2024-10-31");
  CHECK(r.info.release_from == "folder name");
  CHECK(r.out == out);
  for (const auto& f : r.files) {
    INFO(f.file);
    CHECK(f.present);
  }
}

TEST_CASE("fooddb: a progress callback that throws stops the import and leaves no file") {
  const std::string dir = fdc::scratch();
  ImportOptions o;
  o.dir = fdc::folder([] {
    fdc::Files f = fdc::base();
    // Portions of a food not imported, read while the new database is open.
    for (int i = 0; i < 10000; ++i) {
      f["food_portion.csv"] +=
          "\"9\",\"8888888\",\"1\",\"1\",\"1002\",\"\",\"\",\"15\",\"\",\"\",\"\"\n";
    }
    return f;
  }());
  o.out = dir + "/foods.sqlite";
  int calls = 0;
  bool saw_file = false;
  o.progress = [&](const ImportProgress& p) {
    CHECK(p.total > 0);
    CHECK(p.done <= p.total);
    saw_file = saw_file || entries(dir) == 1;  // the new database, beside where it goes
    if (++calls == 2) throw DataError("stop", "");
  };
  CHECK_THROWS_WITH(import_fdc(o), "stop");
  CHECK(saw_file);
  CHECK(entries(dir) == 0);
}

TEST_CASE("fooddb: the store ranks, filters, finds and searches") {
  Store s(db_path());
  CHECK(s.info().foods == 9);
  CHECK(s.info().program_version == "test");
  const auto by_100g = s.rank(Basis::per_100g, {}, 3);
  REQUIRE(by_100g.size() == 3);
  CHECK(by_100g[0].fdc_id == 170556);   // 550 mg
  CHECK(by_100g[1].fdc_id == 1000002);  // 228
  CHECK(by_100g[2].fdc_id == 300002);   // 121, no energy: still per 100 g
  DbFilter curated_stand_ins;
  curated_stand_ins.exclude_sr_ndb = {12016};
  CHECK(s.rank(Basis::per_100g, curated_stand_ins, 1).at(0).fdc_id == 1000002);
  const auto per_kcal = s.rank(Basis::per_100kcal, {}, 20);
  for (const auto& f : per_kcal) {
    CHECK(f.fdc_id != 173647);  // 0 kcal
    CHECK(f.fdc_id != 300002);  // no energy
  }
  CHECK(s.count_low_energy({}) == 1);
  DbFilter foundation;
  foundation.data_type = DataType::foundation;
  CHECK(s.rank(Basis::serving, foundation, 10).size() == 1);
  DbFilter legumes;
  legumes.group = FoodCategory::legumes;
  CHECK(s.rank(Basis::per_100g, legumes, 10).size() == 2);
  DbFilter words;
  words.search = "calcium sulf";
  const auto tofu = s.rank(Basis::serving, words, 10);
  REQUIRE(tofu.size() == 1);
  CHECK(tofu[0].serving == std::optional<std::string>("0.5 cup"));
  DbFilter like;
  like.category = "100%_";  // LIKE's wildcards are the user's characters
  CHECK(s.rank(Basis::per_100g, like, 10).empty());
  const auto milk = s.find(1000001);
  REQUIRE(milk);
  CHECK(milk->per_ml);
  CHECK(milk->brand_owner == std::optional<std::string>("Blue Valley Farms"));
  CHECK_FALSE(s.find(42));
  CHECK(s.find_sr_ndb({12016, 16427}).size() == 2);
  CHECK(s.search("valley", 5).at(0).fdc_id == 1000001);
  CHECK(s.search("", 5).empty());
  const auto portions = s.portions(170556);
  REQUIRE(portions.size() == 2);
  CHECK(portions[0].description == "1 oz");  // by seq_num, not file order
  CHECK(portions[1].description == "1 cup");
}

TEST_CASE("fooddb: database foods as records, branded figures rounded as labels are") {
  Store s(db_path());
  const Food bar = as_food(*s.find(1000002), s.info());
  CHECK(bar.id == "fdc-1000002");
  CHECK(bar.serving == "4 pieces (40 g)");
  CHECK(bar.grams == 40.0);
  CHECK(bar.mg_per_serving == 91);       // 91.2
  CHECK(bar.kcal_per_serving == 230);    // 231.6 to the nearest 10
  CHECK(bar.usda_mg_per_100g == 228.0);  // USDA's, unrounded
  CHECK(bar.sources == std::vector<std::string>{"usda-fdc-branded"});
  CHECK_THAT(*bar.note, Catch::Contains("Label-declared"));
  const Food milk = as_food(*s.find(1000001), s.info());
  CHECK(milk.serving == "1 cup (240 ml)");
  CHECK_FALSE(milk.grams);             // ml, not g
  CHECK(milk.kcal_per_serving == 40);  // 40.8, to the nearest 5 up to 50
  const Food kelp = as_food(*s.find(300002), s.info());
  CHECK(kelp.serving == "100 g");  // no portion with a weight
  CHECK(kelp.mg_per_serving == 121);
  CHECK(*kelp.usda_ndb == "11445");
  const Source src = source_record(DataType::survey, s.info());
  CHECK(src.id == "usda-fdc-survey");
  CHECK(src.title == "USDA FoodData Central: Survey (FNDDS)");
  CHECK(src.date == std::optional<std::string>("2024-10-31"));
}

TEST_CASE("fooddb: curated foods and their SR Legacy counterparts are one food") {
  Store s(db_path());
  const auto pumpkin = s.find(170556);
  REQUIRE(pumpkin);
  const Food* c = curated_counterpart(test::ds(), *pumpkin);
  REQUIRE(c != nullptr);
  CHECK(c->id == "pumpkin-seeds-roasted");
  CHECK(curated_counterpart(test::ds(), *s.find(172475)) == nullptr);
  DbRows rows;
  CHECK(resolve_with_db(test::ds(), s, "fdc-170556", rows) == "pumpkin-seeds-roasted");
  CHECK(resolve_with_db(test::ds(), s, "almonds", rows) == "almonds");
  CHECK(rows.foods.empty());
  CHECK(resolve_with_db(test::ds(), s, "tofu", rows) == "fdc-172475");
  CHECK(resolve_with_db(test::ds(), s, "172475", rows) == "fdc-172475");
  CHECK(rows.foods.size() == 1);  // once, however often it is named
  CHECK(rows.sources.size() == 1);
  CHECK(test::usage_error([&] { resolve_with_db(test::ds(), s, "listed", rows); }) ==
        "'listed' matches several foods in the food database: fdc-300001 (Spices, no magnesium "
        "listed), fdc-300002 (Kelp, no energy listed) (give one by its id, e.g. fdc-300001)");
}

TEST_CASE("fooddb: names, ids, categories and full-text queries") {
  CHECK(data_type_from_fdc("sr_legacy_food") == DataType::sr_legacy);
  CHECK(data_type_from_fdc("Survey (FNDDS)") == DataType::survey);
  CHECK(data_type_from_fdc("BRANDED_FOOD") == DataType::branded);
  CHECK_FALSE(data_type_from_fdc("sub_sample_food"));
  CHECK_FALSE(data_type_from_fdc("market_acquisition"));
  CHECK_FALSE(data_type_from_fdc("agricultural_acquisition"));
  CHECK(fdc_id_of("fdc-170556") == 170556);
  CHECK(fdc_id_of("170556") == 170556);
  CHECK_FALSE(fdc_id_of("fdc-"));
  CHECK_FALSE(fdc_id_of("garrison-2020"));
  CHECK_FALSE(fdc_id_of("0"));
  CHECK(category_group("Nut and Seed Products") == FoodCategory::nuts_seeds);
  CHECK(category_group("Popcorn, Peanuts, Seeds & Related Snacks") == FoodCategory::nuts_seeds);
  CHECK(category_group("Legumes and Legume Products") == FoodCategory::legumes);
  CHECK(category_group("Vegetables and Vegetable Products") == FoodCategory::vegetables);
  CHECK(category_group("Fruits and Fruit Juices") == FoodCategory::fruit);
  CHECK(category_group("Finfish and Shellfish Products") == FoodCategory::fish);
  CHECK(category_group("Beef Products") == FoodCategory::meat_poultry);
  CHECK(category_group("Dairy and Egg Products") == FoodCategory::dairy_soy);
  CHECK(category_group("Breakfast Cereals") == FoodCategory::grains);
  CHECK(category_group("Doughnuts") == FoodCategory::other);  // "nut" is a word, not a part
  CHECK(category_group("") == FoodCategory::other);
  CHECK(fts_query("pumpkin seeds") == "\"pumpkin\"* \"seeds\"*");
  CHECK(fts_query("  \"a\" OR b* ") == "\"a\"* \"OR\"* \"b\"*");
  CHECK(fts_query("--- !!") == "");
}

TEST_CASE("fooddb: a word in thousands of foods is ranked as a rare one is") {
  // 6,000 foods with "granola" (past the point where the ranking's index is
  // walked instead), 200 without, a few under 5 kcal.
  fdc::Files f = fdc::base();
  std::string& food = f["food.csv"];
  std::string& nut = f["food_nutrient.csv"];
  std::vector<std::pair<double, long long>> want;  // mg per 100 g, fdc_id
  long long low = 0;
  for (long long i = 0; i < 6200; ++i) {
    const long long id = 5000000 + i;
    const bool word = i % 31 != 0;
    const double mg = static_cast<double>((i * 7919) % 1000) / 10.0;
    const double kcal = i % 97 == 0 ? 2.0 : 100.0;
    food += fmt::format("\"{}\",\"branded_food\",\"{} BAR {}\",\"\",\"2024-10-31\"\n", id,
                        word ? "GRANOLA" : "PLAIN", i);
    nut += fmt::format("\"{}\",\"{}\",\"1090\",\"{}\",\"\"\n\"{}\",\"{}\",\"1008\",\"{}\",\"\"\n",
                       100000 + 2 * i, id, mg, 100001 + 2 * i, id, kcal);
    if (word) want.emplace_back(mg, id);
    if (word && kcal < 5) ++low;
  }
  std::sort(want.begin(), want.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  const std::string out = fdc::scratch() + "/many.sqlite";
  import_into(out, f);
  Store s(out);
  DbFilter granola;
  granola.search = "granola";
  const auto got = s.rank(Basis::per_100g, granola, 25);
  REQUIRE(got.size() == 25);
  for (std::size_t i = 0; i < got.size(); ++i) {
    INFO(i);
    CHECK(got[i].fdc_id == want[i].second);
  }
  CHECK(s.count_low_energy(granola) == low);
  granola.data_type = DataType::sr_legacy;  // none of them
  CHECK(s.rank(Basis::per_100g, granola, 25).empty());
}

TEST_CASE("foods filters: mgcramp's categories, USDA's with a database, data types that need one") {
  fooddb::FoodsQuery q;
  CHECK(fooddb::set_category(q, " Vegetables ", false));
  CHECK(q.base.category == FoodCategory::vegetables);
  CHECK_FALSE(q.usda_category);
  // Not mgcramp's: USDA's with a database, else refused for the caller.
  fooddb::FoodsQuery u;
  CHECK_FALSE(fooddb::set_category(u, "Legumes and Legume Products", false));
  CHECK(fooddb::set_category(u, "Legumes and Legume Products", true));
  CHECK(u.usda_category == "Legumes and Legume Products");
  CHECK_FALSE(u.base.category);
  // Curated and SR Legacy foods need no database; the others do.
  fooddb::FoodsQuery o;
  CHECK_NOTHROW(fooddb::check_origin(o, "--data-type", false));
  o.origin = fooddb::FoodOrigin::sr_legacy;
  CHECK_NOTHROW(fooddb::check_origin(o, "--data-type", false));
  o.origin = fooddb::FoodOrigin::branded;
  CHECK_THROWS_WITH(fooddb::check_origin(o, "--data-type", false),
                    "--data-type branded needs a food database");
  CHECK_NOTHROW(fooddb::check_origin(o, "--data-type", true));
}
