"""Read-only Cypher for power users (the defences are in graph_schema.readonly)."""

from __future__ import annotations

from typing import Any

from graph_schema.graph import Graph
from graph_schema.readonly import run_read_only
from service.schemas_queries import QueryResult


def run_user_query(
    graph: Graph, cypher: str, parameters: dict[str, Any], row_cap: int
) -> QueryResult:
    result = run_read_only(
        graph, cypher, parameters, row_cap=row_cap, timeout_s=graph.config.read_timeout_s
    )
    return QueryResult(
        columns=result.columns,
        rows=result.rows,
        row_count=len(result.rows),
        truncated=result.truncated,
        row_cap=row_cap,
    )
