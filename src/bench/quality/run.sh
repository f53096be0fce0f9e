#!/usr/bin/env bash
# Model quality against the notebook: Workbench's recipes and scikit-learn peers on the same leak-free
# train / validation / test splits of the shared ad data, the Criteo sample and the demo data.
#
#   src/bench/quality/run.sh [--quick] [--epochs N] [--resamples N] [--out DIR]
#
#   --quick        2 epochs and 500 bootstrap resamples (default: each recipe's own epochs and early stopping,
#                  2,000 resamples); --epochs 0 is each recipe's default
#   --out DIR      scratch folder for splits, the Workbench home, predictions and results
#                  (default: /tmp/workbench-quality; an earlier run's folder is emptied first)
# Needs ../shared next to the repository root, Python 3 with scikit-learn, pandas and SciPy
# (Debian: python3-sklearn python3-pandas; PYTHON picks another interpreter), and Java + Maven to build.
# Prints the Markdown table; writes OUT/results.md, OUT/results.json and OUT/machine.txt.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(git -C "$here" rev-parse --show-toplevel)"
shared="$root/../shared"
out=/tmp/workbench-quality
epochs=0
resamples=2000
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) epochs=2; resamples=500 ;;
    --epochs) epochs="$2"; shift ;;
    --resamples) resamples="$2"; shift ;;
    --out) out="$2"; shift ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

if [[ ! -f "$shared/data/ad-perceptions/ads.csv" || ! -f "$shared/data/criteo-sample/criteo_sample.csv" ]]; then
  echo "run.sh: the shared data is missing: expected $shared/data/ad-perceptions/ads.csv and" \
    "$shared/data/criteo-sample/criteo_sample.csv (../shared beside the repository root $root)" >&2
  exit 1
fi

python=""
for candidate in ${PYTHON:-} python3 /usr/bin/python3; do
  if "$candidate" -c 'import sklearn, pandas, scipy' 2>/dev/null; then python="$candidate"; break; fi
done
if [[ -z "$python" ]]; then
  echo "run.sh: no Python 3 with scikit-learn, pandas and SciPy found (set PYTHON)" >&2
  exit 1
fi

if [[ -d "$out" && -n "$(ls -A "$out")" && ! -f "$out/machine.txt" ]]; then
  echo "run.sh: $out is not empty and holds no earlier run of this benchmark; give another --out" >&2
  exit 1
fi
rm -rf "$out"
mkdir -p "$out"
export WORKBENCH_HOME="$out/home"
# One OpenMP thread for the peers unless OMP_NUM_THREADS says otherwise: on a shared 2-core machine
# HistGradientBoosting's two spinning threads ran 10-70x slower than one.
peer_threads="${OMP_NUM_THREADS:-1}"
workbench="$root/workbench"

{
  echo "date: $(date -u +%Y-%m-%d)"
  echo "commit: $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD || echo ' (with changes)')"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "python: $("$python" -c 'import sys, sklearn, pandas, numpy; print(sys.version.split()[0], "scikit-learn", sklearn.__version__, "pandas", pandas.__version__, "numpy", numpy.__version__)')"
  echo "epochs: $epochs; resamples: $resamples; scikit-learn OpenMP threads: $peer_threads"
} | tee "$out/machine.txt"

echo "== demo data" >&2
"$workbench" demo-data --out "$out/demo" --rows 3000 --seed 42 --json >/dev/null
echo "== splits" >&2
"$python" "$here/splits.py" --shared "$shared" --demo "$out/demo" --out "$out/splits"
for dataset in ad-perceptions criteo-sample demo; do
  echo "== $dataset: scikit-learn peers" >&2
  OMP_NUM_THREADS="$peer_threads" "$python" "$here/peers.py" --split "$out/splits/$dataset" --out "$out/predictions/$dataset"
  echo "== $dataset: Workbench recipes" >&2
  "$python" "$here/ours.py" --workbench "$workbench" --split "$out/splits/$dataset" \
    --out "$out/predictions/$dataset" --epochs "$epochs"
done
"$python" "$here/compare.py" --splits "$out/splits" --predictions "$out/predictions" --out "$out" \
  --resamples "$resamples"
