#!/usr/bin/env python3
"""Draw the sentences of bench/gold/medline-sentences.jsonl from pubmed-10k.

usage: medline_draw.py [--shared DIR] [--n 400] [--seed 20261207] OUT.jsonl

Every sentence of every pubmed-10k abstract (../shared/data/pubmed-10k/abstracts.tsv),
titles included, is listed as therex splits it (bench/sentence_spans.c, compiled here
with gcc: thx_split_sentences over the title and the abstract apart, as therex extract
does). The list is shuffled with random.Random(SEED) and taken in that order, skipping a
sentence when its document already gave 2 (at most 2 per abstract), until N are taken;
titles therefore come in their natural proportion. Documents of the other development
sets are left out: those of ../shared/eval/domain-dev.jsonl and those whose PMID is in
BioRED train or dev (../shared/eval/biored/*.pubtator). After the draw, the sentences of
the sources that may hold the held-out sets (HELD_OUT_SOURCES: the 308 abstracts of the
SemRep gold standard, and BioRED abstracts that are in neither train nor dev, which may be
its test set) are dropped, so that nobody studies them; the rest of the draw is unchanged.

OUT lines are the unannotated gold skeleton, in the order drawn, in the format of
../shared/eval/domain-dev.jsonl (build_corpus.py reads it back):
  {"doc": "SOURCE:ID", "field": "title"|"abstract", "start", "end" (code points into
   the field), "sha1" (of the text), "text", "triples": []}
"""
import argparse
import csv
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile

# pubmed-10k sources whose abstracts may be those of a held-out set (see the docstring).
HELD_OUT_SOURCES = {"semrep-gs308", "biored"}

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(TOP), "shared"))
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--seed", type=int, default=20261207)
    ap.add_argument("--per-doc", type=int, default=2)
    a = ap.parse_args()
    tsv = os.path.join(a.shared, "data", "pubmed-10k", "abstracts.tsv")

    with tempfile.TemporaryDirectory() as tmp:
        exe = os.path.join(tmp, "sentence_spans")
        subprocess.run(["gcc", "-std=c11", "-O2", "-D_POSIX_C_SOURCE=200809L", "-I", "include",
                        "-I", "src", "bench/sentence_spans.c", "src/input/sentence.c",
                        "src/util/util.c", "-o", exe], cwd=TOP, check=True)
        spans = subprocess.run([exe, tsv], check=True, capture_output=True).stdout

    csv.field_size_limit(1 << 30)
    with open(tsv, encoding="utf-8", newline="") as f:
        docs = {f"{r['source']}:{r['id']}": r
                for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)}

    skip = set()
    with open(os.path.join(a.shared, "eval", "domain-dev.jsonl"), encoding="utf-8") as f:
        skip |= {json.loads(l)["doc"] for l in f if l.strip()}
    pmids = set()
    for split in ("train", "dev"):
        with open(os.path.join(a.shared, "eval", "biored", split + ".pubtator"), encoding="utf-8") as f:
            pmids |= {l.split("|", 1)[0] for l in f if "|t|" in l[:20]}
    skip |= {d for d, r in docs.items() if r["id"] in pmids}

    sents = []
    for line in spans.decode("utf-8").splitlines():
        src, ident, fld, s, e = line.split("\t")
        doc = f"{src}:{ident}"
        if doc in skip:
            continue
        raw = docs[doc][fld].encode("utf-8")
        s, e = int(s), int(e)
        # byte offsets (therex) -> code points (Python slices, build_corpus.py)
        cs = len(raw[:s].decode("utf-8"))
        ce = cs + len(raw[s:e].decode("utf-8"))
        text = docs[doc][fld][cs:ce]
        assert text.encode("utf-8") == raw[s:e]
        sents.append((doc, fld, cs, ce, text))

    random.Random(a.seed).shuffle(sents)
    taken, per = [], {}
    for doc, fld, cs, ce, text in sents:
        if per.get(doc, 0) >= a.per_doc:
            continue
        per[doc] = per.get(doc, 0) + 1
        taken.append({"doc": doc, "field": fld, "start": cs, "end": ce,
                      "sha1": hashlib.sha1(text.encode()).hexdigest(), "text": text,
                      "triples": []})
        if len(taken) == a.n:
            break
    held = [g for g in taken if g["doc"].split(":", 1)[0] in HELD_OUT_SOURCES]
    taken = [g for g in taken if g not in held]
    with open(a.out, "w", encoding="utf-8") as o:
        for g in taken:
            o.write(json.dumps(g, ensure_ascii=False) + "\n")
    titles = sum(g["field"] == "title" for g in taken)
    print(f"{len(sents)} sentences in {len(docs) - len(skip & set(docs))} documents "
          f"({len(skip & set(docs))} left out); drew {len(taken)} ({titles} titles) "
          f"from {len(per)} documents; dropped {len(held)} of held-out sources", file=sys.stderr)


if __name__ == "__main__":
    main()
