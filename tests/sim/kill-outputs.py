#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Crash safety of a running simulation (issue: hardening): `waymark-cli
# simulate` writing every output it has (report, timeline, CSV tables, XLSX
# workbook, partial) is killed with SIGKILL at random moments (a seeded
# random.Random picks them, between the start and a little after a whole
# run's duration). After each kill, every final name holds either what was
# there before the run (a marker file) or exactly what a complete run
# writes: never a half-written file. The outputs are written under
# temporary names and renamed at the end; a kill may leave such temporary
# files, which the test counts but allows (they are never the final name).
#
# The profiles: a conformance case's valid lines repeated with new ids,
# enough for a run of about a second. TAP on standard output.
# Usage: kill-outputs.py CLI SHARED_DIR [KILLS]   (or WM_KILL_ITERATIONS)
import filecmp
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile

cli, shared = sys.argv[1:3]
kills = int(sys.argv[3] if len(sys.argv) > 3 else os.environ.get("WM_KILL_ITERATIONS", "40"))
case_dir = os.path.join(shared, "conformance", "12-expressions")
COPIES = 600
MARKER = "before the run\n"

results = []


def ok(name, cond, detail=""):
    results.append((bool(cond), name, detail))


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
    return args + ["--start", case["start"], "--end", case["end"], "--seed", str(case["seed"])]


def big_profiles(path):
    lines = []
    with open(os.path.join(case_dir, "profiles.jsonl"), encoding="utf-8") as f:
        for line in f:
            try:
                profile = json.loads(line)
            except ValueError:
                continue
            if isinstance(profile, dict) and isinstance(profile.get("id"), str):
                lines.append(profile)
    with open(path, "w", encoding="utf-8") as out:
        for k in range(COPIES):
            for profile in lines:
                copy = dict(profile, id="%s-%d" % (profile["id"], k))
                out.write(json.dumps(copy) + "\n")


def outputs(folder):
    return {
        "report": os.path.join(folder, "report.json"),
        "timeline": os.path.join(folder, "timeline.jsonl"),
        "elements.csv": os.path.join(folder, "tables", "elements.csv"),
        "ports.csv": os.path.join(folder, "tables", "ports.csv"),
        "channels.csv": os.path.join(folder, "tables", "channels.csv"),
        "xlsx": os.path.join(folder, "tables.xlsx"),
        "partial": os.path.join(folder, "run.partial"),
    }


def command(folder, profiles):
    out = outputs(folder)
    return [cli, "simulate"] + case_args(case_dir) + [
        "--profiles", profiles, "--threads", "2",
        "--report", out["report"], "--timeline", out["timeline"],
        "--csv", os.path.join(folder, "tables"), "--xlsx", out["xlsx"],
        "--partial", out["partial"]]


def same_xlsx(a, b):
    # libxlsxwriter stamps the creation time into docProps/core.xml; every
    # other part of the workbook must be the same.
    with zipfile.ZipFile(a) as za, zipfile.ZipFile(b) as zb:
        names = sorted(za.namelist())
        if names != sorted(zb.namelist()):
            return False
        return all(za.read(n) == zb.read(n) for n in names if n != "docProps/core.xml")


def main():
    tmp = tempfile.mkdtemp(prefix="waymark-kill-")
    try:
        profiles = os.path.join(tmp, "profiles.jsonl")
        big_profiles(profiles)

        reference = os.path.join(tmp, "reference")
        os.makedirs(os.path.join(reference, "tables"))
        began = time.monotonic()
        done = subprocess.run(command(reference, profiles), capture_output=True, text=True)
        duration = time.monotonic() - began
        ok("a whole run writes every output (exit %d, %.2f s)" % (done.returncode, duration),
           done.returncode == 0 and all(os.path.exists(p) for p in outputs(reference).values()),
           done.stderr[-2000:])
        if done.returncode != 0:
            return

        rng = random.Random(20261129)
        work = os.path.join(tmp, "work")
        completed = interrupted = broken = leftovers = 0
        first_broken = ""
        for i in range(kills):
            shutil.rmtree(work, ignore_errors=True)
            os.makedirs(os.path.join(work, "tables"))
            for path in outputs(work).values():
                with open(path, "w", encoding="utf-8") as f:
                    f.write(MARKER)
            child = subprocess.Popen(command(work, profiles), stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0, duration * 1.1))
            child.send_signal(signal.SIGKILL)
            child.wait()
            whole = 0
            for name, path in outputs(work).items():
                ref = outputs(reference)[name]
                with open(path, "rb") as f:
                    head = f.read(len(MARKER) + 1)
                if head == MARKER.encode():
                    continue
                same = same_xlsx(path, ref) if name == "xlsx" else filecmp.cmp(path, ref, shallow=False)
                if same:
                    whole += 1
                else:
                    broken += 1
                    first_broken = first_broken or "kill %d: %s is neither the old file nor whole" % (i, name)
            if whole == len(outputs(work)):
                completed += 1
            else:
                interrupted += 1
            expected = {"report.json", "timeline.jsonl", "tables.xlsx", "run.partial", "tables"}
            leftovers += len([n for n in os.listdir(work) if n not in expected])
            leftovers += len([n for n in os.listdir(os.path.join(work, "tables"))
                              if n not in ("elements.csv", "ports.csv", "channels.csv")])

        ok("%d kills (%d interrupted, %d after the run had finished): no output is ever "
           "half-written under its final name" % (kills, interrupted, completed),
           broken == 0, first_broken)
        ok("some kills interrupted the run (%d)" % interrupted, interrupted > 0)
        print("# temporary files left by the kills (never under a final name): %d" % leftovers)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


main()
for n, (passed, name, detail) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if passed else "not ok", n, name))
    if not passed and detail:
        for line in detail.splitlines()[-10:]:
            print("# " + line)
print("1..%d" % len(results))
sys.exit(0 if all(r[0] for r in results) else 1)
