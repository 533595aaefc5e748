"""Readers that turn files and records into :class:`~bilan.model.Article` (no extraction logic).

- :func:`decode_bytes`: UTF-8, then cp1252/latin-1 with a warning; binary bytes are refused.
- :func:`read_text_article`: ``.txt`` (first line is the title when a blank line follows).
- :func:`read_html_article`: main text, title and date through trafilatura.
- :func:`iter_jsonl`: one article per line; a bad line yields its typed error, not a crash.
- :func:`read_path`: dispatches on the file's kind.
"""

from bilan.ingest.readers import (
    ReadResult,
    decode_bytes,
    iter_jsonl,
    read_html_article,
    read_path,
    read_text_article,
)

__all__ = [
    "ReadResult",
    "decode_bytes",
    "iter_jsonl",
    "read_html_article",
    "read_path",
    "read_text_article",
]
