"""The Spark job in local[2] mode gives the same stories and summaries as `brief stories`."""

import json
import pathlib
import subprocess
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "examples" / "spark"))
import brief_stories  # noqa: E402


def read_parts(folder: pathlib.Path):
    rows = []
    for part in sorted(folder.glob("part-*")):
        rows += [json.loads(line) for line in part.read_text().splitlines() if line.strip()]
    return rows


def test_spark_equals_brief_stories(tmp_path, stream_fixture, brief_bin):
    # The fixture with three bad lines in it: both skip them and go on.
    lines = stream_fixture.read_text().splitlines()
    bad = ["not json", '{"id": "no-text"}', '{"id": "x", "text": "Volcano erupts", "published": "last week"}']
    stream = tmp_path / "stream.jsonl"
    stream.write_text("\n".join(lines[:2] + bad + lines[2:]) + "\n")

    out = tmp_path / "out"
    brief_stories.main([str(stream), str(out), "--master", "local[2]", "--partitions", "2", "--words", "40"])
    spark = {r["story"]: r for r in read_parts(out)}

    done = subprocess.run([brief_bin, "stories", "--in", stream, "--words", "40"], capture_output=True, text=True)
    assert done.returncode == 1, done.stderr  # lines were skipped
    assert "3 of " in done.stderr
    cli = {r["story"]: r for r in map(json.loads, done.stdout.splitlines())}

    assert sorted(spark) == sorted(cli) and len(cli) == 3
    assert sum(len(r["articles"]) for r in cli.values()) == len(lines)
    for story, row in cli.items():
        assert spark[story]["articles"] == row["articles"]
        got = spark[story]["summary"]
        want = row["summary"]
        assert got["cluster_id"] == want["cluster_id"]
        assert [(i["doc_id"], i["span"], i["text"]) for i in got["items"]] == [
            (i["doc_id"], i["span"], i["text"]) for i in want["items"]
        ]


def test_spark_updates_equal_brief_stories_updates(tmp_path, stream_fixture, brief_bin):
    out = tmp_path / "out"
    brief_stories.main(
        [str(stream_fixture), str(out), "--master", "local[2]", "--partitions", "2", "--words", "40", "--updates"]
    )
    spark = read_parts(out)
    done = subprocess.run(
        [brief_bin, "stories", "--in", stream_fixture, "--updates", "--words", "40"],
        check=True,
        capture_output=True,
        text=True,
    )
    cli = [json.loads(line) for line in done.stdout.splitlines()]
    assert any(r["kind"] == "update" for r in cli)
    assert spark == cli
