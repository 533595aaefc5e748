"""Finding and resolving every time expression of a text, in order.

Anaphoric expressions ("le lendemain", "ce jour-là", "deux ans après") resolve against the last
date mentioned before them; the others against the publication date.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from bilan.temporal.grammar import TimexMatch, find
from bilan.temporal.resolve import Context, Resolved, Unresolvable, resolve

#: kinds of expression that become the reference for the anaphoric ones that follow
REFERENCE_KINDS = frozenset({"absolute", "weekday", "relative"})


def timexes(
    text: str,
    published: date,
    *,
    is_future: Callable[[TimexMatch], bool] | None = None,
    problems: list[str] | None = None,
) -> list[tuple[TimexMatch, Resolved]]:
    """Every time expression of ``text`` with its interval; ``is_future`` tells whether a
    match's sentence speaks of the future; unresolvable ones are reported in ``problems``."""
    ctx = Context(pub=published, ref_start=published, ref_end=published)
    out: list[tuple[TimexMatch, Resolved]] = []
    for match in find(text):
        ctx.future = bool(is_future and match.name == "weekday" and is_future(match))
        try:
            resolved = resolve(match, ctx)
        except Unresolvable as exc:
            if problems is not None:
                problems.append(str(exc))
            continue
        out.append((match, resolved))
        if resolved.kind in REFERENCE_KINDS:
            ctx.ref_start, ctx.ref_end = resolved.start, resolved.end
    return out
