#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the libFuzzer targets with clang in _build-fuzz and runs each one
# for SECONDS, or for RUNS executions:
#   build-aux/run-fuzz.sh [SECONDS]        (default 30)
#   build-aux/run-fuzz.sh --runs RUNS [NAME...]
# NAME limits the run to those targets (csv, profile, ...).
#
# Each target tests/fuzz/fuzz-NAME runs on a copy of its seed corpus
# tests/fuzz/corpus/NAME/ (so the seeds in git stay as they are) with its
# dictionary tests/fuzz/fuzz-NAME.dict (or NAME.dict), when they exist.
# Prints libFuzzer's final statistics (executions, coverage) for each, keeps
# crash inputs in _build-fuzz/fuzz-artifacts/, and exits non-zero if any
# target crashed.
# The last line is "N passed, N failed", one result a target.
set -euo pipefail

cd "$(dirname "$0")/.."
runs=""
if [ "${1:-}" = "--runs" ]; then
  runs="${2:-}"
  shift 2 || true
  seconds=0
  case "$runs" in
    ''|*[!0-9]*) echo "usage: run-fuzz.sh --runs RUNS [NAME...]" >&2; exit 2 ;;
  esac
else
  seconds="${1:-30}"
  shift || true
  case "$seconds" in
    ''|*[!0-9]*) echo "usage: run-fuzz.sh [SECONDS]" >&2; exit 2 ;;
  esac
fi
only=("$@")
builddir=_build-fuzz

if [ ! -f tests/fuzz/meson.build ]; then
  echo "run-fuzz.sh: no fuzz targets yet (tests/fuzz/meson.build does not exist)"
  echo "0 passed, 0 failed"
  exit 0
fi

if [ ! -f "$builddir/build.ninja" ]; then
  CC=clang meson setup "$builddir" -Dfuzzing=true -Dgui=false -Db_lundef=false
fi
meson compile -C "$builddir"

mapfile -t targets < <(find "$builddir/tests/fuzz" -maxdepth 1 -type f -name 'fuzz-*' -perm -u+x 2>/dev/null | sort)
if [ "${#targets[@]}" -eq 0 ]; then
  echo "run-fuzz.sh: no fuzz targets were built"
  echo "0 passed, 0 failed"
  exit 0
fi

workdir="$(mktemp -d "${TMPDIR:-/tmp}/waymark-fuzz.XXXXXX")"
trap 'rm -rf "$workdir"' EXIT
artifacts="$builddir/fuzz-artifacts"
mkdir -p "$artifacts"

# GLib's slice allocator hides heap errors from the sanitizers.
export G_SLICE=always-malloc G_DEBUG=gc-friendly
# Throughput: ASan's default 256 MB quarantine and its fill of every new
# block made the readers that build many small nodes (profile, CSV,
# partial, import) spend most of their time in page faults (210 runs/s);
# a 16 MB quarantine still catches a use right after a free. Inputs are cut
# at 4 KiB: a longer line adds no new path, the size limits have their own
# tests (tests/data/bad). A partial result holds whole flows, so its seeds
# are 2-11 KiB and its inputs are cut at 16 KiB: cut at 4 KiB, nearly every
# input was truncated JSON and the merge itself was never reached. Set
# ASAN_OPTIONS or WM_FUZZ_MAX_LEN to override.
export ASAN_OPTIONS="${ASAN_OPTIONS:-quarantine_size_mb=16:max_malloc_fill_size=0}"
max_len="${WM_FUZZ_MAX_LEN:-4096}"

passed=0
failed=0
for exe in "${targets[@]}"; do
  target="$(basename "$exe")"
  name="${target#fuzz-}"
  if [ "${#only[@]}" -gt 0 ] && [[ ! " ${only[*]} " =~ " $name " ]]; then
    continue
  fi
  corpus="$workdir/corpus-$name"
  mkdir -p "$corpus"
  if [ -d "tests/fuzz/corpus/$name" ]; then
    cp -R "tests/fuzz/corpus/$name/." "$corpus/"
  fi
  if [ -n "$runs" ]; then
    args=(-runs="$runs")
  else
    args=(-max_total_time="$seconds")
  fi
  len="$max_len"
  if [ "$name" = partial ] && [ -z "${WM_FUZZ_MAX_LEN:-}" ]; then
    len=16384
  fi
  args+=(-max_len="$len" -print_final_stats=1 -artifact_prefix="$artifacts/$target-")
  # The dictionary is named after the target, with or without the prefix.
  for dict in "tests/fuzz/$target.dict" "tests/fuzz/$name.dict"; do
    if [ -f "$dict" ]; then
      args+=(-dict="$dict")
      break
    fi
  done

  log="$workdir/$target.log"
  if [ -n "$runs" ]; then budget="$runs runs"; else budget="${seconds}s"; fi
  echo "== $target: $budget, $(find "$corpus" -type f | wc -l) seed inputs"
  status=0
  "$exe" "${args[@]}" "$corpus" >"$log" 2>&1 || status=$?

  # The last status line holds the coverage; the stat:: lines the totals.
  grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -n 1 || true
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)' "$log" || true

  if [ "$status" -eq 0 ]; then
    passed=$((passed + 1))
    echo "$target: ok"
  else
    failed=$((failed + 1))
    echo "$target: FAILED (exit status $status); the end of its log:"
    tail -n 40 "$log"
    echo "$target: crash inputs, if any, are in $artifacts/"
  fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
