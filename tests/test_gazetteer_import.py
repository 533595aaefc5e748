"""`bilan gazetteer import`: full GeoNames dumps into the index (tested on a small zip)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilan.cli import app
from bilan.errors import ConfigError
from bilan.gazetteer import GazetteerEntry, SqliteGazetteer
from bilan.gazetteer.geonames import import_geonames
from bilan.gazetteer.index import write_atomically


def _row(gid: int, name: str, alt: str, lat: float, lon: float, fclass: str, fcode: str,
         cc: str, pop: int) -> str:  # fmt: skip
    cols = [str(gid), name, name, alt, str(lat), str(lon), fclass, fcode, cc, "", "09", "", "",
            "", str(pop), "", "400", "Asia/Damascus", "2020-01-01"]  # fmt: skip
    return "\t".join(cols)


@pytest.fixture
def dumps(tmp_path: Path) -> tuple[Path, Path]:
    country = tmp_path / "SY.zip"
    rows = [
        _row(
            9000001,
            "Kafr Nabudah",
            "Kfar Naboudeh,Kafr Nabouda",
            35.44,
            36.52,
            "P",
            "PPL",
            "SY",
            2000,
        ),
        _row(9000002, "Jabal az Zawiyah", "", 35.7, 36.55, "T", "MTS", "SY", 0),
        _row(170063, "Aleppo", "Halab", 36.20124, 37.16117, "P", "PPLA", "SY", 2098210),
    ]
    with zipfile.ZipFile(country, "w") as z:
        z.writestr("SY.txt", "\n".join(rows) + "\n")
        z.writestr("readme.txt", "GeoNames export\n")
    alternates = tmp_path / "alternateNamesV2.zip"
    alt_rows = [
        "1\t9000001\tfr\tKafr Naboudé\t1\t\t\t\t\t",
        "2\t9000001\tru\tКафр-Набуда\t\t\t\t\t\t",
        "3\t170063\tfr\tAlep la Grise\t\t\t\t\t\t",
    ]
    with zipfile.ZipFile(alternates, "w") as z:
        z.writestr("alternateNamesV2.txt", "\n".join(alt_rows) + "\n")
    return country, alternates


@pytest.fixture
def base_index(tmp_path: Path) -> Path:
    path = tmp_path / "index.sqlite"
    aleppo = GazetteerEntry(
        name="Aleppo", kind="city", country="SY", lat=36.2, lon=37.16, geonameid=170063,
        population=2098210, aliases=("Alep",),
    )  # fmt: skip
    write_atomically(path, [aleppo], {"version": "test"})
    return path


def test_gazetteer_import_adds_villages_and_french_names(
    dumps: tuple[Path, Path], base_index: Path
) -> None:
    country, alternates = dumps
    seen: list[tuple[int, int]] = []
    report = import_geonames(
        base_index, country, alternate_names=alternates, progress=lambda d, t: seen.append((d, t))
    )
    assert report.added == 2  # the village and the mountains; Aleppo was already there
    gaz = SqliteGazetteer(base_index)
    (village,) = gaz.lookup("Kafr Naboudé")  # French name from alternateNamesV2
    assert village.kind == "city" and village.country == "SY" and village.lat == 35.44
    assert gaz.lookup("Kfar Naboudeh") == [village]  # alternate name from the dump
    assert gaz.lookup("Jabal az Zawiyah")[0].kind == "region"
    (aleppo,) = gaz.lookup("Alep la Grise")  # a name added to a place already known
    assert aleppo.geonameid == 170063
    assert seen and seen[-1][0] == seen[-1][1]  # progress reached the end


def test_gazetteer_import_missing_file_is_a_config_error(base_index: Path, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        import_geonames(base_index, tmp_path / "allCountries.zip")


def test_gazetteer_import_cli_reports_what_it_added(
    dumps: tuple[Path, Path], base_index: Path
) -> None:
    country, alternates = dumps
    result = CliRunner().invoke(
        app,
        [
            "gazetteer",
            "import",
            str(country),
            "--alternate-names",
            str(alternates),
            "--index",
            str(base_index),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "2 places added" in result.output
    assert SqliteGazetteer(base_index).lookup("Kafr Nabudah")
