"""The API over the SQL store (SQLite): the same endpoints through bilan.store's queries."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bilan import Pipeline
from bilan.api import create_app
from bilan.api.sql import SqlFactStore
from bilan.config import Settings
from tests.api_seed import guyane_document, seed_document
from tests.conftest import SEED_GOLD


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, seed_text: str) -> TestClient:
    store = SqlFactStore.open(str(tmp_path_factory.mktemp("sql") / "bilan.sqlite"))
    assert store.add(*seed_document(seed_text, Path(SEED_GOLD))).id == "1"
    assert store.add(*guyane_document()).id == "2"
    return TestClient(create_app(Settings(api_token="t"), store=store))


def test_api_sql_articles_and_article_view(client: TestClient, seed_text: str) -> None:
    listed = client.get("/articles").json()
    assert {(a["id"], a["external_id"]) for a in listed["items"]} == {
        ("1", "afp-alep-2016-11-30"),
        ("2", "wikinews-fr-44389"),
    }
    stored = client.get("/articles/1").json()
    assert stored["text"] == seed_text
    for c in stored["document"]["counts"]:
        assert seed_text[c["evidence"]["start"] : c["evidence"]["end"]] == c["evidence"]["text"]


@pytest.mark.parametrize("article_id", ["99", "afp-alep"])
def test_api_sql_unknown_article_is_404(client: TestClient, article_id: str) -> None:
    response = client.get(f"/articles/{article_id}")
    assert response.status_code == 404 and response.json()["error"]["code"] == "E_NOT_FOUND"


@pytest.mark.parametrize(
    ("path", "params", "expected"),
    [
        ("/counts", {"category": "killed"}, 9),
        ("/counts", {"place": "Alep-Ouest"}, 4),
        ("/counts", {"article": "2"}, 5),
        ("/counts", {"period": "2012"}, 5),
        ("/quotes", {"source": "Pawel Krysiek"}, 1),
        ("/events", {"event_type": "Battles"}, 2),
        ("/incidents", {"category": "killed", "place": "Alep-Est"}, 4),
        ("/flows", {"place": "Cheikh Maqsoud"}, 1),
    ],
)
def test_api_sql_filters(
    client: TestClient, path: str, params: dict[str, str], expected: int
) -> None:
    assert client.get(path, params=params).json()["total"] == expected


def test_api_sql_article_filter_needs_a_number(client: TestClient) -> None:
    response = client.get("/counts", params={"article": "afp"})
    assert response.status_code == 422 and response.json()["error"]["code"] == "E_FILTER"


def test_api_sql_incidents_have_points_and_evidence(client: TestClient, seed_text: str) -> None:
    wanted = {"category": "killed", "source": "Observatoire syrien"}
    body = client.get("/incidents", params=wanted).json()
    assert body["total"] == 4  # OSDH: 26, 300 (with its subset 33), 48
    for incident in body["items"]:
        assert incident["place"]["lat"] is not None
        for claim in incident["claims"]:
            ev = claim["evidence"]
            if claim["article_id"] == "1":
                assert seed_text[ev["start"] : ev["end"]] == ev["text"]


def test_api_sql_flows_seed_two_arrows(client: TestClient) -> None:
    items = client.get("/flows").json()["items"]
    arrows = {f["destination"]["name"]: f["best"] for f in items if f["destination"]}
    assert arrows == {"Alep-Ouest": 20000, "Cheikh Maqsoud": 30000}


def test_api_sql_post_articles_stores_once(tmp_path: Path, pipeline: Pipeline) -> None:
    store = SqlFactStore.open(str(tmp_path / "w.sqlite"))
    client = TestClient(create_app(Settings(api_token="t"), store=store, pipeline=pipeline))
    body = {
        "id": "g1",
        "published": "2012-06-28",
        "text": "Deux militaires français ont été tués mercredi en Guyane, a annoncé l'Élysée.",
    }
    auth = {"Authorization": "Bearer t"}
    first = client.post("/articles", json=body, headers=auth)
    assert first.status_code == 201 and first.json()["created"] is True
    again = client.post("/articles", json=body, headers=auth)
    assert again.status_code == 200 and again.json() == {**first.json(), "created": False}
    assert client.get(f"/articles/{first.json()['id']}").json()["text"] == body["text"]
