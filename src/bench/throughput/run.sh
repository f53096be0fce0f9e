#!/usr/bin/env bash
# Training throughput: examples/s of each Workbench recipe on the demo data and the shared real ad data,
# against Debian's PyTorch training the same network on the same rows in the same run (torch_train.py).
#
#   src/bench/throughput/run.sh [--epochs N] [--repeats N] [--threads T] [--datasets "A B"] [--out DIR]
#
#   --epochs N      epochs per run, both sides (default 3; the in-epoch figure is the median of epochs 2..N)
#   --repeats N     runs of each side per recipe and dataset, alternating which goes first (default 3)
#   --threads T     both sides confined to CPUs 0..T-1 by taskset, T TensorFlow / PyTorch threads
#                   (default: nproc)
#   --datasets "…"  any of demo ad-perceptions criteo-sample (default: all three)
#   --out DIR       scratch folder: demo data, splits, the Workbench home, PyTorch's output, results
#                   (default: /tmp/workbench-throughput; an earlier run's folder is emptied first)
# Needs ../shared next to the repository root, Debian's python3-torch, python3-pandas and python3-pil
# (python3-torch is installed with apt-get when missing; PYTHON picks another interpreter), and Java +
# Maven to build. Prints the Markdown tables; writes OUT/results.md, OUT/results.json and OUT/machine.txt.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(git -C "$here" rev-parse --show-toplevel)"
shared="$root/../shared"
out=/tmp/workbench-throughput
epochs=3
repeats=3
threads="$(nproc)"
datasets="demo ad-perceptions criteo-sample"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --epochs) epochs="$2"; shift ;;
    --repeats) repeats="$2"; shift ;;
    --threads) threads="$2"; shift ;;
    --datasets) datasets="$2"; shift ;;
    --out) out="$2"; shift ;;
    -h|--help) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if (( threads < 1 || threads > $(nproc) )); then
  echo "run.sh: --threads must be 1..$(nproc), was $threads" >&2
  exit 2
fi

if [[ ! -f "$shared/data/ad-perceptions/ads.csv" || ! -f "$shared/data/criteo-sample/criteo_sample.csv" ]]; then
  echo "run.sh: the shared data is missing: expected $shared/data/ad-perceptions/ads.csv and" \
    "$shared/data/criteo-sample/criteo_sample.csv (../shared beside the repository root $root)" >&2
  exit 1
fi

python="${PYTHON:-/usr/bin/python3}"
if ! "$python" -c 'import torch' 2>/dev/null; then
  if [[ -n "${PYTHON:-}" ]]; then
    echo "run.sh: $python has no torch" >&2
    exit 1
  fi
  echo "== installing Debian's python3-torch" >&2
  sudo_cmd=()
  [[ "$(id -u)" -eq 0 ]] || sudo_cmd=(sudo)
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq python3-torch >&2 || {
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq python3-torch >&2
  }
fi
if ! "$python" -c 'import torch, pandas, numpy, PIL' 2>/dev/null; then
  echo "run.sh: $python needs torch, pandas, numpy and PIL (Debian: python3-torch python3-pandas python3-pil)" >&2
  exit 1
fi

if [[ -d "$out" && -n "$(ls -A "$out")" && ! -f "$out/machine.txt" ]]; then
  echo "run.sh: $out is not empty and holds no earlier run of this benchmark; give another --out" >&2
  exit 1
fi
rm -rf "$out"
mkdir -p "$out"
export WORKBENCH_HOME="$out/home"
workbench="$root/workbench"

echo "== build (when needed)" >&2
"$workbench" --version >/dev/null

{
  echo "date: $(date -u +%Y-%m-%d)"
  echo "commit: $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD || echo ' (with changes)')"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "cpu flags: $(grep -m1 '^flags' /proc/cpuinfo | grep -o 'avx512f\|avx2' | sort -u | tr '\n' ' ')"
  echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "python: $("$python" -c 'import sys, torch, pandas, numpy; print(sys.version.split()[0], "torch", torch.__version__, "pandas", pandas.__version__, "numpy", numpy.__version__)')"
  echo "epochs: $epochs; repeats: $repeats; threads: $threads (taskset -c 0-$((threads - 1)))"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/machine.txt"

echo "== demo data (the default: 2,000 rows, seed 42)" >&2
"$workbench" demo-data --out "$out/demo" --json >/dev/null
echo "== splits" >&2
"$python" "$root/src/bench/quality/splits.py" --shared "$shared" --demo "$out/demo" --out "$out/splits" >&2

echo "== warm-up (untimed: TensorFlow's natives unpacked, both sides' libraries in the page cache)" >&2
split="$out/splits/criteo-sample"
"$workbench" train --data "$split/train.csv" --validation-data "$split/validation.csv" --label label \
  --recipe logistic --epochs 1 --json >/dev/null
echo '{"recipe": "logistic", "hyperparameters": {"batchSize": 64, "learningRate": 0.01, "embeddingSize": 8,
  "hashBuckets": 1024, "hiddenUnits": [8], "convFilters": 4, "imageSize": 16, "seed": 1, "l2": 0, "dropout": 0,
  "minCount": 2, "crossColumns": 2},
  "features": {"numeric": ["I1"], "categorical": ["C1", "C2"], "image": null, "label": "label", "imageSize": 16},
  "log1p": []}' >"$out/warm-up.json"
"$python" "$here/torch_train.py" --config "$out/warm-up.json" --train "$split/train.csv" \
  --validation "$split/validation.csv" --epochs 1 --threads "$threads" --out "$out/warm-up" >/dev/null

echo "== measuring" >&2
# shellcheck disable=SC2086  # the dataset names are separate words on purpose
"$python" "$here/bench.py" --workbench "$workbench" --splits "$out/splits" --out "$out" --epochs "$epochs" \
  --repeats "$repeats" --threads "$threads" --python "$python" --datasets $datasets
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"
