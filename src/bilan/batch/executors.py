"""Where partitions run: the executor protocol and the in-process executor.

An executor takes a stream of partitions and yields, as each one finishes (in any order), its
rows or the exception that stopped it. The Dask executor lives in :mod:`bilan.batch.cluster`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import Protocol

from bilan.batch.sources import Partition
from bilan.batch.work import ResultRow, process_partition
from bilan.config import Settings
from bilan.pipeline import Pipeline


@dataclass(frozen=True)
class PartitionDone:
    partition: Partition
    rows: list[ResultRow]


@dataclass(frozen=True)
class PartitionFailed:
    """A partition whose task raised (a bug in a stage, a worker that died): nothing written."""

    partition: Partition
    error: BaseException


Outcome = PartitionDone | PartitionFailed


class Executor(Protocol):
    def __enter__(self) -> Executor: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    def run(self, partitions: Iterator[Partition]) -> Iterator[Outcome]: ...


class LocalExecutor:
    """Runs partitions one after the other in this process (the single-process reference)."""

    def __init__(self, settings: Settings, *, pipeline: Pipeline | None = None) -> None:
        self.settings = settings
        self.pipeline = pipeline

    def __enter__(self) -> LocalExecutor:
        if self.pipeline is None:
            self.pipeline = Pipeline(self.settings)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None

    def run(self, partitions: Iterator[Partition]) -> Iterator[Outcome]:
        pipeline = self.pipeline or Pipeline(self.settings)
        self.pipeline = pipeline
        for partition in partitions:
            yield PartitionDone(partition, process_partition(pipeline, partition))
