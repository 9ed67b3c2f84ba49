#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the spec's conformance cases (../shared/conformance) against
# waymark-cli with the checker that ships with them, and reports each case
# as a TAP subtest. Usage: conformance.py CLI SHARED_DIR SETS
import re
import subprocess
import sys

cli, shared, sets = sys.argv[1:4]
checker = shared + "/conformance/check.py"
try:
    run = subprocess.run([sys.executable, checker, "--all", shared + "/conformance",
                          "--cli", cli, "--sets", sets, "--timeout", "120"],
                         capture_output=True, text=True, timeout=1200)
except FileNotFoundError:
    print("1..0 # SKIP no conformance cases at " + shared)
    sys.exit(0)

results = []
for line in run.stdout.splitlines():
    m = re.match(r"^(PASS|FAIL|MISMATCH) (\S+)(.*)$", line)
    if m:
        results.append((m.group(1) == "PASS", m.group(2), m.group(3)))

if not results:
    print("1..1")
    print("not ok 1 - the checker ran no case")
    for line in (run.stdout + run.stderr).splitlines()[-20:]:
        print("# " + line)
    sys.exit(0)

print("1..%d" % len(results))
for i, (ok, name, rest) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
    if not ok:
        for detail in rest.split(" | "):
            print("# " + detail.strip())
