"""A Rich progress bar that shows articles per second (silent when asked to be)."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text


class ArticlesPerSecondColumn(ProgressColumn):
    """Rendered as ``12.3 art/s`` from Rich's moving speed estimate."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        if speed is None and task.elapsed:
            speed = task.completed / task.elapsed
        return Text("… art/s" if speed is None else f"{speed:,.1f} art/s", style="cyan")


class BatchProgress:
    """Counts processed articles; the total becomes known when the inputs are exhausted."""

    def __init__(self, *, enabled: bool = True, console: Console | None = None) -> None:
        self.progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            ArticlesPerSecondColumn(),
            TimeElapsedColumn(),
            console=console or Console(stderr=True),
            disable=not enabled,
        )
        self.task: TaskID | None = None

    def __enter__(self) -> BatchProgress:
        self.progress.start()
        self.task = self.progress.add_task("articles", total=None)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.progress.stop()

    def advance(self, articles: int) -> None:
        if self.task is not None:
            self.progress.advance(self.task, articles)

    def set_total(self, total: int) -> None:
        if self.task is not None:
            self.progress.update(self.task, total=total)
