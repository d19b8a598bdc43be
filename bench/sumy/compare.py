"""Side-by-side run of sumy (LexRank, TextRank) and brief on the same clusters.

sumy summarizes one document, so each cluster's documents are joined into one
text (paragraphs kept). NLTK's punkt data cannot be downloaded here, so sumy is
given the regex sentence splitter below (``RegexTokenizer``) instead of its
default NLTK tokenizer; its own stemmer (NLTK Snowball, no data needed) and
stop words are used as shipped.

sumy is called two ways, both with the same word budget as brief:
- "top-rated": its sentence ratings, best first, taking each sentence that
  still fits the budget, output in document order (the budget is never
  exceeded);
- "as usually called": ``summarizer(document, 60)`` (the 60 best sentences in
  document order), then the first N words (the last sentence cut).

brief is timed two ways:
- "outside": as a user runs it, ``brief summarize --format json`` on the whole
  file (release build), timed from the outside (process start, reading the
  file and writing JSON included), once on one thread (RAYON_NUM_THREADS=1)
  and once on all cores;
- "in process": ``brief bench`` on the same file, the way sumy is timed here
  (inside the process, from the parsed clusters to the summaries, nothing
  read or written): the median of 3 whole-file passes, on one thread and on
  all threads. sumy's time covers its parsing, sentence splitting, stemming
  and ranking; brief's covers its preparation (segmenting, cleaning,
  stemming) and summarization.
Wall-clock rates move with whatever else the machine runs, so the last line
also compares CPU time (user + system) on one core: brief's child process
against sumy's process time. Every system is scored by ``brief score`` (Google rouge-score settings: F of
ROUGE-1/2/Lsum, stemming), against the same references.
"""

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time

from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt",
    "st", "jr", "sr", "inc", "co", "corp", "ltd", "vs", "no", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "u.s", "u.n", "u.k", "d.c",
    "a.m", "p.m", "e.g", "i.e", "etc", "al", "fig", "calif", "fla", "ill", "mass", "n.y",
}
SENTENCE_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*\s+")
WORD = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*")


class RegexTokenizer:
    """sumy's tokenizer interface with a regex sentence splitter (no NLTK data)."""

    language = "english"

    def to_sentences(self, paragraph):
        sentences, start = [], 0
        for m in SENTENCE_END.finditer(paragraph):
            before = paragraph[start:m.start() + 1].split()
            last = before[-1].rstrip(".").lower() if before else ""
            nxt = paragraph[m.end():m.end() + 1]
            single_initial = len(last) == 1 and last.isalpha()
            if last in ABBREVIATIONS or single_initial or (nxt and nxt.islower()):
                continue
            sentences.append(paragraph[start:m.end()].strip())
            start = m.end()
        tail = paragraph[start:].strip()
        if tail:
            sentences.append(tail)
        return tuple(s for s in sentences if s)

    def to_words(self, sentence):
        return tuple(WORD.findall(sentence))


class Ratings(Exception):
    """Carries a summarizer's sentence ratings out of its __call__."""

    def __init__(self, ratings):
        super().__init__()
        self.ratings = ratings


def capturing(cls):
    """A subclass whose call stops at _get_best_sentences and hands back the ratings."""

    class Capturing(cls):
        def _get_best_sentences(self, sentences, count, rating, *args, **kwargs):
            raise Ratings(rating)

    return Capturing


def make(cls):
    s = cls(Stemmer("english"))
    s.stop_words = get_stop_words("english")
    return s


def words(text):
    return len(text.split())


def top_rated(summarizer, document, budget):
    try:
        summarizer(document, len(document.sentences))
        return []
    except Ratings as r:
        ratings = r.ratings
    order = sorted(range(len(document.sentences)), key=lambda i: -ratings[document.sentences[i]])
    picked, used = [], 0
    for i in order:
        w = words(str(document.sentences[i]))
        if used + w <= budget:
            picked.append(i)
            used += w
        if used >= budget:
            break
    return [str(document.sentences[i]) for i in sorted(picked)]


def usual(summarizer, document, budget):
    out, used = [], 0
    for s in summarizer(document, 60):
        text = str(s)
        w = text.split()
        if used + len(w) > budget:
            if budget > used:
                out.append(" ".join(w[: budget - used]))
            break
        out.append(text)
        used += len(w)
    return out


def cluster_text(cluster):
    return "\n\n".join(
        (d["text"] if isinstance(d, dict) else d) for d in cluster["documents"]
    )


def run_sumy(clusters, algorithm, mode, budget, out_path):
    cls = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer}[algorithm]
    summarizer = make(capturing(cls) if mode == "top-rated" else cls)
    tokenizer = RegexTokenizer()
    start, start_cpu = time.perf_counter(), time.process_time()
    with open(out_path, "w") as out:
        for c in clusters:
            document = PlaintextParser.from_string(cluster_text(c), tokenizer).document
            if mode == "top-rated":
                sentences = top_rated(summarizer, document, budget)
            else:
                sentences = usual(summarizer, document, budget)
            out.write(json.dumps({"id": c["id"], "sentences": sentences}) + "\n")
    return time.perf_counter() - start, time.process_time() - start_cpu


def run_brief(brief, data, algorithm, budget, out_path, threads):
    env = dict(os.environ)
    if threads:
        env["RAYON_NUM_THREADS"] = str(threads)
    def children_cpu():
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    start, start_cpu = time.perf_counter(), children_cpu()
    with open(out_path, "w") as out:
        subprocess.run(
            [brief, "summarize", "--format", "json", "--words", str(budget)]
            + (["-a", algorithm] if algorithm else [])
            + [data],
            stdout=out, env=env, check=False,
        )
    return time.perf_counter() - start, children_cpu() - start_cpu


def run_brief_in_process(brief, data, algorithms, budget, out_dir):
    """``brief bench`` throughput: algorithm → (clusters/s on 1 thread, on all threads)."""
    result = os.path.join(out_dir, "brief-bench.json")
    subprocess.run(
        [brief, "bench", "--data", data, "-a", ",".join(algorithms), "--words", str(budget),
         "--runs", "3", "--out", result],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
    )
    with open(result) as f:
        report = json.load(f)
    return {t["algorithm"]: (t["one_thread"], t["all_threads"]) for t in report["throughput"]}


def score(brief, candidates, data, name, out_dir):
    result = os.path.join(out_dir, name + ".score.json")
    subprocess.run(
        [brief, "score", "--candidates", candidates, "--references", data, "--out", result],
        stdout=subprocess.DEVNULL, check=False,
    )
    with open(result) as f:
        report = json.load(f)
    return {m["metric"]: m["fmeasure"]["mid"] for m in report["metrics"]}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True)
    ap.add_argument("--words", type=int, default=230)
    ap.add_argument("--brief", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    clusters = []
    with open(args.data) as f:
        for line in f:
            if line.strip():
                try:
                    clusters.append(json.loads(line))
                except json.JSONDecodeError:
                    pass
    n = len(clusters)
    rows = []
    sumy_cpu_rate = {}
    for algorithm in ("lexrank", "textrank"):
        name = f"brief {algorithm}"
        path = os.path.join(args.out, f"brief-{algorithm}.jsonl")
        t_all, _ = run_brief(args.brief, args.data, algorithm, args.words, path, None)
        t_one, _ = run_brief(args.brief, args.data, algorithm, args.words, path, 1)
        rows.append((name, score(args.brief, path, args.data, f"brief-{algorithm}", args.out), n / t_one, n / t_all))
        for mode in ("top-rated", "as usually called"):
            slug = f"sumy-{algorithm}-{mode.replace(' ', '-')}"
            path = os.path.join(args.out, slug + ".jsonl")
            print(f"running sumy {algorithm} ({mode}) on {n} clusters ...", file=sys.stderr)
            t, t_cpu = run_sumy(clusters, algorithm, mode, args.words, path)
            sumy_cpu_rate[(algorithm, mode)] = n / t_cpu
            rows.append((f"sumy {algorithm}, {mode}", score(args.brief, path, args.data, slug, args.out), n / t, n / t))

    # brief's default summarizer (what `brief summarize` runs with no -a).
    path = os.path.join(args.out, "brief-default.jsonl")
    t_all, _ = run_brief(args.brief, args.data, None, args.words, path, None)
    t_one, t_one_cpu = run_brief(args.brief, args.data, None, args.words, path, 1)
    with open(path) as f:
        default_alg = json.loads(f.readline())["algorithm"]
    default_row = (f"brief default ({default_alg})", score(args.brief, path, args.data, "brief-default", args.out), n / t_one, n / t_all)

    in_process = run_brief_in_process(
        args.brief, args.data, list(dict.fromkeys(["lexrank", "textrank", default_alg])), args.words, args.out)

    def brief_speed(name):
        return next(r for r in rows if r[0] == "brief " + name.split()[1].rstrip(","))

    header = ["system", "R1", "R2", "RLsum", "outside, 1 core", "outside, all cores",
              "in process, 1 thread", "in process, all threads", "brief speed-up (in process, 1 thread)"]
    table = [header]

    def scores(s):
        return [f"{100 * s.get(m, 0):.2f}" for m in ("rouge1", "rouge2", "rougeLsum")]

    for name, s, one, every in rows:
        if name.startswith("sumy"):
            # sumy is only ever timed in process, on one core.
            brief_one = in_process[name.split()[1].rstrip(",")][0]
            table.append([name] + scores(s) + ["", "", f"{one:.1f}", "", f"{brief_one / one:.1f}x"])
        else:
            proc_one, proc_all = in_process[name.split()[1]]
            table.append([name] + scores(s) + [f"{one:.1f}", f"{every:.1f}", f"{proc_one:.1f}", f"{proc_all:.1f}", ""])
    name, s, one, every = default_row
    proc_one, proc_all = in_process[default_alg]
    table.append([name] + scores(s) + [f"{one:.1f}", f"{every:.1f}", f"{proc_one:.1f}", f"{proc_all:.1f}", ""])
    sumy_lexrank = next(r for r in rows if r[0] == "sumy lexrank, as usually called")[2]
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    print(f"{args.data}: {n} clusters, {args.words}-word budget, F-measure (rouge-score settings, brief score); "
          f"speeds in clusters/s")
    for k, r in enumerate(table):
        print("  ".join(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(r)))
        if k == 0:
            print("-" * (sum(widths) + 2 * (len(widths) - 1)))
    print(f"brief default ({default_alg}) vs sumy LexRank (as usually called, timed in process on one core), "
          f"same clusters and budget:")
    print(f"  brief in process (like sumy): {proc_one / sumy_lexrank:.0f}x on one thread, "
          f"{proc_all / sumy_lexrank:.0f}x on all threads")
    print(f"  brief from outside (process start, reading, JSON writing included): "
          f"{default_row[2] / sumy_lexrank:.0f}x on one core, {default_row[3] / sumy_lexrank:.0f}x on all cores")
    # CPU seconds (user + system) do not count time spent waiting for a core
    # that other programs hold, so this ratio moves least with machine load.
    sumy_lexrank_cpu = sumy_cpu_rate[("lexrank", "as usually called")]
    print(f"  in CPU time on one core (less sensitive to other load): brief from outside "
          f"{n / t_one_cpu:.0f} clusters per CPU-second, sumy LexRank {sumy_lexrank_cpu:.1f}: "
          f"{n / t_one_cpu / sumy_lexrank_cpu:.0f}x")


if __name__ == "__main__":
    main()
