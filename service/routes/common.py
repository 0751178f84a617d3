"""Pieces every router uses: the error responses documented in OpenAPI."""

from __future__ import annotations

from typing import Any

from service.schemas import ErrorBody

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "invalid input"},
    403: {"model": ErrorBody, "description": "the statement would write to the graph"},
    404: {"model": ErrorBody, "description": "unknown id"},
    409: {"model": ErrorBody, "description": "the name is taken"},
    422: {"model": ErrorBody, "description": "invalid parameters"},
    503: {
        "model": ErrorBody,
        "description": "the graph does not answer, its disk is full, or the service is busy",
    },
    504: {"model": ErrorBody, "description": "the query ran past its time budget"},
}


def errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {code: ERRORS[code] for code in codes}
