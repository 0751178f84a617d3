"""Writing resolved documents into the graph: one transaction per document, UNWIND batches.

A document already in the graph (same sha256 of its normalised text) is skipped, so loading the
same article twice changes nothing, and a re-run after an interrupted ingest completes it.
"""

from __future__ import annotations

import json
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from graph_schema.errors import NotFoundError
from graph_schema.graph import Graph, Tx
from graph_schema.statements import linking as lk
from graph_schema.statements import writes as w
from loaders.resolve import CandidatePair, EntityRow, GraphDocument, RelationRow

log = logging.getLogger(__name__)

# Bolt messages over 16 MiB hang ArcadeDB's client; keep each request far below that.
MAX_BATCH_ROWS = 5_000
MAX_BATCH_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class LoadReport:
    document_id: str
    status: Literal["loaded", "skipped"]
    entities: int = 0
    relations: int = 0
    entities_created: int = 0
    drops: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class DeleteReport:
    document_id: str
    relations_deleted: int
    relations_kept: int
    entities_deleted: int
    entities_kept: int


def batches(rows: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    """Split rows into batches bounded by count and by their serialised size."""
    batch: list[dict[str, Any]] = []
    size = 0
    for row in rows:
        row_size = len(json.dumps(row, ensure_ascii=False).encode("utf-8"))
        if batch and (len(batch) >= MAX_BATCH_ROWS or size + row_size > MAX_BATCH_BYTES):
            yield batch
            batch, size = [], 0
        batch.append(row)
        size += row_size
    if batch:
        yield batch


def entity_params(row: EntityRow) -> dict[str, Any]:
    params = asdict(row)
    params.pop("labels")
    params.pop("link_keys")
    return params


def _write_link_keys(tx: Tx, entities: list[EntityRow]) -> None:
    rows = [{"id": r.id, "keys": r.link_keys, "named": r.name_in_text} for r in entities]
    for batch in batches(rows):
        tx.run(lk.WRITE_LINK_KEYS, rows=batch)


def _write_candidates(tx: Tx, doc_id: str, seen: str, pairs: list[CandidatePair]) -> None:
    rows = [
        {
            "id": candidate_id(p.a, p.b),
            "a": min(p.a, p.b),
            "b": max(p.a, p.b),
            "score": p.score,
            "reason": p.reason,
            "doc_id": doc_id,
            "at": seen,
        }
        for p in pairs
    ]
    for batch in batches(rows):
        tx.run(lk.RECORD_CANDIDATES, rows=batch)


def candidate_id(a: str, b: str) -> str:
    first, second = sorted((a, b))
    return f"{first}|{second}"


def relation_params(row: RelationRow) -> dict[str, Any]:
    params = asdict(row)
    params["type"] = row.type.value
    return params


def _write_entities(tx: Tx, doc_id: str, entities: list[EntityRow]) -> int:
    by_labels: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in entities:
        by_labels[row.labels].append(entity_params(row))
    created = 0
    for labels, rows in by_labels.items():
        for batch in batches(rows):
            created += tx.run(w.CREATE_MISSING_ENTITIES[labels], rows=batch).records[0]["created"]
    for batch in batches(entity_params(r) for r in entities):
        tx.run(w.UPDATE_ENTITIES, rows=batch, doc_id=doc_id)
    return created


def _write_relations(tx: Tx, doc_id: str, relations: list[RelationRow]) -> None:
    by_type: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for row in relations:
        by_type[row.type].append(relation_params(row))
    for rtype, rows in by_type.items():
        for batch in batches(rows):
            tx.run(w.MERGE_RELATIONS[rtype], rows=batch, doc_id=doc_id)


def write_document(graph: Graph, gdoc: GraphDocument) -> LoadReport:
    """Write one document in one transaction; skip it when the graph already holds it."""
    doc = gdoc.document

    def work(tx: Tx) -> LoadReport:
        if tx.run(w.DOCUMENT_EXISTS, id=doc.id).records:
            return LoadReport(doc.id, "skipped")
        tx.run(w.CREATE_DOCUMENT, doc=asdict(doc))
        created = _write_entities(tx, doc.id, gdoc.entities)
        _write_link_keys(tx, gdoc.entities)
        _write_relations(tx, doc.id, gdoc.relations)
        _write_candidates(tx, doc.id, doc.ingested_at, gdoc.candidates)
        return LoadReport(
            doc.id, "loaded", len(gdoc.entities), len(gdoc.relations), created, dict(gdoc.drops)
        )

    report = graph.write(work, name="write_document")
    log.info(
        "document %s %s: %d entities (%d new), %d relations, %d dropped",
        doc.id[:12],
        report.status,
        report.entities,
        report.entities_created,
        report.relations,
        sum(gdoc.drops.values()),
    )
    return report


def delete_document(graph: Graph, doc_id: str) -> DeleteReport:
    """Remove a document and its share of the provenance, in one transaction."""

    def work(tx: Tx) -> DeleteReport:
        if not tx.run(w.DOCUMENT_EXISTS, id=doc_id).records:
            raise NotFoundError(f"no document with id {doc_id!r}")
        counts: Counter[str] = Counter()
        counts["shrunk"] = tx.run(w.SHRINK_RELATIONS_OF_DOCUMENT, id=doc_id).records[0]["shrunk"]
        counts["rel_deleted"] = tx.run(w.DELETE_UNSUPPORTED_RELATIONS, id=doc_id).records[0][
            "deleted"
        ]
        counts["ent_deleted"] = tx.run(w.DELETE_ORPHANED_ENTITIES, id=doc_id).records[0]["deleted"]
        counts["ent_kept"] = tx.run(w.RECOMPUTE_ENTITIES_OF_DOCUMENT, id=doc_id).records[0][
            "recomputed"
        ]
        tx.run(w.DELETE_DOCUMENT_NODE, id=doc_id)
        return DeleteReport(
            doc_id,
            counts["rel_deleted"],
            counts["shrunk"] - counts["rel_deleted"],
            counts["ent_deleted"],
            counts["ent_kept"],
        )

    report = graph.write(work, name="delete_document")
    log.info("document %s deleted: %s", doc_id[:12], report)
    return report
