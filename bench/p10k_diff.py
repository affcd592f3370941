#!/usr/bin/env python3
"""What a change does over the 9,808 PubMed abstracts of ../shared/data/pubmed-10k:
runs an old and a new therex (two binaries, two rule packs, or both) on the same input
and prints the triples added, removed and changed, in total and per rule, and a
reproducible random sample of added, removed and changed triples with their sentence,
for a reviewer to read.

usage: p10k_diff.py [--old-bin BIN] [--new-bin BIN] [--old-rules PATH]... [--new-rules PATH]...
                    [--old-out FILE] [--new-out FILE] [--keep DIR]
                    [--sample N] [--seed S] [--jobs J] [--rules-limit K]

  --old-bin, --new-bin    therex binaries (default: $THEREX, else this checkout's
                          build-bench/therex, built in Release as bench/eval.sh does)
  --old-rules, --new-rules
                          rule file or directory, repeatable (default: therex's own:
                          $THEREX_RULES, else this checkout's rules/)
  --old-out, --new-out    an earlier output (therex extract JSON Lines over the same input)
                          used instead of running that side
  --keep DIR              keep the input and both outputs in DIR (input.jsonl, old.jsonl,
                          new.jsonl), to pass as --old-out later
  --sample N              N added, N removed and N changed triples shown (default 10; 0: none)
  --seed S                seed of the sample (default 1): same seed, same inputs, same sample
  --jobs J                therex extract -j (default 2: the machine is shared)
  --rules-limit K         at most K rows in the per-rule table (default: all that changed)

A triple is identified by (document id, sentence index, therapy norm, condition norm,
effect norm). Same key on both sides: "changed" when any of rule id, predicate,
negated, hedged, cues, coref, scope, confidence, evidence sentences or the slots' text,
id and offsets differ (rule file and line are ignored: moving a rule is not a change).
Several triples under one key are paired identical first, then by rule id, then in
order; what is left over is added or removed. Per rule, added and changed triples count
under their new rule, removed under their old one.

Typical uses (from the top of a checkout):
  python3 bench/p10k_diff.py --old-rules /work/main/rules --new-rules rules
  python3 bench/p10k_diff.py --old-bin /work/main/build/therex --new-bin build-bench/therex
Exit status: 0 (differences are not an error); 1 when a run fails; 2 on usage errors or
missing shared data.
"""
import argparse
import collections
import json
import os
import signal
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from halves import describe_rules  # noqa: E402

COMPARED = ("rule.id", "predicate", "negated", "hedged", "cues", "coref", "scope",
            "confidence", "evidence", "therapy.text", "therapy.id", "therapy.start",
            "therapy.end", "effect.text", "effect.start", "effect.end", "condition.text",
            "condition.id", "condition.start", "condition.end")


def die(msg, code=2):
    print(f"p10k_diff: {msg}", file=sys.stderr)
    sys.exit(code)


def doc_id(r):
    d = r.get("doc") or {}
    s = str(d.get("id") if isinstance(d, dict) else d)
    head, sep, tail = s.rpartition("#")
    return head if sep and tail.isdigit() else s


def part(r, name):
    return r.get(name) or {}


def key(r):
    return (doc_id(r), (r.get("sentence") or {}).get("index", -1), part(r, "therapy").get("norm") or "",
            part(r, "condition").get("norm") or "", part(r, "effect").get("norm") or "")


def fields(r):
    out = {}
    for f in COMPARED:
        if f == "rule.id":
            v = part(r, "rule").get("id")
        elif f == "cues":
            v = [(c.get("kind"), c.get("text"), c.get("start")) for c in r.get("cues") or []]
        elif f == "evidence":
            v = [(e.get("section"), e.get("index")) for e in r.get("evidence") or []]
        elif "." in f:
            a, b = f.split(".")
            v = part(r, a).get(b)
        else:
            v = r.get(f)
        out[f] = v
    return out


def load(path):
    groups = collections.OrderedDict()
    n = 0
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                die(f"{path}:{ln}: not JSON: {e}", 1)
            groups.setdefault(key(r), []).append(r)
            n += 1
    return groups, n


def pair_up(olds, news):
    """Pairs the triples of one key: identical, then same rule, then in order."""
    olds, news = list(olds), list(news)
    pairs = []
    for same in (lambda a, b: fields(a) == fields(b),
                 lambda a, b: part(a, "rule").get("id") == part(b, "rule").get("id"),
                 lambda a, b: True):
        for o in list(olds):
            for n in news:
                if same(o, n):
                    pairs.append((o, n))
                    olds.remove(o)
                    news.remove(n)
                    break
    return pairs, olds, news


def rule_of(r):
    return part(r, "rule").get("id") or "?"


def marked(r):
    """The sentence with [therapy] <effect> {condition} marked (sentence-scope triples)."""
    s = r.get("sentence") or {}
    text = s.get("text") or ""
    if r.get("scope", "sentence") != "sentence":
        ev = [e.get("text") for e in r.get("evidence") or [] if e.get("text")]
        return text + "".join(f"\n      evidence: {t}" for t in dict.fromkeys(ev) if t != text)
    base = s.get("start") or 0
    marks = []
    for name, (a, b) in (("therapy", "[]"), ("effect", "<>"), ("condition", "{}")):
        p = r.get(name)
        if p and isinstance(p.get("start"), int) and isinstance(p.get("end"), int):
            i, j = p["start"] - base, p["end"] - base
            if 0 <= i <= j <= len(text):
                marks += [(i, 1, a), (j, 0, b)]
    for pos, _, m in sorted(marks, reverse=True):
        text = text[:pos] + m + text[pos:]
    return text


def describe(r):
    c = r.get("condition")
    flags = [f for f in ("negated", "hedged", "coref") if r.get(f)]
    if r.get("scope", "sentence") != "sentence":
        flags.append(f"scope={r.get('scope')}")
    return (f"{part(r, 'therapy').get('text')} | {part(r, 'effect').get('norm')} | "
            f"{(c or {}).get('text') if c else None}" + (f"  ({', '.join(flags)})" if flags else ""))


def where(r):
    s = r.get("sentence") or {}
    return f"{doc_id(r)} s{s.get('index')}  [{rule_of(r)}]"


def build_default():
    b = os.path.join(TOP, "build-bench")
    try:
        subprocess.run(["cmake", "-S", TOP, "-B", b, "-DCMAKE_BUILD_TYPE=Release", "-DTHEREX_TESTS=OFF"],
                       check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["cmake", "--build", b, "-j2", "--target", "therex"], check=True, stdout=subprocess.DEVNULL)
    except (OSError, subprocess.CalledProcessError) as e:
        die(f"building {b} failed: {e}", 1)
    return os.path.join(b, "therex")


def executable(path, what):
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        die(f"{what}: {path} is not an executable file")
    return os.path.abspath(path)


def run(binary, rules, src, out, jobs, label):
    cmd = [binary, "extract", "-q", "-j", str(jobs)]
    for r in rules:
        cmd += ["-r", r]
    cmd += [src, "-o", out]
    p = subprocess.run(cmd, cwd=TOP, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        sys.stderr.write(p.stderr)
        die(f"{label}: {' '.join(cmd)} exited with {p.returncode}", 1)


def main():
    if "-h" in sys.argv[1:] or "--help" in sys.argv[1:]:
        print(__doc__)
        return
    ap = argparse.ArgumentParser(usage=__doc__.split("\n\n")[1].split("usage: ", 1)[1], add_help=False)
    for side in ("old", "new"):
        ap.add_argument(f"--{side}-bin")
        ap.add_argument(f"--{side}-rules", action="append", default=[])
        ap.add_argument(f"--{side}-out")
    ap.add_argument("--keep")
    ap.add_argument("--sample", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--rules-limit", type=int, default=0)
    a = ap.parse_args()
    for opt in ("old_out", "new_out", "keep"):
        if getattr(a, opt):
            setattr(a, opt, os.path.abspath(getattr(a, opt)))
    if os.environ.get("THEREX_RULES"):  # therex runs from the top of the checkout
        os.environ["THEREX_RULES"] = os.path.abspath(os.environ["THEREX_RULES"])
    if a.sample < 0 or a.jobs < 1 or a.rules_limit < 0:
        die("--sample and --rules-limit must be >= 0, --jobs >= 1")

    shared = os.environ.get("THEREX_SHARED") or os.path.join(os.path.dirname(TOP), "shared")
    tsv = os.path.join(os.path.abspath(shared), "data", "pubmed-10k", "abstracts.tsv")
    need_run = not (a.old_out and a.new_out)
    if need_run and not os.path.isfile(tsv):
        die(f"{tsv} not found (the shared data sits beside the checkout; or set THEREX_SHARED)")
    for side in ("old", "new"):
        rules = [os.path.abspath(r) for r in getattr(a, f"{side}_rules")]
        for r in rules:
            if not os.path.exists(r):
                die(f"--{side}-rules: {r} not found")
        setattr(a, f"{side}_rules", rules)
        out = getattr(a, f"{side}_out")
        if out and not os.path.isfile(out):
            die(f"--{side}-out: {out} not found")
    default_bin = None
    for side in ("old", "new"):
        if getattr(a, f"{side}_out"):
            continue
        b = getattr(a, f"{side}_bin")
        if b:
            setattr(a, f"{side}_bin", executable(b, f"--{side}-bin"))
        else:
            if default_bin is None:
                env = os.environ.get("THEREX")
                default_bin = executable(env, "THEREX") if env else build_default()
            setattr(a, f"{side}_bin", default_bin)

    tmp = tempfile.TemporaryDirectory(prefix="p10k_diff.")
    work = a.keep or tmp.name
    os.makedirs(work, exist_ok=True)
    src = os.path.join(work, "input.jsonl")
    paths = {}
    if need_run:
        subprocess.run([sys.executable, os.path.join(HERE, "tsv_to_jsonl.py"), tsv, src, "1"], check=True)
    for side in ("old", "new"):
        out = getattr(a, f"{side}_out")
        if out:
            paths[side] = out
            print(f"{side}: {out} (earlier output)")
            continue
        paths[side] = os.path.join(work, f"{side}.jsonl")
        b, rules = getattr(a, f"{side}_bin"), getattr(a, f"{side}_rules")
        desc = describe_rules(rules or [os.environ.get("THEREX_RULES") or os.path.join(TOP, "rules")])
        ver = subprocess.run([b, "--version"], capture_output=True, text=True).stdout.strip()
        print(f"{side}: {b} ({ver or '?'}), rules {desc}")
        run(b, rules, src, paths[side], a.jobs, side)
    if (not a.old_out and not a.new_out and a.old_bin == a.new_bin and a.old_rules == a.new_rules):
        print("note: old and new are the same binary and rules: this is a determinism check")

    old, n_old = load(paths["old"])
    new, n_new = load(paths["new"])
    added, removed, changed = [], [], []
    for k in sorted(set(old) | set(new)):
        pairs, gone, came = pair_up(old.get(k, []), new.get(k, []))
        removed += gone
        added += came
        for o, n in pairs:
            fo, fn = fields(o), fields(n)
            diff = [f for f in COMPARED if fo[f] != fn[f]]
            if diff:
                changed.append((o, n, diff))

    docs = {doc_id(r) for r in added + removed} | {doc_id(n) for _, n, _ in changed}
    print(f"\ntriples: old {n_old}, new {n_new}; added {len(added)}, removed {len(removed)}, "
          f"changed {len(changed)}, in {len(docs)} documents")
    if changed:
        byfield = collections.Counter(f for _, _, d in changed for f in d)
        print("changed fields: " + ", ".join(f"{f} {c}" for f, c in byfield.most_common()))
        moves = collections.Counter((rule_of(o), rule_of(n)) for o, n, d in changed if "rule.id" in d)
        for (ro, rn), c in moves.most_common(10):
            print(f"  rule {ro} -> {rn}: {c}")

    table = collections.defaultdict(lambda: [0, 0, 0, 0, 0])  # old, new, added, removed, changed
    for groups, i in ((old, 0), (new, 1)):
        for rs in groups.values():
            for r in rs:
                table[rule_of(r)][i] += 1
    for r in added:
        table[rule_of(r)][2] += 1
    for r in removed:
        table[rule_of(r)][3] += 1
    for _, n, _ in changed:
        table[rule_of(n)][4] += 1
    rows = [(rid, v) for rid, v in table.items() if v[2] or v[3] or v[4]]
    rows.sort(key=lambda x: (-(x[1][2] + x[1][3] + x[1][4]), x[0]))
    if rows:
        print(f"\n{'rule':48} {'old':>6} {'new':>6} {'added':>6} {'removed':>7} {'changed':>7}")
        for rid, v in rows[:a.rules_limit or None]:
            print(f"{rid:48} {v[0]:6} {v[1]:6} {v[2]:6} {v[3]:7} {v[4]:7}")
        if a.rules_limit and len(rows) > a.rules_limit:
            print(f"... {len(rows) - a.rules_limit} more rules changed (--rules-limit 0 lists all)")

    def sample(items, k):
        items = sorted(items, key=k)
        return random.Random(a.seed).sample(items, min(a.sample, len(items)))

    if a.sample:
        for label, sign, items in (("added", "+", added), ("removed", "-", removed)):
            if not items:
                continue
            pick = sample(items, lambda r: (key(r), json.dumps(fields(r), sort_keys=True)))
            print(f"\n== {len(pick)} of {len(items)} {label} (seed {a.seed}; [therapy] <effect> {{condition}})")
            for r in pick:
                print(f"{sign} {where(r)}  {describe(r)}\n      {marked(r)}")
        if changed:
            pick = sample(changed, lambda c: (key(c[1]), json.dumps(fields(c[1]), sort_keys=True)))
            print(f"\n== {len(pick)} of {len(changed)} changed (seed {a.seed})")
            for o, n, d in pick:
                fo, fn = fields(o), fields(n)
                print(f"~ {where(n)}  {describe(n)}")
                for f in d:
                    print(f"      {f}: {fo[f]!r} -> {fn[f]!r}")
                print(f"      {marked(n)}")
    if a.keep:
        print(f"\nkept in {a.keep}: input.jsonl, " + ", ".join(
            f"{s}.jsonl" for s in ("old", "new") if not getattr(a, f"{s}_out")))


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet under | head
    main()
