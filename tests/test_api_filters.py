"""The shared filters: periods as written by people, names compared the GOLD.md way."""

from __future__ import annotations

from datetime import date

import pytest

from bilan.api.filters import FilterError, make_filters, names_match, normalize, parse_period


@pytest.mark.parametrize(
    ("raw", "start", "end"),
    [
        ("2016-11-30", date(2016, 11, 30), date(2016, 11, 30)),
        ("2016-11", date(2016, 11, 1), date(2016, 11, 30)),
        ("2016-12", date(2016, 12, 1), date(2016, 12, 31)),
        ("2016-02", date(2016, 2, 1), date(2016, 2, 29)),
        ("2012", date(2012, 1, 1), date(2012, 12, 31)),
        ("2016-11-15/2016-11-30", date(2016, 11, 15), date(2016, 11, 30)),
        ("2016-11/2016-12", date(2016, 11, 1), date(2016, 12, 31)),
        ("2016-11-15/", date(2016, 11, 15), None),
        ("/2016-11-30", None, date(2016, 11, 30)),
    ],
)
def test_api_filters_period_forms(raw: str, start: date | None, end: date | None) -> None:
    period = parse_period(raw)
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize(
    "raw", ["30/11/2016", "novembre 2016", "2016-13", "2016-11-31", "/", "2016-12-01/2016-11-01"]
)
def test_api_filters_period_refuses(raw: str) -> None:
    with pytest.raises(FilterError):
        parse_period(raw)


@pytest.mark.parametrize(
    ("wanted", "name", "expected"),
    [
        ("OSDH", "l'OSDH", True),
        ("osdh", "Observatoire syrien des droits de l'Homme (OSDH)", True),
        ("Observatoire Syrien", "l'Observatoire syrien des droits de l'homme", True),
        ("Sana", "l'agence officielle Sana", True),
        ("régime", "forces du regime", True),
        ("la Croix-Rouge", "Croix-Rouge", True),
        ("ONU", "Croix-Rouge", False),
        ("Alep-Est", "Alep-Ouest", False),
    ],
)
def test_api_filters_names_match(wanted: str, name: str, expected: bool) -> None:
    assert names_match(wanted, [name]) is expected


def test_api_filters_normalize_strips_article_and_accents() -> None:
    assert normalize("L'Élysée") == "elysee"
    assert normalize("les Casques blancs") == "casques blancs"
    assert normalize("Lattaquié") == "lattaquie"  # a name that starts like an article
    assert normalize("Le Caire") == "caire"


@pytest.mark.parametrize(("field", "value"), [("category", "morts"), ("group", "soldats")])
def test_api_filters_refuse_unknown_vocabulary(field: str, value: str) -> None:
    with pytest.raises(FilterError):
        make_filters(**{field: value})


def test_api_filters_empty_strings_mean_no_filter() -> None:
    assert make_filters(place="", source="", period="") == make_filters()
