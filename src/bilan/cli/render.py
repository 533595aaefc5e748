"""Rich rendering of extraction results for people (the JSON contract is for programs)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table


def _number(c: dict[str, Any]) -> str:
    q = c.get("qualifier") or "exact"
    if q in ("range", "vague"):
        return f"{c.get('low')}–{c.get('high')}"
    value = c.get("value")
    prefix = {"at_least": "≥", "more_than": ">", "about": "~", "up_to": "≤", "less_than": "<"}.get(
        q, ""
    )
    return f"{prefix}{value}"


def _name(entity: dict[str, Any] | None) -> str:
    if not entity:
        return "—"
    return str(entity.get("name") or entity.get("text") or "—")


def render_document(console: Console, data: dict[str, Any]) -> None:
    art = data["article"]
    head = f"[bold]{art.get('title') or art.get('id') or 'article'}[/]"
    if art.get("published"):
        head += f"  [dim]{art['published']}[/]"
    console.print(head)
    if "error" in data:
        console.print(f"  [red]error[{data['error']['code']}][/]: {data['error']['message']}")
        return
    counts = Table(title="Counts", show_lines=False, expand=False)
    for col in ("id", "category", "number", "group", "source", "place", "period", "evidence"):
        counts.add_column(col, overflow="fold")
    for c in data["counts"]:
        period = c.get("period") or {}
        counts.add_row(
            c["id"] + (f" ⊂{c['part_of']}" if c.get("part_of") else ""),
            c["category"] + (" (hedged)" if c.get("hedged") else ""),
            _number(c),
            c.get("group") or "—",
            _name(c.get("source")),
            _name(c.get("place")),
            f"{period.get('start') or ''}…{period.get('end') or ''}" if period else "—",
            c["evidence"]["text"],
        )
    console.print(counts if data["counts"] else "  [dim]no counts[/]")
    quotes = Table(title="Quotes", expand=False)
    for col in ("id", "speaker", "quote"):
        quotes.add_column(col, overflow="fold")
    for q in data["quotes"]:
        text = q["text"] if len(q["text"]) < 160 else q["text"][:157] + "…"
        quotes.add_row(q["id"], _name(q.get("speaker")), text)
    console.print(quotes if data["quotes"] else "  [dim]no quotes[/]")
    for w in data.get("warnings", []):
        console.print(f"  [yellow]warning[{w['code']}][/]: {w['message']}")
