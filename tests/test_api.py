"""The app itself through TestClient: /extract, OpenAPI, /schema, /health, typed errors, body cap,
the dashboard's files. Extraction runs the real pipeline (spaCy loaded once per session)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import jsonschema
import pytest
from fastapi.testclient import TestClient

from bilan import Pipeline
from bilan.api import create_app
from bilan.config import Settings
from bilan.contract import schema

READ_PATHS = ["/articles", "/counts", "/quotes", "/events", "/incidents", "/flows"]
SHORT_FR = (
    "Au moins 26 civils ont été tués mercredi dans des bombardements sur Alep-Est, "
    "selon l'Observatoire syrien des droits de l'homme (OSDH)."
)


@pytest.fixture(scope="module")
def client(pipeline: Pipeline) -> TestClient:
    return TestClient(create_app(Settings(api_token="s3cret"), pipeline=pipeline))


def test_api_create_app_builds_no_pipeline_until_asked() -> None:
    built: list[int] = []
    app = create_app(Settings())
    services = app.state.services
    original = services.pipeline_factory
    services.pipeline_factory = lambda: built.append(1) or original()
    assert TestClient(app).get("/health").json()["status"] == "ok"
    assert built == []


def test_api_health_reports_page_cap() -> None:
    body = TestClient(create_app(Settings(api_max_page=7))).get("/health").json()
    assert body == {"status": "ok", "version": body["version"], "max_page": 7}


def test_api_openapi_lists_every_endpoint(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/extract", "/articles", "/articles/{article_id}", "/export/{fmt}", "/schema"} <= paths
    assert set(READ_PATHS) <= paths
    params = {p["name"] for p in spec["paths"]["/counts"]["get"]["parameters"]}
    assert {"place", "period", "category", "group", "source", "actor", "limit", "offset"} <= params
    assert "HTTPBearer" in json.dumps(spec["paths"]["/articles"]["post"])


def test_api_schema_is_the_contract_schema(client: TestClient) -> None:
    assert client.get("/schema").json() == schema()


@pytest.mark.parametrize(
    "text",
    [
        SHORT_FR,
        "Deux militaires français ont été tués et deux autres blessés mercredi en Guyane.",
        "La réunion du Conseil de sécurité s'est tenue à New York sans aucun incident.",
    ],
)
def test_api_extract_returns_the_contract(client: TestClient, text: str) -> None:
    response = client.post(
        "/extract", json={"text": text, "id": "a1", "published": "2016-11-30", "title": "T"}
    )
    assert response.status_code == 200, response.text
    data = response.json()
    jsonschema.validate(data, schema())
    assert data["article"]["id"] == "a1"
    assert data["article"]["published"] == "2016-11-30"
    for fact in data["counts"] + data["quotes"]:
        ev = fact["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["text"]


def test_api_extract_seed_offsets_index_the_text(client: TestClient, seed_text: str) -> None:
    data = client.post("/extract", json={"text": seed_text, "published": "2016-11-30"}).json()
    jsonschema.validate(data, schema())
    for fact in data["counts"] + data["quotes"]:
        ev = fact["evidence"]
        assert seed_text[ev["start"] : ev["end"]] == ev["text"]


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"text": ""}, 422, "E_INVALID"),
        ({"text": "   \n  "}, 422, "E_EMPTY"),
        ({}, 422, "E_INVALID"),
        ({"text": SHORT_FR, "published": "30/11/2016"}, 422, "E_INVALID"),
        ({"text": SHORT_FR, "lang": "fr"}, 422, "E_INVALID"),
        (
            {"text": "At least 26 civilians were killed on Wednesday in air strikes on eastern "
             "Aleppo, according to the Syrian Observatory for Human Rights."},
            422,
            "E_LANGUAGE",
        ),
    ],
)  # fmt: skip
def test_api_extract_refuses_bad_articles(
    client: TestClient, body: dict[str, str], status: int, code: str
) -> None:
    response = client.post("/extract", json=body)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["code"] == code and error["message"]


def test_api_extract_text_over_max_chars_is_413(nlp: object) -> None:
    small = Pipeline(Settings(max_chars=50), nlp=nlp)  # type: ignore[arg-type]
    client = TestClient(create_app(Settings(), pipeline=small))
    response = client.post("/extract", json={"text": SHORT_FR})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "E_TOO_LARGE"


@pytest.fixture(scope="module")
def capped() -> TestClient:
    return TestClient(create_app(Settings(api_max_body=1000, api_token="t")))


@pytest.mark.parametrize("path", ["/extract", "/articles"])
def test_api_body_over_cap_is_refused_before_reading(capped: TestClient, path: str) -> None:
    body = json.dumps({"text": "Des civils ont fui. " * 100})
    response = capped.post(
        path,
        content=body,
        headers={"Content-Type": "application/json", "Authorization": "Bearer t"},
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "E_BODY_TOO_LARGE"


def test_api_chunked_body_over_cap_is_refused(capped: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(50):
            yield b"Des civils ont fui Alep-Est. "
        yield b'"}'

    response = capped.post(
        "/extract", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "E_BODY_TOO_LARGE"


def test_api_unknown_route_and_method_are_typed(client: TestClient) -> None:
    missing = client.get("/nowhere")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "E_NOT_FOUND"
    wrong = client.delete("/counts")
    assert wrong.status_code == 405 and wrong.json()["error"]["code"] == "E_METHOD"


def test_api_dashboard_page_and_bundled_files_are_served(client: TestClient) -> None:
    assert client.get("/", follow_redirects=False).headers["location"] == "/dashboard"
    page = client.get("/dashboard")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text)
    assert "/static/vendor/leaflet/leaflet.js" in assets and "/static/app.js" in assets
    for asset in [*assets, "/static/vendor/countries-110m.geojson"]:
        assert client.get(asset).status_code == 200, asset
    basemap = client.get("/static/vendor/countries-110m.geojson").json()
    assert basemap["type"] == "FeatureCollection" and len(basemap["features"]) > 150
    for license_file in ("vendor/leaflet/LICENSE", "vendor/world-atlas.LICENSE"):
        assert client.get(f"/static/{license_file}").status_code == 200


@pytest.mark.parametrize("asset", ["/dashboard", "/static/app.js", "/static/app.css"])
def test_api_dashboard_needs_no_internet(client: TestClient, asset: str) -> None:
    """Our page loads nothing from elsewhere: no absolute URL in its own files."""
    text = client.get(asset).text.replace("http://www.w3.org/2000/svg", "")  # a namespace name
    assert re.findall(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", text) == []
