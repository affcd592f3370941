#!/usr/bin/env python3
"""Turn ../shared/data/pubmed-10k/abstracts.tsv (source, id_type, id, title, abstract)
into therex's JSON Lines input, repeated N times (default 1) for longer runs.
usage: tsv_to_jsonl.py ABSTRACTS.tsv OUT.jsonl [N]"""
import csv
import json
import sys

src, out = sys.argv[1], sys.argv[2]
times = int(sys.argv[3]) if len(sys.argv) > 3 else 1
csv.field_size_limit(1 << 30)
with open(src, encoding="utf-8", newline="") as f:
    # QUOTE_NONE: the file has no quoting (titles that start with a quote lost records)
    rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
with open(out, "w", encoding="utf-8") as o:
    for k in range(times):
        for r in rows:
            o.write(json.dumps({"id": f"{r['source']}:{r['id']}#{k}", "title": r["title"],
                                "abstract": r["abstract"]}) + "\n")
