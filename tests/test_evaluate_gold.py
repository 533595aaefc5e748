"""Gold loading: typed GoldError for files that do not follow GOLD.md, anchors located."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilan.errors import GoldError
from bilan.evaluate import gold_paths, load_gold, load_golds
from bilan.evaluate.locate import enclosing_quotation, locate_anchors, locate_quotes
from tests.evaluate_helpers import GOLD, TEXT, make_gold, write_gold

FIRST = GOLD["counts"][0]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"counts": [FIRST | {"anchor": "Au moins 41 civils"}]}, "not a verbatim substring"),
        ({"counts": [FIRST | {"category": "dead"}]}, r"counts\[0\]: category"),
        ({"counts": [FIRST | {"group": "soldiers"}]}, r"counts\[0\]: group"),
        ({"counts": [FIRST | {"qualifier": "vague", "value": None}]}, "needs `low` and `high`"),
        ({"counts": [FIRST | {"part_of": 0}]}, "part_of 0 is not the index of another count"),
        ({"counts": [FIRST | {"colour": "red"}]}, "Extra inputs are not permitted"),
        ({"quotes": [{"text": "Les obus tombent sans cesse", "speaker": None}]}, "quote 0"),
        ({"article": GOLD["article"] | {"published": "mardi"}}, "invalid article: published"),
        ({"notes": "x"}, "unknown top-level keys"),
    ],
)
def test_evaluate_gold_errors_are_typed(tmp_path: Path, change, message) -> None:  # type: ignore[no-untyped-def]
    path = write_gold(tmp_path, GOLD | change)
    with pytest.raises(GoldError, match=message) as info:
        load_gold(path)
    assert info.value.exit_code == 12 and info.value.source == str(path)


def test_evaluate_gold_missing_text(tmp_path: Path) -> None:
    path = write_gold(tmp_path)
    (tmp_path / GOLD["article"]["text"]).unlink()
    with pytest.raises(GoldError, match="cannot read the article text"):
        load_gold(path)


def test_evaluate_gold_missing_counts_section(tmp_path: Path) -> None:
    path = write_gold(tmp_path, {k: v for k, v in GOLD.items() if k != "counts"})
    with pytest.raises(GoldError, match="`counts` section is missing"):
        load_gold(path)


def test_evaluate_gold_bare_alias_becomes_a_list(tmp_path: Path) -> None:
    gold = make_gold(tmp_path, GOLD | {"counts": [FIRST | {"source": "OSDH"}]})
    assert gold.counts[0].source == ["OSDH"]
    assert "source" in gold.counts[0].present and "perpetrator" not in gold.counts[0].present


def test_evaluate_gold_paths_expand_directories(tmp_path: Path) -> None:
    write_gold(tmp_path)
    assert [p.name for p in gold_paths([tmp_path])] == ["test-homs.gold.yaml"]
    with pytest.raises(GoldError, match="no such gold file"):
        gold_paths([tmp_path / "nope"])
    with pytest.raises(GoldError, match="also used by"):
        load_golds([tmp_path, tmp_path / "test-homs.gold.yaml"])


def test_evaluate_gold_identical_anchors_take_successive_occurrences() -> None:
    text = "Deux morts à Gaza. Deux morts à Rafah."
    assert locate_anchors(text, ["Deux morts", "Deux morts"], "count") == [(0, 10), (19, 29)]
    # more entries than occurrences (one phrase annotated as two categories): the last is reused
    assert locate_anchors(text, ["Gaza"] * 2, "count") == [(13, 17), (13, 17)]


def test_evaluate_gold_quote_prefers_an_occurrence_that_opens_a_quotation() -> None:
    text = "Il parle de réforme. Il a promis une « réforme profonde » du système."
    ((start, end),) = locate_quotes(text, ["réforme"])
    assert text[start - 2 : end] == "« réforme"


@pytest.mark.parametrize(
    ("text", "gold", "whole"),
    [
        (
            "Il a dit : « Nous partirons demain. Pas avant. »",
            "Nous partirons",
            "Nous partirons demain. Pas avant.",
        ),
        ('Le maire évoque "une catastrophe", puis se tait.', "une catastrophe", "une catastrophe"),
        (
            "« Il parlait d'une “vie au travail” difficile », dit-elle.",
            "difficile",
            "Il parlait d'une “vie au travail” difficile",
        ),
        ("Elle a parlé de réforme sans guillemets.", "réforme", "réforme"),
        ('Il a dit « "non merci à tous ».', "non merci", "non merci à tous"),  # stray mark
    ],
)
def test_evaluate_gold_quote_span_is_the_whole_quotation(text, gold, whole) -> None:  # type: ignore[no-untyped-def]
    start = text.index(gold)
    s, e = enclosing_quotation(text, start, start + len(gold))
    assert text[s:e] == whole


def test_evaluate_gold_text_decoded_like_extract(tmp_path: Path) -> None:
    gold = make_gold(tmp_path, GOLD, TEXT.replace("\n", "\r\n"))
    start, end = gold.counts[0].span
    assert gold.text[start:end] == "Au moins 14 civils" and "\r\n" in gold.text
