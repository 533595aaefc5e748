"""Command-line interface: thin wrappers that parse, call importable functions and render."""

from __future__ import annotations

from bilan.cli import (  # noqa: F401  (importing a command module registers its commands)
    batch,
    evaluate,
    export,
    extract,
    gate,
    gazetteer,
    ingest,
    serve,
    tally,
)
from bilan.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
