"""The flow map from real extraction (issue 12): the seed goes through the whole pipeline, into a
SQLite store (which reconciles its flows), and a real browser sees the two arrows: 20,000 from
Alep-Est to Alep-Ouest and 30,000 from Alep-Est to Cheikh Maqsoud, both parts of the 50,000.

Unlike tests/test_browser.py (gold facts as test data), nothing here is hand-placed: every arrow
is what bilan read in the text. Chromium comes from `make browser`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import date

import httpx
import pytest
import uvicorn

from bilan.api import create_app
from bilan.api.sql import SqlFactStore
from bilan.config import Settings
from bilan.contract import from_contract, to_contract
from bilan.model import Article
from tests.test_browser import ARGS, ARTIFACTS, CHROMIUM, free_port

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def extracted_store(
    tmp_path_factory: pytest.TempPathFactory, pipeline, seed_text: str
) -> SqlFactStore:  # type: ignore[no-untyped-def]
    article = Article(
        text=seed_text,
        id="afp-alep-2016-11-30",
        title="Alep-Est (AFP)",
        published=date(2016, 11, 30),
    )
    document = from_contract(to_contract(pipeline(article)))
    store = SqlFactStore.open(str(tmp_path_factory.mktemp("flows") / "bilan.sqlite"))
    store.add(article, document)
    return store


def test_browser_flows_api_serves_the_extracted_split(extracted_store: SqlFactStore) -> None:
    from fastapi.testclient import TestClient

    items = TestClient(create_app(Settings(), store=extracted_store)).get("/flows").json()["items"]
    total = [f for f in items if f["part_of"] is None and f["origin"]]
    assert [(f["origin"]["name"], f["best"]) for f in total] == [("Alep-Est", 50000)]
    arrows = {
        (f["origin"]["name"], f["destination"]["name"]): (f["best"], f["part_of"])
        for f in items
        if f["origin"] and f["destination"]
    }
    assert arrows == {
        ("Alep-Est", "Alep-Ouest"): (20000, total[0]["id"]),
        ("Alep-Est", "Cheikh Maqsoud"): (30000, total[0]["id"]),
    }
    for f in items:
        for place in (f["origin"], f["destination"]):
            assert place is None or place["lat"] is not None  # drawable


@pytest.fixture(scope="module")
def server(extracted_store: SqlFactStore) -> Iterator[str]:
    port = free_port()
    config = uvicorn.Config(
        create_app(Settings(), store=extracted_store),
        host="127.0.0.1",
        port=port,
        log_level="warning",
    )
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    else:
        pytest.fail("the uvicorn server did not answer within 20 s")
    yield base
    uv.should_exit = True
    thread.join(timeout=10)


def test_browser_flows_map_draws_the_two_extracted_arrows(server: str) -> None:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (installs Debian's chromium)")
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(f"{server}/dashboard")
        page.wait_for_selector("body[data-ready=true]", timeout=20_000)
        assert page.locator("path.flow-arrow").count() == 4  # 2 shafts + 2 heads
        page.click(".tabs button[data-tab=flows]")
        table = page.locator("#flows-table")
        expect(table).to_contain_text("Cheikh Maqsoud")
        expect(table).to_contain_text("Alep-Ouest")
        page.screenshot(path=str(ARTIFACTS / "dashboard-flows-extracted.png"))
        assert errors == []
        browser.close()
