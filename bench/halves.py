#!/usr/bin/env python3
"""Split the development sets into two halves by document id, and summarise scores.

The half of a document is decided by its id alone, so it never changes when a set
grows, when rules change, or from machine to machine:

    half(id) = "A" if the first hex digit of md5(id as UTF-8) is even (0 2 4 6 8 a c e)
               "B" otherwise

except the seed abstract (id "seed"), which is always in A: it is the worked example the
rule pack was written from, studied by definition (by the hash alone it would be B).

Half A is the half the team studies (read its errors, write rules for them); half B is
the estimate: a fix is judged on B (and on what it changes over pubmed-10k), and B's
errors are not read.

usage:
  halves.py of ID...                    print the half of each id
  halves.py filter HALF KIND IN OUT     keep the records of half HALF (A, B or all); prints
                                        the number of distinct documents kept
      KIND gold    JSON Lines with a "doc" field (score.py gold files)
           pred    therex extract output (doc.id; a trailing "#N" copy suffix is ignored)
           corpus  therex input, JSON Lines with an "id" field
           biored  the document-level gold of biored.py corpus (a JSON object keyed by id)
  halves.py rules [PATH...]             name a rule pack: its paths (default $THEREX_RULES,
                                        else rules/), number of .rules files, and a sha1 of
                                        their names and contents (same sha1 = same rules)
  halves.py summary DIR                 print the table of the results in DIR (written by
                                        bench/eval.sh --summary: SET.HALF.json, SET.meta)
"""
import hashlib
import json
import os
import signal
import sys

PINNED = {"seed": "A"}
SETS = ["seed", "dom", "rh", "biored-train", "biored-dev", "mline"]
HALVES = ["A", "B", "all"]


LEGEND = """\
gold, pred: gold pairs and predicted pairs (therapy-condition, unique per sentence) on the
  annotated sentences; for BioRED, gold Chemical-Disease Negative_Correlation (treats) pairs
  and claimed pairs whose two sides are gold entities of the document (biored.py score).
pair P/R/F1: score.py's pair level; for BioRED its precision and treats recall (document
  level, by id or text). eff F1: therapy-effect level. neg, hedged: flag accuracy over the
  matched triples. harm: claimed pairs BioRED calls Positive_Correlation (the chemical
  causes the disease). idR: BioRED treats recall by MeSH id alone (normalisation).
'-': nothing to measure (empty half, no prediction or no gold). Halves: md5(doc id), first
  hex digit even = A (studied), odd = B (estimate); seed pinned to A. Small halves are
  noisy: with 30 gold pairs one pair moves recall by 0.033."""


def half(doc_id):
    doc_id = str(doc_id)
    if doc_id in PINNED:
        return PINNED[doc_id]
    return "A" if hashlib.md5(doc_id.encode("utf-8")).hexdigest()[0] in "02468ace" else "B"


def base_id(doc_id):
    """therex input built by tsv_to_jsonl.py carries a '#N' copy suffix."""
    s = str(doc_id)
    head, sep, tail = s.rpartition("#")
    return head if sep and tail.isdigit() else s


def keep(which, doc_id):
    return which == "all" or half(doc_id) == which


def cmd_filter(which, kind, src, dst):
    if which not in HALVES:
        sys.exit(f"halves.py: half must be A, B or all, not {which!r}")
    if kind == "biored":
        with open(src, encoding="utf-8") as f:
            gold = json.load(f)
        kept = {k: v for k, v in gold.items() if keep(which, k)}
        with open(dst, "w", encoding="utf-8") as f:
            json.dump(kept, f, indent=0, sort_keys=True)
        print(len(kept))
        return
    if kind not in ("gold", "pred", "corpus"):
        sys.exit(f"halves.py: unknown kind {kind!r} (gold, pred, corpus or biored)")
    docs = set()
    with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as out:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                sys.exit(f"{src}:{n}: not JSON: {e}")
            if kind == "gold":
                doc = r.get("doc")
            elif kind == "corpus":
                doc = r.get("id")
            else:
                d = r.get("doc")
                doc = base_id(d.get("id") if isinstance(d, dict) else d)
            if doc is None:
                sys.exit(f"{src}:{n}: no document id")
            if keep(which, doc):
                docs.add(str(doc))
                out.write(line if line.endswith("\n") else line + "\n")
    print(len(docs))


def describe_rules(paths):
    """'PATH[, PATH] (N files, sha1 XXXXXXXXXXXX)' for the rule files under paths."""
    if not paths:
        env = os.environ.get("THEREX_RULES")
        paths = [os.path.abspath(env or "rules")]
    h = hashlib.sha1()
    n = 0
    for p in paths:
        files = []
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                files += [os.path.join(root, f) for f in names if f.endswith(".rules")]
        elif os.path.exists(p):
            files = [p]
        for f in sorted(files):
            rel = os.path.relpath(f, p) if os.path.isdir(p) else os.path.basename(f)
            h.update(rel.encode() + b"\0")
            with open(f, "rb") as fh:
                h.update(fh.read() + b"\0")
            n += 1
    return f"{', '.join(paths)} ({n} .rules files, sha1 {h.hexdigest()[:12]})"


def fmt(x, width=6):
    if x is None:
        return "-".rjust(width)
    return f"{x:.3f}".rjust(width)


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def cmd_summary(d):
    meta = {}
    for name in sorted(os.listdir(d)):
        if name.endswith(".meta"):
            with open(os.path.join(d, name), encoding="utf-8") as f:
                meta[name[:-5]] = json.load(f)
    head = ("set", "half", "docs", "sents", "gold", "pred", "pair P", "pair R", "pair F1",
            "eff F1", "neg", "hedged", "harm", "idR")
    widths = (12, 4, 5, 5, 5, 5, 6, 6, 7, 6, 6, 6, 5, 6)
    line = lambda cells: "  ".join(str(c).ljust(w) if i < 2 else str(c).rjust(w)
                                   for i, (c, w) in enumerate(zip(cells, widths))).rstrip()
    print(line(head))
    for s in SETS:
        for h in HALVES:
            path = os.path.join(d, f"{s}.{h}.json")
            if not os.path.exists(path):
                continue
            with open(path, encoding="utf-8") as f:
                r = json.load(f)
            m = meta.get(f"{s}.{h}", {})
            if s.startswith("biored"):
                a, b = r["id_or_text"], r["by_id"]
                p = a["precision"] if a["claimed"] else None
                rc = a["recall"] if a["gold"] else None
                cells = (s, h, m.get("docs", "-"), "-", a["gold"], a["claimed"], fmt(p), fmt(rc),
                         fmt(None if p is None or rc is None else round(f1(p, rc), 3), 7),
                         fmt(None), fmt(None), fmt(None), a["harm"],
                         fmt(b["recall"] if b["gold"] else None))
            else:
                pr, ef = r["pair"], r["effect"]
                p = pr["precision"] if pr["predicted"] else None
                rc = pr["recall"] if pr["gold"] else None
                ef1 = ef["f1"] if ef["predicted"] and ef["gold"] else None
                cells = (s, h, m.get("docs", "-"), r["sentences"], pr["gold"], pr["predicted"],
                         fmt(p), fmt(rc), fmt(pr["f1"] if p is not None and rc is not None else None, 7),
                         fmt(ef1), fmt(r["negated_accuracy"]), fmt(r["hedged_accuracy"]), "-", fmt(None))
            print(line(cells))
    print(LEGEND)


def main(argv):
    if len(argv) >= 2 and argv[0] == "of":
        for i in argv[1:]:
            print(half(i))
    elif len(argv) == 5 and argv[0] == "filter":
        cmd_filter(argv[1], argv[2], argv[3], argv[4])
    elif len(argv) >= 1 and argv[0] == "rules":
        print(describe_rules(argv[1:]))
    elif len(argv) == 2 and argv[0] == "summary":
        cmd_summary(argv[1])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet under | head
    main(sys.argv[1:])
