"""Figure 5: reconciliation time for two sizes of synthetic claims, and their ratio."""

from __future__ import annotations

from benchmarks.report import Figure


def reconciliation(small: int, large: int) -> list[Figure]:
    try:
        import bilan.reconcile  # noqa: F401
    except ImportError as exc:
        return [
            Figure(
                5,
                f"reconciliation {large:,} ÷ {small:,} claims",
                None,
                "ratio",
                goal="≈ 10 (near-linear), large under 60 s",
                note=f"not measured: {exc} (bilan.reconcile comes with branch store)",
            )
        ]
    raise NotImplementedError("reconciliation benchmark: written when bilan.reconcile lands")
