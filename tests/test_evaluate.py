"""The scorer itself, on hand-made predictions (GOLD.md scoring rules)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilan.evaluate import ArticleScore, GoldDocument, score_article
from bilan.evaluate.sentences import blank_sentencizer
from bilan.model import EntityRef, Period, Place
from tests.evaluate_helpers import (
    GOLD,
    TEXT,
    count,
    make_gold,
    perfect_counts,
    perfect_quotes,
    prediction,
    quote,
)


@pytest.fixture(scope="module")
def sentencizer():  # type: ignore[no-untyped-def]
    return blank_sentencizer()


@pytest.fixture
def gold(tmp_path: Path) -> GoldDocument:
    return make_gold(tmp_path)


def score(gold: GoldDocument, sentencizer, **preds) -> ArticleScore:  # type: ignore[no-untyped-def]
    return score_article(gold, prediction(**preds), sentencizer)


def test_evaluate_perfect_prediction_scores_one(gold, sentencizer) -> None:  # type: ignore[no-untyped-def]
    result = score(gold, sentencizer, counts=perfect_counts(), quotes=perfect_quotes())
    assert result.tallies["counts"].model_dump() == {
        "tp": 3, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0
    }  # fmt: skip
    assert result.tallies["quotes"].f1 == 1.0
    assert {k: a.value for k, a in result.accuracies.items()} == {
        "counts.qualifier": 1.0,
        "counts.group": 1.0,
        "counts.source": 1.0,
        "counts.part_of": 1.0,
        "counts.period": 1.0,
        "counts.place": 1.0,
        "counts.destination": 1.0,
        "quotes.speaker": 1.0,
    }
    assert result.issues == []
    assert result.warnings == []


def test_evaluate_empty_prediction_misses_everything(gold, sentencizer) -> None:  # type: ignore[no-untyped-def]
    result = score(gold, sentencizer)
    counts = result.tallies["counts"]
    assert (counts.tp, counts.fp, counts.fn) == (0, 0, 3)
    assert counts.precision is None and counts.recall == 0.0 and counts.f1 == 0.0
    assert result.tallies["quotes"].fn == 3
    misses = [i for i in result.issues if i.kind == "miss" and i.section == "counts"]
    assert misses[0].sentence.startswith("HOMS, 12 mars 2013 — Au moins 14 civils")
    assert misses[0].sentence.endswith("droits de l'homme.")


@pytest.mark.parametrize(
    ("category", "value", "phrase", "why"),
    [
        ("injured", 14, "Au moins 14 civils", "wrong category"),
        ("killed", 15, "Au moins 14 civils", "off-by-one number"),
        ("killed", 14, "Plus de 2 000 personnes", "evidence outside the anchor's sentence"),
    ],
)
def test_evaluate_count_not_matched(gold, sentencizer, category, value, phrase, why) -> None:  # type: ignore[no-untyped-def]
    result = score(gold, sentencizer, counts=[count("c1", category, value, phrase)])
    t = result.tallies["counts"]
    assert (t.tp, t.fp, t.fn) == (0, 1, 3), why
    assert [i.kind for i in result.issues if i.section == "counts"].count("false_alarm") == 1


def test_evaluate_count_matches_anywhere_in_the_anchor_sentence(gold, sentencizer) -> None:  # type: ignore[no-untyped-def]
    result = score(gold, sentencizer, counts=[count("c1", "killed", 14, "ont été tués mardi")])
    assert result.tallies["counts"].tp == 1


def test_evaluate_duplicate_prediction_counts_once(gold, sentencizer) -> None:  # type: ignore[no-untyped-def]
    preds = [*perfect_counts(), count("c4", "killed", 14, "14 civils", qualifier="at_least")]
    t = score(gold, sentencizer, counts=preds).tallies["counts"]
    assert (t.tp, t.fp, t.fn) == (3, 1, 0)


def test_evaluate_duplicate_does_not_steal_the_better_match(gold, sentencizer) -> None:  # type: ignore[no-untyped-def]
    worse = count("c0", "killed", 14, "Au moins 14 civils", group="people")  # listed first
    result = score(gold, sentencizer, counts=[worse, *perfect_counts()])
    assert result.accuracies["counts.group"].value == 1.0
    assert [i.what.split()[0] for i in result.issues if i.kind == "false_alarm"] == ["c0"]


def test_evaluate_wrong_fields_are_mismatches(gold, sentencizer) -> None:  # type: ignore[no-untyped-def]
    preds = perfect_counts()
    preds[0] = preds[0].model_copy(
        update={"group": "people", "period": Period(start="2013-03-10", end="2013-03-10")}  # type: ignore[arg-type]
    )
    result = score(gold, sentencizer, counts=preds)
    assert result.tallies["counts"].f1 == 1.0
    assert result.accuracies["counts.group"].value == pytest.approx(2 / 3)
    assert result.accuracies["counts.period"].value == 0.5
    details = sorted(i.detail or "" for i in result.issues if i.kind == "mismatch")
    assert details == [
        "group: gold civilians, predicted people",
        "period: gold 2013-03-12…2013-03-12, predicted 2013-03-10…2013-03-10",
    ]


def test_evaluate_period_within_one_day(gold, sentencizer) -> None:  # type: ignore[no-untyped-def]
    preds = perfect_counts()
    preds[0] = preds[0].model_copy(
        update={"period": Period(start="2013-03-11", end="2013-03-13")}  # type: ignore[arg-type]
    )
    assert score(gold, sentencizer, counts=preds).accuracies["counts.period"].value == 1.0


@pytest.mark.parametrize(
    ("parent_id", "right"),
    [("c1", True), ("c3", False), (None, False)],
)
def test_evaluate_part_of_maps_through_the_matching(gold, sentencizer, parent_id, right) -> None:  # type: ignore[no-untyped-def]
    preds = perfect_counts()
    preds[1] = preds[1].model_copy(update={"part_of": parent_id})
    acc = score(gold, sentencizer, counts=preds).accuracies["counts.part_of"]
    assert (acc.correct, acc.total) == (1 + right, 2)  # the third gold count gives no part_of


def test_evaluate_part_of_with_renamed_ids(gold, sentencizer) -> None:  # type: ignore[no-untyped-def]
    preds = [c.model_copy(update={"id": "x" + c.id}) for c in perfect_counts()]
    preds[1] = preds[1].model_copy(update={"part_of": "xc1"})
    assert score(gold, sentencizer, counts=preds).accuracies["counts.part_of"].value == 1.0


def test_evaluate_part_of_wrong_when_gold_parent_unmatched(gold, sentencizer) -> None:  # type: ignore[no-untyped-def]
    preds = perfect_counts()[1:]  # the parent (14 civils) is not predicted
    preds[0] = preds[0].model_copy(update={"part_of": "c9"})
    acc = score(gold, sentencizer, counts=preds).accuracies["counts.part_of"]
    assert (acc.correct, acc.total) == (0, 1)


def test_evaluate_null_source_wants_no_source(gold, sentencizer) -> None:  # type: ignore[no-untyped-def]
    preds = perfect_counts()
    preds[2] = preds[2].model_copy(update={"source": EntityRef(text="l'ONU")})
    acc = score(gold, sentencizer, counts=preds).accuracies["counts.source"]
    assert (acc.correct, acc.total) == (2, 3)


def test_evaluate_optional_entries_neither_hit_nor_false_alarm(tmp_path, sentencizer) -> None:  # type: ignore[no-untyped-def]
    gold = make_gold(
        tmp_path, GOLD | {"counts": [GOLD["counts"][0], GOLD["counts"][2] | {"optional": True}]}
    )
    found = count("c3", "displaced", 2000, "Plus de 2 000 personnes", qualifier="more_than")
    with_optional = score(gold, sentencizer, counts=[*perfect_counts()[:1], found]).tallies[
        "counts"
    ]
    assert (with_optional.tp, with_optional.fp, with_optional.fn) == (1, 0, 0)
    without = score(gold, sentencizer, counts=perfect_counts()[:1]).tallies["counts"]
    assert (without.tp, without.fp, without.fn) == (1, 0, 0)


def test_evaluate_required_entries_matched_before_optional(tmp_path, sentencizer) -> None:  # type: ignore[no-untyped-def]
    # one phrase annotated twice (same number, same sentence): optional first in the list
    entry = {
        "anchor": "Au moins 14 civils",
        "category": "killed",
        "qualifier": "at_least",
        "value": 14,
    }
    gold = make_gold(tmp_path, GOLD | {"counts": [entry | {"optional": True}, entry]})
    result = score(gold, sentencizer, counts=[count("c1", "killed", 14, "Au moins 14 civils")])
    t = result.tallies["counts"]
    assert (t.tp, t.fp, t.fn) == (1, 0, 0)


@pytest.mark.parametrize(
    ("phrase", "matched"),
    [
        (
            "« Les obus tombent sans arrêt sur les quartiers assiégés, personne ne peut sortir »",
            True,
        ),
        ("Les obus tombent sans arrêt sur les quartiers assiégés", True),  # over half of the quote
        ("Les obus tombent sans arrêt", False),  # under half of the quote
        ("personne ne peut sortir", False),
    ],
)
def test_evaluate_quote_overlap_half_of_the_longer(gold, sentencizer, phrase, matched) -> None:  # type: ignore[no-untyped-def]
    result = score(gold, sentencizer, quotes=[quote("q1", phrase, "Ahmed Karim")])
    assert result.tallies["quotes"].tp == int(matched)
    assert result.tallies["quotes"].fp == int(not matched)


def test_evaluate_repeated_quote_goes_to_successive_occurrences(gold, sentencizer) -> None:  # type: ignore[no-untyped-def]
    only_second = [quote("q3", "« provocation »", "le ministre", nth=1)]
    t = score(gold, sentencizer, quotes=only_second).tallies["quotes"]
    assert (t.tp, t.fp, t.fn) == (1, 0, 2)
    duplicate = [quote("q2", "« provocation »", "le ministre"), quote("qx", "provocation", None)]
    t = score(gold, sentencizer, quotes=duplicate).tallies["quotes"]
    assert (t.tp, t.fp, t.fn) == (1, 1, 2)


@pytest.mark.parametrize(
    ("speaker", "right"),
    [
        ("Ahmed Karim", True),
        ("AHMED KARIM", True),
        ("Ahmed Karîm", True),  # accents stripped
        ("un habitant, Ahmed Karim", True),  # contains the alias
        ("Karim", True),  # contained in the alias
        ("Le ministre de l'Information", False),
        (None, False),
    ],
)
def test_evaluate_speaker_accuracy(gold, sentencizer, speaker, right) -> None:  # type: ignore[no-untyped-def]
    q = quote(
        "q1",
        "« Les obus tombent sans arrêt sur les quartiers assiégés, personne ne peut sortir »",
        speaker,
    )
    acc = score(gold, sentencizer, quotes=[q]).accuracies["quotes.speaker"]
    assert (acc.correct, acc.total) == (int(right), 1)


def test_evaluate_speaker_name_preferred_over_text(gold, sentencizer) -> None:  # type: ignore[no-untyped-def]
    q = quote(
        "q1",
        "« Les obus tombent sans arrêt sur les quartiers assiégés, personne ne peut sortir »",
        None,
    )
    q = q.model_copy(update={"speaker": EntityRef(text="un habitant", name="Ahmed Karim")})
    assert score(gold, sentencizer, quotes=[q]).accuracies["quotes.speaker"].value == 1.0


@pytest.mark.parametrize(
    ("place", "right"),
    [
        (Place(text="Damas"), True),
        (Place(text="à Dâmas"), True),  # accents stripped, contains the alias
        (Place(text="la capitale", name="Damas"), True),  # the name wins over the text
        (Place(text="Alep"), False),
        (None, False),
    ],
)
def test_evaluate_count_place_compared_like_speakers(gold, sentencizer, place, right) -> None:  # type: ignore[no-untyped-def]
    preds = perfect_counts()
    preds[2] = preds[2].model_copy(update={"destination": place})
    acc = score(gold, sentencizer, counts=preds).accuracies["counts.destination"]
    assert acc.value == float(right)


def test_evaluate_misaligned_evidence_is_warned(gold, sentencizer) -> None:  # type: ignore[no-untyped-def]
    c = count("c1", "killed", 14, "Au moins 14 civils")
    shifted = c.model_copy(
        update={"evidence": c.evidence.model_copy(update={"start": 3, "end": 21})}
    )
    result = score(gold, sentencizer, counts=[shifted])
    assert result.warnings and result.warnings[0].startswith("c1: evidence")


def test_evaluate_text_fixture_is_french() -> None:
    assert "ont été tués" in TEXT
