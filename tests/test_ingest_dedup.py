"""Near-duplicates: wire copies built from the samples collapse to one report; distinct
articles never merge."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilan.ingest.dedup import NearDuplicateIndex, Signature, shingles
from bilan.ingest.readers import ReadResult, make_article
from bilan.ingest.service import ingest, ingest_items
from bilan.ingest.sources import Item
from bilan.model import Article
from bilan.store import FactFilter, Store, list_articles
from tests.store_backends import BACKENDS, open_store

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
DEV = ROOT / "corpora" / "wikinews-fr-2012" / "dev"

HEADER = "Publié le {d} à 14h32 | Mis à jour à 16h05\nPar la rédaction avec AFP\n\n"
FOOTER = (
    "\n\nLire aussi : nos dossiers sur l'actualité internationale\n"
    "Partager sur Facebook · Partager sur Twitter · Envoyer par courriel\n"
    "© 2012 AFP. Tous droits réservés. Toute reproduction interdite sans autorisation."
)
EDITS = [  # light desk edits: synonyms, tense, a dropped paragraph
    ("affirme", "a affirmé"),
    (" a indiqué ", " a précisé "),
    ("L’armée syrienne", "Les forces armées syriennes"),
    ("jeudi", "jeudi dernier"),
    ("  ", " "),
]


def samples() -> list[Article]:
    return [
        make_article(p.read_text(encoding="utf-8"), id=p.stem)
        for p in sorted(SAMPLES.glob("*.txt"))
    ]


def body(article: Article) -> str:
    return article.text[article.body_start :].lstrip("\n")


def edited(text: str) -> str:
    for old, new in EDITS:
        text = text.replace(old, new)
    paragraphs = text.split("\n\n")
    if len(paragraphs) > 3:
        return "\n\n".join(paragraphs[:-1])
    head, _, _ = text.rstrip().rstrip(".").rpartition(". ")  # drop the last sentence
    return head + "."


def wire_copies(article: Article) -> dict[str, str]:
    """The same dispatch as other outlets print it."""
    head = f"Dépêche : {(article.title or '').upper()[:60]}\n\n"
    return {
        "headline": f"{head}{body(article)}",
        "boilerplate": HEADER.format(d="03/11/2012") + body(article) + FOOTER,
        "edited": f"{article.title}\n\n{edited(body(article))}",
        "all": head + HEADER.format(d="04/11/2012") + edited(body(article)) + FOOTER,
    }


def copies_items() -> list[Item]:
    items = [Item(a.id or "", ReadResult(a)) for a in samples()]
    for article in samples():
        for kind, text in wire_copies(article).items():
            items.append(
                Item(
                    f"{article.id}-{kind}",
                    ReadResult(make_article(text, id=f"{article.id}-{kind}")),
                )
            )
    return items


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path):  # type: ignore[no-untyped-def]
    yield from open_store(request.param, tmp_path)


def test_ingest_dedup_shingles_ignore_case_and_punctuation() -> None:
    assert shingles("Trois morts, à Alep !") == shingles("trois morts à alep")
    assert shingles("deux mots") == {"deux mots"}
    assert shingles("") == set()


def test_ingest_dedup_signature_survives_storage() -> None:
    article = samples()[0]
    sig = Signature.of(article)
    back = Signature.from_bytes(sig.to_bytes(), sig.size)
    assert back.minhash.jaccard(sig.minhash) == 1.0 and back.size == sig.size


@pytest.mark.parametrize("kind", ["headline", "boilerplate", "edited", "all"])
def test_ingest_dedup_each_kind_of_copy_is_found(kind: str) -> None:
    index = NearDuplicateIndex()
    originals = samples()
    for n, article in enumerate(originals):
        index.add(n, Signature.of(article))
    for n, article in enumerate(originals):
        copy = make_article(wire_copies(article)[kind])
        match = index.find(Signature.of(copy))
        assert match is not None, f"{article.id}: the {kind} copy was not linked"
        assert match.original_id == n


def test_ingest_dedup_wire_copies_collapse_to_one_report(store: Store) -> None:
    report = ingest_items(store, copies_items(), extractor=None)
    assert not report.failures
    with store.session() as s:
        originals = list_articles(s, FactFilter(include_duplicates=False), page=None).items
        everything = list_articles(s).items
    assert sorted(a.external_id or "" for a in originals) == sorted(a.id or "" for a in samples())
    by_id = {a.id: a for a in everything}
    for article in everything:
        if article.duplicate_of is not None:
            original = by_id[article.duplicate_of]
            assert (article.external_id or "").startswith(f"{original.external_id}-")
    assert len(report.duplicates) == 4 * len(samples())
    assert report.of("unchanged") == []


def test_ingest_dedup_distinct_articles_never_merge(tmp_path: Path) -> None:
    store = Store.open(str(tmp_path / "b.sqlite"))
    report = ingest(store, [str(DEV), str(SAMPLES)], extractor=None)
    store.close()
    assert not report.failures
    assert report.duplicates == []
    assert len(report.of("added")) == 49  # the samples are byte copies of dev articles
    assert len(report.of("unchanged")) == 7


def test_ingest_dedup_short_texts_are_not_called_copies() -> None:
    index = NearDuplicateIndex()
    index.add(1, Signature.of(Article(text="Trois morts à Alep.")))
    assert index.find(Signature.of(Article(text="Trois morts à Alep."))) is None


def test_ingest_dedup_same_topic_different_reports_stay_apart() -> None:
    first = Article(
        text=(
            "Au moins 26 civils ont été tués mercredi dans des bombardements du régime sur les "
            "quartiers rebelles d'Alep-Est, selon l'Observatoire syrien des droits de l'homme. "
            "Les frappes ont visé un marché et une boulangerie, a précisé l'ONG."
        )
    )
    second = Article(
        text=(
            "Les forces gouvernementales ont poursuivi jeudi leur offensive sur Alep-Est, où "
            "l'ONU estime que 250 000 civils sont pris au piège. Damas affirme viser des "
            "terroristes ; les secouristes disent manquer de tout."
        )
    )
    index = NearDuplicateIndex()
    index.add(1, Signature.of(first))
    assert index.find(Signature.of(second)) is None
