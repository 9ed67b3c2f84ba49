#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# contrib/slurm on a real, single-node Slurm started here: a fresh munge key
# and munged, a slurm.conf in a temporary folder (every state, spool, pid
# and log path inside it, ports nobody uses), slurmctld, then slurmd. Then
# waymark-slurm-run splits a conformance case into 4 parts, submits the
# array and the merge, waits, and the merged report and CSV tables must be
# those of a single run. A run whose parts fail must end (not hang) with an
# error naming the parts. The daemons are stopped by their pids on any exit
# and nothing is left outside the temporary folder.
#
# TAP on standard output; exit 77 (skipped) when not root or when munge or
# Slurm are not installed (build-aux/install-deps.sh installs them).
#
# Usage: test-slurm.sh CLI SHARED_DIR CONTRIB_SLURM_DIR HELPERS_DIR
# (HELPERS_DIR holds compare-reports.py and case-args.py)
set -uo pipefail

cli="$1" shared="$2" contrib="$3"
compare="$4/compare-reports.py" case_args="$4/case-args.py"
case_dir="$shared/conformance/12-expressions"

skip() {
  echo "1..0 # SKIP $*"
  exit 77
}
[ "$(id -u)" = 0 ] || skip "the test cluster runs its daemons as root (SlurmUser=root)"
for tool in munged slurmctld slurmd sbatch scontrol squeue scancel sinfo timeout; do
  command -v "$tool" >/dev/null || PATH="$PATH:/usr/sbin" command -v "$tool" >/dev/null \
    || skip "$tool is not installed (build-aux/install-deps.sh installs munge and slurm-wlm)"
done
export PATH="$PATH:/usr/sbin"
[ -f "$case_dir/case.json" ] || skip "no conformance case at $case_dir"

# A Slurm this test did not start must not see it, nor it that one: no
# inherited SLURM_* or SBATCH_* (CI itself may run inside a Slurm job).
for var in $(compgen -e); do
  case "$var" in SLURM_*|SBATCH_*|SALLOC_*|SRUN_*) unset "$var" ;; esac
done

# munge's socket path must fit a sockaddr_un (108 bytes): a long TMPDIR
# falls back to /tmp.
tmpdir="${TMPDIR:-/tmp}"
[ "${#tmpdir}" -le 60 ] || tmpdir=/tmp
tmp="$(mktemp -d "$tmpdir/waymark-slurm.XXXXXX")"
pids=()

# Everything, from starting munged to the last job, has 110 seconds: a hung
# Slurm fails the test in time to stop the daemons before meson's timeout.
deadline_all=$((SECONDS + 110))
left() {
  local s=$((deadline_all - SECONDS))
  [ "$s" -gt 1 ] && echo "$s" || echo 1
}

# Stops what this test started: the jobs first (so slurmstepd ends them),
# then slurmd, slurmctld and munged by their pids, then any job process
# still working in the temporary folder (found by its working directory).
cleanup() {
  cd / || true
  if [ -n "${SLURM_CONF:-}" ] && [ "${#pids[@]}" -ge 2 ]; then
    timeout 10 scancel --quiet --user=root >/dev/null 2>&1
    local deadline=$((SECONDS + 10))
    while [ "$SECONDS" -lt "$deadline" ] && [ -n "$(timeout 5 squeue -h -o %i 2>/dev/null)" ]; do
      sleep 0.5
    done
  fi
  local i
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill -TERM "${pids[$i]}" 2>/dev/null
    local deadline=$((SECONDS + 5))
    while kill -0 "${pids[$i]}" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do
      sleep 0.2
    done
    kill -KILL "${pids[$i]}" 2>/dev/null
    wait "${pids[$i]}" 2>/dev/null
  done
  local proc
  for proc in /proc/[0-9]*; do
    case "$(readlink "$proc/cwd" 2>/dev/null)" in
      "$tmp"|"$tmp"/*)
        [ "${proc#/proc/}" = "$$" ] || kill -KILL "${proc#/proc/}" 2>/dev/null ;;
    esac
  done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

n=0 failed=0
ok() {  # ok NAME STATUS [DETAIL-FILE]
  n=$((n + 1))
  if [ "$2" = 0 ]; then
    echo "ok $n - $1"
  else
    failed=$((failed + 1))
    echo "not ok $n - $1"
    if [ -n "${3:-}" ] && [ -f "$3" ]; then
      tail -n 15 "$3" | sed 's/^/# /'
    fi
  fi
}
bail() {  # the cluster did not come up: say why, with its logs
  echo "not ok $((n + 1)) - $1"
  for log in "$tmp"/log/*.log "$tmp"/log/*.out; do
    [ -f "$log" ] || continue
    echo "# --- $log"
    tail -n 15 "$log" | sed 's/^/# /'
  done
  echo "1..$((n + 1))"
  exit 1
}

# Two TCP ports free right now, for slurmctld and slurmd.
read -r ctld_port slurmd_port < <(/usr/bin/python3 - <<'PY'
import socket
socks = [socket.socket() for _ in range(2)]
for s in socks:
    s.bind(("", 0))
print(*(s.getsockname()[1] for s in socks))
PY
)
node="$(hostname -s)"
cpus="$(nproc)"
mkdir -p "$tmp/munge" "$tmp/state" "$tmp/spool" "$tmp/run" "$tmp/log" "$tmp/work"
chmod 700 "$tmp/munge"

# munge: a fresh key, its own socket, run in the foreground so $! is its pid.
dd if=/dev/urandom of="$tmp/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$tmp/munge/munge.key"
munged --foreground --force --key-file="$tmp/munge/munge.key" \
  --socket="$tmp/munge/munge.socket" --pid-file="$tmp/munge/munged.pid" \
  --seed-file="$tmp/munge/munged.seed" --log-file="$tmp/log/munged.log" \
  >"$tmp/log/munged.out" 2>&1 &
pids+=($!)
deadline=$((SECONDS + 20 < deadline_all ? SECONDS + 20 : deadline_all))
until [ -S "$tmp/munge/munge.socket" ]; do
  kill -0 "${pids[0]}" 2>/dev/null || bail "munged started"
  [ "$SECONDS" -lt "$deadline" ] || bail "munged made its socket within 20 s"
  sleep 0.2
done

export SLURM_CONF="$tmp/slurm.conf"
cat >"$SLURM_CONF" <<CONF
ClusterName=waymarktest
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$tmp/munge/munge.socket
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/run/slurmctld.pid
SlurmdPidFile=$tmp/run/slurmd.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SwitchType=switch/none
MpiDefault=none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MailProg=/bin/true
SlurmctldTimeout=30
SlurmdTimeout=30
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=waymark Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF

slurmctld -D -i -f "$SLURM_CONF" >"$tmp/log/slurmctld.out" 2>&1 &
pids+=($!)
deadline=$((SECONDS + 30 < deadline_all ? SECONDS + 30 : deadline_all))
until timeout 5 scontrol ping 2>/dev/null | grep -q 'is UP'; do
  kill -0 "${pids[1]}" 2>/dev/null || bail "slurmctld started"
  [ "$SECONDS" -lt "$deadline" ] || bail "slurmctld answered within 30 s"
  sleep 0.5
done
slurmd -D -N "$node" -f "$SLURM_CONF" >"$tmp/log/slurmd.out" 2>&1 &
pids+=($!)
deadline=$((SECONDS + 30 < deadline_all ? SECONDS + 30 : deadline_all))
until timeout 5 sinfo -h -N -o %t 2>/dev/null | grep -qx 'idle'; do
  kill -0 "${pids[2]}" 2>/dev/null || bail "slurmd started"
  [ "$SECONDS" -lt "$deadline" ] || bail "the node was idle within 30 s"
  sleep 0.5
done
ok "a single-node Slurm came up (slurmctld on port $ctld_port, slurmd on $slurmd_port, $cpus CPUs)" 0

# The case's simulate options, as a single run and as waymark-slurm-run's.
mapfile -t simulate < <(/usr/bin/python3 "$case_args" "$case_dir")
profiles="$case_dir/profiles.jsonl"
"$cli" simulate "${simulate[@]}" --profiles "$profiles" --report "$tmp/single.json" \
  --csv "$tmp/single-csv" 2>/dev/null
ok "the single run" $?

cd "$tmp/work" || exit 1
mkdir -p "$tmp/merged-csv"
timeout -k 5 "$(left)" "$contrib/waymark-slurm-run" --cli "$cli" --profiles "$profiles" --parts 4 \
  --work "$tmp/work/run" --csv "$tmp/merged-csv" --timeline "$tmp/merged-timeline.jsonl" \
  --max-running 3 -- "${simulate[@]}" >"$tmp/run.out" 2>&1
status=$?
ok "waymark-slurm-run of 4 parts finished in time (exit $status)" "$status" "$tmp/run.out"
grep -qx "waymark-slurm-run: report: $tmp/work/run/report.json" "$tmp/run.out"
ok "it says where the report is" $? "$tmp/run.out"
/usr/bin/python3 "$compare" "$tmp/single.json" "$tmp/work/run/report.json" >"$tmp/compare.out" 2>&1
ok "the merged report equals the single run's (parsed, numbers as Decimal)" $? "$tmp/compare.out"
diff -r "$tmp/single-csv" "$tmp/merged-csv" >"$tmp/diff.out" 2>&1
ok "the merged CSV tables equal the single run's, byte for byte" $? "$tmp/diff.out"
# The parts' timelines joined in part order are the timeline of one run
# over the parts joined in that order (simulation.md, Splitting a run).
cat "$tmp"/work/run/parts/part-000{0,1,2,3}.jsonl >"$tmp/joined.jsonl"
"$cli" simulate "${simulate[@]}" --profiles "$tmp/joined.jsonl" --report /dev/null \
  --timeline "$tmp/joined-timeline.jsonl" 2>/dev/null \
  && [ -s "$tmp/joined-timeline.jsonl" ] && cmp "$tmp/joined-timeline.jsonl" "$tmp/merged-timeline.jsonl" >"$tmp/cmp.out" 2>&1
ok "--timeline: the parts' timelines joined are the timeline of a run over the joined parts" $? "$tmp/cmp.out"
count=0
for i in 0 1 2 3; do
  if grep -q "part 000$i on " "$tmp/work/run/logs/part-$i.out" 2>/dev/null \
     && [ -f "$tmp/work/run/partials/part-000$i.partial" ]; then
    count=$((count + 1))
  fi
done
[ "$count" = 4 ]
ok "each of the 4 parts ran as its own array task and left its partial ($count of 4)" $?

# A part that fails (a flow file that does not exist) fails the run: the
# merge is cancelled, not left waiting, and the failed parts are named.
timeout -k 5 "$(left)" "$contrib/waymark-slurm-run" --cli "$cli" --profiles "$profiles" --parts 2 \
  --work "$tmp/work/broken" -- --flow "$tmp/no-such.waymark.json" \
  --start 2026-10-01T00:00:00Z --end 2026-10-25T00:00:00Z >"$tmp/broken.out" 2>&1
status=$?
[ "$status" = 1 ] && grep -q "part 0 did not finish" "$tmp/broken.out" \
  && grep -q "part 1 did not finish" "$tmp/broken.out" && [ ! -e "$tmp/work/broken/report.json" ]
ok "failing parts end the run with exit 1 in time, naming the parts (exit $status)" $? "$tmp/broken.out"

timeout -k 5 "$(left)" "$contrib/waymark-slurm-run" --cli "$cli" --profiles "$profiles" --parts 2 \
  --work "$tmp/work/partition" --sbatch-arg=--partition=no-such-partition -- "${simulate[@]}" \
  >"$tmp/partition.out" 2>&1
status=$?
[ "$status" = 1 ] && grep -q "sbatch of the array job failed" "$tmp/partition.out" \
  && [ -z "$(timeout 5 squeue -h -o %i)" ]
ok "a job Slurm refuses (an unknown partition) is an error, and nothing is left queued (exit $status)" $? "$tmp/partition.out"

"$contrib/waymark-slurm-run" --cli "$cli" --profiles "$profiles" --parts 4 \
  --work "$tmp/work/run" -- "${simulate[@]}" >"$tmp/reuse.out" 2>&1
status=$?
[ "$status" = 2 ] && grep -q "is not empty" "$tmp/reuse.out"
ok "a work folder in use is refused (exit $status)" $? "$tmp/reuse.out"

echo "1..$n"
[ "$failed" = 0 ]
