"""Running a user's Cypher read-only, on both backends (POST /query).

Neo4j enforces a READ transaction; ArcadeDB accepts writes in one (docs/arcadedb-notes.md, F6).
So three defences stand in line, each enough on its own for the cases it sees:
1. a lexical check that ignores strings, identifiers in backticks and comments, and refuses
   write clauses, schema and admin commands, `CALL … IN TRANSACTIONS` and unknown procedures;
2. on Neo4j, EXPLAIN's query type must be 'r' (ArcadeDB answers 'w' for every EXPLAIN, so
   there it tells nothing);
3. the statement runs in an explicit transaction that is always rolled back, and a summary
   whose query type is not 'r' is refused after the fact.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from typing import Any

from neo4j import READ_ACCESS
from neo4j.exceptions import Neo4jError
from neo4j.graph import Node, Path, Relationship

from graph_schema.errors import ForbiddenQueryError, InvalidInputError
from graph_schema.graph import Graph, translated_errors
from graph_schema.statement import Backend
from graph_schema.watchdog import new_tag

_QUOTED = re.compile(
    r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`]|``)*`|//[^\n]*|/\*.*?\*/""", re.S)
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")

WRITE_WORDS = frozenset({
    "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "FOREACH", "LOAD",
    "TRANSACTIONS", "TERMINATE", "GRANT", "DENY", "REVOKE", "ALTER", "RENAME", "SHOW", "USE",
    "START", "STOP", "ENABLE", "DEALLOCATE", "REALLOCATE", "FINISH", "INSERT",
})
FIRST_WORDS = frozenset({"MATCH", "OPTIONAL", "WITH", "UNWIND", "RETURN", "CALL"})
READ_PROCEDURES = frozenset({
    "db.labels", "db.relationshipTypes", "db.propertyKeys", "db.schema.visualization",
    "db.index.fulltext.queryNodes",
})
_FORBIDDEN_NAMESPACES = ("apoc.", "dbms.", "gds.")
_ACCESS_MODE = "Neo.ClientError.Statement.AccessMode"


@dataclass(frozen=True)
class UserQueryResult:
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool


def _strip(cypher: str) -> str:
    """The statement with strings, backticked names and comments blanked out."""
    stripped = _QUOTED.sub(lambda m: "''" if m.group(0)[0] in "'\"" else " ", cypher)
    if any(mark in stripped.replace("''", "") for mark in ("'", '"', "`", "/*")):
        raise InvalidInputError("the statement has an unterminated string or comment")
    return stripped


def _keywords(text: str) -> list[str]:
    """Words that stand as keywords: not property keys, labels, parameters or map keys."""
    words = []
    for match in _WORD.finditer(text):
        before = _neighbour(text, match.start() - 1, -1)
        after = _neighbour(text, match.end(), 1)
        if before in (".", "$", ":") or after == ":":
            continue
        words.append(match.group(0))
    return words


def _neighbour(text: str, index: int, step: int) -> str:
    """The first character that is not white space from `index` on, walking by `step`."""
    while 0 <= index < len(text) and text[index].isspace():
        index += step
    return text[index] if 0 <= index < len(text) else ""


def check_read_only(cypher: str) -> None:
    """Refuse (ForbiddenQueryError) anything but a plain read; see the module doc."""
    words = _keywords(_strip(cypher))
    if not words:
        raise InvalidInputError("the statement is empty")
    if words[0].upper() not in FIRST_WORDS:
        raise ForbiddenQueryError(
            f"only read statements are accepted; this one starts with {words[0]!r} "
            f"(allowed: {', '.join(sorted(FIRST_WORDS))})")
    for word in words:
        upper = word.upper()
        if upper in WRITE_WORDS:
            raise ForbiddenQueryError(
                f"{upper} is not allowed: this endpoint only reads the graph")
        if word.lower().startswith(_FORBIDDEN_NAMESPACES):
            raise ForbiddenQueryError(f"{word} is not allowed: this endpoint only reads the graph")
    _check_procedures(words)


def _check_procedures(words: list[str]) -> None:
    for word, following in zip(words, [*words[1:], ""], strict=True):
        if word.upper() != "CALL" or "." not in following:
            continue  # CALL { … } and CALL (x) { … } are subqueries
        if following not in READ_PROCEDURES:
            raise ForbiddenQueryError(
                f"procedure {following} is not allowed; read-only procedures: "
                f"{', '.join(sorted(READ_PROCEDURES))}")


def to_json(value: Any) -> Any:
    """Driver values as JSON: nodes and relationships without their database-internal ids."""
    if isinstance(value, Node):
        return {"labels": sorted(value.labels), "properties": to_json(dict(value))}
    if isinstance(value, Relationship):
        return {"type": value.type, "properties": to_json(dict(value))}
    if isinstance(value, Path):
        return {"nodes": [to_json(n) for n in value.nodes],
                "relationships": [to_json(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return str(value)


def run_read_only(graph: Graph, cypher: str, params: dict[str, Any], *, row_cap: int,
                  timeout_s: float) -> UserQueryResult:
    """Run a user's statement read-only within its budget; at most `row_cap` rows come back."""
    check_read_only(cypher)
    tag = new_tag()
    text = f"/* {tag} */ {cypher}"
    try:
        with graph.watchdog.watch(tag, timeout_s), translated_errors("USER_QUERY", timeout_s):
            if graph.backend is Backend.NEO4J:
                _explain_is_read(graph, text, params, timeout_s)
            return _run_and_roll_back(graph, text, params, row_cap, timeout_s)
    except InvalidInputError as exc:
        if isinstance(exc.__cause__, Neo4jError) and exc.__cause__.code == _ACCESS_MODE:
            raise ForbiddenQueryError("the graph refused a write in a read transaction") from exc
        raise


def _explain_is_read(graph: Graph, text: str, params: dict[str, Any], timeout_s: float) -> None:
    with graph.driver.session(database=graph.config.database,
                              default_access_mode=READ_ACCESS) as session:
        summary = session.run(f"EXPLAIN {text}", params, timeout=timeout_s).consume()
    if summary.query_type != "r":
        raise ForbiddenQueryError("the statement would write to the graph (EXPLAIN says so)")


def _run_and_roll_back(graph: Graph, text: str, params: dict[str, Any], row_cap: int,
                       timeout_s: float) -> UserQueryResult:
    with graph.driver.session(database=graph.config.database,
                              default_access_mode=READ_ACCESS) as session:
        tx = session.begin_transaction(timeout=timeout_s)
        try:
            result = tx.run(text, params)
            columns = list(result.keys())
            rows: list[list[Any]] = []
            truncated = False
            for record in result:
                if len(rows) == row_cap:
                    truncated = True
                    break
                rows.append([to_json(v) for v in record.values()])
            query_type = result.consume().query_type
        finally:
            tx.rollback()  # always: ArcadeDB does not enforce READ mode
    if query_type not in (None, "r"):
        raise ForbiddenQueryError("the statement wrote to the graph; its changes were undone")
    return UserQueryResult(columns, rows, truncated)
