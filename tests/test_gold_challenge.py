"""The challenge gold (gold/challenge): every file parses and every string is verbatim."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bilan.evaluate import load_gold
from tests.conftest import ROOT
from tests.test_gold import _check_verbatim

CHALLENGE_GOLD = sorted((ROOT / "gold" / "challenge").glob("*.gold.yaml"))
CHALLENGE_TEXTS = ROOT / "corpora" / "challenge"


def test_gold_challenge_holds_every_challenge_article() -> None:
    texts = sorted(CHALLENGE_TEXTS.glob("*.txt"))
    assert len(CHALLENGE_GOLD) == len(texts) == 24
    assert {p.name.split(".")[0] for p in CHALLENGE_GOLD} == {p.stem for p in texts}
    index = [
        json.loads(line) for line in (CHALLENGE_TEXTS / "index.jsonl").read_text().splitlines()
    ]
    assert [row["id"] for row in index] == [p.stem for p in texts]
    assert {row["license"] for row in index} == {"CC BY 4.0"}


@pytest.mark.parametrize("path", CHALLENGE_GOLD, ids=[p.stem for p in CHALLENGE_GOLD])
def test_gold_challenge_file_parses_and_is_verbatim(path: Path) -> None:
    gold = load_gold(path)
    assert gold.article.published is not None
    assert gold.places is not None and gold.dates is not None and gold.events is not None
    _check_verbatim(gold)
