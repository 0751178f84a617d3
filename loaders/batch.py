"""Folding a batch of resolved documents into the rows of one write transaction.

One row per entity and per relation of the whole batch, holding what the batch's documents add
to it in their order, by the writer's rules (graph_schema.statements.writes): lists grow by new
items in order, counts add up, dates widen, external ids keep the first value given, plant
fields the latest, provenance lists append one entry per sentence. Applied to the graph in one
statement per kind, a batch leaves exactly what its documents written one after another
would. Pure functions: no graph.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from graph_schema.keys import search_entries
from graph_schema.statements.search import entry_rows
from graph_schema.vocabulary import RelationType
from loaders.resolve import CandidatePair, DocumentRow, EntityRow, GraphDocument, RelationRow

# Bolt messages over 16 MiB hang ArcadeDB's client; every statement's rows are cut far below
# that (a document of the longest text accepted, 2 M characters, still fits alone).
MAX_STATEMENT_ROWS = 5_000
MAX_STATEMENT_BYTES = 4 * 1024 * 1024

_LATEST_WINS = ("status", "product", "capacity", "investment")
_FIRST_WINS = ("geonames_id", "iso")


@dataclass(frozen=True)
class HeldKeys:
    """What an entity the graph holds carries before the batch (graph_schema ENTITY_KEYS)."""

    search_keys: list[str]
    link_keys: list[str]


@dataclass
class BatchRows:
    """The rows of one batch, ready for the statements."""

    documents: list[dict[str, Any]] = field(default_factory=list)
    # each entity's label set, which its node is created with when it does not exist yet
    labels: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # one row per entity of the batch, its documents' contributions folded, with its name,
    # type and subtype as its first mention gives them, its blocking keys (linking:
    # loaders.linking) and whether its name stands in a text
    entity_updates: list[dict[str, Any]] = field(default_factory=list)
    relations: dict[RelationType, list[dict[str, Any]]] = field(default_factory=dict)
    # the candidate pairs linking found, one row per pair with the documents that found it
    candidates: list[dict[str, Any]] = field(default_factory=list)

    @property
    def entity_ids(self) -> list[str]:
        return [row["id"] for row in self.entity_updates]

    def new_entities(self, held: dict[str, HeldKeys]) -> dict[tuple[str, ...], list[dict]]:
        """Per label set, the rows of the entities the graph does not hold (`held`)."""
        out: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for update in self.entity_updates:
            if update["id"] not in held:
                out.setdefault(self.labels[update["id"]], []).append(update)
        return out

    def held_entities(self, held: dict[str, HeldKeys]) -> list[dict[str, Any]]:
        """The rows of the entities the graph holds, each with the blocking keys it lacks."""
        return [
            {**update, "new_link_keys": _lacking(update["link_keys"], held[update["id"]])}
            for update in self.entity_updates
            if update["id"] in held
        ]

    def link_keys(self, held: dict[str, HeldKeys]) -> list[dict[str, Any]]:
        """One row per blocking key new to some of the batch's entities, with their ids."""
        ids: dict[str, list[str]] = {}
        for update in self.entity_updates:
            before = held.get(update["id"])
            keys = update["link_keys"] if before is None else _lacking(update["link_keys"], before)
            for key in keys:
                ids.setdefault(key, []).append(update["id"])
        return [{"key": key, "ids": entity_ids} for key, entity_ids in ids.items()]

    def search_entries(self, held: dict[str, HeldKeys]) -> list[dict[str, Any]]:
        """Index entries the batch's keys bring that the entities do not hold yet, as
        CREATE_SEARCH_ENTRIES' rows."""
        rows: list[dict[str, Any]] = []
        for update in self.entity_updates:
            before = held[update["id"]].search_keys if update["id"] in held else []
            if not set(update["search_keys"]) - set(before):
                continue
            new = search_entries([*before, *update["search_keys"]]) - search_entries(before)
            rows.extend(entry_rows(update["id"], new))
        return rows


def _lacking(keys: list[str], before: HeldKeys) -> list[str]:
    held = set(before.link_keys)
    return [k for k in keys if k not in held]


def _entity_update(row: EntityRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "name": row.name,
        "type": row.type,
        "subtype": row.subtype,
        "aliases": [],
        "search_keys": [],
        "titles": [],
        "mentions": 0,
        "first_seen": row.seen,
        "last_seen": row.seen,
        **{f"{name}_first": None for name in _FIRST_WINS},
        **{f"{name}_last": None for name in _LATEST_WINS},
        "documents": [],
        "link_keys": [],
        "named": False,
    }


def _add_entity(update: dict[str, Any], doc_id: str, row: EntityRow) -> None:
    for name in ("aliases", "search_keys", "titles"):
        update[name] += [x for x in getattr(row, name) if x not in update[name]]
    update["mentions"] += row.mentions
    update["link_keys"] += [k for k in row.link_keys if k not in update["link_keys"]]
    update["named"] = update["named"] or row.name_in_text
    update["first_seen"] = min(update["first_seen"], row.seen)
    update["last_seen"] = max(update["last_seen"], row.seen)
    for name in _FIRST_WINS:
        if update[f"{name}_first"] is None:
            update[f"{name}_first"] = getattr(row, name)
    for name in _LATEST_WINS:
        if getattr(row, name) is not None:
            update[f"{name}_last"] = getattr(row, name)
    update["documents"].append(
        {
            "doc_id": doc_id,
            "aliases": row.aliases,
            "search_keys": row.search_keys,
            "count": row.mentions,
            "forms": row.forms,
            "rank": len(update["documents"]) + 1,
        }
    )


def _relation_row(row: RelationRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "source": row.source,
        "target": row.target,
        "doc_ids": [],
        "sentences": [],
        "confidences": [],
        "statuses": [],
        "seen_dates": [],
        "title": None,
        "amount": None,
    }


def _add_relation(folded: dict[str, Any], doc_id: str, row: RelationRow) -> None:
    n = len(row.sentences)
    folded["doc_ids"] += [doc_id] * n
    folded["sentences"] += row.sentences
    folded["confidences"] += row.confidences
    folded["statuses"] += row.statuses
    folded["seen_dates"] += [row.seen] * n
    folded["title"] = row.title if row.title is not None else folded["title"]
    folded["amount"] = row.amount if row.amount is not None else folded["amount"]


def _fold_relation(folded: dict[str, Any]) -> None:
    """What the row's provenance lists fold to, by DERIVE_RELATION's rules (the statement folds
    these into the relation's stored values)."""
    statuses = folded["statuses"]
    folded["doc_count"] = len(dict.fromkeys(folded["doc_ids"]))
    folded["confidence"] = max([0.0, *folded["confidences"]])
    folded["status"] = next((s for s in ("done", "planned") if s in statuses), None)
    folded["first_seen"] = min(folded["seen_dates"], default=None)
    folded["last_seen"] = max(folded["seen_dates"], default=None)


def candidate_id(a: str, b: str) -> str:
    first, second = sorted((a, b))
    return f"{first}|{second}"


def _add_candidate(
    folded: dict[str, dict[str, Any]], doc: DocumentRow, pair: CandidatePair
) -> None:
    """A pair keeps its best score (the first reason given for it) and every document that
    found it, in order; created at the first one's ingestion."""
    cid = candidate_id(pair.a, pair.b)
    row = folded.get(cid)
    if row is None:
        folded[cid] = {
            "id": cid,
            "a": min(pair.a, pair.b),
            "b": max(pair.a, pair.b),
            "score": pair.score,
            "reason": pair.reason,
            "doc_ids": [doc.id],
            "at": doc.ingested_at,
        }
        return
    if pair.score > row["score"]:
        row["score"], row["reason"] = pair.score, pair.reason
    if doc.id not in row["doc_ids"]:
        row["doc_ids"].append(doc.id)


def _document_row(doc: DocumentRow) -> dict[str, Any]:
    """The document's fields as a row (a shallow copy: asdict's deep copy of every list of a
    whole batch cost more than its statement)."""
    return {f.name: getattr(doc, f.name) for f in fields(doc)}


def fold(docs: Sequence[GraphDocument]) -> BatchRows:
    """The rows of `docs`, which must be distinct documents the graph does not hold."""
    rows = BatchRows()
    updates: dict[str, dict[str, Any]] = {}
    relations: dict[str, dict[str, Any]] = {}
    candidates: dict[str, dict[str, Any]] = {}
    for gdoc in docs:
        doc_id = gdoc.document.id
        rows.documents.append(_document_row(gdoc.document))
        for entity in gdoc.entities:
            if entity.id not in updates:
                updates[entity.id] = _entity_update(entity)
                rows.labels[entity.id] = entity.labels
            _add_entity(updates[entity.id], doc_id, entity)
        for relation in gdoc.relations:
            if relation.id not in relations:
                relations[relation.id] = _relation_row(relation)
                rows.relations.setdefault(relation.type, []).append(relations[relation.id])
            _add_relation(relations[relation.id], doc_id, relation)
        for pair in gdoc.candidates:
            _add_candidate(candidates, gdoc.document, pair)
    for folded in relations.values():
        _fold_relation(folded)
    rows.entity_updates = list(updates.values())
    rows.candidates = list(candidates.values())
    return rows


def row_bytes(row: dict[str, Any] | list[dict[str, Any]]) -> int:
    """About what a row weighs on the wire. Only an estimate: a value Bolt cannot carry (a
    lone surrogate, an unknown type) is left for the driver to refuse with its own error."""
    text = json.dumps(row, ensure_ascii=False, default=str)
    return len(text.encode("utf-8", "surrogatepass"))


def chunks(
    rows: Sequence[dict[str, Any]], max_rows: int = MAX_STATEMENT_ROWS
) -> Iterator[list[dict[str, Any]]]:
    """Split one statement's rows into requests bounded by count and by serialised size. Rows
    that fit one request whole are weighed at once (one serialisation, not one per row)."""
    if len(rows) <= max_rows and row_bytes(list(rows)) <= MAX_STATEMENT_BYTES:
        if rows:
            yield list(rows)
        return
    chunk: list[dict[str, Any]] = []
    size = 0
    for row in rows:
        size_of_row = row_bytes(row)
        if chunk and (len(chunk) >= max_rows or size + size_of_row > MAX_STATEMENT_BYTES):
            yield chunk
            chunk, size = [], 0
        chunk.append(row)
        size += size_of_row
    if chunk:
        yield chunk
