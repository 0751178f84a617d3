from __future__ import annotations

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from graph_schema.errors import NewsgraphError
from service.schemas import Health

router = APIRouter(tags=["health"])

# /health takes its threads from a small pool of its own, so a burst that occupies every worker
# thread of the service (or waits for the expensive-read cap) never makes it wait.
_HEALTH_THREADS = anyio.CapacityLimiter(4)


def _unavailable(message: str, backend: str | None = None) -> JSONResponse:
    body = Health(status="unavailable", backend=backend, message=message)
    return JSONResponse(body.model_dump(), status_code=503)


@router.get(
    "/health",
    response_model=Health,
    summary="Is the graph answering, and can it write?",
    responses={
        503: {
            "model": Health,
            "description": "the graph does not answer, or cannot write",
            "content": {
                "application/json": {
                    "example": {
                        "status": "unavailable",
                        "backend": "arcadedb",
                        "database": None,
                        "message": "the graph at bolt://127.0.0.1:7687 does not answer",
                    }
                }
            },
        }
    },
)
async def read_health(request: Request) -> Health | JSONResponse:
    """200 only when a statement round-trips to the graph and its disk has room; 503 otherwise."""
    runtime = getattr(request.app.state, "runtime", None)
    if runtime is None:
        return _unavailable("not connected to a graph")
    graph = runtime.graph
    try:
        await anyio.to_thread.run_sync(lambda: graph.ping(timeout_s=3), limiter=_HEALTH_THREADS)
    except NewsgraphError as exc:
        return _unavailable(str(exc), graph.backend)
    full = await anyio.to_thread.run_sync(graph.low_disk, limiter=_HEALTH_THREADS)
    if full:
        return _unavailable(full, graph.backend)
    return Health(status="ok", backend=graph.backend, database=graph.config.database)
