"""Helpers for the speech tests: a pipeline of the speech stages only, run on one text."""

from __future__ import annotations

from typing import Any

from bilan import Pipeline, Settings
from bilan.model import Article, Document

SPEECH_STAGES = ("entities", "attribution", "quotes")


def speech_pipeline(nlp: Any) -> Pipeline:
    return Pipeline(Settings(stages=SPEECH_STAGES, check_language=False), nlp=nlp)


def run(pipe: Pipeline, text: str) -> Document:
    return pipe(Article(text=text))


def shown(ref: Any) -> str | None:
    """What GOLD.md compares for an EntityRef: its name, else its text."""
    return None if ref is None else (ref.name or ref.text)
