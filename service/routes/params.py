"""Query parameters shared by several routes, validated the same way everywhere.

- `from` / `to`: ISO dates (YYYY-MM-DD), inclusive.
- `rel_types` / `node_types`: a comma list (`rel_types=VISITED,PLANS`), or the parameter
  repeated (`rel_types=VISITED&rel_types=PLANS`), or both.
A bad value is a 422 `invalid_parameters` naming the parameter, like any other validation error.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from fastapi import Depends, Query
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.models import Example
from pydantic import BeforeValidator, WithJsonSchema

from graph_schema.statements.counts import COUNTED_LABELS
from graph_schema.vocabulary import DOCUMENT_LABEL, RelationType
from service.repository.filters import TraversalFilter

NODE_TYPES = tuple(label for label in COUNTED_LABELS if label != DOCUMENT_LABEL)


def invalid(name: str, message: str) -> RequestValidationError:
    return RequestValidationError([{"loc": ("query", name), "msg": message, "type": "value_error"}])


ENTITY_REF = (
    "an entity id, or a name or alias as GET /entities?q= finds it (any case, accent or "
    "script); a unique best match is used and `resolved` in the answer says which entity it "
    "is, several equally good ones answer 409 with the candidates"
)


def examples(**values: tuple[str, Any]) -> dict[str, Example]:
    """openapi_examples (which Swagger UI's "Try it out" fills in, unlike a schema's examples)
    from name=(summary, value); the first is the one filled in."""
    return {
        name: Example(summary=summary, value=value) for name, (summary, value) in values.items()
    }


def entity_query(what: str, name: str, entity_id: str | None = None, **kwargs: Any) -> Any:
    """A query parameter naming an entity, with a name (and an id) that answer on the demo
    graph of `make run` as examples."""
    shown = {"name": (f"by name: {name}", name)}
    if entity_id is not None:
        shown["id"] = (f"by id: {entity_id}", entity_id)
    return Query(description=f"{what}: {ENTITY_REF}", openapi_examples=examples(**shown), **kwargs)


def split_list(values: list[str] | None, allowed: tuple[str, ...], name: str) -> list[str] | None:
    if not values:
        return None
    items = [v.strip() for value in values for v in value.split(",") if v.strip()]
    unknown = [v for v in items if v not in allowed]
    if unknown:
        raise invalid(name, f"unknown value(s) {', '.join(unknown)}; allowed: {', '.join(allowed)}")
    return sorted(set(items)) or None


REL_TYPES = tuple(t.value for t in RelationType)


def _one_of(allowed: tuple[str, ...]) -> Any:
    """A str validated by split_list, documented with its allowed values (one per item; the
    comma form `VISITED,PLANS` is accepted too, as the description says)."""
    return Annotated[str, WithJsonSchema({"type": "string", "enum": list(allowed)})]


RelTypesQuery = Annotated[  # type: ignore[valid-type]  # a schema built at import
    list[_one_of(REL_TYPES)] | None,  # type: ignore[misc]
    Query(
        description="relation types, comma separated or repeated: " + ", ".join(REL_TYPES),
        openapi_examples=examples(
            chain=("visits, plans and where plants are", ["VISITED,PLANS,LOCATED_IN"])
        ),
    ),
]
NodeTypesQuery = Annotated[  # type: ignore[valid-type]  # a schema built at import
    list[_one_of(NODE_TYPES)] | None,  # type: ignore[misc]
    Query(
        description="node labels, comma separated or repeated: " + ", ".join(NODE_TYPES),
        openapi_examples=examples(companies=("companies and plants", ["Organization,Plant"])),
    ),
]


def _iso_only(value: Any) -> Any:
    """Only YYYY-MM-DD: pydantic would read `0` as a Unix time (1970-01-01)."""
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD, e.g. 2024-06-28)")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_only)]


def rel_types(rel_types: RelTypesQuery = None) -> list[RelationType] | None:  # type: ignore[valid-type]
    found = split_list(rel_types, REL_TYPES, "rel_types")
    return [RelationType(t) for t in found] if found else None


class DateRange:
    """`from` and `to` as ISO strings (how the graph stores dates), checked to be in order."""

    def __init__(
        self,
        date_from: Annotated[
            IsoDate | None,
            Query(
                alias="from",
                description="ISO date, inclusive",
                openapi_examples=examples(year=("from the start of 2024", "2024-01-01")),
            ),
        ] = None,
        date_to: Annotated[
            IsoDate | None,
            Query(
                alias="to",
                description="ISO date, inclusive",
                openapi_examples=examples(year=("to the end of 2024", "2024-12-31")),
            ),
        ] = None,
    ) -> None:
        if date_from and date_to and date_from > date_to:
            raise invalid("from", f"from ({date_from}) is after to ({date_to})")
        self.start = date_from.isoformat() if date_from else None
        self.end = date_to.isoformat() if date_to else None


def traversal_filter(
    dates: Annotated[DateRange, Depends()],
    relation_types: Annotated[list[RelationType] | None, Depends(rel_types)],
    node_types: NodeTypesQuery = None,  # type: ignore[valid-type]
    min_confidence: Annotated[
        float, Query(ge=0, le=1, description="lowest relation confidence")
    ] = 0.0,
) -> TraversalFilter:
    return TraversalFilter(
        rel_types=[t.value for t in relation_types] if relation_types else None,
        node_types=split_list(node_types, NODE_TYPES, "node_types"),
        date_from=dates.start,
        date_to=dates.end,
        min_confidence=min_confidence,
    )


DateRangeDep = Annotated[DateRange, Depends()]
RelTypesDep = Annotated[list[RelationType] | None, Depends(rel_types)]
FilterDep = Annotated[TraversalFilter, Depends(traversal_filter)]
Limit = Annotated[int, Query(ge=1, le=200, description="items per page")]
Cursor = Annotated[str | None, Query(description="next_cursor of the previous page")]
