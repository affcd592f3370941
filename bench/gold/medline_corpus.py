#!/usr/bin/env python3
"""Build therex's input for bench/gold/medline-sentences.jsonl from pubmed-10k, and the
gold file with each sentence's text filled in from its range (checked against its sha1).

usage: medline_corpus.py GOLD.jsonl ABSTRACTS.tsv CORPUS_OUT.jsonl GOLD_OUT.jsonl

As ../shared/eval/build_corpus.py, but the TSV is read as therex's pubmed-10k input is
made (bench/tsv_to_jsonl.py, csv.QUOTE_NONE): with csv's default quoting a field that
opens with a quote swallows the lines after it, and 12 documents (one of them drawn
here) go missing. CORPUS_OUT holds each gold document once, {"id", "title", "abstract"},
with the id of the gold ("SOURCE:ID", no "#N" suffix)."""
import csv
import hashlib
import json
import sys


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    gold_path, tsv_path, corpus_out, gold_out = sys.argv[1:5]
    csv.field_size_limit(1 << 30)
    with open(tsv_path, encoding="utf-8", newline="") as f:
        docs = {f"{r['source']}:{r['id']}": r
                for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)}
    wanted = []
    with open(gold_path, encoding="utf-8") as f, open(gold_out, "w", encoding="utf-8") as out:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            g = json.loads(line)
            r = docs.get(g["doc"])
            if r is None:
                sys.exit(f"{gold_path}:{n}: document {g['doc']} is not in {tsv_path}")
            text = r[g["field"]][g["start"]:g["end"]]
            if hashlib.sha1(text.encode()).hexdigest() != g["sha1"]:
                sys.exit(f"{gold_path}:{n}: the text at {g['doc']} {g['field']} "
                         f"[{g['start']},{g['end']}) has changed")
            g["text"] = text
            out.write(json.dumps(g, ensure_ascii=False) + "\n")
            if g["doc"] not in wanted:
                wanted.append(g["doc"])
    with open(corpus_out, "w", encoding="utf-8") as out:
        for d in wanted:
            r = docs[d]
            out.write(json.dumps({"id": d, "title": r["title"], "abstract": r["abstract"]},
                                 ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
