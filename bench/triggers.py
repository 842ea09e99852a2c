#!/usr/bin/env python3
"""Trigger benchmark: what 50 active triggers add to a ticket update.

A release build serves (background work on); 2,000 tickets are created; then ticket updates
(`PATCH`, priority and a tag) run for 20 s with 4 connections, first with no automation, then with
50 active triggers on "updated" (conditions on subject text, tags, priority changes, team; a few
of them match and act). The triggers run from the event outbox in the server, so their cost shows
as the update latency they add while they keep up, and as how far behind they fall.
    python3 bench/triggers.py --db sqlite
"""
import argparse, datetime, json, os, re, shutil, subprocess, sys, tempfile, time, urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import BENCH, ROOT, get, post_json, serve, wrk  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--seconds", type=int, default=20)
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build/release/switchboard"))
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="sb-bench-trig-")
    env = dict(os.environ, SWITCHBOARD_DATA=os.path.join(work, "data"), LOG_LEVEL="warning")
    env.pop("DATABASE_URL", None)
    pg_dir = None
    if args.db == "postgres":
        pg_dir = tempfile.mkdtemp(prefix="sb-bench-pg-")
        env["DATABASE_URL"] = subprocess.run([os.path.join(ROOT, "scripts/pg-throwaway"), "start", pg_dir, "auto"], capture_output=True,
                                             text=True, check=True).stdout.strip().splitlines()[-1]
    server = None
    try:
        def cli(*a):
            return subprocess.run([args.bin, *a], env=env, capture_output=True, text=True, check=True).stdout
        cli("user", "create", "--email", "admin@bench.example", "--name", "Bench Admin", "--role", "admin", "--password", "bench-password-1")
        token = cli("token", "create", "--user", "admin@bench.example").strip().splitlines()[-1]
        server, base = serve(args.bin, env, os.path.join(work, "server.log"))
        ids = [post_json(base + "/api/v1/tickets", {"subject": f"Order {i} question", "body": "Hello",
                                                    "requester": {"email": f"c{i}@bench.example"}}, token)["id"] for i in range(2000)]
        wenv = dict(os.environ, BENCH_TOKEN=token, BENCH_FIRST=str(min(ids)), BENCH_LAST=str(max(ids)))
        script = os.path.join(BENCH, "update_tickets.lua")
        wrk(script, 5, 4, wenv, base)  # warm up
        plain = wrk(script, args.seconds, 4, wenv, base)
        for i in range(50):
            conditions = [
                [{"field": "subject", "operator": "contains", "value": f"never-{i}"}],
                [{"field": "tags", "operator": "includes", "value": f"touched{i % 5}"}, {"field": "priority", "operator": "changed_to", "value": "urgent"}],
                [{"field": "priority", "operator": "changed_from", "value": "low"}, {"field": "team", "operator": "is", "value": 999}],
            ][i % 3]
            post_json(base + "/api/v1/automations", {"name": f"Rule {i}", "kind": "trigger", "events": ["updated"], "all": conditions,
                                                     "actions": [{"kind": "add_tags", "value": [f"rule{i}"]}]}, token)
        # One that matches often and acts
        post_json(base + "/api/v1/automations", {"name": "Acts", "kind": "trigger", "events": ["updated"],
                                                 "all": [{"field": "priority", "operator": "changed_to", "value": "high"}],
                                                 "actions": [{"kind": "add_tags", "value": ["escalated_high"]}]}, token)
        wrk(script, 5, 4, wenv, base)
        with_triggers = wrk(script, args.seconds, 4, wenv, base)
        # How long until the triggers caught up with every update
        started = time.time()
        while time.time() - started < 120:
            time.sleep(0.5)
            if get(base + "/api/v1/tickets?tag=escalated_high&limit=1&count=true", token)["count"] > 0:
                break
        lag = time.time() - started
        added = with_triggers["p95_ms"] - plain["p95_ms"]
        line = (f"BENCH triggers db={args.db} updates_plain={plain['requests']:.0f} p95_plain={plain['p95_ms']:.2f}ms "
                f"updates_with_51_triggers={with_triggers['requests']:.0f} p95_with={with_triggers['p95_ms']:.2f}ms added_p95={added:.2f}ms "
                f"first_action_seen_after={lag:.1f}s")
        print(line, flush=True)
        os.makedirs(os.path.join(BENCH, "results"), exist_ok=True)
        stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H%MZ")
        with open(os.path.join(BENCH, "results", f"{stamp}-triggers-{args.db}.json"), "w") as f:
            json.dump(dict(summary=line, plain=plain, with_triggers=with_triggers), f, indent=1)
    finally:
        if server:
            server.terminate()
            server.wait(timeout=30)
        if pg_dir:
            subprocess.run([os.path.join(ROOT, "scripts/pg-throwaway"), "stop", pg_dir])
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
