"""The audit of every change, read back over HTTP: who (the key's name, "cli" for the command
line), when, what (document ids, key names), the outcome; paged like every list; admin only."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from graph_schema.graph import Graph
from tests.conftest import Backend, Service, make_key
from tests.service.test_cli import kg
from tests.service.world import error, ok, visit_again, visit_and_plan


@pytest.fixture(scope="module")
def admin(service: Service, backend: Backend, graph: Graph) -> httpx.Client:
    return service.client(key=make_key(backend.config, "admin"))


def events(admin: httpx.Client, **params: Any) -> list[dict[str, Any]]:
    return ok(admin.get("/audit", params={"limit": 50, **params}))["items"]


def test_writes_are_audited_with_who_what_and_how_it_ended(
    service: Service, backend: Backend, admin: httpx.Client, empty_graph: Graph
) -> None:
    name = f"auditor-{time.monotonic_ns()}"
    key = make_key(backend.config, "writer", name)
    with service.client(key=key) as writer:
        created = writer.post("/documents/extracted", json=visit_and_plan())
        assert created.status_code == 201
        doc_id = created.json()["id"]
        assert writer.post("/documents/extracted", json=visit_and_plan()).status_code == 200
        assert writer.delete(f"/documents/{doc_id}").status_code == 200
        assert writer.delete(f"/documents/{doc_id}").status_code == 404
    mine = events(admin, actor=name)
    assert [(e["action"], e["outcome"], e["status"]) for e in mine] == [
        ("document.delete", "failed", 404),
        ("document.delete", "ok", 200),
        ("document.create_extracted", "unchanged", 200),
        ("document.create_extracted", "ok", 201),
    ]
    assert all(e["targets"] == [doc_id] and e["role"] == "writer" for e in mine)
    assert "no document" in mine[0]["message"]
    assert mine[-1]["at"] <= mine[0]["at"] and mine[0]["at"].endswith("Z")
    assert [e["id"] for e in events(admin, target=doc_id)] == [e["id"] for e in mine]


def test_post_documents_is_audited_with_the_new_id(
    service: Service, admin: httpx.Client, empty_graph: Graph
) -> None:
    doc = visit_again()
    with service.client() as writer:
        created = writer.post("/documents", json={"text": doc["text"], "lang": "de"})
    assert created.status_code == 201, created.text
    found = events(admin, target=created.json()["id"], action="document.create")
    assert [(e["actor"], e["outcome"]) for e in found] == [
        (service_key_name(service), "ok"),
    ]


def service_key_name(service: Service) -> str:
    return service.key_name


def test_the_audit_pages_like_every_list(admin: httpx.Client, service: Service) -> None:
    with service.client() as writer:
        for _ in range(3):
            writer.delete("/documents/no-such-document")
    first = ok(admin.get("/audit", params={"limit": 2, "action": "document.delete"}))
    assert len(first["items"]) == 2 and first["next_cursor"]
    second = ok(
        admin.get(
            "/audit",
            params={"limit": 2, "action": "document.delete", "cursor": first["next_cursor"]},
        )
    )
    assert {e["id"] for e in first["items"]}.isdisjoint(e["id"] for e in second["items"])
    error(admin.get("/audit", params={"cursor": "nonsense"}), 400, "invalid_input")
    error(admin.get("/audit", params={"action": "explode"}), 422, "invalid_parameters")


def test_kg_ingest_and_key_changes_are_audited_as_the_cli(
    backend: Backend, graph: Graph, admin: httpx.Client, tmp_path: Path
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        "---\nlang: en\ntitle: Audit probe\n---\nGovernor Aziz Testov visited Steppe Motors.\n",
        encoding="utf-8",
    )
    ingested = kg("ingest", str(article), env=backend.env, timeout=300)
    assert ingested.returncode == 0, ingested.stderr
    name = f"cli-audited-{time.monotonic_ns()}"
    assert kg("keys", "create", "--role", "reader", "--name", name, env=backend.env).returncode == 0
    assert kg("keys", "revoke", name, env=backend.env).returncode == 0
    cli = events(admin, actor="cli")
    ingest = next(e for e in cli if e["action"] == "ingest")
    assert ingest["outcome"] in ("ok", "unchanged") and "documents" in ingest["message"]
    assert [e["action"] for e in cli if e["targets"] == [name]] == ["key.revoke", "key.create"]


def test_key_changes_over_http_are_audited(admin: httpx.Client) -> None:
    name = f"http-audited-{time.monotonic_ns()}"
    assert admin.post("/keys", json={"role": "reader", "name": name}).status_code == 201
    assert admin.delete(f"/keys/{name}").status_code == 200
    found = [(e["action"], e["outcome"]) for e in events(admin, target=name)]
    assert found == [("key.revoke", "ok"), ("key.create", "ok")]
