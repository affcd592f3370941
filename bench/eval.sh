#!/bin/sh
# Quality on the development sets of ../shared/eval, scored by therex eval (the same
# numbers as ../shared/eval/score.py): the seed abstract (as JSON Lines with id "seed"),
# the domain set (built with build_corpus.py) and Rosario & Hearst dev; and, with --half,
# --summary or --sets, BioRED train and dev (document level, scored by ../shared/eval/biored.py)
# and mline, 800 random pubmed-10k sentences annotated in bench/gold/medline-sentences.jsonl
# (see bench/gold/README.md; its input is built from ../shared/data/pubmed-10k).
#
#   usage: sh bench/eval.sh [-r RULES]... [--half H] [--sets LIST] [--summary]
#                           [--show-errors N] [--rules-table] [--json]
#
#   -r, --rules PATH  rule file or directory for therex extract, repeatable (default:
#                     therex's own, $THEREX_RULES, else this checkout's rules/)
#   --half H          A, B, all, or a comma list of them such as A,B (default: all, the
#                     whole set). Each development set is split in two by document id:
#                     md5 of the id (UTF-8), first hex digit even = A, odd = B; the seed
#                     abstract is pinned to A (see bench/halves.py). Gold and predictions
#                     are both filtered by document, so the counts of A and B add up to all.
#                     Half A is the half the team studies (reads errors of); half B is the
#                     estimate a fix is judged on: do not read B's errors.
#   --sets LIST       comma list among seed,dom,rh,biored-train,biored-dev,mline. Default:
#                     seed,dom,rh (the historical output); with --half or --summary, all six.
#   --summary         one table, set x half (default halves A,B,all): documents, sentences,
#                     gold and predicted pairs, pair P/R/F1, effect F1, negated/hedged
#                     accuracy; for BioRED treats-pair recall, precision, harm and recall by
#                     MeSH id alone. Save it before a change and diff it after.
#   --show-errors N, --rules-table, --json
#                     passed to therex eval (--show-errors and --json also to biored.py score)
#
#   environment: THEREX=path/to/therex scores that binary instead of building this
#   checkout (build-bench/); THEREX_SHARED=dir replaces ../shared (beside the checkout).
#
# With no option the output is the same as it always was: "== seed", "== dom", "== rh",
# each followed by therex eval's report on the whole set.
set -eu
usage() { sed -n '2,/^set -eu/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit "${1:-2}"; }
die() { echo "eval: $*" >&2; exit 2; }
abspath() { case $1 in /*) printf '%s\n' "$1" ;; *) printf '%s/%s\n' "$PWD" "$1" ;; esac; }
NL='
'
RULES_ARGS=""; RULES_PATHS=""; EVAL_ARGS=""; BIORED_ARGS=""; HALVES=""; SETS=""; SUMMARY=0; SHOW=0
while [ $# -gt 0 ]; do
  case $1 in
    -r|--rules) [ $# -ge 2 ] || die "$1 needs a path"
      [ -e "$2" ] || die "rules: $2 not found"
      RULES_ARGS="$RULES_ARGS-r$NL$(abspath "$2")$NL"; RULES_PATHS="$RULES_PATHS$(abspath "$2")$NL"; shift 2 ;;
    --rules=*) p=${1#--rules=}; [ -e "$p" ] || die "rules: $p not found"
      RULES_ARGS="$RULES_ARGS-r$NL$(abspath "$p")$NL"; RULES_PATHS="$RULES_PATHS$(abspath "$p")$NL"; shift ;;
    --half) [ $# -ge 2 ] || die "--half needs A, B or all"; HALVES=$2; shift 2 ;;
    --half=*) HALVES=${1#--half=}; shift ;;
    --sets) [ $# -ge 2 ] || die "--sets needs a list"; SETS=$2; shift 2 ;;
    --sets=*) SETS=${1#--sets=}; shift ;;
    --summary) SUMMARY=1; shift ;;
    --show-errors) [ $# -ge 2 ] || die "--show-errors needs a number"
      case $2 in ''|*[!0-9]*) die "--show-errors needs a number, not '$2'" ;; esac
      SHOW=$2; EVAL_ARGS="$EVAL_ARGS--show-errors$NL$2$NL"
      BIORED_ARGS="$BIORED_ARGS--show-errors$NL$2$NL"; shift 2 ;;
    --rules-table) EVAL_ARGS="$EVAL_ARGS--rules-table$NL"; shift ;;
    --json) EVAL_ARGS="$EVAL_ARGS--json$NL"; BIORED_ARGS="$BIORED_ARGS--json$NL"; shift ;;
    -h|--help) usage 0 ;;
    *) echo "eval: unknown option '$1'" >&2; usage >&2 ;;
  esac
done
EXPLICIT=0
if [ -n "$HALVES$SETS" ] || [ $SUMMARY = 1 ]; then EXPLICIT=1; fi
if [ -z "$HALVES" ]; then
  if [ $SUMMARY = 1 ]; then HALVES=A,B,all; else HALVES=all; fi
fi
if [ -z "$SETS" ]; then
  if [ $EXPLICIT = 1 ]; then SETS=seed,dom,rh,biored-train,biored-dev,mline; else SETS=seed,dom,rh; fi
fi
HALVES=$(printf '%s' "$HALVES" | tr ',' ' '); SETS=$(printf '%s' "$SETS" | tr ',' ' ')
for h in $HALVES; do case $h in A|B|all) ;; *) die "--half: '$h' is not A, B or all" ;; esac; done
for s in $SETS; do case $s in seed|dom|rh|biored-train|biored-dev|mline) ;;
  *) die "--sets: '$s' is not seed, dom, rh, biored-train, biored-dev or mline" ;; esac; done
if [ $SUMMARY = 1 ] && [ -n "$EVAL_ARGS" ]; then
  die "--summary prints only the table (no --show-errors, --rules-table or --json)"
fi
if [ "$SHOW" != 0 ]; then
  for h in $HALVES; do
    [ "$h" = A ] || { echo "eval: note: the errors shown include half B, the estimate half; study half A (--half A)" >&2; break; }
  done
fi

[ -z "${THEREX_SHARED:-}" ] || THEREX_SHARED=$(abspath "$THEREX_SHARED")
# therex runs from the top of the checkout: a relative $THEREX_RULES means the caller's
[ -z "${THEREX_RULES:-}" ] || { THEREX_RULES=$(abspath "$THEREX_RULES"); export THEREX_RULES; }
if [ -n "${THEREX:-}" ]; then
  case $THEREX in */*) T=$(abspath "$THEREX") ;; *) T=$(command -v "$THEREX" || true) ;; esac
  [ -n "$T" ] && [ -x "$T" ] && [ ! -d "$T" ] || die "THEREX=$THEREX is not an executable file"
fi
cd "$(dirname "$0")/.."
BENCH=$PWD/bench
SHARED=${THEREX_SHARED:-$(dirname "$PWD")/shared}
EVAL=$SHARED/eval
[ -d "$EVAL" ] || die "$EVAL not found (the shared data sits beside the checkout; or set THEREX_SHARED)"
need() { for f in "$@"; do [ -e "$f" ] || die "$f not found (incomplete shared data in $SHARED)"; done; }
if [ -z "${THEREX:-}" ]; then
  cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DTHEREX_TESTS=OFF >/dev/null
  cmake --build build-bench -j2 --target therex >/dev/null
  T=build-bench/therex
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM

extract() { # input, output
  ( IFS=$NL; set -f; exec "$T" extract -q $RULES_ARGS "$1" -o "$2" )
}
score() { # gold, prediction
  ( IFS=$NL; set -f; exec "$T" eval "$1" "$2" $EVAL_ARGS )
}
score_biored() { # gold, prediction
  ( IFS=$NL; set -f; exec python3 "$EVAL/biored.py" score "$1" "$2" $BIORED_ARGS )
}
prepare() { # set name: writes $TMP/NAME.jsonl (input) and NAME's gold; prints the gold path
  case $1 in
    seed)
      need "$SHARED/seed/000_26bbaf43c8e1c29a.txt" "$EVAL/seed-gold.jsonl"
      python3 - "$SHARED/seed/000_26bbaf43c8e1c29a.txt" "$TMP/seed.jsonl" <<'PY'
import json, sys
parts = [p.strip() for p in open(sys.argv[1], encoding="utf-8").read().split("\n\n")]
# title, citation line, abstract: the seed's own layout
json.dump({"id": "seed", "title": parts[0], "abstract": parts[2]}, open(sys.argv[2], "w"))
PY
      echo "$EVAL/seed-gold.jsonl" ;;
    dom)
      need "$EVAL/domain-dev.jsonl" "$SHARED/data/pubmed-10k/abstracts.tsv"
      python3 "$EVAL/build_corpus.py" "$EVAL/domain-dev.jsonl" "$SHARED/data/pubmed-10k/abstracts.tsv" \
        "$TMP/dom.jsonl" "$TMP/dom-gold.jsonl"
      echo "$TMP/dom-gold.jsonl" ;;
    rh)
      need "$EVAL/rosario-hearst/dev.txt"
      python3 "$EVAL/rosario_hearst.py" "$EVAL/rosario-hearst/dev.txt" "$TMP/rh.jsonl" "$TMP/rh-gold.jsonl"
      echo "$TMP/rh-gold.jsonl" ;;
    mline)
      need "$SHARED/data/pubmed-10k/abstracts.tsv"
      python3 "$BENCH/gold/medline_corpus.py" "$BENCH/gold/medline-sentences.jsonl" \
        "$SHARED/data/pubmed-10k/abstracts.tsv" "$TMP/mline.jsonl" "$TMP/mline-gold.jsonl"
      echo "$TMP/mline-gold.jsonl" ;;
    biored-train|biored-dev)
      split=${1#biored-}
      need "$EVAL/biored.py" "$EVAL/biored/$split.pubtator"
      python3 "$EVAL/biored.py" corpus "$EVAL/biored/$split.pubtator" "$TMP/$1.jsonl" "$TMP/$1-gold.json" \
        2>"$TMP/$1.log" || { cat "$TMP/$1.log" >&2; exit 1; }
      echo "$TMP/$1-gold.json" ;;
  esac
}

if [ $SUMMARY = 1 ]; then
  mkdir "$TMP/sum"
  echo "therex: $T ($("$T" --version 2>/dev/null || echo '?'))"
  echo "rules:  $( IFS=$NL; set -f; python3 "$BENCH/halves.py" rules $RULES_PATHS )"
fi
for name in $SETS; do
  gold=$(prepare "$name")
  extract "$TMP/$name.jsonl" "$TMP/$name-pred.jsonl"
  for h in $HALVES; do
    case $name in biored-*) kind=biored ;; *) kind=gold ;; esac
    if [ "$h" = all ] && [ $SUMMARY = 0 ]; then
      g=$gold; p=$TMP/$name-pred.jsonl
    else
      g=$TMP/$name-gold.$h; p=$TMP/$name-pred.$h.jsonl
      docs=$(python3 "$BENCH/halves.py" filter "$h" "$kind" "$gold" "$g")
      python3 "$BENCH/halves.py" filter "$h" pred "$TMP/$name-pred.jsonl" "$p" >/dev/null
    fi
    if [ $SUMMARY = 1 ]; then
      printf '{"docs": %s}\n' "$docs" > "$TMP/sum/$name.$h.meta"
      if [ $kind = biored ]; then
        python3 "$EVAL/biored.py" score "$g" "$p" --json > "$TMP/sum/$name.$h.json"
      else
        "$T" eval "$g" "$p" --json > "$TMP/sum/$name.$h.json"
      fi
      continue
    fi
    if [ "$h" = all ]; then echo "== $name"; else echo "== $name half $h ($docs documents)"; fi
    if [ $kind = biored ]; then score_biored "$g" "$p"; else score "$g" "$p"; fi
  done
done
[ $SUMMARY = 0 ] || python3 "$BENCH/halves.py" summary "$TMP/sum"
