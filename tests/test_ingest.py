"""Readers: encodings, binary refusal, titles, datelines, JSONL records."""

from __future__ import annotations

from datetime import date

import pytest

from bilan.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    FormatError,
    UnreadableInputError,
)
from bilan.ingest.readers import decode_bytes, iter_jsonl, make_article, read_path
from bilan.lang.fr.datelines import find_dateline
from bilan.model import Article


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Titre\n\n29 mai 2012. - Un postier a été retrouvé mort.", date(2012, 5, 29)),
        ("BEYROUTH, 30 nov 2016 (AFP) - Les forces du régime…", date(2016, 11, 30)),
        ("Paris, 2 décembre 2012 (Reuters) — Le gouvernement…", date(2012, 12, 2)),
        ("1er juillet 2012. - Le SMIC augmente.", date(2012, 7, 1)),
    ],
)
def test_datelines_read_french_dates(text: str, expected: date) -> None:
    found = find_dateline(text)
    assert found is not None
    assert found[0] == expected


def test_datelines_ignore_text_without_dateline() -> None:
    assert find_dateline("Les forces du régime ont lancé le 15 novembre une offensive.") is None


def test_ingest_title_and_dateline_from_text() -> None:
    article = make_article("Syrie : nouvelle avancée\n\n2 novembre 2012. - Les rebelles…")
    assert article.title == "Syrie : nouvelle avancée"
    assert article.published == date(2012, 11, 2)
    assert article.text.startswith("Syrie")  # offsets index the text as read


def test_ingest_given_date_wins_over_dateline() -> None:
    article = make_article("2 novembre 2012. - Les rebelles…", published=date(2012, 11, 3))
    assert article.published == date(2012, 11, 3)


def test_ingest_utf8_passes_without_warning() -> None:
    text, warnings = decode_bytes("Les forces du régime à Alep".encode())
    assert text == "Les forces du régime à Alep"
    assert warnings == []


def test_ingest_cp1252_decodes_with_warning() -> None:
    text, warnings = decode_bytes("Les forces du régime à Alep – 250 000 civils".encode("cp1252"))
    assert "régime" in text and "–" in text
    assert warnings and "cp1252" in warnings[0]


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"\x89PNG\r\n\x1a\n\x00\x00",
        b"\xff\xd8\xff\xe0\x00\x10JFIF",
        b"abc\x00\x00\x01def",
    ],
)
def test_ingest_binary_is_refused(data: bytes) -> None:
    with pytest.raises(BinaryInputError):
        decode_bytes(data)


def test_ingest_undecodable_bytes_raise_encoding_error() -> None:
    # cp1252 leaves 0x81 undefined and latin-1 decodes it to a control character: noise, not text
    with pytest.raises(EncodingError):
        decode_bytes(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D] * 200))


def test_ingest_missing_path_is_unreadable(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnreadableInputError, match="no such file"):
        list(read_path(tmp_path / "absent.txt"))


def test_ingest_directory_is_unreadable(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnreadableInputError, match="directory"):
        list(read_path(tmp_path))


def test_ingest_empty_text_raises(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "empty.txt"
    path.write_text("  \n\t \n", encoding="utf-8")
    with pytest.raises(EmptyInputError):
        list(read_path(path))


def test_ingest_jsonl_bad_lines_do_not_stop_the_others() -> None:
    data = (
        '{"id": "a", "text": "Au moins 26 civils ont été tués.", "published": "2016-11-30"}\n'
        "{not json\n"
        '{"id": "c", "text": ""}\n'
        '{"id": "d", "published": "2016-11-30"}\n'
        '{"id": "e", "text": "Plus de 50.000 ont fui.", "published": "30/11/2016"}\n'
        '{"id": "f", "text": "Huit habitants ont été tués."}\n'
    ).encode()
    items = list(iter_jsonl(data, source="batch.jsonl"))
    assert [type(i).__name__ for i in items] == [
        "Article",
        "FormatError",
        "EmptyInputError",
        "FormatError",
        "FormatError",
        "Article",
    ]
    first = items[0]
    assert isinstance(first, Article) and first.id == "a" and first.published == date(2016, 11, 30)
    assert isinstance(items[1], FormatError) and items[1].source == "batch.jsonl:2"


def test_ingest_html_main_text_and_title(tmp_path) -> None:  # type: ignore[no-untyped-def]
    html = """<!DOCTYPE html><html><head><title>Syrie : l'offensive sur Alep</title>
    <meta property="article:published_time" content="2016-11-30T10:00:00Z"></head>
    <body><nav>Accueil | Monde | Sport</nav><article><h1>Syrie : l'offensive sur Alep</h1>
    <p>Au moins 26 civils ont été tués mercredi par des tirs d'artillerie du régime sur les
    quartiers est d'Alep, selon l'Observatoire syrien des droits de l'Homme.</p>
    <p>Plus de 50.000 habitants ont fui ces quatre derniers jours, selon la même source, qui
    évoque une situation désespérée dans les quartiers assiégés.</p></article>
    <footer>© Journal 2016</footer><script>alert('x')</script></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    [result] = list(read_path(path))
    assert not isinstance(result, Exception)
    article = result.article
    assert "26 civils" in article.text
    assert "alert(" not in article.text
    assert article.title and "Alep" in article.title
    assert article.published == date(2016, 11, 30)
