#!/usr/bin/env python3
"""Test AUC and log loss of every model with 95% bootstrap intervals, and each Workbench recipe's paired
difference against the best scikit-learn peer; prints a Markdown table and writes results.json / results.md.

    compare.py --splits DIR --predictions DIR --out DIR [--resamples N] [--seed N]

Every model's predictions are paired by key (the test row's number). The bootstrap resamples the split's
groups (ads, for a dataset split by ad, since rows of one ad are not independent) or else rows, with
replacement; one set of resamples is shared by all models of a dataset, so differences are paired.
Percentile intervals. The best peer is the scikit-learn model with the higher test AUC (a choice made on the
test rows, which can only favour the peers).
"""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.stats import rankdata

EPS = 1e-7


def auc(y, s):
    positives = y.sum()
    negatives = len(y) - positives
    if positives == 0 or negatives == 0:
        return np.nan
    ranks = rankdata(s)
    return (ranks[y == 1].sum() - positives * (positives + 1) / 2) / (positives * negatives)


def log_loss(y, s):
    s = np.clip(s, EPS, 1 - EPS)
    return float(-np.mean(y * np.log(s) + (1 - y) * np.log(1 - s)))


def interval(values):
    values = values[~np.isnan(values)]
    return [float(np.percentile(values, 2.5)), float(np.percentile(values, 97.5))]


def dataset(name, split_dir, prediction_dir, resamples, seed):
    split = json.loads((split_dir / "split.json").read_text())
    test = pd.read_csv(split_dir / "test.csv", dtype=str, keep_default_na=False)
    models = {}
    order = ["logistic_cv", "hist_gb"] + [f"wb_{r}" for r in ("tabular", "logistic", "image", "multimodal")]
    rank = lambda path: (order.index(path.stem) if path.stem in order else len(order), path.stem)
    for described in sorted(prediction_dir.glob("*.json"), key=rank):
        info = json.loads(described.read_text())
        scores = pd.read_csv(described.with_suffix(".csv")).sort_values("key")
        assert list(scores["key"]) == list(range(1, len(test) + 1)), f"{described}: keys are not the test rows"
        models[info["model"]] = (info, scores["label"].to_numpy(), scores["score"].to_numpy())
    y = next(iter(models.values()))[1]
    assert all((labels == y).all() for _, labels, _ in models.values()), f"{name}: labels differ between models"
    unit = split["split_by"]
    groups = test[unit].to_numpy() if unit != "row" else np.arange(len(test))
    members = [np.flatnonzero(groups == g) for g in pd.unique(groups)]
    rng = np.random.default_rng(seed)
    names = list(models)
    boot = {m: {"auc": np.empty(resamples), "log_loss": np.empty(resamples)} for m in names}
    for b in range(resamples):
        rows = np.concatenate([members[i] for i in rng.integers(0, len(members), len(members))])
        for m in names:
            boot[m]["auc"][b] = auc(y[rows], models[m][2][rows])
            boot[m]["log_loss"][b] = log_loss(y[rows], models[m][2][rows])
    result = {"dataset": name, "test_rows": len(y), "test_positives": int(y.sum()), "bootstrap_unit": unit,
              "bootstrap_units": len(members), "resamples": resamples, "split": split, "models": {}}
    for m in names:
        info, _, s = models[m]
        result["models"][m] = {**info, "auc": float(auc(y, s)), "auc_ci": interval(boot[m]["auc"]),
                               "log_loss": log_loss(y, s), "log_loss_ci": interval(boot[m]["log_loss"])}
    peers = [m for m in names if models[m][0]["kind"] == "scikit-learn"]
    best = max(peers, key=lambda m: result["models"][m]["auc"])
    result["best_peer"] = best
    for m in names:
        if models[m][0]["kind"] != "workbench":
            continue
        d_auc = boot[m]["auc"] - boot[best]["auc"]
        d_ll = boot[m]["log_loss"] - boot[best]["log_loss"]
        entry = result["models"][m]
        entry["vs_best_peer"] = {
            "peer": best,
            "auc_diff": entry["auc"] - result["models"][best]["auc"], "auc_diff_ci": interval(d_auc),
            "log_loss_diff": entry["log_loss"] - result["models"][best]["log_loss"], "log_loss_diff_ci": interval(d_ll),
            "wall_ratio": entry["wall_s"] / result["models"][best]["wall_s"]}
    return result


def markdown(results):
    f = lambda v, ci: f"{v:.3f} [{ci[0]:.3f}, {ci[1]:.3f}]"
    d = lambda v, ci: f"{v:+.3f} [{ci[0]:+.3f}, {ci[1]:+.3f}]"
    lines = ["| Dataset (test rows, positives; bootstrap unit) | Model | Test AUC [95%] | Test log loss [95%] "
             "| AUC − best peer [95%] | Log loss − best peer [95%] | Wall s |",
             "|---|---|---|---|---|---|---|"]
    notes = []
    for r in results:
        where = f"{r['dataset']} ({r['test_rows']}, {r['test_positives']}; {r['bootstrap_units']} " \
                f"{'ads' if r['bootstrap_unit'] == 'ad_id' else 'rows'})"
        for m, e in r["models"].items():
            label = f"{m} (best peer)" if m == r["best_peer"] else m
            vs = e.get("vs_best_peer")
            lines.append(f"| {where} | {label} | {f(e['auc'], e['auc_ci'])} | {f(e['log_loss'], e['log_loss_ci'])} | "
                         + (f"{d(vs['auc_diff'], vs['auc_diff_ci'])} | {d(vs['log_loss_diff'], vs['log_loss_diff_ci'])}"
                            if vs else "— | —") + f" | {e['wall_s']:.1f} |")
            where = ""
        peer = next(e for e in r["models"].values() if e["kind"] == "scikit-learn")
        ours = next((e for e in r["models"].values() if e["kind"] == "workbench" and e["recipe"] == "tabular"), None)
        notes.append(f"- {r['dataset']}: peers read numeric {peer['numeric']} and categorical {peer['categorical']}"
                     + ("" if not ours else "; Workbench's tabular recipe the same"
                        if set(ours["numeric"] + ours["categorical"]) == set(peer["numeric"] + peer["categorical"])
                        and ours["numeric"] == peer["numeric"] else
                        f"; Workbench's tabular recipe read numeric {ours['numeric']} and categorical "
                        f"{ours['categorical']}")
                     + (f"; the image and multimodal recipes add the images ({r['split']['image_column']})"
                        if r["split"]["image_column"] else "") + ".")
    return "\n".join(lines) + "\n\nColumns used:\n" + "\n".join(notes) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", required=True, type=Path)
    parser.add_argument("--predictions", required=True, type=Path)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--resamples", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    results = [dataset(d.name, args.splits / d.name, d, args.resamples, args.seed)
               for d in sorted(args.predictions.iterdir()) if d.is_dir()]
    table = markdown(results)
    (args.out / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    (args.out / "results.md").write_text(table)
    print(table)


if __name__ == "__main__":
    main()
