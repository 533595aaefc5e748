"""What `bilan ingest` reads: directories, sidecar indexes, RSS/Atom feeds, URLs (no network)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from bilan.errors import BilanError, FetchError, UnreadableInputError
from bilan.ingest.feeds import html_to_text, is_feed, read_feed
from bilan.ingest.fetch import StaticFetcher
from bilan.ingest.readers import ReadResult
from bilan.ingest.sources import Item, read_inputs

GUYANE = (
    "Guyane : deux militaires tués\n\n"
    "28 juin 2012. - Deux militaires ont été tués mercredi lors d'une opération contre des "
    "orpailleurs clandestins à Dorlin."
)
MADRID = (
    "Madrid : trois morts piétinés\n\n"
    "Trois jeunes femmes sont mortes piétinées lors d'une fête d'Halloween au palais des "
    "sports de Madrid."
)
PAGE = (
    "<html><head><title>Alep : au moins 26 civils tués</title></head><body><article>"
    "<h1>Alep : au moins 26 civils tués</h1>"
    "<p>Au moins 26 civils ont été tués mercredi dans des bombardements sur Alep-Est, selon "
    "l'Observatoire syrien des droits de l'homme.</p>"
    "<p>« Nous supplions le monde d'agir », a déclaré un médecin de la ville, joint par "
    "téléphone par un correspondant de l'AFP à Beyrouth.</p>"
    "</article></body></html>"
).encode()
RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Dépêches</title><link>https://news.example/</link>
<item>
  <title>Alep : au moins 26 civils tués</title>
  <link>https://news.example/alep</link>
  <guid>https://news.example/alep</guid>
  <pubDate>Wed, 30 Nov 2016 18:00:00 +0000</pubDate>
  <description>Résumé court.</description>
</item>
<item>
  <title>Madrid : trois morts piétinés à Halloween</title>
  <link>https://news.example/madrid</link>
  <pubDate>Thu, 01 Nov 2012 09:00:00 +0000</pubDate>
  <description>&lt;p&gt;Trois jeunes femmes sont mortes piétinées lors d'une fête.&lt;/p&gt;&lt;p&gt;La police enquête.&lt;/p&gt;</description>
</item>
</channel></rss>""".encode()
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Flux</title><id>urn:flux</id>
<updated>2012-06-28T10:00:00Z</updated>
<entry><title>Guyane : deux militaires tués</title><id>urn:guyane</id>
<updated>2012-06-28T10:00:00Z</updated>
<content type="html">&lt;p&gt;Deux militaires ont été tués mercredi à Dorlin.&lt;/p&gt;</content>
</entry></feed>""".encode()


def articles(items: list[Item]) -> list[ReadResult]:
    return [i.result for i in items if isinstance(i.result, ReadResult)]


def errors(items: list[Item]) -> list[BilanError]:
    return [i.result for i in items if isinstance(i.result, BilanError)]


def test_ingest_sources_walks_directories_recursively(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a" / "guyane.txt").write_text(GUYANE, encoding="utf-8")
    (tmp_path / "a" / "b" / "madrid.txt").write_text(MADRID, encoding="utf-8")
    (tmp_path / ".hidden" / "x.txt").write_text(MADRID, encoding="utf-8")
    (tmp_path / "README.md").write_text("# notes", encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    assert [r.article.id for r in articles(items)] == ["guyane", "madrid"]
    assert errors(items) == []


def test_ingest_sources_sidecar_index_gives_dates(tmp_path: Path) -> None:
    (tmp_path / "45625.txt").write_text(MADRID, encoding="utf-8")
    index = {"id": "45625", "title": "Madrid", "published": "2012-11-01", "language": "fr"}
    (tmp_path / "index.jsonl").write_text(json.dumps(index) + "\n", encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    [result] = articles(items)
    assert result.article.published == date(2012, 11, 1)
    [single] = articles(list(read_inputs([str(tmp_path / "45625.txt")])))
    assert single.article.published == date(2012, 11, 1)


def test_ingest_sources_jsonl_with_text_is_articles(tmp_path: Path) -> None:
    records = [{"id": "g", "text": GUYANE}, {"id": "m", "text": MADRID, "published": "2012-11-01"}]
    (tmp_path / "index.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8"
    )
    items = list(read_inputs([str(tmp_path)]))
    assert [r.article.id for r in articles(items)] == ["g", "m"]


def test_ingest_sources_missing_path_is_reported() -> None:
    items = list(read_inputs(["/nonexistent/bilan/dir"]))
    [error] = errors(items)
    assert isinstance(error, UnreadableInputError)


@pytest.mark.parametrize(
    ("data", "content_type", "expected"),
    [
        (RSS, "", True),
        (ATOM, "", True),
        (b"<html><body>rss</body></html>", "text/html", False),
        (b"<html></html>", "application/rss+xml", True),
        (GUYANE.encode(), "", False),
    ],
)
def test_ingest_sources_recognizes_feeds(data: bytes, content_type: str, expected: bool) -> None:
    assert is_feed(data, content_type) is expected


def test_ingest_sources_feed_entries_use_linked_pages_when_fetchable() -> None:
    fetcher = StaticFetcher({"https://news.example/alep": PAGE})
    results = list(read_feed(RSS, source="feed.xml", fetcher=fetcher))
    alep, madrid = (r for r in results if isinstance(r, ReadResult))
    assert "Au moins 26 civils ont été tués" in alep.article.text
    assert alep.article.url == "https://news.example/alep"
    assert alep.article.published == date(2016, 11, 30)
    assert alep.warnings == []
    # the second page is unreachable: the feed's own text stands in, with a warning
    assert madrid.article.text.startswith("Madrid : trois morts piétinés à Halloween\n\n")
    assert "La police enquête." in madrid.article.text
    assert madrid.article.published == date(2012, 11, 1)
    assert "feed's text" in madrid.warnings[0]
    assert fetcher.requested == ["https://news.example/alep", "https://news.example/madrid"]


def test_ingest_sources_feed_without_fetcher_reads_its_text() -> None:
    [guyane] = [r for r in read_feed(ATOM, source="f.atom") if isinstance(r, ReadResult)]
    assert guyane.article.title == "Guyane : deux militaires tués"
    assert guyane.article.text.endswith("Deux militaires ont été tués mercredi à Dorlin.")
    assert guyane.article.published == date(2012, 6, 28)


def test_ingest_sources_reads_feed_files_and_urls(tmp_path: Path) -> None:
    (tmp_path / "flux.atom").write_bytes(ATOM)
    from_file = articles(list(read_inputs([str(tmp_path / "flux.atom")])))
    assert [r.article.id for r in from_file] == ["urn:guyane"]
    fetcher = StaticFetcher({"https://news.example/rss": RSS, "https://news.example/alep": PAGE})
    from_url = list(read_inputs(["https://news.example/rss"], fetcher=fetcher))
    assert len(articles(from_url)) == 2


def test_ingest_sources_url_page_and_dead_link() -> None:
    fetcher = StaticFetcher({"https://news.example/alep": PAGE})
    items = list(
        read_inputs(["https://news.example/alep", "https://news.example/404"], fetcher=fetcher)
    )
    [page] = articles(items)
    assert page.article.title == "Alep : au moins 26 civils tués"
    [dead] = errors(items)
    assert isinstance(dead, FetchError) and dead.code == "E_FETCH"


def test_ingest_sources_url_without_fetcher_is_an_error() -> None:
    [item] = list(read_inputs(["https://news.example/alep"]))
    assert isinstance(item.result, BilanError)


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>Trois morts.</p><p>La police enquête.</p>", "Trois morts.\n\nLa police enquête."),
        ("Deux militaires<br/>tués à Dorlin", "Deux militaires\n\ntués à Dorlin"),
        ("<b>Alep</b> : 26   civils", "Alep : 26 civils"),
        ("", ""),
    ],
)
def test_ingest_sources_html_fragments_to_text(html: str, text: str) -> None:
    assert html_to_text(html) == text
