"""GET endpoints through FastAPI's TestClient: every read, every filter, pages and their cap."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from bilan.api import create_app
from bilan.api.memory import MemoryStore
from bilan.config import Settings
from tests.api_seed import SEED_ID, guyane_document, seed_document
from tests.conftest import SEED_GOLD

GUYANE_ID = "wikinews-fr-44389"


@pytest.fixture(scope="module")
def store(seed_text: str) -> MemoryStore:
    store = MemoryStore()
    store.add(*seed_document(seed_text, Path(SEED_GOLD)))
    store.add(*guyane_document())
    return store


@pytest.fixture(scope="module")
def client(store: MemoryStore) -> TestClient:
    return TestClient(create_app(Settings(api_max_page=5), store=store))


def ids(body: dict[str, Any]) -> list[str]:
    return [item["id"] for item in body["items"]]


def test_api_articles_lists_both_articles(client: TestClient) -> None:
    body = client.get("/articles").json()
    assert body["total"] == 2
    assert {a["id"] for a in body["items"]} == {SEED_ID, GUYANE_ID}
    seed = next(a for a in body["items"] if a["id"] == SEED_ID)
    assert (seed["counts"], seed["quotes"], seed["events"]) == (13, 12, 1)


def test_api_article_has_text_and_annotations_at_their_offsets(
    client: TestClient, seed_text: str
) -> None:
    body = client.get(f"/articles/{SEED_ID}").json()
    assert body["text"] == seed_text
    doc = body["document"]
    assert len(doc["counts"]) == 13 and len(doc["quotes"]) == 12
    for fact in doc["counts"] + doc["quotes"]:
        ev = fact["evidence"]
        assert seed_text[ev["start"] : ev["end"]] == ev["text"]


def test_api_article_unknown_id_is_typed_404(client: TestClient) -> None:
    response = client.get("/articles/nope")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "E_NOT_FOUND"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, 18),
        ({"category": "killed"}, 9),
        ({"category": "displaced"}, 4),
        ({"group": "children"}, 3),
        ({"place": "Alep-Ouest"}, 4),  # 3 placed there + the flow that reaches it
        ({"place": "alep ouest"}, 0),  # names compare as written, hyphen included
        ({"place": "Cheikh Maqsoud"}, 1),
        ({"place": "Dorlin"}, 4),
        ({"place": "Maripasoula"}, 0),  # the count is placed at Dorlin, not at its commune
        ({"source": "OSDH"}, 8),
        ({"source": "sana"}, 2),  # case and article-insensitive
        ({"actor": "rebelles"}, 1),
        ({"actor": "orpailleurs"}, 3),
        ({"period": "2016-11-30"}, 13),  # undated counts fall back to the publication day
        ({"period": "2016-11-27/2016-11-28"}, 4),
        ({"period": "2012"}, 5),
        ({"period": "2012-06"}, 5),
        ({"period": "/2012-12-31"}, 5),
        ({"category": "killed", "source": "OSDH", "group": "children"}, 1),
        ({"article": GUYANE_ID}, 5),
    ],
)
def test_api_counts_filters(client: TestClient, params: dict[str, str], expected: int) -> None:
    body = client.get("/counts", params={**params, "limit": 5}).json()
    assert body["total"] == expected, body


def test_api_counts_filtered_items_match(client: TestClient) -> None:
    body = client.get("/counts", params={"category": "killed", "place": "Alep-Ouest"}).json()
    assert body["total"] == 3
    for item in body["items"]:
        assert item["category"] == "killed"
        assert item["place"]["name"] == "Alep-Ouest"
        assert item["article_id"] == SEED_ID


def test_api_counts_pages_cover_everything_once(client: TestClient) -> None:
    seen: list[str] = []
    offset: int | None = 0
    while offset is not None:
        body = client.get("/counts", params={"limit": 5, "offset": offset}).json()
        assert len(body["items"]) <= 5
        seen += [f"{c['article_id']}:{c['id']}" for c in body["items"]]
        offset = body["next_offset"]
    assert len(seen) == len(set(seen)) == 18


def test_api_default_page_is_capped_by_settings(client: TestClient) -> None:
    body = client.get("/counts").json()
    assert body["limit"] == 5 and len(body["items"]) == 5 and body["next_offset"] == 5


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"limit": 6}, "E_PAGE_TOO_LARGE"),
        ({"limit": 0}, "E_INVALID"),
        ({"offset": -1}, "E_INVALID"),
        ({"limit": "dix"}, "E_INVALID"),
        ({"category": "dead"}, "E_FILTER"),
        ({"group": "soldiers"}, "E_FILTER"),
        ({"period": "2016-13"}, "E_FILTER"),
        ({"period": "30/11/2016"}, "E_FILTER"),
        ({"period": "2016-12-01/2016-11-01"}, "E_FILTER"),
    ],
)
@pytest.mark.parametrize(
    "path", ["/articles", "/counts", "/quotes", "/events", "/incidents", "/flows"]
)
def test_api_reads_refuse_bad_queries(
    client: TestClient, path: str, params: dict[str, Any], code: str
) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == code


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, 12),
        ({"source": "Stephen O'Brien"}, 2),
        ({"actor": "Brita Hagi Hassan"}, 2),
        ({"place": "Alep-Est"}, 12),
        ({"place": "Maripasoula"}, 0),
        ({"period": "2016-11-30"}, 12),
        ({"period": "2012"}, 0),
    ],
)
def test_api_quotes_filters(client: TestClient, params: dict[str, str], expected: int) -> None:
    assert client.get("/quotes", params=params).json()["total"] == expected


def test_api_quotes_carry_speaker_and_evidence(client: TestClient, seed_text: str) -> None:
    body = client.get("/quotes", params={"source": "Pawel Krysiek"}).json()
    (quote,) = body["items"]
    assert quote["speaker"]["name"] == "Pawel Krysiek"
    ev = quote["evidence"]
    assert seed_text[ev["start"] : ev["end"]].startswith("Ceux qui fuient")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, 3),
        ({"event_type": "Battles"}, 2),
        ({"event_type": "Armed clash"}, 2),
        ({"event_type": "Battles", "actor": "orpailleurs"}, 1),
        ({"category": "killed"}, 2),
        ({"place": "Alep"}, 1),
        ({"actor": "orpailleurs"}, 1),
        ({"actor": "régime"}, 1),
        ({"source": "OSDH"}, 1),
        ({"group": "civilians"}, 1),
        ({"period": "2012-06-27"}, 2),
    ],
)
def test_api_events_filters(client: TestClient, params: dict[str, str], expected: int) -> None:
    assert client.get("/events", params=params).json()["total"] == expected


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, 12),  # top-level counts, population excluded, subsets stay inside
        ({"category": "killed"}, 7),
        ({"place": "Alep-Est"}, 6),
        ({"source": "Sana"}, 1),
        ({"actor": "orpailleurs"}, 3),
        ({"group": "security_forces"}, 4),
        ({"period": "2016-11-15/2016-11-16"}, 2),
        ({"article": GUYANE_ID}, 4),
    ],
)
def test_api_incidents_filters(client: TestClient, params: dict[str, str], expected: int) -> None:
    assert client.get("/incidents", params=params).json()["total"] == expected


def test_api_incident_has_estimates_and_claims(client: TestClient) -> None:
    body = client.get("/incidents", params={"category": "killed", "source": "OSDH"}).json()
    by_best = {i["best"]: i for i in body["items"]}
    at_least = by_best[26]
    assert (at_least["low"], at_least["high"]) == (26, None)
    (claim,) = at_least["claims"]
    assert claim["evidence"]["text"] == "au moins 26 civils ont été tués"
    assert claim["source"]["name"] == "Observatoire syrien des droits de l'Homme"


def test_api_flows_seed_splits_into_two_arrows(client: TestClient) -> None:
    body = client.get("/flows", params={"place": "Alep-Est"}).json()
    arrows = {
        (f["origin"]["name"], f["destination"]["name"]): f
        for f in body["items"]
        if f["destination"] is not None
    }
    assert set(arrows) == {("Alep-Est", "Alep-Ouest"), ("Alep-Est", "Cheikh Maqsoud")}
    assert arrows[("Alep-Est", "Alep-Ouest")]["best"] == 20000
    assert arrows[("Alep-Est", "Cheikh Maqsoud")]["best"] == 30000
    totals = {f["id"]: f for f in body["items"] if f["destination"] is None}
    for arrow in arrows.values():
        assert arrow["part_of"] in totals
        assert totals[arrow["part_of"]]["best"] == 50000


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"place": "Cheikh Maqsoud"}, 1),
        ({"source": "OSDH"}, 4),
        ({"category": "evacuated"}, 0),
        ({"group": "civilians"}, 1),
        ({"period": "2016-11-28"}, 1),
        ({"article": GUYANE_ID}, 0),
    ],
)
def test_api_flows_filters(client: TestClient, params: dict[str, str], expected: int) -> None:
    assert client.get("/flows", params=params).json()["total"] == expected


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"place": "Maripasoula"}, [GUYANE_ID]),
        ({"place": "Alep-Est"}, [SEED_ID]),
        ({"category": "displaced"}, [SEED_ID]),
        ({"group": "security_forces"}, [GUYANE_ID]),
        ({"source": "Pawel Krysiek"}, [SEED_ID]),  # a speaker, not a count's source
        ({"actor": "orpailleurs"}, [GUYANE_ID]),
        ({"period": "2012-06"}, [GUYANE_ID]),
        ({"source": "nobody"}, []),
    ],
)
def test_api_articles_filters(
    client: TestClient, params: dict[str, str], expected: list[str]
) -> None:
    assert ids(client.get("/articles", params=params).json()) == expected
