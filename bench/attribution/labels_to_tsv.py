#!/usr/bin/env python3
"""Turns numbered labels (file, quotation number in quotes_view.py's listing, kind,
speaker) into the label file: file, byte start, byte end, kind, speaker.

    python3 bench/attribution/labels_to_tsv.py /tmp/duc.jsonl labels.txt > crates/core/tests/data/attribution/duc2003.tsv
"""
import json
import sys

from quotes_view import byte_offset, quote_spans


def main():
    jsonl, labels = sys.argv[1:3]
    texts = {}
    for line in open(jsonl, encoding="utf-8"):
        c = json.loads(line)
        for d in c["documents"]:
            texts[f"{c['id']}t/{d['id']}"] = d["text"]
    print("# file\tstart\tend\tkind\tspeaker")
    for line in open(labels, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        file, n, kind, speaker = line.rstrip("\n").split("\t")
        assert kind in ("person", "descriptive", "org", "none"), line
        text = texts[file]
        s, e = quote_spans(text)[int(n) - 1]
        print(f"{file}\t{byte_offset(text, s)}\t{byte_offset(text, e)}\t{kind}\t{speaker}")


if __name__ == "__main__":
    main()
