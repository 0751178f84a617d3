"""Syndicated copies of one story become one story.

News agencies' texts reappear on many sites with a changed headline, a lead sentence added, a
footer. Each document keeps a MinHash of its word 5-shingles; an LSH index over them finds the
documents a new text is nearly the same as without comparing it with every one. A near copy
(estimated Jaccard similarity of the shingles at least THRESHOLD) is not loaded again: it is
recorded as a source of the first document of the story (its id, URL, title and date), so a
relation's `doc_count` keeps counting independent sources only.

Texts under MIN_WORDS words are never taken for copies: too few shingles to tell a copy from
two short texts that say similar things.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from graph_schema.graph import Graph, Tx
from graph_schema.statements import sources as st
from loaders.models import DocumentMeta, document_id, normalise_text
from loaders.resolve import GraphDocument

log = logging.getLogger(__name__)

THRESHOLD = 0.7
NUM_PERM = 128
SHINGLE = 5
MIN_WORDS = 50
# datasketch 2's permutation scheme, named: a MinHash rebuilt from stored values must say which
# scheme made them (datasketch refuses to guess), and only sketches of one scheme compare.
SCHEME = "affine32"
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(normalise_text(text).casefold())
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def long_enough(text: str) -> bool:
    return len(_WORD.findall(text)) >= MIN_WORDS


def fingerprint(text: str) -> Any:
    from datasketch import MinHash

    signature = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    signature.update_batch(list(shingles(text)))
    return signature


def fingerprinted(gdoc: GraphDocument) -> GraphDocument:
    """The document carrying its fingerprint, written with it in its batch's transaction (no
    transaction of its own); computed where the document is extracted (a worker process)."""
    text = gdoc.document.text
    if gdoc.document.minhash is not None or not long_enough(text):
        return gdoc
    return replace(gdoc, document=replace(gdoc.document, minhash=_values(fingerprint(text))))


def signature_of(gdoc: GraphDocument) -> Any:
    """The document's fingerprint as a MinHash; None for a text too short to have one."""
    values = gdoc.document.minhash
    if values is None:
        return fingerprint(gdoc.document.text) if long_enough(gdoc.document.text) else None
    return _from_values(values)


def _values(signature: Any) -> list[int]:
    return [int(v) for v in signature.hashvalues]


def _from_values(values: list[int]) -> Any:
    import numpy as np
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, hashvalues=np.array(values, dtype=np.uint32), scheme=SCHEME)


@dataclass(frozen=True)
class CopyReport:
    """A text recorded as a copy of the story's first document (nothing else was written)."""

    document_id: str  # the first document's
    copy_id: str  # the copy's own (the sha256 of its text)
    similarity: float
    url: str | None
    status: str = "copy"


class StoryIndex:
    """The graph's documents by fingerprint. Built from the graph on first use and brought up to
    date before each look-up, so documents other processes load are found too."""

    def __init__(self, graph: Graph, threshold: float = THRESHOLD) -> None:
        self.graph = graph
        self.threshold = threshold
        self._lsh: Any = None
        self._signatures: dict[str, Any] = {}
        self._loaded_at: dict[str, str] = {}
        self._since: str | None = None
        # The service looks up and records from several request threads at once.
        self._lock = threading.RLock()

    # -- the index ---------------------------------------------------------------------------

    def refresh(self) -> None:
        from datasketch import MinHashLSH

        if self._lsh is None:
            self._lsh = MinHashLSH(threshold=self.threshold, num_perm=NUM_PERM)
        rows = self.graph.read(st.DOCUMENT_FINGERPRINTS, {"since": self._since}, plain=True)
        backfill = []
        for row in rows:
            if row["id"] in self._signatures:
                continue
            if row["minhash"]:
                signature = _from_values(row["minhash"])
            elif row["text"] and long_enough(row["text"]):
                signature = fingerprint(row["text"])
                backfill.append(
                    {"id": row["id"], "minhash": [int(v) for v in signature.hashvalues]}
                )
            else:
                continue
            self._add(row["id"], signature, row["ingested_at"] or "")
        if rows:
            self._since = max(r["ingested_at"] or "" for r in rows) or self._since
        if backfill:
            self.graph.write(lambda tx: tx.run(st.SET_FINGERPRINTS, rows=backfill), name="minhash")

    def _add(self, doc_id: str, signature: Any, ingested_at: str) -> None:
        self._signatures[doc_id] = signature
        self._loaded_at[doc_id] = ingested_at
        self._lsh.insert(doc_id, signature)

    def _forget(self, doc_id: str) -> None:
        if doc_id in self._signatures:
            self._lsh.remove(doc_id)
            del self._signatures[doc_id], self._loaded_at[doc_id]

    def original_of(self, text: str, signature: Any = None) -> tuple[str, float] | None:
        """The first loaded document `text` (whose fingerprint is `signature`, when known) is a
        near copy of, and their similarity."""
        if not long_enough(text):
            return None
        self.refresh()
        if signature is None:
            signature = fingerprint(text)
        found = []
        for doc_id in self._lsh.query(signature):
            similarity = signature.jaccard(self._signatures[doc_id])
            if similarity >= self.threshold:
                found.append((self._loaded_at[doc_id], doc_id, similarity))
        if not found:
            return None
        _, doc_id, similarity = min(found)
        return doc_id, similarity

    # -- writing -----------------------------------------------------------------------------

    def exclusive(self) -> threading.RLock:
        """Held while one text is looked up and, when no copy, loaded and remembered: two
        copies of one story arriving at once would otherwise both find no original."""
        return self._lock

    def record_copy(
        self, text: str, meta: DocumentMeta | None, signature: Any = None
    ) -> CopyReport | None:
        """Record `text` as a copy of its story's first document; None when it is no copy, or
        is that very document from the same place (then loading it changes nothing anyway)."""
        with self._lock:
            return self._record_copy(text, meta, signature)

    def _record_copy(
        self, text: str, meta: DocumentMeta | None, signature: Any
    ) -> CopyReport | None:
        found = self.original_of(text, signature)
        if found is None:
            return None
        original, similarity = found
        copy_id = document_id(text)
        url = meta.url if meta else None

        def work(tx: Tx) -> CopyReport | None:
            rows = tx.run(st.DOCUMENT_COPY_KEYS, id=original).records
            if not rows:
                return None  # deleted since the index saw it
            if copy_id == original and (url is None or url == rows[0]["url"]):
                return None
            key = f"{copy_id} {url or ''}"
            if key not in rows[0]["keys"]:
                tx.run(
                    st.ADD_COPY,
                    id=original,
                    key=key,
                    copy_id=copy_id,
                    url=url,
                    title=meta.title if meta else None,
                    published=meta.published if meta else None,
                )
            return CopyReport(original, copy_id, round(similarity, 3), url)

        report = self.graph.write(work, name="record copy")
        if report is None and copy_id != original:
            self._forget(original)
            return self._record_copy(text, meta, signature)  # the next oldest, if any
        if report is not None:
            log.info(
                "%s is a copy of document %s (similarity %.2f)",
                url or copy_id[:12],
                original[:12],
                similarity,
            )
        return report

    def loaded(self, gdoc: GraphDocument) -> None:
        """Keep in the index the fingerprint of a document just written (the writer wrote it
        with the document: loaders.write, from `fingerprinted`)."""
        if gdoc.document.minhash is None:
            return
        with self._lock:
            if self._lsh is None:
                self.refresh()  # built from the graph, which holds this document already
            if gdoc.document.id in self._signatures:
                return
            # Loaded just now: later than every document the index holds.
            signature = _from_values(gdoc.document.minhash)
            self._add(gdoc.document.id, signature, datetime.now(UTC).isoformat())
