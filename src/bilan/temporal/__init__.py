"""French time expressions: found with the patterns of ``lang/fr/dates.yaml``, resolved against
an anchor date passed in (the article's publication date), never against today.

    >>> from datetime import date
    >>> [(m.text, r.start, r.end) for m, r in timexes("hier", date(2012, 7, 4))]
    [('hier', datetime.date(2012, 7, 3), datetime.date(2012, 7, 3))]
"""

from bilan.temporal import relative as _relative  # noqa: F401  (registers the resolvers)
from bilan.temporal.grammar import TimexMatch, find
from bilan.temporal.resolve import Context, Resolved, Unresolvable, resolve
from bilan.temporal.timexes import timexes

__all__ = ["Context", "Resolved", "TimexMatch", "Unresolvable", "find", "resolve", "timexes"]
