"""Rich rendering of evaluation reports: summary, per-article table, misses and false alarms."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from bilan.cli.app import stdout_is_terminal
from bilan.evaluate.results import SECTIONS, Issue, Report

#: width of tables when the output is not a terminal (CI logs, files): wide enough not to fold
LOG_WIDTH = 160


def report_console() -> Console:
    """A console that keeps tables whole when the output goes to a log or a pipe."""
    return Console() if stdout_is_terminal() else Console(width=LOG_WIDTH)


_KIND_STYLE = {"miss": "red", "false_alarm": "yellow", "mismatch": "magenta"}


def pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}"


def summary_table(report: Report, title: str = "Summary") -> Table:
    s = report.summary
    table = Table(title=f"{title} ({s.articles} articles, {s.errors} errors)", expand=False)
    for col in ("metric", "P", "R", "F1", "hits", "false alarms", "misses"):
        table.add_column(col, justify="left" if col == "metric" else "right")
    for name, t in s.tallies.items():
        table.add_row(
            name, pct(t.precision), pct(t.recall), pct(t.f1), str(t.tp), str(t.fp), str(t.fn)
        )
    for name, acc in s.accuracies.items():
        table.add_row(f"  {name}", "", "", pct(acc.value), f"{acc.correct}/{acc.total}", "", "")
    return table


def article_table(report: Report) -> Table:
    sections = [n for n in SECTIONS if n in report.summary.tallies]
    table = Table(title="Per article (hits/false alarms/misses)", expand=False)
    table.add_column("article")
    for name in sections:
        table.add_column(name, justify="right")
    table.add_column("counts F1", justify="right")
    table.add_column("note")
    for a in report.articles:
        cells = []
        for name in sections:
            t = a.tallies.get(name)
            cells.append("" if t is None else f"{t.tp}/{t.fp}/{t.fn}")
        counts = a.tallies.get("counts")
        note = a.error or (f"{len(a.warnings)} warnings" if a.warnings else "")
        table.add_row(a.id, *cells, pct(counts.f1 if counts else None), escape(note))
    return table


def _short(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_issue(console: Console, issue: Issue) -> None:
    style = _KIND_STYLE[issue.kind]
    head = f"  [{style}]{issue.kind:<11}[/] {issue.section:<7} {escape(issue.what)}"
    if issue.detail:
        head += f"  [bold]{escape(issue.detail)}[/]"
    console.print(head, highlight=False, soft_wrap=True)
    console.print(
        f"      [dim]{escape(_short(issue.sentence))}[/]", highlight=False, soft_wrap=True
    )


def render_report(console: Console, report: Report, *, issues: bool = True) -> None:
    console.print(summary_table(report))
    console.print(article_table(report))
    if not issues:
        return
    for a in report.articles:
        if not (a.issues or a.error or a.warnings):
            continue
        console.print(f"[bold]{escape(a.id)}[/] [dim]{escape(a.path)}[/]", highlight=False)
        if a.error:
            console.print(f"  [red]error[/] {escape(a.error)}", highlight=False)
        for w in a.warnings:
            console.print(f"  [yellow]warning[/] {escape(w)}", highlight=False)
        for issue in a.issues:
            render_issue(console, issue)
