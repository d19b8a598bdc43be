#!/usr/bin/env python3
"""Builds labelled article streams from summarization clusters, for scoring story clustering.

Each source cluster becomes one story: its articles are written one per line as
`{"id", "title"?, "text", "story"}` and the whole stream is shuffled with a fixed
seed, so stories interleave the way they do in a feed. Dates are left out (the
clusterer then relies on content alone).

    python3 examples/spark/build_streams.py multinews ../shared/data/multinews-dev.jsonl --stories 100 > mn.jsonl
    python3 examples/spark/build_streams.py duc ../shared/data/duc2003/docs > duc.jsonl
    python3 examples/spark/build_streams.py multinews a.jsonl duc docs/ > mixed.jsonl

Arguments come in pairs KIND PATH (KIND: multinews = brief's cluster JSONL,
duc = a folder of DUC/TREC SGML cluster folders). `--stories N` keeps the first
N clusters (in input order, after concatenating the sources); `--skip N` drops
the first N first (to take a held-out slice); `--repeat K` writes the stream K
times with fresh ids (copy k of article `x` gets id `x#k`) for scale tests.
"""

import argparse
import html
import json
import os
import random
import re
import sys


def multinews_clusters(path):
    with open(path, encoding="utf-8") as f:
        for line_no, line in enumerate(f, 1):
            if not line.strip():
                continue
            cluster = json.loads(line)
            cid = cluster.get("id") or f"{os.path.basename(path)}:{line_no}"
            docs = []
            for i, doc in enumerate(cluster["documents"]):
                text = doc.get("text", "").strip()
                if text:
                    docs.append({"id": f"{cid}/{i}", "title": doc.get("title"), "text": text})
            if docs:
                yield cid, docs


TAG = re.compile(r"<[^>]+>")


def sgml_field(raw, tag):
    m = re.search(rf"<{tag}>(.*?)</{tag}>", raw, re.S | re.I)
    if not m:
        return None
    text = TAG.sub(" ", m.group(1))
    text = text.replace("``", '"').replace("''", '"')
    text = re.sub(r"&(AMP|amp);", "&", text)
    text = html.unescape(text)
    paragraphs = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\t|\n\s*\n", text)]
    return "\n".join(p for p in paragraphs if p)


def duc_clusters(root):
    for cluster in sorted(os.listdir(root)):
        folder = os.path.join(root, cluster)
        if not os.path.isdir(folder):
            continue
        docs = []
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), encoding="latin-1") as f:
                raw = f.read()
            text = sgml_field(raw, "TEXT")
            if text:
                docs.append({"id": name, "title": sgml_field(raw, "HEADLINE"), "text": text})
        if docs:
            yield cluster, docs


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sources", nargs="+", help="KIND PATH pairs (multinews FILE | duc FOLDER)")
    ap.add_argument("--stories", type=int, default=None, help="keep this many clusters")
    ap.add_argument("--skip", type=int, default=0, help="drop this many clusters first")
    ap.add_argument("--seed", type=int, default=13, help="shuffle seed")
    ap.add_argument("--repeat", type=int, default=1, help="write the stream this many times")
    args = ap.parse_args()
    if len(args.sources) % 2:
        ap.error("sources come in KIND PATH pairs")
    clusters = []
    for kind, path in zip(args.sources[::2], args.sources[1::2]):
        reader = {"multinews": multinews_clusters, "duc": duc_clusters}.get(kind)
        if reader is None:
            ap.error(f"unknown kind {kind!r}")
        clusters.extend(reader(path))
    clusters = clusters[args.skip:]
    if args.stories is not None:
        clusters = clusters[: args.stories]
    articles = [dict(doc, story=cid) for cid, docs in clusters for doc in docs]
    random.Random(args.seed).shuffle(articles)
    out = sys.stdout
    for k in range(args.repeat):
        for a in articles:
            row = {"id": a["id"] if k == 0 else f"{a['id']}#{k}"}
            if a.get("title"):
                row["title"] = a["title"]
            row["text"] = a["text"]
            row["story"] = a["story"] if k == 0 else f"{a['story']}#{k}"
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
