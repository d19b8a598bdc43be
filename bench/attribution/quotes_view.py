#!/usr/bin/env python3
"""Prints documents as brief-io reads them with every quotation numbered, for labelling.

    cargo run -q --release -p brief-io --example read_input -- ../shared/data/duc2003 > /tmp/duc.jsonl
    python3 bench/attribution/quotes_view.py /tmp/duc.jsonl CLUSTER [DOC ...] > view.txt

Each quotation (straight double quotes within a paragraph; one left open at the end of
a paragraph runs to the paragraph's end) is shown as [N| ... |N] and listed after the
document as `N <TAB> start <TAB> end` with UTF-8 byte offsets of the quoted text (marks
left out, whitespace trimmed) in the document text. The labeller writes, per quotation,
the speaker read from the text; labels_to_tsv.py turns those into the label file.
"""
import json
import sys


def quote_spans(text):
    """(start, end) character spans of quoted text, in order."""
    spans = []
    pos = 0
    for para_start, para in paragraphs(text):
        i = 0
        while True:
            a = para.find('"', i)
            if a < 0:
                break
            b = para.find('"', a + 1)
            end = b if b >= 0 else len(para)
            s, e = a + 1, end
            while s < e and para[s].isspace():
                s += 1
            while e > s and para[e - 1].isspace():
                e -= 1
            if e > s:
                spans.append((para_start + s, para_start + e))
            if b < 0:
                break
            i = b + 1
    return spans


def paragraphs(text):
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        yield start, text[start:end]
        start = end + 1


def byte_offset(text, char_index):
    return len(text[:char_index].encode("utf-8"))


def main():
    path, cluster_id, *docs = sys.argv[1:]
    for line in open(path, encoding="utf-8"):
        c = json.loads(line)
        if c["id"] != cluster_id:
            continue
        for d in c["documents"]:
            if docs and d["id"] not in docs:
                continue
            text = d["text"]
            spans = quote_spans(text)
            if not spans:
                continue
            print(f"=== {cluster_id}t/{d['id']}  ({len(spans)} quotations)")
            out, last = [], 0
            for n, (s, e) in enumerate(spans, 1):
                out.append(text[last:s])
                out.append(f"[{n}|{text[s:e]}|{n}]")
                last = e
            out.append(text[last:])
            print("".join(out))
            print("--- spans")
            for n, (s, e) in enumerate(spans, 1):
                print(f"{n}\t{byte_offset(text, s)}\t{byte_offset(text, e)}")
            print()


if __name__ == "__main__":
    main()
