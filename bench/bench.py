#!/usr/bin/env python3
"""Switchboard core benchmark: ticket creation rate, inbox and search latency at N tickets, memory.

Drives a release build over HTTP with wrk from a separate process; creates its own data.
    python3 bench/bench.py --db sqlite --tickets 1000000
    python3 bench/bench.py --db postgres --tickets 1000000
Prints one BENCH line per measurement and a summary; results are appended to bench/results/.
Needs: wrk (apt-get install -y wrk); for --db postgres, PostgreSQL 15 (scripts/pg-throwaway).
"""
import argparse, datetime, os, re, shutil, socket, subprocess, sys, tempfile, threading, time, urllib.request, json, urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RSSSampler(threading.Thread):
    """Samples the server's resident memory every 200 ms; keeps the peak."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak, self.stop = pid, 0, False

    def run(self):
        while not self.stop:
            try:
                with open(f"/proc/{self.pid}/status") as f:
                    for line in f:
                        if line.startswith("VmRSS:"):
                            self.peak = max(self.peak, int(line.split()[1]) * 1024)
            except OSError:
                return
            time.sleep(0.2)


def serve(binary, env, log_path):
    """Starts `binary serve` on a free port; returns the process and its base URL once it answers."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([binary, "serve", "--hostname", "127.0.0.1", "--port", str(port)], env=env,
                              stdout=open(log_path, "a"), stderr=subprocess.STDOUT)
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            break
        except Exception:
            time.sleep(0.1)
    return server, base


def wrk(script, seconds, connections, env, url, threads=2):
    out = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", script, url],
                         env=env, capture_output=True, text=True, timeout=seconds + 60)
    m = re.search(r"BENCH_RESULT (.*)", out.stdout)
    if not m:
        sys.exit(f"wrk gave no result:\n{out.stdout}\n{out.stderr}")
    return {k: float(v) for k, v in (p.split("=") for p in m.group(1).split())}


def post_json(url, body, token=None):
    """POSTs JSON; returns the reply's JSON, plus the session cookie when one was set."""
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", **({"Authorization": "Bearer " + token} if token else {})})
    with urllib.request.urlopen(request, timeout=30) as r:
        reply = json.loads(r.read() or b"{}")
        for header in r.headers.get_all("Set-Cookie") or []:
            if header.startswith("sb_session="):
                reply["cookie"] = header.split(";", 1)[0].split("=", 1)[1]
        return reply


def get(url, token):
    req = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.load(r)


def consumer_lag(base):
    """How far each outbox consumer is behind, from /metrics."""
    with urllib.request.urlopen(base + "/metrics", timeout=30) as r:
        text = r.read().decode()
    return {m.group(1): int(m.group(2)) for m in re.finditer(r'switchboard_outbox_consumer_lag\{consumer="([^"]+)"\} (\d+)', text)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--tickets", type=int, default=1_000_000, help="tickets stored before the read measurements")
    ap.add_argument("--create-seconds", type=int, default=30, help="length of the creation-rate measurement")
    ap.add_argument("--read-seconds", type=int, default=20)
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build/release/switchboard"))
    ap.add_argument("--max-minutes", type=float, default=60, help="stop loading after this long, whatever the count")
    ap.add_argument("--settle-minutes", type=float, default=20, help="after loading, wait at most this long for the outbox consumers")
    args = ap.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install -y wrk")

    work = tempfile.mkdtemp(prefix="sb-bench-")
    env = dict(os.environ, SWITCHBOARD_DATA=os.path.join(work, "data"), LOG_LEVEL="warning")
    env.pop("DATABASE_URL", None)
    pg_dir = None
    if args.db == "postgres":
        pg_dir = tempfile.mkdtemp(prefix="sb-bench-pg-")  # directly under /tmp: the postgres user must reach it
        url = subprocess.run([os.path.join(ROOT, "scripts/pg-throwaway"), "start", pg_dir, "auto"], capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
        env["DATABASE_URL"] = url
    server = None
    try:
        def cli(*a):
            return subprocess.run([args.bin, *a], env=env, capture_output=True, text=True, check=True).stdout
        out = cli("user", "create", "--email", "bench@example.com", "--name", "Bench Agent", "--role", "agent", "--password", "bench-password-1")
        user_id = re.search(r"id (\d+)", out).group(1)
        token = cli("token", "create", "--user", "bench@example.com").strip().splitlines()[-1]
        server, base = serve(args.bin, env, os.path.join(work, "server.log"))
        rss = RSSSampler(server.pid)
        rss.start()
        wenv = dict(os.environ, BENCH_TOKEN=token, BENCH_ASSIGNEE=user_id)
        results = {}

        r = wrk(os.path.join(BENCH, "create_tickets.lua"), args.create_seconds, 16, wenv, base)
        rate = r["requests"] / r["duration_s"]
        results["create"] = dict(rate=rate, **r)
        print(f"BENCH create_tickets db={args.db} clients=16 rate={rate:.0f}/s p50={r['p50_ms']:.1f}ms p99={r['p99_ms']:.1f}ms "
              f"non2xx={r['errors_status']:.0f}", flush=True)

        def stored():
            return get(base + "/api/v1/tickets?sort=-number&limit=1", token)["items"][0]["number"]

        started = time.time()
        count = stored()
        loading = dict(requests=0.0, duration_s=0.0)  # the create rate sustained while loading, in 60 s runs
        while count < args.tickets and time.time() - started < args.max_minutes * 60:
            r = wrk(os.path.join(BENCH, "create_tickets.lua"), 60, 16, wenv, base)
            loading["requests"] += r["requests"]
            loading["duration_s"] += r["duration_s"]
            count = stored()
            print(f"  loaded {count} tickets ({time.time() - started:.0f} s, {r['requests'] / r['duration_s']:.0f}/s)", flush=True)
        results["stored"] = count
        load_rate = loading["requests"] / loading["duration_s"] if loading["duration_s"] else None
        if load_rate:
            results["load"] = dict(rate=load_rate, **loading)
            print(f"BENCH load_tickets db={args.db} clients=16 rate={load_rate:.0f}/s over {loading['duration_s']:.0f} s to {count} tickets", flush=True)

        # Loading at full speed leaves the outbox consumers (triggers, notifications, mail) far
        # behind; the reads are measured once they caught up, as on a server that keeps up.
        started = time.time()
        lag = consumer_lag(base)
        while sum(lag.values()) > 0 and time.time() - started < args.settle_minutes * 60:
            time.sleep(5)
            lag = consumer_lag(base)
        results["settle_s"], results["lag_left"] = time.time() - started, lag
        print(f"  consumers caught up after {time.time() - started:.0f} s; left: {lag}", flush=True)

        def read(name, path, connections=4):
            r = wrk(os.path.join(BENCH, "get.lua"), args.read_seconds, connections, dict(wenv, BENCH_PATH=path), base)
            print(f"BENCH {name} db={args.db} tickets={count} p50={r['p50_ms']:.2f}ms p95={r['p95_ms']:.2f}ms p99={r['p99_ms']:.2f}ms "
                  f"req={r['requests']:.0f} non2xx={r['errors_status']:.0f}", flush=True)
            results[name] = r
            return r

        read("my_open_first_page", "/api/v1/tickets?view=my_open&limit=50")
        worst = 0
        for q in ["refund", "σφαλμα", "ПЛАТНІСТЬ", "płatność delivery", "order 1-777"]:
            r = read("search_" + q.replace(" ", "_"), "/api/v1/tickets?limit=50&q=" + urllib.parse.quote(q))
            worst = max(worst, r["p95_ms"])
        # The web pages, as a signed-in browser asks for them
        session = post_json(base + "/api/v1/session", {"email": "bench@example.com", "password": "bench-password-1"})
        page_env = dict(wenv, BENCH_TOKEN="", BENCH_COOKIE="sb_session=" + session["cookie"], BENCH_ACCEPT="text/html")

        def read_page(name, path):
            r = wrk(os.path.join(BENCH, "get.lua"), args.read_seconds, 4, dict(page_env, BENCH_PATH=path), base)
            print(f"BENCH {name} db={args.db} tickets={count} p50={r['p50_ms']:.2f}ms p95={r['p95_ms']:.2f}ms p99={r['p99_ms']:.2f}ms "
                  f"req={r['requests']:.0f} non2xx={r['errors_status']:.0f}", flush=True)
            results[name] = r
            return r

        inbox = read_page("inbox_page", "/inbox?view=my_open")
        long_ticket = post_json(base + "/api/v1/tickets", {"subject": "A long conversation", "body": "Message 1 of 200",
                                                            "requester": {"email": "long@bench.example"}}, token)["id"]
        for i in range(2, 201):
            post_json(base + f"/api/v1/tickets/{long_ticket}/messages",
                      {"body": f"Message {i} of 200: " + "words about the order and the refund " * 8,
                       "visibility": "internal" if i % 5 == 0 else "public"}, token)
        ticket_page = read_page("ticket_page_200_messages", f"/tickets/{long_ticket}")
        rss.stop = True
        results["peak_rss_mib"] = rss.peak / 1048576
        summary = (f"SUMMARY db={args.db} tickets={count} create_rate={rate:.0f}/s "
                   + (f"load_rate={load_rate:.0f}/s " if load_rate else "") + f"my_open_p99={results['my_open_first_page']['p99_ms']:.2f}ms "
                   f"search_worst_p95={worst:.2f}ms inbox_page_p95={inbox['p95_ms']:.2f}ms ticket_page_p95={ticket_page['p95_ms']:.2f}ms "
                   f"peak_rss={rss.peak / 1048576:.0f}MiB")
        print(summary)
        os.makedirs(os.path.join(BENCH, "results"), exist_ok=True)
        stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H%MZ")
        with open(os.path.join(BENCH, "results", f"{stamp}-{args.db}.json"), "w") as f:
            json.dump(dict(summary=summary, args=vars(args), results=results), f, indent=1)
    finally:
        if server:
            server.terminate()
            server.wait(timeout=30)
        if pg_dir:
            subprocess.run([os.path.join(ROOT, "scripts/pg-throwaway"), "stop", pg_dir])
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
