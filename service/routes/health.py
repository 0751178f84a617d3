from __future__ import annotations

import shutil

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


def disk_full_message(request: Request) -> str | None:
    """Why the graph cannot write, when its disk is full (embedded server only)."""
    runtime = request.app.state.runtime
    settings = request.app.state.settings
    if runtime is None or runtime.embedded is None:
        return runtime.graph.storage_problem if runtime is not None else None
    try:
        free = shutil.disk_usage(settings.data_dir).free
    except OSError:
        return None
    if free < settings.min_free_disk_mb * 1024 * 1024:
        return (
            f"the graph's disk is full: {free // (1024 * 1024)} MB free in {settings.data_dir} "
            f"(below KG_MIN_FREE_DISK_MB={settings.min_free_disk_mb}); writes fail until space "
            "is freed"
        )
    return runtime.graph.storage_problem


@router.get(
    "/health",
    response_model=Health,
    summary="Is the graph answering, and can it write?",
    responses={503: {"model": Health, "description": "the graph does not answer, or cannot write"}},
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
    full = await anyio.to_thread.run_sync(disk_full_message, request, limiter=_HEALTH_THREADS)
    if full:
        return _unavailable(full, graph.backend)
    return Health(status="ok", backend=graph.backend, database=graph.config.database)
