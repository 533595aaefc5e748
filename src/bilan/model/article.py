"""The article as read: text exactly as given, plus metadata."""

from datetime import date

from pydantic import BaseModel, ConfigDict, Field


class Article(BaseModel):
    """One news article. ``text`` is kept verbatim: every offset bilan emits indexes into it."""

    model_config = ConfigDict(frozen=True)

    text: str
    id: str | None = None
    title: str | None = None
    published: date | None = None
    language: str = "fr"
    url: str | None = None
    body_start: int = Field(
        default=0, ge=0, description="offset where the body starts (after the title)"
    )
