"""The audit of every change: who (a key's name, or "cli"), when, what (document or entity
ids), and how it ended. One model, one function to record it, one dependency for routes.

A route that changes the graph takes `audit: AuditDep` and names what it changed; the
dependency records the event when the handler ends, `ok` or `failed` with the error's status:

    @router.post("/entities/merge", ...)
    def merge_entities(body: MergeIn, graph: GraphDep, audit: AuditDep) -> Merged:
        audit.start(Action.ENTITY_MERGE, [body.into, *body.merge])
        merged = repo.merge(graph, body)
        audit.targets.append(merged.id)  # ids learnt while working count too
        return merged

Code outside a request (the command line) builds an AuditEvent and calls `record`. The event
is written after the change, in a transaction of its own: a change whose event cannot be
written (the graph went away in between) is logged at ERROR instead of being undone.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated

from fastapi import Depends, Request
from pydantic import BaseModel, ConfigDict, Field

from graph_schema.errors import NewsgraphError
from graph_schema.graph import Graph
from service.auth import Caller

log = logging.getLogger(__name__)


class Action(StrEnum):
    DOCUMENT_CREATE = "document.create"
    DOCUMENT_CREATE_EXTRACTED = "document.create_extracted"
    DOCUMENT_DELETE = "document.delete"
    INGEST = "ingest"
    KEY_CREATE = "key.create"
    KEY_REVOKE = "key.revoke"
    # Entity curation (merge, split, rename, undo) records these.
    ENTITY_MERGE = "entity.merge"
    ENTITY_SPLIT = "entity.split"
    ENTITY_RENAME = "entity.rename"
    ENTITY_UNDO = "entity.undo"


class Outcome(StrEnum):
    OK = "ok"
    # Asked for, and nothing needed to change (a document the graph already held).
    UNCHANGED = "unchanged"
    FAILED = "failed"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _new_id() -> str:
    # Time first, so ids sort like `at` (the second key of the audit's order).
    return f"{datetime.now(UTC):%Y%m%dT%H%M%S%f}-{uuid.uuid4().hex[:12]}"


class AuditEvent(BaseModel):
    """One change, as the audit keeps it."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(default_factory=_new_id, examples=["20240611T101500123456-3f2a9c0d1e4b"])
    at: str = Field(
        default_factory=_now, description="UTC, ISO 8601", examples=["2024-06-11T10:15:00.123Z"]
    )
    actor: str = Field(description='the key\'s name, or "cli"', examples=["analyst-1"])
    role: str | None = Field(
        None, description="the key's role when it was used", examples=["writer"]
    )
    action: Action
    targets: list[str] = Field(
        default_factory=list, description="the document or entity ids the change was about"
    )
    outcome: Outcome
    status: int | None = Field(None, description="the HTTP status answered", examples=[201])
    message: str | None = Field(None, description="what went wrong, or a summary")


def record(graph: Graph, event: AuditEvent) -> None:
    """Write `event`; a failure to write it is logged, never raised over the change it reports."""
    from service.repository.access import record_event

    try:
        record_event(graph, event)
    except Exception as exc:  # the change happened (or failed) whatever becomes of its record
        log.error(
            "audit event %s (%s by %s) was not recorded: %s",
            event.id,
            event.action,
            event.actor,
            exc,
        )


class PendingEvent:
    """What a handler says it is changing; becomes an AuditEvent when the handler ends."""

    def __init__(self, caller: Caller | None) -> None:
        self.caller = caller
        self.action: Action | None = None
        self.targets: list[str] = []
        self.outcome = Outcome.OK
        self.status: int | None = None  # None: the route's own success status
        self.message: str | None = None

    def start(self, action: Action, targets: list[str] | None = None) -> None:
        self.action = action
        self.targets = list(targets or [])

    def finish(
        self, outcome: Outcome, status: int | None, message: str | None = None
    ) -> AuditEvent:
        assert self.action is not None
        return AuditEvent(
            actor=self.caller.name if self.caller else "anonymous",
            role=self.caller.role.value if self.caller else None,
            action=self.action,
            targets=self.targets,
            outcome=outcome,
            status=status,
            message=message if message is not None else self.message,
        )


def _status_of(exc: BaseException) -> tuple[int, str]:
    from service.errors import status_of

    return status_of(exc)


def audited(request: Request) -> Iterator[PendingEvent]:
    """The dependency behind AuditDep: records the handler's event when it ends."""
    pending = PendingEvent(getattr(request.state, "caller", None))
    runtime = getattr(request.app.state, "runtime", None)
    try:
        yield pending
    except BaseException as exc:
        if pending.action is not None and runtime is not None:
            status, _ = _status_of(exc)
            message = str(exc) if isinstance(exc, NewsgraphError) else type(exc).__name__
            record(runtime.graph, pending.finish(Outcome.FAILED, status, message))
        raise
    if pending.action is not None and runtime is not None:
        route = request.scope.get("route")
        status = pending.status or getattr(route, "status_code", None) or 200
        record(runtime.graph, pending.finish(pending.outcome, status))


# scope="function": the event is written before the answer leaves, so whoever reads the audit
# after an answer finds its event.
AuditDep = Annotated[PendingEvent, Depends(audited, scope="function")]
