"""API keys (only their hashes) and the audit of every change, stored in the graph so that
several service processes and the command line share them on both backends."""

from __future__ import annotations

from graph_schema.statement import Statement
from graph_schema.vocabulary import API_KEY_LABEL, AUDIT_EVENT_LABEL

_KEY = "k {.name, .role, .prefix, .created_at}"

# The unit of work checks the name first (FIND_API_KEY_BY_NAME), so the unique constraint only
# ever stops a concurrent creation of the same name.
CREATE_API_KEY = Statement(
    "CREATE_API_KEY",
    f"""
    CREATE (k:{API_KEY_LABEL} {{name: $name, hash: $hash, role: $role, prefix: $prefix,
                               created_at: $created_at}})
    RETURN {_KEY} AS key
    """,
    writes=True,
)

FIND_API_KEY_BY_NAME = Statement(
    "FIND_API_KEY_BY_NAME",
    f"MATCH (k:{API_KEY_LABEL} {{name: $name}}) RETURN {_KEY} AS key",
)

# The one lookup every authenticated request makes (cached a few seconds by the service).
FIND_API_KEY_BY_HASH = Statement(
    "FIND_API_KEY_BY_HASH",
    f"MATCH (k:{API_KEY_LABEL} {{hash: $hash}}) RETURN {_KEY} AS key",
)

LIST_API_KEYS = Statement(
    "LIST_API_KEYS",
    f"MATCH (k:{API_KEY_LABEL}) WITH k ORDER BY k.name RETURN {_KEY} AS key",
)

# Revoking deletes the key: its hash can never match again and its name is free; the audit
# keeps who created and revoked it.
REVOKE_API_KEY = Statement(
    "REVOKE_API_KEY",
    f"""
    MATCH (k:{API_KEY_LABEL} {{name: $name}})
    WITH k, {_KEY} AS key
    DETACH DELETE k
    RETURN key
    """,
    writes=True,
)

RECORD_AUDIT_EVENT = Statement(
    "RECORD_AUDIT_EVENT",
    f"""
    CREATE (e:{AUDIT_EVENT_LABEL} {{id: $id, at: $at, actor: $actor, role: $role,
                                  action: $action, targets: $targets, outcome: $outcome,
                                  status: $status, message: $message}})
    RETURN e.id AS id
    """,
    writes=True,
)

_EVENT = "e {.id, .at, .actor, .role, .action, .targets, .outcome, .status, .message}"

# Newest first; filters are optional (the audit is small next to the graph it describes).
LIST_AUDIT_EVENTS = Statement(
    "LIST_AUDIT_EVENTS",
    f"""
    MATCH (e:{AUDIT_EVENT_LABEL})
    WHERE ($actor IS NULL OR e.actor = $actor)
      AND ($action IS NULL OR e.action = $action)
      AND ($target IS NULL OR $target IN e.targets)
    WITH e ORDER BY e.at DESC, e.id DESC SKIP $skip LIMIT $limit
    RETURN {_EVENT} AS event
    ORDER BY e.at DESC, e.id DESC
    """,
)
