#!/usr/bin/env bash
# Dataset statistics against pandas on the same generated 1,000,000-row ad log, two ways, in one go:
#  1. in one JVM: StatisticsBenchmark (JMH, warm) against pandas_stats.py's in-process time (5 repetitions);
#  2. whole processes, as a user runs them: `workbench datasets stats FILE` against
#     `python3 pandas_stats.py FILE 1`, alternating, RUNS times each (default 5), JVM and interpreter start
#     included. Prints the medians and the ratios of throughputs.
# Run from anywhere: uses storage/target/bench/ad_log.csv (JMH's setup writes it once). Builds nothing into
# ~/.m2: the JMH run is the storage module alone, the launcher builds the reactor's package.
set -euo pipefail
module="$(cd "$(dirname "$0")/../.." && pwd)"
root="$(cd "$module/.." && pwd)"
runs="${RUNS:-5}"
cd "$root"
mvn -B -ntp -Pbench verify -pl storage -Dbench.args="StatisticsBenchmark -f 1 -wi 1 -i 3"
python=python3
if ! "$python" -c 'import pandas' 2>/dev/null; then python=/usr/bin/python3; fi
file="$module/target/bench/ad_log.csv"
pandas_out="$("$python" "$module/src/bench/python/pandas_stats.py" "$file" 5 | tee /dev/stderr)"
"$python" - "$module/target/jmh-result.json" "$file" "$pandas_out" <<'PY'
import json, os, re, statistics, sys
result = json.load(open(sys.argv[1]))
bench = next(r for r in result if r["benchmark"].endswith("StatisticsBenchmark.statistics"))
ours = statistics.median(bench["primaryMetric"]["rawData"][0]) / 1000.0
size = os.path.getsize(sys.argv[2])
theirs = float(re.search(r"pandas median: ([0-9.]+) s", sys.argv[3]).group(1))
print(f"in one process: Workbench statistics median {ours:.3f} s ({size / 1e6 / ours:.1f} MB/s), "
      f"pandas read_csv+describe median {theirs:.3f} s ({size / 1e6 / theirs:.1f} MB/s), "
      f"ratio {theirs / ours:.2f}x")
PY
# The launcher builds what changed, and its first command after a build writes the class data sharing
# archive that later commands start from: one untimed run on a small file does both.
small="$module/target/bench/ad_log_small.csv"
head -n 100 "$file" > "$small"
WORKBENCH_HOME="$module/target/bench/home" "$root/workbench" datasets stats "$small" > /dev/null 2>&1
"$python" - "$runs" "$file" "$root/workbench" "$python" "$module/src/bench/python/pandas_stats.py" <<'PY'
import os, statistics, subprocess, sys, time
runs, file, workbench, python, pandas_script = int(sys.argv[1]), *sys.argv[2:]
env = dict(os.environ, WORKBENCH_HOME=os.path.join(os.path.dirname(file), "home"))
commands = {"workbench datasets stats": [workbench, "datasets", "stats", file],
            "pandas read_csv+describe": [python, pandas_script, file, "1"]}
times = {name: [] for name in commands}
for i in range(runs):
    for name, command in commands.items():
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times[name].append(time.perf_counter() - start)
        print(f"run {i + 1}: {name}: {times[name][-1]:.3f} s", flush=True)
ours, theirs = (statistics.median(times[name]) for name in commands)
print(f"whole processes: workbench datasets stats median {ours:.3f} s, pandas median {theirs:.3f} s, "
      f"ratio {theirs / ours:.2f}x")
PY
