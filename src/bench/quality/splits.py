#!/usr/bin/env python3
"""Leak-free train / validation / test splits of the benchmark datasets, as CSV files.

Each dataset gets a folder under OUT holding train.csv, validation.csv, test.csv (the source's rows and
columns, unchanged and in source order within each split), an images/ folder with a copy of every image
that the rows reference (Workbench refuses image paths that leave a dataset's folder), and split.json
describing the split. Rows that share a group (an ad) never land on two sides.

    splits.py --shared DIR --demo DIR --out DIR [--seed N]
"""
import argparse
import json
import shutil
from pathlib import Path

import numpy as np
import pandas as pd

SHARES = (0.6, 0.2, 0.2)
SIDES = ("train", "validation", "test")


def split_sides(keys, seed):
    """Maps each distinct key to a side: a seeded shuffle of the keys cut 60/20/20."""
    distinct = np.array(sorted(set(keys)))
    order = np.random.default_rng(seed).permutation(len(distinct))
    cut1 = int(round(SHARES[0] * len(distinct)))
    cut2 = int(round((SHARES[0] + SHARES[1]) * len(distinct)))
    side = {}
    for position, index in enumerate(order):
        side[distinct[index]] = SIDES[0] if position < cut1 else SIDES[1] if position < cut2 else SIDES[2]
    return [side[k] for k in keys]


def write_dataset(name, csv, label, group, image_column, id_columns, out, seed, note):
    """Splits one CSV by `group` (a column; None: by row) and writes it under out/name."""
    # Read every cell as text so that the CSVs written are the source's values exactly.
    frame = pd.read_csv(csv, dtype=str, keep_default_na=False)
    keys = list(frame[group]) if group else list(range(len(frame)))
    sides = split_sides(keys, seed)
    target = out / name
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    counts = {}
    for side in SIDES:
        part = frame[[s == side for s in sides]]
        part.to_csv(target / f"{side}.csv", index=False, lineterminator="\n")
        labels = part[label].astype(int)
        counts[side] = {"rows": len(part), "positives": int(labels.sum()),
                        "groups": int(part[group].nunique()) if group else len(part)}
    if group:
        seen = [set(frame[group][[s == side for s in sides]]) for side in SIDES]
        assert not (seen[0] & seen[1] or seen[0] & seen[2] or seen[1] & seen[2]), "a group is on two sides"
    if image_column:
        source_root = Path(csv).resolve().parent
        for relative in sorted(set(frame[image_column]) - {""}):
            source = (source_root / relative).resolve()
            if source_root not in source.parents:
                raise SystemExit(f"{csv}: image path {relative} leaves the dataset's folder")
            copy = target / relative
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, copy)
    described = {"name": name, "source": str(csv), "label": label, "image_column": image_column,
                 "split_by": group or "row", "shares": SHARES, "seed": seed, "id_columns": id_columns,
                 "sides": counts, "note": note}
    (target / "split.json").write_text(json.dumps(described, indent=2) + "\n")
    print(f"{name}: split by {group or 'row'}: " + ", ".join(
        f"{side} {c['rows']} rows ({c['positives']} positive, {c['groups']} groups)" for side, c in counts.items()))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", required=True, type=Path, help="the shared data folder (holds data/)")
    parser.add_argument("--demo", required=True, type=Path, help="a folder written by workbench demo-data")
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    data = args.shared / "data"
    write_dataset("ad-perceptions", data / "ad-perceptions" / "ads.csv", "label_positive", "ad_id", "image_path",
                  ["row_id", "pid", "ad_id", "image_path"], args.out, args.seed,
                  "Split by ad: no ad is on two sides. Participants (pid) do repeat across sides.")
    # Demo ad_ids are unique per row (checked below), so its rows are split one by one.
    demo = pd.read_csv(args.demo / "ads.csv", usecols=["ad_id"])
    if demo["ad_id"].duplicated().any():
        raise SystemExit(f"{args.demo}/ads.csv: ad_id repeats; split it by ad_id instead")
    write_dataset("demo", args.demo / "ads.csv", "clicked", None, "image", ["ad_id", "image"], args.out, args.seed,
                  "Synthetic; every ad_id appears once, so rows are split one by one.")
    write_dataset("criteo-sample", data / "criteo-sample" / "criteo_sample.csv", "label", None, None, [],
                  args.out, args.seed, "200 rows: about 40 test rows and 10 positives, so intervals are wide.")


if __name__ == "__main__":
    main()
