#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The key property of splitting a run (simulation.md, Splitting a run), on
# every conformance case: for N in 1, 2, 3 and 7, `merge` of the partials of
# the `split` parts gives the single run's report (as parsed values), and
# the parts' timelines concatenated in part order are the timeline of a run
# over the parts concatenated in that order. Also: partials of other inputs
# are refused, a file given twice is refused, and merging in another order
# gives the same report. The same on larger files generated from some cases'
# profiles. TAP output. Usage: split-merge.py CLI SHARED_DIR
import datetime
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal

cli, shared = sys.argv[1:3]
cases_dir = os.path.join(shared, "conformance")
results = []


def run(args, **kw):
    return subprocess.run([cli] + args, capture_output=True, text=True, **kw)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f, parse_float=Decimal)


def ok(name, cond, detail=""):
    results.append((bool(cond), name, detail))


def simulate_args(case, folder, profiles):
    args = ["simulate"]
    for flow in case["flows"]:
        args += ["--flow", os.path.join(folder, flow)]
    for journey in case.get("journeys", []) or []:
        args += ["--journey", os.path.join(folder, journey)]
    args += ["--profiles", profiles, "--start", case["start"], "--end", case["end"],
             "--seed", str(case["seed"])]
    if case.get("params"):
        args += ["--params", os.path.join(folder, case["params"])]
    if case.get("catalog"):
        args += ["--catalog", os.path.join(folder, case["catalog"])]
    for t in case.get("try", []) or []:
        args += ["--try", t]
    return args


if not os.path.isdir(cases_dir):
    print("1..0 # SKIP no conformance cases at " + cases_dir)
    sys.exit(0)

# Cases whose profiles are copied into larger generated files.
GENERATED_FROM = ("02-channels", "07-goals", "12-expressions", "20-journey-onboarding")
BAD_LINES = ["not json", '{"id": 7}', '{"events": []}', "", '{"id": "", "email": "a@b.hr"}',
             '{"id": "\\u0070-escaped", "email": "e@b.hr"}']


def generate(source, target, seed, copies=60):
    """Writes COPIES rounds of SOURCE's lines: each profile with a new id
    (now and then the id of the round before, a duplicate) and its events
    moved by up to two hours; lines that are not profiles stay as they are,
    and a bad line is put in now and then."""
    rng = random.Random(seed)
    lines = open(source, encoding="utf-8").read().splitlines()
    out = []
    for k in range(copies):
        for line in lines:
            try:
                profile = json.loads(line)
            except ValueError:
                out.append(line)
                continue
            if not isinstance(profile, dict) or not isinstance(profile.get("id"), str):
                out.append(line)
                continue
            round_ = k - 1 if k > 0 and rng.random() < 0.05 else k
            profile["id"] = "%s-g%d" % (profile["id"], round_)
            shift = datetime.timedelta(minutes=rng.randint(-120, 120))
            for event in profile.get("events") or []:
                if isinstance(event, dict) and isinstance(event.get("at"), str):
                    try:
                        at = datetime.datetime.fromisoformat(event["at"].replace("Z", "+00:00"))
                    except ValueError:
                        continue
                    event["at"] = (at + shift).astimezone(datetime.timezone.utc).strftime(
                        "%Y-%m-%dT%H:%M:%SZ")
            out.append(json.dumps(profile, ensure_ascii=False))
            if rng.random() < 0.03:
                out.append(rng.choice(BAD_LINES))
    with open(target, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def check_split(name, case, folder, profiles):
    """The key property for one profile file: merge of the split parts'
    partials is the single run, and the part timelines concatenated are the
    joined parts' timeline."""
    suffix = ".csv" if profiles.endswith(".csv") else ".jsonl"
    single = os.path.join(work, name + "-single.json")
    r = run(simulate_args(case, folder, profiles) + ["--report", single])
    if r.returncode != 0:
        ok(name + ": single run", False, r.stderr)
        return
    for n in (1, 2, 3, 7):
        out = os.path.join(work, "%s-%d" % (name, n))
        os.makedirs(out)
        r = run(["split", "--profiles", profiles, "--parts", str(n), "--out", out])
        if r.returncode != 0:
            ok("%s: split into %d" % (name, n), False, r.stderr)
            continue
        partials, timelines = [], []
        failed = False
        for i in range(n):
            part = os.path.join(out, "part-%04d%s" % (i, suffix))
            partial = os.path.join(out, "part-%d.partial" % i)
            timeline = os.path.join(out, "part-%d.timeline" % i)
            r = run(simulate_args(case, folder, part) +
                    ["--partial", partial, "--timeline", timeline, "--report", os.devnull])
            if r.returncode != 0:
                ok("%s: part %d of %d" % (name, i, n), False, r.stderr)
                failed = True
                break
            partials.append(partial)
            timelines.append(timeline)
        if failed:
            continue
        merged = os.path.join(out, "merged.json")
        r = run(["merge"] + partials + ["--report", merged])
        ok("%s: merge of %d parts equals the single run" % (name, n),
           r.returncode == 0 and load(merged) == load(single), r.stderr)
        if n > 1:
            rev = os.path.join(out, "merged-reversed.json")
            r = run(["merge"] + partials[::-1] + ["--report", rev])
            ok("%s: merging %d parts in another order gives the same report" % (name, n),
               r.returncode == 0 and load(rev) == load(merged), r.stderr)
        # The timeline of a run over the parts concatenated in part order.
        if suffix == ".jsonl":
            joined = os.path.join(out, "joined.jsonl")
            with open(joined, "wb") as dst:
                for i in range(n):
                    with open(os.path.join(out, "part-%04d%s" % (i, suffix)), "rb") as src:
                        shutil.copyfileobj(src, dst)
            joined_timeline = os.path.join(out, "joined.timeline")
            r = run(simulate_args(case, folder, joined) +
                    ["--timeline", joined_timeline, "--report", os.devnull])
            concatenated = b"".join(open(t, "rb").read() for t in timelines)
            ok("%s: %d part timelines concatenated are the joined run's timeline" % (name, n),
               r.returncode == 0 and open(joined_timeline, "rb").read() == concatenated, r.stderr)



work = tempfile.mkdtemp(prefix="waymark-split-")
try:
    for name in sorted(os.listdir(cases_dir)):
        folder = os.path.join(cases_dir, name)
        case_file = os.path.join(folder, "case.json")
        if not os.path.isfile(case_file):
            continue
        case = json.load(open(case_file))
        if case.get("kind") == "import" or "exit" in case:
            continue
        check_split(name, case, folder, os.path.join(folder, case["profiles"]))

    # Generated profile files, larger than the cases' own: each case's
    # profiles copied many times with new ids and shifted events, some ids
    # repeated (the first line wins, in whichever part), bad lines between.
    for name in GENERATED_FROM:
        folder = os.path.join(cases_dir, name)
        if not os.path.isdir(folder):
            continue
        case = json.load(open(os.path.join(folder, "case.json")))
        generated = os.path.join(work, name + "-generated.jsonl")
        generate(os.path.join(folder, case["profiles"]), generated, seed=len(name))
        check_split(name + " (generated)", case, folder, generated)

    # Refusals, on the first case with two flows or a parameters file.
    name = "05-reentry"
    folder = os.path.join(cases_dir, name)
    if os.path.isdir(folder):
        case = json.load(open(os.path.join(folder, "case.json")))
        profiles = os.path.join(folder, case["profiles"])
        a = os.path.join(work, "a.partial")
        b = os.path.join(work, "b.partial")
        run(simulate_args(case, folder, profiles) + ["--partial", a, "--report", os.devnull])
        other = dict(case)
        other["seed"] = case["seed"] + 1
        run(simulate_args(other, folder, profiles) + ["--partial", b, "--report", os.devnull])
        r = run(["merge", a, b])
        ok("partials of another seed are refused (exit 2, naming the seed)",
           r.returncode == 2 and "seed" in r.stderr and "b.partial" in r.stderr, r.stderr)
        r = run(["merge", a, a])
        ok("a partial given twice is refused", r.returncode == 2 and "twice" in r.stderr, r.stderr)
        bad = os.path.join(work, "truncated.partial")
        with open(a, "rb") as src, open(bad, "wb") as dst:
            data = src.read()
            dst.write(data[: len(data) // 2])
        r = run(["merge", bad])
        ok("a truncated partial is refused naming the file",
           r.returncode == 2 and "truncated.partial" in r.stderr, r.stderr)
        r = run(["merge", bad, a, a])
        ok("a file given twice is refused before any is read",
           r.returncode == 2 and "twice" in r.stderr and "truncated" not in r.stderr, r.stderr)
        r = run(["merge", os.path.join(folder, case["flows"][0])])
        ok("a flow file is not a partial", r.returncode == 2 and "not a partial result" in r.stderr, r.stderr)
        r = run(["split", "--profiles", profiles, "--parts", "0", "--out", work])
        ok("--parts 0 is a usage error", r.returncode == 2, r.stderr)
        r = run(["split", "--profiles", profiles, "--parts", "2", "--out", os.path.join(work, "missing")])
        ok("a missing output folder is a usage error", r.returncode == 2 and "missing" in r.stderr, r.stderr)
finally:
    shutil.rmtree(work, ignore_errors=True)

print("1..%d" % len(results))
for i, (passed, name, detail) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if passed else "not ok", i, name))
    if not passed:
        for line in detail.strip().splitlines()[-5:]:
            print("# " + line)
