"""Exports read back by standard readers (csv, json, pyarrow): the writers, the CLI and the API."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from bilan.api import create_app
from bilan.api.filters import Filters, make_filters
from bilan.api.memory import MemoryStore
from bilan.api.selection import from_documents
from bilan.cli import app
from bilan.config import Settings
from bilan.contract import ContractDocument, from_contract
from bilan.export import FORMATS, Selection, write
from bilan.export.csv_formats import ACLED_COLUMNS
from tests.api_seed import SEED_ID, guyane_document, seed_document
from tests.conftest import SEED_GOLD

GUYANE_ID = "wikinews-fr-44389"
ACLED_SPEC = [
    "event_id_cnty",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "inter1",
    "actor2",
    "inter2",
    "interaction",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
]
UCDP_SPEC = "best low high where_prec date_prec date_start date_end source_original source_article"
IDMC_SPEC = ["origin", "destination", "figure", "qualifier", "period", "source"]


@pytest.fixture(scope="module")
def documents(seed_text: str) -> list[ContractDocument]:
    return [seed_document(seed_text, Path(SEED_GOLD))[1], guyane_document()[1]]


@pytest.fixture(scope="module")
def selection(documents: list[ContractDocument]) -> Selection:
    return from_documents(documents, Filters())


def written(fmt: str, selection: Selection) -> bytes:
    sink = io.BytesIO()
    write(fmt, selection, sink)
    return sink.getvalue()


def csv_rows(data: bytes) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(data.decode("utf-8"), newline=""))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def test_export_acled_has_acled_columns_and_rows(selection: Selection) -> None:
    header, rows = csv_rows(written("acled-csv", selection))
    assert header == ACLED_SPEC == list(ACLED_COLUMNS)
    assert len(rows) == 3
    aleppo = next(r for r in rows if r["location"] == "Alep-Est")
    assert aleppo["event_id_cnty"].startswith("SYR")
    assert (aleppo["country"], aleppo["event_date"], aleppo["time_precision"]) == (
        "Syria",
        "2016-11-30",
        "1",
    )
    assert aleppo["event_type"] == "Explosions/Remote violence"
    assert aleppo["actor1"] == "Military Forces of Syria"
    assert (aleppo["latitude"], aleppo["longitude"], aleppo["geo_precision"]) == (
        "36.2",
        "37.17",
        "1",
    )
    assert aleppo["fatalities"] == "26"
    assert aleppo["source"] == "Observatoire syrien des droits de l'Homme"
    guyane = [r for r in rows if r["location"] == "Dorlin"]
    assert len(guyane) == 2 and all(r["country"] == "French Guiana" for r in guyane)
    assert {r["event_id_cnty"][:3] for r in guyane} == {"GUF"}
    assert len({r["event_id_cnty"] for r in rows}) == 3


def test_export_ucdp_rows_are_deaths_with_estimates(selection: Selection) -> None:
    header, rows = csv_rows(written("ucdp-csv", selection))
    assert set(UCDP_SPEC.split()) <= set(header)
    assert len(rows) == 7  # killed incidents: 5 in the seed (subsets inside), 2 in Guyane
    by_best = {int(r["best"]): r for r in rows if r["source_original"].startswith("Observatoire")}
    siege = by_best[300]
    assert (siege["date_start"], siege["date_end"], siege["date_prec"]) == (
        "2016-11-15",
        "2016-11-30",
        "4",
    )
    assert (siege["low"], siege["high"], siege["where_prec"]) == ("300", "300", "1")
    assert siege["source_article"].endswith(f"(2016-11-30) [{SEED_ID}]")
    for row in rows:
        assert int(row["low"]) <= int(row["best"]) <= int(row["high"])


def test_export_idmc_flows_of_the_seed(selection: Selection) -> None:
    header, rows = csv_rows(written("idmc-csv", selection))
    assert header[:6] == IDMC_SPEC
    pairs = {(r["origin"], r["destination"]): r for r in rows}
    assert set(pairs) == {
        ("Alep-Est", ""),
        ("Alep-Est", "Alep-Ouest"),
        ("Alep-Est", "Cheikh Maqsoud"),
    }
    assert pairs[("Alep-Est", "Cheikh Maqsoud")]["figure"] == "30000"
    assert pairs[("Alep-Est", "Alep-Ouest")]["qualifier"] == "more_than"
    assert (
        pairs[("Alep-Est", "Alep-Ouest")]["source"] == "Observatoire syrien des droits de l'Homme"
    )
    totals = [r for r in rows if r["destination"] == ""]
    assert {r["figure"] for r in totals} == {"50000"}
    assert "2016-11-27/2016-11-30" in {r["period"] for r in totals}
    assert pairs[("Alep-Est", "Alep-Ouest")]["part_of"] in {r["flow_id"] for r in totals}


def test_export_geojson_points_and_flow_lines(selection: Selection) -> None:
    data = json.loads(written("geojson", selection))
    assert data["type"] == "FeatureCollection"
    points = [f for f in data["features"] if f["geometry"]["type"] == "Point"]
    lines = [f for f in data["features"] if f["geometry"]["type"] == "LineString"]
    assert len(points) == 11 and data["skipped"] == 3  # the "Guyane" incident has no point
    assert len(lines) == 2
    assert {f["properties"]["destination"] for f in lines} == {"Alep-Ouest", "Cheikh Maqsoud"}
    for f in lines:
        assert f["geometry"]["coordinates"][0] == [37.17, 36.2]  # [lon, lat] of Alep-Est
    killed = next(p for p in points if p["properties"]["best"] == 26)
    assert killed["properties"]["category"] == "killed"
    assert killed["geometry"]["coordinates"] == [37.17, 36.2]


def test_export_jsonl_reads_back_as_contract_documents(
    selection: Selection, seed_text: str
) -> None:
    lines = written("jsonl", selection).decode("utf-8").splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert first["article"]["id"] == SEED_ID
    assert isinstance(first["counts"][1]["value"], int) and first["counts"][1]["value"] == 26
    doc = from_contract(first)
    for c in doc.counts:
        assert seed_text[c.evidence.start : c.evidence.end] == c.evidence.text


def test_export_parquet_one_row_per_count(selection: Selection, seed_text: str) -> None:
    table = pq.read_table(io.BytesIO(written("parquet", selection)))
    assert table.num_rows == 18
    rows = table.to_pylist()
    for row in rows:
        if row["article_id"] == SEED_ID:
            assert seed_text[row["evidence_start"] : row["evidence_end"]] == row["evidence_text"]
    flow = next(r for r in rows if r["destination"] == "Cheikh Maqsoud")
    assert (flow["origin"], flow["value"], flow["part_of"]) == (None, 30000.0, "c5")
    assert str(table.schema.field("period_start").type) == "date32[day]"


@pytest.mark.parametrize(
    ("filters", "counts", "events"),
    [
        ({"category": "killed"}, 9, 2),
        ({"place": "Dorlin"}, 4, 2),
        ({"source": "Sana"}, 2, 0),
        ({"period": "2012"}, 5, 2),
        ({"actor": "orpailleurs"}, 3, 1),
    ],
)
def test_export_selection_follows_filters(
    documents: list[ContractDocument], filters: dict[str, str], counts: int, events: int
) -> None:
    chosen = from_documents(documents, make_filters(**filters))
    assert len(chosen.counts) == counts
    assert len(chosen.events) == events


@pytest.fixture(scope="module")
def extract_file(
    tmp_path_factory: pytest.TempPathFactory, documents: list[ContractDocument]
) -> Path:
    path = tmp_path_factory.mktemp("export") / "extract.jsonl"
    path.write_text(
        "".join(
            json.dumps(d.model_dump(mode="json"), ensure_ascii=False) + "\n" for d in documents
        ),
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_cli_writes_every_format(extract_file: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{FORMATS[fmt][1]}"
    result = CliRunner().invoke(app, ["export", str(extract_file), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0
    if fmt == "parquet":
        assert pq.read_table(out).num_rows == 18
    elif fmt == "geojson":
        assert json.loads(out.read_text("utf-8"))["type"] == "FeatureCollection"
    elif fmt == "jsonl":
        assert len(out.read_text("utf-8").splitlines()) == 2
    else:
        assert csv_rows(out.read_bytes())[1]


def test_export_cli_filters_and_stdout(extract_file: Path) -> None:
    result = CliRunner().invoke(
        app, ["export", str(extract_file), "--format", "ucdp-csv", "--place", "Alep-Ouest"]
    )
    assert result.exit_code == 0, result.output
    _, rows = csv_rows(result.stdout_bytes)
    assert {r["where_coordinates"] for r in rows} == {"Alep-Ouest"} and len(rows) == 2


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--format", "acled-csv", "--category", "dead"], 2),
        (["--format", "acled-csv", "--period", "2016-13"], 2),
        (["--format", "shapefile"], 2),
    ],
)
def test_export_cli_refuses_bad_options(extract_file: Path, args: list[str], code: int) -> None:
    result = CliRunner().invoke(app, ["export", str(extract_file), *args])
    assert result.exit_code == code


def test_export_cli_refuses_a_file_that_is_not_extraction_output(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "not a result"\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["export", str(bad), "--format", "jsonl"])
    assert result.exit_code == 8


@pytest.fixture(scope="module")
def api(seed_text: str) -> TestClient:
    store = MemoryStore()
    store.add(*seed_document(seed_text, Path(SEED_GOLD)))
    store.add(*guyane_document())
    return TestClient(create_app(Settings(), store=store))


def read_back(fmt: str, body: bytes) -> Any:
    if fmt == "parquet":
        return pq.read_table(io.BytesIO(body)).to_pylist()
    if fmt == "geojson":
        return json.loads(body)["features"]
    if fmt == "jsonl":
        return [json.loads(line) for line in body.decode("utf-8").splitlines()]
    return csv_rows(body)[1]


@pytest.mark.parametrize(
    ("fmt", "everything", "killed"),
    [
        ("acled-csv", 3, 2),
        ("ucdp-csv", 7, 7),
        ("idmc-csv", 4, 0),
        ("geojson", 13, 6),
        ("jsonl", 2, 2),
        ("parquet", 18, 9),
    ],
)
def test_export_api_serves_every_format_with_filters(
    api: TestClient, fmt: str, everything: int, killed: int
) -> None:
    response = api.get(f"/export/{fmt}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(FORMATS[fmt][0].split(";")[0])
    assert f"bilan-{fmt}." in response.headers["content-disposition"]
    assert len(read_back(fmt, response.content)) == everything
    filtered = api.get(f"/export/{fmt}", params={"category": "killed"})
    assert len(read_back(fmt, filtered.content)) == killed


def test_export_api_unknown_format_is_422(api: TestClient) -> None:
    response = api.get("/export/shapefile")
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "E_INVALID"


def test_export_cli_reads_the_store_when_no_file_is_given(tmp_path: Path) -> None:
    from bilan.api.sql import SqlFactStore
    from tests.api_seed import guyane_document

    db = tmp_path / "bilan.sqlite"
    store = SqlFactStore.open(str(db))
    store.add(*guyane_document())
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "ucdp-csv"])
    assert result.exit_code == 0, result.output
    header, rows = csv_rows(result.stdout_bytes)
    assert "best" in header and rows
    assert all(int(r["best"]) >= 1 for r in rows)
