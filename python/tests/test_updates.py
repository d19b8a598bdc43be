"""brief_nlp's update summaries equal `brief update` and `brief stories --updates`."""

import json
import subprocess

import pytest

import brief_nlp


def test_stories_updates_equal_the_cli(stream_fixture, brief_bin):
    out = subprocess.run(
        [brief_bin, "stories", "--in", stream_fixture, "--updates", "--words", "40"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    cli = [json.loads(line) for line in out.splitlines()]
    rows = [json.loads(line) for line in stream_fixture.read_text().splitlines()]
    for r in rows:
        del r["story"]
    py = brief_nlp.stories(rows, words=40, updates=True)
    assert py == cli
    # The fixture's stories grow over several days: some records are updates,
    # each summarizing only its new articles.
    updates = [r for r in cli if r["kind"] == "update"]
    assert updates, cli
    for r in updates:
        assert r["seen_articles"] and not set(r["seen_articles"]) & set(r["articles"])
        assert {i["doc_id"] for i in r["summary"]["items"]} <= set(r["articles"])
    # The plan has the same records without summaries.
    plan = brief_nlp.stories(rows, words=40, updates=True, summarize=False)
    assert [(p["story"], p["articles"], p["seen_articles"]) for p in plan] == [
        (r["story"], r["articles"], r["seen_articles"]) for r in cli
    ]


def test_update_equals_the_cli(tmp_path, brief_bin):
    seen = "The council approved the river bridge plan on Monday. The bridge will cost twelve million dollars."
    new = [
        "The council approved the river bridge plan on Monday. Engineers found cracks in the old pier on Friday.",
        "Engineers said the cracks in the old pier must be repaired first. The survey team reports next week.",
    ]
    (tmp_path / "seen.txt").write_text(seen + "\n")
    folder = tmp_path / "new"
    folder.mkdir()
    for i, text in enumerate(new):
        (folder / f"n{i}.txt").write_text(text + "\n")
    out = subprocess.run(
        [brief_bin, "update", "--seen", tmp_path / "seen.txt", "--words", "30", "--format", "json", folder],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    cli = json.loads(out)
    docs = [{"id": f"n{i}", "text": t + "\n"} for i, t in enumerate(new)]
    py = brief_nlp.update(docs, seen=[seen + "\n"], words=30, id="new")
    assert [(i["doc_id"], i["span"]) for i in py["items"]] == [(i["doc_id"], i["span"]) for i in cli["items"]]
    assert "approved" not in py["text"]
    with pytest.raises(ValueError, match="seen_weight"):
        brief_nlp.update(docs, seen=[seen], seen_weight=2.0)
    with pytest.raises(ValueError, match="querry"):
        brief_nlp.update(docs, seen=[seen], querry="survey")
    assert brief_nlp.update(docs, seen=[seen], query="the old pier")["items"]


def test_headlines_equal_the_cli(tmp_path, brief_bin, stream_fixture):
    out = subprocess.run(
        [brief_bin, "cluster", "--in", stream_fixture, "--headlines"], check=True, capture_output=True, text=True
    ).stdout
    cli = {r["id"]: r["story"] for r in map(json.loads, out.splitlines())}
    rows = [json.loads(line) for line in stream_fixture.read_text().splitlines()]
    stories = brief_nlp.cluster(rows, headlines=True)
    assert {r["id"]: s for r, s in zip(rows, stories)} == cli
    with pytest.raises(ValueError, match="not both"):
        brief_nlp.cluster(rows, headlines=True, config={"threshold": 0.1})
