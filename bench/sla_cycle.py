#!/usr/bin/env python3
"""SLA and time-rule round benchmark: one round over N open tickets, with nothing due, and when every
one of them is due.

Loads N tickets over HTTP (wrk, 16 clients) into a release build with background work off, under
an SLA policy for every ticket (first reply in 2 h, resolution in 24 h, round the clock) with an
at-risk and a breach escalation. Then, with the server stopped, `switchboard sla check --as-of`
three hours ahead judges all of them at once: each ticket gets its first-reply breach marked and
two escalations run, recorded together as one event (an audit and an outbox row), its clocks
rewritten. Before that,
`switchboard automations run` times one round of four typical time rules (TIME_RULES), one of which
makes the round read and match every open ticket.
    python3 bench/sla_cycle.py --db sqlite --tickets 100000
    python3 bench/sla_cycle.py --db postgres --tickets 100000
Prints BENCH lines and a SUMMARY; results are appended to bench/results/.
"""
import argparse, datetime, json, os, re, shutil, subprocess, sys, tempfile, time, urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import BENCH, ROOT, get, post_json, serve, wrk  # noqa: E402


# The time rules a support team typically runs. The last has its hours only under "any", so no
# time bounds which tickets are read: the round reads and matches every open ticket.
TIME_RULES = [
    {"name": "Close solved after 4 days", "kind": "time_rule",
     "all": [{"field": "status", "operator": "is", "value": "solved"}, {"field": "hours_since_solved", "operator": "greater_than", "value": 96}],
     "actions": [{"kind": "set_status", "value": "closed"}]},
    {"name": "Nudge after 2 days pending", "kind": "time_rule",
     "all": [{"field": "hours_since_pending", "operator": "greater_than", "value": 48}, {"field": "tags", "operator": "excludes", "value": "nudged"}],
     "actions": [{"kind": "add_tags", "value": "nudged"},
                 {"kind": "email_requester", "subject": "Still there?", "body": "Hello {{requester.first_name}}, ticket {{ticket.number}} waits for you."}]},
    {"name": "Stale open tickets", "kind": "time_rule",
     "all": [{"field": "status", "operator": "is", "value": "open"}, {"field": "hours_since_updated", "operator": "greater_than", "value": 72},
             {"field": "tags", "operator": "excludes", "value": "stale"}],
     "actions": [{"kind": "add_tags", "value": "stale"}]},
    {"name": "Urgent and quiet", "kind": "time_rule",
     "all": [{"field": "priority", "operator": "is", "value": "urgent"}, {"field": "tags", "operator": "excludes", "value": "looked_at"}],
     "any": [{"field": "hours_since_created", "operator": "greater_than", "value": 1}, {"field": "hours_since_updated", "operator": "greater_than", "value": 1}],
     "actions": [{"kind": "add_tags", "value": "looked_at"}]},
]


def load(args, env, cli, work):
    """Creates a manager, a policy for every ticket, and `args.tickets` tickets through the API."""
    server = None
    try:
        out = cli("user", "create", "--email", "lead@example.com", "--name", "Bench Lead", "--role", "admin", "--password", "bench-password-1")
        user_id = re.search(r"id (\d+)", out).group(1)
        token = cli("token", "create", "--user", "lead@example.com").strip().splitlines()[-1]
        server, base = serve(args.bin, env, os.path.join(work, "server.log"))
        post_json(base + "/api/v1/sla-policies", {
            "name": "Everything", "targets": {"first_response": 120, "resolution": 1440},
            "escalations": [{"when": "at_risk", "minutes_before": 30, "actions": ["notify_assignee"]},
                            {"metric": "first_response", "when": "breached", "actions": ["notify_supervisor"]}]}, token)
        for rule in TIME_RULES:
            post_json(base + "/api/v1/automations", rule, token)
        wenv = dict(os.environ, BENCH_TOKEN=token, BENCH_ASSIGNEE=user_id)
        started = time.time()
        count = 0
        seconds = 30
        while count < args.tickets and time.time() - started < args.max_minutes * 60:
            wrk(os.path.join(BENCH, "create_tickets.lua"), seconds, 16, wenv, base)
            count = get(base + "/api/v1/tickets?sort=-number&limit=1", token)["items"][0]["number"]
            print(f"  loaded {count} tickets ({time.time() - started:.0f} s)", flush=True)
            # The next run long enough for the rest at the rate so far, so the count ends near N.
            seconds = max(1, min(30, round((args.tickets - count) / (count / (time.time() - started)))))
        server.terminate()
        server.wait(timeout=30)
        server = None
        return count
    finally:
        if server:
            server.terminate()
            server.wait(timeout=30)


def change_policy(args, env, cli, work):
    """Doubles the policy's resolution target through the API (background work is off, so the
    open tickets wait to be re-timed)."""
    token = cli("token", "create", "--user", "lead@example.com").strip().splitlines()[-1]
    server, base = serve(args.bin, env, os.path.join(work, "server.log"))
    try:
        policy = get(base + "/api/v1/sla-policies", token)["items"][0]
        policy["targets"]["resolution"] *= 2
        req = urllib.request.Request(f"{base}/api/v1/sla-policies/{policy['id']}", method="PUT", data=json.dumps(policy).encode(),
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        urllib.request.urlopen(req, timeout=30).read()
    finally:
        server.terminate()
        server.wait(timeout=30)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--tickets", type=int, default=100_000)
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build/release/switchboard"))
    ap.add_argument("--max-minutes", type=float, default=20, help="stop loading after this long, whatever the count")
    ap.add_argument("--keep", metavar="DIR", help="SQLite: load into DIR and keep it; a later run with the same DIR copies it and skips loading")
    args = ap.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install -y wrk")
    work = tempfile.mkdtemp(prefix="sb-bench-sla-")
    data = os.path.join(work, "data")
    kept = args.keep and args.db == "sqlite" and os.path.exists(os.path.join(args.keep, "switchboard.sqlite"))
    if kept:
        shutil.copytree(args.keep, data)
    env = dict(os.environ, SWITCHBOARD_DATA=data, LOG_LEVEL="warning", SWITCHBOARD_WORKERS="0")
    env.pop("DATABASE_URL", None)
    pg_dir = None
    if args.db == "postgres":
        pg_dir = tempfile.mkdtemp(prefix="sb-bench-pg-")
        url = subprocess.run([os.path.join(ROOT, "scripts/pg-throwaway"), "start", pg_dir, "auto"], capture_output=True, text=True,
                             check=True).stdout.strip().splitlines()[-1]
        env["DATABASE_URL"] = url
    try:
        def cli(*a):
            return subprocess.run([args.bin, *a], env=env, capture_output=True, text=True, check=True).stdout
        if kept:
            count, newest = subprocess.run(["sqlite3", os.path.join(data, "switchboard.sqlite"), "SELECT COUNT(*), MAX(created_at) FROM tickets"],
                                           capture_output=True, text=True, check=True).stdout.strip().split("|")
            count = int(count)
            now = datetime.datetime.fromtimestamp(int(newest) / 1000 + 1, datetime.timezone.utc)
        else:
            count = load(args, env, cli, work)
            now = datetime.datetime.now(datetime.timezone.utc)
            if pg_dir:
                # Steady state, as a server that has run a while has it: autovacuum would otherwise
                # start on the freshly loaded tables during one of the rounds, at a time of its choosing.
                subprocess.run(["psql", "-q", env["DATABASE_URL"], "-c", "VACUUM ANALYZE"], check=True)
            if args.keep:
                shutil.copytree(data, args.keep, dirs_exist_ok=True)
        def check(as_of):
            out = cli("sla", "check", "--as-of", as_of.strftime("%Y-%m-%dT%H:%M:%SZ")).strip().splitlines()[-1]
            m = re.search(r"(\d+) tickets checked, (\d+) targets missed, (\d+) escalations in ([\d.]+) s", out)
            return dict(checked=int(m.group(1)), breached=int(m.group(2)), escalations=int(m.group(3)), seconds=float(m.group(4)))

        idle = check(now)
        print(f"BENCH sla_round_nothing_due db={args.db} tickets={count} seconds={idle['seconds']:.3f} checked={idle['checked']}", flush=True)

        def retime():
            out = cli("sla", "retime", "--as-of", now.strftime("%Y-%m-%dT%H:%M:%SZ")).strip().splitlines()[-1]
            m = re.search(r"(\d+) open tickets read, (\d+) re-timed, (\d+) targets missed in ([\d.]+) s", out)
            return dict(read=int(m.group(1)), retimed=int(m.group(2)), breached=int(m.group(3)), seconds=float(m.group(4)))
        # Every open ticket's clocks evaluated over business hours: first as they are, then
        # after the policy's resolution target doubled (every ticket re-timed and rewritten).
        same = retime()
        print(f"BENCH sla_retime_unchanged db={args.db} tickets={count} seconds={same['seconds']:.2f} read={same['read']} "
              f"retimed={same['retimed']}", flush=True)
        change_policy(args, env, cli, work)
        changed = retime()
        print(f"BENCH sla_retime_changed db={args.db} tickets={count} seconds={changed['seconds']:.2f} read={changed['read']} "
              f"retimed={changed['retimed']}", flush=True)
        out = cli("automations", "run", "--as-of", now.strftime("%Y-%m-%dT%H:%M:%SZ")).strip().splitlines()[-1]
        m = re.search(r"(\d+) tickets read, (\d+) candidates, (\d+) firings in ([\d.]+) s", out)
        rules = dict(read=int(m.group(1)), candidates=int(m.group(2)), fired=int(m.group(3)), seconds=float(m.group(4)))
        print(f"BENCH time_rules_round db={args.db} tickets={count} seconds={rules['seconds']:.2f} read={rules['read']} "
              f"candidates={rules['candidates']} fired={rules['fired']}", flush=True)
        full = check(now + datetime.timedelta(hours=3))
        print(f"BENCH sla_round_all_due db={args.db} tickets={count} seconds={full['seconds']:.2f} checked={full['checked']} "
              f"breached={full['breached']} escalations={full['escalations']}", flush=True)
        again = check(now + datetime.timedelta(hours=3))
        print(f"BENCH sla_round_again db={args.db} tickets={count} seconds={again['seconds']:.3f} checked={again['checked']}", flush=True)
        summary = (f"SUMMARY sla db={args.db} tickets={count} cycle={changed['seconds'] + rules['seconds']:.2f}s "
                   f"(re-time of every open ticket {changed['seconds']:.2f}s + time rules {rules['seconds']:.2f}s, {rules['read']} read) "
                   f"nothing_due={idle['seconds']:.3f}s all_due_round={full['seconds']:.2f}s "
                   f"({full['checked']} checked, {full['escalations']} escalations)")
        print(summary)
        os.makedirs(os.path.join(BENCH, "results"), exist_ok=True)
        stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H%MZ")
        with open(os.path.join(BENCH, "results", f"{stamp}-sla-{args.db}.json"), "w") as f:
            json.dump(dict(summary=summary, args=vars(args), idle=idle, same=same, changed=changed, rules=rules, full=full, again=again), f, indent=1)
    finally:
        if pg_dir:
            subprocess.run([os.path.join(ROOT, "scripts/pg-throwaway"), "stop", pg_dir])
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
