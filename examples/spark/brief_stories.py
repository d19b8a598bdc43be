#!/usr/bin/env python3
"""brief on Apache Spark: a JSONL article stream in, one summarized story per line out.

    spark-submit --master local[4] examples/spark/brief_stories.py articles.jsonl out/ [--words 100] [--format jsonl|parquet]

Design (see README.md here):

1. Read the stream as text lines and number them (`zipWithIndex`): line order
   is publication order, and the story clustering depends on it.
2. Assign stories in ONE task: the online clusterer (`brief_nlp.cluster`, which
   also folds near-duplicate copies into their original's story) is a
   deterministic single pass over the ordered stream, exactly what
   `brief stories` runs, so the assignment equals the single-machine one. It
   is the cheap step (tens of thousands of articles per second).
3. Summarize in parallel: articles are grouped by story and spread over
   partitions; each story is summarized with brief's default summarizer
   (`brief_nlp.summarize`), the expensive step, inside `mapPartitions`.
4. Write one record per story: `{"story", "articles", "summary"}` as JSON lines
   (`part-*` files) or Parquet (the summary as a JSON string column).
"""

import argparse
import json
import os
import sys


def assign_stories(indexed_lines):
    """Runs in one task: (line, index) pairs → (story, (index, article)).

    A line that is not an article, or whose article cannot be clustered (an
    unreadable date), is reported on standard error and left out, as
    `brief stories` does; the other articles go on.
    """
    import brief_nlp

    rows = sorted(indexed_lines, key=lambda pair: pair[1])
    articles = []
    for line, index in rows:
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            print(f"error: line {index + 1}: not JSON ({e})", file=sys.stderr)
            continue
        if not isinstance(record, dict) or not isinstance(record.get("id"), str) or not isinstance(record.get("text"), str):
            print(f"error: line {index + 1}: expected an object with string id and text", file=sys.stderr)
            continue
        article = {k: record[k] for k in ("id", "title", "text", "published", "source") if record.get(k) is not None}
        articles.append((index, article))
    stories = brief_nlp.cluster([a for _, a in articles], errors="skip")
    for story, (index, article) in zip(stories, articles):
        if story is None:
            print(f"error: line {index + 1}: article {article['id']!r} cannot be clustered (bad date?)", file=sys.stderr)
            continue
        yield story, (index, article)


def summarize_stories(groups, words, algorithm):
    """(story, members) → one output record per story, summarized."""
    import brief_nlp

    for story, members in groups:
        members = sorted(members, key=lambda m: m[0])
        # brief_nlp reads an article dict as a document (`published` is its date).
        documents = [article for _, article in members]
        record = {"story": story, "articles": [a["id"] for _, a in members]}
        try:
            record["summary"] = brief_nlp.summarize(documents, algorithm=algorithm, words=words, id=f"story-{story}")
        except ValueError as e:
            # As `brief stories`: a story with no usable sentence keeps no summary.
            record["summary"] = None
            record["skipped"] = f"story {story}: {e}"
        yield record


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input", help="JSONL articles in publication order")
    ap.add_argument("output", help="output folder")
    ap.add_argument("--words", type=int, default=100, help="summary budget in words")
    ap.add_argument("--algorithm", default=None, help="summarizer (default: brief's default)")
    ap.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl")
    ap.add_argument("--partitions", type=int, default=None, help="partitions for summarization")
    ap.add_argument("--master", default=None, help="Spark master when not run by spark-submit")
    args = ap.parse_args(argv)

    # Executors in local mode run this interpreter (the one with brief_nlp installed).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("brief-stories")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    # The functions below run on executors, which import them from this file.
    sc.addPyFile(os.path.abspath(__file__))
    try:
        partitions = args.partitions or sc.defaultParallelism
        lines = sc.textFile(args.input).filter(lambda line: line.strip()).zipWithIndex()
        assigned = lines.coalesce(1).mapPartitions(assign_stories)
        words, algorithm = args.words, args.algorithm
        stories = (
            assigned.groupByKey(numPartitions=partitions)
            .mapPartitions(lambda groups: summarize_stories(groups, words, algorithm))
            .sortBy(lambda record: record["story"], numPartitions=partitions)
        )
        if args.format == "jsonl":
            stories.map(lambda r: json.dumps(r, ensure_ascii=False, sort_keys=True)).saveAsTextFile(args.output)
        else:
            rows = stories.map(lambda r: (r["story"], r["articles"], json.dumps(r["summary"], sort_keys=True) if r["summary"] else None))
            spark.createDataFrame(rows, "story long, articles array<string>, summary string").write.parquet(
                args.output
            )
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
