#!/usr/bin/env python3
"""Workbench's recipes in PyTorch: the peer for training throughput, on the same rows, batch and epochs.

    torch_train.py --config RUN.json --train train.csv --validation validation.csv --epochs N --threads T --out DIR

RUN.json says which network to build and how big, so that the peer trains what a Workbench run trained:

    {"recipe": "logistic" | "tabular" | "image" | "multimodal",
     "hyperparameters": {...},   # the run's spec.json "hyperparameters": batchSize, learningRate, embeddingSize,
                                 # hashBuckets, hiddenUnits, convFilters, imageSize, seed, l2, dropout
     "features": {...},          # the run's features.json: numeric, categorical, image, label, imageSize
     "log1p": [...],             # the numeric columns the run log1p-transforms (its "prepared" event)
     "crossed_columns": 8}       # WidePart.CROSSED_COLUMNS

What it mirrors (engine/src/main/java/me/adsby/workbench/engine/model as of commit b44bc8c, 2026-12-01):

- NetworkInputs: each numeric column log1p(max(x, 0)) where the run says so, standardised with the training
  rows' mean and standard deviation, missing as 0, then one missing indicator per column: width 2k.
  Categorical column j hashed into hashBuckets buckets, offset by j * hashBuckets, "" for missing.
- WidePart: a bias-free linear map of the 2k numeric values, a one-dimensional embedding (a weight per
  bucket) of each hashed column summed, and the same for the hashed crosses of each pair among the first 8
  categorical columns (28 pairs when there are 8 or more); zeros at the start.
- DeepTower: the 2k numeric values, an embedding table of hashBuckets x embeddingSize rows per column (uniform
  +-0.05) and the image tower's output concatenated, dropout, then Linear + ReLU layers of hiddenUnits each
  followed by dropout, and a bias-free logit layer (zeros). Image tower: pixels 0..255 to -1..1, two blocks of
  3x3 convolution (same padding; convFilters, then 2 x convFilters) + ReLU + 2x2 max pooling, flatten, a
  dense layer of hiddenUnits[0] + ReLU. (Channels first here, channels last in TensorFlow: the same arithmetic.)
- CtrNetwork: the sum of the parts' logits and a bias that starts at the training rows' log-odds; Recipe:
  logistic = wide, tabular = wide + deep over the tabular features, image = deep over the image alone,
  multimodal = wide + deep with the image.
- CtrTrainer: mean sigmoid cross-entropy plus l2 x the sum of squared weights (every weight but the biases,
  embedding tables whole, so their updates are dense as in TensorFlow), Adam (0.9, 0.999, 1e-8). Here the
  penalty is Adam's weight decay of 2 x l2 on those weights: the same gradient, without the penalty's forward
  pass, which favours PyTorch slightly.
- TrainingLoop and the worker: the training rows shuffled anew each epoch, batches of batchSize (the last one
  partial), then a validation pass and a checkpoint (weights and Adam's state) each epoch; at the end the
  best epoch's model is saved and the validation rows scored with it.
- Images (input/Letterbox): fitted into imageSize x imageSize keeping their aspect, black bars, bilinear;
  decoded once per row, as Workbench's preparation does.

Differences that favour PyTorch: strings are hashed once before training (PyTorch has no string tensors;
Workbench hashes and crosses them in its graph at every step), with CRC-32 rather than TensorFlow's
Fingerprint64 (which buckets, not how fast), and numerics are parsed once into NaN-filled arrays.
When the image tower or the encoding changes in the engine (pooling, batch norm, augmentation, a
vocabulary instead of hashing), change ImageTower, hashed() and crossed() here to match. Runs of an engine
with ADR 18's changes (their spec.json has minCount and crossColumns) are refused until then.

Timing: an epoch's examples/s counts the training steps only, from making the batch's tensors to Adam's
step (Workbench's TrainingLoop times CtrTrainer.trainStep, which also makes the batch's tensors and runs the
graph); gathering the batch's rows from memory, validation and checkpoints are outside it, as in Workbench.
Writes OUT/result.json: each epoch's examples/s and losses, the phases' wall times and the thread settings.
"""
import argparse
import json
import math
import time
import zlib
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from PIL import Image
from torch import nn


def log_loss_and_auc(labels, scores):
    """Mean log loss, exact ROC AUC (ties 1/2; NaN with one class) and accuracy at 0.5."""
    p = np.clip(scores, 1e-7, 1 - 1e-7)
    loss = float(-np.mean(labels * np.log(p) + (1 - labels) * np.log(1 - p)))
    positives = labels.sum()
    negatives = len(labels) - positives
    if positives == 0 or negatives == 0:
        auc = float("nan")
    else:
        ranks = pd.Series(scores).rank(method="average").to_numpy()
        auc = float((ranks[labels == 1].sum() - positives * (positives + 1) / 2) / (positives * negatives))
    accuracy = float(np.mean((scores >= 0.5) == (labels == 1)))
    return loss, auc, accuracy


class Encoded:
    """One CSV's rows as arrays: raw numerics (NaN for missing), hashed buckets, hashed crosses, pixels, labels."""

    def __init__(self, csv, config, decode_images):
        features = config["features"]
        hp = config["hyperparameters"]
        tabular = config["recipe"] != "image"
        frame = pd.read_csv(csv, dtype=str, keep_default_na=False)
        self.labels = frame[features["label"]].astype(np.float32).to_numpy().reshape(-1, 1)
        self.numeric = None
        self.hashed = None
        self.crossed = None
        self.pixels = None
        buckets = hp["hashBuckets"]
        if tabular and features["numeric"]:
            self.numeric = np.stack([pd.to_numeric(frame[c].str.strip(), errors="coerce").to_numpy(np.float32)
                                     for c in features["numeric"]], axis=1)
        if tabular and features["categorical"]:
            columns = [frame[c].to_numpy() for c in features["categorical"]]
            self.hashed = hashed(columns, buckets)
            self.crossed = crossed(columns[:config.get("crossed_columns", 8)], buckets)
        if decode_images:
            self.pixels = images(frame[features["image"]], Path(csv).parent, features["imageSize"])

    def __len__(self):
        return len(self.labels)

    def take(self, rows):
        """The batch's arrays (numpy, not yet tensors)."""
        return {name: None if array is None else array[rows]
                for name, array in (("numeric", self.numeric), ("hashed", self.hashed),
                                    ("crossed", self.crossed), ("pixels", self.pixels), ("labels", self.labels))}


def bucket(values, buckets):
    return np.fromiter((zlib.crc32(v.encode("utf-8")) % buckets for v in values), dtype=np.int64, count=len(values))


def hashed(columns, buckets):
    """[N, m]: column j's value hashed into its own range of buckets, j * buckets + hash % buckets."""
    return np.stack([bucket(values, buckets) + j * buckets for j, values in enumerate(columns)], axis=1)


def crossed(columns, buckets):
    """[N, pairs] for each pair (a < b) of the columns, the values joined by a unit separator; None under 2."""
    if len(columns) < 2:
        return None
    pairs = [(a, b) for a in range(len(columns)) for b in range(a + 1, len(columns))]
    return np.stack([bucket([x + "\u001f" + y for x, y in zip(columns[a], columns[b])], buckets) + p * buckets
                     for p, (a, b) in enumerate(pairs)], axis=1)


def letterbox(path, size):
    """[3, size, size] uint8: the image fitted into the square, keeping its aspect, black bars; zeros if unreadable."""
    out = np.zeros((size, size, 3), dtype=np.uint8)
    try:
        with Image.open(path) as image:
            image.load()
            if image.mode in ("RGBA", "LA", "P") or "transparency" in image.info:
                rgba = image.convert("RGBA")
                opaque = Image.new("RGB", rgba.size)
                opaque.paste(rgba, mask=rgba.getchannel("A"))
            else:
                opaque = image.convert("RGB")
    except (OSError, ValueError):
        return out.transpose(2, 0, 1)
    width, height = opaque.size
    scale = min(size / width, size / height)
    target = (max(1, min(size, round(width * scale))), max(1, min(size, round(height * scale))))
    scaled = np.asarray(opaque.resize(target, Image.BILINEAR, reducing_gap=2.0))
    left, top = (size - target[0]) // 2, (size - target[1]) // 2
    out[top:top + target[1], left:left + target[0]] = scaled
    return out.transpose(2, 0, 1)


def images(paths, root, size):
    return np.stack([letterbox(root / p, size) if p else np.zeros((3, size, size), np.uint8) for p in paths])


class NumericInputs(nn.Module):
    """NetworkInputs.numeric: log1p where asked, standardised, missing as 0, then the missing indicators."""

    def __init__(self, log1p_mask, means, stds):
        super().__init__()
        self.register_buffer("mask", torch.tensor(log1p_mask, dtype=torch.float32))
        self.register_buffer("means", torch.tensor(means, dtype=torch.float32))
        self.register_buffer("stds", torch.tensor(stds, dtype=torch.float32))

    def forward(self, raw):
        logged = torch.log1p(torch.clamp(raw, min=0))
        values = raw + self.mask * (logged - raw)
        scaled = (values - self.means) / self.stds
        missing = torch.isnan(raw)
        return torch.cat([torch.where(missing, torch.zeros_like(scaled), scaled), missing.float()], dim=1)


class WidePart(nn.Module):
    def __init__(self, numeric_width, categorical, pairs, buckets):
        super().__init__()
        self.numeric = nn.Linear(numeric_width, 1, bias=False) if numeric_width else None
        self.categorical = nn.Embedding(categorical * buckets, 1) if categorical else None
        self.crosses = nn.Embedding(pairs * buckets, 1) if pairs else None
        for module in (self.numeric, self.categorical, self.crosses):
            if module is not None:
                nn.init.zeros_(module.weight)

    def forward(self, numeric, hashed, crossed):
        terms = []
        if self.numeric is not None:
            terms.append(self.numeric(numeric))
        if self.categorical is not None:
            terms.append(self.categorical(hashed).sum(dim=1))
        if self.crosses is not None:
            terms.append(self.crosses(crossed).sum(dim=1))
        return sum(terms)


class ImageTower(nn.Module):
    """DeepTower.imageTower: two 3x3 conv + ReLU + 2x2 max-pool blocks, then a dense layer + ReLU."""

    def __init__(self, filters, size, units):
        super().__init__()
        side = size // 2 // 2
        self.layers = nn.Sequential(
            nn.Conv2d(3, filters, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(filters, 2 * filters, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(side * side * 2 * filters, units), nn.ReLU())
        for module in self.layers:
            if isinstance(module, (nn.Conv2d, nn.Linear)):
                he(module)

    def forward(self, pixels):
        return self.layers(pixels * (2.0 / 255.0) - 1.0)


def he(layer):
    """He truncated normal (fan in, cut at 2 standard deviations) and a zero bias: Weights.Start.HE and ZEROS."""
    std = math.sqrt(2.0 / layer.weight[0].numel()) / 0.87962566103423978
    nn.init.trunc_normal_(layer.weight, std=std, a=-2 * std, b=2 * std)
    nn.init.zeros_(layer.bias)


class DeepTower(nn.Module):
    def __init__(self, numeric_width, categorical, buckets, hp, image):
        super().__init__()
        units = hp["hiddenUnits"]
        self.embeddings = nn.Embedding(categorical * buckets, hp["embeddingSize"]) if categorical else None
        if self.embeddings is not None:
            nn.init.uniform_(self.embeddings.weight, -0.05, 0.05)
        self.image = ImageTower(hp["convFilters"], hp["imageSize"], units[0]) if image else None
        width = numeric_width + categorical * hp["embeddingSize"] + (units[0] if image else 0)
        self.dropout = nn.Dropout(hp["dropout"])
        hidden = []
        for out in units:
            layer = nn.Linear(width, out)
            he(layer)
            hidden.append(layer)
            width = out
        self.hidden = nn.ModuleList(hidden)
        self.logit = nn.Linear(width, 1, bias=False)
        nn.init.zeros_(self.logit.weight)

    def forward(self, numeric, hashed, pixels):
        parts = []
        if numeric is not None:
            parts.append(numeric)
        if self.embeddings is not None:
            parts.append(self.embeddings(hashed).flatten(1))
        if self.image is not None:
            parts.append(self.image(pixels))
        x = self.dropout(parts[0] if len(parts) == 1 else torch.cat(parts, dim=1))
        for layer in self.hidden:
            x = self.dropout(torch.relu(layer(x)))
        return self.logit(x)


class CtrNetwork(nn.Module):
    def __init__(self, config, train):
        super().__init__()
        recipe = config["recipe"]
        hp = config["hyperparameters"]
        features = config["features"]
        tabular = recipe != "image"
        numeric = features["numeric"] if tabular else []
        categorical = len(features["categorical"]) if tabular else 0
        pairs = train.crossed.shape[1] if tabular and train.crossed is not None else 0
        buckets = hp["hashBuckets"]
        self.inputs = None
        if numeric:
            log1p = set(config.get("log1p", []))
            mask = [1.0 if c in log1p else 0.0 for c in numeric]
            raw = torch.from_numpy(train.numeric)
            values = (raw + torch.tensor(mask) * (torch.log1p(torch.clamp(raw, min=0)) - raw)).numpy()
            means = np.nanmean(values, axis=0)
            stds = np.nanstd(values, axis=0)
            stds = np.where(np.isfinite(stds) & (stds > 0), stds, 1.0)
            self.inputs = NumericInputs(mask, np.nan_to_num(means), stds)
        width = 2 * len(numeric)
        self.wide = WidePart(width, categorical, pairs, buckets) if recipe in ("logistic", "tabular", "multimodal") else None
        self.deep = (DeepTower(width, categorical, buckets, hp, recipe in ("image", "multimodal"))
                     if recipe != "logistic" else None)
        prior = float(train.labels.mean())
        prior = min(max(prior, 1e-6), 1 - 1e-6)
        self.bias = nn.Parameter(torch.full((1,), math.log(prior / (1 - prior))))

    def forward(self, numeric, hashed, crossed, pixels):
        numeric = self.inputs(numeric) if self.inputs is not None else None
        logits = self.bias
        if self.wide is not None:
            logits = logits + self.wide(numeric, hashed, crossed)
        if self.deep is not None:
            logits = logits + self.deep(numeric, hashed, pixels)
        return logits

    def penalized(self):
        """Every weight but the biases, as Weights counts them for the L2 penalty."""
        return [p for name, p in self.named_parameters() if not name.endswith("bias")]


def tensors(batch):
    return {name: None if array is None else torch.from_numpy(array) for name, array in batch.items()}


def forward(model, t):
    pixels = t["pixels"].float() if t["pixels"] is not None else None
    return model(t["numeric"], t["hashed"], t["crossed"], pixels)


def score(model, data, batch_size):
    model.eval()
    scores = []
    with torch.no_grad():
        for start in range(0, len(data), batch_size):
            t = tensors(data.take(np.arange(start, min(start + batch_size, len(data)))))
            scores.append(torch.sigmoid(forward(model, t)).numpy().ravel())
    model.train()
    return np.concatenate(scores)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True, type=Path)
    parser.add_argument("--train", required=True, type=Path)
    parser.add_argument("--validation", required=True, type=Path)
    parser.add_argument("--epochs", required=True, type=int)
    parser.add_argument("--threads", required=True, type=int)
    parser.add_argument("--out", required=True, type=Path)
    args = parser.parse_args()
    started = time.perf_counter()
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(args.threads)
    config = json.loads(args.config.read_text())
    hp = config["hyperparameters"]
    newer = sorted({"minCount", "crossColumns"} & hp.keys())
    if newer:
        raise SystemExit(f"torch_train.py: {args.config}: the run's hyperparameters have {', '.join(newer)}, so a newer "
                         "engine trained it (ADR 18: vocabularies, crosses, the pooled image tower); this peer still "
                         "builds the networks of b44bc8c and would train something else. Update it first (see its "
                         "docstring).")
    torch.manual_seed(hp["seed"])
    images = config["recipe"] in ("image", "multimodal")
    train = Encoded(args.train, config, images)
    validation = Encoded(args.validation, config, images)
    prepared = time.perf_counter()

    model = CtrNetwork(config, train)
    # The penalty l2 x sum(w^2) as Adam's weight decay on the penalized weights: its gradient, 2 l2 w, added to
    # theirs (the same updates as adding the penalty to the loss, without computing it each step).
    penalized = {id(p) for p in model.penalized()}
    groups = [{"params": [p for p in model.parameters() if id(p) in penalized], "weight_decay": 2 * hp.get("l2", 0.0)},
              {"params": [p for p in model.parameters() if id(p) not in penalized], "weight_decay": 0.0}]
    optimizer = torch.optim.Adam(groups, lr=hp["learningRate"], betas=(0.9, 0.999), eps=1e-8)
    loss_fn = nn.BCEWithLogitsLoss()
    batch_size = hp["batchSize"]
    args.out.mkdir(parents=True, exist_ok=True)
    epochs = []
    ended = []
    best = None
    for epoch in range(1, args.epochs + 1):
        order = np.random.default_rng(hp["seed"] * 1000 + epoch).permutation(len(train))
        step_seconds = 0.0
        loss_sum = 0.0
        for start in range(0, len(order), batch_size):
            batch = train.take(order[start:start + batch_size])
            began = time.perf_counter()
            t = tensors(batch)
            optimizer.zero_grad()
            loss = loss_fn(forward(model, t), t["labels"])
            loss.backward()
            optimizer.step()
            step_seconds += time.perf_counter() - began
            loss_sum += float(loss) * len(batch["labels"])
        scores = score(model, validation, batch_size)
        val_loss, val_auc, val_accuracy = log_loss_and_auc(validation.labels.ravel(), scores)
        checkpoint = args.out / f"epoch-{epoch:04d}.pt"
        torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict()}, checkpoint)
        if best is None or val_loss < best[1]:
            best = (epoch, val_loss, checkpoint)
        epochs.append({"epoch": epoch, "examples": len(train), "examples_per_second": len(train) / step_seconds,
                       "train_loss": loss_sum / len(train), "val_loss": val_loss, "val_auc": val_auc,
                       "val_accuracy": val_accuracy})
        ended.append(time.perf_counter())
    trained = time.perf_counter()
    model.load_state_dict(torch.load(best[2])["model"])
    torch.save(model, args.out / "model.pt")
    scores = score(model, validation, batch_size)
    pd.DataFrame({"key": np.arange(1, len(validation) + 1), "label": validation.labels.ravel().astype(int),
                  "score": scores}).to_csv(args.out / "predictions.csv", index=False)
    finished = time.perf_counter()
    result = {"torch": torch.__version__, "threads": torch.get_num_threads(),
              "interop_threads": torch.get_num_interop_threads(), "recipe": config["recipe"],
              "train_rows": len(train), "validation_rows": len(validation), "batch_size": batch_size,
              "parameters": sum(p.numel() for p in model.parameters()), "best_epoch": best[0], "epochs": epochs,
              "seconds": {"read_and_prepare": prepared - started, "first_epoch": ended[0] - prepared,
                          "later_epochs": ended[-1] - ended[0], "export_and_score": finished - ended[-1],
                          "in_process": finished - started}}
    (args.out / "result.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps({"examples_per_second": [round(e["examples_per_second"]) for e in epochs],
                      "val_auc": [round(e["val_auc"], 4) for e in epochs], "best_epoch": best[0]}))


if __name__ == "__main__":
    main()
