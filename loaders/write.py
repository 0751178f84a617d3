"""Writing resolved documents into the graph: many documents per transaction, one UNWIND per
statement and label set.

Documents are grouped into batches (by count and by bytes) and each batch is written in one
transaction, so a document is in the graph wholly or not at all, whatever kills the writer. A
document already in the graph (same sha256 of its normalised text) is skipped, so loading the
same article twice changes nothing and a re-run after an interrupted ingest completes it. A
batch the graph refuses is split in halves and written again, down to the one document at
fault, which is reported while the others land.

Between resolution and writing sits `prepare`, called inside each batch's transaction before
anything is written, with the batch's documents the graph does not hold yet: where entity
linking (loaders.linking.graph_index.linked: the batch's entities matched against the graph and
each other, renamed to the ids they are known by) plugs in. It reads through the transaction,
so a batch is linked against exactly the graph it is written into, and a batch split after a
refusal is linked again half by half.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from graph_schema.counts import CountChanges
from graph_schema.errors import GraphUnavailableError, NotFoundError
from graph_schema.graph import Graph, Tx
from graph_schema.keys import search_entries
from graph_schema.statement import Statement
from graph_schema.statements import counts as cs
from graph_schema.statements import linking as lk
from graph_schema.statements import search as ss
from graph_schema.statements import writes as w
from graph_schema.vocabulary import RelationType
from loaders import ranking
from loaders.batch import MAX_STATEMENT_ROWS, BatchRows, HeldKeys, chunks, fold
from loaders.resolve import GraphDocument

log = logging.getLogger(__name__)

# A batch is cut at this many documents or this many bytes of text and rows, whichever comes
# first: large enough that round trips no longer dominate (see bench/bench_load.py), small
# enough that one transaction stays well inside the write budget.
MAX_BATCH_DOCUMENTS = 200
MAX_BATCH_BYTES = 8 * 1024 * 1024

Prepare = Callable[[Tx, Sequence[GraphDocument]], list[GraphDocument]]


def as_resolved(tx: Tx, batch: Sequence[GraphDocument]) -> list[GraphDocument]:
    """The `prepare` step that links nothing: the documents as resolution made them (tests of
    the writer itself, and the benchmark's writer without linking)."""
    return list(batch)


@dataclass(frozen=True)
class LoadReport:
    document_id: str
    status: Literal["loaded", "skipped"]
    entities: int = 0
    relations: int = 0
    entities_created: int = 0
    drops: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Rejected:
    """A document the graph refused; the rest of its batch was written without it."""

    document_id: str
    error: Exception

    @property
    def message(self) -> str:
        return str(self.error)


WriteResult = LoadReport | Rejected


@dataclass(frozen=True)
class DeleteReport:
    document_id: str
    relations_deleted: int
    relations_kept: int
    entities_deleted: int
    entities_kept: int


def document_bytes(gdoc: GraphDocument) -> int:
    """What a document weighs in a batch: its text and its rows (a cheap estimate)."""
    doc = gdoc.document
    rows = sum(len(s) for r in gdoc.relations for s in r.sentences)
    rows += sum(len(a) for e in gdoc.entities for a in e.aliases)
    text = len(doc.text.encode("utf-8", "surrogatepass"))  # the driver refuses a surrogate
    return text + 2 * rows + 200 * (len(gdoc.entities) + 1)


def plan_batches(
    docs: Sequence[GraphDocument], max_documents: int = MAX_BATCH_DOCUMENTS
) -> list[list[int]]:
    """Positions of `docs`, grouped into batches by count and by bytes, in order."""
    planned: list[list[int]] = []
    batch: list[int] = []
    size = 0
    for i, gdoc in enumerate(docs):
        weight = document_bytes(gdoc)
        if batch and (len(batch) >= max_documents or size + weight > MAX_BATCH_BYTES):
            planned.append(batch)
            batch, size = [], 0
        batch.append(i)
        size += weight
    if batch:
        planned.append(batch)
    return planned


def _run_chunks(
    tx: Tx, statement: Statement, rows: list[dict[str, Any]], max_rows: int = MAX_STATEMENT_ROWS
) -> list:
    return [tx.run(statement, rows=chunk) for chunk in chunks(rows, max_rows)]


def _new_documents(tx: Tx, docs: Sequence[GraphDocument]) -> list[int]:
    """Positions of the documents the graph does not hold yet, each document once (a repeat
    in the batch is skipped, as a second load of it would be)."""
    ids = list(dict.fromkeys(d.document.id for d in docs))
    present = {row["id"] for row in tx.run(w.DOCUMENTS_PRESENT, ids=ids).records}
    fresh: dict[str, int] = {}
    for i, gdoc in enumerate(docs):
        if gdoc.document.id not in present:
            fresh.setdefault(gdoc.document.id, i)
    return list(fresh.values())


def write_rows(
    tx: Tx, rows: BatchRows, changes: CountChanges, max_rows: int = MAX_STATEMENT_ROWS
) -> set[str]:
    """The batch's statements, nodes before relations, at most `max_rows` rows a request (1:
    bench_load's row-by-row way); returns the ids of entities created."""
    held = {
        row["id"]: HeldKeys(row["keys"] or [], row["link_keys"] or [])
        for result in (
            tx.run(w.ENTITY_KEYS, ids=ids) for ids in _id_chunks(rows.entity_ids, max_rows)
        )
        for row in result.records
    }
    _run_chunks(tx, w.CREATE_DOCUMENTS, rows.documents, max_rows)
    for doc in rows.documents:
        changes.document(doc["lang"], doc["published"], 1)
    for labels, entities in rows.new_entities(held).items():
        _run_chunks(tx, w.CREATE_ENTITIES[labels], entities, max_rows)
        changes.nodes(labels, len(entities))
    _run_chunks(tx, w.UPDATE_ENTITIES, rows.held_entities(held), max_rows)
    _run_chunks(tx, ss.CREATE_SEARCH_ENTRIES, rows.search_entries(held), max_rows)
    _run_chunks(tx, lk.FILE_LINK_KEYS, rows.link_keys(held), max_rows)
    merged: list[tuple[str, str, int]] = []
    for rtype, relations in rows.relations.items():
        for result in _run_chunks(tx, w.MERGE_RELATIONS[rtype], relations, max_rows):
            changes.relations(rtype, result.counters.get("relationships_created", 0))
            merged.extend((r["source"], r["target"], r["doc_count"]) for r in result.records)
    _run_chunks(tx, lk.RECORD_CANDIDATES, rows.candidates, max_rows)
    created = set(rows.entity_ids) - set(held)
    ranking.raise_supports(tx, merged, created)
    return created


def _id_chunks(ids: list[str], size: int = 5_000) -> list[list[str]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def _reports(
    docs: Sequence[GraphDocument], fresh: list[int], created: set[str]
) -> list[LoadReport]:
    """One report per document of the batch, in order; an entity created counts for the first
    document that names it."""
    loaded = set(fresh)
    reports = []
    for i, gdoc in enumerate(docs):
        doc_id = gdoc.document.id
        if i not in loaded:
            reports.append(LoadReport(doc_id, "skipped"))
            continue
        new = {e.id for e in gdoc.entities} & created
        created -= new
        reports.append(
            LoadReport(
                doc_id,
                "loaded",
                len(gdoc.entities),
                len(gdoc.relations),
                len(new),
                dict(gdoc.drops),
            )
        )
    return reports


def _write_batch(graph: Graph, docs: Sequence[GraphDocument], prepare: Prepare) -> list[LoadReport]:
    def work(tx: Tx) -> list[LoadReport]:
        fresh = _new_documents(tx, docs)
        final = list(docs)
        created: set[str] = set()
        if fresh:
            prepared = prepare(tx, [docs[i] for i in fresh])
            if len(prepared) != len(fresh):
                raise ValueError(f"prepare returned {len(prepared)} documents for {len(fresh)}")
            for i, gdoc in zip(fresh, prepared, strict=True):
                final[i] = gdoc
            changes = CountChanges()
            created = write_rows(tx, fold(prepared), changes)
            tx.run(cs.CHANGE_COUNTS, rows=changes.rows())
        return _reports(final, fresh, created)

    return graph.write(work, name="write_documents")


def _write_or_split(
    graph: Graph,
    docs: Sequence[GraphDocument],
    prepare: Prepare,
) -> list[WriteResult]:
    """Write `docs` in one transaction; when the graph refuses it, write each half on its own,
    down to the document at fault. A graph that does not answer fails everything."""
    try:
        return list(_write_batch(graph, docs, prepare))
    except GraphUnavailableError:
        raise
    except Exception as exc:
        if len(docs) == 1:
            log.warning("document %s refused: %s", docs[0].document.id[:12], exc)
            log.debug("refused", exc_info=True)
            return [Rejected(docs[0].document.id, exc)]
        log.info("a batch of %d documents was refused (%s); splitting it", len(docs), exc)
        half = len(docs) // 2
        return _write_or_split(graph, docs[:half], prepare) + _write_or_split(
            graph, docs[half:], prepare
        )


def write_documents(
    graph: Graph,
    docs: Sequence[GraphDocument],
    *,
    prepare: Prepare = as_resolved,
    max_documents: int = MAX_BATCH_DOCUMENTS,
) -> list[WriteResult]:
    """Write documents in batches, one transaction each; one result per document, in order.

    `max_documents` caps a batch's documents (its bytes are capped too): a bulk load of
    synthetic documents takes larger batches than an ingest, whose documents arrive a few at
    a time. `prepare` gets each batch's documents the graph does not hold yet and must return one
    document per document it is given, in the same order (it may rename entities; it must not
    drop or reorder documents)."""
    results: list[WriteResult] = []
    for positions in plan_batches(docs, max_documents):
        batch = [docs[i] for i in positions]
        outcome = _write_or_split(graph, batch, prepare)
        results.extend(outcome)
        _log_batch(batch, outcome)
    return results


def _log_batch(batch: Sequence[GraphDocument], outcome: list[WriteResult]) -> None:
    tally = Counter(r.status if isinstance(r, LoadReport) else "rejected" for r in outcome)
    loaded = [r for r in outcome if isinstance(r, LoadReport) and r.status == "loaded"]
    log.info(
        "batch of %d documents: %d loaded, %d skipped, %d rejected; %d entities (%d new), "
        "%d relations",
        len(batch),
        tally["loaded"],
        tally["skipped"],
        tally["rejected"],
        sum(r.entities for r in loaded),
        sum(r.entities_created for r in loaded),
        sum(r.relations for r in loaded),
    )


def write_document(
    graph: Graph, gdoc: GraphDocument, *, prepare: Prepare = as_resolved
) -> LoadReport:
    """Write one document in one transaction; skip it when the graph already holds it. The
    graph's refusal is raised (InvalidInputError for a value it cannot store)."""
    [result] = write_documents(graph, [gdoc], prepare=prepare)
    if isinstance(result, Rejected):
        raise result.error
    return result


# -- deleting ----------------------------------------------------------------------------------


def delete_document(graph: Graph, doc_id: str) -> DeleteReport:
    """Remove a document and its share of the provenance, in one transaction."""

    def work(tx: Tx) -> DeleteReport:
        if not tx.run(w.DOCUMENT_EXISTS, id=doc_id).records:
            raise NotFoundError(f"no document with id {doc_id!r}")
        changes = CountChanges()
        shrink = tx.run(w.SHRINK_RELATIONS_OF_DOCUMENT, id=doc_id).records[0]
        shrunk = shrink["shrunk"]
        relations_deleted = 0
        for row in tx.run(w.DELETE_UNSUPPORTED_RELATIONS, id=doc_id).records:
            changes.relations(RelationType(row["type"]), -row["deleted"])
            relations_deleted += row["deleted"]
        orphans = tx.run(w.DELETE_ORPHANED_ENTITIES, id=doc_id).records
        for row in orphans:
            changes.nodes(row["labels"], -1)
        partners: dict[str, set[str]] = defaultdict(set)
        for a, b in shrink["pairs"]:
            partners[a].add(b)
            partners[b].add(a)
        ranking.settle(tx, partners)
        kept = tx.run(w.RECOMPUTE_ENTITIES_OF_DOCUMENT, id=doc_id).records
        reindex_search(tx, [r["id"] for r in orphans], kept)
        for row in tx.run(w.DELETE_DOCUMENT_NODE, id=doc_id).records:
            changes.document(row["lang"], row["published"], -1)
        tx.run(cs.CHANGE_COUNTS, rows=changes.rows())
        return DeleteReport(
            doc_id, relations_deleted, shrunk - relations_deleted, len(orphans), len(kept)
        )

    report = graph.write(work, name="delete_document")
    log.info("document %s deleted: %s", doc_id[:12], report)
    return report


def reindex_search(tx: Tx, deleted: list[str], kept: list[dict[str, Any]]) -> None:
    """Search entries follow the keys: none for entities gone (`deleted` ids), rebuilt for
    those recomputed (`kept`: rows of id and keys; a key no longer held is no longer found)."""
    ids = deleted + [row["id"] for row in kept]
    for chunk in _id_chunks(ids):
        tx.run(ss.DELETE_SEARCH_ENTRIES, ids=chunk)
    rows = [
        entry
        for row in kept
        for entry in ss.entry_rows(row["id"], search_entries(row["keys"] or []))
    ]
    _run_chunks(tx, ss.CREATE_SEARCH_ENTRIES, rows)
