#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Profile data is never written to logs (issue: hardening, private by
# default). Runs `waymark-cli simulate` on a JSON Lines case and a CSV case
# with every debug message on (G_MESSAGES_DEBUG=all), --progress, 2
# threads, and again with --strict, and checks that no attribute value of
# any profile (names, phone numbers, e-mail addresses, notes; values of 5
# characters or more, so that "HR" or "gold" cannot match by chance)
# appears on standard error. Rejected lines are named by line number and
# reason only. TAP on standard output. Usage: private-logs.py CLI SHARED_DIR
import csv
import json
import os
import subprocess
import sys
import tempfile

cli, shared = sys.argv[1:3]
cases = os.path.join(shared, "conformance")
results = []


def ok(name, cond, detail=""):
    results.append((bool(cond), name, detail))


def jsonl_values(path):
    values = set()

    def walk(node):
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str):
            values.add(node)

    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            try:
                profile = json.loads(line)
            except ValueError:
                continue
            if isinstance(profile, dict):
                walk(profile.get("attributes"))
    return values


def csv_values(path):
    values = set()
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        for row in rows:
            for name, cell in zip(header, row):
                if name != "id":
                    values.add(cell)
    return values


def case_args(folder):
    with open(os.path.join(folder, "case.json"), encoding="utf-8") as f:
        case = json.load(f)
    args = []
    for flow in case["flows"]:
        args += ["--flow", os.path.join(folder, flow)]
    if case.get("params"):
        args += ["--params", os.path.join(folder, case["params"])]
    if case.get("catalog"):
        args += ["--catalog", os.path.join(folder, case["catalog"])]
    return args + ["--start", case["start"], "--end", case["end"], "--seed", str(case["seed"]),
                   "--profiles", os.path.join(folder, case["profiles"])], case["profiles"]


env = dict(os.environ, G_MESSAGES_DEBUG="all")
with tempfile.TemporaryDirectory(prefix="waymark-private-") as tmp:
    for name in ("12-expressions", "10-audience-date-csv"):
        folder = os.path.join(cases, name)
        if not os.path.exists(os.path.join(folder, "case.json")):
            continue
        args, profiles = case_args(folder)
        path = os.path.join(folder, profiles)
        values = csv_values(path) if path.endswith(".csv") else jsonl_values(path)
        values = {v for v in values if len(v.strip()) >= 5}
        for extra in ([], ["--strict"]):
            run = subprocess.run([cli, "simulate"] + args + extra + [
                "--progress", "--threads", "2",
                "--report", os.path.join(tmp, "report.json"),
                "--timeline", os.path.join(tmp, "timeline.jsonl")],
                capture_output=True, text=True, env=env)
            leaked = sorted(v for v in values if v in run.stderr)
            label = " ".join([name] + extra)
            ok("%s: %d profile values, none of them on standard error (%d lines, exit %d)"
               % (label, len(values), run.stderr.count("\n"), run.returncode),
               values and not leaked and run.returncode in (0, 1),
               "leaked: %s" % leaked[:5])

for n, (passed, name, detail) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if passed else "not ok", n, name))
    if not passed and detail:
        print("# " + detail)
print("1..%d" % len(results))
sys.exit(0 if results and all(r[0] for r in results) else 1)
