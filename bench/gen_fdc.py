#!/usr/bin/env python3
"""Writes a folder shaped like a USDA FoodData Central CSV download, for
bench/fdc_import.sh: the files mgcramp import fdc reads, with USDA's header
lines, every field quoted, and the mix of the full download (mostly
branded foods, a few thousand SR Legacy and survey foods, a few hundred
Foundation foods, some sample and acquisition records to skip). The
figures are random; the shape (rows per food, which nutrients, portions,
label servings in g and ml, descriptions with commas and quotes) is not.

  bench/gen_fdc.py OUTDIR [--foods N] [--rows-per-food R] [--seed S]
  bench/gen_fdc.py OUTDIR --full     (2,000,000 foods, 25,000,000 nutrient rows)

The default (20,000 foods) takes a second or two; --full about 1.9 GB of
food_nutrient.csv.
"""
import argparse
import os
import random

WORDS = ("apple bean beef bread broccoli butter cabbage carrot cashew cereal cheese chia "
         "chicken chocolate cocoa corn cracker cream egg fig flax granola hazelnut hemp "
         "honey kale lentil maple milk millet mushroom oat olive onion pasta pea peanut "
         "pecan pepper pistachio potato pumpkin quinoa raisin rice rye salmon sesame "
         "soy spinach squash sunflower tofu tomato tuna turkey walnut wheat yogurt").split()
STYLES = ("raw cooked boiled roasted dried frozen canned organic salted unsalted whole "
          "sweetened plain smoked fried baked").split()
CATEGORIES = [
    (1, "Dairy and Egg Products"), (2, "Spices and Herbs"), (4, "Fats and Oils"),
    (5, "Poultry Products"), (8, "Breakfast Cereals"), (9, "Fruits and Fruit Juices"),
    (10, "Pork Products"), (11, "Vegetables and Vegetable Products"),
    (12, "Nut and Seed Products"), (13, "Beef Products"), (14, "Beverages"),
    (15, "Finfish and Shellfish Products"), (16, "Legumes and Legume Products"),
    (18, "Baked Products"), (19, "Sweets"), (20, "Cereal Grains and Pasta"),
]
BRANDED_CATEGORIES = ["Popcorn, Peanuts, Seeds & Related Snacks", "Cheese", "Milk",
                      "Breads & Buns", "Chocolate", "Cereal", "Frozen Vegetables",
                      "Canned Fruit", "Plant Based Milk", "Soda", "Yogurt", "Nut & Seed Butters"]
WWEIA = [(1002, "Milk, whole"), (2802, "Nuts and seeds"), (6410, "Other vegetables"),
         (4002, "Rice"), (8406, "Chocolate candy")]
UNITS = [(1000, "cup"), (1001, "tbsp"), (1002, "tsp"), (1038, "oz"), (1043, "piece"),
         (9999, "undetermined")]
# nutrient id, name, unit, number: magnesium, energy and the Atwater energies
# mgcramp keeps, and others it skips.
NUTRIENTS = [(1008, "Energy", "KCAL", "208"), (1062, "Energy", "kJ", "268"),
             (1090, "Magnesium, Mg", "MG", "304"),
             (2047, "Energy (Atwater General Factors)", "KCAL", "957"),
             (2048, "Energy (Atwater Specific Factors)", "KCAL", "958")]
OTHER = [(1003, "Protein", "G", "203"), (1004, "Total lipid (fat)", "G", "204"),
         (1005, "Carbohydrate, by difference", "G", "205"), (1079, "Fiber, total dietary", "G", "291"),
         (1087, "Calcium, Ca", "MG", "301"), (1089, "Iron, Fe", "MG", "303"),
         (1092, "Potassium, K", "MG", "306"), (1093, "Sodium, Na", "MG", "307"),
         (1095, "Zinc, Zn", "MG", "309"), (1162, "Vitamin C, total ascorbic acid", "MG", "401"),
         (1253, "Cholesterol", "MG", "601"), (1258, "Fatty acids, total saturated", "G", "606"),
         (2000, "Sugars, total including NLEA", "G", "269"), (1104, "Vitamin A, IU", "IU", "318"),
         (1110, "Vitamin D (D2 + D3), International Units", "IU", "324")]


def q(*fields):
    return ",".join('"' + str(f).replace('"', '""') + '"' for f in fields) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--foods", type=int, default=20000)
    ap.add_argument("--rows-per-food", type=float, default=12.5)
    ap.add_argument("--full", action="store_true")
    ap.add_argument("--seed", type=int, default=4)
    a = ap.parse_args()
    if a.full:
        a.foods, a.rows_per_food = 2_000_000, 12.5
    rnd = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    path = lambda f: os.path.join(a.out, f)
    n = a.foods
    sr = max(1, round(n * 0.0039))
    foundation = max(1, round(n * 0.0002))
    survey = max(1, round(n * 0.0027))
    other = max(1, round(n * 0.01))
    branded = max(1, n - sr - foundation - survey - other)
    kinds = (["sr_legacy_food"] * sr + ["foundation_food"] * foundation +
             ["survey_fndds_food"] * survey + ["branded_food"] * branded +
             ["sub_sample_food", "market_acquisition", "agricultural_acquisition"] * (other // 3 + 1))
    kinds = kinds[:n + other]

    with open(path("nutrient.csv"), "w") as f:
        f.write(q("id", "name", "unit_name", "nutrient_nbr", "rank"))
        for i, (nid, name, unit, nbr) in enumerate(NUTRIENTS + OTHER):
            f.write(q(nid, name, unit, nbr, 100 * (i + 1)))
    with open(path("food_category.csv"), "w") as f:
        f.write(q("id", "code", "description"))
        for cid, desc in CATEGORIES:
            f.write(q(cid, f"{cid:02d}00", desc))
    with open(path("wweia_food_category.csv"), "w") as f:
        f.write(q("wweia_food_category", "wweia_food_category_description"))
        for code, desc in WWEIA:
            f.write(q(code, desc))
    with open(path("measure_unit.csv"), "w") as f:
        f.write(q("id", "name"))
        for uid, name in UNITS:
            f.write(q(uid, name))

    owners = [f"{rnd.choice(WORDS).title()} {rnd.choice(['Foods', 'Farms', 'Brands', 'Co.', 'Inc.'])} {i}"
              for i in range(max(10, n // 400))]
    nutrient_row = 1
    portion_row = 1
    mean_other = max(0.0, a.rows_per_food - 2.0)
    with open(path("food.csv"), "w") as food, open(path("food_nutrient.csv"), "w") as fn, \
            open(path("food_portion.csv"), "w") as fp, open(path("branded_food.csv"), "w") as bf, \
            open(path("sr_legacy_food.csv"), "w") as srf, open(path("foundation_food.csv"), "w") as ff, \
            open(path("survey_fndds_food.csv"), "w") as sf:
        food.write(q("fdc_id", "data_type", "description", "food_category_id", "publication_date"))
        fn.write(q("id", "fdc_id", "nutrient_id", "amount", "data_points", "derivation_id", "min",
                   "max", "median", "loq", "footnote", "min_year_acquired", "percent_daily_value"))
        fp.write(q("id", "fdc_id", "seq_num", "amount", "measure_unit_id", "portion_description",
                   "modifier", "gram_weight", "data_points", "footnote", "min_year_acquired"))
        bf.write(q("fdc_id", "brand_owner", "brand_name", "subbrand_name", "gtin_upc", "ingredients",
                   "not_a_significant_source_of", "serving_size", "serving_size_unit",
                   "household_serving_fulltext", "branded_food_category", "data_source",
                   "package_weight", "modified_date", "available_date", "market_country",
                   "discontinued_date", "preparation_state_code", "trade_channel",
                   "short_description", "material_code"))
        srf.write(q("fdc_id", "NDB_number"))
        ff.write(q("fdc_id", "NDB_number", "footnote"))
        sf.write(q("fdc_id", "food_code", "wweia_category_code", "start_date", "end_date"))
        fdc_id = 100000
        for i, kind in enumerate(kinds):
            fdc_id += 1 + (i % 3 == 0)
            w1, w2, style = rnd.choice(WORDS), rnd.choice(WORDS), rnd.choice(STYLES)
            if kind == "branded_food":
                desc = f"{w1.upper()} {w2.upper()} {style.upper()}"
                if i % 50 == 0:
                    desc += ', "LITE", 12 OZ'
                cat = ""
            else:
                desc = f"{w1.title()}, {w2}, {style}"
                cat = rnd.choice(CATEGORIES)[0] if kind != "survey_fndds_food" else ""
            food.write(q(fdc_id, kind, desc, cat, "2024-10-31" if kind == "branded_food" else "2019-04-01"))
            # Nutrients: magnesium for most, energy (Foundation: the Atwater
            # energies), and others.
            mg = rnd.random() < (0.55 if kind == "branded_food" else 0.95)
            rows = []
            if mg:
                rows.append((1090, round(rnd.lognormvariate(3.3, 1.0), 2)))
            kcal = round(rnd.uniform(0, 650), 1) if rnd.random() > 0.02 else 2.0
            if kind == "foundation_food":
                rows.append((2047, kcal))
                rows.append((2048, round(kcal * 0.95, 1)))
            elif rnd.random() < 0.97:
                rows.append((1008, kcal))
            k = round(rnd.expovariate(1 / mean_other)) if mean_other > 0 else 0
            for nid in rnd.sample([o[0] for o in OTHER], min(k, len(OTHER))):
                rows.append((nid, round(rnd.uniform(0, 50), 2)))
            for extra in range(max(0, k - len(OTHER))):
                rows.append((1062, round(kcal * 4.184, 1)))
            rnd.shuffle(rows)
            for nid, amount in rows:
                fn.write(q(nutrient_row, fdc_id, nid, amount, "", "", "", "", "", "", "", "", ""))
                nutrient_row += 1
            if kind == "branded_food":
                ml = rnd.random() < 0.15
                size = rnd.choice([28, 30, 40, 50, 85, 100, 113, 240, 355])
                bf.write(q(fdc_id, rnd.choice(owners), "", "", f"{fdc_id:012d}", "INGREDIENTS", "",
                           size, "MLT" if ml else "GRM", "1 cup" if ml else "1 serving",
                           rnd.choice(BRANDED_CATEGORIES), "LI", "", "2024-01-01", "2024-01-01",
                           "United States", "", "", "", "", ""))
            elif kind in ("sr_legacy_food", "foundation_food", "survey_fndds_food"):
                for seq in range(1, rnd.randint(1, 4) + 1):
                    unit, name = rnd.choice(UNITS)
                    weight = "" if rnd.random() < 0.05 else round(rnd.uniform(5, 250), 1)
                    if kind == "survey_fndds_food":
                        fp.write(q(portion_row, fdc_id, seq, "", 9999, f"1 {name}", 10205, weight,
                                   "", "", ""))
                    else:
                        fp.write(q(portion_row, fdc_id, seq, 1, 9999 if kind == "sr_legacy_food" else unit,
                                   "", f"{name}, chopped" if kind == "sr_legacy_food" else "",
                                   weight, "", "", ""))
                    portion_row += 1
                if kind == "sr_legacy_food":
                    srf.write(q(fdc_id, 1000 + i))
                elif kind == "foundation_food":
                    ff.write(q(fdc_id, 100000 + i, ""))
                else:
                    sf.write(q(fdc_id, 50000000 + i, rnd.choice(WWEIA)[0], "2021-01-01", "2023-12-31"))
    print(f"{a.out}: {len(kinds):,} foods ({branded:,} branded), {nutrient_row - 1:,} "
          f"food_nutrient rows, {portion_row - 1:,} portions")


if __name__ == "__main__":
    main()
