"""GET /schema/document.json: the document format as JSON Schema, over HTTP."""

from __future__ import annotations

import json

import httpx

from loaders.models import document_json_schema
from tests.conftest import ROOT


def test_the_schema_is_served(client: httpx.Client) -> None:
    answer = client.get("/schema/document.json")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/schema+json")
    assert answer.json() == document_json_schema()
    on_disk = json.loads((ROOT / "docs" / "document.schema.json").read_text(encoding="utf-8"))
    assert answer.json() == on_disk
    assert set(answer.json()["properties"]) >= {"text", "lang", "entities", "relations"}
