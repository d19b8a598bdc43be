"""Shared paths for the brief_nlp tests."""

import os
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture
def stream_fixture():
    """The hand-written labelled stream (three stories, a reprint)."""
    return ROOT / "crates" / "stream" / "tests" / "fixtures" / "stream.jsonl"


@pytest.fixture
def brief_bin():
    """The `brief` binary: $BRIEF_BIN, else target/debug/brief."""
    path = pathlib.Path(os.environ.get("BRIEF_BIN", ROOT / "target" / "debug" / "brief"))
    assert path.exists(), f"build the CLI first (cargo build -p brief-cli) or set BRIEF_BIN; {path} is missing"
    return path
