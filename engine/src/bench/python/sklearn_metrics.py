#!/usr/bin/python3
"""scikit-learn's roc_auc_score, average_precision_score and log_loss on the predictions that
MetricsBenchmark writes (engine/target/bench/eval-10m.bin), timed, and compared with Workbench's values
(engine/target/bench/eval-10m.ours.txt). Run from engine/ after the benchmark:

    /usr/bin/python3 src/bench/python/sklearn_metrics.py --repeats 3
"""
import argparse
import statistics
import time

import numpy as np
import sklearn
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="target/bench/eval-10m.bin")
    parser.add_argument("--ours", default="target/bench/eval-10m.ours.txt")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    with open(args.data, "rb") as f:
        n = int(np.frombuffer(f.read(8), dtype="<i8")[0])
        labels = np.frombuffer(f.read(n), dtype=np.uint8).astype(np.int64)
        scores = np.frombuffer(f.read(8 * n), dtype="<f8")
    ours = {}
    with open(args.ours) as f:
        for line in f:
            key, value = line.split()
            ours[key] = float(value)

    cases = {
        "roc_auc": lambda: roc_auc_score(labels, scores),
        "average_precision": lambda: average_precision_score(labels, scores),
        # eps=1e-15: the clipping Workbench uses (sklearn's default before 1.3).
        "log_loss": lambda: log_loss(labels, scores, eps=1e-15),
    }
    print(f"scikit-learn {sklearn.__version__}, numpy {np.__version__}, n = {n:,}")
    for name, run in cases.items():
        times = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            value = run()
            times.append(time.perf_counter() - start)
        difference = abs(value - ours[name])
        print(f"{name:18s} median {statistics.median(times) * 1000:9.1f} ms  (runs: "
              + ", ".join(f"{t * 1000:.0f}" for t in times)
              + f")  value {value:.15f}  ours {ours[name]:.15f}  |diff| {difference:.2e}"
              + ("  agrees to 1e-9" if difference <= 1e-9 else "  DISAGREES"))


if __name__ == "__main__":
    main()
