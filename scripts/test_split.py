"""Run `bilan extract` over every article of the blind test split and print the counts found.

    python scripts/test_split.py --split ../shared/corpora/wikinews-fr-2012/test

The split has no gold in this repository and must never be used to tune rules or lexicons: this
script only proves that extraction runs on unseen articles and shows its counts for a person to
review by eye. It exits non-zero when `bilan extract` fails on an article.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any


def build_jsonl(split: Path, out: Path) -> int:
    """One JSONL line per article of the split (text, id, title, published from index.jsonl)."""
    index: dict[str, dict[str, Any]] = {}
    index_path = split / "index.jsonl"
    if index_path.exists():
        for line in index_path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                index[str(row["id"])] = row
    paths = sorted(split.glob("*.txt"))
    with out.open("w", encoding="utf-8") as fh:
        for path in paths:
            meta = index.get(path.stem, {})
            record = {
                "id": path.stem,
                "text": path.read_bytes().decode("utf-8-sig"),
                "title": meta.get("title"),
                "published": meta.get("published"),
            }
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(paths)


def number(c: dict[str, Any]) -> str:
    if c.get("qualifier") in ("range", "vague"):
        return f"{c.get('low')}–{c.get('high')}"
    return str(c.get("value"))


def show(doc: dict[str, Any]) -> int:
    art = doc["article"]
    if "error" in doc:
        print(f"{art.get('id')}: ERROR {doc['error']['code']}: {doc['error']['message']}")
        return 0
    counts = doc["counts"]
    print(
        f"{art.get('id')}  {art.get('published')}  {art.get('title')}  — {len(counts)} counts, {len(doc['quotes'])} quotes"
    )
    for c in counts:
        src = (c.get("source") or {}).get("name") or (c.get("source") or {}).get("text") or "—"
        print(
            f"    {c['category']:<10} {c['qualifier']:<9} {number(c):>12}  {c['group']:<15} "
            f"src={src}  «{c['evidence']['text']}»"
        )
    return len(counts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--split", type=Path, default=Path("../shared/corpora/wikinews-fr-2012/test")
    )
    args = parser.parse_args()
    if not args.split.is_dir():
        print(
            f"error: the test split {args.split} does not exist (set SHARED=...)", file=sys.stderr
        )
        return 4
    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(tmp) / "test-split.jsonl"
        n = build_jsonl(args.split, batch)
        proc = subprocess.run(
            [sys.executable, "-m", "bilan", "extract", str(batch), "--format", "json"],
            capture_output=True,
            text=True,
            check=False,
        )
    if proc.stderr:
        print(proc.stderr, file=sys.stderr)
    docs = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    total = sum(show(doc) for doc in docs)
    errors = sum("error" in d for d in docs)
    print(f"\n{len(docs)}/{n} articles extracted, {errors} errors, {total} counts in all")
    return proc.returncode or (1 if len(docs) != n else 0)


if __name__ == "__main__":
    sys.exit(main())
