#!/usr/bin/env bash
# Serving: `workbench serve` as a whole process under load (1, 8 and 32 keep-alive clients predicting one real
# demo row) and under hostile traffic (64 slow clients, 1,000-instance bodies, bodies over 16 MiB), against the
# same product at an earlier commit (the peer; by default 1008c17^, the JDK HttpServer version), same registry,
# same run, alternating.
#
#   src/bench/serving/run.sh [--repeats N] [--peer DIR | --peer-commit REV] [--duration S]
#                            [--hostile-duration S] [--big-duration S] [--out DIR]
#
#   --repeats N           turns of each server, alternating which goes first (default 3)
#   --peer DIR            a checkout of the peer (built here, in place); default: a worktree of --peer-commit
#                         made under OUT and removed at the end
#   --peer-commit REV     the peer's commit when --peer is not given (default 1008c17^)
#   --duration S          seconds measured at each load level (default 10; 2 s of warm-up before each)
#   --hostile-duration S  seconds measured with the slow clients, and with all the hostile traffic (default 35:
#                         past ours' 30 s idle timeout; the hostile traffic starts 3 s earlier)
#   --big-duration S      seconds measured with the big bodies alone (default 15)
#   --out DIR             scratch folder: demo data, the home, the servers' homes and logs, results
#                         (default: /tmp/workbench-serving; an earlier run's folder is emptied first)
# Builds both products offline (mvn -o: the dependencies must be in the local repository), writes the demo
# data (2,000 rows), trains a 1-epoch multimodal model and publishes it as `ctr` in OUT/home/registry, which
# both servers serve. Prints the Markdown tables; writes OUT/results.md, OUT/results.json, OUT/machine.txt.
# About 16 minutes on a loaded 2-core machine with the defaults.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(git -C "$here" rev-parse --show-toplevel)"
out=/tmp/workbench-serving
repeats=3
peer=""
peer_commit="1008c17^"
duration=10
hostile_duration=35
big_duration=15
while [[ $# -gt 0 ]]; do
  case "$1" in
    --repeats) repeats="$2"; shift ;;
    --peer) peer="$(cd "$2" && pwd)"; shift ;;
    --peer-commit) peer_commit="$2"; shift ;;
    --duration) duration="$2"; shift ;;
    --hostile-duration) hostile_duration="$2"; shift ;;
    --big-duration) big_duration="$2"; shift ;;
    --out) out="$2"; shift ;;
    -h|--help) sed -n '2,23p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

python="${PYTHON:-/usr/bin/python3}"
if [[ -d "$out" && -n "$(ls -A "$out")" && ! -f "$out/machine.txt" ]]; then
  echo "run.sh: $out is not empty and holds no earlier run of this benchmark; give another --out" >&2
  exit 1
fi
if [[ -d "$out/peer" ]]; then
  git -C "$root" worktree remove --force "$out/peer" 2>/dev/null || true
fi
rm -rf "$out"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

made_peer=""
cleanup() {
  if [[ -n "$made_peer" ]]; then
    git -C "$root" worktree remove --force "$made_peer" || true
  fi
}
trap cleanup EXIT
if [[ -z "$peer" ]]; then
  peer="$out/peer"
  echo "== the peer: a worktree of $peer_commit at $peer" >&2
  git -C "$root" worktree add --detach "$peer" "$peer_commit" >&2
  made_peer="$peer"
fi

build() {
  echo "== build $1" >&2
  (cd "$1" && mvn -B -ntp -o -q package -DskipTests) >&2
  # The launcher rebuilds (online) unless its stamp is newer than the sources; the build above is that build.
  touch "$1/app/target/.launcher-build"
  # The first headless command after a build writes the class data sharing archive; not the servers.
  "$1/workbench" --version >/dev/null
  "$1/workbench" --version >/dev/null
}

{
  echo "date: $(date -u +%Y-%m-%d)"
  echo "ours: $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- engine app storage || echo ' (with changes)')"
  echo "peer: $(git -C "$peer" rev-parse --short HEAD) ($peer_commit unless --peer was given)"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "python: $("$python" -c 'import sys; print(sys.version.split()[0])')"
  echo "repeats: $repeats; levels 1, 8, 32 clients, ${duration} s each; slow clients and both ${hostile_duration} s, big bodies ${big_duration} s"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/machine.txt"

build "$root"
build "$peer"

export WORKBENCH_HOME="$out/home"
workbench="$root/workbench"
echo "== demo data (2,000 rows)" >&2
"$workbench" demo-data --out "$out/demo" --rows 2000 >/dev/null 2>&1
echo "== train (multimodal, 1 epoch)" >&2
"$workbench" train --data "$out/demo/ads.csv" --label clicked --recipe multimodal --epochs 1 --exclude ad_id \
  --json >"$out/train.json"
run_id="$("$python" -c 'import json, sys; print(json.load(open(sys.argv[1]))["run_id"])' "$out/train.json")"
echo "== publish $run_id as ctr" >&2
"$workbench" publish "$run_id" --model-name ctr --override-reason bench --json >"$out/publish.json"
unset WORKBENCH_HOME

echo "== measuring" >&2
"$python" "$here/bench.py" --ours "$root" --peer "$peer" --registry "$out/home/registry" \
  --csv "$out/demo/ads.csv" --out "$out" --repeats "$repeats" --duration "$duration" \
  --hostile-duration "$hostile_duration" --big-duration "$big_duration"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"
