"""Pieces every router uses: the error responses documented in OpenAPI, each code with its
own example (one shared model would show every code as the same `not_found`). A status that
answers with several codes (409, 503) shows one named example per code."""

from __future__ import annotations

from typing import Any

from service.schemas import ErrorBody


def example(code: str, message: str, **extra: Any) -> dict[str, Any]:
    """One documented answer of `code`, named by it in an OpenAPI `examples` map."""
    return {
        code: {"summary": code, "value": {"error": {"code": code, "message": message, **extra}}}
    }


def _error(description: str, *examples: dict[str, Any]) -> dict[str, Any]:
    named = {name: shown for one in examples for name, shown in one.items()}
    return {
        "model": ErrorBody,
        "description": description,
        "content": {"application/json": {"examples": named}},
    }


def add_example(answer: dict[str, Any], description: str, *examples: dict[str, Any]) -> None:
    """Add codes to a documented status (service.access adds 401, 403, 429 and busy this way)."""
    content = answer.setdefault("content", {}).setdefault("application/json", {})
    content.setdefault("schema", {"$ref": "#/components/schemas/ErrorBody"})
    # A new map: FastAPI's OpenAPI may share one route's example map with another's.
    content["examples"] = {**content.get("examples", {})}
    for one in examples:
        content["examples"].update(one)
    if "description" not in answer:
        answer["description"] = description
    elif description not in answer["description"]:
        answer["description"] += f"; or {description}"


_CANDIDATES = [
    {
        "id": "plant:chery@karshi",
        "name": "Chery assembly plant in Karshi",
        "type": "Plant",
        "mentions": 8,
    },
    {
        "id": "plant:jizzakh-auto-invest@jizzakh",
        "name": "Jizzakh Auto Invest and Yutong electric bus plant in Jizzakh",
        "type": "Plant",
        "mentions": 5,
    },
]

_GRAPH_DOWN = example(
    "graph_unavailable", "the graph at bolt://127.0.0.1:7687 does not answer: connection refused"
)

ERRORS: dict[int | str, dict[str, Any]] = {
    400: _error("invalid input", example("invalid_input", "source and target are the same entity")),
    403: _error(
        "the statement would write to the graph",
        example("forbidden_query", "CREATE is not allowed: this endpoint only reads the graph"),
    ),
    404: _error(
        "unknown id, or a name that no entity has",
        example(
            "not_found",
            "visitor: no entity has the id, name or alias 'Azimovv'; "
            "look it up with GET /entities?q=Azimovv",
        ),
    ),
    409: _error(
        "a name that fits several entities equally well; `details` lists them",
        example(
            "ambiguous_entity",
            "host: 'plant' fits 9 entities equally well; pass the id of the one you mean "
            "(candidates in details)",
            details=_CANDIDATES,
        ),
    ),
    422: _error(
        "invalid parameters",
        example(
            "invalid_parameters",
            "limit: Input should be less than or equal to 200",
            details=[
                {"loc": ["query", "limit"], "msg": "Input should be less than or equal to 200"}
            ],
        ),
    ),
    502: _error(
        "the page or feed to fetch did not answer in time, or failed on its side",
        example(
            "source_unavailable",
            "https://example.org/news/chery-karshi-plant did not answer within 10 s",
        ),
    ),
    503: _error("the graph does not answer", _GRAPH_DOWN),
    504: _error(
        "the query ran past its time budget",
        example("query_timeout", "the query ran past its time budget of 15 s and was stopped"),
    ),
}

# Codes some routes add to a status: (status, when, example).
Extra = tuple[int, str, dict[str, Any]]
STORAGE_FULL: Extra = (
    503,
    "its disk is full",
    example(
        "storage_full",
        "the graph cannot write: its disk is full; free space on the graph server's disk "
        "(reads still work)",
    ),
)
UNPROCESSABLE_TEXT: Extra = (
    422,
    "a text the extractor cannot read",
    example(
        "unprocessable_text",
        "cannot extract from this text: its language is french, supported are de, en, ru",
    ),
)
UNUSABLE_SOURCE: Extra = (
    422,
    "a page that cannot be used",
    example(
        "unusable_source",
        "https://example.org/news/chery-karshi-plant answered 404 Not Found",
    ),
)
NAME_TAKEN = _error(
    "the name is taken",
    example("conflict", "a key named 'ci' exists; revoke it or choose another name"),
)


def errors(
    *codes: int, not_found: str | None = None, also: tuple[Extra, ...] = ()
) -> dict[int | str, dict[str, Any]]:
    """The documented errors of a route; `not_found` gives its own 404 message (a document's
    or a relation's id rather than an entity's), `also` adds codes to a status (a write's full
    disk, an article's unreadable text)."""
    chosen: dict[int | str, dict[str, Any]] = {code: ERRORS[code] for code in codes}
    if not_found is not None and 404 in chosen:
        chosen[404] = _error("unknown id", example("not_found", not_found))
    for status, when, shown in also:
        base = chosen[status]
        examples = base["content"]["application/json"]["examples"]
        chosen[status] = _error(f"{base['description']}; or {when}", examples, shown)
    return chosen


CURATION_CONFLICT = _error(
    "a change that cannot be made as asked: an id merged away, a change undone already, or "
    "entities changed since the change to undo",
    example(
        "conflict",
        "change 'chg-20241203T091500-3f2a9c0d' was undone at 2024-12-03T09:20:00.000Z by analyst-1",
    ),
)
