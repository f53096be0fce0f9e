#!/usr/bin/env python3
"""Load for `workbench serve`: keep-alive clients that predict one row, and hostile traffic beside them.

Standard library only (threads, http.client, socket). Used by bench.py; it can also be run alone against a
server that is already up:

    loadgen.py --port P --csv ads.csv --features features.json [--clients 8] [--warmup 2] [--duration 10]
               [--hostile] [--model ctr]

Good clients (GoodLoad): C threads, each with one HTTP/1.1 keep-alive connection (TCP_NODELAY), sending
`POST /v1/models/NAME:predict` with one real row back to back. Each request is timed from before it is
written to after its answer is read (time.perf_counter). A request with no answer within the timeout (10 s) is
a timeout: the client closes that connection and opens another. Figures for a window [t0, t1], by the time
each request ended: latencies and count of the 200 answers that came in it (throughput = that count / its
length), the timeouts and other outcomes, the requests that had waited over 1 s at its end, and the longest
stretch of the window with no 200 answer from any client (a server that froze shows it here).

Hostile traffic (Hostile), all at once:
- SLOW clients (64 by default): each opens a connection, sends a whole header block with Content-Length:
  1,000,000 and one byte of body, then half of them trickle one byte a second and half send nothing more. When
  the server closes the connection or answers, the client notes how long it lasted and how it ended, and opens
  another at once: 64 such connections are held all the time.
- BIG bodies, one thread each, in a loop: a valid 1,000-instance body (1,000 real rows with their banners as
  b64, about 9 MB of JSON), over keep-alive; and a body over the 16 MiB limit (17 MiB, Content-Length declared), sent
  on a raw socket in 1 MiB pieces, noting whether the server answered before the body was all sent; a new
  one starts at most every 0.1 s.
stop() shuts every hostile socket at once, so a hostile request blocked on a frozen server ends with it.
"""
import argparse
import base64
import csv
import http.client
import json
import select
import socket
import threading
import time
from pathlib import Path

OVERSIZE_BYTES = 17 << 20
SLOW_DECLARED = 1_000_000
# The oversize loop starts a body at most every OVERSIZE_PERIOD seconds, so that a server that refuses at
# once is not answered with a loop that takes a core of the load generator's own.
OVERSIZE_PERIOD = 0.1


def percentile(sorted_values, p):
    """Linear interpolation between closest ranks; sorted_values must be sorted and non-empty."""
    if not sorted_values:
        return None
    k = (len(sorted_values) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (k - lo)


def instance(row, features, csv_dir):
    """One TF Serving instance from a CSV row: numeric columns as numbers, categorical as strings, the
    banner as {"b64": ...} (the file's PNG bytes)."""
    out = {}
    for column in features["numeric"]:
        text = row[column].strip()
        out[column] = float(text) if text else None
    for column in features["categorical"]:
        out[column] = row[column]
    if features.get("image"):
        path = Path(row[features["image"]])
        if not path.is_absolute():
            path = csv_dir / path
        out[features["image"]] = {"b64": base64.b64encode(path.read_bytes()).decode("ascii")}
    return out


def rows(csv_path):
    with open(csv_path, newline="") as f:
        return list(csv.DictReader(f))


def good_row(all_rows):
    """The row the good clients send: the first 300x250 banner (the size of ServingBenchmark's), else the first."""
    for row in all_rows:
        if row.get("banner_size") == "300x250":
            return row
    return all_rows[0]


def bodies(csv_path, features, big_instances=1000):
    """(the good clients' body, its row's id, the 1,000-instance body), as bytes."""
    csv_path = Path(csv_path)
    all_rows = rows(csv_path)
    row = good_row(all_rows)
    one = json.dumps({"instances": [instance(row, features, csv_path.parent)]}).encode()
    many = [instance(r, features, csv_path.parent) for r in all_rows[:big_instances]]
    big = json.dumps({"instances": many}).encode()
    return one, row.get("ad_id", "row 1"), big


def connect(host, port, timeout):
    conn = http.client.HTTPConnection(host, port, timeout=timeout)
    conn.connect()
    conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return conn


class GoodLoad:
    """C keep-alive clients predicting one row back to back until stop()."""

    def __init__(self, host, port, path, body, clients, timeout=10.0):
        self.host, self.port, self.path, self.body = host, port, path, body
        self.clients, self.timeout = clients, timeout
        self._stop = threading.Event()
        self._threads = []
        # per client: list of (start, end, outcome) with outcome an HTTP status, "timeout" or "error: ..."
        self.records = [[] for _ in range(clients)]
        self.connections = [0] * clients

    def start(self):
        for i in range(self.clients):
            t = threading.Thread(target=self._run, args=(i,), name=f"good-{i}", daemon=True)
            t.start()
            self._threads.append(t)
        return self

    def _run(self, i):
        out = self.records[i]
        headers = {"Content-Type": "application/json"}
        conn = None
        while not self._stop.is_set():
            if conn is None:
                try:
                    conn = connect(self.host, self.port, self.timeout)
                    self.connections[i] += 1
                except OSError as e:
                    now = time.perf_counter()
                    out.append((now, now, "error: connect " + type(e).__name__))
                    self._stop.wait(0.2)
                    continue
            started = time.perf_counter()
            try:
                conn.request("POST", self.path, body=self.body, headers=headers)
                response = conn.getresponse()
                response.read()
                out.append((started, time.perf_counter(), response.status))
                if response.will_close:
                    conn.close()
                    conn = None
            except socket.timeout:
                out.append((started, time.perf_counter(), "timeout"))
                conn.close()
                conn = None
            except (OSError, http.client.HTTPException) as e:
                out.append((started, time.perf_counter(), "error: " + type(e).__name__))
                conn.close()
                conn = None
                self._stop.wait(0.05)
        if conn is not None:
            conn.close()

    def stop(self):
        """Stops issuing requests; a request in flight ends within the timeout."""
        self._stop.set()
        for t in self._threads:
            t.join(self.timeout + 5)
        return self

    def stats(self, t0, t1):
        """Figures for the window [t0, t1] (perf_counter times), by the time each request ended: latencies and
        throughput of the 200 answers that came in it, timeouts and other outcomes that ended in it, and the
        requests that had waited over 1 s at its end."""
        latencies, statuses, done = [], {}, []
        timeouts = errors = waiting = 0
        for out in self.records:
            for started, ended, outcome in out:
                if started <= t1 - 1.0 and ended > t1:
                    waiting += 1
                if not t0 <= ended <= t1:
                    continue
                if outcome == 200:
                    done.append(ended)
                    latencies.append((ended - started) * 1000.0)
                    continue
                if outcome == "timeout":
                    timeouts += 1
                elif isinstance(outcome, str):
                    errors += 1
                statuses[str(outcome)] = statuses.get(str(outcome), 0) + 1
        latencies.sort()
        done.sort()
        gap, last = 0.0, t0
        for ended in done:
            gap = max(gap, ended - last)
            last = ended
        gap = max(gap, t1 - last)
        seconds = t1 - t0
        return {
            "clients": self.clients,
            "seconds": round(seconds, 3),
            "ok": len(done),
            "requests_per_second": len(done) / seconds,
            "p50_ms": percentile(latencies, 50),
            "p99_ms": percentile(latencies, 99),
            "mean_ms": sum(latencies) / len(latencies) if latencies else None,
            "max_ms": latencies[-1] if latencies else None,
            "timeouts": timeouts,
            "errors": errors,
            "other_outcomes": statuses,
            "waiting_at_end": waiting,
            "longest_gap_s": round(gap, 3),
            "connections_opened": sum(self.connections),
        }


class Hostile:
    """Slow clients and big bodies, in threads, until stop()."""

    def __init__(self, host, port, path, big_body, slow=64, big=True, oversize=True, max_body=16 << 20):
        self.host, self.port, self.path, self.big_body = host, port, path, big_body
        self.slow, self.big, self.oversize = slow, big, oversize
        self.oversize_bytes = max(OVERSIZE_BYTES, max_body + (1 << 20))
        self._stop = threading.Event()
        self._threads = []
        self._lock = threading.Lock()
        self._sockets = set()
        self.slow_connections = []  # (mode, seconds held, how it ended)
        self.big_requests = []  # (seconds, status or error)
        self.oversize_requests = []  # (seconds, bytes sent before the answer, status or error)

    def start(self):
        for i in range(self.slow):
            self._spawn(self._slow_client, "trickle" if i % 2 == 0 else "stall")
        if self.big:
            self._spawn(self._big_loop)
        if self.oversize:
            self._spawn(self._oversize_loop)
        return self

    def _spawn(self, target, *args):
        t = threading.Thread(target=target, args=args, daemon=True)
        t.start()
        self._threads.append(t)

    def _headers(self, length):
        return (f"POST {self.path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nContent-Type: application/json\r\n"
                f"Content-Length: {length}\r\n\r\n").encode()

    @staticmethod
    def _status(data):
        try:
            return int(data.split(b"\r\n", 1)[0].split()[1])
        except (IndexError, ValueError):
            return "unparsed answer"

    def _slow_client(self, mode):
        while not self._stop.is_set():
            opened = time.monotonic()
            try:
                s = self._open(socket.create_connection((self.host, self.port), timeout=5))
            except OSError as e:
                self._note_slow(mode, 0.0, "connect failed: " + type(e).__name__)
                self._stop.wait(0.2)
                continue
            ended = "still open at the end"
            try:
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                s.sendall(self._headers(SLOW_DECLARED) + b"{")
                last_byte = time.monotonic()
                while not self._stop.is_set():
                    readable, _, _ = select.select([s], [], [], 0.25)
                    if readable:
                        data = s.recv(4096)
                        if self._stop.is_set():
                            break
                        ended = "closed by the server" if not data else f"answered {self._status(data)}"
                        break
                    if mode == "trickle" and time.monotonic() - last_byte >= 1.0:
                        s.send(b" ")
                        last_byte = time.monotonic()
            except OSError as e:
                ended = "still open at the end" if self._stop.is_set() else "reset: " + type(e).__name__
            finally:
                self._close(s)
            self._note_slow(mode, time.monotonic() - opened, ended)

    def _note_slow(self, mode, seconds, ended):
        with self._lock:
            self.slow_connections.append((mode, seconds, ended))

    def _big_loop(self):
        conn = None
        while not self._stop.is_set():
            started = time.perf_counter()
            try:
                if conn is None:
                    conn = connect(self.host, self.port, 60)
                    self._open(conn.sock)
                conn.request("POST", self.path, body=self.big_body, headers={"Content-Type": "application/json"})
                response = conn.getresponse()
                response.read()
                outcome = response.status
                if response.will_close:
                    conn.close()
                    conn = None
            except (OSError, http.client.HTTPException) as e:
                outcome = "no answer by the end" if self._stop.is_set() else "error: " + type(e).__name__
                if conn is not None:
                    conn.close()
                conn = None
                self._stop.wait(0.2)
            if outcome is not None:
                with self._lock:
                    self.big_requests.append((time.perf_counter() - started, outcome))
        if conn is not None:
            conn.close()

    def _oversize_loop(self):
        prefix, suffix = b'{"instances": [', b"]}"
        filler = self.oversize_bytes - len(prefix) - len(suffix)
        piece = b" " * (1 << 20)
        while not self._stop.is_set():
            started = time.perf_counter()
            sent, outcome = 0, None
            try:
                s = self._open(socket.create_connection((self.host, self.port), timeout=60))
            except OSError as e:
                with self._lock:
                    self.oversize_requests.append((0.0, 0, "connect failed: " + type(e).__name__))
                self._stop.wait(0.2)
                continue
            try:
                s.sendall(self._headers(self.oversize_bytes) + prefix)
                sent = len(prefix)
                while sent < len(prefix) + filler and not self._stop.is_set():
                    readable, _, _ = select.select([s], [], [], 0)
                    if readable:
                        data = s.recv(4096)
                        outcome = f"{self._status(data)} before the body's end" if data else "closed before the body's end"
                        break
                    n = min(len(piece), len(prefix) + filler - sent)
                    s.sendall(piece[:n])
                    sent += n
                if outcome is None and self._stop.is_set():
                    outcome = "no answer by the end"
                elif outcome is None:
                    s.sendall(suffix)
                    sent += len(suffix)
                    data = s.recv(4096)
                    outcome = f"{self._status(data)} after the whole body" if data else "closed after the whole body"
            except OSError as e:
                outcome = "no answer by the end" if self._stop.is_set() else f"reset while sending: {type(e).__name__}"
                if not self._stop.is_set():
                    try:  # an answer that came before the reset may still be readable
                        s.settimeout(0.5)
                        data = s.recv(4096)
                        if data:
                            outcome = f"{self._status(data)} before the body's end, then reset"
                    except OSError:
                        pass
            finally:
                self._close(s)
            if outcome is not None:
                with self._lock:
                    self.oversize_requests.append((time.perf_counter() - started, sent, outcome))
            self._stop.wait(max(0.0, started + OVERSIZE_PERIOD - time.perf_counter()))

    def _open(self, sock):
        with self._lock:
            self._sockets.add(sock)
        return sock

    def _close(self, sock):
        with self._lock:
            self._sockets.discard(sock)
        sock.close()

    def stop(self):
        """Ends every hostile connection at once (a request blocked on a frozen server included)."""
        self._stop.set()
        with self._lock:
            for sock in list(self._sockets):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
        for t in self._threads:
            t.join(30)
        return self

    def stats(self):
        def counts(items):
            out = {}
            for item in items:
                out[str(item)] = out.get(str(item), 0) + 1
            return out

        slow = {}
        for mode, seconds, ended in self.slow_connections:
            entry = slow.setdefault(mode, {"connections": 0, "ended": {}, "held_s": []})
            entry["connections"] += 1
            entry["ended"][ended] = entry["ended"].get(ended, 0) + 1
            entry["held_s"].append(seconds)
        for entry in slow.values():
            held = sorted(entry.pop("held_s"))
            entry["median_held_s"] = round(percentile(held, 50), 2)
            entry["max_held_s"] = round(held[-1], 2)
        big_ok = sorted(s for s, o in self.big_requests if o == 200)
        answered = sorted(b for _, b, o in self.oversize_requests if o[:1].isdigit())
        return {
            "slow_clients": self.slow,
            "slow": slow,
            "big_1000_instances": {
                "requests": len(self.big_requests),
                "outcomes": counts(o for _, o in self.big_requests),
                "median_s_of_200": round(percentile(big_ok, 50), 3) if big_ok else None,
            },
            "oversize": {
                "bytes": self.oversize_bytes,
                "requests": len(self.oversize_requests),
                "outcomes": counts(o for _, _, o in self.oversize_requests),
                "median_mib_sent_before_answer": round(percentile(answered, 50) / (1 << 20), 2) if answered else None,
            },
        }


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--model", default="ctr")
    p.add_argument("--csv", required=True)
    p.add_argument("--features", required=True, help="the served version's assets.extra/features.json")
    p.add_argument("--clients", type=int, default=8)
    p.add_argument("--warmup", type=float, default=2)
    p.add_argument("--duration", type=float, default=10)
    p.add_argument("--hostile", action="store_true")
    a = p.parse_args()
    features = json.loads(Path(a.features).read_text())
    one, _, big = bodies(a.csv, features)
    path = f"/v1/models/{a.model}:predict"
    load = GoodLoad(a.host, a.port, path, one, a.clients).start()
    time.sleep(a.warmup)
    hostile = Hostile(a.host, a.port, path, big).start() if a.hostile else None
    t0 = time.perf_counter()
    time.sleep(a.duration)
    t1 = time.perf_counter()
    if hostile:
        hostile.stop()
    load.stop()
    result = {"good": load.stats(t0, t1)}
    if hostile:
        result["hostile"] = hostile.stats()
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
