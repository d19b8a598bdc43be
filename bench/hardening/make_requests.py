#!/usr/bin/env python3
"""Writes the worst /v1/summarize bodies inside brief serve's default limits
(8 MiB body, 100 documents, 200,000 characters per document), one file per
kind and algorithm:

  tiny     100 documents of 80,000 characters of three-word sentences
           (about 500,000 sentences, nearly every pair sharing a term)
  huge     one document of 200,000 characters of real news text
  hundred  100 documents of real news text filling the 8 MiB body

  python3 bench/hardening/make_requests.py MULTINEWS_DEV_JSONL OUT_DIR ALGORITHM...
"""
import json
import random
import sys

LIMIT = 8 << 20
CHARS = 200_000


def real_texts(path):
    texts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            for d in json.loads(line)["documents"]:
                texts.append(d["text"] if isinstance(d, dict) else d)
    return texts


def tiny():
    rng = random.Random(1)
    words = [f"w{i}x" for i in range(50)]
    docs = []
    for _ in range(100):
        parts, size = [], 0
        while size < 80_000:
            s = " ".join(rng.choice(words) for _ in range(3)) + ". "
            parts.append(s)
            size += len(s)
        docs.append("".join(parts)[:80_000])
    return docs


def huge(texts):
    out, size = [], 0
    for t in texts:
        out.append(t)
        size += len(t) + 2
        if size > CHARS:
            break
    return ["\n\n".join(out)[:CHARS]]


def hundred(texts):
    # Each document starts at a different article so that documents are not
    # copies of each other; together they fill the body limit.
    per_doc = (LIMIT - 64 * 1024) // 100
    docs = []
    for d in range(100):
        out, size, i = [], 0, d * 7
        while size < per_doc:
            t = texts[i % len(texts)]
            out.append(t)
            size += len(json.dumps(t)) + 2
            i += 1
        doc = "\n\n".join(out)
        while len(json.dumps(doc)) > per_doc:
            doc = doc[: int(len(doc) * 0.98)]
        docs.append(doc[:CHARS])
    return docs


def main():
    dev, out_dir, algorithms = sys.argv[1], sys.argv[2], sys.argv[3:]
    texts = real_texts(dev)
    kinds = {"tiny": tiny(), "huge": huge(texts), "hundred": hundred(texts)}
    for kind, docs in kinds.items():
        for algorithm in algorithms:
            body = json.dumps({"id": kind, "documents": docs, "algorithm": algorithm, "words": 230})
            assert len(body.encode()) <= LIMIT, (kind, len(body))
            assert all(len(d) <= CHARS for d in docs)
            with open(f"{out_dir}/{kind}-{algorithm}.json", "w", encoding="utf-8") as f:
                f.write(body)


if __name__ == "__main__":
    main()
