#!/usr/bin/env python3
"""The README's database queries give the output printed under them.

  usage: readme_queries.py THEREX SOURCE_DIR

Runs the README's commands (extract corpus/, load into SQLite twice) in a temporary
folder, then each ```sql block of "Databases and other formats" through
`sqlite3 -header -column`, and compares with the block printed after it. Exit 0 when
all agree, 1 otherwise, 77 (skipped) when the sqlite3 shell is not installed.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile


def main():
    therex, src = sys.argv[1], sys.argv[2]
    if not shutil.which("sqlite3"):
        print("skipped: no sqlite3 shell (sh .ci/install-deps installs it)")
        return 77
    with open(os.path.join(src, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    sec = readme[readme.index("## Databases and other formats"):]
    sec = sec[:sec.index("\n## ", 5)]
    blocks = re.findall(r"```sql\n(.*?)```\n```\n(.*?)```", sec, re.S)
    if len(blocks) < 3:
        print(f"README: expected 3 queries with their output, found {len(blocks)}")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        out, db = os.path.join(tmp, "triples.jsonl"), os.path.join(tmp, "therex.sqlite")
        subprocess.run([therex, "extract", "-q", "corpus", "-o", out], cwd=src, check=True)
        for _ in range(2):  # loading twice changes nothing
            subprocess.run([therex, "load", "-q", out, "--db", db], cwd=src, check=True)
        bad = 0
        for i, (query, want) in enumerate(blocks, 1):
            got = subprocess.run(["sqlite3", "-header", "-column", db], input=query,
                                 capture_output=True, text=True, check=True).stdout
            got = "\n".join(line.rstrip() for line in got.splitlines())
            if got.strip() != want.strip():
                print(f"README query {i} gives:\n{got}\ninstead of:\n{want}")
                bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
