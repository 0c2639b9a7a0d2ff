#!/usr/bin/env python3
"""The comparison for bench/fdc_import.sh: what `mgcramp import fdc DIR --out
FILE` does, written with Python's csv and sqlite3 modules as one would
(csv.DictReader, executemany, one transaction, the same pragmas): the same
rows kept (magnesium and energy of the imported data types, portions,
branded labels), the same tables, indexes and full-text index, so the
files compare. It checks less than mgcramp does (no line and column in
errors, no atomic rename).

  bench/import_fdc.py DIR OUT
"""
import csv
import math
import os
import re
import sqlite3
import sys

TYPES = {"sr_legacy_food": "sr-legacy", "foundation_food": "foundation",
         "survey_fndds_food": "survey", "branded_food": "branded"}

# As src/fooddb/schema.hpp.
TABLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE food (fdc_id INTEGER PRIMARY KEY, data_type TEXT NOT NULL, description TEXT NOT NULL,
  ndb_number INTEGER, category TEXT, food_group TEXT NOT NULL, brand_owner TEXT, per_unit TEXT NOT NULL,
  mg_per_100 REAL, kcal_per_100 REAL, energy_from TEXT, mg_per_100kcal REAL, serving TEXT,
  serving_amount REAL, serving_from TEXT, mg_per_serving REAL, kcal_per_serving REAL,
  publication_date TEXT);
CREATE TABLE portion (fdc_id INTEGER NOT NULL, seq_num INTEGER, description TEXT NOT NULL,
  gram_weight REAL);
"""
INDEXES = """
CREATE INDEX food_by_mg_serving ON food (mg_per_serving DESC) WHERE mg_per_serving IS NOT NULL;
CREATE INDEX food_by_mg_100 ON food (mg_per_100 DESC) WHERE mg_per_100 IS NOT NULL;
CREATE INDEX food_by_mg_100kcal ON food (mg_per_100kcal DESC) WHERE mg_per_100kcal IS NOT NULL;
CREATE INDEX food_type_by_mg_serving ON food (data_type, mg_per_serving DESC) WHERE mg_per_serving IS NOT NULL;
CREATE INDEX food_type_by_mg_100 ON food (data_type, mg_per_100 DESC) WHERE mg_per_100 IS NOT NULL;
CREATE INDEX food_type_by_mg_100kcal ON food (data_type, mg_per_100kcal DESC) WHERE mg_per_100kcal IS NOT NULL;
CREATE INDEX food_low_energy ON food (data_type, food_group) WHERE mg_per_100 IS NOT NULL AND kcal_per_100 < 5;
CREATE INDEX food_by_ndb ON food (ndb_number) WHERE ndb_number IS NOT NULL;
CREATE INDEX portion_by_food ON portion (fdc_id, seq_num);
CREATE VIRTUAL TABLE food_fts USING fts5(description, brand_owner, content='food',
  content_rowid='fdc_id', tokenize='unicode61 remove_diacritics 2');
INSERT INTO food_fts (food_fts) VALUES ('rebuild');
PRAGMA analysis_limit = 400;
ANALYZE;
"""
GROUPS = [("nuts-seeds", {"nut", "nuts", "seed", "seeds", "peanut", "peanuts"}),
          ("legumes", {"legume", "legumes", "bean", "beans", "lentils", "tofu"}),
          ("vegetables", {"vegetable", "vegetables"}), ("fruit", {"fruit", "fruits"}),
          ("fish", {"fish", "finfish", "shellfish", "seafood"}),
          ("meat-poultry", {"beef", "pork", "poultry", "chicken", "turkey", "lamb", "veal", "game",
                            "sausage", "sausages", "meat", "meats"}),
          ("dairy-soy", {"dairy", "milk", "cheese", "yogurt", "egg", "eggs", "soy"}),
          ("grains", {"cereal", "cereals", "grain", "grains", "pasta", "bread", "breads", "rice",
                      "baked", "crackers", "tortillas"})]


def group(category):
    words = set(re.findall(r"[a-z]+", (category or "").lower()))
    for name, keys in GROUPS:
        if words & keys:
            return name
    return "other"


def rows(d, name):
    p = os.path.join(d, name)
    if not os.path.exists(p):
        return
    with open(p, newline="", encoding="utf-8-sig") as f:
        yield from csv.DictReader(f)


def number(s):
    try:
        v = float(s)
        return v if math.isfinite(v) else None
    except (TypeError, ValueError):
        return None


def main():
    d, out = sys.argv[1], sys.argv[2]
    mg_id, energy = None, {}
    for r in rows(d, "nutrient.csv"):
        nbr, unit = r["nutrient_nbr"].strip(), r["unit_name"].strip().lower()
        if nbr == "304":
            mg_id = int(r["id"])
        elif unit == "kcal" and nbr in ("208", "958", "957"):
            energy[int(r["id"])] = {"208": 3, "958": 2, "957": 1}[nbr]
    amounts = {}  # fdc_id -> [mg, kcal, rank]
    for r in rows(d, "food_nutrient.csv"):
        n = int(r["nutrient_id"])
        if n != mg_id and n not in energy:
            continue
        if not r["amount"].strip():
            continue
        a = amounts.setdefault(int(r["fdc_id"]), [None, None, 0])
        v = float(r["amount"])
        if n == mg_id:
            a[0] = v
        elif energy[n] > a[2]:
            a[1], a[2] = v, energy[n]
    categories = {int(r["id"]): r["description"] for r in rows(d, "food_category.csv")}
    wweia = {int(r["wweia_food_category"]): r["wweia_food_category_description"]
             for r in rows(d, "wweia_food_category.csv")}
    units = {int(r["id"]): r["name"] for r in rows(d, "measure_unit.csv")}
    ndb = {int(r["fdc_id"]): int(r["NDB_number"]) for f in ("sr_legacy_food.csv", "foundation_food.csv")
           for r in rows(d, f)}
    survey = {int(r["fdc_id"]): int(r["wweia_category_code"]) for r in rows(d, "survey_fndds_food.csv")}

    if os.path.exists(out):
        os.remove(out)
    db = sqlite3.connect(out, isolation_level=None)
    db.executescript("PRAGMA page_size = 8192; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
                     "PRAGMA locking_mode = EXCLUSIVE; PRAGMA temp_store = FILE; "
                     "PRAGMA cache_size = -65536; PRAGMA application_id = 1835484740; "
                     "PRAGMA user_version = 1;")
    db.executescript(TABLES)
    db.execute("BEGIN")  # executescript commits what is pending: one transaction from here
    first = {}

    def portions():
        for r in rows(d, "food_portion.csv"):
            fdc, g = int(r["fdc_id"]), number(r["gram_weight"])
            seq = int(r["seq_num"]) if r["seq_num"].strip() else None
            unit = units.get(int(r["measure_unit_id"] or 0), "")
            unit = "" if unit == "undetermined" else unit
            mod = r["modifier"].strip()
            if not unit and r["portion_description"].strip():
                text = r["portion_description"].strip()
            else:
                amount = number(r["amount"])
                parts = [f"{amount:g}"] if amount is not None else []
                parts += [p for p in (unit, "" if mod.isdigit() else mod) if p]
                text = " ".join(parts) or r["portion_description"].strip()
            text = text or "1 portion"
            if g and g > 0:
                old = first.get(fdc)
                if old is None or (seq is not None and (old[0] is None or seq < old[0])):
                    first[fdc] = (seq, text, g)
            yield fdc, seq, text, g
    db.executemany("INSERT INTO portion VALUES (?, ?, ?, ?)", portions())

    db.execute("CREATE TEMP TABLE branded (fdc_id INTEGER PRIMARY KEY, brand_owner TEXT, "
               "category TEXT, per_ml INTEGER NOT NULL, serving_size REAL, household TEXT)")

    def labels():
        for r in rows(d, "branded_food.csv"):
            unit = r["serving_size_unit"].strip().lower()
            ml = unit in ("ml", "mlt")
            size = number(r["serving_size"])
            if not (ml or unit in ("", "g", "grm", "gm")) or not size or size <= 0:
                size = None
            yield (int(r["fdc_id"]), r["brand_owner"].strip() or r.get("brand_name", "").strip() or None,
                   r["branded_food_category"].strip() or None, 1 if ml else 0, size,
                   r["household_serving_fulltext"].strip() or None)
    db.executemany("INSERT INTO branded VALUES (?, ?, ?, ?, ?, ?)", labels())

    label = db.cursor()
    names = {3: "energy", 2: "atwater-specific", 1: "atwater-general"}
    counts = {t: 0 for t in TYPES.values()}
    latest = ""

    def foods():
        nonlocal latest
        for r in rows(d, "food.csv"):
            t = TYPES.get(r["data_type"].strip())
            if t is None:
                continue
            fdc = int(r["fdc_id"])
            cat = None
            if t == "survey" and fdc in survey:
                cat = wweia.get(survey[fdc])
            cid = r["food_category_id"].strip()
            if cat is None and cid:
                cat = (wweia if t == "survey" else categories).get(int(cid)) if cid.isdigit() else cid
            owner, per_ml, amount, serving, source = None, 0, None, None, None
            if t == "branded":
                b = label.execute("SELECT brand_owner, category, per_ml, serving_size, household "
                                  "FROM temp.branded WHERE fdc_id = ?", (fdc,)).fetchone()
                if b:
                    owner, cat, per_ml, amount = b[0], b[1] or cat, b[2], b[3]
                    if amount:
                        serving, source = b[4] or "", "label"
            elif fdc in first:
                _, serving, amount = first[fdc]
                source = "portion"
            mg, kcal, rank = amounts.get(fdc, (None, None, 0))
            per_kcal = mg / kcal * 100 if mg is not None and kcal is not None and kcal >= 5 else None
            date = r["publication_date"].strip() or None
            if date and len(date) == 10 and date > latest:
                latest = date
            counts[t] += 1
            yield (fdc, t, r["description"].strip(), ndb.get(fdc) if t in ("sr-legacy", "foundation") else None,
                   cat, group(cat), owner, "ml" if per_ml else "g", mg, kcal, names.get(rank), per_kcal,
                   serving, amount, source,
                   mg * amount / 100 if mg is not None and amount else None,
                   kcal * amount / 100 if kcal is not None and amount else None, date)
    db.executemany("INSERT INTO food VALUES (" + ",".join("?" * 18) + ")", foods())
    db.execute("DELETE FROM portion WHERE fdc_id NOT IN (SELECT fdc_id FROM food)")
    db.execute("DROP TABLE temp.branded")
    for statement in INDEXES.split(";"):
        if statement.strip():
            db.execute(statement)
    m = re.search(r"\d{4}-\d{2}(-\d{2})?", os.path.basename(os.path.normpath(d)))
    meta = {"schema_version": "1", "source_name": "USDA FoodData Central",
            "release": m.group(0) if m else latest or "unknown",
            "release_from": "folder name" if m else "publication_date", "source": os.path.abspath(d),
            "foods": str(sum(counts.values()))}
    meta.update({f"foods_{t}": str(n) for t, n in counts.items()})
    db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    db.execute("COMMIT")
    db.close()
    print(f"{out}: {sum(counts.values())} foods")


if __name__ == "__main__":
    main()
