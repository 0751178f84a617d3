"""An analyst's changes to the graph's entities: merge, split, rename, and the undo of each.

Every change runs in one transaction: read the region it touches (loaders.curation.region),
check the request against it, compute the region after (loaders.curation.edits), write it, and
keep a CurationChange node with who, when, why, the region before (for the undo) and a digest
of the region after. The undo writes the region before back, in one transaction, when the
region still is what the change left (its digest); anything since (a later change, a document
loaded or deleted that touches those entities) makes the undo a conflict, never a guess.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from graph_schema.errors import ConflictError, InvalidInputError, NotFoundError
from graph_schema.graph import Graph, Tx
from graph_schema.keys import entity_key
from graph_schema.statements import curation as st
from graph_schema.vocabulary import EntityType
from loaders.curation.edits import Stamp, merged, renamed, split
from loaders.curation.region import Region, read_region, write_region

log = logging.getLogger(__name__)

# The region before rides in one property of the change node, so in one Bolt message: keep it
# far below the 16 MiB that hang ArcadeDB's clients. Hubs that large are refused with a reason.
MAX_REGION_BYTES = 4 * 1024 * 1024
MAX_REASON = 500
MAX_NAME = 200


class ChangeKind(StrEnum):
    MERGE = "merge"
    SPLIT = "split"
    RENAME = "rename"


@dataclass(frozen=True)
class Actor:
    """Who asks: an API key's name and role, or "cli"."""

    name: str
    role: str | None = None


@dataclass(frozen=True)
class Change:
    id: str
    kind: ChangeKind
    at: str
    actor: str
    role: str | None
    reason: str
    entities: list[str]
    documents: list[str]
    summary: str
    undone_at: str | None = None
    undone_by: str | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Change:
        return cls(
            id=row["id"],
            kind=ChangeKind(row["kind"]),
            at=row["at"],
            actor=row["actor"],
            role=row.get("role"),
            reason=row.get("reason") or "",
            entities=list(row.get("entities") or []),
            documents=list(row.get("documents") or []),
            summary=row.get("summary") or "",
            undone_at=row.get("undone_at"),
            undone_by=row.get("undone_by"),
        )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _new_change_id() -> str:
    return f"chg-{datetime.now(UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"


def _text(value: str, what: str, limit: int) -> str:
    value = value.strip()
    if not value or len(value) > limit:
        raise InvalidInputError(f"{what} is 1 to {limit} characters")
    return value


def _entity(tx: Tx, region: Region, entity_id: str) -> None:
    """NotFoundError for an id no entity has; a conflict for one merged away, naming where."""
    if entity_id in region.entities:
        return
    rows = tx.run(st.REDIRECT_OF, id=entity_id).records
    if rows:
        raise ConflictError(
            f"{entity_id!r} was merged into {rows[0]['target']!r}; use that id (or undo the merge)"
        )
    raise NotFoundError(f"no entity with id {entity_id!r}")


def _commit(
    tx: Tx,
    kind: ChangeKind,
    before: Region,
    after: Region,
    reason: str,
    actor: Actor,
    documents: list[str],
    summary: str,
    change_id: str,
    at: str,
) -> Change:
    state = before.to_json()
    if len(state.encode("utf-8")) > MAX_REGION_BYTES:
        raise InvalidInputError(
            f"the entities {before.ids} hang on too much of the graph ({len(state) // 1024} KB "
            "of mentions and relations) for a change that can be undone; nothing was changed"
        )
    write_region(tx, after)
    written = read_region(tx, after.ids)
    entities = sorted(before.ids)
    tx.run(
        st.CREATE_CHANGE,
        id=change_id,
        props={
            "kind": kind.value,
            "at": at,
            "actor": actor.name,
            "role": actor.role,
            "reason": reason,
            "entities": entities,
            "documents": documents,
            "summary": summary,
            "before": state,
            "after_digest": written.digest(),
        },
    )
    return Change(change_id, kind, at, actor.name, actor.role, reason, entities, documents, summary)


def _run(graph: Graph, name: str, work: Callable[[Tx], Change]) -> Change:
    change = graph.write(work, name=name)
    log.info("curation %s %s by %s: %s", change.kind, change.id, change.actor, change.summary)
    return change


def merge_entities(graph: Graph, source: str, into: str, reason: str, actor: Actor) -> Change:
    """Fold `source` into `into`; `source` keeps answering as a redirect to `into`."""
    reason = _text(reason, "a reason", MAX_REASON)
    change_id, at = _new_change_id(), _now()

    def work(tx: Tx) -> Change:
        before = read_region(tx, [source, into])
        _entity(tx, before, source)
        _entity(tx, before, into)
        if source == into:
            raise InvalidInputError(f"cannot merge {source!r} into itself")
        a, b = before.entities[source], before.entities[into]
        if a.props.get("type") != b.props.get("type"):
            raise InvalidInputError(
                f"cannot merge a {a.props.get('type')} ({source!r}) into a "
                f"{b.props.get('type')} ({into!r}): entities of one type only"
            )
        after = merged(before, source, into, Stamp(change_id, at))
        docs = sorted({m.doc for m in before.mentions_of(source)})
        summary = (
            f"{source} merged into {into}: {len(docs)} documents, "
            f"{len(before.relations_of(source))} relations moved"
        )
        return _commit(
            tx, ChangeKind.MERGE, before, after, reason, actor, docs, summary, change_id, at
        )

    return _run(graph, "curation_merge", work)


def split_entity(
    graph: Graph,
    entity: str,
    documents: list[str],
    name: str | None,
    reason: str,
    actor: Actor,
) -> Change:
    """Move what `documents` say of `entity` to a new entity (named `name`, else as it is)."""
    reason = _text(reason, "a reason", MAX_REASON)
    chosen = sorted(set(documents))
    if not chosen:
        raise InvalidInputError("name at least one document whose mentions move")
    new_name = _text(name, "a name", MAX_NAME) if name is not None else None
    change_id, at = _new_change_id(), _now()

    def work(tx: Tx) -> Change:
        current = read_region(tx, [entity])
        _entity(tx, current, entity)
        original = current.entities[entity]
        mentioned = {m.doc for m in current.mentions_of(entity)}
        strangers = [d for d in chosen if d not in mentioned]
        if strangers:
            raise InvalidInputError(
                f"{entity!r} is not mentioned by the documents {strangers}; "
                f"choose among {sorted(mentioned)}"
            )
        if set(chosen) == mentioned:
            raise InvalidInputError(
                f"every document of {entity!r} was chosen: that would leave it empty; "
                "rename it instead"
            )
        label = new_name or str(original.props.get("name") or entity)
        new_id = _free_id(tx, EntityType(str(original.props["type"])), label, entity)
        before = read_region(tx, [entity, new_id])
        after = split(before, entity, chosen, new_id, label, Stamp(change_id, at))
        summary = f"{len(chosen)} documents of {entity} split off to {new_id}"
        return _commit(
            tx, ChangeKind.SPLIT, before, after, reason, actor, chosen, summary, change_id, at
        )

    return _run(graph, "curation_split", work)


def _free_id(tx: Tx, entity_type: EntityType, name: str, original: str) -> str:
    """The new entity's key: its name's, or the original's with a number when taken (an id
    merged away stays taken: it answers as its survivor)."""
    try:
        base = entity_key(entity_type, name)
    except ValueError as exc:
        raise InvalidInputError(str(exc)) from exc
    tried = [base if base != original else f"{original}-2"]
    tried += [f"{base}-{n}" for n in range(2, 50)]
    taken = {r["id"] for r in tx.run(st.IDS_TAKEN, ids=tried).records}
    free = next((t for t in tried if t not in taken and t != original), None)
    if free is None:
        raise ConflictError(f"no free id near {base!r}; choose another name")
    return free


def rename_entity(graph: Graph, entity: str, name: str, reason: str, actor: Actor) -> Change:
    """A new display name; the id stays (other documents link by it)."""
    reason = _text(reason, "a reason", MAX_REASON)
    new_name = _text(name, "a name", MAX_NAME)
    change_id, at = _new_change_id(), _now()

    def work(tx: Tx) -> Change:
        before = read_region(tx, [entity])
        _entity(tx, before, entity)
        old = before.entities[entity].props.get("name")
        if old == new_name:
            raise InvalidInputError(f"{entity!r} is already named {new_name!r}")
        after = renamed(before, entity, new_name)
        summary = f"{entity} renamed from {old!r} to {new_name!r}"
        return _commit(
            tx, ChangeKind.RENAME, before, after, reason, actor, [], summary, change_id, at
        )

    return _run(graph, "curation_rename", work)


def undo_change(graph: Graph, change_id: str, actor: Actor) -> Change:
    """Put back the region exactly as it was before the change."""
    at = _now()

    def work(tx: Tx) -> Change:
        rows = tx.run(st.CHANGE_FOR_UNDO, id=change_id).records
        if not rows:
            raise NotFoundError(f"no curation change with id {change_id!r}")
        props = rows[0]["props"]
        if props.get("undone_at"):
            raise ConflictError(
                f"change {change_id!r} was undone at {props['undone_at']} "
                f"by {props.get('undone_by')}"
            )
        before = Region.from_json(props["before"])
        if read_region(tx, before.ids).digest() != props["after_digest"]:
            raise ConflictError(
                f"the entities {before.ids} changed after {change_id!r} (a later change, or a "
                "document loaded or deleted that mentions them); undo the later change first"
            )
        write_region(tx, before)
        tx.run(st.MARK_CHANGE_UNDONE, id=change_id, at=at, actor=actor.name)
        return Change.from_row({**props, "id": change_id, "undone_at": at, "undone_by": actor.name})

    change = graph.write(work, name="curation_undo")
    log.info("curation change %s undone by %s", change_id, actor.name)
    return change


def get_change(graph: Graph, change_id: str) -> Change:
    rows = graph.read(st.GET_CHANGE, {"id": change_id})
    if not rows:
        raise NotFoundError(f"no curation change with id {change_id!r}")
    return Change.from_row(rows[0])


def list_changes(graph: Graph, limit: int, offset: int) -> list[Change]:
    """Newest first; limit + 1 are returned so the caller can page."""
    rows = graph.read(st.LIST_CHANGES, {"skip": offset, "limit": limit + 1})
    return [Change.from_row(r) for r in rows]
