#!/bin/sh
# The PostgreSQL test (README "Databases and other formats"): starts a throwaway
# PostgreSQL server from Debian's postgresql package on loopback, with its data folder
# in a temporary folder (as the user postgres, or nobody, when run as root), loads the
# triples of corpus/ into it twice with `therex load --pg`, and checks that the second
# load changed no count, that the counts are those of the same load into SQLite, and
# that a query gives the same rows in both, and that a rerun with fewer triples leaves
# none of the first run's (each document is replaced whole). Everything is removed at
# the end.
#
#   usage: sh .ci/pg-test.sh [BUILD_DIR]      (default: build)
#
# Installs postgresql (sh .ci/install-deps) when it is missing; only when that cannot
# be done is the test skipped, with a message saying so (exit 0).
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
therex=$(pwd)/$build/therex
[ -x "$therex" ] || { echo "pg-test: no $therex: build first" >&2; exit 2; }

pgbin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
bin=$(pgbin)
if [ -z "$bin" ]; then
  sh .ci/install-deps || true
  bin=$(pgbin)
fi
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "pg-test: SKIPPED: the postgresql package could not be installed (no initdb under /usr/lib/postgresql/*/bin)"
  exit 0
fi

tmp=$(mktemp -d /tmp/therex-pg.XXXXXX)
chmod 755 "$tmp"
as=""
if [ "$(id -u)" -eq 0 ]; then
  user=postgres
  id "$user" >/dev/null 2>&1 || user=nobody
  as="runuser -u $user --"
  mkdir "$tmp/pg" && chown "$user" "$tmp/pg"
else
  mkdir "$tmp/pg"
fi
stop() {
  $as "$bin/pg_ctl" -D "$tmp/pg/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap stop EXIT
trap 'exit 130' INT TERM HUP

port=$((20000 + $$ % 20000))
$as "$bin/initdb" -D "$tmp/pg/data" -U therex --auth=trust -E UTF8 --locale=C >"$tmp/initdb.log" 2>&1 ||
  { cat "$tmp/initdb.log"; exit 1; }
$as "$bin/pg_ctl" -D "$tmp/pg/data" -l "$tmp/pg/log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $tmp/pg -c fsync=off" start >/dev/null ||
  { cat "$tmp/pg/log"; exit 1; }
psql() { "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U therex "$@"; }
psql -d postgres -c "CREATE DATABASE therex"
url="postgresql://therex@127.0.0.1:$port/therex"
echo "pg-test: $("$bin/postgres" --version | sed 's/^postgres (PostgreSQL)/PostgreSQL/') on 127.0.0.1:$port, data in $tmp/pg/data"

"$therex" extract -q corpus -o "$tmp/triples.jsonl"
lines=$(wc -l <"$tmp/triples.jsonl")
tables="documents sentences rules therapies conditions triples cues evidence"
counts() { # the rows of every table, one line
  for t in $tables; do printf '%s=%s ' "$t" "$("$@" "SELECT COUNT(*) FROM $t")"; done
}
pgq() { psql -d "${pgdb:-therex}" -At -c "$1"; }
sq() { sqlite3 "$tmp/therex.sqlite" "$1"; }

"$therex" load "$tmp/triples.jsonl" --pg "$url"
first=$(counts pgq)
"$therex" load -q "$tmp/triples.jsonl" --pg "$url"
second=$(counts pgq)
"$therex" load -q "$tmp/triples.jsonl" --db "$tmp/therex.sqlite"
lite=$(counts sq)
echo "pg-test: after the first load:  $first"
echo "pg-test: after the second load: $second"
fail=0
[ "$first" = "$second" ] || { echo "pg-test: FAIL: the second load changed the counts"; fail=1; }
[ "$first" = "$lite" ] || { echo "pg-test: FAIL: SQLite has other counts: $lite"; fail=1; }
case "$first" in *"triples=$lines "*) ;; *) echo "pg-test: FAIL: not $lines triples"; fail=1 ;; esac
[ "$(pgq 'SELECT version FROM schema_version')" = 1 ] || { echo "pg-test: FAIL: schema_version"; fail=1; }
# a query of the README gives the same rows in both databases
q="SELECT therapy, COUNT(DISTINCT doc_id), COUNT(*), SUM(negated), SUM(hedged) FROM triples
   GROUP BY therapy ORDER BY 2 DESC, 3 DESC, therapy"
if [ "$(pgq "$q")" != "$(sq "$q")" ]; then
  echo "pg-test: FAIL: a query gives other rows in PostgreSQL and SQLite"; fail=1
fi
# --pg with extract writes the same rows
psql -d postgres -c "CREATE DATABASE therex2"
"$therex" extract -q corpus --pg "postgresql://therex@127.0.0.1:$port/therex2"
direct=$(pgdb=therex2 counts pgq)
[ "$direct" = "$first" ] || { echo "pg-test: FAIL: extract --pg wrote other counts: $direct"; fail=1; }
# a rerun replaces each document whole: with fewer triples (a higher --min-confidence) the
# database holds just the new run's, none left over from the first
"$therex" extract -q corpus --min-confidence 0.8 -o "$tmp/high.jsonl"
high=$(wc -l <"$tmp/high.jsonl")
"$therex" extract -q corpus --min-confidence 0.8 --pg "postgresql://therex@127.0.0.1:$port/therex2"
n=$(pgdb=therex2 pgq 'SELECT COUNT(*) FROM triples')
[ "$n" = "$high" ] && [ "$high" -lt "$lines" ] ||
  { echo "pg-test: FAIL: a rerun with --min-confidence 0.8 left $n triples, not $high (of $lines)"; fail=1; }
[ $fail = 0 ] && echo "pg-test: ok ($lines triples, loaded twice)"
exit $fail
