#pragma once
// A FoodData Central CSV folder made by the tests: a few foods of each data
// type imported (and one that is not), in the layout of USDA's downloads,
// with the cases that an importer must get right (quoted fields, empty
// amounts, portions without a gram weight, a branded drink labelled in ml,
// foods without magnesium or energy). Tests change or drop files to make
// the bad cases.
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace fdc {

using Files = std::map<std::string, std::string>;

inline Files base() {
  Files f;
  f["nutrient.csv"] =
      "\"id\",\"name\",\"unit_name\",\"nutrient_nbr\",\"rank\"\n"
      "\"1008\",\"Energy\",\"KCAL\",\"208\",\"300\"\n"
      "\"1062\",\"Energy\",\"kJ\",\"268\",\"400\"\n"
      "\"1003\",\"Protein\",\"G\",\"203\",\"600\"\n"
      "\"1090\",\"Magnesium, Mg\",\"MG\",\"304\",\"5500\"\n"
      "\"2047\",\"Energy (Atwater General Factors)\",\"KCAL\",\"957\",\"280\"\n"
      "\"2048\",\"Energy (Atwater Specific Factors)\",\"KCAL\",\"958\",\"290\"\n";
  f["food.csv"] =
      "\"fdc_id\",\"data_type\",\"description\",\"food_category_id\",\"publication_date\"\n"
      "\"170556\",\"sr_legacy_food\",\"Seeds, pumpkin and squash seed kernels, roasted, without "
      "salt\",\"12\",\"2019-04-01\"\n"
      "\"172475\",\"sr_legacy_food\",\"Tofu, raw, firm, prepared with \"\"calcium "
      "sulfate\"\"\",\"16\",\"2019-04-01\"\n"
      "\"2003590\",\"foundation_food\",\"Hummus, commercial\",\"16\",\"2022-04-28\"\n"
      "\"2705385\",\"survey_fndds_food\",\"Spinach, cooked, from fresh\",\"\",\"2024-10-31\"\n"
      "\"1000001\",\"branded_food\",\"ALMOND MILK, UNSWEETENED\",\"\",\"2024-10-31\"\n"
      "\"1000002\",\"branded_food\",\"QUINOA CHOCOLATE\nBAR\",\"\",\"2024-10-31\"\n"
      "\"9999999\",\"sub_sample_food\",\"Sub sample of seeds\",\"\",\"2020-01-01\"\n"
      "\"173647\",\"sr_legacy_food\",\"Beverages, water, tap\",\"14\",\"2019-04-01\"\n"
      "\"300001\",\"sr_legacy_food\",\"Spices, no magnesium listed\",\"2\",\"2019-04-01\"\n"
      "\"300002\",\"sr_legacy_food\",\"Kelp, no energy listed\",\"11\",\"2019-04-01\"\n";
  f["food_nutrient.csv"] =
      "\"id\",\"fdc_id\",\"nutrient_id\",\"amount\",\"data_points\"\n"
      "\"1\",\"170556\",\"1090\",\"550\",\"3\"\n"
      "\"2\",\"170556\",\"1008\",\"574\",\"\"\n"
      "\"3\",\"170556\",\"1003\",\"29.8\",\"\"\n"
      "\"4\",\"172475\",\"1090\",\"58\",\"\"\n"
      "\"5\",\"172475\",\"1008\",\"144\",\"\"\n"
      "\"6\",\"2003590\",\"1090\",\"71.4\",\"\"\n"
      "\"7\",\"2003590\",\"2047\",\"243\",\"\"\n"
      "\"8\",\"2003590\",\"2048\",\"229\",\"\"\n"
      "\"9\",\"2705385\",\"1090\",\"87\",\"\"\n"
      "\"10\",\"2705385\",\"1008\",\"23\",\"\"\n"
      "\"11\",\"1000001\",\"1090\",\"6.67\",\"\"\n"
      "\"12\",\"1000001\",\"1008\",\"17\",\"\"\n"
      "\"13\",\"1000002\",\"1090\",\"228\",\"\"\n"
      "\"14\",\"1000002\",\"1008\",\"579\",\"\"\n"
      "\"15\",\"173647\",\"1090\",\"1\",\"\"\n"
      "\"16\",\"173647\",\"1008\",\"0\",\"\"\n"
      "\"17\",\"9999999\",\"1090\",\"5\",\"\"\n"
      "\"18\",\"300001\",\"1090\",\"\",\"\"\n"
      "\"19\",\"300001\",\"1008\",\"250\",\"\"\n"
      "\"20\",\"300002\",\"1090\",\"121\",\"\"\n";
  f["food_portion.csv"] =
      "\"id\",\"fdc_id\",\"seq_num\",\"amount\",\"measure_unit_id\",\"portion_description\","
      "\"modifier\",\"gram_weight\",\"data_points\",\"footnote\",\"min_year_acquired\"\n"
      "\"1\",\"170556\",\"2\",\"1\",\"9999\",\"\",\"cup\",\"118\",\"\",\"\",\"\"\n"
      "\"2\",\"170556\",\"1\",\"1\",\"9999\",\"\",\"oz\",\"28.35\",\"\",\"\",\"\"\n"
      "\"3\",\"172475\",\"1\",\"1\",\"9999\",\"\",\"block\",\"\",\"\",\"\",\"\"\n"
      "\"4\",\"172475\",\"2\",\"0.5\",\"9999\",\"\",\"cup\",\"126\",\"\",\"\",\"\"\n"
      "\"5\",\"2705385\",\"1\",\"\",\"9999\",\"1 cup\",\"10205\",\"180\",\"\",\"\",\"\"\n"
      "\"6\",\"2003590\",\"1\",\"2\",\"1002\",\"\",\"\",\"29.6\",\"\",\"\",\"\"\n"
      "\"7\",\"8888888\",\"1\",\"1\",\"1002\",\"\",\"\",\"10\",\"\",\"\",\"\"\n";
  f["measure_unit.csv"] =
      "\"id\",\"name\"\n\"1001\",\"cup\"\n\"1002\",\"tbsp\"\n\"9999\",\"undetermined\"\n";
  f["food_category.csv"] =
      "\"id\",\"code\",\"description\"\n"
      "\"2\",\"0200\",\"Spices and Herbs\"\n"
      "\"11\",\"1100\",\"Vegetables and Vegetable Products\"\n"
      "\"12\",\"1200\",\"Nut and Seed Products\"\n"
      "\"14\",\"1400\",\"Beverages\"\n"
      "\"16\",\"1600\",\"Legumes and Legume Products\"\n";
  f["sr_legacy_food.csv"] =
      "\"fdc_id\",\"NDB_number\"\n\"170556\",\"12016\"\n\"172475\",\"16427\"\n"
      "\"173647\",\"14411\"\n\"300001\",\"2001\"\n\"300002\",\"11445\"\n";
  f["foundation_food.csv"] = "\"fdc_id\",\"NDB_number\",\"footnote\"\n\"2003590\",\"16158\",\"\"\n";
  f["survey_fndds_food.csv"] =
      "\"fdc_id\",\"food_code\",\"wweia_category_code\",\"start_date\",\"end_date\"\n"
      "\"2705385\",\"72125100\",\"6410\",\"2021-01-01\",\"2023-12-31\"\n";
  f["wweia_food_category.csv"] =
      "\"wweia_food_category\",\"wweia_food_category_description\"\n\"6410\",\"Other "
      "vegetables\"\n";
  f["branded_food.csv"] =
      "\"fdc_id\",\"brand_owner\",\"brand_name\",\"gtin_upc\",\"ingredients\",\"serving_size\","
      "\"serving_size_unit\",\"household_serving_fulltext\",\"branded_food_category\"\n"
      "\"1000001\",\"Blue Valley Farms\",\"\",\"000\",\"ALMONDMILK, WATER\",\"240\",\"MLT\",\"1 "
      "cup\",\"Plant Based Milk\"\n"
      "\"1000002\",\"Andes Grain Co.\",\"\",\"001\",\"COCOA, QUINOA\",\"40\",\"GRM\",\"4 "
      "pieces\",\"Chocolate\"\n";
  return f;
}

// The scratch folders made, removed with all they hold when the tests end.
inline std::vector<std::string>& made() {
  static std::vector<std::string> dirs;
  return dirs;
}

inline void remove_made() {
  for (const auto& d : made()) {
    ::nftw(
        d.c_str(),
        [](const char* path, const struct stat*, int, struct FTW*) { return ::remove(path); }, 16,
        FTW_DEPTH | FTW_PHYS);
  }
}

// A fresh empty folder under /tmp.
inline std::string scratch() {
  std::string path = "/tmp/mgcramp-fdc-XXXXXX";
  if (::mkdtemp(path.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  if (made().empty()) std::atexit(remove_made);
  made().push_back(path);
  return path;
}

inline void write(const std::string& path, const std::string& text) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) throw std::runtime_error("cannot write " + path);
  std::fwrite(text.data(), 1, text.size(), f);
  std::fclose(f);
}

// Writes `files` into a folder named as USDA names its downloads, in a
// fresh scratch folder, and returns its path.
inline std::string folder(const Files& files,
                          const std::string& name = "FoodData_Central_csv_2024-10-31") {
  const std::string dir = scratch() + "/" + name;
  ::mkdir(dir.c_str(), 0755);
  for (const auto& [file, text] : files) write(dir + "/" + file, text);
  return dir;
}

// Every "\n" of `text` as "\r\n".
inline std::string crlf(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

inline bool exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

}  // namespace fdc
