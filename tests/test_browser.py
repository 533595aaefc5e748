"""A real browser on the dashboard: Debian's chromium driven by Playwright against uvicorn.

The test starts a server on 127.0.0.1 (a free port) over a SQLite store it fills with the seed
and a dev article, then checks what a person sees: incident markers and flow arrows on the map,
an article opened from the list, a count clicked and its source and sentence shown. Screenshots
go to out/test-artifacts/. Chromium comes from `make browser` (scripts/browser.sh); Playwright
never downloads a browser of its own.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from bilan.api import create_app
from bilan.api.sql import SqlFactStore
from bilan.config import Settings
from tests.api_seed import guyane_document, seed_document
from tests.conftest import ROOT, SEED_GOLD

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = ROOT / "out" / "test-artifacts"

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, seed_text: str) -> Iterator[str]:
    store = SqlFactStore.open(str(tmp_path_factory.mktemp("browser") / "bilan.sqlite"))
    store.add(*seed_document(seed_text, Path(SEED_GOLD)))
    store.add(*guyane_document())
    port = free_port()
    config = uvicorn.Config(
        create_app(Settings(), store=store), host="127.0.0.1", port=port, log_level="warning"
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


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def test_browser_dashboard_map_article_and_count(server: str, browser: object) -> None:
    from playwright.sync_api import Browser, expect

    assert isinstance(browser, Browser)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    outside: list[str] = []
    page.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith((server, "data:")) else None,
    )
    page.goto(f"{server}/dashboard")
    page.wait_for_selector("body[data-ready=true]", timeout=20_000)

    # the map: one marker per geocoded incident, and the seed's two flow arrows
    n_markers = page.locator("path.incident-marker").count()
    assert n_markers >= 10
    assert page.locator("path.flow-arrow").count() == 4  # 2 shafts + 2 heads
    expect(page.locator("#status")).to_contain_text("2 articles")
    page.screenshot(path=str(ARTIFACTS / "dashboard-map.png"))

    # the flows tab lists origin, destination and figure
    page.click(".tabs button[data-tab=flows]")
    expect(page.locator("#flows-table")).to_contain_text("Cheikh Maqsoud")
    page.locator("tr.flow-row", has_text="Cheikh Maqsoud").locator("td").first.click()
    page.wait_for_timeout(600)  # the map's zoom animation
    page.screenshot(path=str(ARTIFACTS / "dashboard-flows.png"))

    # open the seed article from the list, click a count, see its source and its sentence
    page.click(".tabs button[data-tab=articles]")
    page.get_by_text("Alep-Est : des dizaines de milliers de civils fuient (AFP)").click()
    page.wait_for_selector("#article-text .count")
    count = page.locator("#article-text .count", has_text="au moins 26 civils ont été tués")
    count.first.click()
    panel = page.locator("#fact-panel")
    expect(panel).to_contain_text("killed")
    expect(panel).to_contain_text("Observatoire syrien des droits de l'Homme")
    expect(panel.locator("blockquote.sentence")).to_contain_text(
        "Dans un quartier proche, au moins 26 civils ont été tués par des tirs d'artillerie"
    )
    expect(page.locator("#article-text .selected").first).to_have_text(
        "au moins 26 civils ont été tués"
    )
    page.locator("#article-panel").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "dashboard-article.png"))

    # filters are shared: killed only leaves no flow arrow and fewer markers
    page.select_option("select[name=category]", "killed")
    page.click("#filters button[type=submit]")
    expect(page.locator("#status")).to_contain_text("category=killed")
    assert page.locator("path.flow-arrow").count() == 0
    assert 0 < page.locator("path.incident-marker").count() < n_markers
    assert errors == [] and outside == []
    page.close()
