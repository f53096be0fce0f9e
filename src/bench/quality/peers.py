#!/usr/bin/env python3
"""The scikit-learn peers: fit on a split's train.csv (validation.csv for early stopping), score test.csv.

    peers.py --split DIR --out DIR [--seed N]

Writes OUT/<model>.csv (key, label, score; key = the test row's number, 1 = the first data row, as in
Workbench's predictions) and OUT/<model>.json (wall time of fit + predict, the columns used, what was tuned).
  logistic_cv : one-hot categoricals; numerics sign(x)*log1p(|x|), missing -> median + an indicator,
                standardised; L2 LogisticRegression with C chosen by 5-fold CV on train (log loss;
                folds grouped by the split's group column when it has one).
  hist_gb     : HistGradientBoostingClassifier, categoricals ordinal-encoded as categorical features,
                numerics raw (missing handled natively); the number of boosting iterations is the one with
                the lowest validation log loss, grown until 30 iterations bring no lower one (early stopping
                on validation.csv).
"""
import argparse
import json
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss
from sklearn.model_selection import GridSearchCV, GroupKFold, StratifiedKFold
from sklearn.pipeline import make_pipeline, Pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, OrdinalEncoder, StandardScaler


def signed_log1p(x):
    return np.sign(x) * np.log1p(np.abs(x))


def columns(frame, split):
    """Feature columns: everything but the label and the id columns, typed by pandas' inference."""
    features = [c for c in frame.columns if c != split["label"] and c not in split["id_columns"]]
    numeric = [c for c in features if pd.api.types.is_numeric_dtype(frame[c])]
    categorical = [c for c in features if c not in numeric]
    return numeric, categorical


def logistic_cv(train, valid, test, y, numeric, categorical, groups, seed):
    pre = ColumnTransformer([
        ("num", make_pipeline(FunctionTransformer(signed_log1p), SimpleImputer(strategy="median", add_indicator=True),
                              StandardScaler()), numeric),
        ("cat", make_pipeline(SimpleImputer(strategy="constant", fill_value="(missing)"),
                              OneHotEncoder(handle_unknown="ignore")), categorical)])
    model = Pipeline([("pre", pre), ("lr", LogisticRegression(max_iter=5000))])
    folds = (GroupKFold(5).split(train, y, groups) if groups is not None
             else StratifiedKFold(5, shuffle=True, random_state=seed).split(train, y))
    search = GridSearchCV(model, {"lr__C": np.logspace(-4, 2, 13)}, cv=list(folds), scoring="neg_log_loss")
    search.fit(train[numeric + categorical], y)
    score = search.predict_proba(test[numeric + categorical])[:, 1]
    return score, {"C": float(search.best_params_["lr__C"]), "cv": "GroupKFold(5)" if groups is not None
                   else "StratifiedKFold(5)", "cv_log_loss": float(-search.best_score_)}


STEP, PATIENCE, MAX_ITER = 10, 30, 1000


def hist_gb(train, valid, test, y, numeric, categorical, groups, seed):
    y_valid = valid["__label"]
    encoder = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1, encoded_missing_value=-1)
    def matrix(frame, fit=False):
        cats = frame[categorical].fillna("(missing)").astype(str)
        coded = (encoder.fit_transform(cats) if fit else encoder.transform(cats)) if categorical else np.empty((len(frame), 0))
        return np.hstack([frame[numeric].to_numpy(dtype=float), coded])
    x_train = matrix(train, fit=True)
    if categorical and max(len(c) for c in encoder.categories_) > 254:
        raise SystemExit("a categorical column has more than 254 values; HistGradientBoosting takes at most 255")
    x_valid, x_test = matrix(valid), matrix(test)
    mask = [False] * len(numeric) + [True] * len(categorical)
    model = HistGradientBoostingClassifier(learning_rate=0.05, max_iter=STEP, early_stopping=False, warm_start=True,
                                           categorical_features=mask if categorical else None, random_state=seed)
    # Early stopping on the validation split: grow STEP iterations at a time while the validation log loss
    # improved within the last PATIENCE iterations; keep the iteration count with the lowest one.
    losses = []
    while len(losses) < MAX_ITER and (len(losses) < PATIENCE or min(losses[-PATIENCE:]) <= min(losses)):
        model.set_params(max_iter=len(losses) + STEP)
        model.fit(x_train, y)
        losses += [log_loss(y_valid, p[:, 1], labels=[0, 1])
                   for p in list(model.staged_predict_proba(x_valid))[len(losses):]]
    best = int(np.argmin(losses))
    score = next(p[:, 1] for stage, p in enumerate(model.staged_predict_proba(x_test)) if stage == best)
    return score, {"iterations": best + 1, "grown": len(losses), "validation_log_loss": float(losses[best]),
                   "learning_rate": 0.05, "patience": PATIENCE}


PEERS = {"logistic_cv": logistic_cv, "hist_gb": hist_gb}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", required=True, type=Path)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    split = json.loads((args.split / "split.json").read_text())
    frames = {side: pd.read_csv(args.split / f"{side}.csv") for side in ("train", "validation", "test")}
    for frame in frames.values():
        frame["__label"] = frame[split["label"]].astype(int)
    train, valid, test = frames["train"], frames["validation"], frames["test"]
    numeric, categorical = columns(train.drop(columns="__label"), split)
    groups = train[split["split_by"]].to_numpy() if split["split_by"] != "row" else None
    args.out.mkdir(parents=True, exist_ok=True)
    for name, fit in PEERS.items():
        started = time.perf_counter()
        score, tuned = fit(train, valid, test, train["__label"], numeric, categorical, groups, args.seed)
        wall = time.perf_counter() - started
        pd.DataFrame({"key": np.arange(1, len(test) + 1), "label": test["__label"], "score": score}) \
            .to_csv(args.out / f"{name}.csv", index=False)
        (args.out / f"{name}.json").write_text(json.dumps({
            "model": name, "kind": "scikit-learn", "wall_s": wall, "numeric": numeric, "categorical": categorical,
            "tuned": tuned, "train_rows": len(train), "validation_rows": len(valid)}, indent=2) + "\n")
        print(f"{split['name']} {name}: {wall:.1f} s, {tuned}")


if __name__ == "__main__":
    main()
