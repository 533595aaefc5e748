"""The actor scan over a range of a text reads only that range, and finds what a scan of the whole
text finds there; folding maps each character on its own (so a range folds like the whole)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilan.actors import ActorDictionary, fold

TEXT = (
    "Selon l'Observatoire syrien des droits de l'Homme (OSDH), les forces du régime ont repris "
    "Alep-Est. L'ONU s'inquiète, a indiqué l'AFP. Le Hamas et l'Etat islamique n'ont pas réagi."
)


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for i, ch in enumerate(text):
        if ch == "." and (i + 1 == len(text) or text[i + 1] == " "):
            bounds.append((start, i + 1))
            start = i + 2
    return bounds


def test_actors_find_range_same_as_whole_text(actors: ActorDictionary) -> None:
    whole = actors.find(TEXT)
    assert {m.actor.name for m in whole} >= {"AFP", "Islamic State", "United Nations"}
    by_range = [m for a, b in _sentence_bounds(TEXT) for m in actors.find(TEXT, start=a, end=b)]
    assert by_range == whole
    for m in by_range:
        assert TEXT[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("start", "end"),
    [(1, None), (51, 60), (52, 55), (0, 3), (200, 100), (len(TEXT) - 5, len(TEXT) + 10)],
)
def test_actors_find_range_edges(actors: ActorDictionary, start: int, end: int | None) -> None:
    """A range cut inside a name finds nothing there; the word edge before the range counts."""
    stop = len(TEXT) if end is None else min(end, len(TEXT))
    inside = [m for m in actors.find(TEXT) if m.start >= start and m.end <= stop]
    assert actors.find(TEXT, start=start, end=end) == [
        m for m in inside if m in actors.find(TEXT[:stop], start=start)
    ]


def _fold_one(ch: str, lower: bool) -> str:
    for a, b in (("’", "'"), ("‘", "'"), ("ʼ", "'"), ("`", "'"), ("´", "'")):
        ch = ch.replace(a, b)
    base = unicodedata.normalize("NFD", ch)[0]
    if lower and len(base.lower()) == 1:
        base = base.lower()
    return " " if base in "-‐‑–" else base


@given(st.text(max_size=40), st.booleans())
def test_actors_fold_one_character_each(text: str, lower: bool) -> None:
    folded = fold(text, lower=lower)
    assert len(folded) == len(text)
    assert folded == "".join(_fold_one(ch, lower) for ch in text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("État islamique", "etat islamique"), ("Croix-Rouge", "croix rouge"), ("l’OSDH", "l'osdh")],
)
def test_actors_fold_french_names(text: str, expected: str) -> None:
    assert fold(text) == expected
