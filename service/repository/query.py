"""Read-only Cypher for power users (the defences are in graph_schema.readonly)."""

from __future__ import annotations

from typing import Any

from graph_schema.graph import Graph
from graph_schema.readonly import AnswerLimits, run_read_only
from service.schemas_queries import QueryResult


def run_user_query(
    graph: Graph, cypher: str, parameters: dict[str, Any], *, row_cap: int, byte_cap: int
) -> QueryResult:
    limits = AnswerLimits(row_cap=row_cap, byte_cap=byte_cap, timeout_s=graph.config.read_timeout_s)
    result = run_read_only(graph, cypher, parameters, limits)
    return QueryResult(
        columns=result.columns,
        rows=result.rows,
        row_count=len(result.rows),
        truncated=result.truncated,
        truncated_by=result.truncated_by,
        row_cap=row_cap,
        byte_cap=byte_cap,
    )
