#!/usr/bin/env bash
# Time from start to Workbench's main window, under Xvfb: the installed app against the build's launcher
# (java on the class path of app/target/lib), alternately, on one home that is already set up.
#
#   installers/start-time.sh [APP_FOLDER] [ROUNDS]     (defaults: /opt/workbench, 3)
#
# Prints each start and the medians. Needs xvfb-run, xwininfo, and a build (mvn -DskipTests package).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
app="${1:-/opt/workbench}"
rounds="${2:-3}"
[[ -x "$app/bin/Workbench" ]] || { echo "start-time: no $app/bin/Workbench" >&2; exit 1; }
[[ -f "$root/app/target/workbench-app.jar" ]] || { echo "start-time: build first: mvn -B -DskipTests package" >&2; exit 1; }
home="$(mktemp -d /tmp/workbench-start.XXXXXX)"
trap 'rm -rf "$home"' EXIT

cat > "$home/once.sh" <<'EOF'
#!/usr/bin/env bash
# Starts the command, prints the milliseconds until a large window named Workbench is mapped, stops it.
set -u
started=$(date +%s%N)
"$@" > /dev/null 2>&1 &
pid=$!
for _ in $(seq 1 1200); do
  if xwininfo -root -tree 2>/dev/null | grep -qE '"Workbench": .* [0-9]{3,}x[0-9]{3,}\+'; then
    echo $(( ($(date +%s%N) - started) / 1000000 ))
    kill "$pid"; wait "$pid" 2>/dev/null
    exit 0
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.05
done
echo none
kill "$pid" 2>/dev/null
exit 1
EOF
chmod +x "$home/once.sh"

installed=()
build=()
# A first start on the home writes the demo dataset; do it once, untimed, so every timed start is alike.
xvfb-run -a "$home/once.sh" "$app/bin/Workbench" --home "$home/wb" > /dev/null
for ((i = 1; i <= rounds; i++)); do
  installed+=("$(xvfb-run -a "$home/once.sh" "$app/bin/Workbench" --home "$home/wb")")
  build+=("$(xvfb-run -a "$home/once.sh" java -Dworkbench.lib="$root/app/target/lib" \
    -cp "$root/app/target/workbench-app.jar:$root/app/target/lib/*" me.adsby.workbench.app.Launcher --home "$home/wb")")
  echo "round $i: installed ${installed[-1]} ms, build ${build[-1]} ms"
done
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
echo "median: installed $(median "${installed[@]}") ms, build $(median "${build[@]}") ms"
