#!/usr/bin/env python3
"""Training throughput: Workbench's recipes against the same networks in PyTorch, same rows, batch and epochs.

    bench.py --workbench PATH --splits DIR --out DIR --epochs N --repeats N --threads T [--datasets ...]

For each dataset folder under SPLITS (written by src/bench/quality/splits.py: train.csv, validation.csv,
split.json) and each recipe that fits it (image and multimodal only where it has images), REPEATS times,
alternating which goes first:

- Workbench: `workbench train --data train.csv --validation-data validation.csv --recipe R --epochs N
  --seed 42 --json` (the id columns excluded), timed as a whole process, after emptying the home's prepared-
  example cache (so every repeat reads and decodes its data, as the peer does). Its in-epoch figure is
  the run's own: each epoch event's examples_per_second (TrainingLoop: examples / time in training steps).
- PyTorch: torch_train.py on the same files, with the network the Workbench run trained (its spec.json
  hyperparameters, with minCount and crossColumns, features.json, log1p columns and, from its log, how many
  values per categorical column its vocabulary kept), timed as a whole process. The peer's trainable
  parameters must number the run's trainable variables (its SavedModel's variables but batch normalization's
  moving statistics, read from variables/variables.index); a difference stops the benchmark.

Both run under `taskset -c 0..T-1`: the JVMs see T processors, so TensorFlow's sessions run T intra-op and T
inter-op threads (Workbench's default, every available processor); PyTorch gets torch.set_num_threads(T) and
set_num_interop_threads(T). Whole-process examples/s = training rows x epochs / wall seconds (JVM or
interpreter start, reading, statistics, image decoding, training, validation, checkpoints, export).
In-epoch examples/s = the median over epochs 2..N (epoch 1 pays TensorFlow's graph set-up; with 1 epoch,
epoch 1). Each figure in the table is the median of the repeats; ratio = Workbench / PyTorch.
Each side's seconds are also split by phase: starts and other (JVM starts, the CLI's queueing and waiting;
the interpreter's start and imports), reading and preparing (statistics, parsing, image decoding), the first
epoch (with TensorFlow's session and graph set-up), the later epochs, and export and scoring (SavedModel and
validation predictions; the peer's saved model and predictions). Workbench's come from its run's event times.
Writes OUT/results.json (every sample) and OUT/results.md (the tables).
"""
import argparse
import json
import math
import os
import re
import shutil
import struct
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
RECIPES = ("logistic", "tabular", "image", "multimodal")
NEEDS_IMAGES = {"image", "multimodal"}


def load():
    return float(Path("/proc/loadavg").read_text().split()[0])


# Exit statuses of a process ended by a signal from outside (SIGTERM, SIGKILL; negative: Python saw the signal):
# on a shared machine another job's clean-up may end ours, so such a measurement is taken again.
KILLED = {143, 137, -15, -9}


def timed(command, env=None, before=lambda: None, tries=3):
    for attempt in range(1, tries + 1):
        before()
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, env=env)
        wall = time.perf_counter() - started
        if done.returncode not in KILLED or attempt == tries:
            break
        print(f"bench.py: {' '.join(map(str, command[3:6]))} ended by a signal (exit {done.returncode}); measuring again", file=sys.stderr,
              flush=True)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, command))} exited {done.returncode}:\n{done.stderr[-3000:]}\n"
                         f"{done.stdout[-2000:]}")
    return done.stdout, wall


def events(run_dir):
    """The run's events in order (ADR 10: write-once chunks of JSON lines)."""
    found = []
    for chunk in sorted((Path(run_dir) / "events").glob("chunk-*.jsonl")):
        found += [json.loads(line) for line in chunk.read_text().splitlines() if line.strip()]
    return sorted(found, key=lambda e: e["seq"])


def varint(buf, at):
    value = shift = 0
    while True:
        byte = buf[at]
        at += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, at
        shift += 7


def proto_fields(buf):
    """(field number, value) of a protocol buffer message: varints as ints, the rest as bytes."""
    at = 0
    while at < len(buf):
        key, at = varint(buf, at)
        wire = key & 7
        if wire == 0:
            value, at = varint(buf, at)
        elif wire in (1, 5):
            size = 8 if wire == 1 else 4
            value, at = buf[at:at + size], at + size
        elif wire == 2:
            size, at = varint(buf, at)
            value, at = buf[at:at + size], at + size
        else:
            raise ValueError(f"protocol buffer wire type {wire}")
        yield key >> 3, value


def table_block(data, handle):
    """The (key, value) entries of one uncompressed block of a LevelDB-format table, from its block handle."""
    offset, at = varint(handle, 0)
    size, _ = varint(handle, at)
    if data[offset + size] != 0:
        raise ValueError("a compressed block")
    content = data[offset:offset + size]
    end = size - 4 - 4 * struct.unpack_from("<I", content, size - 4)[0]
    at, key = 0, b""
    while at < end:
        shared, at = varint(content, at)
        unshared, at = varint(content, at)
        length, at = varint(content, at)
        key = key[:shared] + content[at:at + unshared]
        at += unshared
        yield key, content[at:at + length]
        at += length


def saved_variables(index):
    """A TensorFlow checkpoint's variables and their shapes, from its .index file (a table of BundleEntryProto)."""
    data = Path(index).read_bytes()
    footer = data[-48:]
    _, at = varint(footer, 0)  # the metaindex block's handle
    _, at = varint(footer, at)
    shapes = {}
    for _, handle in table_block(data, footer[at:]):
        for key, entry in table_block(data, handle):
            if key:  # the empty key is the bundle's header
                shape = next((v for n, v in proto_fields(entry) if n == 2), b"")
                shapes[key.decode()] = [dict(proto_fields(d)).get(1, 0) for n, d in proto_fields(shape) if n == 2]
    return shapes


def trainable_parameters(run_dir):
    """How many numbers the run trained: its SavedModel's variables but batch normalization's moving statistics."""
    shapes = saved_variables(Path(run_dir) / "model" / "variables" / "variables.index")
    return sum(math.prod(shape) for name, shape in shapes.items()
               if not name.endswith(("_moving_mean", "_moving_variance")))


VOCABULARY_LINE = "Categorical values seen on at least "


def vocabulary_sizes(run_dir, categorical):
    """Per categorical column, the values with rows of their own, from the run's log; None when it hashed."""
    line = next((line for line in (Path(run_dir) / "worker.log").read_text().splitlines()
                 if line.startswith(VOCABULARY_LINE)), None)
    if line is None:
        return None
    rest = line[line.index("): ") + 3:]
    sizes = {}
    for column in categorical:
        found = re.match(re.escape(column) + r" (\d+) of \d+(?:, |\.$)", rest)
        if not found:
            raise SystemExit(f"{run_dir}: no vocabulary size of {column} in the log's line: {line}")
        sizes[column] = int(found.group(1))
        rest = rest[found.end():]
    return sizes


def phases(happened, wall):
    """Seconds of the whole process by what the run's events say it did (their times are the worker's)."""
    at = lambda e: datetime.fromisoformat(e["time"]).timestamp()
    running = next(e for e in happened if e["type"] == "state" and e["data"]["status"] == "RUNNING")
    prepared = next(e for e in happened if e["type"] == "prepared")
    epochs = [e for e in happened if e["type"] == "epoch"]
    done = [e for e in happened if e["type"] == "state"][-1]
    return {"read_and_prepare": at(prepared) - at(running),
            "first_epoch": at(epochs[0]) - at(prepared),
            "later_epochs": at(epochs[-1]) - at(epochs[0]),
            "export_and_score": at(done) - at(epochs[-1]),
            "starts_and_other": wall - (at(done) - at(running))}


def steady(rates):
    """The median of epochs 2..N, or epoch 1's rate when there is only one."""
    return statistics.median(rates[1:]) if len(rates) > 1 else rates[0]


def ours(args, split, name, recipe):
    cache = Path(os.environ["WORKBENCH_HOME"]) / "cache" / "prepared"
    exclude = [c for c in split["id_columns"] if c != split["image_column"]]
    command = ["taskset", "-c", args.cpus, args.workbench, "train", "--data", str(args.splits / name / "train.csv"),
               "--validation-data", str(args.splits / name / "validation.csv"), "--label", split["label"],
               "--recipe", recipe, "--epochs", str(args.epochs), "--seed", "42", "--json"]
    if exclude:
        command += ["--exclude", ",".join(exclude)]
    before = load()
    stdout, wall = timed(command, before=lambda: shutil.rmtree(cache, ignore_errors=True))
    trained = json.loads(stdout)
    if trained["status"] != "SUCCEEDED":
        raise SystemExit(f"{name} {recipe}: run {trained['run_id']} {trained['status']}: {trained.get('error')}")
    run_dir = Path(trained["run_dir"])
    happened = events(run_dir)
    prepared = next(e["data"] for e in happened if e["type"] == "prepared")
    if prepared["cache_hit"]:
        raise SystemExit(f"{name} {recipe}: the run read the prepared cache; every repeat should prepare anew")
    epochs = [e["data"] for e in happened if e["type"] == "epoch"]
    rates = [e["examples_per_second"] for e in epochs]
    spec = json.loads((run_dir / "spec.json").read_text())
    features = json.loads((run_dir / "features.json").read_text())
    config = {"recipe": recipe, "hyperparameters": spec["hyperparameters"], "features": features,
              "log1p": prepared["log1p"]}
    sizes = vocabulary_sizes(run_dir, features["categorical"])
    if sizes is not None:
        config["vocabulary_sizes"] = sizes
    rows = prepared["train"]
    return {"run_id": trained["run_id"], "wall_s": wall, "train_rows": rows, "epochs_run": len(epochs),
            "parameters": trainable_parameters(run_dir),
            "whole_process": rows * len(epochs) / wall, "epoch_rates": rates, "in_epoch": steady(rates),
            "seconds": phases(happened, wall), "load_before": before, "load_after": load()}, config


def peer(args, name, recipe, config):
    folder = args.out / "torch" / name / recipe
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.json").write_text(json.dumps(config, indent=2) + "\n")
    threads = str(args.threads)
    env = dict(os.environ, OMP_NUM_THREADS=threads, MKL_NUM_THREADS=threads)
    command = ["taskset", "-c", args.cpus, args.python, str(HERE / "torch_train.py"), "--config",
               str(folder / "config.json"), "--train", str(args.splits / name / "train.csv"), "--validation",
               str(args.splits / name / "validation.csv"), "--epochs", str(args.epochs), "--threads", threads,
               "--out", str(folder / "out")]
    before = load()
    _, wall = timed(command, env)
    result = json.loads((folder / "out" / "result.json").read_text())
    rates = [e["examples_per_second"] for e in result["epochs"]]
    rows = result["train_rows"]
    result["seconds"]["starts_and_other"] = wall - result["seconds"].pop("in_process")
    return {"wall_s": wall, "train_rows": rows, "epochs_run": len(rates), "whole_process": rows * len(rates) / wall,
            "parameters": result["parameters"],
            "epoch_rates": rates, "in_epoch": steady(rates), "threads": result["threads"],
            "interop_threads": result["interop_threads"], "torch": result["torch"], "seconds": result["seconds"],
            "load_before": before, "load_after": load()}


def median(samples, key):
    return statistics.median(s[key] for s in samples)


def spread(samples, key):
    """The median and, in brackets, the lowest and highest of the repeats."""
    values = [s[key] for s in samples]
    return f"{statistics.median(values):,.0f} [{min(values):,.0f}–{max(values):,.0f}]"


def table(results):
    lines = ["| Dataset | Training rows | Recipe | Workbench, whole process: ex/s [range] (wall s) | PyTorch, whole "
             "process: ex/s [range] (wall s) | Ratio | Workbench, in epoch: ex/s [range] | PyTorch, in epoch: ex/s "
             "[range] | Ratio |",
             "|---|---:|---|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        o, p = r["ours"], r["peer"]
        whole = median(o, "whole_process") / median(p, "whole_process")
        epoch = median(o, "in_epoch") / median(p, "in_epoch")
        lines.append(f"| {r['dataset']} | {o[0]['train_rows']:,} | {r['recipe']} | {spread(o, 'whole_process')} "
                     f"({median(o, 'wall_s'):.1f}) | {spread(p, 'whole_process')} ({median(p, 'wall_s'):.1f}) | "
                     f"{whole:.2f} | {spread(o, 'in_epoch')} | {spread(p, 'in_epoch')} | {epoch:.2f} |")
    return "\n".join(lines) + "\n"


PHASES = ("starts_and_other", "read_and_prepare", "first_epoch", "later_epochs", "export_and_score")


def phase_table(results):
    """Median seconds of each phase: where a whole process's time goes, ours / the peer's."""
    lines = ["| Dataset | Recipe | " + " | ".join(p.replace("_", " ") for p in PHASES) + " |",
             "|---|---|" + "---:|" * len(PHASES)]
    for r in results:
        cells = [f"{statistics.median(s['seconds'][p] for s in r['ours']):.1f} / "
                 f"{statistics.median(s['seconds'][p] for s in r['peer']):.1f}" for p in PHASES]
        lines.append(f"| {r['dataset']} | {r['recipe']} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def parameter_table(results):
    """Each network's trainable parameters, both sides (equal: bench.py stops when they differ)."""
    lines = ["| Dataset | Recipe | Workbench | PyTorch |", "|---|---|---:|---:|"]
    for r in results:
        lines.append(f"| {r['dataset']} | {r['recipe']} | {r['ours'][0]['parameters']:,} | "
                     f"{r['peer'][0]['parameters']:,} |")
    return "\n".join(lines) + "\n"


def tables(results):
    text = table(results) + "\nSeconds, Workbench / PyTorch (medians):\n\n" + phase_table(results)
    if all("parameters" in r["ours"][0] and "parameters" in r["peer"][0] for r in results):
        text += "\nTrainable parameters:\n\n" + parameter_table(results)
    return text


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workbench")
    parser.add_argument("--splits", type=Path)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--datasets", nargs="+", default=["demo", "ad-perceptions", "criteo-sample"])
    parser.add_argument("--recipes", nargs="+", default=list(RECIPES))
    parser.add_argument("--python", default=sys.executable, help="the interpreter with torch (default: this one)")
    parser.add_argument("--tables-only", action="store_true", help="rewrite OUT/results.md from OUT/results.json")
    args = parser.parse_args()
    if args.tables_only:
        results = json.loads((args.out / "results.json").read_text())["results"]
        (args.out / "results.md").write_text(tables(results))
        print(tables(results))
        return
    if not args.workbench or not args.splits:
        parser.error("--workbench and --splits are needed to measure")
    args.cpus = f"0-{args.threads - 1}"
    if "WORKBENCH_HOME" not in os.environ:
        raise SystemExit("bench.py: set WORKBENCH_HOME to a scratch home")
    results = []
    for name in args.datasets:
        split = json.loads((args.splits / name / "split.json").read_text())
        for recipe in args.recipes:
            if recipe in NEEDS_IMAGES and not split["image_column"]:
                continue
            ours_samples, peer_samples, config = [], [], None
            for repeat in range(args.repeats):
                # Alternate who goes first (ours in the first repeat: the peer needs the run's network), so
                # neither always runs on a warmer or quieter machine.
                for who in (("ours", "peer") if repeat % 2 == 0 else ("peer", "ours")):
                    if who == "ours":
                        sample, made = ours(args, split, name, recipe)
                        if config is not None and made != config:
                            raise SystemExit(f"{name} {recipe}: the network changed between repeats")
                        config = made
                        ours_samples.append(sample)
                    else:
                        peer_samples.append(peer(args, name, recipe, config))
                ours_count, peer_count = ours_samples[-1]["parameters"], peer_samples[-1]["parameters"]
                if repeat == 0:
                    print(f"{name} {recipe}: trainable parameters: Workbench {ours_count:,}, PyTorch {peer_count:,}",
                          file=sys.stderr, flush=True)
                if ours_count != peer_count:
                    raise SystemExit(f"{name} {recipe}: the peer's network has {peer_count:,} trainable parameters"
                                     f" and Workbench's run {ours_count:,}: they train different networks")
                print(f"{name} {recipe} repeat {repeat + 1}: ours {ours_samples[-1]['whole_process']:.0f} ex/s whole, "
                      f"{ours_samples[-1]['in_epoch']:.0f} in epoch; peer {peer_samples[-1]['whole_process']:.0f} whole, "
                      f"{peer_samples[-1]['in_epoch']:.0f} in epoch", file=sys.stderr, flush=True)
            results.append({"dataset": name, "recipe": recipe, "config": config, "ours": ours_samples,
                            "peer": peer_samples})
            (args.out / "results.json").write_text(json.dumps({"epochs": args.epochs, "repeats": args.repeats,
                                                               "threads": args.threads, "results": results}, indent=2) + "\n")
    (args.out / "results.md").write_text(tables(results))
    print(tables(results))


if __name__ == "__main__":
    main()
