"""The benchmark texts: the dev split of the Wikinews corpus and the samples (never the test split)."""

from __future__ import annotations

from pathlib import Path

from bilan.ingest.readers import make_article
from bilan.model import Article

ROOT = Path(__file__).resolve().parents[1]
SOURCES = (ROOT / "corpora" / "wikinews-fr-2012" / "dev", ROOT / "samples")


def bench_articles() -> list[Article]:
    """Every dev and sample article once (a sample that is also in dev is read once)."""
    seen: set[str] = set()
    articles: list[Article] = []
    for directory in SOURCES:
        for path in sorted(directory.glob("*.txt")):
            if path.stem in seen:
                continue
            seen.add(path.stem)
            articles.append(make_article(path.read_text(encoding="utf-8"), id=path.stem))
    if not articles:
        raise SystemExit(f"no benchmark texts found under {[str(s) for s in SOURCES]}")
    return articles


def replicate(articles: list[Article], times: int) -> list[Article]:
    """The articles ``times`` over, with distinct ids (so no run treats them as duplicates)."""
    return [
        a.model_copy(update={"id": f"{a.id}~{round_}"}) for round_ in range(times) for a in articles
    ]


def article_of_words(articles: list[Article], words: int = 1000) -> str:
    """A title and body paragraphs taken in order from the articles, about ``words`` words long."""
    paragraphs: list[str] = []
    total = 0
    for article in articles:
        for paragraph in article.text[article.body_start :].split("\n"):
            if not paragraph.strip():
                continue
            paragraphs.append(paragraph.strip())
            total += len(paragraph.split())
            if total >= words:
                return "Bilan de la semaine\n\n" + "\n\n".join(paragraphs)
    raise SystemExit(f"the benchmark texts hold fewer than {words} words")
