"""Bulk loading: many resolved documents into an EMPTY graph, fast.

`write_document` (loaders.write) spends one transaction and several round trips per document,
which is right for ingesting articles one by one but takes hours for tens of thousands. Here
the documents are folded in Python into the final state the writer would have produced
(the same rules, in the same document order), and every node and relation is created once,
in UNWIND batches spanning many documents. Used to build large graphs for benchmarks, and for
a first load of a big corpus.

Not atomic as a whole: each batch is its own transaction, so a failure leaves part of the
graph; wipe it and load again. Only for an empty graph, since nothing is MERGEd.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from graph_schema.errors import InvalidInputError
from graph_schema.graph import Graph, Tx
from graph_schema.schema import ANY_NODE
from graph_schema.statement import Statement
from graph_schema.statements import bulk as st
from graph_schema.vocabulary import RelationType
from loaders.resolve import GraphDocument
from loaders.write import batches

log = logging.getLogger(__name__)

_LATEST_WINS = ("status", "product", "capacity", "investment")


@dataclass(frozen=True)
class BulkReport:
    documents: int
    entities: int
    mentions: int
    relations: int


@dataclass
class _Entity:
    row: dict[str, Any]
    labels: tuple[str, ...]


@dataclass
class _Fold:
    documents: list[dict[str, Any]] = field(default_factory=list)
    entities: dict[str, _Entity] = field(default_factory=dict)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    relations: dict[str, dict[str, Any]] = field(default_factory=dict)
    types: dict[str, RelationType] = field(default_factory=dict)


def _add_entities(fold: _Fold, gdoc: GraphDocument) -> None:
    """UPDATE_ENTITIES' rules: lists grow by new items in order, counts add up, dates widen,
    external ids keep the first value, plant properties the latest."""
    doc_id = gdoc.document.id
    for e in gdoc.entities:
        known = fold.entities.get(e.id)
        if known is None:
            known = fold.entities[e.id] = _Entity(
                {
                    "id": e.id,
                    "name": e.name,
                    "type": e.type,
                    "subtype": e.subtype,
                    "aliases": [],
                    "search_keys": [],
                    "titles": [],
                    "mention_count": 0,
                    "doc_count": 0,
                    "first_seen": None,
                    "last_seen": None,
                    "geonames_id": None,
                    "iso": None,
                    "link_keys": [],
                    "name_in_text": False,
                    **dict.fromkeys(_LATEST_WINS),
                },
                e.labels,
            )
        row = known.row
        for name, items in (
            ("aliases", e.aliases),
            ("search_keys", e.search_keys),
            ("titles", e.titles),
            ("link_keys", e.link_keys),
        ):
            row[name] += [x for x in items if x not in row[name]]
        row["name_in_text"] = row["name_in_text"] or e.name_in_text
        row["mention_count"] += e.mentions
        row["doc_count"] += 1
        row["first_seen"] = min(row["first_seen"] or e.seen, e.seen)
        row["last_seen"] = max(row["last_seen"] or e.seen, e.seen)
        row["geonames_id"] = row["geonames_id"] if row["geonames_id"] is not None else e.geonames_id
        row["iso"] = row["iso"] if row["iso"] is not None else e.iso
        for name in _LATEST_WINS:
            if getattr(e, name) is not None:
                row[name] = getattr(e, name)
        fold.mentions.append(
            {
                "doc_id": doc_id,
                "entity_id": e.id,
                "aliases": e.aliases,
                "search_keys": e.search_keys,
                "count": e.mentions,
                "forms": e.forms,
            }
        )


def _add_relations(fold: _Fold, gdoc: GraphDocument) -> None:
    """MERGE_RELATIONS' rules: provenance lists append one entry per sentence."""
    doc_id = gdoc.document.id
    for r in gdoc.relations:
        row = fold.relations.get(r.id)
        if row is None:
            row = fold.relations[r.id] = {
                "id": r.id,
                "source": r.source,
                "target": r.target,
                "doc_ids": [],
                "sentences": [],
                "confidences": [],
                "statuses": [],
                "seen_dates": [],
                "title": None,
                "amount": None,
            }
            fold.types[r.id] = r.type
        n = len(r.sentences)
        row["doc_ids"] += [doc_id] * n
        row["sentences"] += r.sentences
        row["confidences"] += r.confidences
        row["statuses"] += r.statuses
        row["seen_dates"] += [r.seen] * n
        row["title"] = r.title if r.title is not None else row["title"]
        row["amount"] = r.amount if r.amount is not None else row["amount"]


def fold_documents(docs: Iterable[GraphDocument]) -> _Fold:
    """The final rows the per-document writer would leave, documents taken in order."""
    fold = _Fold()
    seen: set[str] = set()
    for gdoc in docs:
        if gdoc.document.id in seen:  # the writer skips a document it already holds
            continue
        seen.add(gdoc.document.id)
        fold.documents.append(asdict(gdoc.document))
        _add_entities(fold, gdoc)
        _add_relations(fold, gdoc)
    return fold


def _run_batches(
    graph: Graph,
    statement: Statement,
    rows: list[dict[str, Any]],
    progress: Callable[[str, int], None] | None,
) -> int:
    done = 0
    for batch in batches(rows):

        def work(tx: Tx, batch: list[dict[str, Any]] = batch) -> int:
            return int(tx.run(statement, rows=batch).records[0]["created"])

        done += graph.write(work, name=statement.name)
        if progress:
            progress(statement.name, done)
    return done


def bulk_load(
    graph: Graph, docs: Iterable[GraphDocument], progress: Callable[[str, int], None] | None = None
) -> BulkReport:
    """Create the documents, entities, MENTIONS and relations of `docs` in an empty graph."""
    if graph.read(ANY_NODE)[0]["populated"]:
        raise InvalidInputError(
            "bulk loading needs an empty graph; use the per-document "
            "writer (kg ingest) to add to a populated one"
        )
    fold = fold_documents(docs)
    documents = _run_batches(graph, st.BULK_CREATE_DOCUMENTS, fold.documents, progress)
    by_labels: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for entity in fold.entities.values():
        entity.row["search_text"] = " ".join(entity.row["search_keys"])
        by_labels.setdefault(entity.labels, []).append(entity.row)
    entities = sum(
        _run_batches(graph, st.BULK_CREATE_ENTITIES[labels], rows, progress)
        for labels, rows in by_labels.items()
    )
    keys = [
        {"key": k, "id": e.row["id"]} for e in fold.entities.values() for k in e.row["link_keys"]
    ]
    _run_batches(graph, st.BULK_CREATE_LINK_KEYS, keys, progress)
    mentions = _run_batches(graph, st.BULK_CREATE_MENTIONS, fold.mentions, progress)
    by_type: dict[RelationType, list[dict[str, Any]]] = {}
    for rid, row in fold.relations.items():
        by_type.setdefault(fold.types[rid], []).append(row)
    relations = sum(
        _run_batches(graph, st.BULK_CREATE_RELATIONS[rtype], rows, progress)
        for rtype, rows in by_type.items()
    )
    log.info(
        "bulk load: %d documents, %d entities, %d mentions, %d relations",
        documents,
        entities,
        mentions,
        relations,
    )
    return BulkReport(documents, entities, mentions, relations)
