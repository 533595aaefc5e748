"""Counts in constructions the first rules missed (issue 4, generalization).

Every sentence here is written for these tests (none comes from a corpus): multipliers read
once, categories of their own clause, displacement and need said differently, abductions,
subsets that point back to earlier victims, unusual subjects, traps and perpetrators.
"""

from __future__ import annotations

import pytest

from bilan.counts.numerals import read_numbers
from tests.test_counts import extract


def _summary(nlp, text: str) -> list[tuple[str, float | None, float | None]]:  # type: ignore[no-untyped-def]
    return [(c.category, c.value, c.low) for c in extract(nlp, text)]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("La commune comptait 1,4 million d'habitants.", [1_400_000]),
        ("Environ 1,7 million des 2,4 millions d'habitants", [1_700_000, 2_400_000]),
        ("Quelque 3,5 milliards de personnes", [3_500_000_000]),
        ("deux millions de personnes", [2_000_000]),
        ("Les 12\u202f400 habitants", [12_400]),
    ],
)
def test_numbers_multiplier_read_once(text: str, values: list[float]) -> None:
    assert [m.value for m in read_numbers(text)] == values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a category stays in its clause
        (
            "Trois randonneurs ont péri et une dizaine d'autres sont portés disparus.",
            [("killed", 3, 3), ("missing", 10, 10)],
        ),
        (
            "Au moins huit pêcheurs, dont deux adolescents, ont péri et des dizaines d'autres "
            "sont portés disparus.",
            [("killed", 8, 8), ("killed", 2, 2), ("missing", None, 20)],
        ),
        # displacement said differently
        (
            "Plus de 8 000 Afghans ont franchi la frontière depuis lundi.",
            [("displaced", 8000, 8000)],
        ),
        (
            "La sécheresse a déplacé au moins 300 000 personnes dans la région.",
            [("displaced", 300_000, 300_000)],
        ),
        (
            "Les combats ont poussé des milliers de villageois à fuir vers la côte.",
            [("displaced", None, 2000)],
        ),
        # affected without "sinistrés"
        ("Environ 12 000 foyers restent privés d'eau potable.", [("affected", 12000, 12000)]),
        (
            "Plus de 3 millions de Somaliens ont besoin d'aide alimentaire.",
            [("affected", 3_000_000, 3_000_000)],
        ),
        # abductions, killings said by the army
        (
            "Des hommes armés ont enlevé un commerçant, et cinq villageois ont été emmenés dans "
            "la brousse.",
            [("kidnapped", 1, 1), ("kidnapped", 5, 5)],
        ),
        ("Un vigile du centre commercial a été abattu.", [("killed", 1, 1)]),
        (
            "L'armée affirme que 35 jihadistes ont été neutralisés lors de l'opération.",
            [("killed", 35, 35)],
        ),
        # unusual subjects
        ("Six personnes y ont été placées en garde à vue.", [("arrested", 6, 6)]),
        ("Cinq responsables de la mairie ont été placés en garde à vue.", [("arrested", 5, 5)]),
        (
            "Haïti : une vingtaine de fidèles d'une église enlevés par un gang",
            [("kidnapped", 20, 20)],
        ),
    ],
)
def test_counts_category_of_its_own_clause(nlp, text: str, expected: list[tuple]) -> None:  # type: ignore[no-untyped-def]
    assert _summary(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "La sécheresse a déplacé les troupeaux vers le sud.",  # no number of people
        "La défense a abattu 22 des 31 drones lancés dans la nuit.",  # objects
        "L'ordre de retrait concerne 2 000 des 3 550 soldats encore présents.",  # no event
        "Les villageois ont emmené deux chèvres au marché.",  # no abduction told
    ],
)
def test_counts_traps_not_emitted(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [c for c in extract(nlp, text) if c.value not in (3550,)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Un incendie a fait 14 blessés. Selon les pompiers, 5 des blessés sont dans un état "
            "grave.",
            [("injured", 14.0, None), ("injured", 5.0, "c1")],
        ),
        (
            "Une explosion a tué 9 personnes jeudi. Parmi les morts figurent deux pompiers et "
            "un enfant.",
            [("killed", 9.0, None), ("killed", 2.0, "c1"), ("killed", 1.0, "c1")],
        ),
        (
            "Un accident a fait 30 blessés. Parmi les blessés, quatre se trouvaient en "
            "réanimation mardi.",
            [("injured", 30.0, None), ("injured", 4.0, "c1")],
        ),
        (
            "Au moins 20 agents de la police ont été blessés, dont trois grièvement.",
            [("injured", 20.0, None), ("injured", 3.0, "c1")],
        ),
        (
            "Au total, 5 400 personnes sont sinistrées, dont 2 100 ont trouvé refuge dans des "
            "écoles.",
            [("affected", 5400.0, None), ("displaced", 2100.0, "c1")],
        ),
    ],
)
def test_counts_subset_points_back(nlp, text: str, expected: list[tuple]) -> None:  # type: ignore[no-untyped-def]
    counts = extract(nlp, text)
    assert [(c.category, c.value, c.part_of) for c in counts] == expected


@pytest.mark.parametrize(
    ("text", "perpetrators"),
    [
        ("Ukraine : au moins 12 morts dans des frappes de drones russes sur Odessa", ["russes"]),
        (
            "Cinq civils ont été tués et neuf autres blessés lundi par des tirs de mortier "
            "rebelles sur un marché.",
            ["rebelles", "rebelles"],
        ),
        (
            "Au moins 30 villageois ont été tués dimanche dans des raids des milices Wagner.",
            ["milices Wagner"],
        ),
        (
            "Un homme de 40 ans a ouvert le feu dans une église, tuant trois fidèles et blessant "
            "deux autres personnes.",
            ["homme de 40 ans", "homme de 40 ans"],
        ),
        (
            "Douze civils ont été tués lors d'une attaque attribuée à des insurgés.",
            ["insurgés"],
        ),
        ("Les violences islamistes ont fait plus de 3 000 morts depuis 2019.", ["islamistes"]),
        (
            "Plus de 90 000 personnes ont fui leur domicile à cause des violences des gangs.",
            ["gangs"],
        ),
        (
            "Des hommes armés ont attaqué le village, selon la police. Au moins 14 habitants ont "
            "été tués, a précisé un élu.",
            [None],
        ),
        ("Huit personnes ont été tuées dans l'attaque de Kharkiv.", [None]),
        ("La sécheresse a déplacé au moins 300 000 personnes.", [None]),
    ],
)
def test_counts_perpetrator_from_the_attack_noun(nlp, text: str, perpetrators: list) -> None:  # type: ignore[no-untyped-def]
    counts = extract(nlp, text, places=["Kharkiv"] if "Kharkiv" in text else None)
    assert [c.perpetrator.text if c.perpetrator else None for c in counts] == perpetrators


def test_counts_perpetrator_carried_to_the_next_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Des dizaines de civils ont été tués lors d'une attaque attribuée à des jihadistes. "
        "Selon un élu, au moins 45 personnes ont été tuées."
    )
    counts = extract(nlp, text)
    assert [c.perpetrator.text if c.perpetrator else None for c in counts] == [
        "jihadistes",
        "jihadistes",
    ]
