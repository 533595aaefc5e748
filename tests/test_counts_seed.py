"""The reference article end to end: all 13 counts with their sources, none of its traps.

Scored with the project's scorer (bilan.evaluate) against ../shared/seed's gold, the way the
hidden gold is scored.
"""

from __future__ import annotations

import pytest

from tests.conftest import SEED_GOLD


@pytest.fixture(scope="module")
def seed_report(pipeline, seed_text):  # type: ignore[no-untyped-def]
    from bilan.evaluate.gold import load_gold
    from bilan.evaluate.run import PipelinePredictor, evaluate

    return evaluate([load_gold(SEED_GOLD)], PipelinePredictor(pipeline))


def test_counts_seed_finds_all_thirteen_counts_and_no_trap(seed_report) -> None:  # type: ignore[no-untyped-def]
    tally = seed_report.summary.tallies["counts"]
    assert (tally.tp, tally.fp, tally.fn) == (13, 0, 0)


@pytest.mark.parametrize("field", ["source", "qualifier", "group", "part_of"])
def test_counts_seed_fields_are_all_right(seed_report, field: str) -> None:  # type: ignore[no-untyped-def]
    assert seed_report.metrics()[f"counts.{field}"] == 1.0


def test_counts_seed_displacement_flow(pipeline, seed_text) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from bilan.model import Article

    doc = pipeline(Article(text=seed_text, published=date(2016, 11, 30)))
    flows = {
        c.value: (
            c.origin.text if c.origin else None,
            c.destination.text if c.destination else None,
        )
        for c in doc.counts
        if c.category == "displaced" and c.part_of is not None
    }
    assert flows == {20000: ("Alep-Est", "Alep-Ouest"), 30000: ("Alep-Est", "Cheikh Maqsoud")}
