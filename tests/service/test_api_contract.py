"""The API's consistency: every operation tagged, summarised and exemplified in OpenAPI; one
error shape for unknown endpoints and methods."""

from __future__ import annotations

from typing import Any

import httpx

from service.app import create_app
from service.settings import Settings
from tests.service.world import error


def _has_example(node: Any, schemas: dict[str, Any], seen: set[str]) -> bool:
    if isinstance(node, dict):
        if "example" in node or "examples" in node:
            return True
        ref = node.get("$ref")
        if isinstance(ref, str) and ref not in seen:
            seen.add(ref)
            return _has_example(schemas[ref.rsplit("/", 1)[1]], schemas, seen)
        return any(_has_example(v, schemas, seen) for v in node.values())
    if isinstance(node, list):
        return any(_has_example(v, schemas, seen) for v in node)
    return False


def _answers_json(op: dict[str, Any]) -> bool:
    return any(
        "application/json" in (answer.get("content") or {})
        for status, answer in op["responses"].items()
        if status.startswith("2")
    )


def test_every_operation_has_tags_a_summary_and_examples() -> None:
    spec = create_app(Settings()).openapi()
    schemas = spec["components"]["schemas"]
    for path, operations in spec["paths"].items():
        for method, op in operations.items():
            where = f"{method.upper()} {path}"
            assert op.get("tags"), where
            assert op.get("summary"), where
            if _answers_json(op):  # pages such as /explore answer HTML
                assert _has_example(op, schemas, set()), f"{where} shows no example"


def test_unknown_endpoints_and_methods_use_the_error_shape(client: httpx.Client) -> None:
    error(client.get("/nothing-here"), 404, "not_found")
    error(client.put("/stats"), 405, "method_not_allowed")
