"""The region of the graph a curation change touches, read whole, written back whole.

A region is named by entity ids; it holds those entities, the MENTIONS into them, every relation
with an end among them, the entity lists of the documents mentioning them, and the candidate
pairs, redirects and split rules naming them (statements in graph_schema.statements.curation).
A change computes the region after from the region before (loaders.curation.edits, pure) and
writes it back; its undo writes the region before back. Both run in one transaction.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from graph_schema.counts import CountChanges
from graph_schema.errors import ConflictError
from graph_schema.graph import Tx
from graph_schema.statement import Statement
from graph_schema.statements import counts as cs
from graph_schema.statements import curation as st
from graph_schema.vocabulary import RelationType
from loaders import ranking
from loaders.batch import chunks as batches
from loaders.write import reindex_search

Props = dict[str, Any]
RANKING_PROPS = ("top_neighbours", "top_support")


@dataclass
class EntityState:
    id: str
    labels: list[str]
    props: Props


@dataclass
class MentionState:
    doc: str
    entity: str
    props: Props


@dataclass
class RelationState:
    type: RelationType
    source: str
    target: str
    props: Props

    @property
    def id(self) -> str:
        return str(self.props["id"])


@dataclass
class DocumentLists:
    """What a document said of its entities, as far as curation rewrites it: which entity each
    entry is (`entity_ids`, `title_ids`); `seen` and `titles` are read for recomputing."""

    id: str
    seen: str | None
    entity_ids: list[str]
    title_ids: list[str]
    titles: list[str]


@dataclass
class Region:
    ids: list[str]
    entities: dict[str, EntityState] = field(default_factory=dict)
    mentions: list[MentionState] = field(default_factory=list)
    relations: dict[str, RelationState] = field(default_factory=dict)
    documents: dict[str, DocumentLists] = field(default_factory=dict)
    candidates: dict[str, Props] = field(default_factory=dict)
    redirects: dict[str, Props] = field(default_factory=dict)
    split_rules: list[Props] = field(default_factory=list)

    def mentions_of(self, entity_id: str) -> list[MentionState]:
        return [m for m in self.mentions if m.entity == entity_id]

    def relations_of(self, entity_id: str) -> list[RelationState]:
        return [r for r in self.relations.values() if entity_id in (r.source, r.target)]

    # -- kept on the change node as JSON (the undo's state), and digested --------------------------
    def to_json(self) -> str:
        data = {
            "ids": sorted(self.ids),
            "entities": [
                {"id": e.id, "labels": sorted(e.labels), "props": e.props}
                for _, e in sorted(self.entities.items())
            ],
            "mentions": sorted(
                ({"doc": m.doc, "entity": m.entity, "props": m.props} for m in self.mentions),
                key=lambda m: (m["entity"], m["doc"], json.dumps(m["props"], sort_keys=True)),
            ),
            "relations": [
                {"type": r.type.value, "source": r.source, "target": r.target, "props": r.props}
                for _, r in sorted(self.relations.items())
            ],
            "documents": [
                {
                    "id": d.id,
                    "seen": d.seen,
                    "entity_ids": d.entity_ids,
                    "title_ids": d.title_ids,
                    "titles": d.titles,
                }
                for _, d in sorted(self.documents.items())
            ],
            "candidates": [c for _, c in sorted(self.candidates.items())],
            "redirects": [r for _, r in sorted(self.redirects.items())],
            "split_rules": sorted(self.split_rules, key=lambda s: json.dumps(s, sort_keys=True)),
        }
        return json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)

    def digest(self) -> str:
        return hashlib.sha256(self.to_json().encode("utf-8")).hexdigest()

    @classmethod
    def from_json(cls, text: str) -> Region:
        data = json.loads(text)
        return cls(
            ids=list(data["ids"]),
            entities={
                e["id"]: EntityState(e["id"], list(e["labels"]), e["props"])
                for e in data["entities"]
            },
            mentions=[MentionState(m["doc"], m["entity"], m["props"]) for m in data["mentions"]],
            relations={
                r["props"]["id"]: RelationState(
                    RelationType(r["type"]), r["source"], r["target"], r["props"]
                )
                for r in data["relations"]
            },
            documents={
                d["id"]: DocumentLists(
                    d["id"], d["seen"], d["entity_ids"], d["title_ids"], d["titles"]
                )
                for d in data["documents"]
            },
            candidates={c["id"]: c for c in data["candidates"]},
            redirects={r["source"]: r for r in data["redirects"]},
            split_rules=list(data["split_rules"]),
        )


def read_region(tx: Tx, ids: list[str]) -> Region:
    """The region named by `ids`, as the transaction sees it now."""
    wanted = sorted(set(ids))
    region = Region(ids=wanted)
    for row in tx.run(st.REGION_ENTITIES, ids=wanted).records:
        # The neighbour lists are derived from the relations; writing the region back ranks
        # its entities again (loaders.ranking).
        props = {k: v for k, v in row["props"].items() if k not in RANKING_PROPS}
        region.entities[row["id"]] = EntityState(row["id"], sorted(row["labels"]), props)
    for row in tx.run(st.REGION_MENTIONS, ids=wanted).records:
        region.mentions.append(MentionState(row["doc"], row["entity"], row["props"]))
    for row in tx.run(st.REGION_RELATIONS, ids=wanted).records:
        rel = RelationState(RelationType(row["type"]), row["source"], row["target"], row["props"])
        region.relations[rel.id] = rel
    for row in tx.run(st.REGION_DOCUMENTS, ids=wanted).records:
        region.documents[row["id"]] = DocumentLists(
            row["id"], row["seen"], row["entity_ids"], row["title_ids"], row["titles"]
        )
    for row in tx.run(st.REGION_CANDIDATES, ids=wanted).records:
        region.candidates[row["props"]["id"]] = row["props"]
    for row in tx.run(st.REGION_REDIRECTS, ids=wanted).records:
        region.redirects[row["props"]["source"]] = row["props"]
    region.split_rules = [row["props"] for row in tx.run(st.REGION_SPLIT_RULES, ids=wanted).records]
    return region


def write_region(tx: Tx, region: Region) -> None:
    """Replace what the graph holds for `region.ids` with `region`. A relation whose other end
    has gone, or a mention whose document has, is a conflict: the transaction is rolled back."""
    ids = sorted(region.ids)
    changes, before = _count_changes(tx, ids, region)
    tx.run(st.DELETE_REGION_ENTITIES, ids=ids)
    for statement in st.DELETE_REGION_CURATION:
        tx.run(statement, ids=ids)
    by_labels: dict[frozenset[str], list[dict[str, Any]]] = defaultdict(list)
    for entity in region.entities.values():
        by_labels[frozenset(entity.labels)].append({"id": entity.id, "props": entity.props})
    for labels, rows in by_labels.items():
        _run_all(tx, st.CREATE_REGION_ENTITIES[labels], rows, "entities")
    _run_all(
        tx,
        st.CREATE_REGION_MENTIONS,
        [{"doc": m.doc, "entity": m.entity, "props": m.props} for m in region.mentions],
        "mentions (a document is gone)",
    )
    by_type: dict[RelationType, list[dict[str, Any]]] = defaultdict(list)
    for rel in region.relations.values():
        by_type[rel.type].append({"source": rel.source, "target": rel.target, "props": rel.props})
    for rtype, rows in by_type.items():
        _run_all(tx, st.CREATE_REGION_RELATIONS[rtype], rows, "relations (an entity is gone)")
    keys = [
        {"id": e.id, "keys": list(e.props.get("link_keys") or [])}
        for e in region.entities.values()
        if e.props.get("link_keys")
    ]
    for batch in batches(keys):
        tx.run(st.FILE_REGION_LINK_KEYS, rows=batch)
    docs = [
        {"id": d.id, "entity_ids": d.entity_ids, "title_ids": d.title_ids}
        for d in region.documents.values()
    ]
    _run_all(tx, st.SET_DOCUMENT_ENTITY_LISTS, docs, "documents")
    _run_all(tx, st.CREATE_REGION_CANDIDATES, list(region.candidates.values()), "candidates")
    _run_all(tx, st.CREATE_REGION_REDIRECTS, list(region.redirects.values()), "redirects")
    _run_all(tx, st.CREATE_REGION_SPLIT_RULES, list(region.split_rules), "split rules")
    # the bookkeeping the writer keeps up to date (loaders.write): /stats counts, search entries
    tx.run(cs.CHANGE_COUNTS, rows=changes.rows())
    reindex_search(
        tx,
        [i for i in ids if i not in region.entities],
        [{"id": e.id, "keys": e.props.get("search_keys")} for e in region.entities.values()],
    )
    _rank_region(tx, set(ids), region, before)


def _rank_region(tx: Tx, ids: set[str], region: Region, before: list[tuple[str, str]]) -> None:
    """The neighbour lists after the region is written back: its entities' ranked anew, and
    each entity outside it linked to it before or after patched with its exact supports with
    the region's entities (every relation between them is in the region)."""
    partners: dict[str, set[str]] = defaultdict(set)
    exact: dict[str, dict[str, int]] = defaultdict(dict)
    for source, target in before:
        for x, y in ((source, target), (target, source)):
            if x not in ids:
                partners[x].add(y)
    for rel in region.relations.values():
        support = int(rel.props.get("doc_count") or 0)
        for x, y in ((rel.source, rel.target), (rel.target, rel.source)):
            if x not in ids:
                partners[x].add(y)
                exact[x][y] = max(exact[x].get(y, 0), support)
    ranking.settle(tx, partners, exact, rewritten=list(region.entities))


def _count_changes(
    tx: Tx, ids: list[str], region: Region
) -> tuple[CountChanges, list[tuple[str, str]]]:
    """What writing `region` over what the graph holds for `ids` changes in the counts /stats
    reads (graph_schema.counts): entities and relations as they are, taken away; the region's,
    added. Also the ends of the relations as they are."""
    changes = CountChanges()
    for row in tx.run(st.REGION_ENTITIES, ids=ids).records:
        changes.nodes(row["labels"], -1)
    before = {
        row["props"]["id"]: (row["type"], row["source"], row["target"])
        for row in tx.run(st.REGION_RELATIONS, ids=ids).records
    }
    for rtype, _, _ in before.values():
        changes.relations(rtype, -1)
    for entity in region.entities.values():
        changes.nodes(entity.labels, 1)
    for rel in region.relations.values():
        changes.relations(rel.type, 1)
    return changes, [(source, target) for _, source, target in before.values()]


def _run_all(tx: Tx, statement: Statement, rows: list[dict[str, Any]], what: str) -> None:
    written = 0
    for batch in batches(rows):
        records = tx.run(statement, rows=batch).records
        written += sum(int(next(iter(r.values()))) for r in records)
    if written != len(rows):
        raise ConflictError(
            f"the graph changed under this change: {len(rows) - written} of {len(rows)} {what} "
            "could not be written back; nothing was changed"
        )
