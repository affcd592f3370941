#!/bin/sh
# --shard K/N run by GNU parallel (README "All of PubMed"): the union of the N shards'
# outputs is the single run's, for a folder of files (sharded by file) and for one big
# file (sharded by record).
#   shards_parallel.sh THEREX TESTS_DIR
# Exit 77 (ctest: skipped), saying why, only when GNU parallel is not installed
# (sh .ci/install-deps installs it).
set -eu
therex=$1
cd "$2"
command -v parallel >/dev/null 2>&1 || {
  echo "shards_parallel: SKIPPED: GNU parallel is not installed (sh .ci/install-deps installs it)"
  exit 77
}
T=$(mktemp -d "${TMPDIR:-/tmp}/therex-shards.XXXXXX")
trap 'rm -rf "$T"' EXIT
i=0
while [ $i -lt 40 ]; do
  printf '{"id": "d%d", "text": "Rapamycin reduced fibrosis %d. Metformin improved insulin resistance in PCOS."}\n' $i $i
  i=$((i + 1))
done >"$T/many.jsonl"
fail=0
for inputs in "cases/pubmed/corpus cases/formats/corpus" "$T/many.jsonl"; do
  # shellcheck disable=SC2086
  "$therex" extract -q -r rules/unit.rules $inputs -o "$T/all.jsonl"
  rm -f "$T"/shard-*.jsonl
  # shellcheck disable=SC2086
  parallel --will-cite -j 3 "$therex" extract -q -r rules/unit.rules --shard {}/3 $inputs \
    -o "$T/shard-{}.jsonl" ::: 1 2 3
  sort "$T"/shard-*.jsonl >"$T/union"
  sort "$T/all.jsonl" >"$T/single"
  n=$(wc -l <"$T/single")
  nonempty=0
  for k in 1 2 3; do [ -s "$T/shard-$k.jsonl" ] && nonempty=$((nonempty + 1)); done
  if ! cmp -s "$T/union" "$T/single"; then
    echo "shards_parallel: FAIL: $inputs: the union of 3 shards differs from the single run"
    fail=1
  elif [ "$n" -eq 0 ] || [ $nonempty -lt 2 ]; then
    echo "shards_parallel: FAIL: $inputs: $n triples, $nonempty shards with triples"
    fail=1
  else
    echo "shards_parallel: ok: $inputs: $n triples, the union of 3 shards ($nonempty with triples)"
  fi
done
exit $fail
