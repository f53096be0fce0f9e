#!/usr/bin/env python3
"""`workbench serve` as a whole process under load and under hostile traffic, against the same product at an
earlier commit (the peer), on the same registry, in the same run.

    bench.py --ours DIR --peer DIR --registry DIR --csv ads.csv --out DIR [--repeats 3] [--levels 1,8,32]
             [--duration 10] [--warmup 2] [--hostile-duration 35] [--big-duration 15] [--settle 3] [--timeout 10]

DIR for --ours and --peer: a built checkout whose ./workbench launches the product. For each repeat, the two
servers take turns (ours first in odd repeats, the peer first in even ones); each turn starts a fresh
`./workbench serve --port P --registry REGISTRY` (its own WORKBENCH_HOME under OUT), waits for the model's
status, sends one predict (the model loads), warms up for 5 s with 8 clients, then:

1. the load levels: C keep-alive clients (loadgen.GoodLoad) for WARMUP s, then a measured window of DURATION s;
2. three hostile phases, each: 8 clients for WARMUP s, then hostile traffic (loadgen.Hostile) for SETTLE s,
   then a measured window; the hostile traffic stops, then the clients; then one predict with a 10 s timeout
   says whether the server answers afterwards. The phases: "slow clients" (64 slow clients, HOSTILE_DURATION
   s: longer than ours' 30 s idle timeout), "big bodies" (1,000-instance bodies and bodies over 16 MiB, one
   loop each, BIG_DURATION s) and "both" (all of it, HOSTILE_DURATION s);
3. the server is stopped (SIGTERM to its process group, SIGKILL after 15 s).

Each window also records the server's CPU seconds (its process group, /proc) and the load generator's, and
the load average. Each table cell is the median over the repeats, [lowest–highest]; ratio = ours / peer.
Writes OUT/results.json (every window) and OUT/results.md (the tables), and prints the tables.
"""
import argparse
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ beside the sources
sys.path.insert(0, str(Path(__file__).resolve().parent))
import loadgen  # noqa: E402

SIDES = ("ours", "peer")


def loadavg():
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def group_cpu(pgid):
    """CPU seconds (user + system) of every live process in the process group."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # fields after "(comm)": state ppid pgrp ... utime(12) stime(13)
            total += int(fields[11]) + int(fields[12])
    return total / ticks


def request(port, method, path, body=None, timeout=10.0):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers={"Content-Type": "application/json"} if body else {})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


class Server:
    def __init__(self, side, checkout, registry, out, repeat):
        self.side, self.port = side, free_port()
        home = out / f"serve-home-{side}"
        home.mkdir(parents=True, exist_ok=True)
        logs = out / "logs"
        logs.mkdir(exist_ok=True)
        self.log = logs / f"{side}-{repeat}.log"
        env = dict(os.environ, WORKBENCH_HOME=str(home))
        self.started = time.perf_counter()
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(
                [str(Path(checkout) / "workbench"), "serve", "--port", str(self.port), "--registry", str(registry)],
                stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
        self.pgid = self.process.pid

    def wait_ready(self, model, limit=180):
        deadline = time.perf_counter() + limit
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"bench.py: {self.side}'s server exited {self.process.returncode}; see {self.log}")
            try:
                status, _ = request(self.port, "GET", f"/v1/models/{model}", timeout=2)
                if status == 200:
                    return time.perf_counter() - self.started
            except OSError:
                pass
            time.sleep(0.2)
        raise SystemExit(f"bench.py: {self.side}'s server did not answer in {limit} s; see {self.log}")

    def stop(self):
        alive = self.process.poll() is None
        try:
            os.killpg(self.pgid, signal.SIGTERM)
        except ProcessLookupError:
            return alive
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(self.pgid, signal.SIGKILL)
            self.process.wait(15)
        return alive


def window(server, start_load, warmup, duration, settle=0.0, hostile=None):
    """Runs a GoodLoad (and a Hostile) and returns the measured window's figures."""
    load = start_load()
    time.sleep(warmup)
    if hostile is not None:
        hostile.start()
        time.sleep(settle)
    cpu0, mine0, load0 = group_cpu(server.pgid), time.process_time(), loadavg()
    t0 = time.perf_counter()
    time.sleep(duration)
    t1 = time.perf_counter()
    cpu1, mine1 = group_cpu(server.pgid), time.process_time()
    if hostile is not None:
        hostile.stop()
    load.stop()
    figures = load.stats(t0, t1)
    figures["server_cpu_s_per_s"] = (cpu1 - cpu0) / (t1 - t0)
    figures["loadgen_cpu_s_per_s"] = (mine1 - mine0) / (t1 - t0)
    figures["loadavg_before"], figures["loadavg_after"] = load0, loadavg()
    return figures


def one_turn(side, checkout, a, one, big, repeat):
    path = f"/v1/models/{a.model}:predict"
    server = Server(side, checkout, a.registry, a.out, repeat)
    result = {"side": side, "repeat": repeat, "checkout": str(checkout)}
    try:
        result["ready_s"] = server.wait_ready(a.model)
        started = time.perf_counter()
        status, body = request(server.port, "POST", path, one, timeout=120)
        if status != 200:
            raise SystemExit(f"bench.py: {side}'s first predict answered {status}: {body[:500]!r}")
        result["first_predict_s"] = time.perf_counter() - started
        prediction = json.loads(body)["predictions"][0]
        # Ours answers each instance as [p] (TF Serving's row format for a [N, 1] output); the peer as p.
        result["prediction"] = prediction[0] if isinstance(prediction, list) else prediction
        print(f"  {side}: ready in {result['ready_s']:.1f} s, first predict {result['first_predict_s']:.2f} s, "
              f"p = {result['prediction']}", file=sys.stderr, flush=True)
        warm = loadgen.GoodLoad("127.0.0.1", server.port, path, one, 8, a.timeout).start()
        time.sleep(5)
        warm.stop()
        result["levels"] = {}
        for clients in a.levels:
            result["levels"][str(clients)] = figures = window(
                server, lambda: loadgen.GoodLoad("127.0.0.1", server.port, path, one, clients, a.timeout).start(),
                a.warmup, a.duration)
            print(f"  {side} {clients:>2} clients: p50 {fmt(figures['p50_ms'])} ms, p99 {fmt(figures['p99_ms'])} ms, "
                  f"{figures['requests_per_second']:.1f} req/s, timeouts {figures['timeouts']}, other "
                  f"{figures['other_outcomes']}", file=sys.stderr, flush=True)
        result["hostile"] = {}
        for phase, (slow, bodies, seconds) in phases(a).items():
            hostile = loadgen.Hostile("127.0.0.1", server.port, path, big, slow=slow, big=bodies, oversize=bodies)
            figures = window(server,
                             lambda: loadgen.GoodLoad("127.0.0.1", server.port, path, one, 8, a.timeout).start(),
                             a.warmup, seconds, a.settle, hostile)
            figures["hostile"] = hostile.stats()
            stopped = time.perf_counter()
            try:
                status, _ = request(server.port, "POST", path, one, timeout=10)
                figures["after"] = {"status": status, "seconds": time.perf_counter() - stopped}
            except OSError as e:
                figures["after"] = {"status": "no answer: " + type(e).__name__, "seconds": time.perf_counter() - stopped}
            result["hostile"][phase] = figures
            print(f"  {side}  8 clients + {phase}: p50 {fmt(figures['p50_ms'])} ms, p99 {fmt(figures['p99_ms'])} ms, "
                  f"{figures['requests_per_second']:.1f} req/s, timeouts {figures['timeouts']}, longest gap "
                  f"{figures['longest_gap_s']} s, afterwards {figures['after']['status']} in "
                  f"{figures['after']['seconds']:.2f} s", file=sys.stderr, flush=True)
    finally:
        result["alive_at_stop"] = server.stop()
    return result


def fmt(value, digits=1):
    if value is None:
        return "—"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:.{digits}f}"


def cell(values, digits=1):
    """Median [lowest–highest] of the values that exist; '—' where none does, with how many were missing."""
    present = [v for v in values if v is not None]
    if not present:
        return "—", None
    m = statistics.median(present)
    text = fmt(m, digits)
    if len(present) > 1:
        text += f" [{fmt(min(present), digits)}–{fmt(max(present), digits)}]"
    if len(present) < len(values):
        text += f" ({len(values) - len(present)} of {len(values)} without any)"
    return text, m


def ratio(a, b):
    if a is None or b is None or b == 0:
        return "—"
    return f"{a / b:.2f}"


def phases(a):
    """The hostile phases: name -> (slow clients, big bodies?, seconds measured)."""
    return {"slow clients": (a.slow, False, a.hostile_duration),
            "big bodies": (0, True, a.big_duration),
            "both": (a.slow, True, a.hostile_duration)}


def triple(by, pick, digits):
    """[ours, peer, ratio] cells: medians over the repeats of pick(result)."""
    ours, om = cell([pick(r) for r in by["ours"]], digits)
    peer, pm = cell([pick(r) for r in by["peer"]], digits)
    return [ours, peer, ratio(om, pm)]


def per_answer_cpu(figures):
    rps = figures["requests_per_second"]
    return figures["server_cpu_s_per_s"] / rps * 1000.0 if rps else None


def tables(results, a):
    by = {side: [r for r in results if r["side"] == side] for side in SIDES}
    names = list(phases(a))
    lines = ["Without hostile traffic: single-row predict from C keep-alive clients, back to back (latency in ms; "
             "the server's CPU per 200 answer in ms; ratio = ours / peer: below 1 is faster or cheaper, above 1 is "
             "more throughput):", "",
             "| Clients | Ours p50 | Peer p50 | Ratio | Ours p99 | Peer p99 | Ratio | Ours req/s | Peer req/s | Ratio "
             "| Ours CPU/answer | Peer CPU/answer | Ratio |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for clients in a.levels:
        level = str(clients)
        row = [level]
        for key, digits in (("p50_ms", 1), ("p99_ms", 1), ("requests_per_second", 0)):
            row += triple(by, lambda r: r["levels"][level][key], digits)
        row += triple(by, lambda r: per_answer_cpu(r["levels"][level]), 2)
        lines.append("| " + " | ".join(row) + " |")

    def figures(r, phase):
        return r["levels"]["8"] if phase == "none" else r["hostile"][phase]

    shown = (["none"] if 8 in a.levels else []) + names
    label = {"none": "none (the 8-client level above)", "slow clients": f"{a.slow} slow clients",
             "big bodies": "1,000-instance bodies and bodies over 16 MiB", "both": "both"}
    lines += ["", "8 keep-alive clients with hostile traffic beside them (— : no 200 answer in any repeat's window):",
              "", "| Beside them | Ours p50 | Peer p50 | Ratio | Ours p99 | Peer p99 | Ratio | Ours req/s | Peer req/s "
              "| Ratio | Ours: longest without a 200 (s) | Peer: longest without a 200 (s) | Ours: timeouts | "
              "Peer: timeouts |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for phase in shown:
        row = [label[phase]]
        for key, digits in (("p50_ms", 1), ("p99_ms", 1), ("requests_per_second", 0)):
            row += triple(by, lambda r: figures(r, phase)[key], digits)
        for key, digits in (("longest_gap_s", 2), ("timeouts", 0)):
            row += triple(by, lambda r: figures(r, phase)[key], digits)[:2]
        lines.append("| " + " | ".join(row) + " |")

    def answers(r, phase):
        f = figures(r, phase)
        bad = {k: v for k, v in f["other_outcomes"].items() if k != "timeout"}
        return ", ".join(f"{k}: {v}" for k, v in sorted(bad.items())) or "none"

    lines += ["", "The same windows, each repeat (ours / peer): seconds measured, 200 answers, other outcomes, "
              "requests waiting over 1 s at the window's end, a predict sent after the hostile traffic stopped, "
              "and the server's CPU (s per s):", "",
              "| Beside them | Window (s) | 200 answers | Other outcomes | Waiting over 1 s at the end | "
              "A predict afterwards | Server CPU (s/s) |", "|---|---:|---|---|---|---|---|"]
    for phase in shown:
        def each(fn):
            return " / ".join("; ".join(fn(r) for r in by[side]) for side in SIDES)
        after = "" if phase == "none" else each(
            lambda r: f"{r['hostile'][phase]['after']['status']} in {r['hostile'][phase]['after']['seconds']:.2f} s")
        lines.append("| " + " | ".join([
            label[phase], f"{figures(by['ours'][0], phase)['seconds']:.0f}",
            each(lambda r: f"{figures(r, phase)['ok']:,}"), each(lambda r: answers(r, phase)),
            each(lambda r: str(figures(r, phase)["waiting_at_end"])), after,
            each(lambda r: f"{figures(r, phase)['server_cpu_s_per_s']:.2f}")]) + " |")
    lines.append("")
    lines.append("Both servers alive when stopped: ours " + ", ".join(
        "yes" if r["alive_at_stop"] else "no" for r in by["ours"]) + "; peer " + ", ".join(
        "yes" if r["alive_at_stop"] else "no" for r in by["peer"]) + ".")
    lines += ["", "What the hostile traffic got (all repeats together):", "", "| Phase | | Ours | Peer |",
              "|---|---|---|---|"]

    def merged(side, phase, pick):
        total = {}
        for r in by[side]:
            for k, v in pick(r["hostile"][phase]["hostile"]).items():
                total[k] = total.get(k, 0) + v
        return ", ".join(f"{k}: {v}" for k, v in sorted(total.items(), key=lambda kv: -kv[1])) or "none"

    def each_repeat(side, phase, pick):
        return "; ".join(pick(r["hostile"][phase]["hostile"]) for r in by[side])

    for phase in names:
        slow, bodies, _ = phases(a)[phase]
        if slow:
            for mode in ("trickle", "stall"):
                lines.append(f"| {phase} | slow, {mode}: connections, how they ended | " + " | ".join(
                    merged(side, phase, lambda h, m=mode: h["slow"].get(m, {}).get("ended", {})) for side in SIDES) + " |")
                lines.append(f"| {phase} | slow, {mode}: median / longest held (s) | " + " | ".join(
                    each_repeat(side, phase, lambda h, m=mode: f"{h['slow'].get(m, {}).get('median_held_s', '—')} / "
                                f"{h['slow'].get(m, {}).get('max_held_s', '—')}") for side in SIDES) + " |")
        if bodies:
            lines.append(f"| {phase} | 1,000-instance bodies: outcomes | " + " | ".join(
                merged(side, phase, lambda h: h["big_1000_instances"]["outcomes"]) for side in SIDES) + " |")
            lines.append(f"| {phase} | 1,000-instance bodies: median s of a 200 | " + " | ".join(
                each_repeat(side, phase, lambda h: fmt(h["big_1000_instances"]["median_s_of_200"], 2))
                for side in SIDES) + " |")
            lines.append(f"| {phase} | bodies over 16 MiB: outcomes | " + " | ".join(
                merged(side, phase, lambda h: h["oversize"]["outcomes"]) for side in SIDES) + " |")
            lines.append(f"| {phase} | bodies over 16 MiB: median MiB sent before a status came | " + " | ".join(
                each_repeat(side, phase, lambda h: fmt(h["oversize"]["median_mib_sent_before_answer"], 1))
                for side in SIDES) + " |")
    return "\n".join(lines) + "\n"


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--ours", required=True, type=Path)
    p.add_argument("--peer", required=True, type=Path)
    p.add_argument("--registry", required=True, type=Path)
    p.add_argument("--csv", required=True, type=Path)
    p.add_argument("--out", required=True, type=Path)
    p.add_argument("--model", default="ctr")
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--levels", default="1,8,32")
    p.add_argument("--duration", type=float, default=10)
    p.add_argument("--warmup", type=float, default=2)
    p.add_argument("--hostile-duration", type=float, default=35)
    p.add_argument("--big-duration", type=float, default=15)
    p.add_argument("--settle", type=float, default=3)
    p.add_argument("--timeout", type=float, default=10)
    p.add_argument("--slow", type=int, default=64)
    a = p.parse_args()
    a.levels = [int(x) for x in a.levels.split(",")]
    versions = sorted((a.registry / a.model).iterdir(), key=lambda d: int(d.name))
    features = json.loads((versions[-1] / "assets.extra" / "features.json").read_text())
    one, row_id, big = loadgen.bodies(a.csv, features)
    print(f"bench.py: the good clients' row is {row_id} ({len(one):,} bytes); the 1,000-instance body has "
          f"{len(big):,} bytes", file=sys.stderr, flush=True)
    results = []
    for repeat in range(1, a.repeats + 1):
        order = SIDES if repeat % 2 == 1 else tuple(reversed(SIDES))
        print(f"== repeat {repeat} of {a.repeats} ({' then '.join(order)}; load average {loadavg()})",
              file=sys.stderr, flush=True)
        for side in order:
            results.append(one_turn(side, a.ours if side == "ours" else a.peer, a, one, big, repeat))
            (a.out / "results.json").write_text(json.dumps({
                "row": row_id, "body_bytes": len(one), "big_body_bytes": len(big), "results": results}, indent=2))
    predictions = {r["side"]: r["prediction"] for r in results}
    text = tables(results, a)
    text += (f"\nThe row: {row_id} ({len(one):,} bytes of JSON); its prediction: ours {predictions['ours']}, "
             f"peer {predictions['peer']}. The 1,000-instance body: {len(big):,} bytes.\n")
    (a.out / "results.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
