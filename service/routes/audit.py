"""GET /audit: every change, newest first, for admins."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from service.audit import Action, AuditEvent
from service.deps import GraphDep
from service.paging import decode_cursor, next_cursor
from service.repository import access as repo
from service.routes.common import errors
from service.routes.params import Cursor, Limit
from service.schemas import Page

router = APIRouter(tags=["audit"])


@router.get(
    "/audit",
    response_model=Page[AuditEvent],
    summary="Who changed what, when, and how it ended; newest first",
    responses=errors(400, 422, 503, 504),
)
def list_audit(
    graph: GraphDep,
    actor: Annotated[str | None, Query(description='a key\'s name, or "cli"')] = None,
    action: Annotated[Action | None, Query()] = None,
    target: Annotated[str | None, Query(description="a document or entity id")] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[AuditEvent]:
    offset = decode_cursor(cursor)
    events = repo.list_events(
        graph,
        limit,
        offset,
        actor=actor,
        action=action.value if action else None,
        target=target,
    )
    return Page(items=events[:limit], next_cursor=next_cursor(offset, limit, len(events)))
