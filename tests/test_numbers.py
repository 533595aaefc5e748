"""French numbers read by the `numbers` stage (bilan.counts.numerals)."""

from __future__ import annotations

import pytest

from bilan.counts.numerals import parse_digits, read_numbers


@pytest.mark.parametrize(
    ("text", "evidence", "value", "qualifier"),
    [
        ("Alep-Est comptait récemment 250.000 civils.", "250.000", 250000, "exact"),
        ("Plus de 50 000 personnes ont fui.", "Plus de 50 000", 50000, "more_than"),
        ("Les 3\u202f550 soldats encore présents.", "3\u202f550", 3550, "exact"),
        ("On compte 12\u00a0000 sinistrés.", "12\u00a0000", 12000, "exact"),
        ("Le HCR recense 1,5 million de déplacés.", "1,5 million", 1500000, "exact"),
        ("Il y a eu quatre-vingt-dix blessés.", "quatre-vingt-dix", 90, "exact"),
        ("Deux cents familles ont été relogées.", "Deux cents", 200, "exact"),
        ("Vingt et un mineurs ont péri.", "Vingt et un", 21, "exact"),
        ("au moins 26 civils ont été tués", "au moins 26", 26, "at_least"),
        (
            "Pas moins de neuf autres personnes auraient été blessées",
            "Pas moins de neuf",
            9,
            "at_least",
        ),
        ("près de 40 morts", "près de 40", 40, "about"),
        ("environ 2 000 citoyens maliens", "environ 2 000", 2000, "about"),
        ("jusqu'à 300 personnes", "jusqu'à 300", 300, "up_to"),
        ("moins de 40 ans", "moins de 40", 40, "less_than"),
        (
            "Au moins une quarantaine de personnes au sol",
            "Au moins une quarantaine",
            40,
            "at_least",
        ),
        ("la vingtaine de militaires du groupe", "la vingtaine", 20, "about"),
        ("une centaine de manifestants", "une centaine", 100, "about"),
        ("200 morts environ", "200", 200, "about"),
    ],
)
def test_numbers_reads_value_and_qualifier(
    text: str, evidence: str, value: float, qualifier: str
) -> None:
    mentions = read_numbers(text)
    assert mentions, text
    first = mentions[0]
    assert first.evidence.text == evidence
    assert text[first.evidence.start : first.evidence.end] == evidence
    assert first.value == value
    assert first.qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier"),
    [
        ("plusieurs dizaines de milliers de personnes", 20000, 99999, "vague"),
        ("des dizaines de morts", 20, 99, "vague"),
        ("plusieurs centaines de morts et de disparus", 200, 999, "vague"),
        ("Des milliers de manifestants", 2000, 9999, "vague"),
        ("des centaines de milliers de réfugiés", 200000, 999999, "vague"),
        ("des millions de sinistrés", 2000000, 9999999, "vague"),
        ("plusieurs personnes mourir sous la torture", 2, 9, "vague"),
        ("quelques blessés légers", 2, 9, "vague"),
        ("entre 20 et 30 morts", 20, 30, "range"),
        ("de 18 à 25 ans", 18, 25, "range"),
    ],
)
def test_numbers_reads_vague_amounts_and_ranges(
    text: str, low: float, high: float, qualifier: str
) -> None:
    first = read_numbers(text)[0]
    assert (first.low, first.high, first.qualifier) == (low, high, qualifier)
    assert first.value is None


@pytest.mark.parametrize(
    "text",
    [
        "Un avion de ligne s'est écrasé.",  # an article, not a number
        "une fillette au milieu d'une rue",
        "Le 18e congrès du Parti communiste",  # an ordinal
        "Les deux camps ont signé un accord.",  # "deux" is read, but not "un"
    ],
)
def test_numbers_skips_articles_and_ordinals(text: str) -> None:
    values = [m.value for m in read_numbers(text)]
    assert 1 not in values
    assert 18 not in values


def test_numbers_keeps_every_number_for_the_counts_stage_to_judge() -> None:
    text = "Fawwaz al-Achaari, 56 ans, à une dizaine de km, le 15 novembre, près de 40% d'Alep-Est."
    found = [(m.evidence.text, m.value) for m in read_numbers(text)]
    assert found == [("56", 56), ("une dizaine", 10), ("15", 15), ("près de 40", 40)]


@pytest.mark.parametrize(
    ("digits", "value"),
    [("250.000", 250000), ("50 000", 50000), ("3\u202f550", 3550), ("1,5", 1.5), ("26", 26)],
)
def test_numbers_parse_digits_with_french_separators(digits: str, value: float) -> None:
    assert parse_digits(digits) == value


def test_numbers_stage_assigns_head_tokens(nlp) -> None:  # type: ignore[no-untyped-def]
    from bilan import Pipeline, Settings
    from bilan.model import Article

    pipe = Pipeline(Settings(stages=("numbers",), check_language=False), nlp=nlp)
    doc = pipe(Article(text="Plus de 50 000 personnes ont fui."))
    assert [m.value for m in doc.numbers] == [50000]
    assert doc.spacy is not None and doc.numbers[0].head_token is not None
    assert doc.spacy[doc.numbers[0].head_token].text == "000"
