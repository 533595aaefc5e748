"""Near-duplicate detection with MinHash LSH (datasketch): wire copies link to one report.

An article is reduced to the set of its body's word 3-grams (the title line is left out: copies
often carry another headline). MinHash signatures go into an LSH index with a low threshold to
find candidates; a candidate is kept when the estimated Jaccard similarity reaches
``jaccard`` or when the smaller article is mostly contained in the larger (``containment``),
which catches a dispatch wrapped in boilerplate or trimmed by an editor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHash, MinHashLSH

from bilan.model import Article

NUM_PERM = 128
#: datasketch's permutation scheme; stored signatures are only comparable within one scheme
SCHEME = "affine32"
SHINGLE_WORDS = 3
#: articles with fewer shingles are too short to call copies of anything
MIN_SHINGLES = 8
_WORD = re.compile(r"\w+", re.UNICODE)


def body_of(article: Article) -> str:
    return article.text[article.body_start :]


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Word n-grams of a text, lower-cased, punctuation ignored."""
    words = _WORD.findall(text.casefold())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


@dataclass(frozen=True)
class Signature:
    """A MinHash signature and the size of the shingle set it summarizes."""

    minhash: MinHash
    size: int

    @classmethod
    def of(cls, article: Article) -> Signature:
        grams = shingles(body_of(article))
        mh = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
        mh.update_batch([g.encode("utf-8") for g in sorted(grams)])
        return cls(mh, len(grams))

    def to_bytes(self) -> bytes:
        return np.asarray(self.minhash.hashvalues, dtype="<u8").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes, size: int) -> Signature:
        values = np.frombuffer(data, dtype="<u8").astype(np.uint64)
        return cls(MinHash(num_perm=NUM_PERM, hashvalues=values, scheme=SCHEME), size)


@dataclass(frozen=True)
class Match:
    original_id: int
    jaccard: float
    containment: float

    @property
    def similarity(self) -> float:
        return max(self.jaccard, self.containment)


@dataclass
class NearDuplicateIndex:
    """Originals (never copies) by id; ``find`` returns the best original a new text copies."""

    jaccard: float = 0.5
    containment: float = 0.8
    candidate_threshold: float = 0.3
    _lsh: MinHashLSH = field(init=False, repr=False)
    _signatures: dict[int, Signature] = field(init=False, default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._lsh = MinHashLSH(threshold=self.candidate_threshold, num_perm=NUM_PERM)

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, article_id: int, signature: Signature) -> None:
        if signature.size < MIN_SHINGLES or article_id in self._signatures:
            return
        self._lsh.insert(article_id, signature.minhash)
        self._signatures[article_id] = signature

    def find(self, signature: Signature) -> Match | None:
        """The stored original this signature copies, or None when it copies nothing."""
        if signature.size < MIN_SHINGLES:
            return None
        best: Match | None = None
        for key in sorted(self._lsh.query(signature.minhash)):
            other = self._signatures[key]
            jaccard = float(signature.minhash.jaccard(other.minhash))
            shared = jaccard * (signature.size + other.size) / (1 + jaccard)
            containment = min(1.0, shared / min(signature.size, other.size))
            match = Match(int(key), jaccard, containment)
            if jaccard < self.jaccard and containment < self.containment:
                continue
            if best is None or match.similarity > best.similarity:
                best = match
        return best
