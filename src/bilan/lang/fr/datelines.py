"""Named regexes for French datelines (the date that opens a dispatch).

Examples:
    WIKINEWS_DATELINE  "29 mai 2012. - Un postier …"           → 2012-05-29
    AGENCY_DATELINE    "BEYROUTH, 30 nov 2016 (AFP) - Les …"    → 2016-11-30
    AGENCY_DATELINE    "Paris, 2 décembre 2012 (Reuters) — …"   → 2012-12-02
"""

from __future__ import annotations

import re
from datetime import date

from bilan.lang.fr import load

_MONTH = r"(?P<month>[A-Za-zéûÉÛ]{3,9})\.?"

#: "29 mai 2012. - " at the start of a paragraph (Wikinews French)
WIKINEWS_DATELINE = re.compile(
    rf"^\s*(?:le\s+)?(?P<day>\d{{1,2}})(?:er)?\s+{_MONTH}\s+(?P<year>\d{{4}})\s*\.?\s*[-–—]",
    re.IGNORECASE | re.MULTILINE,
)
#: "BEYROUTH, 30 nov 2016 (AFP) -" (agency wire)
AGENCY_DATELINE = re.compile(
    rf"^\s*[A-ZÀ-Ü][\w'’ .-]{{1,40}},\s*(?P<day>\d{{1,2}})(?:er)?\s+{_MONTH}\s+(?P<year>\d{{4}})"
    r"\s*(?:\([^)]{1,20}\))?\s*[-–—]",
    re.MULTILINE,
)

PATTERNS = (WIKINEWS_DATELINE, AGENCY_DATELINE)


def month_number(word: str) -> int | None:
    months: dict[str, int] = load("months")
    return months.get(word.lower().rstrip("."))


def find_dateline(text: str, *, window: int = 600) -> tuple[date, int, int] | None:
    """The dateline's date and span in the first ``window`` characters, or None."""
    head = text[:window]
    for pattern in PATTERNS:
        m = pattern.search(head)
        if not m:
            continue
        month = month_number(m.group("month"))
        if month is None:
            continue
        try:
            return (
                date(int(m.group("year")), month, int(m.group("day"))),
                m.start("day"),
                m.end("year"),
            )
        except ValueError:
            continue
    return None
