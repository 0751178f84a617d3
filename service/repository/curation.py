"""Curation: the operations of loaders.curation, answered as the API's models."""

from __future__ import annotations

from dataclasses import asdict

from graph_schema.graph import Graph
from loaders.curation import candidates, changes
from loaders.curation.changes import Actor, Change
from service.auth import Caller
from service.repository.resolve import resolve_entity, resolve_exactly
from service.schemas_curation import CandidateOut, ChangeOut, MergeIn, RenameIn, SplitIn


def actor_of(caller: Caller | None) -> Actor:
    if caller is None:
        return Actor("anonymous")
    return Actor(caller.name, caller.role.value)


def _out(change: Change) -> ChangeOut:
    return ChangeOut(**{**asdict(change), "kind": change.kind.value})


def _named(graph: Graph, ref: str, param: str) -> str:
    # nothing named so: the change itself says why (no such id, or one merged away and where)
    found = resolve_exactly(graph, ref, param=param)
    return found.id if found else ref


def merge(graph: Graph, entity_id: str, body: MergeIn, caller: Caller | None) -> ChangeOut:
    source, into = _named(graph, entity_id, "entity_id"), _named(graph, body.into, "into")
    return _out(changes.merge_entities(graph, source, into, body.reason, actor_of(caller)))


def split(graph: Graph, entity_id: str, body: SplitIn, caller: Caller | None) -> ChangeOut:
    entity = _named(graph, entity_id, "entity_id")
    return _out(
        changes.split_entity(
            graph, entity, body.documents, body.name, body.reason, actor_of(caller)
        )
    )


def rename(graph: Graph, entity_id: str, body: RenameIn, caller: Caller | None) -> ChangeOut:
    entity = _named(graph, entity_id, "entity_id")
    return _out(changes.rename_entity(graph, entity, body.name, body.reason, actor_of(caller)))


def undo(graph: Graph, change_id: str, caller: Caller | None) -> ChangeOut:
    return _out(changes.undo_change(graph, change_id, actor_of(caller)))


def read_change(graph: Graph, change_id: str) -> ChangeOut:
    return _out(changes.get_change(graph, change_id))


def list_changes(graph: Graph, limit: int, offset: int) -> list[ChangeOut]:
    return [_out(c) for c in changes.list_changes(graph, limit, offset)]


def list_candidates(
    graph: Graph, limit: int, offset: int, entity: str | None
) -> list[CandidateOut]:
    if entity is not None:
        entity = resolve_entity(graph, entity, param="entity").id
    found = candidates.list_candidates(graph, limit, offset, entity)
    return [CandidateOut(**asdict(c)) for c in found]
