#!/usr/bin/env python3
"""Workbench's recipes in PyTorch: the peer for training throughput, on the same rows, batch and epochs.

    torch_train.py --config RUN.json --train train.csv --validation validation.csv --epochs N --threads T --out DIR

RUN.json says which network to build and how big, so that the peer trains what a Workbench run trained:

    {"recipe": "logistic" | "tabular" | "image" | "multimodal",
     "hyperparameters": {...},   # the run's spec.json "hyperparameters": batchSize, learningRate, embeddingSize,
                                 # hashBuckets, hiddenUnits, convFilters, imageSize, seed, l2, dropout, minCount,
                                 # crossColumns (absent: minCount 0 and crossColumns 8, as the engine reads old runs)
     "features": {...},          # the run's features.json: numeric, categorical, image, label, imageSize
     "log1p": [...],             # the numeric columns the run log1p-transforms (its "prepared" event)
     "vocabulary_sizes": {...}}  # optional: the frequent values per categorical column that the run's log says
                                 # its vocabulary kept; the peer fails if its own vocabulary differs

What it mirrors (engine/src/main/java/me/adsby/workbench/engine/model as of commit 94e001b, 2026-12-02; ADR 18):

- NetworkInputs: each numeric column log1p(max(x, 0)) where the run says so, standardised with the training
  rows' mean and standard deviation, missing as 0, then one missing indicator per column: width 2k.
  Categorical cells are stripped, and blank, NA, N/A, NaN and null are missing (""), as Preparation reads them.
  With minCount >= 1, a vocabulary per column (CategoryVocabulary): the non-empty values seen on at least
  minCount training rows, the 100,000 most frequent at most; column j owns 2 + (its frequent values) rows of
  each categorical table from the sum of the earlier columns' rows: its rare row (every other value), its
  missing row (""), then one row per frequent value. With minCount 0, column j's value hashed into hashBuckets
  buckets from j * hashBuckets, as before vocabularies. Either way the tables have the engine's height.
- WidePart: a bias-free linear map of the 2k numeric values, a one-dimensional embedding (a weight per table
  row) of each column's row summed, and hashed crosses of each pair among the first min(m, crossColumns)
  categorical columns (none by default; 28 pairs for runs recorded before the choice, which crossed 8), each
  pair's hashBuckets weights in its own range; with a vocabulary a cross joins the two cells' rows (as
  decimal strings, so a rare value crosses as its column's rare row), else their values; zeros at the start.
- DeepTower: the 2k numeric values, an embedding table of (table rows) x embeddingSize (uniform +-0.05) and the
  image tower's output concatenated, dropout, then Linear + ReLU layers of hiddenUnits each followed by
  dropout, and a bias-free logit layer (zeros).
- ImageTower and BatchNorm: pixels 0..255 to -1..1; at training steps each image flipped left to right with
  probability 1/2 and its brightness shifted by one uniform draw in [-0.1, 0.1) on every pixel, clipped to
  -1..1; three blocks of 3x3 convolution without bias (same padding; convFilters, 2 x, 4 x) + batch
  normalization (epsilon 1e-3, moving statistics kept at momentum 0.99: PyTorch's momentum 0.01; the batch's
  statistics at training steps, the moving ones when scoring) + ReLU + 2x2 max pooling; the mean over height
  and width (4 x convFilters values), then a dense layer of hiddenUnits[0] + ReLU. (Channels first here,
  channels last in TensorFlow: the same arithmetic.)
- CtrNetwork: the sum of the parts' logits and a bias that starts at the training rows' log-odds; Recipe:
  logistic = wide, tabular = wide + deep over the tabular features, image = deep over the image alone,
  multimodal = wide + deep with the image.
- CtrTrainer: mean sigmoid cross-entropy plus l2 x the sum of squared weights (kernels, embedding tables whole
  and the wide part's weights; not the biases nor batch normalization's gamma and beta), Adam (0.9, 0.999,
  1e-8); each training step also moves the moving statistics. Here the penalty is Adam's weight decay of
  2 x l2 on those weights: the same gradient, without the penalty's forward pass, which favours PyTorch
  slightly.
- TrainingLoop and the worker: the training rows shuffled anew each epoch, batches of batchSize (the last one
  partial), then a validation pass and a checkpoint (weights and Adam's state) each epoch; at the end the
  best epoch's model is saved and the validation rows scored with it.
- Images (input/Letterbox): fitted into imageSize x imageSize keeping their aspect, black bars, bilinear;
  decoded once per row, as Workbench's preparation does.

The trainable parameters are Workbench's trainable variables one for one (its moving statistics are buffers
here); result.json reports their count, and bench.py checks it against the run's saved variables.

Differences that favour PyTorch: each cell's table row (vocabulary or hash) and its crosses are worked out once
before training (PyTorch has no string tensors; Workbench fingerprints each cell, finds it by binary search over
the vocabulary and crosses the strings in its graph at every step), with CRC-32 rather than TensorFlow's
Fingerprint64 for hashing (which buckets, not how fast); numerics are parsed once into NaN-filled arrays; and
Workbench's training graph picks training or scoring behaviour with selects that evaluate both sides, so its
training steps also normalise by the moving statistics and compute the unaugmented images. Differences that
favour Workbench: none known in the networks (TensorFlow's fused batch normalization kernel, PyTorch's own
batch norm; the augmentation's random numbers are stateless in Workbench, the global generator's here).
When the engine's networks change, change the classes here to match (bench.py's parameter check fails when
their sizes differ).

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
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from PIL import Image
from torch import nn

# CategoryVocabulary: the most values of a column with rows of their own, and a column's first two rows.
MAX_PER_COLUMN = 100_000
RARE_ROW = 0
MISSING_ROW = 1
RESERVED_ROWS = 2
# Hyperparameters.LEGACY_CROSS_COLUMNS: what runs recorded before crossColumns existed crossed.
LEGACY_CROSS_COLUMNS = 8
# Values.isMissing: besides blank cells, these (any case) are missing.
MISSING_WORDS = {"NA", "N/A", "NAN", "NULL"}
# BatchNorm: Keras' defaults. ImageTower: the largest brightness shift, in scaled units.
BATCH_NORM_MOMENTUM = 0.99
BATCH_NORM_EPSILON = 1e-3
BRIGHTNESS_JITTER = 0.1


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


def cells(column):
    """A categorical column's cells as Preparation keeps them: stripped, "" where missing."""
    stripped = column.str.strip()
    return stripped.where(~stripped.str.upper().isin(MISSING_WORDS), "").to_numpy()


def numbers(column):
    """A numeric column's values, NaN where missing; binary words (yes/no, true/false) as 1 and 0."""
    words = column.str.strip().str.lower().replace({"true": "1", "yes": "1", "false": "0", "no": "0"})
    return pd.to_numeric(words, errors="coerce").to_numpy(np.float32)


class Vocabulary:
    """CategoryVocabulary: per column, its frequent values' rows after the column's rare and missing rows."""

    def __init__(self, columns, min_count):
        self.frequent = []
        for values in columns:
            counts = Counter(v for v in values if v)
            kept = sorted((v for v, n in counts.items() if n >= min_count), key=lambda v: (-counts[v], v))
            self.frequent.append(kept[:MAX_PER_COLUMN])
        self.offsets = np.cumsum([0] + [RESERVED_ROWS + len(f) for f in self.frequent])

    def rows(self):
        """The height of each categorical table."""
        return int(self.offsets[-1])

    def lookup(self, columns):
        """[N, m]: each cell's row: its value's, else its column's missing row ("") or rare row."""
        looked = []
        for j, values in enumerate(columns):
            offset = self.offsets[j]
            index = {v: offset + RESERVED_ROWS + i for i, v in enumerate(self.frequent[j])}
            found = pd.Series(values).map(index)
            fallback = np.where(values == "", offset + MISSING_ROW, offset + RARE_ROW)
            looked.append(np.where(found.isna(), fallback, found.fillna(0)).astype(np.int64))
        return np.stack(looked, axis=1)


class Encoded:
    """One CSV's rows as arrays: raw numerics (NaN for missing), table rows, hashed crosses, pixels, labels."""

    def __init__(self, csv, config, decode_images):
        features = config["features"]
        tabular = config["recipe"] != "image"
        frame = pd.read_csv(csv, dtype=str, keep_default_na=False)
        self.labels = frame[features["label"]].astype(np.float32).to_numpy().reshape(-1, 1)
        self.numeric = None
        self.cells = None
        self.hashed = None
        self.crossed = None
        self.pixels = None
        if tabular and features["numeric"]:
            self.numeric = np.stack([numbers(frame[c]) for c in features["numeric"]], axis=1)
        if tabular and features["categorical"]:
            self.cells = [cells(frame[c]) for c in features["categorical"]]
        if decode_images:
            self.pixels = images(frame[features["image"]], Path(csv).parent, features["imageSize"])

    def encode(self, vocabulary, buckets, cross_columns):
        """Each cell's table row (vocabulary, or hashing when None) and the crosses of the first columns."""
        if self.cells is None:
            return
        if vocabulary is None:
            self.hashed = hashed(self.cells, buckets)
            crossing = self.cells
        else:
            self.hashed = vocabulary.lookup(self.cells)
            crossing = [self.hashed[:, j].astype(str) for j in range(self.hashed.shape[1])]
        self.crossed = crossed(crossing[:cross_columns], buckets)
        self.cells = None

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
    """A weight per numeric value, per categorical table row (summed over the columns) and per cross bucket."""

    def __init__(self, numeric_width, table_rows, pairs, buckets):
        super().__init__()
        self.numeric = nn.Linear(numeric_width, 1, bias=False) if numeric_width else None
        self.categorical = nn.Embedding(table_rows, 1) if table_rows else None
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
    """ImageTower: augmentation at training steps, three conv + batch norm + ReLU + 2x2 max-pool blocks, the mean
    over height and width, then DeepTower's dense layer + ReLU."""

    def __init__(self, filters, units):
        super().__init__()
        blocks = []
        for channels_in, channels_out in ((3, filters), (filters, 2 * filters), (2 * filters, 4 * filters)):
            conv = nn.Conv2d(channels_in, channels_out, 3, padding=1, bias=False)
            he(conv)
            blocks += [conv, nn.BatchNorm2d(channels_out, eps=BATCH_NORM_EPSILON, momentum=1 - BATCH_NORM_MOMENTUM),
                       nn.ReLU(), nn.MaxPool2d(2)]
        self.blocks = nn.Sequential(*blocks)
        self.dense = nn.Linear(4 * filters, units)
        he(self.dense)

    def forward(self, pixels):
        x = pixels * (2.0 / 255.0) - 1.0
        if self.training:
            x = augment(x)
        return torch.relu(self.dense(self.blocks(x).mean(dim=(2, 3))))


def augment(scaled):
    """[N, 3, S, S] scaled images, each flipped left to right with probability 1/2 and shifted in brightness."""
    per_image = (scaled.shape[0], 1, 1, 1)
    flipped = torch.where(torch.rand(per_image) < 0.5, scaled.flip(3), scaled)
    shift = (torch.rand(per_image) - 0.5) * (2 * BRIGHTNESS_JITTER)
    return torch.clamp(flipped + shift, -1.0, 1.0)


def he(layer):
    """He truncated normal (fan in, cut at 2 standard deviations) and a zero bias: Weights.Start.HE and ZEROS."""
    std = math.sqrt(2.0 / layer.weight[0].numel()) / 0.87962566103423978
    nn.init.trunc_normal_(layer.weight, std=std, a=-2 * std, b=2 * std)
    if layer.bias is not None:
        nn.init.zeros_(layer.bias)


class DeepTower(nn.Module):
    def __init__(self, numeric_width, categorical, table_rows, hp, image):
        super().__init__()
        units = hp["hiddenUnits"]
        self.embeddings = nn.Embedding(table_rows, hp["embeddingSize"]) if categorical else None
        if self.embeddings is not None:
            nn.init.uniform_(self.embeddings.weight, -0.05, 0.05)
        self.image = ImageTower(hp["convFilters"], units[0]) if image else None
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
    def __init__(self, config, train, table_rows):
        super().__init__()
        recipe = config["recipe"]
        hp = config["hyperparameters"]
        features = config["features"]
        tabular = recipe != "image"
        numeric = features["numeric"] if tabular else []
        categorical = len(features["categorical"]) if tabular else 0
        pairs = train.crossed.shape[1] if tabular and train.crossed is not None else 0
        buckets = hp["hashBuckets"]
        table_rows = table_rows if categorical else 0
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
        self.wide = (WidePart(width, table_rows, pairs, buckets)
                     if recipe in ("logistic", "tabular", "multimodal") else None)
        self.deep = (DeepTower(width, categorical, table_rows, hp, recipe in ("image", "multimodal"))
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
        """The weights Weights counts for the L2 penalty: every one but the biases and batch norm's gamma and beta."""
        normalizing = {id(p) for m in self.modules() if isinstance(m, nn.BatchNorm2d) for p in m.parameters()}
        return [p for name, p in self.named_parameters() if not name.endswith("bias") and id(p) not in normalizing]


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


def run_vocabulary(config, train):
    """The run's vocabulary from the training rows (None: hashing), checked against the sizes its log reported."""
    features = config["features"]
    min_count = config["hyperparameters"].get("minCount", 0)
    if min_count == 0 or train.cells is None:
        return None
    built = Vocabulary(train.cells, min_count)
    expected = config.get("vocabulary_sizes")
    if expected is not None:
        ours = dict(zip(features["categorical"], (len(f) for f in built.frequent)))
        if ours != expected:
            raise SystemExit(f"torch_train.py: the vocabulary's frequent values per column differ from the run's: "
                             f"{ours} here, {expected} in the run")
    return built


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
    torch.manual_seed(hp["seed"])
    images = config["recipe"] in ("image", "multimodal")
    train = Encoded(args.train, config, images)
    validation = Encoded(args.validation, config, images)
    vocab = run_vocabulary(config, train)
    cross_columns = hp.get("crossColumns")
    cross_columns = LEGACY_CROSS_COLUMNS if cross_columns is None else cross_columns
    for data in (train, validation):
        data.encode(vocab, hp["hashBuckets"], cross_columns)
    table_rows = vocab.rows() if vocab is not None else len(config["features"]["categorical"]) * hp["hashBuckets"]
    prepared = time.perf_counter()

    model = CtrNetwork(config, train, table_rows)
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
              "parameters": sum(p.numel() for p in model.parameters()),
              "categorical_table_rows": table_rows if train.hashed is not None else 0,
              "crossed_pairs": 0 if train.crossed is None else train.crossed.shape[1], "best_epoch": best[0],
              "epochs": epochs,
              "seconds": {"read_and_prepare": prepared - started, "first_epoch": ended[0] - prepared,
                          "later_epochs": ended[-1] - ended[0], "export_and_score": finished - ended[-1],
                          "in_process": finished - started}}
    (args.out / "result.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps({"examples_per_second": [round(e["examples_per_second"]) for e in epochs],
                      "val_auc": [round(e["val_auc"], 4) for e in epochs], "best_epoch": best[0]}))


if __name__ == "__main__":
    main()
