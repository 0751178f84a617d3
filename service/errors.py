"""One error shape for every failure: {"error": {"code", "message", "details"?}}.

The project's exceptions map to statuses here and only here; anything unexpected becomes a 500
with a message, never a traceback in the answer (the server logs the traceback, once).
"""

from __future__ import annotations

import logging
from collections.abc import MutableMapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph_schema.errors import (
    AmbiguousError,
    ConflictError,
    ExtractionError,
    ForbiddenQueryError,
    GraphUnavailableError,
    InvalidInputError,
    NewsgraphError,
    NotFoundError,
    QueryCancelledError,
    QueryTimeoutError,
    SchemaError,
    SourceError,
    SourceUnavailableError,
    StorageFullError,
)

log = logging.getLogger(__name__)


class HttpError(NewsgraphError):
    """A refusal the service makes itself, with the headers its status calls for."""

    def __init__(self, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.headers = headers or {}


class UnauthorizedError(HttpError):
    """No key, or one the service does not know."""

    def __init__(self, message: str) -> None:
        super().__init__(message, {"WWW-Authenticate": 'Bearer realm="newsgraph"'})


class ForbiddenError(HttpError):
    """A key whose role may not do this."""


class RateLimitedError(HttpError):
    """Too many requests of one kind from one key (or one address without a key)."""

    def __init__(self, message: str, retry_after_s: int) -> None:
        super().__init__(message, {"Retry-After": str(retry_after_s)})


class BusyError(HttpError):
    """Every slot for this kind of expensive request is taken."""

    def __init__(self, message: str, retry_after_s: int) -> None:
        super().__init__(message, {"Retry-After": str(retry_after_s)})


class InvalidHostError(HttpError):
    """A Host header the service does not answer to (DNS rebinding)."""


# Most specific first: the first matching class decides.
STATUS_OF: list[tuple[type[NewsgraphError], int, str]] = [
    (UnauthorizedError, 401, "unauthorized"),
    (ForbiddenError, 403, "forbidden"),
    (RateLimitedError, 429, "rate_limited"),
    (BusyError, 503, "busy"),
    (InvalidHostError, 400, "invalid_host"),
    (ConflictError, 409, "conflict"),
    (NotFoundError, 404, "not_found"),
    (AmbiguousError, 409, "ambiguous_entity"),
    (ExtractionError, 422, "unprocessable_text"),
    (SourceError, 422, "unusable_source"),
    (SourceUnavailableError, 502, "source_unavailable"),
    (InvalidInputError, 400, "invalid_input"),
    (ForbiddenQueryError, 403, "forbidden_query"),
    (QueryTimeoutError, 504, "query_timeout"),
    # The client hung up, so nobody reads this answer; 499 as nginx logs such a request.
    (QueryCancelledError, 499, "client_closed_request"),
    (StorageFullError, 503, "storage_full"),
    (GraphUnavailableError, 503, "graph_unavailable"),
    (SchemaError, 503, "schema_mismatch"),
    (NewsgraphError, 500, "internal_error"),
]

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
}


def error_response(
    status: int,
    code: str,
    message: str,
    details: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {"code": code, "message": message}
    if details:
        body["details"] = details
    return JSONResponse({"error": body}, status_code=status, headers=headers)


def status_of(exc: BaseException) -> tuple[int, str]:
    """The status and code a failure is answered with."""
    if isinstance(exc, NewsgraphError):
        return next((s, c) for cls, s, c in STATUS_OF if isinstance(exc, cls))
    if isinstance(exc, StarletteHTTPException):
        return exc.status_code, _HTTP_CODES.get(exc.status_code, "http_error")
    if isinstance(exc, RequestValidationError):
        return 422, "invalid_parameters"
    return 500, "internal_error"


def allowed_methods(app: Any, scope: MutableMapping[str, Any]) -> list[str]:
    """Every method some route answers on this path (Starlette names only the first route's)."""
    from fastapi.routing import iter_route_contexts
    from starlette.routing import compile_path

    methods: set[str] = set()
    for context in iter_route_contexts(app.routes):
        if context.path and context.methods and compile_path(context.path)[0].match(scope["path"]):
            methods |= set(context.methods)
    return sorted(methods)


def _validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    return [
        {"loc": [str(p) for p in e.get("loc", ())], "msg": e.get("msg", "")} for e in exc.errors()
    ]


def _validation_message(details: list[dict[str, Any]]) -> str:
    first = details[0] if details else {"loc": [], "msg": "invalid request"}
    where = ".".join(p for p in first["loc"] if p not in ("body", "query", "path")) or "request"
    return f"{where}: {first['msg']}"


def install(app: FastAPI) -> None:
    @app.exception_handler(NewsgraphError)
    async def _project_error(request: Request, exc: NewsgraphError) -> JSONResponse:
        status, code = status_of(exc)
        if isinstance(exc, QueryCancelledError):
            log.info("%s %s: %s", request.method, request.url.path, exc)
        elif status >= 500 and not isinstance(exc, BusyError):
            log.error("%s %s: %s", request.method, request.url.path, exc)
        details = exc.candidates if isinstance(exc, AmbiguousError) else None
        headers = getattr(exc, "headers", None)
        return error_response(status, code, str(exc), details, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = _validation_details(exc)
        return error_response(422, "invalid_parameters", _validation_message(details), details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such endpoint: {request.method} {request.url.path}"
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            allowed = allowed_methods(request.app, request.scope)
            headers["Allow"] = ", ".join(allowed) or headers.get("Allow", "")
            message = f"{request.method} is not allowed here; allowed: {headers['Allow']}"
        return error_response(exc.status_code, code, message, headers=headers or None)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        # Not logged here: Starlette re-raises the exception after this answer is sent, and
        # the server (uvicorn) logs it with its traceback; RequestLog names the request.
        return error_response(
            500, "internal_error", "the service failed unexpectedly; the error is in its log"
        )
