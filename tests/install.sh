#!/bin/sh
# A prefix install is usable (README "Quick start", "Using the library"):
#   install.sh BUILD_DIR SOURCE_DIR
# installs the build into a temporary prefix, checks that therex.pc names that prefix,
# compiles the README's example program with pkg-config (shared library, then static)
# and runs it, and runs the installed therex from another directory, where it must find
# its rule pack under the prefix. Prints `install: N passed, N failed`; exit 1 on failure.
set -u
build=$1 src=$2
T=$(mktemp -d "${TMPDIR:-/tmp}/therex-install.XXXXXX")
trap 'rm -rf "$T"' EXIT
P="$T/prefix" # pkg-config output cannot carry a space in a path
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "install.sh: FAIL: $*" >&2; }
check() { # check DESCRIPTION COMMAND...
  d=$1; shift
  if "$@" >"$T/out" 2>&1; then ok; else bad "$d"; sed 's/^/  | /' "$T/out" >&2; fi
}

# a sanitizer build's library needs its runtime in the program too
san=""
grep -q '^CMAKE_BUILD_TYPE:STRING=Asan$' "$build/CMakeCache.txt" 2>/dev/null &&
  san="-fsanitize=address,undefined"

if ! cmake --install "$build" --prefix "$P" >"$T/log" 2>&1; then
  cat "$T/log" >&2; echo "install: 0 passed, 1 failed"; exit 1
fi
pc=$(find "$P" -name therex.pc | head -n 1)
check "therex.pc is installed under the prefix" test -n "$pc"
export PKG_CONFIG_PATH="$(dirname "$pc")"
check "pkg-config knows therex" pkg-config --exists therex
libdir=$(pkg-config --variable=libdir therex)
incdir=$(pkg-config --variable=includedir therex)
check "therex.pc's libdir is under the prefix ($libdir)" test -f "$libdir/libtherex.a"
check "therex.pc's includedir is under the prefix ($incdir)" test -f "$incdir/therex.h"
check "the shared library has a soname" sh -c "objdump -p '$libdir/libtherex.so' | grep -q 'SONAME *libtherex.so.0'"
check "the shared library exports only thx_*" sh -c \
  "! nm -D --defined-only '$libdir/libtherex.so' | awk '\$2 ~ /[TDBR]/ {print \$3}' | grep -v '^thx_'"
check "the man page is installed" test -f "$P/share/man/man1/therex.1"
check "the schema is installed" test -f "$P/share/therex/triple.schema.json"
check "the docs are installed" test -f "$P/share/doc/therex/output.md"
check "the rule pack is installed" test -f "$P/share/therex/rules/treats.rules"

# the README's example program, compiled as a user would
awk '/<!-- example: example.c -->/ {on = 1; next} on && /^```c/ {next}
     on && /^```/ {exit} on {print}' "$src/README.md" >"$T/example.c"
check "the README holds the example program" grep -q thx_ruleset_load "$T/example.c"
# shellcheck disable=SC2046
check "the example compiles with pkg-config --cflags --libs (shared)" \
  sh -c "cc -std=c11 -Wall -Wextra -Werror $san '$T/example.c' \$(pkg-config --cflags --libs therex) -o '$T/example'"
check "the example runs and prints a triple" \
  sh -c "LD_LIBRARY_PATH='$libdir' '$T/example' '$P/share/therex/rules' | grep -q '\"norm\":\"metformin\"'"
check "the example links the static library with Requires.private" \
  sh -c "cc -std=c11 $san '$T/example.c' \$(pkg-config --cflags therex) '$libdir/libtherex.a' \$(pkg-config --static --libs-only-l therex | sed 's/-ltherex//') -o '$T/example-static' && '$T/example-static' '$P/share/therex/rules' | grep -q metformin"

# the installed therex, from a directory without rules/ and without $THEREX_RULES
mkdir -p "$T/elsewhere"
cp "$src/corpus/seed.txt" "$T/elsewhere/seed.txt"
check "the installed therex runs from another directory with its own rule pack" \
  sh -c "cd '$T/elsewhere' && env -u THEREX_RULES '$P/bin/therex' extract -q seed.txt -o out.jsonl && test -s out.jsonl && grep -q 'share/therex/rules/' out.jsonl"
check "its triples are those of the source tree's rule pack" \
  sh -c "cd '$src' && '$P/bin/therex' extract -q -r rules '$T/elsewhere/seed.txt' -o - | wc -l >'$T/n1' && wc -l <'$T/elsewhere/out.jsonl' >'$T/n2' && cmp '$T/n1' '$T/n2'"
# moved as a whole, it still finds its rules (nothing points at the install prefix)
mv "$P" "$T/moved"
check "a moved prefix still finds its rule pack" \
  sh -c "cd '$T/elsewhere' && env -u THEREX_RULES '$T/moved/bin/therex' extract -q seed.txt -o out2.jsonl && test -s out2.jsonl"
check "the installed report command writes a page" \
  sh -c "cd '$T/elsewhere' && '$T/moved/bin/therex' report -q out.jsonl -o report.html && grep -q '<html' report.html"

echo "install: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
