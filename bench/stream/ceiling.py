#!/usr/bin/env python3
"""How well can any content-based clusterer do on a labelled stream?

    python3 bench/stream/ceiling.py STREAM.jsonl [STREAM.jsonl ...]

For each labelled stream (`{"id", "title"?, "text", "story"}` lines, as written by
`examples/spark/build_streams.py`) this prints:

- `nn`: the share of articles (with at least one story-mate) whose nearest
  neighbour by TF-IDF cosine is in their own story;
- `oracle@x`: B-cubed F1 of the clustering that is perfect for every article whose
  most similar story-mate reaches cosine x, and leaves the others alone (an article
  that resembles none of its story-mates cannot be placed by its content);
- `outdone`: the share of articles with a story-mate whose most similar article
  from another story is more similar than their most similar story-mate (no
  similarity threshold places these right), and `reachable`: B-cubed F1 of the
  clustering perfect for every other article and leaving these alone.

The vectors are plain TF-IDF of title and text (lower-cased words of 3+ letters, a
short stop list, sublinear term frequency, smoothed IDF over the stream): a stand-in
for brief's own features, good enough to tell which stories the labels make
reachable. Standard library only; quadratic in the stream's length (use streams of a
few hundred to a few thousand articles).
"""

import collections
import json
import math
import re
import sys

STOP = set(
    "the and for with from that this these those has have had its are was were been will would "
    "can could also after before about than more new one two over into out who what which when "
    "where there his her their our not but said says you they she".split()
)


def tokens(text):
    return [w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2 and w not in STOP]


def vectors(rows):
    counts = [collections.Counter(tokens((r.get("title") or "") + " " + r["text"])) for r in rows]
    df = collections.Counter()
    for c in counts:
        df.update(c.keys())
    n = len(rows)
    out = []
    for c in counts:
        v = {w: (1 + math.log(k)) * (math.log((n + 1) / (df[w] + 1)) + 1) for w, k in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out.append({w: x / norm for w, x in v.items()})
    return out


def bcubed_f1(gold, predicted):
    n = len(gold)
    g_size = collections.Counter(gold)
    p_size = collections.Counter(predicted)
    both = collections.Counter(zip(gold, predicted))
    precision = sum(k * k / p_size[p] for (_, p), k in both.items()) / n
    recall = sum(k * k / g_size[g] for (g, _), k in both.items()) / n
    return 2 * precision * recall / (precision + recall)


def main(paths):
    for path in paths:
        with open(path, encoding="utf-8") as f:
            rows = [json.loads(line) for line in f if line.strip()]
        gold = [json.dumps(r["story"]) for r in rows]
        vecs = vectors(rows)
        postings = collections.defaultdict(list)
        for i, v in enumerate(vecs):
            for w, x in v.items():
                postings[w].append((i, x))
        best_mate = [None] * len(rows)
        is_outdone = [False] * len(rows)
        right, with_mate, outdone = 0, 0, 0
        for i, v in enumerate(vecs):
            sims = collections.defaultdict(float)
            for w, x in v.items():
                for j, y in postings[w]:
                    if j != i:
                        sims[j] += x * y
            mates = [j for j in range(len(rows)) if j != i and gold[j] == gold[i]]
            if not mates:
                continue
            with_mate += 1
            best_mate[i] = max(sims.get(j, 0.0) for j in mates)
            best_other = max((s for j, s in sims.items() if gold[j] != gold[i]), default=0.0)
            is_outdone[i] = best_other > best_mate[i]
            outdone += is_outdone[i]
            nearest = max(sims.items(), key=lambda p: (p[1], -p[0]), default=(None, 0.0))[0]
            right += nearest is not None and gold[nearest] == gold[i]
        line = [f"{path.rsplit('/', 1)[-1]}: {len(rows)} articles, {len(set(gold))} stories"]
        line.append(f"nn {right / max(with_mate, 1):.3f}")
        line.append(f"outdone {outdone / max(with_mate, 1):.3f}")
        reachable = [f"alone-{i}" if is_outdone[i] else g for i, g in enumerate(gold)]
        line.append(f"reachable {bcubed_f1(gold, reachable):.3f}")
        for x in (0.05, 0.10, 0.15, 0.20):
            oracle = [g if best_mate[i] is None or best_mate[i] >= x else f"alone-{i}" for i, g in enumerate(gold)]
            line.append(f"oracle@{x:.2f} {bcubed_f1(gold, oracle):.3f}")
        print(" | ".join(line))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__.strip().splitlines()[2].strip())
    main(sys.argv[1:])
