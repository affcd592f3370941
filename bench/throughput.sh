#!/bin/sh
# Throughput of `therex extract` on the 9,808 real PubMed abstracts of
# ../shared/data/pubmed-10k (16 MB of text), against the comparison point a user would
# otherwise script (bench/baseline_regex.py: Python `re` with the same lexicons as
# alternations). Prints MB/s of input for each and the ratio.
#   usage: sh bench/throughput.sh [REPEAT]   (REPEAT copies of the corpus, default 3)
set -eu
cd "$(dirname "$0")/.."
REPEAT=${1:-3}
DATA=../shared/data/pubmed-10k/abstracts.tsv
[ -f "$DATA" ] || { echo "bench: $DATA not found (the shared data sits beside the checkout)" >&2; exit 2; }
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DTHEREX_TESTS=OFF >/dev/null
cmake --build build-bench -j2 --target therex >/dev/null
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
python3 bench/tsv_to_jsonl.py "$DATA" "$TMP/in.jsonl" "$REPEAT"
python3 bench/tsv_to_jsonl.py "$DATA" "$TMP/once.jsonl" 1
MB=$(python3 -c "import sys,json;print(sum(len((d.get('title') or '').encode())+len(d['abstract'].encode()) for d in map(json.loads,open(sys.argv[1])))/1e6)" "$TMP/in.jsonl")
MB1=$(python3 -c "import sys,json;print(sum(len((d.get('title') or '').encode())+len(d['abstract'].encode()) for d in map(json.loads,open(sys.argv[1])))/1e6)" "$TMP/once.jsonl")
now() { python3 -c 'import time;print(time.time())'; }
run() { # label, MB, runs, command...
  label=$1; mb=$2; runs=$3; shift 3
  best=""
  for i in $(seq "$runs"); do
    t0=$(now); "$@" >/dev/null 2>&1; t1=$(now)
    s=$(python3 -c "print($t1-$t0)")
    best=$(python3 -c "b='$best';print(min(float(b),$s) if b else $s)")
  done
  rate=$(python3 -c "print(round($mb/$best,4))")
  printf '%-34s %8.2f s %10s MB/s\n' "$label" "$best" "$rate"
  echo "$rate" > "$TMP/rate.$label"
}
echo "input: $MB MB of title+abstract text ($REPEAT x pubmed-10k); therex best of 3 runs, the baseline one run over 1 x"
run "therex-j1" "$MB" 3 build-bench/therex extract -q -j 1 "$TMP/in.jsonl" -o "$TMP/out.jsonl"
run "therex-j2" "$MB" 3 build-bench/therex extract -q -j 2 "$TMP/in.jsonl" -o "$TMP/out.jsonl"
run "python-re-baseline" "$MB1" 1 python3 bench/baseline_regex.py rules "$TMP/once.jsonl"
python3 - "$TMP" <<'PY'
import sys
d = sys.argv[1]
r = {k: float(open(f"{d}/rate.{k}").read()) for k in ("therex-j1", "therex-j2", "python-re-baseline")}
print(f"therex -j1 is {r['therex-j1'] / r['python-re-baseline']:.0f}x the Python re baseline; "
      f"-j2 is {r['therex-j2'] / r['python-re-baseline']:.0f}x")
PY
