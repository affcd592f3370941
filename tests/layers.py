#!/usr/bin/env python3
"""The source tree keeps the pipeline's one-way flow (docs/architecture.md).

  usage: layers.py SRC_DIR LIBTHEREX_A

Checks, and prints every breach as `path:line: error: ...`:
  1. a file includes from another folder only that folder's face header, and only from
     a folder its own folder may use (ALLOWED below);
  2. the same holds for the symbols the library's objects use (nm of libtherex.a);
  3. no two source files call each other, directly or around a loop.
Exit 0 when all hold, 1 otherwise.
"""
import os
import re
import subprocess
import sys

# Which folders each folder may use. The CLI may use every face.
ALLOWED = {
    "util": set(),
    "input": {"util"},
    "lexicon": {"util"},
    "rules": {"lexicon", "util"},
    "claims": {"rules", "lexicon", "input", "util"},
    "output": {"util"},
    "eval": {"util"},
    "report": {"util"},
    "cli": {"util", "input", "lexicon", "rules", "claims", "output", "eval", "report"},
}
# The one header of a folder that other folders may include. input/ offers only the
# public API (include/therex.h); output/ the JSON writer there and its other sinks in
# output.h (used by the CLI).
FACE = {
    "util": "util.h",
    "lexicon": "lexicon.h",
    "rules": "rules.h",
    "claims": "claims.h",
    "eval": "score.h",
    "output": "output.h",
    "report": "report.h",
}


def check_includes(src, errors):
    inc = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
    for folder in sorted(os.listdir(src)):
        d = os.path.join(src, folder)
        if not os.path.isdir(d):
            continue
        if folder not in ALLOWED:
            errors.append(f"{d}: error: folder not in the layer table of tests/layers.py")
            continue
        for name in sorted(os.listdir(d)):
            if not name.endswith((".c", ".h")):
                continue
            path = os.path.join(d, name)
            with open(path, encoding="utf-8") as f:
                for ln, line in enumerate(f, 1):
                    m = inc.match(line)
                    if not m or "/" not in m.group(1):
                        continue
                    other, header = m.group(1).split("/", 1)
                    if other not in ALLOWED[folder]:
                        errors.append(f"{path}:{ln}: error: {folder}/ may not use {other}/")
                    elif FACE.get(other) != header:
                        errors.append(f"{path}:{ln}: error: {other}/{header} is internal; "
                                      f"include {other}/{FACE.get(other, '(none: use therex.h)')}")


def symbol_graph(archive):
    out = subprocess.run(["nm", "-A", archive], capture_output=True, text=True, check=True).stdout
    defined, used = {}, {}
    row = re.compile(r"^.*:([^:/]+\.o):\s*(?:[0-9a-fA-F]+\s+)?([A-Za-z])\s+(\S+)$")
    for line in out.splitlines():
        m = row.match(line)
        if not m:
            continue
        obj, kind, sym = m.groups()
        if kind in "TDBRC":
            defined[sym] = obj
        elif kind == "U":
            used.setdefault(obj, set()).add(sym)
    edges = {}
    for obj, syms in used.items():
        for s in syms:
            if s in defined and defined[s] != obj:
                edges.setdefault(obj, {}).setdefault(defined[s], set()).add(s)
    return edges


def check_symbols(src, archive, errors):
    folder_of = {}
    for folder in ALLOWED:
        d = os.path.join(src, folder)
        if os.path.isdir(d):
            for name in os.listdir(d):
                if name.endswith(".c"):
                    folder_of[name + ".o"] = folder
    edges = symbol_graph(archive)
    for a, outs in sorted(edges.items()):
        for b, syms in sorted(outs.items()):
            fa, fb = folder_of.get(a), folder_of.get(b)
            if fa and fb and fa != fb and fb not in ALLOWED[fa]:
                errors.append(f"src/{fa}/{a[:-2]}: error: calls src/{fb}/{b[:-2]} "
                              f"({', '.join(sorted(syms)[:3])})")
    # loops: Tarjan's strongly connected components over files
    index, low, stack, on, comps, n = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = n[0]
        n[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, {}):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                comps.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(set(edges) | {w for o in edges.values() for w in o}):
        if v not in index:
            visit(v)
    for comp in comps:
        errors.append("error: these files call each other in a loop: " +
                      ", ".join(c[:-2] for c in comp))


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    src, archive = sys.argv[1], sys.argv[2]
    errors = []
    check_includes(src, errors)
    check_symbols(src, archive, errors)
    for e in errors:
        print(e)
    print(f"layers: {len(errors)} breach{'es' if len(errors) != 1 else ''}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
