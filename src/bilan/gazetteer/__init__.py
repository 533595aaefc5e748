"""Place look-up behind a small protocol; bundled data plus user extensions.

    >>> gaz = open_gazetteer(Settings())            # doctest: +SKIP
    >>> [e.name for e in gaz.lookup("Alep")]        # doctest: +SKIP
    ['Aleppo']

:class:`Gazetteer` is the protocol stages use; :class:`SqliteGazetteer` the embedded index built
by :func:`open_gazetteer` on first use; :func:`bilan.gazetteer.geonames.import_geonames` adds full
GeoNames dumps to it.
"""

from bilan.gazetteer.base import KINDS, PRECISION, Gazetteer, GazetteerEntry
from bilan.gazetteer.build import ensure_index, index_path, open_gazetteer
from bilan.gazetteer.normalize import normalize, phonetic_key
from bilan.gazetteer.sqlite import SqliteGazetteer

__all__ = [
    "KINDS",
    "PRECISION",
    "Gazetteer",
    "GazetteerEntry",
    "SqliteGazetteer",
    "ensure_index",
    "index_path",
    "normalize",
    "open_gazetteer",
    "phonetic_key",
]
