#!/usr/bin/env python3
"""Accuracy of `mgcramp check`: claims and stances found against labels.

  bench/check_accuracy.py [--mgcramp build/mgcramp] seeds [SEED_DIR]
      the five seed articles (default ../shared/seeds), expected = the
      stances the dataset records for each (bench/check/seeds.tsv maps files
      to article ids)
  bench/check_accuracy.py [--mgcramp build/mgcramp] labels DIR
      articles in DIR (.txt, .md, .html, .htm) labelled by DIR/labels.tsv:
      FILE<TAB>CLAIM-ID<TAB>STANCE

A found claim is right when the label has that claim with that stance.
Precision = right / found, recall = right / labelled; also reported for
claim ids alone (stance ignored). --verbose lists every miss and extra.
Not a test: the figures go in README ("mgcramp check: accuracy").
"""
import argparse
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ARTICLE_EXTENSIONS = (".txt", ".md", ".html", ".htm")


def run_check(exe, path):
    p = subprocess.run([exe, "check", path, "--json"], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"{path}: mgcramp check failed ({p.returncode}): {p.stderr.strip()}")
    return {c["claim_id"]: c["stance"] for c in json.loads(p.stdout)["result"]["claims"]}


def seed_labels(exe, seed_dir):
    labels = {}
    for line in open(os.path.join(HERE, "check", "seeds.tsv")):
        if line.startswith("#") or not line.strip():
            continue
        name, article = line.split()
        p = subprocess.run([exe, "claims", "--source", article, "--json"],
                           capture_output=True, text=True, check=True)
        want = {}
        for c in json.loads(p.stdout)["results"]:
            for s in c["stances"]:
                if s["source"] == article:
                    want[c["id"]] = s["stance"]
        labels[os.path.join(seed_dir, name)] = want
    return labels


def file_labels(d):
    labels = collections.defaultdict(dict)
    for line in open(os.path.join(d, "labels.tsv")):
        if line.startswith("#") or not line.strip():
            continue
        name, claim, stance = line.rstrip("\n").split("\t")
        labels[os.path.join(d, name)][claim] = stance
    # Every article in DIR counts, labelled or not (one with no claims has
    # no lines); other files (SOURCES.tsv, README.md, notes) are not articles.
    for name in os.listdir(d):
        if name.lower().endswith(ARTICLE_EXTENSIONS) and name != "README.md":
            labels.setdefault(os.path.join(d, name), {})
    return labels


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mgcramp", default=os.path.join(HERE, "..", "build", "mgcramp"))
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("set", choices=["seeds", "labels"])
    ap.add_argument("dir", nargs="?")
    a = ap.parse_args()
    if a.set == "seeds":
        labels = seed_labels(a.mgcramp, a.dir or os.path.join(HERE, "..", "..", "shared", "seeds"))
    else:
        if not a.dir:
            sys.exit("labels needs a directory")
        labels = file_labels(a.dir)
    tot = collections.Counter()
    for path, want in sorted(labels.items()):
        got = run_check(a.mgcramp, path)
        right = sum(1 for c, s in got.items() if want.get(c) == s)
        ids = sum(1 for c in got if c in want)
        tot.update(found=len(got), labelled=len(want), right=right, ids=ids)
        print(f"{os.path.basename(path)}: found {len(got)}, labelled {len(want)}, "
              f"right {right} (claim ids {ids})")
        if a.verbose:
            for c, s in sorted(got.items()):
                if c not in want:
                    print(f"   extra  {c} {s}")
                elif want[c] != s:
                    print(f"   stance {c} got {s}, want {want[c]}")
            for c, s in sorted(want.items()):
                if c not in got:
                    print(f"   missed {c} {s}")

    def pct(n, d):
        return f"{100.0 * n / d:.0f}%" if d else "n/a"
    print(f"claims and stances: precision {pct(tot['right'], tot['found'])} "
          f"({tot['right']}/{tot['found']}), recall {pct(tot['right'], tot['labelled'])} "
          f"({tot['right']}/{tot['labelled']})")
    print(f"claim ids alone:    precision {pct(tot['ids'], tot['found'])}, "
          f"recall {pct(tot['ids'], tot['labelled'])}")


if __name__ == "__main__":
    main()
