#!/usr/bin/env python3
"""Peer of StatisticsBenchmark: times pandas read_csv + describe(include='all') on the same CSV.

Usage: pandas_stats.py [FILE] [REPETITIONS]   (defaults: target/bench/ad_log.csv, 5)
Prints each repetition, then the median in seconds and in MB/s (MB = 10^6 bytes).
"""
import os
import statistics
import sys
import time

import pandas as pd


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "target/bench/ad_log.csv"
    repetitions = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    size = os.path.getsize(path)
    times = []
    for i in range(repetitions):
        start = time.perf_counter()
        frame = pd.read_csv(path)
        frame.describe(include="all")
        elapsed = time.perf_counter() - start
        times.append(elapsed)
        print(f"repetition {i + 1}: {elapsed:.3f} s", flush=True)
    median = statistics.median(times)
    print(f"pandas {pd.__version__}: {len(frame):,} rows, {size:,} bytes")
    print(f"pandas median: {median:.3f} s, {size / 1e6 / median:.1f} MB/s")


if __name__ == "__main__":
    main()
