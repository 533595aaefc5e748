"""The Dask executor: a local cluster (processes, one thread each) or an existing scheduler.

The pipeline is built once per worker by :class:`PipelinePlugin` (a Dask ``WorkerPlugin``): the
spaCy model loads when the worker starts, not per task. Partitions are submitted with a bound on
how many are queued, so the client streams its inputs instead of shipping them all at once.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any

from distributed import WorkerPlugin

from bilan.batch.executors import Outcome, PartitionDone, PartitionFailed
from bilan.batch.sources import Partition
from bilan.batch.work import ResultRow, process_partition
from bilan.config import Settings
from bilan.pipeline import Pipeline

if TYPE_CHECKING:
    from distributed import Client, Future, LocalCluster

PLUGIN_NAME = "bilan-pipeline"


class PipelinePlugin(WorkerPlugin):
    """Builds one :class:`Pipeline` per worker, at worker start (and on workers that join)."""

    name = PLUGIN_NAME

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.pipeline: Pipeline | None = None

    def setup(self, worker: Any) -> None:
        self.pipeline = Pipeline(self.settings)

    def __getstate__(self) -> dict[str, Any]:
        # ship the settings only: every worker builds its own pipeline
        return {"settings": self.settings, "pipeline": None}


def worker_pipeline() -> Pipeline:
    """The pipeline the plugin built on the current worker."""
    from distributed import get_worker

    plugin = get_worker().plugins[PLUGIN_NAME]
    assert isinstance(plugin, PipelinePlugin) and plugin.pipeline is not None
    return plugin.pipeline


def run_partition(partition: Partition) -> list[ResultRow]:
    """The task: one partition on the worker's pipeline."""
    return process_partition(worker_pipeline(), partition)


def worker_peak_rss() -> int:
    """Peak resident memory of this worker process, in bytes (Linux reports KiB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


class DaskExecutor:
    """Runs partitions on Dask workers; starts a ``LocalCluster`` unless given an address."""

    def __init__(
        self,
        settings: Settings,
        *,
        workers: int = 2,
        scheduler: str | None = None,
        in_flight: int = 4,
    ) -> None:
        self.settings = settings
        self.workers = workers
        self.scheduler = scheduler
        self.in_flight = max(1, in_flight)
        self.cluster: LocalCluster | None = None
        self.client: Client | None = None

    def __enter__(self) -> DaskExecutor:
        from distributed import Client, LocalCluster

        if self.scheduler is None:
            self.cluster = LocalCluster(
                n_workers=self.workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            self.client = Client(self.cluster)
        else:
            self.client = Client(self.scheduler)
        self.client.register_plugin(PipelinePlugin(self.settings), name=PLUGIN_NAME)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def peak_memory(self) -> dict[str, int]:
        """Peak resident memory of each worker (bytes), keyed by worker address."""
        assert self.client is not None, "use the executor as a context manager"
        return dict(self.client.run(worker_peak_rss))

    def run(self, partitions: Iterator[Partition]) -> Iterator[Outcome]:
        from distributed import as_completed

        assert self.client is not None, "use the executor as a context manager"
        pending: dict[Future, Partition] = {}
        queue = as_completed()

        def submit(partition: Partition) -> None:
            future = self._submit(partition)
            pending[future] = partition
            queue.add(future)

        for partition in itertools.islice(partitions, self.in_flight):
            submit(partition)
        for future in queue:
            yield self._outcome(future, pending.pop(future))
            following = next(partitions, None)
            if following is not None:
                submit(following)

    def _submit(self, partition: Partition) -> Future:
        assert self.client is not None
        return self.client.submit(
            run_partition, partition, key=f"bilan-partition-{partition.name}", pure=False
        )

    @staticmethod
    def _outcome(future: Future, partition: Partition) -> Outcome:
        if future.status == "error":
            error = future.exception()
            return PartitionFailed(partition, error if error is not None else RuntimeError())
        return PartitionDone(partition, future.result())
