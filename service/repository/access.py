"""API keys and audit events in the graph (statements in graph_schema.statements.access)."""

from __future__ import annotations

from datetime import UTC, datetime

from graph_schema.errors import ConflictError, InvalidInputError, NotFoundError
from graph_schema.graph import Graph, Tx
from graph_schema.statements import access as st
from service.audit import AuditEvent
from service.auth import Caller, Role, hash_key, key_prefix, new_key
from service.schemas_access import ApiKeyInfo, NewApiKey

MAX_KEY_NAME = 64


def _check_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > MAX_KEY_NAME or not name.isprintable():
        raise InvalidInputError(
            f"a key's name is 1 to {MAX_KEY_NAME} printable characters, not {name!r}"
        )
    return name


def create_key(graph: Graph, role: Role, name: str | None = None) -> NewApiKey:
    """Make a key; the answer is the only place the key itself ever appears."""
    key = new_key()
    chosen = _check_name(name) if name is not None else f"{role.value}-{key_prefix(key)[3:]}"
    params = {
        "name": chosen,
        "hash": hash_key(key),
        "role": role.value,
        "prefix": key_prefix(key),
        "created_at": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
    }

    def work(tx: Tx) -> dict[str, str]:
        if tx.run(st.FIND_API_KEY_BY_NAME, name=chosen).records:
            raise ConflictError(f"a key named {chosen!r} exists; revoke it or choose another name")
        return tx.run(st.CREATE_API_KEY, **params).records[0]["key"]

    created = graph.write(work, name="create_api_key")
    return NewApiKey(**created, key=key)


def list_keys(graph: Graph) -> list[ApiKeyInfo]:
    return [ApiKeyInfo(**row["key"]) for row in graph.read(st.LIST_API_KEYS)]


def revoke_key(graph: Graph, name: str) -> ApiKeyInfo:
    def work(tx: Tx) -> list[dict[str, str]]:
        return [row["key"] for row in tx.run(st.REVOKE_API_KEY, name=name).records]

    revoked = graph.write(work, name="revoke_api_key")
    if not revoked:
        raise NotFoundError(f"no key named {name!r}")
    return ApiKeyInfo(**revoked[0])


def find_caller(graph: Graph, key: str) -> Caller | None:
    rows = graph.read(st.FIND_API_KEY_BY_HASH, {"hash": hash_key(key)})
    if not rows:
        return None
    found = rows[0]["key"]
    return Caller(name=found["name"], role=Role(found["role"]))


def record_event(graph: Graph, event: AuditEvent) -> None:
    params = event.model_dump(mode="json")

    def work(tx: Tx) -> None:
        tx.run(st.RECORD_AUDIT_EVENT, **params)

    graph.write(work, name="record_audit_event")


def list_events(
    graph: Graph,
    limit: int,
    offset: int,
    *,
    actor: str | None = None,
    action: str | None = None,
    target: str | None = None,
) -> list[AuditEvent]:
    """Newest first; limit + 1 are returned so the caller can page."""
    rows = graph.read(
        st.LIST_AUDIT_EVENTS,
        {
            "actor": actor,
            "action": action,
            "target": target,
            "skip": offset,
            "limit": limit + 1,
        },
    )
    return [AuditEvent(**row["event"]) for row in rows]
