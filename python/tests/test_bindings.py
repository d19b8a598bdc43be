"""brief_nlp: summaries, ROUGE and clustering as plain Python values."""

import json
import subprocess

import pytest

import brief_nlp

DOCS = [
    "Russia vetoed a UN resolution on Syria on Tuesday. The vote was 10 to 2 with three abstentions. "
    "Diplomats said the veto was expected.",
    {"id": "b", "title": "Veto at the UN", "text": "Russia vetoed the UN resolution on Syria. China abstained from the vote."},
]


def quoted(text, item):
    """The item's span of `text` (ASCII here: bytes are characters) with
    its edits applied (a connective dropped, a tail cut)."""
    out, at = [], item["span"]["start"]
    for edit in item.get("edits", []):
        out += [text[at : edit["span"]["start"]], edit["replacement"]]
        at = edit["span"]["end"]
    out.append(text[at : item["span"]["end"]])
    return "".join(out)


def test_summary_quotes_its_sources():
    s = brief_nlp.summarize(DOCS, words=25)
    assert isinstance(s, dict) and s["items"]
    texts = [d if isinstance(d, str) else d["text"] for d in DOCS]
    for item in s["items"]:
        assert quoted(texts[item["doc"]], item) == item["text"]
    assert sum(len(i["text"].split()) for i in s["items"]) <= 25
    assert s["text"] == " ".join(i["text"] for i in s["items"])
    assert s["items"][0]["doc_id"] in ("doc0", "b")


def test_algorithms_and_budget():
    lead = brief_nlp.summarize(DOCS, algorithm="lead", words=8)
    assert lead["algorithm"] == "lead"
    assert lead["budget"] == {"unit": "words", "limit": 8}


def test_settings_are_the_cli_settings(tmp_path, brief_bin):
    # The same settings by keyword and by flag give the same summary.
    settings = {"algorithm": "mmr", "bytes": 120, "cut": True, "lambda": 0.5}
    s = brief_nlp.summarize(DOCS, id="c", **settings)
    cluster = {"id": "c", "documents": [{"id": "doc0", "text": DOCS[0]}, DOCS[1]]}
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(cluster) + "\n")
    out = subprocess.run(
        [str(brief_bin), "summarize", "-a", "mmr", "--bytes", "120", "--cut", "--lambda", "0.5",
         "--format", "json", str(path)],
        check=True, capture_output=True, text=True,
    ).stdout
    cli = json.loads(out)
    # `truncated` is written only when true, as in the CLI's JSON.
    assert [(i["doc_id"], i["span"], i.get("truncated", False)) for i in s["items"]] == [
        (i["doc_id"], i["span"], i.get("truncated", False)) for i in cli["items"]
    ]
    assert s["budget"] == {"unit": "bytes", "limit": 120}
    # Compression by keyword as by flag.
    tails = brief_nlp.summarize(["Three people were hurt in the blast at the plant, police said on Tuesday."],
                                words=20, compress="tails")
    assert tails["items"][0]["text"] == "Three people were hurt in the blast at the plant."
    assert tails["items"][0]["edits"][0]["reason"] == "attribution"
    assert brief_nlp.summarize(DOCS, sentences=1)["budget"] == {"unit": "sentences", "limit": 1}


@pytest.mark.parametrize(
    "call",
    [
        lambda: brief_nlp.summarize([{"title": "no text"}]),
        lambda: brief_nlp.summarize(DOCS, wrods=10),
        lambda: brief_nlp.summarize(DOCS, words=10, bytes=100),
        lambda: brief_nlp.summarize(DOCS, damping="high"),
        lambda: brief_nlp.summarize(DOCS, algorithm="nonsense"),
        lambda: brief_nlp.summarize(DOCS, words=0),
        lambda: brief_nlp.summarize([3]),
        lambda: brief_nlp.rouge("a", []),
        lambda: brief_nlp.rouge("a", ["b"], profile="bleu"),
        lambda: brief_nlp.cluster([{"id": "x", "text": "t", "published": "yesterday"}]),
        lambda: brief_nlp.cluster(["t"], threshold=3.0),
        lambda: brief_nlp.cluster(["t"], errors="ignore"),
        lambda: brief_nlp.cluster(["t"], split_ratio=-1.0),
    ],
)
def test_bad_input_raises_value_error(call):
    with pytest.raises(ValueError):
        call()


def test_rouge_matches_hand_counts():
    # candidate "the cat sat", reference "the cat ran": 2 of 3 unigrams, 1 of 2 bigrams.
    scores = brief_nlp.rouge("the cat sat", ["the cat ran"])
    assert set(scores) == {"rouge1", "rouge2", "rougeL", "rougeLsum"}
    assert scores["rouge1"]["precision"] == pytest.approx(2 / 3)
    assert scores["rouge1"]["recall"] == pytest.approx(2 / 3)
    assert scores["rouge2"]["fmeasure"] == pytest.approx(0.5)
    assert brief_nlp.rouge("the cat sat", "the cat sat")["rouge1"]["fmeasure"] == pytest.approx(1.0)


def test_cluster_skips_bad_articles_when_asked():
    rows = [
        {"id": "a", "text": "Volcano erupts near the village, lava flows"},
        {"id": "b", "text": "Lava from the volcano reaches the village", "published": "yesterday"},
        {"id": "c", "text": "Lava flows from the volcano toward the village"},
    ]
    with pytest.raises(ValueError, match="article 1"):
        brief_nlp.cluster(rows)
    stories = brief_nlp.cluster(rows, errors="skip")
    assert stories[1] is None
    assert stories[0] == stories[2] is not None


def test_cluster_settings_reach_the_clusterer():
    # Two topics sharing only "report Tuesday": glued at threshold 0, split when they close.
    volcano = ["Volcano erupts near village, lava and ash force evacuation, report Tuesday",
               "Ash from the volcano grounds flights as lava reaches the village, report Tuesday"]
    chess = ["Chess champion wins the title in a rapid tiebreak, report Tuesday",
             "The challenger loses the chess title after the tiebreak, report Tuesday"]
    rows = [volcano[0], chess[0], volcano[1], chess[1]]
    glued = brief_nlp.cluster(rows, threshold=0.0, split_ratio=0.0, dedup_threshold=0.0)
    assert len(set(glued)) == 1
    split = brief_nlp.cluster(rows, threshold=0.0, dedup_threshold=0.0)
    assert split[0] == split[2] != split[1] == split[3]


def test_cluster_equals_cli(stream_fixture, brief_bin):
    rows = [json.loads(line) for line in stream_fixture.read_text().splitlines()]
    stories = brief_nlp.cluster(rows)  # the gold "story" key is ignored
    out = subprocess.run(
        [brief_bin, "cluster", "--in", stream_fixture], check=True, capture_output=True, text=True
    ).stdout
    # The CLI writes an article's line when its story closes: match by id.
    cli = {row["id"]: row["story"] for row in map(json.loads, out.splitlines())}
    assert len(cli) == len(rows)
    assert stories == [cli[r["id"]] for r in rows]
    gold = [r["story"] for r in rows]
    # The fixture's three stories are recovered exactly.
    assert len(set(stories)) == 3
    assert all((a == b) == (x == y) for a, x in zip(stories, gold) for b, y in zip(stories, gold))
