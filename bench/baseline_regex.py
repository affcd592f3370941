#!/usr/bin/env python3
"""The approach a user would otherwise script: Python `re`, the same lexicons as one
alternation per type, a sentence split on punctuation, and one relation regex per
sentence. Used only as the comparison point of bench/throughput.sh: it reads the same
rule files' lexicons and the same JSON Lines input, and counts the claims it finds.
usage: baseline_regex.py RULES_DIR INPUT.jsonl"""
import json
import os
import re
import sys

ENTRY = re.compile(r'^\s*"([^"]+)"|^\s*(\S+)')
QUOTED = re.compile(r'"([^"]+)"|([^\s|"=]+)')


def lexicons(rules_dir):
    terms = {"therapy": set(), "effect": set(), "condition": set()}
    for root, _, files in os.walk(rules_dir):
        for name in sorted(files):
            if not name.endswith(".rules"):
                continue
            kind = None
            for line in open(os.path.join(root, name), encoding="utf-8"):
                s = line.strip()
                if s.startswith("lexicon "):
                    kind = s.split()[1]
                elif s == "end":
                    kind = None
                elif kind in terms and s and not s.startswith("#") and "/" not in s:
                    head, _, syns = s.partition("=")
                    m = ENTRY.match(head)
                    if m and not head.startswith("|"):
                        terms[kind].add(m.group(1) or m.group(2))
                    for q in QUOTED.finditer(syns if not head.startswith("|") else s[1:]):
                        terms[kind].add(q.group(1) or q.group(2))
    return {k: re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, v), key=len, reverse=True))
                          + r")\b", re.I) for k, v in terms.items() if v}


def main():
    lex = lexicons(sys.argv[1])
    split = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")
    verbs = re.compile(r"\b(?:treat|alleviat|attenuat|ameliorat|improv|restor|reduc|prevent|"
                       r"protect)\w*\b", re.I)
    claims = 0
    for line in open(sys.argv[2], encoding="utf-8"):
        doc = json.loads(line)
        for text in (doc.get("title") or "", doc.get("abstract") or ""):
            for sent in split.split(text):
                t = [m.start() for m in lex["therapy"].finditer(sent)]
                c = [m.start() for m in lex["condition"].finditer(sent)]
                if "effect" in lex:
                    lex["effect"].findall(sent)
                if t and c:
                    v = verbs.search(sent)
                    if v:
                        claims += sum(1 for a in t for b in c if a < v.start() < b)
    print(claims)


if __name__ == "__main__":
    main()
