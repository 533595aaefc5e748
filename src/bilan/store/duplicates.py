"""Near-duplicate links in the store: load the originals' signatures, record a copy."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from bilan.store.tables import ArticleRow, DuplicateRow


def original_signatures(session: Session) -> Iterator[tuple[int, bytes, int]]:
    """(article id, MinHash bytes, shingle count) of every stored article that is no copy."""
    query = (
        select(ArticleRow.id, ArticleRow.minhash, ArticleRow.shingles)
        .where(ArticleRow.minhash.is_not(None))
        .where(ArticleRow.id.not_in(select(DuplicateRow.article_id)))
        .order_by(ArticleRow.id)
    )
    for article_id, minhash, size in session.execute(query):
        if minhash is not None:
            yield article_id, bytes(minhash), size


def link_duplicate(session: Session, article_id: int, original_id: int, similarity: float) -> None:
    session.add(
        DuplicateRow(
            article_id=article_id, original_id=original_id, similarity=round(similarity, 4)
        )
    )
    session.flush()
