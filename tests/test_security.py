"""API security (issue 11), on the SQL store the served API uses: writes need the token, compared
in constant time; body and page caps hold; filter values cannot inject SQL (or LIKE wildcards);
schemathesis finds no server error anywhere in the OpenAPI schema."""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.schemas import APIOperation

from bilan import Pipeline
from bilan.api import create_app
from bilan.api.sql import SqlFactStore
from bilan.config import Settings
from bilan.store import Snapshot, snapshot
from tests.api_seed import guyane_document, seed_document
from tests.conftest import SEED_GOLD

TOKEN = "s3cret-token-5f1d"
MAX_BODY = 20_000
MAX_PAGE = 5
ARTICLE = {
    "id": "deraa-1",
    "published": "2012-03-05",
    "text": "Au moins huit civils ont été tués dimanche à Deraa, selon l'OSDH.",
}
EXAMPLES_PER_OPERATION = 12
READS = ["/articles", "/counts", "/quotes", "/events", "/incidents", "/flows"]


@pytest.fixture(scope="module")
def sql_store(tmp_path_factory: pytest.TempPathFactory, seed_text: str) -> Iterator[SqlFactStore]:
    store = SqlFactStore.open(str(tmp_path_factory.mktemp("security") / "api.sqlite"))
    store.add(*seed_document(seed_text, Path(SEED_GOLD)))
    store.add(*guyane_document())
    yield store
    store.store.close()


@pytest.fixture(scope="module")
def app(sql_store: SqlFactStore, pipeline: Pipeline) -> FastAPI:
    settings = Settings(api_token=TOKEN, api_max_body=MAX_BODY, api_max_page=MAX_PAGE)
    return create_app(settings, pipeline=pipeline, store=sql_store)


@pytest.fixture(scope="module")
def client(app: FastAPI) -> TestClient:
    return TestClient(app, raise_server_exceptions=False)


def state(store: SqlFactStore) -> Snapshot:
    with store.store.session() as session:
        return snapshot(session)


def bearer(token: str) -> dict[str, str | bytes]:
    """The header; a non-ASCII token goes on the wire as its UTF-8 bytes."""
    value = f"Bearer {token}"
    return {"Authorization": value if value.isascii() else value.encode()}


# -- the write token -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {},
        bearer(""),
        bearer("wrong"),
        bearer(TOKEN[:-1]),
        bearer(TOKEN + "x"),
        bearer(TOKEN.upper()),
        bearer("' OR '1'='1"),
        bearer(TOKEN + "Ωμέγα"),
        bearer("\u00e9" * 64),
        {"Authorization": "Basic " + TOKEN},
        {"Authorization": TOKEN},
        {"X-Api-Token": TOKEN},
    ],
    ids=lambda h: repr(h)[:40],
)
def test_security_writes_refused_without_the_token(
    client: TestClient, sql_store: SqlFactStore, headers: dict[str, str | bytes]
) -> None:
    before = state(sql_store)
    response = client.post("/articles", json=ARTICLE, headers=headers)
    assert response.status_code == 401, response.text
    assert response.json()["error"]["code"] == "E_AUTH"
    assert state(sql_store) == before


def test_security_write_with_the_token_is_stored_once(
    client: TestClient, sql_store: SqlFactStore
) -> None:
    article = {**ARTICLE, "id": "deraa-2", "text": ARTICLE["text"].replace("huit", "neuf")}
    first = client.post("/articles", json=article, headers=bearer(TOKEN))
    assert first.status_code == 201, first.text
    again = client.post("/articles", json=article, headers=bearer(TOKEN))
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]


def test_security_token_is_compared_in_constant_time(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[bytes, bytes]] = []
    compare = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return compare(a, b)

    monkeypatch.setattr("bilan.api.security.hmac.compare_digest", spy)
    response = client.post("/articles", json=ARTICLE, headers=bearer("wrong-but-long-enough"))
    assert response.status_code == 401
    assert calls == [(TOKEN.encode(), b"wrong-but-long-enough")]


# -- caps ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/extract", "/articles"])
def test_security_body_over_cap_is_refused(
    client: TestClient, sql_store: SqlFactStore, path: str
) -> None:
    before = state(sql_store)
    big = {**ARTICLE, "text": "Au moins huit civils ont été tués. " * (MAX_BODY // 20)}
    response = client.post(path, json=big, headers=bearer(TOKEN))
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "E_BODY_TOO_LARGE"

    def chunks() -> Iterator[bytes]:
        for _ in range(MAX_BODY // 1000 + 2):
            yield b"x" * 1000

    chunked = client.post(path, content=chunks(), headers=bearer(TOKEN))
    assert chunked.status_code == 413
    assert state(sql_store) == before


@pytest.mark.parametrize("path", READS)
@pytest.mark.parametrize("limit", [MAX_PAGE + 1, 10**6, 10**30])
def test_security_page_cap_holds(client: TestClient, path: str, limit: int) -> None:
    response = client.get(path, params={"limit": limit})
    assert response.status_code == 422
    assert response.json()["error"]["code"] in {"E_PAGE_TOO_LARGE", "E_INVALID"}
    default = client.get(path).json()
    assert len(default["items"]) <= MAX_PAGE


@pytest.mark.parametrize("path", READS)
@pytest.mark.parametrize("offset", [10**9, 2**63 - 1, 2**63, 10**30])
def test_security_huge_offsets_are_empty_pages_or_typed_errors(
    client: TestClient, path: str, offset: int
) -> None:
    response = client.get(path, params={"offset": offset})
    assert response.status_code in {200, 422}, response.text
    if response.status_code == 200:
        assert response.json()["items"] == []


# -- filters cannot inject -----------------------------------------------------------------------

INJECTIONS = [
    "' OR '1'='1",
    "' OR 1=1 --",
    '" OR ""="',
    "'; DROP TABLE articles; --",
    "1; DELETE FROM counts",
    "Alep' UNION SELECT id, text FROM articles --",
    "%",
    "_",
    "%%",
    "\\",
    "X%' OR 'a'='a",
    "\x00",
    "ʼ OR 1=1",
]
FILTERS = ["place", "source", "actor", "category", "group", "period", "article", "event_type"]


def answer(client: TestClient, path: str, params: dict[str, str]) -> tuple[int, object]:
    response = client.get(path, params=params)
    assert response.status_code in {200, 422}, (path, params, response.text)
    if response.status_code == 422:
        code = response.json()["error"]["code"]
        assert code in {"E_FILTER", "E_INVALID"}
        return 422, code
    if path.startswith("/export"):
        return 200, response.content
    body = response.json()
    return 200, (body["total"], [item.get("id") for item in body["items"]])


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize("name", FILTERS)
def test_security_filters_cannot_inject_sql(
    client: TestClient, sql_store: SqlFactStore, name: str, value: str
) -> None:
    """A hostile value answers exactly what a harmless value that names nothing answers."""
    before = state(sql_store)
    for path in [*READS, "/export/jsonl"]:
        harmless = answer(client, path, {name: "zzqxv nowhere"})
        got = answer(client, path, {name: value})
        assert got == harmless or got[0] == 422, (path, name, value)  # or refused, typed
    assert state(sql_store) == before  # nothing written, nothing dropped


@pytest.mark.parametrize("article_id", ["1 OR 1=1", "1; DROP TABLE articles", "-1", "1e3", "%"])
def test_security_article_ids_cannot_inject_sql(
    client: TestClient, sql_store: SqlFactStore, article_id: str
) -> None:
    before = state(sql_store)
    response = client.get(f"/articles/{article_id}")
    assert response.status_code in {404, 422}
    assert state(sql_store) == before


def test_security_wildcards_are_literal_in_name_filters(client: TestClient) -> None:
    """`%` and `_` are LIKE wildcards: as filter values they must match only themselves."""
    assert client.get("/counts", params={"source": "Observatoire"}).json()["total"] > 0
    for value in ("%", "_", "Obs_rvatoire", "Observ%", "%syrien%"):
        assert client.get("/counts", params={"source": value}).json()["total"] == 0
        assert client.get("/counts", params={"actor": value}).json()["total"] == 0
        assert client.get("/incidents", params={"source": value}).json()["total"] == 0


# -- schemathesis over the whole OpenAPI schema --------------------------------------------------


def operations(app: FastAPI) -> dict[str, APIOperation]:
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    return {op.label: op for op in (result.ok() for result in schema.get_all_operations())}


#: every operation of the schema (an app without store or pipeline serves the same schema)
LABELS = sorted(operations(create_app(Settings())))


@pytest.mark.parametrize("label", LABELS)
def test_security_schemathesis_finds_no_server_error(app: FastAPI, label: str) -> None:
    operation = operations(app)[label]

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def call(case: schemathesis.Case) -> None:
        case.call_and_validate(headers=bearer(TOKEN), checks=[not_a_server_error])

    call()
