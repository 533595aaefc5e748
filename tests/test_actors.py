"""The actor dictionary: look-up of actor phrases, scan of running text, user extensions."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilan.actors import ActorDictionary, fold
from bilan.errors import ConfigError


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("l'agence officielle Sana", "SANA"),
        ("selon l'OSDH", "Syrian Observatory for Human Rights"),
        (
            "l’Observatoire syrien des droits de l’Homme (OSDH)",
            "Syrian Observatory for Human Rights",
        ),
        ("l'OSDH, une ONG basée à Londres", "Syrian Observatory for Human Rights"),
        ("SOHR", "Syrian Observatory for Human Rights"),
        ("Rami Abdel Rahmane", "Syrian Observatory for Human Rights"),
        ("les forces du régime de Bachar al-Assad", "Syrian government forces"),
        ("du régime", "Syrian government forces"),
        ("l'armée syrienne", "Syrian government forces"),
        ("Damas", "Syrian government forces"),
        ("Moscou", "Russia"),
        ("les milices iraniennes", "Iranian militias"),
        ("des forces kurdes", "Kurdish forces"),
        ("les Talibans", "Taliban"),
        ("la secte islamiste Boko Haram", "Boko Haram"),
        ("l'Etat islamique", "Islamic State"),
        ("les Nations unies", "United Nations"),
        ("le Conseil de sécurité de l'ONU", "UN Security Council"),
        ("la Croix Rouge", "Red Cross"),
        ("le CICR", "ICRC"),
        ("Human Rights Watch", "Human Rights Watch"),
        ("le HCR", "UNHCR"),
        ("par les rebelles", "Rebel groups"),
        ("des insurgés", "Rebel groups"),
        ("les gendarmes", "Gendarmerie"),
        ("l'armée française", "French armed forces"),
        ("les sapeurs-pompiers", "Firefighters"),
        ("ces manifestants", "Protesters"),
    ],
)
def test_actors_lookup_resolves_french_phrases(
    actors: ActorDictionary, phrase: str, name: str
) -> None:
    found = actors.lookup(phrase)
    assert found is not None, phrase
    assert found.name == name


@pytest.mark.parametrize(
    "phrase",
    [
        "cette ONG",  # anaphora, not a name
        "cette agence",
        "le patron des opérations humanitaires de l'ONU",  # a person of the UN, not the UN
        "un correspondant de l'AFP",
        "une source proche des factions syriennes",
        "Fawwaz al-Achaari",
        "l'agence",
        "",
    ],
)
def test_actors_lookup_rejects_non_names(actors: ActorDictionary, phrase: str) -> None:
    assert actors.lookup(phrase) is None


def test_actors_lookup_reports_how_it_matched(actors: ActorDictionary) -> None:
    match = actors.match("l'agence officielle Sana")
    assert match is not None
    assert (match.via, match.matched) == ("title", "sana")
    metonym = actors.match("Damas")
    assert metonym is not None and metonym.via == "metonym"


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("un correspondant de l'AFP", "AFP"),
        ("le patron des opérations humanitaires de l'ONU", "United Nations"),
        ("responsable de la communication de la Croix-Rouge en Syrie", "Red Cross"),
    ],
)
def test_actors_affiliation_of_person_descriptions(
    actors: ActorDictionary, phrase: str, name: str
) -> None:
    found = actors.affiliation(phrase)
    assert found is not None and found.name == name


def test_actors_affiliation_none_without_organization(actors: ActorDictionary) -> None:
    assert actors.affiliation("un habitant de Sakhour, 56 ans") is None


def test_actors_codes_and_types(actors: ActorDictionary) -> None:
    regime = actors["Syrian government forces"]
    assert (regime.type, regime.inter, regime.country) == ("state_forces", 1, "SY")
    assert actors["Rebel groups"].inter == 2
    assert actors["Protesters"].inter == 6
    assert actors["United Nations"].type == "igo"
    ref = regime.ref("du régime")
    assert ref.name == "Syrian government forces" and ref.inter == 1


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Des représentants de la Russie et de groupes rebelles syriens se sont rencontrés à Ankara.",
            [
                ("représentants de la Russie", "Russia"),
                ("groupes rebelles syriens", "Syrian rebels"),
            ],
        ),
        (
            "Les forces du régime et les milices iraniennes ont repris le quartier, selon l’OSDH.",
            [
                ("forces du régime", "Syrian government forces"),
                ("milices iraniennes", "Iranian militias"),
                ("OSDH", "Syrian Observatory for Human Rights"),
            ],
        ),
        ("Il est arrivé à Damas puis à Moscou mardi.", []),  # places, not actors, in running text
        ("Une avalanche a emporté neuf alpinistes près de Chamonix.", []),
    ],
)
def test_actors_find_in_running_text(
    actors: ActorDictionary, sentence: str, expected: list[tuple[str, str]]
) -> None:
    found = actors.find(sentence)
    assert [(m.text, m.actor.name) for m in found] == expected
    for m in found:
        assert sentence[m.start : m.end] == m.text


def test_actors_find_acronyms_only_in_capitals(actors: ActorDictionary) -> None:
    assert [m.actor.name for m in actors.find("Selon AP, le bilan est lourd.")] == [
        "Associated Press"
    ]
    assert actors.find("un cap difficile, ap.") == []


def test_actors_fold_keeps_length() -> None:
    text = "L’État islamique a-t-il frappé à Alep-Est ?"
    assert len(fold(text)) == len(text)
    assert fold("Élysée") == "elysee"


def test_actors_user_extension_adds_aliases_and_actors(tmp_path: Path) -> None:
    path = tmp_path / "actors.yaml"
    path.write_text(
        "actors:\n"
        "  - name: Syrian Observatory for Human Rights\n"
        "    type: ngo\n"
        "    aliases: [Observatoire de Coventry]\n"
        "  - name: Mouvement du 23 mars\n"
        "    type: rebels\n"
        "    inter: 2\n"
        "    country: CD\n"
        "    aliases: [M23, rebelles du M23]\n",
        encoding="utf-8",
    )
    actors = ActorDictionary.load(path)
    ext = actors.lookup("l'Observatoire de Coventry")
    assert ext is not None and ext.name == "Syrian Observatory for Human Rights"
    assert actors.lookup("OSDH") is ext  # the bundled aliases are kept
    m23 = actors.lookup("les rebelles du M23")
    assert m23 is not None and (m23.inter, m23.country) == (2, "CD")


@pytest.mark.parametrize(
    "content",
    [
        "actors: 3\n",
        "actors:\n  - aliases: [x]\n",
        "actors:\n  - name: X\n    type: t\n    inter: deux\n",
    ],
)
def test_actors_user_extension_errors_are_config_errors(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError):
        ActorDictionary.load(path)


def test_actors_missing_user_file_is_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        ActorDictionary.load(tmp_path / "absent.yaml")


def test_actors_stage_collects_normalized_mentions() -> None:
    from bilan.config import Settings
    from bilan.model import Article, Count, Document, EntityRef, Evidence, Quote
    from bilan.pipeline import StageContext
    from bilan.stages.actors import ActorsStage

    text = (
        "Au moins 26 civils ont été tués par des tirs du régime, selon l'OSDH. "
        "\"C'est une pluie d'obus\", a témoigné un correspondant de l'AFP."
    )
    at = text.index("au moins".capitalize())
    count = Count(
        id="c1",
        category="killed",
        group="civilians",
        value=26,
        perpetrator=EntityRef(text="du régime"),
        evidence=Evidence.of(text, at, at + 18),
    )
    q = text.index('"C')
    quote = Quote(
        id="q1",
        text="C'est une pluie d'obus",
        speaker=EntityRef(text="un correspondant de l'AFP", kind="description"),
        evidence=Evidence.of(text, q, q + 24),
    )
    doc = Document(article=Article(text=text), counts=[count], quotes=[quote])
    stage = ActorsStage(StageContext(Settings(check_language=False), nlp=None))  # type: ignore[arg-type]
    names = [a.name for a in stage(doc).actors]
    assert "Syrian government forces" in names  # the perpetrator
    assert "AFP" in names  # the speaker's organization
    assert "Syrian Observatory for Human Rights" in names  # named in the text
    assert all(
        a.evidence is None or text[a.evidence.start : a.evidence.end] == a.evidence.text
        for a in stage(doc).actors
    )
