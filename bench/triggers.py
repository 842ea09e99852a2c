#!/usr/bin/env python3
"""Trigger benchmark: what 50 active triggers add to a ticket update.

A release build serves (background work on); 2,000 tickets are created; then ticket updates
(`PATCH`, priority and a tag) run with 4 connections, in runs of `--seconds` without automation
(the 51 triggers turned off) and with 51 active triggers on "updated" (conditions on subject
text, tags, priority changes, team). One of them matches often and acts: it tags a ticket whose
priority changes to high, and every update takes that tag off again, so each firing changes the
ticket (`update_tickets.lua`). The runs alternate
plain, with, with, plain, `--rounds` times, so that what grows as the runs go on (the tables,
the database's dead rows) weighs on both sides alike; the figure is the mean p95 with triggers
less the mean p95 without. The triggers run from the event outbox in the server, so their cost
shows as the update latency they add while they keep up, and as how far behind they fall.
    python3 bench/triggers.py --db sqlite
"""

import argparse, datetime, json, os, re, shutil, subprocess, sys, tempfile, time, urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import BENCH, ROOT, consumer_lag, get, post_json, serve, wrk  # noqa: E402
from statistics import mean  # noqa: E402


def put_json(url, body, token):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="PUT",
                                     headers={"Content-Type": "application/json", "Authorization": "Bearer " + token})
    with urllib.request.urlopen(request, timeout=30) as r:
        return json.loads(r.read() or b"{}")


def cpu_seconds(pid):
    """The CPU time (user and system) process `pid` used so far."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_for_consumers(base, limit=60):
    """Waits until every outbox consumer caught up; returns the seconds it took."""
    started = time.time()
    while time.time() - started < limit and any(consumer_lag(base).values()):
        time.sleep(0.1)
    return time.time() - started


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--rounds", type=int, default=2)
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
        rules = []
        for i in range(50):
            conditions = [
                [{"field": "subject", "operator": "contains", "value": f"never-{i}"}],
                [{"field": "tags", "operator": "includes", "value": f"touched{i % 5}"}, {"field": "priority", "operator": "changed_to", "value": "urgent"}],
                [{"field": "priority", "operator": "changed_from", "value": "low"}, {"field": "team", "operator": "is", "value": 999}],
            ][i % 3]
            rules.append({"name": f"Rule {i}", "kind": "trigger", "events": ["updated"], "all": conditions,
                          "actions": [{"kind": "add_tags", "value": [f"rule{i}"]}]})
        # One that matches often and acts
        rules.append({"name": "Acts", "kind": "trigger", "events": ["updated"],
                      "all": [{"field": "priority", "operator": "changed_to", "value": "high"}],
                      "actions": [{"kind": "add_tags", "value": ["escalated_high"]}]})
        rule_ids = [post_json(base + "/api/v1/automations", dict(rule, active=False), token)["id"] for rule in rules]

        def switch(active):
            for rule_id, rule in zip(rule_ids, rules):
                put_json(f"{base}/api/v1/automations/{rule_id}", dict(rule, active=active), token)

        runs = {"plain": [], "with": []}
        caught_up = []  # seconds after each run with triggers until they had acted on every update
        acted = 0  # tickets the acting trigger had tagged once they had
        for order in [["plain", "with", "with", "plain"]] * args.rounds:
            for side in order:
                switch(side == "with")
                wait_for_consumers(base)  # what the run before left behind is not this run's
                cpu = cpu_seconds(server.pid)
                runs[side].append(wrk(script, args.seconds, 4, wenv, base))
                runs[side][-1]["server_cpu_ms_per_update"] = (cpu_seconds(server.pid) - cpu) * 1000 / runs[side][-1]["requests"]
                if side == "with":
                    caught_up.append(wait_for_consumers(base))
                    acted = get(base + "/api/v1/tickets?tag=escalated_high&limit=1&count=true", token)["count"]
                print(f"  {side:5} p95 {runs[side][-1]['p95_ms']:.2f} ms, {runs[side][-1]['requests']:.0f} updates, "
                      f"server CPU {runs[side][-1]['server_cpu_ms_per_update']:.3f} ms an update"
                      + (f", caught up {caught_up[-1]:.1f} s after" if side == "with" else ""), flush=True)
        def summary(side):
            return {"p95_ms": mean(r["p95_ms"] for r in runs[side]), "requests": sum(r["requests"] for r in runs[side]),
                    "server_cpu_ms_per_update": mean(r["server_cpu_ms_per_update"] for r in runs[side])}
        plain, with_triggers = summary("plain"), summary("with")
        added = with_triggers["p95_ms"] - plain["p95_ms"]
        line = (f"BENCH triggers db={args.db} runs={len(runs['plain'])}x{args.seconds}s updates_plain={plain['requests']:.0f} p95_plain={plain['p95_ms']:.2f}ms "
                f"updates_with_51_triggers={with_triggers['requests']:.0f} p95_with={with_triggers['p95_ms']:.2f}ms added_p95={added:.2f}ms "
                f"server_cpu_per_update_plain={plain['server_cpu_ms_per_update']:.3f}ms with={with_triggers['server_cpu_ms_per_update']:.3f}ms "
                f"caught_up_after_max={max(caught_up):.1f}s tagged_by_the_trigger_after_the_last_run_with={acted}")
        print(line, flush=True)
        os.makedirs(os.path.join(BENCH, "results"), exist_ok=True)
        stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H%MZ")
        with open(os.path.join(BENCH, "results", f"{stamp}-triggers-{args.db}.json"), "w") as f:
            json.dump(dict(summary=line, plain=plain, with_triggers=with_triggers, runs=runs, caught_up_s=caught_up), f, indent=1)
    finally:
        if server:
            server.terminate()
            server.wait(timeout=30)
        if pg_dir:
            subprocess.run([os.path.join(ROOT, "scripts/pg-throwaway"), "stop", pg_dir])
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
