#!/usr/bin/env bash
# Checks Workbench's Linux package: what the .deb holds, then the installed app itself: --version headless,
# the first start's window under Xvfb (a screenshot that is not blank, the demo dataset written, JavaFX's
# natives loaded from the packaged runtime), a training run whose worker runs on the packaged runtime, and a
# run history made by a build that the installed app opens with its runs.
#
#   installers/check-deb.sh [--build] [--install] [--deb FILE]
#     --build    first build the package: mvn -B -ntp -Pdist -DskipTests package -pl app -am
#     --install  install it with dpkg (as root) and check /opt/<package>; otherwise it is unpacked in a
#                temporary folder and run from there. An install is removed again at the end.
#     --deb FILE the package to check (default: the one in app/target/dist/packages/)
#
# Needs: dpkg-deb, xvfb-run, xwininfo (x11-utils), ImageMagick (import, convert), libgtk-3-0.
# Writes its measurements and the screenshot to app/target/dist/check/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dist="$root/app/target/dist"
build=false
install=false
deb=""
while (($#)); do
  case "$1" in
    --build) build=true ;;
    --install) install=true ;;
    --deb) deb="$2"; shift ;;
    *) echo "usage: $0 [--build] [--install] [--deb FILE]" >&2; exit 2 ;;
  esac
  shift
done

fail() { echo "check-deb: FAIL: $*" >&2; exit 1; }
ok() { echo "check-deb: ok: $*"; }
seconds_since() { echo "$(( $(date +%s%N) - $1 ))" | awk '{ printf "%.1f", $1 / 1e9 }'; }

if $build; then
  started=$(date +%s%N)
  (cd "$root" && mvn -B -ntp -Pdist -DskipTests package -pl app -am)
  echo "check-deb: build took $(seconds_since "$started") s"
fi

if [[ -z "$deb" ]]; then
  deb="$(ls "$dist"/packages/*.deb 2>/dev/null | head -n 1 || true)"
fi
[[ -f "$deb" ]] || fail "no .deb found; build it with: mvn -B -ntp -Pdist -DskipTests package -pl app -am"
report="$dist/check"
rm -rf "$report" && mkdir -p "$report"
work="$(mktemp -d /tmp/workbench-check.XXXXXX)"
installed_package=""
cleanup() {
  [[ -n "$installed_package" ]] && dpkg --purge "$installed_package" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# --- What the package holds -------------------------------------------------------------------------------
package="$(dpkg-deb -f "$deb" Package)"
version="$(dpkg-deb -f "$deb" Version)"
depends="$(dpkg-deb -f "$deb" Depends)"
installed_kib="$(dpkg-deb -f "$deb" Installed-Size)"
echo "check-deb: $deb: $package $version, Depends: $depends"
[[ "$depends" == *libgtk-3-0* ]] || fail "the package does not depend on libgtk-3-0"
ok "declares libgtk-3-0"
dpkg-deb -c "$deb" | awk '{ print $NF }' > "$work/contents"
prefix="./opt/$package"
for path in bin/Workbench lib/runtime/bin/java lib/runtime/lib/modules lib/runtime/lib/libglass.so \
    lib/runtime/lib/libprism_es2.so lib/app/workbench-app.jar lib/app/Workbench.cfg "lib/$package-Workbench.desktop" \
    lib/Workbench.png; do
  grep -qx "$prefix/$path" "$work/contents" || fail "$path is not in the package"
done
ok "launcher, runtime (with bin/java and JavaFX's natives), app jars, desktop entry and icon are in the package"
natives="$(grep -c "$prefix/lib/app/tensorflow-core-native-.*-linux-x86_64.*\.jar" "$work/contents" || true)"
other_os="$(grep -cE "tensorflow-core-native-.*-(macosx|windows)|javafx-.*-(win|mac)\.jar" "$work/contents" || true)"
javafx_jars="$(grep -cE "$prefix/lib/app/javafx-" "$work/contents" || true)"
[[ "$natives" -eq 1 && "$other_os" -eq 0 ]] || fail "expected TensorFlow's natives for Linux only ($natives, others $other_os)"
[[ "$javafx_jars" -eq 0 ]] || fail "JavaFX's jars are on the class path; they belong in the runtime"
ok "TensorFlow natives for this OS only; JavaFX in the runtime, not on the class path"

# --- Install, or unpack --------------------------------------------------------------------------------------
if $install; then
  [[ "$(id -u)" -eq 0 ]] || fail "--install needs root"
  # apt installs what the package depends on (jpackage adds xdg-utils for the menu entry, and the libraries
  # that its natives link to).
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$(realpath "$deb")" \
    > "$report/install.log" 2>&1 || { cat "$report/install.log" >&2; fail "the package does not install"; }
  installed_package="$package"
  app="/opt/$package"
  desktop="$app/lib/$package-Workbench.desktop"
  if [[ -f "/usr/share/applications/$package-Workbench.desktop" ]]; then
    ok "installed into $app; menu entry /usr/share/applications/$package-Workbench.desktop"
  elif grep -q "no desktop menu here" "$report/install.log"; then
    ok "installed into $app; this machine has no desktop menu system, so no menu entry (the package says so)"
  else
    fail "installing added no menu entry and said nothing about it"
  fi
else
  dpkg-deb -x "$deb" "$work/root"
  app="$work/root/opt/$package"
  desktop="$app/lib/$package-Workbench.desktop"
fi
grep -q "^Exec=.*bin/Workbench" "$desktop" || fail "the desktop entry does not start bin/Workbench"
grep -q "^Icon=" "$desktop" || fail "the desktop entry has no icon"
grep -q "^Categories=Science;Development;" "$desktop" || fail "the desktop entry is not in the Science menu group"
ok "desktop entry: $(grep -E '^(Name|Exec|Icon|Categories)=' "$desktop" | tr '\n' ' ')"
modules="$("$app/lib/runtime/bin/java" --list-modules)"
for module in javafx.base javafx.graphics javafx.controls javafx.fxml javafx.swing java.sql java.desktop jdk.crypto.ec; do
  grep -q "^$module@" <<<"$modules" || fail "the runtime lacks $module"
done
ok "the runtime holds $(wc -l <<<"$modules") modules, JavaFX's among them"

# The invoking user's native cache, for the build's run below (the installed app's runs use the fresh user's).
build_native_cache="${WORKBENCH_NATIVE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/workbench/javacpp}"

# A fresh user: the default home (~/.workbench) and native cache (~/.cache/workbench/javacpp) land here.
# Java takes user.home from the password database, not from HOME, hence JAVA_TOOL_OPTIONS.
user="$work/user"
mkdir -p "$user"
run_app() {
  env -u WORKBENCH_HOME -u WORKBENCH_NATIVE_CACHE -u XDG_CACHE_HOME -u TF_CPP_MIN_LOG_LEVEL HOME="$user" \
    JAVA_TOOL_OPTIONS="-Duser.home=$user" "$@"
}

# --- --version, headless -------------------------------------------------------------------------------------
started=$(date +%s%N)
version_output="$(run_app env -u DISPLAY "$app/bin/Workbench" --version)"
version_seconds="$(seconds_since "$started")"
echo "$version_output"
deb_version="${version%-*}"
grep -q "^Workbench .*(installed package $deb_version)" <<<"$version_output" \
  || fail "--version does not name the installed package $deb_version"
grep -q "^Java 17" <<<"$version_output" || fail "--version does not run on the packaged Java 17"
ok "--version in $version_seconds s"

# --- The first start's window, under Xvfb ------------------------------------------------------------------
cat > "$work/window.sh" <<'EOF'
#!/usr/bin/env bash
# Starts the app, waits for its window and the demo dataset, takes a screenshot, closes the app.
set -u
app="$1"; report="$2"
started=$(date +%s%N)
JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:-} -Djavafx.verbose=true" "$app/bin/Workbench" > "$report/window.log" 2>&1 &
pid=$!
window=""
for _ in $(seq 1 600); do
  # The main window, not GTK's 10x10 leader window that carries the same name.
  if xwininfo -root -tree 2>/dev/null | grep -qE '"Workbench": .* [0-9]{3,}x[0-9]{3,}\+'; then
    window=$(( $(date +%s%N) - started ))
    break
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
echo "window_ns=${window:-none}" > "$report/window.times"
for _ in $(seq 1 300); do
  [[ -f "$HOME/.workbench/demo/ads.csv" ]] && break
  sleep 0.2
done
sleep 5
import -window root "$report/first-start.png"
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
exit 0
EOF
chmod +x "$work/window.sh"
run_app xvfb-run -a -s "-screen 0 1600x1000x24" "$work/window.sh" "$app" "$report"
window_ns="$(sed -n 's/^window_ns=//p' "$report/window.times")"
[[ "$window_ns" != none ]] || { tail -n 30 "$report/window.log" >&2; fail "no Workbench window appeared"; }
window_seconds="$(awk -v ns="$window_ns" 'BEGIN { printf "%.1f", ns / 1e9 }')"
ok "the window appeared $window_seconds s after the launcher started (a new user's first start)"
[[ -f "$user/.workbench/demo/ads.csv" ]] || fail "the first start did not write the demo dataset to ~/.workbench/demo"
ok "the first start wrote the demo dataset to ~/.workbench/demo ($(($(wc -l < "$user/.workbench/demo/ads.csv") - 1)) rows)"
colours="$(convert "$report/first-start.png" -format '%k' info:)"
spread="$(convert "$report/first-start.png" -colorspace Gray -format '%[fx:standard_deviation]' info:)"
awk -v c="$colours" -v s="$spread" 'BEGIN { exit !(c > 50 && s > 0.02) }' \
  || fail "the screenshot looks blank ($colours colours, spread $spread): $report/first-start.png"
ok "the screenshot is not blank: $colours colours, grey spread $spread ($report/first-start.png)"
for library in glass prism_es2 javafx_font; do
  grep -q "Loaded .*$app/lib/runtime/lib/lib$library.so" "$report/window.log" \
    || { grep -i "lib$library" "$report/window.log" >&2 || true; fail "JavaFX did not load lib$library.so from the packaged runtime"; }
done
[[ ! -e "$user/.openjfx" ]] || fail "JavaFX unpacked natives into ~/.openjfx instead of using the runtime's"
ok "JavaFX loaded its natives from $app/lib/runtime/lib"

# --- A history from a build, opened by the installed app -----------------------------------------------------
# The build's Launcher on the same home leaves a run in the history; the installed app must list it.
if [[ -f "$root/app/target/workbench-app.jar" && -d "$root/app/target/lib" ]]; then
  run_app java -Dorg.bytedeco.javacpp.cachedir="$build_native_cache" \
    -cp "$root/app/target/workbench-app.jar:$root/app/target/lib/*" me.adsby.workbench.app.Launcher \
    train --data "$user/.workbench/demo/ads.csv" --label clicked --recipe tabular --epochs 1 --name from-the-build \
    > "$report/build-train.log" 2>&1 || { tail -n 20 "$report/build-train.log" >&2; fail "the build could not train"; }
  ok "a build of the same version trained run 'from-the-build' on the same home"
fi

# --- Training with the installed app ------------------------------------------------------------------------
started=$(date +%s%N)
run_app env -u DISPLAY "$app/bin/Workbench" train --data "$user/.workbench/demo/ads.csv" --label clicked \
  --recipe tabular --epochs 1 --name packaged > "$report/train.log" 2>&1 \
  || { tail -n 30 "$report/train.log" >&2; fail "training with the installed app failed"; }
train_seconds="$(seconds_since "$started")"
tail -n 5 "$report/train.log"
grep -q "Started the worker of .*\[$app/lib/runtime/bin/java, " "$user/.workbench/logs/workbench.log" \
  || fail "the worker did not start from the packaged runtime ($app/lib/runtime/bin/java); see its log"
ok "trained one epoch in $train_seconds s (unpacking TensorFlow's natives first); the worker ran on $app/lib/runtime/bin/java"
[[ -d "$user/.cache/workbench/javacpp" ]] || fail "TensorFlow's natives did not unpack into ~/.cache/workbench/javacpp"
ok "TensorFlow's natives unpacked into ~/.cache/workbench/javacpp ($(du -sh "$user/.cache/workbench/javacpp" | cut -f1))"
runs="$(run_app env -u DISPLAY "$app/bin/Workbench" runs list)"
echo "$runs"
grep -q "packaged" <<<"$runs" || fail "runs list does not show the run 'packaged'"
if [[ -f "$report/build-train.log" ]]; then
  grep -q "from-the-build" <<<"$runs" || fail "the installed app lost the run that the build made"
  ok "the installed app opened the build's history in place and kept its run"
fi

deb_mib="$(du -m "$deb" | cut -f1)"
{
  echo "package=$(basename "$deb")"
  echo "package_mib=$deb_mib"
  echo "installed_mib=$((installed_kib / 1024))"
  echo "version_seconds=$version_seconds"
  echo "window_seconds=$window_seconds"
  echo "train_seconds=$train_seconds"
} > "$report/figures.txt"
cat "$report/figures.txt"
echo "check-deb: all checks passed"
