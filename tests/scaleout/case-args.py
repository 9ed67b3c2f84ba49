#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# case-args.py CASE_DIR
#
# Prints, one a line, the `waymark-cli simulate` options of a conformance
# case (flows, journeys, parameters, catalog, tried versions, start, end,
# seed) with the case's files named as CASE_DIR/FILE (relative when CASE_DIR
# is), then nothing else: the profile file is the caller's to give.
import json
import os
import sys

folder = sys.argv[1]
with open(os.path.join(folder, "case.json"), encoding="utf-8") as f:
    case = json.load(f)
args = []
for flow in case["flows"]:
    args += ["--flow", os.path.join(folder, flow)]
for journey in case.get("journeys") or []:
    args += ["--journey", os.path.join(folder, journey)]
if case.get("params"):
    args += ["--params", os.path.join(folder, case["params"])]
if case.get("catalog"):
    args += ["--catalog", os.path.join(folder, case["catalog"])]
for tried in case.get("try") or []:
    args += ["--try", tried]
args += ["--start", case["start"], "--end", case["end"], "--seed", str(case["seed"])]
print("\n".join(args))
