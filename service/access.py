"""Who may call what: one policy for every route, enforced by one app-wide dependency.

The role a route needs follows from its method and path (`required_role`), so a new route is
covered the day it is added: a GET reads (reader), `POST /query` reads too, `/keys` and
`/audit` are the admin's, and every other method writes (writer). Reads are open unless
`KG_READS_NEED_KEY=true`; /health, the explorer page and the API documentation always are.
The same dependency spends the caller's rate allowance (writes, `POST /query`) and holds a
slot of the expensive-read cap while the handler runs. The OpenAPI security of each operation
is written from the same policy (`openapi_security`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import anyio
from fastapi import FastAPI, Request
from fastapi.routing import APIRoute, iter_route_contexts

from graph_schema.errors import GraphUnavailableError
from service.auth import Caller, KeyCache, Role, hash_key, presented_key
from service.errors import ForbiddenError, UnauthorizedError
from service.limits import ConcurrencyCap, RateLimiter
from service.routes.common import add_example, example
from service.settings import Settings

OPEN_PATHS = ("/health",)
OPEN_PREFIXES = ("/explore", "/docs", "/redoc", "/openapi")
ADMIN_PREFIXES = ("/keys", "/audit")
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# POSTs that only read: their body is a question, not a change.
READ_POSTS = frozenset({"/query"})

BEARER = "bearerKey"
HEADER = "apiKeyHeader"


def route_table(app: FastAPI) -> list[tuple[str, str, APIRoute]]:
    """(method, path template, route) of every API route the app serves, included routers too."""
    table: list[tuple[str, str, APIRoute]] = []
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if isinstance(route, APIRoute) and context.path:
            table.extend((method, context.path, route) for method in sorted(context.methods or ()))
    return table


def required_role(method: str, path: str) -> Role | None:
    """The least role that may call `method path` (a route's path template); None: anyone."""
    if path in OPEN_PATHS or path.startswith(OPEN_PREFIXES):
        return None
    if path.startswith(ADMIN_PREFIXES):
        return Role.ADMIN
    if method.upper() in READ_METHODS or path in READ_POSTS:
        return Role.READER
    return Role.WRITER


def rate_kind(method: str, path: str, role: Role | None) -> str | None:
    """Which rate limit a call spends: "writes", "queries" (POST /query), or none."""
    if path in READ_POSTS and method.upper() == "POST":
        return "queries"
    if role in (Role.WRITER, Role.ADMIN) and method.upper() not in READ_METHODS:
        return "writes"
    return None


def needs_key(role: Role | None, settings: Settings) -> bool:
    return role is not None and (role is not Role.READER or settings.reads_need_key)


def is_expensive(path: str, query: dict[str, str]) -> bool:
    """Reads whose cost grows with the graph: paths, exports, neighbourhoods three levels out."""
    if path in ("/paths", "/export"):
        return True
    return path.endswith("/neighbors") and query.get("depth", "").strip() == "3"


class AccessControl:
    """The process's key cache, rate limiters and expensive-read cap."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._paths: dict[int, str] | None = None
        self.keys = KeyCache(settings.key_cache_s)
        self.writes = RateLimiter("writes", settings.writes_per_minute)
        self.queries = RateLimiter("queries", settings.queries_per_minute)
        self.expensive = ConcurrencyCap(
            "expensive reads (paths, exports, depth-3 neighbourhoods)",
            settings.expensive_reads_max,
            settings.expensive_reads_wait_s,
        )

    async def caller(self, request: Request) -> Caller | None:
        key = presented_key(request.headers.get("authorization"), request.headers.get("x-api-key"))
        if key is None:
            return None
        if not key:
            raise UnauthorizedError(
                "the Authorization header must be 'Bearer KEY' (or send X-API-Key: KEY)"
            )
        key_hash = hash_key(key)
        known, caller = self.keys.get(key_hash)
        if not known:
            runtime = getattr(request.app.state, "runtime", None)
            if runtime is None:
                raise GraphUnavailableError("the service is not connected to a graph")
            from service.repository.access import find_caller

            caller = await anyio.to_thread.run_sync(find_caller, runtime.graph, key)
            self.keys.put(key_hash, caller)
        if caller is None:
            raise UnauthorizedError("the API key is not known (revoked, or mistyped)")
        return caller

    def route_path(self, app: FastAPI, route: object, fallback: str) -> str:
        """The path template a route is served at (routers may be included under a prefix)."""
        if self._paths is None:
            self._paths = {id(r): path for _, path, r in route_table(app)}
        return self._paths.get(id(route), fallback)

    def rate_limiter(self, method: str, path: str, role: Role | None) -> RateLimiter | None:
        kind = rate_kind(method, path, role)
        return {"writes": self.writes, "queries": self.queries}.get(kind or "")


def _client(request: Request) -> str:
    return f"address {request.client.host}" if request.client else "an unknown address"


async def enforce_access(request: Request) -> AsyncIterator[None]:
    """The app-wide dependency: authenticate, authorise, rate-limit, cap; then the handler."""
    control: AccessControl = request.app.state.access
    path = control.route_path(request.app, request.scope.get("route"), request.url.path)
    role = required_role(request.method, path)
    caller = await control.caller(request)
    request.state.caller = caller
    if needs_key(role, control.settings):
        assert role is not None
        if caller is None:
            raise UnauthorizedError(
                f"{request.method} {path} needs {article(role)} {role.value} key: send "
                "'Authorization: Bearer KEY' or 'X-API-Key: KEY' (kg keys create)"
            )
        if not caller.role.includes(role):
            raise ForbiddenError(
                f"the key {caller.name!r} is {article(caller.role)} {caller.role.value} key; "
                f"{request.method} {path} needs {article(role)} {role.value} key"
            )
    limiter = control.rate_limiter(request.method, path, role)
    if limiter is not None:
        limiter.take(f"key {caller.name!r}" if caller else _client(request))
    if is_expensive(path, dict(request.query_params)):
        async with control.expensive.hold():
            yield
    else:
        yield


def article(role: Role) -> str:
    """'a' or 'an' before a role's name, so messages read "an admin key"."""
    return "an" if role.value[:1] in "aeiou" else "a"


# -- OpenAPI --------------------------------------------------------------------------------


def _retry_after() -> dict[str, Any]:
    return {"Retry-After": {"description": "seconds to wait", "schema": {"type": "integer"}}}


def openapi_security(app: FastAPI, schema: dict[str, Any], settings: Settings) -> None:
    """Declare the key schemes and, per operation, whether a key is needed and which answers
    the policy adds (401, 403, 429, 503 busy)."""
    components = schema.setdefault("components", {})
    components.setdefault("securitySchemes", {}).update(
        {
            BEARER: {"type": "http", "scheme": "bearer", "description": "kg keys create"},
            HEADER: {"type": "apiKey", "in": "header", "name": "X-API-Key"},
        }
    )
    for method, path, _ in route_table(app):
        operation = schema.get("paths", {}).get(path, {}).get(method.lower())
        role = required_role(method, path)
        if operation is None or role is None:
            continue
        _document_operation(operation, method, path, role, settings)


def _document_operation(
    operation: dict[str, Any], method: str, path: str, role: Role, settings: Settings
) -> None:
    schemes: list[dict[str, list[str]]] = [{BEARER: []}, {HEADER: []}]
    required = needs_key(role, settings)
    # `{}` says the operation may also be called without a key.
    operation["security"] = schemes if required else [{}, *schemes]
    operation["x-required-role"] = role.value
    answers = operation.setdefault("responses", {})
    # Each code with an example of its own, worded as the policy words it.
    unauthorized = (
        f"{method} {path} needs {article(role)} {role.value} key: send "
        "'Authorization: Bearer KEY' or 'X-API-Key: KEY' (kg keys create)"
        if required
        else "the API key is not known (revoked, or mistyped)"
    )
    add_example(
        answers.setdefault("401", {}),
        "no key, or an unknown one",
        example("unauthorized", unauthorized),
    )
    weaker = {Role.WRITER: Role.READER, Role.ADMIN: Role.WRITER}.get(role)
    if required and weaker is not None:  # every key may read: a reader route forbids none
        add_example(
            answers.setdefault("403", {}),
            "the key's role may not do this",
            example(
                "forbidden",
                f"the key 'analyst-1' is {article(weaker)} {weaker.value} key; "
                f"{method} {path} needs {article(role)} {role.value} key",
            ),
        )
    if (kind := rate_kind(method, path, role)) is not None:
        limited = answers.setdefault("429", {})
        add_example(
            limited,
            "over the key's rate limit",
            example("rate_limited", f"more than 60 {kind} a minute from key 'ci'; retry in 2 s"),
        )
        limited["headers"] = _retry_after()
    if path in ("/paths", "/export") or path.endswith("/neighbors"):
        busy = answers.setdefault("503", {})
        add_example(
            busy,
            "every slot for expensive reads is taken (Retry-After)",
            example(
                "busy",
                "2 expensive reads are running, the most this service runs at once; "
                "retry in a few seconds",
            ),
        )
        busy["headers"] = _retry_after()
