"""Property-based tests (hypothesis): evidence is always a true slice of the article, French
numbers read back to the value they were written from, and nothing raises on arbitrary Unicode
or bytes other than a typed BilanError.

The full pipeline runs the spaCy model, so its properties draw few examples (``max_examples``
below); the readers and the number reader are cheap and draw many.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from num2words import num2words

from bilan import Pipeline, Settings
from bilan.counts.numerals import read_numbers
from bilan.errors import BilanError
from bilan.ingest.feeds import read_feed
from bilan.ingest.readers import decode_bytes, iter_jsonl, make_article, read_html_article
from bilan.lang.fr.datelines import find_dateline
from bilan.model import Article, Document
from tests.hostile_inputs import check_document

PIPELINE_EXAMPLES = 25
CHEAP_EXAMPLES = 300
SLOW = settings(
    max_examples=PIPELINE_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
CHEAP = settings(max_examples=CHEAP_EXAMPLES, deadline=None)

#: sentences of news French the generated articles are made of (written for these tests)
FRAGMENTS = [
    "Au moins douze civils ont été tués lundi à Alep, selon l'OSDH.",
    "« Nous ne partirons pas », a déclaré mardi le porte-parole de l'armée.",
    "Plus de 250.000 personnes ont fui les combats depuis le 15 novembre.",
    "Trois soldats ont été blessés dans une embuscade près de Deraa.",
    "Selon l'ONU, entre 20 et 30 enfants figurent parmi les victimes.",
    "Le ministre a annoncé la mort de 1,5 million de têtes de bétail.",
    "Une quarantaine de migrants sont portés disparus en Méditerranée.",
    "Des centaines de familles ont trouvé refuge à Homs, a indiqué l'ONG.",
    "Paris, 2 décembre 2012 (Reuters) - ",
    "\n\n",
]

#: characters hostile text is made of: controls, bidi marks, zero-width, combining marks,
#: astral emoji, other scripts, quotes and dashes
ODD_CHARS = st.sampled_from(
    list("\x00\x07\x1b\x7f\x85\u200b\u200e\u200f\u202e\u2066\u2069\ufeff\u0301\u00ad")
    + list("😀𝔄ا中«»“”—–‑…\u00a0\u202f\u2028\t\r")
)


@st.composite
def french_articles(draw: st.DrawFn) -> str:
    """Fragments of news French, with odd characters spliced in anywhere."""
    parts = draw(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=6))
    text = "".join(parts)
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.text(ODD_CHARS, min_size=1, max_size=3)) + text[at:]
    return text


@pytest.fixture(scope="module")
def lenient(nlp) -> Pipeline:  # type: ignore[no-untyped-def]
    """The default stages without the language check (arbitrary text is rarely French)."""
    return Pipeline(Settings(check_language=False), nlp=nlp)


# -- evidence ----------------------------------------------------------------------------------


@SLOW
@given(text=french_articles())
@example(text="Au moins\u200f 12 personnes ont été tuées lundi\u0301 à Alep\x00, selon l'OSDH.")
def test_properties_evidence_slices_the_article_text(lenient: Pipeline, text: str) -> None:
    assume(text.strip())
    doc = lenient(make_article(text, id="prop"))
    check_document(doc)  # every evidence: 0 ≤ start ≤ end ≤ len, text == article.text[start:end]
    for mention in doc.numbers:
        ev = mention.evidence
        assert text[ev.start : ev.end] == ev.text


# -- numbers -----------------------------------------------------------------------------------


@CHEAP
@given(n=st.integers(min_value=2, max_value=999_999))
@example(n=80)
@example(n=71)
@example(n=1_000_000)
def test_properties_number_words_round_trip(n: int) -> None:
    words = num2words(n, lang="fr")
    [mention] = read_numbers(f"Le bilan s'élève à {words} morts, selon l'ONU.")
    assert mention.value == n
    assert mention.evidence.text == words


@CHEAP
@given(
    n=st.integers(min_value=0, max_value=10**12),
    separator=st.sampled_from(["", " ", "\u00a0", "\u202f", "."]),
)
def test_properties_number_digits_round_trip(n: int, separator: str) -> None:
    written = f"{n:,}".replace(",", separator)
    [mention] = read_numbers(f"Au moins {written} personnes ont été déplacées.")
    assert mention.value == n
    assert mention.evidence.text.endswith(written)


@CHEAP
@given(
    units=st.integers(min_value=1, max_value=999),
    tenths=st.integers(min_value=0, max_value=9),
    scale=st.sampled_from([("million", 10**6), ("milliard", 10**9)]),
)
def test_properties_number_multipliers_round_trip(
    units: int, tenths: int, scale: tuple[str, int]
) -> None:
    word, factor = scale
    written = f"{units},{tenths}" if tenths else str(units)
    plural = "s" if units >= 2 else ""
    [mention] = read_numbers(f"Plus de {written} {word}{plural} de réfugiés.")
    assert mention.value == pytest.approx((units + tenths / 10) * factor)


# -- nothing raises but typed errors -------------------------------------------------------------


@SLOW
@given(text=st.text(max_size=300))
@example(text="\x00" * 50)
@example(text="\u202e" + "é" * 80)
@example(text="\ud7ff\ue000\U0010ffff" * 20)
def test_properties_pipeline_never_raises_on_arbitrary_unicode(
    lenient: Pipeline, text: str
) -> None:
    try:
        doc = lenient(Article(text=text, id="any"))
    except BilanError as exc:
        assert exc.code.startswith("E_")
        return
    assert isinstance(doc, Document)
    check_document(doc)


@CHEAP
@given(text=st.text(max_size=400))
def test_properties_number_and_dateline_readers_never_raise(text: str) -> None:
    for mention in read_numbers(text):
        assert text[mention.evidence.start : mention.evidence.end] == mention.evidence.text
    find_dateline(text)


@CHEAP
@given(data=st.binary(max_size=600))
@example(data=b"%PDF-1.4\n")
@example(data=b"\xff\xfe\x00A\x00b")
def test_properties_text_decoding_is_text_or_typed_error(data: bytes) -> None:
    try:
        text, warnings = decode_bytes(data, source="bytes")
    except BilanError as exc:
        assert exc.code in {"E_BINARY", "E_ENCODING"}
        return
    assert isinstance(text, str)
    assert all(isinstance(w, str) for w in warnings)


@CHEAP
@given(lines=st.lists(st.one_of(st.binary(max_size=60), st.text(max_size=60).map(str.encode))))
def test_properties_jsonl_yields_one_item_per_nonblank_line(lines: list[bytes]) -> None:
    data = b"\n".join(line.replace(b"\n", b" ") for line in lines)
    items = list(iter_jsonl(data, source="x.jsonl"))
    assert len(items) == sum(1 for line in data.split(b"\n") if line.strip())
    assert all(isinstance(i, Article | BilanError) for i in items)


@settings(max_examples=60, deadline=None)
@given(data=st.one_of(st.binary(max_size=400), st.text(max_size=400).map(str.encode)))
@example(data=b"<rss><channel><item><title>a</title><description>")
@example(data=b"<html><script>alert(1)</script><p>")
def test_properties_feed_and_html_readers_raise_only_typed_errors(data: bytes) -> None:
    try:
        for item in read_feed(data, source="feed"):
            assert isinstance(item, BilanError) or item.article.text.strip()
    except BilanError:
        pass
    try:
        result = read_html_article(data, source="page")
    except BilanError:
        return
    assert result.article.text.strip()
