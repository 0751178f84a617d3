from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body

from service.deps import GraphDep, SettingsDep
from service.repository.query import run_user_query
from service.routes.common import errors
from service.schemas_queries import QueryIn, QueryResult

router = APIRouter(tags=["query"])

_EXAMPLES = {
    "plants": {
        "summary": "companies and their planned plants",
        "value": {
            "cypher": "MATCH (c:Company)-[:PLANS]->(p:Plant) "
            "RETURN c.name AS company, p.name AS plant LIMIT $n",
            "parameters": {"n": 10},
        },
    },
    "labels": {
        "summary": "labels in use",
        "value": {"cypher": "CALL db.labels() YIELD label RETURN label"},
    },
}


@router.post(
    "/query",
    response_model=QueryResult,
    summary="Run a read-only Cypher statement",
    description="Runs as a database user that may only read, in a read transaction that is "
    "always rolled back, within the read time budget (504 past it), and returns at most "
    "KG_QUERY_ROW_CAP rows and KG_QUERY_MAX_BYTES bytes of rows (`truncated` and "
    "`truncated_by` say when it stopped short). Statements that write, change the schema, "
    "administer the server, load files (LOAD CSV) or call procedures outside a short "
    "read-only list are refused with 403.",
    responses=errors(400, 403, 422, 503, 504),
)
def run_query(
    graph: GraphDep,
    settings: SettingsDep,
    body: Annotated[QueryIn, Body(openapi_examples=_EXAMPLES)],
) -> QueryResult:
    return run_user_query(
        graph,
        body.cypher,
        body.parameters,
        row_cap=settings.query_row_cap,
        byte_cap=settings.query_max_bytes,
    )
