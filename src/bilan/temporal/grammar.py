"""Finding French time expressions: the named patterns of ``lang/fr/dates.yaml``, compiled.

``find(text)`` returns non-overlapping matches in text order; patterns listed first win.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from bilan.lang.fr import load

_PART = re.compile(r"\{([A-Z]+)(2?)\}")
_GROUP = re.compile(r"\(\?P<(\w+)>")


@dataclass(frozen=True)
class TimexMatch:
    name: str
    start: int
    end: int
    text: str
    groups: dict[str, str]


def _expand(regex: str, parts: dict[str, str]) -> str:
    def part(m: re.Match[str]) -> str:
        body = parts[m.group(1)]
        return _GROUP.sub(lambda g: f"(?P<{g.group(1)}2>", body) if m.group(2) else body

    return _PART.sub(part, regex)


@cache
def patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    data: dict[str, Any] = load("dates")
    parts: dict[str, str] = data["parts"]
    return tuple(
        (p["name"], re.compile(_expand(p["regex"], parts), re.IGNORECASE)) for p in data["patterns"]
    )


def find(text: str) -> list[TimexMatch]:
    taken: list[tuple[int, int]] = []
    out: list[TimexMatch] = []
    for name, pattern in patterns():
        for m in pattern.finditer(text):
            start, end = m.span()
            while end > start and text[end - 1].isspace():
                end -= 1
            if end <= start or any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            out.append(TimexMatch(name, start, end, text[start:end], groups))
    return sorted(out, key=lambda m: m.start)
