"""Running a user's Cypher read-only, on both backends (POST /query).

The wall that holds is the server's: the statement runs as a user the graph lets only read
(ArcadeDB: `kg_query` of the `kg_reader` group, made by the embedded launcher; Neo4j: a reader
user when configured, else the service's user in a READ transaction, which Neo4j enforces;
ArcadeDB ignores a transaction's access mode, F6 in ../shared/docs/arcadedb-notes.md). LOAD CSV
reads no file and fetches no URL on either backend (server settings). In front of it stand:
1. a lexical check that refuses write clauses, schema and admin commands, LOAD CSV,
   `CALL … IN TRANSACTIONS` and procedures off a short list (names compared without their
   backticks); a write word counts where a clause can start, not as an alias, a variable after
   an operator or an expression-taking clause, a label or a property key. Its comments end at
   any line break a server may honour (\n, \r, U+2028 …), and the text sent is the checked one
   with its comments removed, so the server cannot read as code what the check read as a
   comment. No maintained Cypher parser for Python covers Cypher 5 (pycypher and
   libcypher-parser stop at older grammars), so it stays a token scan;
2. on Neo4j, EXPLAIN's query type must be 'r' (ArcadeDB answers 'w' for every EXPLAIN, so
   there it tells nothing);
3. the statement runs in an explicit transaction that is always rolled back, and a summary
   whose query type is not 'r' is refused after the fact.
The answer is bounded by rows, by bytes (its JSON) and by time, the time it takes to read the
rows included, not only the server's.
"""

from __future__ import annotations

import base64
import json
import re
import time
from dataclasses import dataclass
from typing import Any

from neo4j import READ_ACCESS, Driver, Query
from neo4j.exceptions import Neo4jError
from neo4j.graph import Node, Path, Relationship
from neo4j.spatial import Point

from graph_schema.errors import (
    ForbiddenQueryError,
    GraphUnavailableError,
    InvalidInputError,
    QueryTimeoutError,
)
from graph_schema.graph import Graph, translated_errors
from graph_schema.statement import Backend
from graph_schema.watchdog import new_tag

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<comment>//[^\n\r\x0b\x0c\x85\u2028\u2029]*|/\*.*?\*/)
  | (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
  | (?P<quoted>`(?:[^`]|``)*`)
  | (?P<word>[^\W\d]\w*)
  | (?P<number>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)
  | (?P<symbol>.)
""",
    re.S | re.X,
)

WRITE_WORDS = frozenset(
    {
        "CREATE",
        "MERGE",
        "SET",
        "DELETE",
        "DETACH",
        "REMOVE",
        "DROP",
        "FOREACH",
        "LOAD",
        "TRANSACTIONS",
        "TERMINATE",
        "GRANT",
        "DENY",
        "REVOKE",
        "ALTER",
        "RENAME",
        "SHOW",
        "USE",
        "START",
        "STOP",
        "ENABLE",
        "DEALLOCATE",
        "REALLOCATE",
        "FINISH",
        "INSERT",
    }
)
FIRST_WORDS = frozenset({"MATCH", "OPTIONAL", "WITH", "UNWIND", "RETURN", "CALL"})
READ_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshipTypes",
        "db.propertyKeys",
        "db.schema.visualization",
        "db.index.fulltext.queryNodes",
    }
)
# After these an expression, a pattern or a name follows, never a clause: a word there is a
# variable or a function ('RETURN start', '(stop)', 'x IN set'), not a keyword.
_BEFORE_EXPRESSION_WORDS = frozenset(
    {
        "RETURN",
        "WITH",
        "DISTINCT",
        "WHERE",
        "AND",
        "OR",
        "XOR",
        "NOT",
        "IN",
        "IS",
        "UNWIND",
        "BY",
        "SKIP",
        "LIMIT",
        "CASE",
        "WHEN",
        "THEN",
        "ELSE",
        "STARTS",
        "ENDS",
        "CONTAINS",
        "YIELD",
        "MATCH",
        "AS",
    }
)
_BEFORE_EXPRESSION_SYMBOLS = frozenset("([,=<>+-/%^")
_FORBIDDEN_NAMESPACES = ("apoc.", "dbms.", "gds.")
# The codes of a write the server refused: Neo4j in a READ transaction, either backend for a
# user without the right.
_REFUSED_WRITE_CODES = (
    "Neo.ClientError.Statement.AccessMode",
    "Neo.ClientError.Security.Forbidden",
)
# Rows per round trip: the byte cap is checked between them, so at most this many rows of any
# size are held at once (1,000 small rows: 38 ms at 5, 16 ms in one batch; measured)
_FETCH_SIZE = 5


@dataclass(frozen=True)
class UserQueryResult:
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool
    # why the rows stop short: "rows" (the row cap) or "bytes" (the size cap); None if whole
    truncated_by: str | None = None


@dataclass(frozen=True)
class AnswerLimits:
    row_cap: int
    byte_cap: int
    timeout_s: float


@dataclass(frozen=True)
class _Token:
    kind: str  # 'name' (a word or dotted words, backticks removed), 'literal' or 'symbol'
    text: str
    quoted: bool = False  # some part was in backticks, so it cannot be a keyword


def without_comments(cypher: str) -> str:
    """The statement with each comment replaced by a space, as the tokens of the check see it."""
    return "".join(
        " " if match.lastgroup == "comment" else match.group(0) for match in _TOKEN.finditer(cypher)
    )


def _tokens(cypher: str) -> list[_Token]:
    """The statement's tokens without spaces and comments; `a.b.c` is one dotted name whether
    or not its parts are in backticks (`apoc`.`periodic`.`iterate` is apoc.periodic.iterate)."""
    tokens: list[_Token] = []
    for match in _TOKEN.finditer(cypher):
        kind, text = match.lastgroup, match.group(0)
        if kind in ("space", "comment"):
            continue
        if kind == "symbol" and (text in "'\"`" or cypher.startswith("/*", match.start())):
            raise InvalidInputError("the statement has an unterminated string, name or comment")
        if kind in ("word", "quoted"):
            quoted = kind == "quoted"
            name = text[1:-1].replace("``", "`") if quoted else text
            if (
                len(tokens) >= 2
                and tokens[-1].text == "."
                and tokens[-1].kind == "symbol"
                and tokens[-2].kind == "name"
            ):
                tokens.pop()
                head = tokens.pop()
                tokens.append(_Token("name", f"{head.text}.{name}", head.quoted or quoted))
            else:
                tokens.append(_Token("name", name, quoted))
        else:
            tokens.append(_Token("literal" if kind in ("string", "number") else "symbol", text))
    return tokens


def _keywords(tokens: list[_Token]) -> list[tuple[int, str]]:
    """(position, KEYWORD) of the names that stand where a keyword can: not property keys,
    labels, parameters, map keys, aliases, names in backticks, nor the variables and
    functions that follow an operator or a clause expecting an expression."""
    found: list[tuple[int, str]] = []
    keyword_at: set[int] = set()
    for i, token in enumerate(tokens):
        if token.kind != "name" or token.quoted:
            continue
        before = tokens[i - 1] if i else None
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if before is not None and before.kind == "symbol" and before.text in ".$:":
            continue  # a property key, a parameter or a label
        if after is not None and after.kind == "symbol" and after.text == ":":
            continue  # a map key, or a variable with its label
        if before is not None and (
            (before.kind == "symbol" and before.text in _BEFORE_EXPRESSION_SYMBOLS)
            or (i - 1 in keyword_at and before.text.upper() in _BEFORE_EXPRESSION_WORDS)
        ):
            continue  # a variable, an alias or a function: 'RETURN start', '(stop)', 'AS set'
        keyword_at.add(i)
        found.append((i, token.text.upper()))
    return found


def check_read_only(cypher: str) -> None:
    """Refuse (ForbiddenQueryError) anything but a plain read; see the module doc."""
    tokens = _tokens(cypher)
    if not tokens:
        raise InvalidInputError("the statement is empty")
    first = tokens[0].text.upper() if tokens[0].kind == "name" and not tokens[0].quoted else ""
    if first not in FIRST_WORDS:
        raise ForbiddenQueryError(
            f"only read statements are accepted; this one starts with {tokens[0].text!r} "
            f"(allowed: {', '.join(sorted(FIRST_WORDS))})"
        )
    for token in tokens:
        if token.kind == "name" and token.text.lower().startswith(_FORBIDDEN_NAMESPACES):
            raise ForbiddenQueryError(
                f"{token.text} is not allowed: this endpoint only reads the graph"
            )
    for i, word in _keywords(tokens):
        if word in WRITE_WORDS:
            raise ForbiddenQueryError(f"{word} is not allowed: this endpoint only reads the graph")
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            word == "IN"
            and following is not None
            and following.kind == "name"
            and following.text.upper() == "TRANSACTIONS"
        ):
            raise ForbiddenQueryError(
                "CALL … IN TRANSACTIONS is not allowed: this endpoint runs one read transaction"
            )
        if word == "CALL" and following is not None and following.kind == "name":
            _check_procedure(following.text)  # CALL { … } and CALL (x) { … } are subqueries


def _check_procedure(name: str) -> None:
    if name not in READ_PROCEDURES:
        raise ForbiddenQueryError(
            f"procedure {name} is not allowed; read-only procedures: "
            f"{', '.join(sorted(READ_PROCEDURES))}"
        )


def to_json(value: Any) -> Any:
    """Driver values as JSON: nodes and relationships without their database-internal ids."""
    if isinstance(value, Node):
        return {"labels": sorted(value.labels), "properties": to_json(dict(value))}
    if isinstance(value, Relationship):
        return {"type": value.type, "properties": to_json(dict(value))}
    if isinstance(value, Path):
        return {
            "nodes": [to_json(n) for n in value.nodes],
            "relationships": [to_json(r) for r in value.relationships],
        }
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    # Before tuples: a Duration and a Point are tuple subclasses.
    if hasattr(value, "iso_format"):  # dates, times and durations of neo4j.time
        return value.iso_format()
    if isinstance(value, Point):
        return {"srid": value.srid, "coordinates": [float(c) for c in value]}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def run_read_only(
    graph: Graph, cypher: str, params: dict[str, Any], limits: AnswerLimits
) -> UserQueryResult:
    """Run a user's statement read-only within its limits (rows, bytes, time)."""
    check_read_only(cypher)
    return _run_as_reader(graph, cypher, params, limits)


def _run_as_reader(
    graph: Graph, cypher: str, params: dict[str, Any], limits: AnswerLimits
) -> UserQueryResult:
    """What stands behind the statement check: the read-only user, EXPLAIN, the rollback."""
    tag = new_tag()
    text = f"/* {tag} */ {without_comments(cypher)}"
    try:
        with (
            graph.watchdog.watch(tag, limits.timeout_s),
            translated_errors("USER_QUERY", limits.timeout_s, user_statement=True),
        ):
            if graph.backend is Backend.NEO4J:
                _explain_is_read(graph, text, params, limits.timeout_s)
            return _run_and_roll_back(graph, text, params, limits)
    except InvalidInputError as exc:
        cause = exc.__cause__
        if isinstance(cause, Neo4jError) and cause.code in _REFUSED_WRITE_CODES:
            raise ForbiddenQueryError(
                "the graph refused the statement: this endpoint may only read"
            ) from exc
        raise


def _query_driver(graph: Graph) -> Driver:
    if graph.query_driver is not None:
        return graph.query_driver
    if graph.backend is Backend.NEO4J:
        return graph.driver  # Neo4j enforces the READ access mode itself
    raise GraphUnavailableError(
        "POST /query needs a read-only database user, and none is configured for this graph"
    )


def _explain_is_read(graph: Graph, text: str, params: dict[str, Any], timeout_s: float) -> None:
    with _query_driver(graph).session(
        database=graph.config.database, default_access_mode=READ_ACCESS
    ) as session:
        # The budget goes in the Query: run()'s keyword arguments are query parameters.
        summary = session.run(Query(f"EXPLAIN {text}", timeout=timeout_s), params).consume()
    if summary.query_type != "r":
        raise ForbiddenQueryError("the statement would write to the graph (EXPLAIN says so)")


def _run_and_roll_back(
    graph: Graph, text: str, params: dict[str, Any], limits: AnswerLimits
) -> UserQueryResult:
    deadline = time.monotonic() + limits.timeout_s
    with _query_driver(graph).session(
        database=graph.config.database, default_access_mode=READ_ACCESS, fetch_size=_FETCH_SIZE
    ) as session:
        tx = session.begin_transaction(timeout=limits.timeout_s)
        try:
            result = tx.run(text, params)
            columns = list(result.keys())
            rows, truncated_by = _read_rows(result, limits, deadline)
            query_type = result.consume().query_type if truncated_by is None else "r"
        finally:
            tx.rollback()  # always: ArcadeDB does not enforce READ mode
    if query_type not in (None, "r"):
        raise ForbiddenQueryError("the graph reports that the statement writes; it is refused")
    return UserQueryResult(columns, rows, truncated_by is not None, truncated_by)


def _read_rows(
    result: Any, limits: AnswerLimits, deadline: float
) -> tuple[list[list[Any]], str | None]:
    """The rows up to the row cap and the byte cap (of their JSON), within the deadline."""
    rows: list[list[Any]] = []
    size = 0
    for record in result:
        if time.monotonic() > deadline:
            raise QueryTimeoutError(
                f"the query ran past its time budget of {limits.timeout_s:g} s and was stopped"
            )
        if len(rows) == limits.row_cap:
            return rows, "rows"
        row = [to_json(v) for v in record.values()]
        size += len(json.dumps(row, ensure_ascii=False))
        if size > limits.byte_cap:
            return rows, "bytes"
        rows.append(row)
    return rows, None
