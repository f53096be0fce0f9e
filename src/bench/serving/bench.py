#!/usr/bin/env python3
"""`workbench serve` as a whole process under load and under hostile traffic, against the same product at an
earlier commit (the peer), on the same registry, in the same run.

    bench.py --ours DIR --peer DIR --registry DIR --csv ads.csv --out DIR [--repeats 3] [--levels 1,8,32]
             [--duration 10] [--warmup 2] [--hostile-duration 35] [--settle 3] [--timeout 10]

DIR for --ours and --peer: a built checkout whose ./workbench launches the product. For each repeat, the two
servers take turns (ours first in odd repeats, the peer first in even ones); each turn starts a fresh
`./workbench serve --port P --registry REGISTRY` (its own WORKBENCH_HOME under OUT), waits for the model's
status, sends one predict (the model loads), warms up for 5 s with 8 clients, then:

1. the load levels: C keep-alive clients (loadgen.GoodLoad) for WARMUP s, then a measured window of DURATION s;
2. hostile: 8 clients for WARMUP s, then the hostile traffic (loadgen.Hostile: 64 slow clients, 1,000-instance
   bodies, bodies over 16 MiB) for SETTLE s, then a measured window of HOSTILE_DURATION s; the hostile traffic
   stops, then the clients; then one predict with a 10 s timeout says whether the server answers afterwards;
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
import loadgen  # noqa: E402

SIDES = ("ours", "peer")
RATIOS = {"p50_ms", "p99_ms", "requests_per_second"}


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
        hostile = loadgen.Hostile("127.0.0.1", server.port, path, big, slow=a.slow)
        figures = window(server, lambda: loadgen.GoodLoad("127.0.0.1", server.port, path, one, 8, a.timeout).start(),
                         a.warmup, a.hostile_duration, a.settle, hostile)
        figures["hostile"] = hostile.stats()
        stopped = time.perf_counter()
        try:
            status, _ = request(server.port, "POST", path, one, timeout=10)
            figures["after"] = {"status": status, "seconds": time.perf_counter() - stopped}
        except OSError as e:
            figures["after"] = {"status": "no answer: " + type(e).__name__, "seconds": time.perf_counter() - stopped}
        result["hostile"] = figures
        print(f"  {side}  8 clients + hostile: p50 {fmt(figures['p50_ms'])} ms, p99 {fmt(figures['p99_ms'])} ms, "
              f"{figures['requests_per_second']:.1f} req/s, timeouts {figures['timeouts']}, longest gap "
              f"{figures['longest_gap_s']} s, afterwards {figures['after']}", file=sys.stderr, flush=True)
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


def tables(results, a):
    by = {side: [r for r in results if r["side"] == side] for side in SIDES}
    lines = ["Without hostile traffic (single-row predict, C keep-alive clients; latency in ms; ratio = ours / peer, "
             "below 1 is faster for latency, above 1 is more for throughput):", "",
             "| Clients | Ours p50 | Peer p50 | Ratio | Ours p99 | Peer p99 | Ratio | Ours req/s | Peer req/s | Ratio |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for clients in a.levels:
        row = [str(clients)]
        for key, digits in (("p50_ms", 1), ("p99_ms", 1), ("requests_per_second", 0)):
            ours, om = cell([r["levels"][str(clients)][key] for r in by["ours"]], digits)
            peer, pm = cell([r["levels"][str(clients)][key] for r in by["peer"]], digits)
            row += [ours, peer, ratio(om, pm)]
        lines.append("| " + " | ".join(row) + " |")
    lines += ["", "8 clients, without and with hostile traffic (64 slow clients, 1,000-instance bodies, bodies over "
              "16 MiB):", "",
              "| Measure | Ours: without | Ours: with hostile | Peer: without | Peer: with hostile | Ratio with hostile |",
              "|---|---:|---:|---:|---:|---:|"]

    def without(side, key):
        return [r["levels"]["8"].get(key) for r in by[side]] if 8 in a.levels else [None]

    def under(side, key):
        return [r["hostile"].get(key) for r in by[side]]

    measures = [("p50 (ms)", "p50_ms", 1), ("p99 (ms)", "p99_ms", 1), ("requests/s", "requests_per_second", 0),
                ("200 answers in the window", "ok", 0), ("timeouts (10 s)", "timeouts", 0),
                ("errors (refused, reset)", "errors", 0),
                ("requests waiting over 1 s at the window's end", "waiting_at_end", 0),
                ("longest stretch without a 200 (s)", "longest_gap_s", 2),
                ("server CPU (s per s)", "server_cpu_s_per_s", 2), ("load generator CPU (s per s)", "loadgen_cpu_s_per_s", 2)]
    for label, key, digits in measures:
        row = [label]
        medians = {}
        for side in SIDES:
            for name, values in (("without", without(side, key)), ("with", under(side, key))):
                text, m = cell(values, digits)
                row.append(text)
                medians[(side, name)] = m
        row.append(ratio(medians[("ours", "with")], medians[("peer", "with")]) if key in RATIOS else "")
        lines.append("| " + " | ".join(row) + " |")
    for label, fn in (("non-200 answers (status: count, all repeats)", lambda r: {
            k: v for k, v in r.get("other_outcomes", {}).items() if k.isdigit()}),):
        row = [label]
        for side in SIDES:
            for source in (lambda r: r["levels"].get("8", {}), lambda r: r["hostile"]):
                total = {}
                for r in by[side]:
                    for k, v in fn(source(r)).items():
                        total[k] = total.get(k, 0) + v
                row.append(", ".join(f"{k}: {v}" for k, v in sorted(total.items())) or "none")
        row.append("")
        lines.append("| " + " | ".join(row) + " |")
    after = {side: [r["hostile"]["after"] for r in by[side]] for side in SIDES}
    lines.append("| a predict after the hostile traffic stopped | | " + "; ".join(
        f"{x['status']} in {x['seconds']:.2f} s" for x in after["ours"]) + " | | " + "; ".join(
        f"{x['status']} in {x['seconds']:.2f} s" for x in after["peer"]) + " | |")
    lines.append("| server alive at the end | | " + ", ".join("yes" if r["alive_at_stop"] else "no" for r in by["ours"])
                 + " | | " + ", ".join("yes" if r["alive_at_stop"] else "no" for r in by["peer"]) + " | |")
    lines += ["", "What the hostile traffic got (all repeats together):", "",
              "| | Ours | Peer |", "|---|---|---|"]

    def merged(side, pick):
        total = {}
        for r in by[side]:
            for k, v in pick(r["hostile"]["hostile"]).items():
                total[k] = total.get(k, 0) + v
        return ", ".join(f"{k}: {v}" for k, v in sorted(total.items(), key=lambda kv: -kv[1])) or "none"

    for mode in ("trickle", "stall"):
        lines.append(f"| slow clients, {mode}: connections and how they ended | " + " | ".join(
            merged(side, lambda h, m=mode: h["slow"].get(m, {}).get("ended", {})) for side in SIDES) + " |")
        lines.append(f"| slow clients, {mode}: median / longest held (s) | " + " | ".join(
            "; ".join(f"{r['hostile']['hostile']['slow'].get(mode, {}).get('median_held_s', '—')} / "
                      f"{r['hostile']['hostile']['slow'].get(mode, {}).get('max_held_s', '—')}" for r in by[side])
            for side in SIDES) + " |")
    lines.append("| 1,000-instance bodies: answers | " + " | ".join(
        merged(side, lambda h: h["big_1000_instances"]["outcomes"]) for side in SIDES) + " |")
    lines.append("| 1,000-instance bodies: median seconds of a 200 | " + " | ".join(
        "; ".join(fmt(r["hostile"]["hostile"]["big_1000_instances"]["median_s_of_200"], 2) for r in by[side])
        for side in SIDES) + " |")
    lines.append(f"| bodies of {by['ours'][0]['hostile']['hostile']['oversize']['bytes']:,} bytes: answers | " + " | ".join(
        merged(side, lambda h: h["oversize"]["outcomes"]) for side in SIDES) + " |")
    lines.append("| bodies over the limit: median MiB sent before the answer | " + " | ".join(
        "; ".join(fmt(r["hostile"]["hostile"]["oversize"]["median_mib_sent_before_answer"], 1) for r in by[side])
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
