#!/bin/sh
# Runs the libFuzzer harnesses of a THEREX_FUZZ build one after the other, each for a
# bounded time, from its seed corpus (tests/fuzz/corpus/NAME, read only) and a working
# corpus kept in the build directory (BUILD/fuzz-corpus/NAME), so a later run goes on
# from where this one stopped. A crash, leak or timeout stops the script with status 1
# and names the input libFuzzer saved in BUILD/fuzz-artifacts/NAME/. See README.md.
#
#   tests/fuzz/run.sh [-b BUILD] [-t SECONDS] [NAME...] [-- LIBFUZZER-OPTION...]
#
#   -b BUILD     the THEREX_FUZZ build directory (default: build-fuzz)
#   -t SECONDS   time per harness (default: $THEREX_FUZZ_SECONDS, else 30)
#   NAME         harnesses to run (default: all of them)
#   -- ...       options passed on to every harness (-jobs=2, -use_value_profile=1...)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
build=build-fuzz
seconds=${THEREX_FUZZ_SECONDS:-30}
names=""
while [ $# -gt 0 ]; do
  case $1 in
    -b) build=$2; shift 2 ;;
    -t) seconds=$2; shift 2 ;;
    --) shift; break ;;
    -*) echo "usage: $0 [-b BUILD] [-t SECONDS] [NAME...] [-- LIBFUZZER-OPTION...]" >&2; exit 2 ;;
    *) names="$names $1"; shift ;;
  esac
done
[ -n "$names" ] || names="pubmed jsonl xml medline sentences rules extract"
build=$(cd "$build" && pwd)

# Longest input per harness: a few abstracts' worth, a rule file of a few dozen rules;
# for the splitter, past the longest sentence the library makes (4,096 code points).
max_len() {
  case $1 in
    extract) echo 4096 ;;
    sentences) echo 16384 ;;
    *) echo 8192 ;;
  esac
}

status=0
for name in $names; do
  bin=$build/tests/fuzz/fuzz_$name
  if [ ! -x "$bin" ]; then
    echo "run.sh: $bin is missing: cmake --build $build --target fuzz" >&2
    exit 2
  fi
  work=$build/fuzz-corpus/$name
  art=$build/fuzz-artifacts/$name
  log=$build/fuzz-logs/$name.log
  mkdir -p "$work" "$art" "$(dirname "$log")"
  echo "== fuzz_$name: ${seconds}s" >&2
  if "$bin" -max_total_time="$seconds" -max_len="$(max_len "$name")" -rss_limit_mb=2048 \
      -timeout=10 -print_final_stats=1 -dict="$top/tests/fuzz/dict/$name.dict" \
      -artifact_prefix="$art/" "$@" "$work" "$top/tests/fuzz/corpus/$name" >"$log" 2>&1; then
    # the last status line (coverage, features, corpus) and the number of runs
    grep -E '^#[0-9]+' "$log" | tail -n 1 >&2 || true
    grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' "$log" >&2 || true
  else
    status=1
    tail -n 60 "$log" >&2
    echo "run.sh: fuzz_$name failed (log: $log); the input is in $art/." >&2
    echo "run.sh: replay it with $build/tests/fuzz/replay_$name FILE, then keep it as a" >&2
    echo "run.sh: regression: copy it to tests/fuzz/regressions/$name/ (README.md there)." >&2
  fi
done
exit $status
