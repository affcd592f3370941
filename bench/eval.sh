#!/bin/sh
# Quality on the development sets of ../shared/eval, scored by therex eval (the same
# numbers as ../shared/eval/score.py): the seed abstract (as JSON Lines with id "seed"),
# the domain set (built with build_corpus.py) and Rosario & Hearst dev.
#   usage: sh bench/eval.sh [--show-errors N] [--rules-table]
set -eu
cd "$(dirname "$0")/.."
EVAL=../shared/eval
[ -d "$EVAL" ] || { echo "eval: $EVAL not found (the shared data sits beside the checkout)" >&2; exit 2; }
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DTHEREX_TESTS=OFF >/dev/null
cmake --build build-bench -j2 --target therex >/dev/null
T=build-bench/therex
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
python3 - "$EVAL/../seed/000_26bbaf43c8e1c29a.txt" "$TMP/seed.jsonl" <<'PY'
import json, sys
parts = [p.strip() for p in open(sys.argv[1], encoding="utf-8").read().split("\n\n")]
# title, citation line, abstract: the seed's own layout
json.dump({"id": "seed", "title": parts[0], "abstract": parts[2]}, open(sys.argv[2], "w"))
PY
python3 "$EVAL/build_corpus.py" "$EVAL/domain-dev.jsonl" ../shared/data/pubmed-10k/abstracts.tsv \
  "$TMP/dom.jsonl" "$TMP/dom-gold.jsonl"
python3 "$EVAL/rosario_hearst.py" "$EVAL/rosario-hearst/dev.txt" "$TMP/rh.jsonl" "$TMP/rh-gold.jsonl"
for set in seed:$EVAL/seed-gold.jsonl dom:$TMP/dom-gold.jsonl rh:$TMP/rh-gold.jsonl; do
  name=${set%%:*}; gold=${set#*:}
  echo "== $name"
  $T extract -q "$TMP/$name.jsonl" -o "$TMP/$name-pred.jsonl"
  $T eval "$gold" "$TMP/$name-pred.jsonl" "$@"
done
