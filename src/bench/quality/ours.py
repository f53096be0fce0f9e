#!/usr/bin/env python3
"""Workbench's recipes on a split: `workbench train` on train.csv, `workbench evaluate` on test.csv.

    ours.py --workbench PATH --split DIR --out DIR --epochs N [--seed N]

Tries every recipe that `workbench train --help` lists among tabular, logistic, image and multimodal
(image and multimodal only when the split has an image column), and passes validation.csv with
--validation-data when the help lists that option (else Workbench holds out its own share of train.csv).
Writes OUT/wb_<recipe>.csv (key, label, score, rows sorted by key) and OUT/wb_<recipe>.json (wall time of
the train and evaluate processes, the columns the model read, the run id).

Pairing: `workbench evaluate` writes <run dir>/eval/evaluations/<stamp>/predictions.csv, whose key is the
row's number in the scored CSV (1 = the first data row) and whose rows come in no fixed order. Every key
is checked against test.csv: the keys must be 1..N once each, and each row's label and categorical slice
columns must equal test.csv's at that row.
"""
import argparse
import json
import re
import subprocess
import time
from pathlib import Path

import pandas as pd

RECIPES = ("tabular", "logistic", "image", "multimodal")
NEEDS_IMAGES = {"image", "multimodal"}


def help_text(workbench):
    return subprocess.run([workbench, "train", "--help"], check=True, capture_output=True, text=True).stdout


def listed_recipes(text):
    """The recipe names in the description of --recipe (up to the next option)."""
    match = re.search(r"^\s+--recipe=\S*(.*?)(?=\n\s+-)", text, re.S | re.M)
    described = match.group(1) if match else ""
    return [r for r in RECIPES if re.search(rf"\b{r}\b", described)]


def run(command):
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr[-3000:]}\n{done.stdout[-2000:]}")
    return json.loads(done.stdout), wall


def paired(predictions_csv, test, label):
    """Workbench's predictions sorted by key, after checking each row against test.csv."""
    ours = pd.read_csv(predictions_csv, dtype=str, keep_default_na=False)
    keys = ours["key"].astype(int)
    if sorted(keys) != list(range(1, len(test) + 1)):
        raise SystemExit(f"{predictions_csv}: keys are not 1..{len(test)} once each")
    rows = test.iloc[keys - 1].reset_index(drop=True)
    if (ours["label"].astype(int).to_numpy() != rows[label].astype(int).to_numpy()).any():
        raise SystemExit(f"{predictions_csv}: a label differs from test.csv's row at its key")
    for column in ours.columns[3:]:
        given = rows[column] != ""
        if (ours[column][given] != rows[column][given]).any():
            raise SystemExit(f"{predictions_csv}: column {column} differs from test.csv's row at its key")
    ours = ours.assign(key=keys).sort_values("key")
    return pd.DataFrame({"key": ours["key"], "label": ours["label"].astype(int), "score": ours["score"].astype(float)})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workbench", required=True)
    parser.add_argument("--split", required=True, type=Path)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--epochs", type=int, required=True, help="most epochs; 0 for each recipe's default")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    split = json.loads((args.split / "split.json").read_text())
    label, image = split["label"], split["image_column"]
    test = pd.read_csv(args.split / "test.csv", dtype=str, keep_default_na=False)
    text = help_text(args.workbench)
    with_validation = "--validation-data" in text
    exclude = [c for c in split["id_columns"] if c != image]
    args.out.mkdir(parents=True, exist_ok=True)
    for recipe in listed_recipes(text):
        if recipe in NEEDS_IMAGES and not image:
            continue
        train = [args.workbench, "train", "--data", str(args.split / "train.csv"), "--label", label,
                 "--recipe", recipe, "--seed", str(args.seed), "--json"]
        if args.epochs > 0:
            train += ["--epochs", str(args.epochs)]
        if exclude:
            train += ["--exclude", ",".join(exclude)]
        if with_validation:
            train += ["--validation-data", str(args.split / "validation.csv")]
        trained, train_wall = run(train)
        run_id = trained["run_id"]
        evaluated, eval_wall = run([args.workbench, "evaluate", run_id, "--data", str(args.split / "test.csv"), "--json"])
        predictions = paired(evaluated["predictions"], test, label)
        name = f"wb_{recipe}"
        predictions.to_csv(args.out / f"{name}.csv", index=False)
        features = json.loads((Path(trained["run_dir"]) / "features.json").read_text())
        (args.out / f"{name}.json").write_text(json.dumps({
            "model": name, "kind": "workbench", "recipe": recipe, "run_id": run_id,
            "wall_s": train_wall + eval_wall, "train_wall_s": train_wall, "evaluate_wall_s": eval_wall,
            "numeric": features.get("numeric", []), "categorical": features.get("categorical", []),
            "image": features.get("image"), "epochs_max": args.epochs, "best_epoch": trained.get("best_epoch"),
            "validation": "validation.csv (--validation-data)" if with_validation
            else "its own random 20% of train.csv (--validation-fraction default)",
            "workbench_test_auc": evaluated.get("auc"), "workbench_test_log_loss": evaluated.get("log_loss")},
            indent=2) + "\n")
        print(f"{split['name']} {name}: run {run_id}, train {train_wall:.1f} s + evaluate {eval_wall:.1f} s, "
              f"best epoch {trained.get('best_epoch')}, test AUC {evaluated.get('auc'):.4f}")


if __name__ == "__main__":
    main()
