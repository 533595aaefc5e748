"""`run_batch`: stream the inputs, skip what is done, run partitions, write shards, show progress."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from time import perf_counter
from typing import TYPE_CHECKING

from bilan.batch.executors import Executor, LocalExecutor, PartitionDone
from bilan.batch.options import BatchOptions, BatchSummary
from bilan.batch.progress import BatchProgress
from bilan.batch.shards import processed_keys, remove_shards, write_shard
from bilan.batch.sources import Partition, WorkItem, error_key, iter_work, partitions
from bilan.batch.work import ERROR, ResultRow, error_row
from bilan.errors import BilanError

if TYPE_CHECKING:
    from bilan.batch.store_sink import StoreSink


class _Inputs:
    """The article stream of a run: skips keys already done, keeps read errors aside."""

    def __init__(self, options: BatchOptions, done: set[str]) -> None:
        self.options = options
        self.seen = set(done)
        self.total = 0
        self.skipped = 0
        self.exhausted = False
        self.read_errors: list[ResultRow] = []

    def items(self) -> Iterator[WorkItem]:
        for entry in iter_work(self.options.inputs, published=self.options.published):
            key = error_key(entry) if isinstance(entry, BilanError) else entry.key
            if key in self.seen:
                self.skipped += 1
                continue
            self.seen.add(key)
            if isinstance(entry, BilanError):
                self.read_errors.append(error_row(key, entry))
                continue
            self.total += 1
            yield entry
        self.exhausted = True


def _store_sink(db: str) -> StoreSink:
    from bilan.batch.store_sink import StoreSink

    return StoreSink(db)


def make_executor(options: BatchOptions) -> Executor:
    """In-process for ``workers=0`` without a scheduler; Dask otherwise."""
    if options.workers == 0 and options.scheduler is None:
        return LocalExecutor(options.settings)
    from bilan.batch.cluster import DaskExecutor

    return DaskExecutor(
        options.settings,
        workers=options.workers,
        scheduler=options.scheduler,
        in_flight=options.in_flight,
    )


def _record(
    options: BatchOptions, summary: BatchSummary, done: list[tuple[Partition, list[ResultRow]]]
) -> None:
    """Write the shards of finished partitions (the resume journal) and count their rows."""
    for partition, rows in done:
        summary.shards.append(write_shard(options.out, partition.name, rows))
        summary.processed += len(rows)
        summary.errors += sum(1 for r in rows if r.status == ERROR)


def run_batch(options: BatchOptions, *, executor: Executor | None = None) -> BatchSummary:
    """Process every article of ``options.inputs`` not already in ``options.out``.

    ``summary.seconds`` counts processing only (after the executor has loaded its models).
    """
    if not options.resume:
        remove_shards(options.out)
    inputs = _Inputs(options, processed_keys(options.out) if options.resume else set())
    summary = BatchSummary()
    with ExitStack() as stack:
        runner = stack.enter_context(executor or make_executor(options))
        sink = stack.enter_context(_store_sink(options.db)) if options.db else None
        progress = stack.enter_context(BatchProgress(enabled=options.progress))
        start = perf_counter()
        for outcome in runner.run(partitions(inputs.items(), options.partition_size)):
            if isinstance(outcome, PartitionDone):
                done = [(outcome.partition, outcome.rows)]
                if sink is not None:
                    done = sink.add(outcome.partition, outcome.rows)
                _record(options, summary, done)
            else:
                summary.failed.append(f"{outcome.partition.name}: {outcome.error!r}")
            progress.advance(len(outcome.partition))
            if inputs.exhausted:
                progress.set_total(inputs.total)
        if sink is not None:
            _record(options, summary, sink.flush())
        summary.seconds = perf_counter() - start
        progress.set_total(inputs.total)
    if sink is not None:
        summary.stored, summary.incidents = sink.stored, sink.incidents
        summary.failed.extend(sink.failed)
    if inputs.read_errors:
        name = error_key(BilanError("\n".join(r.key for r in inputs.read_errors)))[:20]
        summary.shards.append(write_shard(options.out, f"errors-{name}", inputs.read_errors))
        summary.errors += len(inputs.read_errors)
    summary.skipped = inputs.skipped
    return summary
