"""Curation: the candidate pairs linking left, merge, split, rename, and the undo of each change.

Every change needs a writer key (service.access: a POST), is one transaction, and is recorded
twice: in the change log (GET /curation/changes, what its undo needs) and in the audit."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from service.audit import Action, AuditDep
from service.deps import GraphDep
from service.paging import decode_cursor, next_cursor
from service.repository import curation as repo
from service.routes.common import CURATION_CONFLICT, STORAGE_FULL, errors
from service.routes.params import Cursor, Limit
from service.schemas import Page
from service.schemas_curation import CandidateOut, ChangeOut, MergeIn, RenameIn, SplitIn

router = APIRouter(tags=["curation"])

EntityId = Path(
    description="the entity's id, or its whole name or alias when only one entity has it",
    examples=["org:byd-uzbekistan"],
)
ChangeId = Path(description="a change's id, as merge, split or rename answered it")
CHANGE_ERRORS = {**errors(400, 404, 422, 503, also=(STORAGE_FULL,)), 409: CURATION_CONFLICT}


def _audited(audit: AuditDep, change: ChangeOut) -> ChangeOut:
    audit.targets = [*change.entities, *change.documents]
    audit.message = f"{change.id}: {change.summary}; reason: {change.reason}"
    return change


@router.get(
    "/curation/candidates",
    response_model=Page[CandidateOut],
    summary="Pairs of entities that may be one thing, best score first, with evidence",
    description="Each pair carries linking's score and reason and, for both sides, names, "
    "aliases, type and their newest documents with the sentences about them. `entity` keeps "
    "the pairs of one entity.",
    responses=errors(400, 404, 422, 503, 504),
)
def list_candidates(
    graph: GraphDep,
    entity: Annotated[str | None, Query(min_length=1, description="an entity's id or name")] = None,
    limit: Limit = 20,
    cursor: Cursor = None,
) -> Page[CandidateOut]:
    offset = decode_cursor(cursor)
    found = repo.list_candidates(graph, limit, offset, entity)
    return Page(items=found[:limit], next_cursor=next_cursor(offset, limit, len(found)))


@router.post(
    "/entities/{entity_id}/merge",
    response_model=ChangeOut,
    summary="Merge this entity into another of its type",
    description="Its mentions, relations (with their provenance) and aliases move to `into`; "
    "its id keeps answering GET /entities/{id} with the survivor. Documents loaded again "
    "link to the survivor.",
    responses=CHANGE_ERRORS,
)
def merge_entity(
    body: MergeIn, graph: GraphDep, audit: AuditDep, entity_id: str = EntityId
) -> ChangeOut:
    audit.start(Action.ENTITY_MERGE, [entity_id, body.into])
    return _audited(audit, repo.merge(graph, entity_id, body, audit.caller))


@router.post(
    "/entities/{entity_id}/split",
    response_model=ChangeOut,
    summary="Move what some documents say of this entity to a new entity",
    description="The chosen documents' mentions, and the provenance they give its relations, "
    "move to a new entity (named `name`, else as this one); those documents link to it when "
    "loaded again.",
    responses=CHANGE_ERRORS,
)
def split_entity(
    body: SplitIn, graph: GraphDep, audit: AuditDep, entity_id: str = EntityId
) -> ChangeOut:
    audit.start(Action.ENTITY_SPLIT, [entity_id])
    return _audited(audit, repo.split(graph, entity_id, body, audit.caller))


@router.post(
    "/entities/{entity_id}/rename",
    response_model=ChangeOut,
    summary="Give this entity another display name (its id stays)",
    responses=CHANGE_ERRORS,
)
def rename_entity(
    body: RenameIn, graph: GraphDep, audit: AuditDep, entity_id: str = EntityId
) -> ChangeOut:
    audit.start(Action.ENTITY_RENAME, [entity_id])
    return _audited(audit, repo.rename(graph, entity_id, body, audit.caller))


@router.post(
    "/curation/{change_id}/undo",
    response_model=ChangeOut,
    summary="Put the entities back exactly as they were before a change",
    description="409 when the change was undone already, or when its entities changed since "
    "(undo the later change first).",
    responses={**errors(404, 422, 503, also=(STORAGE_FULL,)), 409: CURATION_CONFLICT},
)
def undo_change(graph: GraphDep, audit: AuditDep, change_id: str = ChangeId) -> ChangeOut:
    audit.start(Action.ENTITY_UNDO, [change_id])
    change = repo.undo(graph, change_id, audit.caller)
    audit.targets = [change_id, *change.entities]
    audit.message = f"{change_id} undone: {change.summary}"
    return change


@router.get(
    "/curation/changes",
    response_model=Page[ChangeOut],
    summary="The curation changes, newest first",
    responses=errors(400, 422, 503, 504),
)
def list_changes(graph: GraphDep, limit: Limit = 50, cursor: Cursor = None) -> Page[ChangeOut]:
    offset = decode_cursor(cursor)
    found = repo.list_changes(graph, limit, offset)
    return Page(items=found[:limit], next_cursor=next_cursor(offset, limit, len(found)))


@router.get(
    "/curation/changes/{change_id}",
    response_model=ChangeOut,
    summary="One curation change",
    responses=errors(404, 422, 503, 504),
)
def read_change(graph: GraphDep, change_id: str = ChangeId) -> ChangeOut:
    return repo.read_change(graph, change_id)
