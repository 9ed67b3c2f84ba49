#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# bench-scaleout.sh BUILD_DIR [PROFILES [SECTIONS]]
#
# What splitting a run costs on one machine, with the simulator's benchmark
# data (tests/bench/bench-sim.c: its seeded profile generator and its
# 20-element flow), PROFILES of them (default 4000000, about 3.7 GB):
#   1. a single run, simulate --threads 2;
#   2. split into 4 parts + the parts through GNU parallel --jobs 2
#      (simulate --threads 1 each) + merge, against 1 (target: at most
#      1.15x), and the merged report compared with the single one;
#   3. merging 1,000 partials of the same flow (target: under 2 s);
#   4. the size of a partial against the number of profiles behind it: it
#      grows with the distinct outcome paths only.
# BUILD_DIR is an optimized build with the benchmarks (README, "Benchmarks
# and fuzzing"); it needs tests/sim/bench-sim and src/cli/waymark-cli, and
# GNU parallel. Files go to $BENCH_DIR (default $TMPDIR/waymark-bench-
# scaleout); the profile file is kept there for the next run, the rest is
# removed. SECTIONS: a comma-separated choice of compare, merge, size (all
# three by default). Run by hand on a quiet machine; never in the suite.
set -euo pipefail

if [ "$#" -lt 1 ]; then
  echo "usage: bench-scaleout.sh BUILD_DIR [PROFILES [compare,merge,size]]" >&2
  exit 2
fi
build="$(cd "$1" && pwd)"
count="${2:-4000000}"
sections=",${3:-compare,merge,size},"
here="$(cd "$(dirname "$0")" && pwd)"
cli="$build/src/cli/waymark-cli"
benchsim="$build/tests/sim/bench-sim"
compare="$here/../scaleout/compare-reports.py"
dir="${BENCH_DIR:-${TMPDIR:-/tmp}/waymark-bench-scaleout}"
start=2026-01-01T00:00:00Z end=2026-02-08T00:00:00Z  # as in bench-sim.c

for exe in "$cli" "$benchsim"; do
  [ -x "$exe" ] || { echo "bench-scaleout.sh: $exe is missing (build with -Dbenchmarks=true)" >&2; exit 2; }
done
command -v parallel >/dev/null || { echo "bench-scaleout.sh: GNU parallel is not installed" >&2; exit 2; }
mkdir -p "$dir"
profiles="$dir/profiles-$count.jsonl"
work="$dir/work"
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

# "WALL CPU" seconds of a command (CPU: user + system of it and its
# children), to two decimals; its own output goes to $work/last.log. The CPU
# time shows whether a run had its cores on a shared machine.
seconds() {
  /usr/bin/python3 - "$work/last.log" "$@" <<'PY'
import resource, subprocess, sys, time
t0 = time.monotonic()
with open(sys.argv[1], "w") as log:
    r = subprocess.run(sys.argv[2:], stdout=log, stderr=subprocess.STDOUT)
wall = time.monotonic() - t0
u = resource.getrusage(resource.RUSAGE_CHILDREN)
if r.returncode != 0:
    sys.stderr.write(open(sys.argv[1]).read())
    sys.exit(1)
print("%.2f %.2f" % (wall, u.ru_utime + u.ru_stime))
PY
}
wall() { echo "${1%% *}"; }
cpu() { echo "${1##* }"; }

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo) memory"
df -h "$dir" | tail -n 1 | awk '{ print "disk: " $4 " free in " $6 }'

# The profile file: bench-sim generates it (seeded) when it is missing;
# with no thread counts it only times read-and-parse once.
if [ ! -f "$profiles" ]; then
  "$benchsim" --profiles "$count" --file "$profiles" --threads "" --keep
fi
echo "profiles: $profiles, $(du -h "$profiles" | cut -f1), $(wc -l <"$profiles") lines"

# The 20-element flow, taken from bench-sim-data.c so there is one source of
# it: the C string literals joined, then ' read as " except \' (a quote
# inside an expression), as its swap_quotes does.
/usr/bin/python3 - "$here/bench-sim-data.c" "$dir/bench.waymark.json" <<'PY'
import json, re, sys
source = open(sys.argv[1], encoding="utf-8").read()
block = source[source.index("const char *bench_flow ="):]
block = block[:block.index('";') + 2]
text = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', block))
text = text.replace("\\\\", "\\").replace('\\"', '"')
out, i = [], 0
while i < len(text):
    if text[i] == "\\" and text[i + 1 : i + 2] == "'":
        out.append("'"); i += 2
    else:
        out.append('"' if text[i] == "'" else text[i]); i += 1
flow = json.loads("".join(out))
json.dump(flow, open(sys.argv[2], "w", encoding="utf-8"))
PY
flow=(--flow "$dir/bench.waymark.json" --start "$start" --end "$end")

# Both paths read the profile file from the page cache (a file in memory
# stays there); the parts split writes are dropped from it once on the disk
# (src/sim/wm-page-cache.c), so the parts are read from the disk.
cat "$profiles" >/dev/null

if [[ "$sections" == *,compare,* ]]; then
echo
echo "== single run against split + 4 parts through parallel --jobs 2 + merge"
r_single="$(seconds "$cli" simulate "${flow[@]}" --threads 2 --profiles "$profiles" --report "$work/single.json")"
echo "single run, --threads 2: $(wall "$r_single") s (CPU $(cpu "$r_single") s)"
mkdir -p "$work/parts"
r_split="$(seconds "$cli" split --profiles "$profiles" --parts 4 --out "$work/parts")"
r_parts="$(seconds parallel --jobs 2 --halt now,fail=1 "$cli" simulate "${flow[@]}" --threads 1 \
  --profiles {} --partial {.}.partial --report /dev/null ::: "$work"/parts/part-*.jsonl)"
r_merge="$(seconds "$cli" merge "$work"/parts/*.partial --report "$work/merged.json")"
echo "split into 4: $(wall "$r_split") s (CPU $(cpu "$r_split") s)"
echo "4 parts, parallel --jobs 2, --threads 1 each: $(wall "$r_parts") s (CPU $(cpu "$r_parts") s)"
echo "merge of 4: $(wall "$r_merge") s (CPU $(cpu "$r_merge") s)"
total="$(echo "$r_split $r_parts $r_merge" | awk '{ printf "%.2f %.2f", $1 + $3 + $5, $2 + $4 + $6 }')"
echo "distributed total: $(wall "$total") s (CPU $(cpu "$total") s) =" \
  "$(echo "$(wall "$total") $(wall "$r_single")" | awk '{ printf "%.3f", $1 / $2 }')x the single run's wall time (target <= 1.15x)"
if /usr/bin/python3 "$compare" "$work/single.json" "$work/merged.json"; then
  echo "merged report equals the single run's: yes"
else
  echo "merged report equals the single run's: NO"
fi
echo "partials: $(du -ch "$work"/parts/*.partial | tail -n 1 | cut -f1) for 4 parts"
rm -rf "$work/parts"
fi

if [[ "$sections" == *,merge,* ]]; then
echo
echo "== merging 1,000 partials"
head -n 200000 "$profiles" >"$work/small.jsonl"
mkdir -p "$work/many"
"$cli" split --profiles "$work/small.jsonl" --parts 1000 --out "$work/many"
parallel --jobs "$(( $(nproc) * 2 ))" --halt now,fail=1 "$cli" simulate "${flow[@]}" --threads 1 \
  --profiles {} --partial {.}.partial --report /dev/null ::: "$work"/many/part-*.jsonl
"$cli" simulate "${flow[@]}" --profiles "$work/small.jsonl" --report "$work/small.json"
r_many="$(seconds "$cli" merge "$work"/many/*.partial --report "$work/many.json")"
echo "merge of 1000 partials ($(du -ch "$work"/many/*.partial | tail -n 1 | cut -f1), $(wc -l <"$work/small.jsonl") profiles in all):" \
  "$(wall "$r_many") s (CPU $(cpu "$r_many") s) (target < 2 s)"
if /usr/bin/python3 "$compare" "$work/small.json" "$work/many.json"; then
  echo "equals the single run over the same profiles: yes"
else
  echo "equals the single run over the same profiles: NO"
fi
rm -rf "$work/many"
fi

if [[ "$sections" == *,size,* ]]; then
echo
echo "== partial size against profiles"
printf '%10s %12s %14s\n' profiles bytes outcome_paths
n=1000
while [ "$n" -le "$count" ]; do
  head -n "$n" "$profiles" >"$work/head.jsonl"
  "$cli" simulate "${flow[@]}" --threads 2 --profiles "$work/head.jsonl" \
    --partial "$work/head.partial" --report /dev/null
  paths="$(/usr/bin/python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["paths"]))' "$work/head.partial")"
  printf '%10d %12d %14s\n' "$n" "$(stat -c %s "$work/head.partial")" "$paths"
  n=$((n * 10))
done
fi
