#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The README's GNU parallel recipes (section "Scale out"), run as written:
# split into 4 parts, simulate them with --jobs 2, merge; the merged report
# must be the single run's, for a JSON Lines case and a CSV case. Then the
# several-machines form: --sshlogin with two hosts, the flows sent once
# with --basefile, each part sent with --transferfile and its partial
# brought back with --return, --cleanup. The "hosts" are folders reached
# through a stand-in for ssh (--ssh), so the files really travel by rsync
# to another place and back. A failing part fails the whole command.
#
# TAP on standard output; exit 77 (skipped) when GNU parallel is missing
# (build-aux/install-deps.sh installs it, and rsync). Every file it makes,
# parallel's own included, stays in one temporary folder.
#
# Usage: test-parallel.sh CLI SHARED_DIR HELPERS_DIR
# (HELPERS_DIR holds compare-reports.py and case-args.py)
set -uo pipefail

cli="$1" shared="$2"
compare="$3/compare-reports.py" case_args="$3/case-args.py"

skip() {
  echo "1..0 # SKIP $*"
  exit 77
}
command -v parallel >/dev/null || skip "GNU parallel is not installed (build-aux/install-deps.sh installs it)"
parallel --version 2>/dev/null | grep -q 'GNU parallel' || skip "parallel is not GNU parallel (moreutils has one too)"
[ -d "$shared/conformance/12-expressions" ] || skip "no conformance cases in $shared"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/waymark-parallel.XXXXXX")"
trap 'cd /; rm -rf "$tmp"' EXIT
export HOME="$tmp/home" PARALLEL_HOME="$tmp/home/.parallel" TMPDIR="$tmp/tmp"
mkdir -p "$HOME" "$TMPDIR"

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

# One machine, --jobs 2: the one-liner of the README.
for name in 12-expressions 10-audience-date-csv; do
  work="$tmp/$name"
  mkdir -p "$work"
  cp -r "$shared/conformance/$name" "$work/case"
  cd "$work" || exit 1
  mapfile -t simulate < <(/usr/bin/python3 "$case_args" case)
  profiles="$(ls case/profiles.*)"
  "$cli" simulate "${simulate[@]}" --profiles "$profiles" --report single.json 2>/dev/null

  timeout 120 bash -c '
    cli="$1" profiles="$2"; shift 2
    mkdir -p parts && "$cli" split --profiles "$profiles" --parts 4 --out parts &&
    parallel --jobs 2 --halt now,fail=1 "$cli" simulate --threads 1 "$@" \
      --profiles {} --partial {.}.partial --report /dev/null ::: parts/part-* &&
    "$cli" merge parts/*.partial --report report.json
  ' one-liner "$cli" "$profiles" "${simulate[@]}" >out.txt 2>&1
  status=$?
  ok "$name: split, 4 parts through parallel --jobs 2, merge (exit $status)" "$status" out.txt
  /usr/bin/python3 "$compare" single.json report.json >compare.txt 2>&1
  ok "$name: the merged report equals the single run's" $? compare.txt
  count="$(ls parts/*.partial 2>/dev/null | wc -l)"
  [ "$count" = 4 ]
  ok "$name: one partial a part ($count)" $?
done

# Several machines: --sshlogin, --basefile, --transferfile, --return, --cleanup.
if ! command -v rsync >/dev/null; then
  n=$((n + 1))
  echo "ok $n - parallel --sshlogin with --transferfile and --return # SKIP rsync is not installed"
else
  # The stand-in for ssh: "ssh [OPTIONS] HOST COMMAND..." runs COMMAND with
  # bash in the host's home folder, $tmp/remote/HOST, with SHELL set, as
  # sshd would.
  cat >"$tmp/fake-ssh" <<'SSH'
#!/bin/bash
while [ "$#" -gt 0 ]; do
  case "$1" in
    -l|-o|-p|-i|-F|-S) shift 2 ;;
    --) shift; break ;;
    -*) shift ;;
    *) break ;;
  esac
done
host="$1"
shift
[ "${1:-}" = "--" ] && shift
echo "$host" >>"$FAKE_REMOTE/hosts.log"
mkdir -p "$FAKE_REMOTE/$host"
cd "$FAKE_REMOTE/$host" || exit 255
# sshd sets SHELL to the login shell; parallel's remote wrapper runs the
# job with "$SHELL" and, when it is unset (as under some CI runners),
# silently runs nothing and still reports success.
SHELL="$(getent passwd "$(id -un)" | cut -d: -f7)"
export SHELL="${SHELL:-/bin/sh}"
exec bash -c "$*"
SSH
  chmod +x "$tmp/fake-ssh"
  export FAKE_REMOTE="$tmp/remote"
  mkdir -p "$FAKE_REMOTE"

  name=12-expressions
  work="$tmp/ssh"
  mkdir -p "$work"
  cp -r "$shared/conformance/$name" "$work/case"
  cd "$work" || exit 1
  mapfile -t simulate < <(/usr/bin/python3 "$case_args" case)
  basefiles=()
  for ((i = 0; i < ${#simulate[@]}; i++)); do
    case "${simulate[$i]}" in
      --flow|--journey|--params|--catalog) basefiles+=(--basefile "${simulate[$((i + 1))]}") ;;
    esac
  done
  "$cli" simulate "${simulate[@]}" --profiles case/profiles.jsonl --report single.json 2>/dev/null

  {
    mkdir -p parts && timeout 60 "$cli" split --profiles case/profiles.jsonl --parts 4 --out parts &&
    timeout 120 parallel --ssh "$tmp/fake-ssh" --sshlogin 1/hostA,1/hostB "${basefiles[@]}" \
      --transferfile {} --return {.}.partial --cleanup --halt now,fail=1 \
      "$cli" simulate --threads 1 "${simulate[@]}" --profiles {} --partial {.}.partial \
      --report /dev/null ::: parts/part-* &&
    timeout 60 "$cli" merge parts/*.partial --report report.json
  } >out.txt 2>&1 </dev/null
  status=$?
  ok "--sshlogin 2 hosts, --transferfile, --return, --cleanup (exit $status)" "$status" out.txt
  /usr/bin/python3 "$compare" single.json report.json >compare.txt 2>&1
  ok "the report merged from the partials sent back equals the single run's" $? compare.txt
  [ -n "$(grep -x hostA "$FAKE_REMOTE/hosts.log")" ] && [ -n "$(grep -x hostB "$FAKE_REMOTE/hosts.log")" ]
  ok "both hosts were used" $?
  left="$(cd "$FAKE_REMOTE" && find hostA hostB -type f | sort | tr '\n' ' ')"
  [ -d "$FAKE_REMOTE/hostA" ] && [ -d "$FAKE_REMOTE/hostB" ] && [ -z "$left" ]
  ok "--cleanup left no file on the hosts (${left:-none})" $?
fi

# A part that fails makes the whole command fail, with no report.
work="$tmp/failing"
mkdir -p "$work"
cd "$work" || exit 1
timeout 120 bash -c '
  cli="$1" profiles="$2"; shift 2
  mkdir -p parts && "$cli" split --profiles "$profiles" --parts 4 --out parts &&
  parallel --jobs 2 --halt now,fail=1 "$cli" simulate --threads 1 "$@" \
    --profiles {} --partial {.}.partial --report /dev/null ::: parts/part-* &&
  "$cli" merge parts/*.partial --report report.json
' one-liner "$cli" "$shared/conformance/12-expressions/profiles.jsonl" \
  --flow no-such.waymark.json --start 2026-10-01T00:00:00Z --end 2026-10-25T00:00:00Z \
  >out.txt 2>&1
status=$?
[ "$status" != 0 ] && [ "$status" != 124 ] && [ ! -e report.json ] \
  && grep -q 'no-such.waymark.json' out.txt
ok "a failing part fails the command (exit $status) and no report is written" $? out.txt

echo "1..$n"
[ "$failed" = 0 ]
