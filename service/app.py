"""The FastAPI application: lifespan (one graph per process), middleware, routers."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio
from fastapi import Depends, FastAPI
from fastapi.openapi.utils import get_openapi

from graph_schema.watchdog import QueryScope
from service import errors
from service.access import AccessControl, enforce_access, openapi_security
from service.explorer import router as explorer_router
from service.extraction_pool import ExtractionPool
from service.middleware import (
    AllowedHosts,
    BodySizeLimit,
    CancelQueriesOnDisconnect,
    RequestLog,
    StrictJsonNumbers,
)
from service.routes import (
    apidocs,
    audit,
    curation,
    documents,
    entities,
    export,
    facts,
    health,
    keys,
    paths,
    query,
    relations,
    schema,
    stats,
)
from service.runtime import configure_extraction, open_graph
from service.settings import Settings, get_settings

log = logging.getLogger(__name__)

TAGS = [
    {"name": "health", "description": "Is the service connected to a graph that answers?"},
    {"name": "documents", "description": "Articles in: extraction, loading, provenance."},
    {"name": "entities", "description": "Officials, companies, places and plants."},
    {"name": "relations", "description": "Facts between entities, with their evidence."},
    {"name": "paths", "description": "How two entities are connected."},
    {"name": "facts", "description": "The domain's questions: visits, plants in a place."},
    {"name": "export", "description": "The graph as GraphML, Cytoscape.js elements or CSV."},
    {"name": "query", "description": "Read-only Cypher for power users."},
    {"name": "stats", "description": "What the graph holds, counted."},
    {
        "name": "curation",
        "description": "Duplicate candidates; merge, split, rename, each with audit and undo.",
    },
    {"name": "keys", "description": "API keys and their roles (admin)."},
    {"name": "audit", "description": "Who changed what, when (admin)."},
]


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await anyio.to_thread.run_sync(lambda: configure_extraction(settings))
        runtime = await anyio.to_thread.run_sync(lambda: open_graph(settings))
        app.state.runtime = runtime
        app.state.extraction = ExtractionPool(
            settings.extract_workers, settings.extract_queue, settings.spacy_models()
        )
        log.info("serving graph %s (%s)", runtime.graph.config.uri, runtime.graph.backend)
        try:
            yield
        finally:
            app.state.runtime = None
            app.state.extraction.close()
            await anyio.to_thread.run_sync(runtime.close)

    app = FastAPI(
        title="newsgraph",
        summary="A knowledge graph of officials, companies, places and plants from the news.",
        version="0.1.0",
        openapi_tags=TAGS,
        lifespan=lifespan,
        # /docs and /redoc are served from installed files (service.routes.apidocs), not a CDN.
        docs_url=None,
        redoc_url=None,
        # Every route: authenticate, authorise by the policy of service.access, rate-limit,
        # cap expensive reads. Routes declare nothing themselves.
        dependencies=[Depends(enforce_access)],
    )
    app.state.settings = settings
    app.state.runtime = None
    app.state.extraction = None
    app.state.access = AccessControl(settings)

    def cancel(scope: QueryScope) -> int:
        runtime = app.state.runtime
        return runtime.graph.watchdog.cancel(scope) if runtime else 0

    errors.install(app)
    for router in (
        health.router,
        documents.router,
        schema.router,
        entities.router,
        curation.router,
        relations.router,
        paths.router,
        facts.router,
        export.router,
        query.router,
        stats.router,
        keys.router,
        audit.router,
        apidocs.router,
        explorer_router,
    ):
        app.include_router(router)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                summary=app.summary,
                routes=app.routes,
                tags=app.openapi_tags,
            )
            openapi_security(app, schema, settings)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    # Each add_middleware wraps what was added before, so the last is outermost: the log sees
    # every answer, 413s included. The size cap refuses a too-long Content-Length before the
    # app runs; a chunked body it counts as the disconnect watch's pump reads it (so the pump's
    # queue never holds more than the cap), and past the cap the pump hands BodyTooLarge to the
    # app's next receive, which answers 413 instead of waiting for the rest.
    # StrictJsonNumbers reads a JSON body whole (within the cap) before the app parses it.
    # AllowedHosts refuses a foreign Host header before anything else runs.
    app.add_middleware(StrictJsonNumbers)
    app.add_middleware(CancelQueriesOnDisconnect, cancel=cancel)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(AllowedHosts, names=settings.host_names())
    app.add_middleware(RequestLog)
    return app


def app_factory() -> FastAPI:
    """For `uvicorn --factory service.app:app_factory`."""
    return create_app()
