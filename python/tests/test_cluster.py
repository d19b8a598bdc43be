"""brief_nlp.cluster and `brief cluster` share brief-stream's settings type and defaults.

The stream is generated: 90 days of made-up topics, with reprints of articles
31 to 60 days old. A copy window of 30 days (brief_nlp.cluster's default until
it used the library's) gives other stories on it, so equal stories here mean
equal defaults. crates/cli/tests/long_stream.rs checks the binary against the
library on a stream built the same way.
"""

import datetime
import json
import random
import subprocess

import pytest

import brief_nlp

FILLER = (
    "officials report week city government people plan new year country group police members public "
    "local support state time area work later statement expected meeting leaders national million "
    "early month issue"
).split()
SYLLABLES = ["ka", "lo", "mi", "ra", "tu", "ve", "zo", "ne", "shi", "po", "gar", "bel"]
START = datetime.date(2021, 1, 1)


def topic(rng, days):
    """A made-up topic: eight content words, two names, the days it runs."""
    word = lambda: "".join(rng.choice(SYLLABLES) for _ in range(3))  # noqa: E731
    return {"words": [word() for _ in range(8)], "names": [word().capitalize() for _ in range(2)], "days": days}


def article(rng, id, day, title_topic, body, mix):
    """Three sentences whose words come from body[1] with probability mix %, else body[0]."""
    sentences = []
    for _ in range(3):
        words = ["The"]
        for k in range(10):
            t = body[1] if rng.randrange(100) < mix else body[0]
            if k == 4:
                words.append(rng.choice(t["names"]))
            elif rng.randrange(100) < 55:
                words.append(rng.choice(t["words"]))
            else:
                words.append(rng.choice(FILLER))
        sentences.append(" ".join(words) + ".")
    return {
        "id": id,
        "title": " ".join(rng.choice(title_topic["words"]) for _ in range(3)),
        "text": " ".join(sentences),
        "published": (START + datetime.timedelta(days=day)).isoformat(),
        "source": f"source{rng.randrange(5)}",
    }


def long_stream():
    """24 topics over 90 days and reprints 31 to 60 days late; `bridge-reprint`
    (day 45) copies `bridge` (day 2), which has the first topic's title but
    mostly the words of the second topic (days 20 to 69)."""
    rng = random.Random(14)
    topics = [topic(rng, range(0, 90)), topic(rng, range(20, 70))]
    while len(topics) < 24:
        start = rng.randrange(80)
        topics.append(topic(rng, range(start, min(start + 5 + rng.randrange(56), 90))))
    rows, bridge = [], None
    for day in range(90):
        for t, tp in enumerate(topics):
            if day in tp["days"] and rng.randrange(2):
                rows.append((day, article(rng, f"t{t}-d{day}-{len(rows)}", day, tp, [tp, tp], 0)))
        if day == 2:
            bridge = article(rng, "bridge", day, topics[0], topics[:2], 80)
            rows.append((day, bridge))
        published = (START + datetime.timedelta(days=day)).isoformat()
        if day == 45:
            rows.append((day, dict(bridge, id="bridge-reprint", published=published)))
        for _ in range(2):
            old = [a for d, a in rows if 31 <= day - d <= 60 and a["id"] != "bridge"]
            if old and rng.randrange(3):
                reprint = dict(rng.choice(old), id=f"reprint-d{day}-{len(rows)}", published=published, source="reprints")
                rows.append((day, reprint))
    return [a for _, a in rows]


def cli_stories(brief_bin, path, rows, *flags):
    out = subprocess.run(
        [brief_bin, "cluster", "--in", path, *flags], check=True, capture_output=True, text=True
    ).stdout
    story = {row["id"]: row["story"] for row in map(json.loads, out.splitlines())}
    return [story[r["id"]] for r in rows]


@pytest.fixture(scope="module")
def rows():
    return long_stream()


def test_long_stream_equals_cli(tmp_path, brief_bin, rows):
    first, last = (datetime.date.fromisoformat(rows[i]["published"]) for i in (0, -1))
    assert (last - first).days > 60
    path = tmp_path / "long.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))

    stories = brief_nlp.cluster(rows)
    assert stories == cli_stories(brief_bin, path, rows)
    # A keyword argument is the flag of the same name.
    assert brief_nlp.cluster(rows, window_days=20) == cli_stories(brief_bin, path, rows, "--window-days", "20")

    # The reprint 43 days late joins its original's story; with copies
    # forgotten after 30 days (the old default here) it goes by its words.
    at = {r["id"]: i for i, r in enumerate(rows)}
    assert stories[at["bridge-reprint"]] == stories[at["bridge"]]
    forgetful = brief_nlp.cluster(rows, config={"dedup": {"window_secs": 30 * 86400}})
    assert forgetful[at["bridge-reprint"]] != forgetful[at["bridge"]]


def test_config_dict_and_keywords_are_one_settings_type(rows):
    assert brief_nlp.cluster(rows, config={"threshold": 0.3}) == brief_nlp.cluster(rows, threshold=0.3)
    off = brief_nlp.cluster(rows, config={"dedup": None})
    assert off == brief_nlp.cluster(rows, dedup_threshold=0)
    # Keyword arguments override the dict.
    assert brief_nlp.cluster(rows, config={"dedup": None}, dedup_threshold=0.8) == brief_nlp.cluster(rows)


@pytest.mark.parametrize(
    "kwargs, field",
    [
        ({"config": {"treshold": 0.2}}, "treshold"),
        ({"config": {"dedup": {"bands": 0}}}, "dedup.bands"),
        ({"window_days": -1}, "window_days"),
        ({"entity_boost": 0.5}, "entity_boost"),
        ({"config": "threshold=0.2"}, "config"),
    ],
)
def test_bad_settings_name_the_field(kwargs, field):
    with pytest.raises(ValueError, match=field):
        brief_nlp.cluster(["text"], **kwargs)


def test_stories_equal_brief_stories(tmp_path, brief_bin, rows):
    path = tmp_path / "long.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = subprocess.run(
        [brief_bin, "stories", "--in", path, "--words", "40", "--window-days", "20"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    cli = [json.loads(line) for line in out.splitlines()]
    assert brief_nlp.stories(rows, words=40, window_days=20) == cli
    config = {"summary": {"words": 40}, "cluster": {"window_days": 20}}
    assert brief_nlp.stories(rows, config=config) == cli
    assert sum(len(s["articles"]) for s in cli) == len(rows)


def test_stories_settings_and_bad_articles():
    rows = [
        {"id": "a", "text": "Volcano erupts near the village. Lava flows toward the houses."},
        {"id": "b", "text": "Lava from the volcano reaches the village.", "published": "yesterday"},
    ]
    with pytest.raises(ValueError, match="article 1"):
        brief_nlp.stories(rows)
    (story,) = brief_nlp.stories(rows, errors="skip", algorithm="lead", words=5)
    assert story["articles"] == ["a"]
    assert story["summary"]["algorithm"] == "lead"
    with pytest.raises(ValueError, match="cluster.threshold"):
        brief_nlp.stories(rows, threshold=2.0)
    with pytest.raises(ValueError, match="budget"):
        brief_nlp.stories(rows, words=0)


def test_embeddings_given_with_short_items_are_compared(tmp_path, brief_bin):
    # Two headlines of one story share no content word; their (given)
    # embeddings are alike. The CLI reads the same field from JSONL.
    rows = [
        {"id": "a", "text": "Wildfire forces thousands to flee", "embedding": [1.0, 0.0, 0.0]},
        {"id": "b", "text": "Blaze spreads, residents evacuated", "embedding": [0.9, 0.1, 0.0]},
        {"id": "c", "text": "Fed keeps interest rates unchanged", "embedding": [0.0, 0.0, 1.0]},
    ]
    headlines = {"threshold": 0.03, "clear_threshold": 0.01}
    by_meaning = brief_nlp.cluster(rows, config=headlines)
    assert by_meaning[0] == by_meaning[1] != by_meaning[2]
    by_words = brief_nlp.cluster([{k: v for k, v in r.items() if k != "embedding"} for r in rows], config=headlines)
    assert by_words[0] != by_words[1]
    path = tmp_path / "embedded.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = subprocess.run(
        [brief_bin, "cluster", "--headlines", "--in", path], check=True, capture_output=True, text=True
    ).stdout
    cli = {json.loads(line)["id"]: json.loads(line)["story"] for line in out.splitlines()}
    assert cli["a"] == cli["b"] != cli["c"]
    with pytest.raises(ValueError, match="embedding"):
        brief_nlp.cluster([{"text": "x", "embedding": "not numbers"}])
