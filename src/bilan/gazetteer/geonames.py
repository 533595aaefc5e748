"""Importing full GeoNames dumps into the index: ``allCountries.zip`` or a country's ``XX.zip``,
plus ``alternateNamesV2.zip`` for French names, for users who need every village.

The dump is streamed (allCountries holds over twelve million rows); rows already in the index
(same geonameid) only gain names. The index is copied, filled and renamed into place, so a
reader never sees it half-imported. ``progress(done, total)`` reports bytes read.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from bilan.errors import ConfigError
from bilan.gazetteer.base import GazetteerEntry
from bilan.gazetteer.index import INDEXES, insert_entries
from bilan.gazetteer.normalize import is_latin, normalize, phonetic_key

Progress = Callable[[int, int], None]

#: GeoNames feature class/code → our kind (codes first, then classes)
FEATURE_KINDS = {
    "A.ADM1": "admin1",
    "A.ADM2": "admin2",
    "A.ADM3": "admin2",
    "P.PPLX": "district",
    "L.RGN": "region",
    "L.AREA": "region",
    "T.MTS": "region",
    "A": "",  # other administrative units (countries come from the base index)
    "P": "city",
}
#: languages of alternateNamesV2 kept (French, plus names with no language)
LANGUAGES = frozenset({"fr", ""})


@dataclass
class ImportReport:
    added: int = 0
    named: int = 0
    skipped: int = 0


def _member(archive: zipfile.ZipFile, stem: str | None = None) -> zipfile.ZipInfo:
    texts = [i for i in archive.infolist() if i.filename.endswith(".txt")]
    texts = [i for i in texts if not i.filename.lower().startswith(("readme", "iso-languagecodes"))]
    if stem:
        texts = [i for i in texts if Path(i.filename).stem.startswith(stem)] or texts
    if not texts:
        raise ConfigError("no .txt table inside the archive", source=archive.filename)
    return max(texts, key=lambda i: i.file_size)


def _lines(path: Path, progress: Progress | None, stem: str | None = None) -> Iterator[str]:
    """Lines of a GeoNames table: a .txt file or the table inside a .zip."""
    if path.suffix.lower() != ".zip":
        total = path.stat().st_size
        with path.open("rb") as raw:
            yield from _decoded(raw, total, progress)
        return
    with zipfile.ZipFile(path) as archive:
        info = _member(archive, stem)
        with archive.open(info) as raw:
            yield from _decoded(raw, info.file_size, progress)


def _decoded(raw: IO[bytes], total: int, progress: Progress | None) -> Iterator[str]:
    done = 0
    for line in raw:
        done += len(line)
        if progress is not None and done % 1_000_000 < len(line):
            progress(done, total)
        yield line.decode("utf-8")
    if progress is not None:
        progress(total, total)


def french_names(path: Path, progress: Progress | None = None) -> dict[int, list[str]]:
    """geonameid → French (and language-less) names from alternateNamesV2."""
    names: dict[int, list[str]] = defaultdict(list)
    for line in _lines(path, progress, stem="alternateNames"):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 4 or cols[2] not in LANGUAGES or not is_latin(cols[3]):
            continue
        names[int(cols[1])].append(cols[3])
    return names


def _kind(feature_class: str, feature_code: str) -> str:
    return FEATURE_KINDS.get(
        f"{feature_class}.{feature_code}", FEATURE_KINDS.get(feature_class, "other")
    )


def dump_entries(
    path: Path, extra_names: dict[int, list[str]], progress: Progress | None = None
) -> Iterator[GazetteerEntry]:
    for line in _lines(path, progress):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 15:
            continue
        kind = _kind(cols[6], cols[7])
        if not kind:
            continue
        gid = int(cols[0])
        aliases = [a for a in cols[3].split(",") if a and is_latin(a)] + extra_names.get(gid, [])
        yield GazetteerEntry(
            name=cols[1],
            kind=kind,
            country=cols[8] or None,
            lat=float(cols[4]),
            lon=float(cols[5]),
            population=int(cols[14] or 0),
            geonameid=gid,
            admin1=cols[10] or None,
            aliases=tuple(dict.fromkeys([cols[2], *aliases])),
            source="geonames",
        )


def import_geonames(
    index: Path,
    dump: Path,
    *,
    alternate_names: Path | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Add the places of a GeoNames dump (and French alternate names) to the index file."""
    for p in (dump, alternate_names):
        if p is not None and not p.exists():
            raise ConfigError(
                "file not found: download it from the GeoNames export page", source=str(p)
            )
    extra = french_names(alternate_names, progress) if alternate_names else {}
    fd, tmp_name = tempfile.mkstemp(prefix=index.name + ".", suffix=".tmp", dir=index.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    report = ImportReport()
    try:
        shutil.copyfile(index, tmp)
        conn = sqlite3.connect(tmp)
        with conn:
            known = {
                gid: pid
                for pid, gid in conn.execute(
                    "SELECT id, geonameid FROM places WHERE geonameid IS NOT NULL"
                )
            }
            new: list[GazetteerEntry] = []
            for entry in dump_entries(dump, extra, progress):
                if entry.geonameid in known:
                    report.named += _add_names(conn, known[entry.geonameid], entry)
                    continue
                new.append(entry)
                if len(new) >= 10_000:
                    report.added += insert_entries(conn, new)
                    new = []
            report.added += insert_entries(conn, new)
            conn.executescript(INDEXES)
        conn.close()
        os.replace(tmp, index)
    finally:
        tmp.unlink(missing_ok=True)
    return report


def _add_names(conn: sqlite3.Connection, place_id: int, entry: GazetteerEntry) -> int:
    have = {
        row[0] for row in conn.execute("SELECT norm FROM names WHERE place_id = ?", (place_id,))
    }
    norms = {normalize(n) for n in (entry.name, *entry.aliases)} - have - {""}
    conn.executemany(
        "INSERT INTO names (norm, key, place_id) VALUES (?,?,?)",
        [(n, phonetic_key(n, normalized=True), place_id) for n in norms],
    )
    return len(norms)
