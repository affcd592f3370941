#!/usr/bin/env python3
"""Speed of `therex extract`, from one run, side by side (called by bench/throughput.sh,
which builds the Release binary first):

- therex -j 1 and -j ALL (every core): MB/s of title+abstract text, abstracts/s, peak
  RSS, and the rule pack's load time (a run over one abstract), over the corpus at 1x
  and at 4x (four copies in ONE file: time should be linear, memory the same);
- the yardstick: `pcre2grep -c` of one rule-like regex over the same text (one line per
  abstract), and therex's ratio to it;
- the lexicon grown FACTOR times (default 10) with synthetic terms, written into a copy
  of the rule pack in a temporary folder: load time, MB/s, and the time ratio to the
  shipped pack;
- the same 1x text as gzip-compressed PubMed XML (bench/tsv_to_xml.py: each record with
  the metadata of a baseline record around it), -j 1 and -j ALL: what reading XML and
  gunzip cost, the input of a PubMed baseline run (--skip-xml leaves it out);
- optionally (--python) the Python `re` baseline of baseline_regex.py over 1x (slow:
  minutes with the full vocabularies).

MB/s "run" is the whole run's wall time; "ext" leaves out the load time ("load s": a run
over one abstract, with the cache of compiled packs warm; "cold s": the same with
--no-cache). "cpu s" is the run's user + system CPU time, "MB/cpu-s" the text per CPU
second: on a busy machine the CPU columns are the ones to compare for -j1 runs.
usage: throughput.py THEREX RULES ABSTRACTS.tsv [--runs N] [--lex-factor F] [--python]
       [--skip-4x] [--skip-lex] [--skip-xml]
"""
import argparse
import csv
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

YARDSTICK = r"\b(?:exosomes?|stem cells?|MSCs?) \w+ (?:improv|reduc|alleviat|attenuat)\w*"


CPU = {}  # wall time -> CPU time (user + system) of the same run


def run(cmd, runs=1, **kw):
    """Best wall time of `runs` runs and the largest peak RSS (MB) among them; the CPU
    time of the run with the best wall time is CPU[best]."""
    best, rss, out = None, 0.0, b""
    for _ in range(runs):
        t0 = time.monotonic()
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, **kw)
        out = p.stdout.read()
        _, status, ru = os.wait4(p.pid, 0)
        dt = time.monotonic() - t0
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            sys.exit(f"throughput: {' '.join(cmd)} exited with {code}")
        if best is None or dt < best:
            best = dt
            CPU[best] = ru.ru_utime + ru.ru_stime
        rss = max(rss, ru.ru_maxrss / 1024)
    return best, rss, out


def write_corpus(tsv, path, times):
    """therex JSON Lines (as tsv_to_jsonl.py) and the same text one line per abstract;
    returns (records, MB of title+abstract text)."""
    csv.field_size_limit(1 << 30)
    with open(tsv, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    mb = 0
    with open(path + ".jsonl", "w", encoding="utf-8") as o, \
            open(path + ".txt", "w", encoding="utf-8") as t:
        for k in range(times):
            for r in rows:
                o.write(json.dumps({"id": f"{r['source']}:{r['id']}#{k}", "title": r["title"],
                                    "abstract": r["abstract"]}) + "\n")
                text = f"{r['title']} {r['abstract']}".replace("\n", " ")
                t.write(text + "\n")
                mb += len(r["title"].encode()) + len(r["abstract"].encode())
    return len(rows) * times, mb / 1e6


def lexicon_forms(rules):
    """Forms (quoted or bare synonyms) of the therapy and condition lexicons."""
    n = 0
    for root, _, files in os.walk(rules):
        for name in files:
            if not name.endswith(".rules"):
                continue
            kind = None
            for line in open(os.path.join(root, name), encoding="utf-8"):
                s = line.strip()
                if s.startswith("lexicon "):
                    kind = s.split()[1]
                elif s == "end":
                    kind = None
                elif kind in ("therapy", "condition") and s and not s.startswith("#"):
                    n += max(1, s.count('"') // 2)
    return n


SYLL = ["ba", "ce", "di", "fo", "gu", "ka", "le", "mi", "no", "pu", "ra", "se", "ti", "vo",
        "xa", "ze", "tor", "lin", "mab", "nib", "pril", "vir", "zol", "ox", "am", "ep"]


def synthetic_pack(rules, dest, extra):
    """A copy of the pack plus `extra` synthetic forms (5 per entry, therapy and condition
    alternately) in one more lexicon file, loaded last."""
    shutil.copytree(rules, dest)
    rnd = random.Random(11)
    word = lambda: "".join(rnd.choice(SYLL) for _ in range(rnd.randint(2, 4)))
    with open(os.path.join(dest, "lexicons", "vocab", "zz-synthetic.rules"), "w") as f:
        made, k = 0, 0
        while made < extra:
            f.write(f"lexicon {'therapy' if k % 2 == 0 else 'condition'}\n")
            for _ in range(2000):
                forms = [" ".join(word() for _ in range(rnd.randint(1, 3))) for _ in range(5)]
                f.write(f'  "{forms[0]}" = ' + " | ".join(f'"{x}"' for x in forms[1:]) + "\n")
                made += 5
            f.write("end\n")
            k += 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("therex")
    ap.add_argument("rules")
    ap.add_argument("tsv")
    ap.add_argument("--runs", type=int, default=1, help="best of N runs (default 1)")
    ap.add_argument("--lex-factor", type=int, default=10)
    ap.add_argument("--python", action="store_true", help="also the Python re baseline (slow)")
    ap.add_argument("--skip-4x", action="store_true")
    ap.add_argument("--skip-lex", action="store_true")
    ap.add_argument("--skip-xml", action="store_true")
    ap.add_argument("--therex-args", default="", help="more options for therex extract")
    a = ap.parse_args()
    cores = os.cpu_count() or 1
    tmp = tempfile.mkdtemp(prefix="therex-bench-")
    extra = a.therex_args.split()
    try:
        docs1, mb1 = write_corpus(a.tsv, f"{tmp}/x1", 1)
        with open(f"{tmp}/x1.jsonl") as f, open(f"{tmp}/one.jsonl", "w") as o:
            o.write(f.readline())
        rows = []

        helptext = subprocess.run([a.therex, "extract", "--help"], capture_output=True,
                                  text=True).stdout
        cache = "--no-cache" in helptext and "--no-cache" not in extra

        def therex(label, rules, corpus, docs, mb, j):
            one = [a.therex, "extract", "-q", "-j", "1", "-r", rules, *extra,
                   f"{tmp}/one.jsonl", "-o", os.devnull]
            cold = run(one + ["--no-cache"] if cache else one, a.runs)[0]
            if cache:
                run(one)  # writes the cache, if it was not there
            load, _, _ = run(one, a.runs)
            t, rss, _ = run([a.therex, "extract", "-q", "-j", str(j), "-r", rules, *extra,
                             corpus, "-o", f"{tmp}/out.jsonl"], a.runs)
            ext = max(t - load, 1e-9)
            rows.append((label, f"-j{j}", mb, t, mb / t, mb / ext, docs / t, rss, load,
                         CPU[t], CPU[load], cold))
            return t

        def yardstick(label, txt, mb):
            t, rss, out = run(["pcre2grep", "-c", YARDSTICK, txt], a.runs)
            rows.append((label, f"={int(out.decode().strip() or 0)}", mb, t, mb / t, mb / t,
                         0, rss, 0, CPU[t], 0, 0))
            return t

        base1 = therex("therex 1x", a.rules, f"{tmp}/x1.jsonl", docs1, mb1, 1)
        therex("therex 1x", a.rules, f"{tmp}/x1.jsonl", docs1, mb1, cores)
        y1 = yardstick("pcre2grep -c 1x", f"{tmp}/x1.txt", mb1)
        if not a.skip_xml:
            here = os.path.dirname(os.path.abspath(__file__))
            subprocess.run([sys.executable, f"{here}/tsv_to_xml.py", a.tsv, f"{tmp}/x1.xml.gz"],
                           check=True)
            therex("therex 1x xml.gz", a.rules, f"{tmp}/x1.xml.gz", docs1, mb1, 1)
            therex("therex 1x xml.gz", a.rules, f"{tmp}/x1.xml.gz", docs1, mb1, cores)
        if not a.skip_4x:
            docs4, mb4 = write_corpus(a.tsv, f"{tmp}/x4", 4)
            therex("therex 4x", a.rules, f"{tmp}/x4.jsonl", docs4, mb4, 1)
            therex("therex 4x", a.rules, f"{tmp}/x4.jsonl", docs4, mb4, cores)
            yardstick("pcre2grep -c 4x", f"{tmp}/x4.txt", mb4)
            os.unlink(f"{tmp}/x4.jsonl")
        lex = None
        if not a.skip_lex:
            forms = lexicon_forms(a.rules)
            synthetic_pack(a.rules, f"{tmp}/rules-lex", forms * (a.lex_factor - 1))
            lex = therex(f"therex lex x{a.lex_factor}", f"{tmp}/rules-lex", f"{tmp}/x1.jsonl",
                         docs1, mb1, 1)
        if a.python:
            here = os.path.dirname(os.path.abspath(__file__))
            t, rss, _ = run([sys.executable, f"{here}/baseline_regex.py", a.rules,
                             f"{tmp}/x1.jsonl"])
            rows.append(("python re baseline 1x", "", mb1, t, mb1 / t, mb1 / t, docs1 / t, rss, 0,
                         CPU[t], 0, 0))

        print(f"therex: {a.therex} ({subprocess.run([a.therex, '--version'], capture_output=True, text=True).stdout.strip()}); "
              f"rules: {a.rules}; {cores} cores; best of {a.runs} run(s)")
        print(f"corpus: {docs1} abstracts, {mb1:.2f} MB of title+abstract text (1x)")
        print(f"yardstick: pcre2grep -c '{YARDSTICK}'")
        print(f"{'run':<22} {'':>6} {'MB':>7} {'wall s':>8} {'MB/s run':>9} {'MB/s ext':>9} "
              f"{'abstr/s':>8} {'peak MB':>8} {'load s':>7} {'cpu s':>7} {'MB/cpu-s':>9} "
              f"{'load cpu':>8} {'cold s':>7}")
        for r in rows:
            print(f"{r[0]:<22} {r[1]:>6} {r[2]:7.2f} {r[3]:8.2f} {r[4]:9.2f} {r[5]:9.2f} "
                  f"{r[6]:8.0f} {r[7]:8.1f} {r[8]:7.3f} {r[9]:7.2f} {r[2] / max(r[9], 1e-9):9.2f} "
                  f"{r[10]:8.3f} {r[11]:7.3f}")
        busy = min(r[9] / r[3] for r in rows if r[1] == "-j1")
        if busy < 0.8:
            print(f"note: a -j1 run had {busy:.0%} of a core (the machine is busy): wall times "
                  f"and the -jN speed-up are unreliable; the CPU columns less so")
        j1 = next(r for r in rows if r[0] == "therex 1x" and r[1] == "-j1")
        jn = [r for r in rows if r[0] == "therex 1x" and r[1] != "-j1"][-1]
        ys = mb1 / y1
        yc = next(r for r in rows if r[0] == "pcre2grep -c 1x")[9]
        print(f"ratio to the yardstick (1x, MB/s run): -j1 {j1[4] / ys:.3f}, "
              f"-j{cores} {jn[4] / ys:.3f}; extract alone -j1 {j1[5] / ys:.3f}; "
              f"by CPU time -j1 {yc / j1[9]:.3f}")
        print(f"-j{cores} / -j1 speed-up: {j1[3] / jn[3]:.2f}x")
        if not a.skip_4x:
            j4 = next(r for r in rows if r[0] == "therex 4x" and r[1] == "-j1")
            j4n = [r for r in rows if r[0] == "therex 4x" and r[1] != "-j1"][-1]
            print(f"4x / 1x: time {j4[3] / j1[3]:.2f}x, CPU {j4[9] / j1[9]:.2f}x (linear: 4), "
                  f"peak RSS {j4[7] / j1[7]:.2f}x (bounded: 1)")
            print(f"-j{cores} / -j1 speed-up at 4x (a longer run: the load and each thread's "
                  f"first JIT compiles count less): {j4[3] / j4n[3]:.2f}x")
        if not a.skip_xml:
            x1 = next(r for r in rows if r[0] == "therex 1x xml.gz" and r[1] == "-j1")
            xn = [r for r in rows if r[0] == "therex 1x xml.gz" and r[1] != "-j1"][-1]
            print(f"PubMed XML (gzip) / JSON Lines, the same text: CPU -j1 {x1[9] / j1[9]:.2f}x, "
                  f"wall -j1 {x1[3] / j1[3]:.2f}x, wall -j{cores} {xn[3] / jn[3]:.2f}x")
        if lex is not None:
            lr = rows[[r[0] for r in rows].index(f"therex lex x{a.lex_factor}")]
            print(f"lexicon x{a.lex_factor} ({forms} forms + {forms * (a.lex_factor - 1)} "
                  f"synthetic): time {lex / base1:.2f}x, CPU {lr[9] / j1[9]:.2f}x, CPU leaving "
                  f"out the load {(lr[9] - lr[10]) / max(j1[9] - j1[10], 1e-9):.2f}x, load "
                  f"{lr[8] / max(j1[8], 1e-9):.2f}x")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
