"""The dev gold (gold/dev) and the seed gold: every file parses and every string is verbatim."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilan.evaluate import GoldDocument, load_gold, load_golds
from bilan.evaluate.locate import enclosing_quotation
from tests.conftest import ROOT, SEED_GOLD

DEV_GOLD = sorted((ROOT / "gold" / "dev").glob("*.gold.yaml"))


def test_gold_dev_holds_every_dev_article() -> None:
    texts = sorted((ROOT / "corpora" / "wikinews-fr-2012" / "dev").glob("*.txt"))
    assert len(DEV_GOLD) == len(texts) == 49
    assert {p.name.split(".")[0] for p in DEV_GOLD} == {p.stem for p in texts}
    assert len({g.id for g in load_golds([ROOT / "gold" / "dev"])}) == 49


def _check_verbatim(gold: GoldDocument) -> None:
    text = gold.text
    for c in gold.counts:
        assert text[c.span[0] : c.span[1]] == c.anchor
    for q in gold.quotes:
        assert text[q.span[0] : q.span[1]] == q.text
        start, end = enclosing_quotation(text, *q.span)
        assert start <= q.span[0] and end >= q.span[1] - 1, q.text
    for p in gold.places or []:
        assert text[p.span[0] : p.span[1]] == p.text
    for d in gold.dates or []:
        assert text[d.span[0] : d.span[1]] == d.text
        assert d.start is None or d.end is None or d.start <= d.end, d.text
    for e in gold.events or []:
        assert text[e.span[0] : e.span[1]] == e.anchor


@pytest.mark.parametrize("path", DEV_GOLD, ids=[p.stem for p in DEV_GOLD])
def test_gold_dev_file_parses_and_is_verbatim(path: Path) -> None:
    gold = load_gold(path)
    assert gold.article.published is not None
    assert gold.places is not None and gold.dates is not None and gold.events is not None
    _check_verbatim(gold)


def test_gold_seed_parses_and_is_verbatim() -> None:
    if not SEED_GOLD.exists():
        pytest.skip(f"the seed gold is read from {SEED_GOLD} (set BILAN_SHARED), absent here")
    gold = load_gold(SEED_GOLD)
    assert len(gold.counts) == 13
    _check_verbatim(gold)
