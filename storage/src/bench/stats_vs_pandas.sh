#!/usr/bin/env bash
# Runs StatisticsBenchmark (JMH) and its pandas peer on the same generated file, in one go, and prints both
# medians and the ratio of throughputs. Run from anywhere; uses the storage module's target/bench/ad_log.csv.
set -euo pipefail
module="$(cd "$(dirname "$0")/../.." && pwd)"
root="$(cd "$module/.." && pwd)"
cd "$root"
mvn -B -ntp -o -Pbench -pl storage verify -Dbench.args="StatisticsBenchmark -f 1 -wi 1 -i 3"
python=python3
if ! "$python" -c 'import pandas' 2>/dev/null; then python=/usr/bin/python3; fi
cd "$module"
pandas_out="$("$python" src/bench/python/pandas_stats.py target/bench/ad_log.csv 5 | tee /dev/stderr)"
"$python" - "$module/target/jmh-result.json" "$module/target/bench/ad_log.csv" "$pandas_out" <<'PY'
import json, os, re, statistics, sys
result = json.load(open(sys.argv[1]))
bench = next(r for r in result if r["benchmark"].endswith("StatisticsBenchmark.statistics"))
ours = statistics.median(bench["primaryMetric"]["rawData"][0]) / 1000.0
size = os.path.getsize(sys.argv[2])
theirs = float(re.search(r"pandas median: ([0-9.]+) s", sys.argv[3]).group(1))
print(f"Workbench statistics median: {ours:.3f} s, {size / 1e6 / ours:.1f} MB/s")
print(f"pandas read_csv+describe median: {theirs:.3f} s, {size / 1e6 / theirs:.1f} MB/s")
print(f"throughput ratio (Workbench / pandas): {theirs / ours:.2f}x")
PY
