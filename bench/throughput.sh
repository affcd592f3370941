#!/bin/sh
# Throughput of `therex extract` on the 9,808 real PubMed abstracts of
# ../shared/data/pubmed-10k (about 14 MB of title+abstract text), from one run, side by
# side: -j 1 and -j every core, at 1x and 4x the corpus in one file, the lexicon grown
# 10x with synthetic terms, and `pcre2grep -c` of one rule-like regex as the yardstick
# (see bench/throughput.py and bench/README.md).
#   usage: sh bench/throughput.sh [--runs N] [--lex-factor F] [--python] [--skip-4x]
#          [--skip-lex] [--skip-xml] [--therex-args "..."]
# THEREX=path/to/therex times that binary instead of building this checkout.
set -eu
cd "$(dirname "$0")/.."
SHARED=${THEREX_SHARED:-../shared}
DATA=$SHARED/data/pubmed-10k/abstracts.tsv
[ -f "$DATA" ] || { echo "bench: $DATA not found (the shared data sits beside the checkout)" >&2; exit 2; }
command -v pcre2grep >/dev/null || { echo "bench: pcre2grep not found (Debian: apt-get install pcre2-utils)" >&2; exit 2; }
if [ -z "${THEREX:-}" ]; then
  cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DTHEREX_TESTS=OFF >/dev/null
  cmake --build build-bench -j2 --target therex >/dev/null
  THEREX=build-bench/therex
fi
exec python3 bench/throughput.py "$THEREX" "${THEREX_RULES:-rules}" "$DATA" "$@"
