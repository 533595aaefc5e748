"""The blind challenge gold (gold/challenge2): every file parses and every string is verbatim.

This set measures generalisation to unseen French: it is BLIND, never tune extraction on it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from bilan.evaluate import load_gold
from tests.conftest import ROOT
from tests.test_gold import _check_verbatim

CHALLENGE2_GOLD = sorted((ROOT / "gold" / "challenge2").glob("*.gold.yaml"))
CHALLENGE2_TEXTS = ROOT / "corpora" / "challenge2"
CATEGORIES = {
    "killed",
    "injured",
    "missing",
    "kidnapped",
    "arrested",
    "displaced",
    "evacuated",
    "affected",
    "population",
}


def test_gold_challenge2_holds_every_challenge2_article() -> None:
    texts = sorted(CHALLENGE2_TEXTS.glob("*.txt"))
    assert len(CHALLENGE2_GOLD) == len(texts) == 16
    assert {p.name.split(".")[0] for p in CHALLENGE2_GOLD} == {p.stem for p in texts}
    index = [
        json.loads(line) for line in (CHALLENGE2_TEXTS / "index.jsonl").read_text().splitlines()
    ]
    assert [row["id"] for row in index] == [p.stem for p in texts]
    assert {row["license"] for row in index} == {"CC BY 4.0"}
    assert {row["source"] for row in index} == {"bilan authors"}


@pytest.mark.parametrize("path", CHALLENGE2_GOLD, ids=[p.stem for p in CHALLENGE2_GOLD])
def test_gold_challenge2_file_parses_and_is_verbatim(path: Path) -> None:
    gold = load_gold(path)
    assert gold.article.published is not None
    assert gold.places is not None and gold.dates is not None and gold.events is not None
    _check_verbatim(gold)


@pytest.mark.parametrize("path", CHALLENGE2_GOLD, ids=[p.stem for p in CHALLENGE2_GOLD])
def test_gold_challenge2_anchors_are_unique_and_subsets_point_back(path: Path) -> None:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = (path.parent / raw["article"]["text"]).read_text(encoding="utf-8")
    counts = raw["counts"]
    for index, count in enumerate(counts):
        assert text.count(count["anchor"]) == 1, count["anchor"]
        assert count["category"] in CATEGORIES, count["anchor"]
        parent = count.get("part_of")
        assert parent is None or (0 <= parent < len(counts) and parent != index)
    for quote in raw["quotes"]:
        assert text.count(quote["text"]) == 1, quote["text"]
