"""The options object of a batch run (keyword-only) and the summary it returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from bilan.config import Settings


@dataclass(frozen=True, kw_only=True)
class BatchOptions:
    """How to run a batch. ``workers=0`` runs in this process without Dask.

    ``scheduler`` (a Dask address such as ``tcp://10.0.0.5:8786``) uses an existing cluster
    instead of starting a local one; ``workers`` is then ignored. Results always go to Parquet
    shards under ``out`` (they are the resume journal); with ``db`` they are also stored.
    """

    inputs: tuple[Path, ...]
    out: Path = Path("out/batch")
    db: str | None = None
    settings: Settings = field(default_factory=Settings)
    workers: int = 2
    scheduler: str | None = None
    partition_size: int = 16
    max_in_flight: int | None = None
    resume: bool = True
    published: date | None = None
    progress: bool = True

    @property
    def in_flight(self) -> int:
        """Partitions queued at once: enough to keep every worker busy, bounded for memory."""
        return self.max_in_flight or max(2, 2 * max(self.workers, 1))


@dataclass
class BatchSummary:
    """What a run did: articles processed now (``errors`` of them rejected with a typed error),
    skipped as already done, and the partitions that ``failed`` (not written, redone on rerun)."""

    processed: int = 0
    skipped: int = 0
    errors: int = 0
    shards: list[Path] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    stored: int = 0
    incidents: int = 0
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        """Articles processed per second of wall time (0 when nothing ran)."""
        return self.processed / self.seconds if self.seconds > 0 else 0.0
