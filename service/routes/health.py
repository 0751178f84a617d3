from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from graph_schema.errors import NewsgraphError
from service.schemas import Health

router = APIRouter(tags=["health"])


@router.get(
    "/health",
    response_model=Health,
    summary="Is the graph answering?",
    responses={503: {"model": Health, "description": "the graph does not answer"}},
)
def read_health(request: Request) -> Health | JSONResponse:
    """200 only when a statement round-trips to the graph; 503 otherwise."""
    runtime = getattr(request.app.state, "runtime", None)
    if runtime is None:
        body = Health(status="unavailable", message="not connected to a graph")
        return JSONResponse(body.model_dump(), status_code=503)
    graph = runtime.graph
    try:
        graph.ping(timeout_s=3)
    except NewsgraphError as exc:
        body = Health(status="unavailable", backend=graph.backend, message=str(exc))
        return JSONResponse(body.model_dump(), status_code=503)
    return Health(status="ok", backend=graph.backend, database=graph.config.database)
