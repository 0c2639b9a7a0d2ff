#!/usr/bin/env python3
"""Writes a large, valid mgcramp dataset by replicating data/mgcramp.json.

Usage: bench/gen_large.py OUT.json [--mb 100]

Copy 0 is the shipped dataset unchanged. Copies 1..n-1 repeat every record
table (sources, notices, foods, forms, studies, claims, causes, remedies,
symptoms, interactions) with ids suffixed "-x<k>" and every reference
inside copy k pointing at copy k's records. intakes, daily_value,
atomic_masses and schema_version appear once (intake ages may not overlap;
they cite copy 0). Each copy's foods get a name suffix " (copy k)" and
their grams scaled by up to +-2 %, with mg and kcal per serving recomputed
from the USDA per-100 g figures so the loader's cross-checks still hold.
The output is deterministic and formatted like the original (2-space
indent, UTF-8); its size is about --mb megabytes (10^6 bytes). Check it
with `build/mgcramp validate OUT.json` (mgcramp 0.1 reads at most 64 MiB).
"""
import argparse
import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "mgcramp.json"
TABLES = ["sources", "notices", "foods", "forms", "studies", "claims",
          "causes", "remedies", "symptoms", "interactions"]
# Where each table's records hold ids of other records (data/SCHEMA.md).
# "a.b" is a field of an object field, "a[].b" a field of each list item.
REFS = {
    "notices": ["sources"],
    "foods": ["mentioned_by", "sources"],
    "forms": ["absorption.studies", "cramp_studies", "article_views[].source", "sources"],
    "studies": ["intervention.form", "cited_by", "discrepancies[].source", "sources"],
    "claims": ["stances[].source", "verdict.evidence"],
    "causes": ["sources"],
    "remedies": ["studies", "sources"],
    "symptoms": ["sources"],
    "interactions": ["sources"],
}


def relink(rec, path, fix):
    """Returns a shallow copy of rec with the ids at path passed through fix."""
    head, _, rest = path.partition(".")
    rec = dict(rec)
    if head.endswith("[]"):
        key = head[:-2]
        if rec.get(key) is not None:
            rec[key] = [relink(x, rest, fix) for x in rec[key]]
    elif rest:
        if rec.get(head) is not None:
            rec[head] = relink(rec[head], rest, fix)
    elif head in rec:
        rec[head] = fix(rec[head])
    return rec


def vary_food(food, factor, k):
    """Scales the serving by factor, keeping mg and kcal consistent with USDA."""
    f = dict(food, name=f"{food['name']} (copy {k})")
    grams = f["grams"]
    if grams is not None:
        f["grams"] = round(grams * factor, 2)
    for key, per100 in (("mg_per_serving", "usda_mg_per_100g"),
                        ("kcal_per_serving", "usda_kcal_per_100g")):
        if f[key] is None:
            continue
        if grams is not None and f[per100] is not None:
            f[key] = round(f[per100] * f["grams"] / 100, 1)
        else:
            f[key] = round(f[key] * factor, 1)
    return f


def copy_of(table, rec, i, k, ids):
    """Record i of table, as it appears in copy k."""
    if k == 0:
        return rec
    sfx = f"-x{k}"

    def fix(v):
        if isinstance(v, list):
            return [fix(x) for x in v]
        return v + sfx if isinstance(v, str) and v in ids else v

    rec = dict(rec, id=rec["id"] + sfx)
    for path in REFS.get(table, []):
        rec = relink(rec, path, fix)
    if table == "foods":
        rec = vary_food(rec, 1 + ((k * 37 + i * 17) % 401 - 200) / 10000, k)
    return rec


def item(rec):
    """A record as json.dump(indent=2) writes it inside a top-level array."""
    return "    " + json.dumps(rec, indent=2, ensure_ascii=False).replace("\n", "\n    ")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", help="the JSON file to write")
    ap.add_argument("--mb", type=float, default=100, help="target size in MB (default 100)")
    args = ap.parse_args()
    if args.mb <= 0:
        ap.error("--mb must be greater than 0")

    doc = json.loads(DATA.read_text(encoding="utf-8"))
    ids = {r["id"] for t in TABLES for r in doc[t]}
    base = len((json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode())
    per_copy = sum(len(item(copy_of(t, r, i, 1, ids)).encode()) + 2
                   for t in TABLES for i, r in enumerate(doc[t]))
    copies = max(1, round((args.mb * 1e6 - base) / per_copy) + 1)

    with open(args.out, "w", encoding="utf-8") as out:
        out.write("{\n")
        for n, (key, value) in enumerate(doc.items()):
            out.write(",\n" if n else "")
            out.write(f"  {json.dumps(key)}: ")
            if key not in TABLES:
                out.write(json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n  "))
            elif not value:
                out.write("[]")
            else:
                sep = "[\n"
                for k in range(copies):
                    for i, r in enumerate(value):
                        out.write(sep + item(copy_of(key, r, i, k, ids)))
                        sep = ",\n"
                out.write("\n  ]")
        out.write("\n}\n")
    size = Path(args.out).stat().st_size
    print(f"gen_large: wrote {args.out}: {copies} copies, {size} bytes "
          f"({size / 1e6:.1f} MB, {len(doc['foods']) * copies} foods)", file=sys.stderr)


if __name__ == "__main__":
    main()
