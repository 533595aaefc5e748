"""Write endpoints and their token: POST /articles needs ``Authorization: Bearer <api_token>``."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from bilan import Pipeline
from bilan.api import create_app
from bilan.api.filters import Filters
from bilan.api.memory import MemoryStore
from bilan.api.security import token_matches
from bilan.config import Settings

ARTICLE = {
    "id": "guyane-1",
    "title": "Guyane : deux militaires tués",
    "published": "2012-06-28",
    "text": "Deux militaires français ont été tués mercredi en Guyane lors d'une opération "
    "contre des orpailleurs clandestins, a annoncé l'Élysée.",
}


@pytest.fixture
def store() -> MemoryStore:
    return MemoryStore()


@pytest.fixture
def client(pipeline: Pipeline, store: MemoryStore) -> TestClient:
    return TestClient(create_app(Settings(api_token="s3cret"), pipeline=pipeline, store=store))


@pytest.mark.parametrize(
    ("headers", "code"),
    [
        ({}, "E_AUTH"),
        ({"Authorization": "Bearer wrong"}, "E_AUTH"),
        ({"Authorization": "Bearer s3cret-and-more"}, "E_AUTH"),
        ({"Authorization": "Bearer S3CRET"}, "E_AUTH"),
        ({"Authorization": "Basic czNjcmV0"}, "E_AUTH"),
        ({"Authorization": "s3cret"}, "E_AUTH"),
    ],
)
def test_api_auth_refuses_missing_or_wrong_token(
    client: TestClient, store: MemoryStore, headers: dict[str, str], code: str
) -> None:
    response = client.post("/articles", json=ARTICLE, headers=headers)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == code
    assert response.headers["www-authenticate"] == "Bearer"
    assert store.articles(Filters(), limit=10, offset=0).total == 0


def test_api_auth_writes_disabled_without_a_configured_token(pipeline: Pipeline) -> None:
    client = TestClient(create_app(Settings(), pipeline=pipeline))
    response = client.post("/articles", json=ARTICLE, headers={"Authorization": "Bearer x"})
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "E_WRITES_DISABLED"


def test_api_auth_right_token_stores_once(client: TestClient) -> None:
    headers = {"Authorization": "Bearer s3cret"}
    first = client.post("/articles", json=ARTICLE, headers=headers)
    assert first.status_code == 201, first.text
    assert first.json()["id"] == "guyane-1" and first.json()["created"] is True
    again = client.post("/articles", json=ARTICLE, headers=headers)
    assert again.status_code == 200 and again.json()["created"] is False
    listed = client.get("/articles").json()
    assert [a["id"] for a in listed["items"]] == ["guyane-1"]
    stored = client.get("/articles/guyane-1").json()
    assert stored["text"] == ARTICLE["text"]
    assert stored["article"]["title"] == ARTICLE["title"]
    assert stored["article"]["published"] == "2012-06-28"


def test_api_auth_article_without_id_gets_a_stable_one(client: TestClient) -> None:
    headers = {"Authorization": "Bearer s3cret"}
    body = {"text": ARTICLE["text"]}
    first = client.post("/articles", json=body, headers=headers).json()
    second = client.post("/articles", json=body, headers=headers).json()
    assert first["id"] == second["id"] and first["id"].startswith("sha1-")
    assert second["created"] is False


def test_api_auth_reads_need_no_token(client: TestClient) -> None:
    for path in ("/articles", "/counts", "/quotes", "/events", "/incidents", "/flows"):
        assert client.get(path).status_code == 200


@pytest.mark.parametrize(
    ("given", "expected"),
    [("s3cret", True), ("s3creT", False), ("", False), ("s3cret ", False), ("é", False)],
)
def test_api_auth_token_compare(given: str, expected: bool) -> None:
    assert token_matches("s3cret", given) is expected
