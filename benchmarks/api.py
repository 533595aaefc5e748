"""Figure 6: API /extract p50 and p95 latency for a 1,000-word article under a bounded load."""

from __future__ import annotations

from benchmarks.report import Figure
from bilan.model import Article


def api_latency(articles: list[Article], *, requests: int) -> list[Figure]:
    try:
        import bilan.api  # noqa: F401
    except ImportError as exc:
        return [
            Figure(
                6,
                "API /extract latency p50 / p95 (1,000 words)",
                None,
                "ms",
                note=f"not measured: {exc} (bilan.api comes with branch api)",
            )
        ]
    raise NotImplementedError("API benchmark: written when bilan.api lands")
