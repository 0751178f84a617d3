"""One error shape for every failure: {"error": {"code", "message", "details"?}}.

The project's exceptions map to statuses here and only here; anything unexpected becomes a 500
with a message, never a traceback in the answer (the server logs the traceback, once).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph_schema.errors import (
    ExtractionError,
    ForbiddenQueryError,
    GraphUnavailableError,
    InvalidInputError,
    NewsgraphError,
    NotFoundError,
    QueryCancelledError,
    QueryTimeoutError,
    SchemaError,
)

log = logging.getLogger(__name__)

# Most specific first: the first matching class decides.
STATUS_OF: list[tuple[type[NewsgraphError], int, str]] = [
    (NotFoundError, 404, "not_found"),
    (ExtractionError, 422, "unprocessable_text"),
    (InvalidInputError, 400, "invalid_input"),
    (ForbiddenQueryError, 403, "forbidden_query"),
    (QueryTimeoutError, 504, "query_timeout"),
    # The client hung up, so nobody reads this answer; 499 as nginx logs such a request.
    (QueryCancelledError, 499, "client_closed_request"),
    (GraphUnavailableError, 503, "graph_unavailable"),
    (SchemaError, 503, "schema_mismatch"),
    (NewsgraphError, 500, "internal_error"),
]

_HTTP_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
}


def error_response(
    status: int, code: str, message: str, details: list[dict[str, Any]] | None = None
) -> JSONResponse:
    body: dict[str, Any] = {"code": code, "message": message}
    if details:
        body["details"] = details
    return JSONResponse({"error": body}, status_code=status)


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
        status, code = next((s, c) for cls, s, c in STATUS_OF if isinstance(exc, cls))
        if isinstance(exc, QueryCancelledError):
            log.info("%s %s: %s", request.method, request.url.path, exc)
        elif status >= 500:
            log.error("%s %s: %s", request.method, request.url.path, exc)
        return error_response(status, code, str(exc))

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
        return error_response(exc.status_code, code, message)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        # Not logged here: Starlette re-raises the exception after this answer is sent, and
        # the server (uvicorn) logs it with its traceback; RequestLog names the request.
        return error_response(
            500, "internal_error", "the service failed unexpectedly; the error is in its log"
        )
