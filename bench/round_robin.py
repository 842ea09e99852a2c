#!/usr/bin/env python3
"""Round-robin benchmark: N tickets into a team of M online agents; how evenly, and how fast, the
router hands them out.

A release build serves with background work on (the router runs every second); tickets are created
over HTTP by 16 client threads of this separate process; then it waits until none is unassigned and
counts each agent's tickets through the API.
    python3 bench/round_robin.py --db sqlite --tickets 10000 --agents 50
Prints BENCH lines and a SUMMARY (max − min per agent must be ≤ 1); results go to bench/results/.
"""
import argparse, datetime, json, os, re, shutil, subprocess, sys, tempfile, time, urllib.request
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import BENCH, ROOT, get, post_json, serve  # noqa: E402


def put_json(url, body, token):
    req = urllib.request.Request(url, data=json.dumps(body).encode(), method="PUT",
                                 headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--tickets", type=int, default=10_000)
    ap.add_argument("--agents", type=int, default=50)
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build/release/switchboard"))
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="sb-bench-rr-")
    env = dict(os.environ, SWITCHBOARD_DATA=os.path.join(work, "data"), LOG_LEVEL="warning")
    env.pop("DATABASE_URL", None)
    pg_dir = None
    if args.db == "postgres":
        pg_dir = tempfile.mkdtemp(prefix="sb-bench-pg-")
        url = subprocess.run([os.path.join(ROOT, "scripts/pg-throwaway"), "start", pg_dir, "auto"], capture_output=True, text=True,
                             check=True).stdout.strip().splitlines()[-1]
        env["DATABASE_URL"] = url
    server = None
    try:
        def cli(*a):
            return subprocess.run([args.bin, *a], env=env, capture_output=True, text=True, check=True).stdout
        cli("user", "create", "--email", "lead@example.com", "--name", "Bench Lead", "--role", "manager", "--password", "bench-password-1")
        token = cli("token", "create", "--user", "lead@example.com").strip().splitlines()[-1]
        server, base = serve(args.bin, env, os.path.join(work, "server.log"))
        agents = []
        for i in range(args.agents):
            user = post_json(base + "/api/v1/users", {"email": f"agent{i}@bench.example", "name": f"Agent {i}", "role": "agent"}, token)
            put_json(base + f"/api/v1/users/{user['id']}/availability", {"availability": "online"}, token)
            agents.append(user["id"])
        team = post_json(base + "/api/v1/teams", {"name": "Front line", "member_ids": agents, "assignment": "round_robin"}, token)

        def create(i):
            post_json(base + "/api/v1/tickets", {"subject": f"Routed {i}", "body": "Please help", "team_id": team["id"],
                                                 "requester": {"email": f"c{i}@bench.example"}}, token)

        started = time.time()
        with ThreadPoolExecutor(max_workers=16) as pool:
            list(pool.map(create, range(args.tickets)))
        created = time.time()
        waiting = None
        while time.time() - created < 600:
            waiting = get(base + f"/api/v1/tickets?team={team['id']}&assignee=none&limit=1&count=true", token)["count"]
            if waiting == 0:
                break
            time.sleep(0.2)
        routed = time.time()
        counts = [get(base + f"/api/v1/tickets?assignee={a}&limit=1&count=true", token)["count"] for a in agents]
        spread = max(counts) - min(counts)
        print(f"BENCH round_robin db={args.db} tickets={args.tickets} agents={args.agents} min={min(counts)} max={max(counts)} "
              f"spread={spread} unassigned={waiting} create_s={created - started:.1f} all_routed_after_s={routed - started:.1f}", flush=True)
        summary = f"SUMMARY round_robin db={args.db} tickets={sum(counts)} agents={args.agents} max_minus_min={spread} unassigned={waiting}"
        print(summary)
        os.makedirs(os.path.join(BENCH, "results"), exist_ok=True)
        stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H%MZ")
        with open(os.path.join(BENCH, "results", f"{stamp}-round-robin-{args.db}.json"), "w") as f:
            json.dump(dict(summary=summary, args=vars(args), counts=counts), f, indent=1)
        if spread > 1 or waiting:
            sys.exit(1)
    finally:
        if server:
            server.terminate()
            server.wait(timeout=30)
        if pg_dir:
            subprocess.run([os.path.join(ROOT, "scripts/pg-throwaway"), "stop", pg_dir])
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
