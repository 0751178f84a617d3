"""Keys and roles over real HTTP: every write route refuses the anonymous (401) and the reader
(403), enumerated from the app itself so a new write route cannot be forgotten; keys of each
role do what their role allows; reads close with KG_READS_NEED_KEY; keys made, listed and
revoked with `kg keys`; the OpenAPI declares the security of each operation."""

from __future__ import annotations

import os
import re
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from graph_schema.graph import Graph
from service.access import READ_METHODS, READ_POSTS, route_table
from service.app import create_app
from service.settings import Settings
from tests.conftest import Backend, Service, make_key, start_service, stop_service
from tests.service.test_cli import kg
from tests.service.world import error, ok, visit_and_plan

ROUTES = route_table(create_app(Settings()))
WRITES = sorted(
    (method, path)
    for method, path, _ in ROUTES
    if method not in READ_METHODS and path not in READ_POSTS
)


def concrete(path: str) -> str:
    """A path template with every {param} filled in."""
    return re.sub(r"\{[^}]+\}", "no-such-id", path)


@pytest.fixture(scope="module")
def keys(backend: Backend, graph: Graph) -> dict[str, str]:
    return {role: make_key(backend.config, role) for role in ("reader", "writer", "admin")}


def call(client: httpx.Client, method: str, path: str, key: str | None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return client.request(method, concrete(path), json={}, headers=headers)


def test_the_app_has_write_routes_to_check() -> None:
    # The documents' and the keys' at least; curation routes join this list when they land.
    assert ("POST", "/documents") in WRITES and ("DELETE", "/documents/{doc_id}") in WRITES
    assert ("POST", "/keys") in WRITES and ("DELETE", "/keys/{name}") in WRITES


@pytest.mark.parametrize(("method", "path"), WRITES)
def test_every_write_route_refuses_the_anonymous_and_the_reader(
    service: Service, keys: dict[str, str], method: str, path: str
) -> None:
    with service.client(key=None) as client:
        message = error(call(client, method, path, None), 401, "unauthorized")
        assert "Authorization: Bearer KEY" in message
        answer = call(client, method, path, None)
        assert answer.headers["WWW-Authenticate"].startswith("Bearer")
        error(call(client, method, path, keys["reader"]), 403, "forbidden")


@pytest.mark.parametrize(("method", "path"), [w for w in WRITES if w[1].startswith("/keys")])
def test_key_routes_refuse_the_writer(
    service: Service, keys: dict[str, str], method: str, path: str
) -> None:
    with service.client(key=None) as client:
        error(call(client, method, path, keys["writer"]), 403, "forbidden")


def test_each_role_does_what_it_may(service: Service, keys: dict[str, str]) -> None:
    doc = visit_and_plan()
    with service.client(key=keys["writer"]) as writer:
        created = writer.post("/documents/extracted", json=doc)
        assert created.status_code in (200, 201), created.text
        doc_id = created.json()["id"]
        refused = error(writer.get("/audit"), 403, "forbidden")
        assert "is a writer key; GET /audit needs an admin key" in refused
    with service.client(key=keys["reader"]) as reader:
        assert ok(reader.get(f"/documents/{doc_id}"))["id"] == doc_id
        assert ok(reader.post("/query", json={"cypher": "RETURN 1 AS one"}))["rows"] == [[1]]
        error(reader.delete(f"/documents/{doc_id}"), 403, "forbidden")
    with service.client(key=keys["admin"]) as admin:
        assert ok(admin.get("/audit", params={"target": doc_id}))["items"]
        # admin includes writer: it may delete too
        assert ok(admin.delete(f"/documents/{doc_id}"))["id"] == doc_id


def test_reads_are_open_by_default_and_a_bad_key_is_refused_anyway(service: Service) -> None:
    with service.client(key=None) as anonymous:
        assert anonymous.get("/entities", params={"q": "Testov"}).status_code == 200
        assert anonymous.post("/query", json={"cypher": "RETURN 1 AS one"}).status_code == 200
        bad = anonymous.get("/stats", headers={"Authorization": "Bearer kg_not-a-key"})
        error(bad, 401, "unauthorized")
        error(
            anonymous.get("/stats", headers={"Authorization": "Basic dXNlcjpwdw=="}),
            401,
            "unauthorized",
        )
        error(anonymous.get("/stats", headers={"X-API-Key": "kg_wrong"}), 401, "unauthorized")


def test_x_api_key_works_like_bearer(service: Service, keys: dict[str, str]) -> None:
    with service.client(key=None, headers={"X-API-Key": keys["writer"]}) as client:
        error(client.delete("/documents/no-such-document"), 404, "not_found")


@pytest.fixture(scope="module")
def closed(
    backend: Backend, graph: Graph, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Service]:
    running = start_service(
        backend, tmp_path_factory.mktemp("closed"), {"KG_READS_NEED_KEY": "true"}
    )
    try:
        yield running
    finally:
        stop_service(running)


def test_reads_need_a_key_when_told_so(closed: Service, keys: dict[str, str]) -> None:
    with closed.client(key=None) as anonymous:
        error(anonymous.get("/entities", params={"q": "x"}), 401, "unauthorized")
        error(anonymous.post("/query", json={"cypher": "RETURN 1 AS one"}), 401, "unauthorized")
        # what is needed to find out how to get in stays open
        assert anonymous.get("/health").status_code == 200
        assert anonymous.get("/openapi.json").status_code == 200
        assert anonymous.get("/docs").status_code == 200
        assert anonymous.get("/explore").status_code == 200
        schema = anonymous.get("/openapi.json").json()
    assert schema["paths"]["/entities"]["get"]["security"] == [
        {"bearerKey": []},
        {"apiKeyHeader": []},
    ]
    with closed.client(key=keys["reader"]) as reader:
        assert reader.get("/entities", params={"q": "x"}).status_code == 200


def test_openapi_declares_the_security_of_each_operation(client: httpx.Client) -> None:
    schema = client.get("/openapi.json").json()
    schemes = schema["components"]["securitySchemes"]
    assert schemes["bearerKey"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "kg keys create",
    }
    assert schemes["apiKeyHeader"] == {"type": "apiKey", "in": "header", "name": "X-API-Key"}
    for method, path in WRITES:
        operation = schema["paths"][path][method.lower()]
        assert operation["security"] == [{"bearerKey": []}, {"apiKeyHeader": []}], (method, path)
        assert {"401", "403", "429"} <= set(operation["responses"]), (method, path)
    assert {} in schema["paths"]["/entities"]["get"]["security"]  # reads: a key is optional
    assert "security" not in schema["paths"]["/health"]["get"]
    assert schema["paths"]["/audit"]["get"]["x-required-role"] == "admin"


def test_admin_makes_lists_and_revokes_keys_over_http(
    service: Service, keys: dict[str, str]
) -> None:
    name = f"made-over-http-{time.monotonic_ns()}"
    with service.client(key=keys["admin"]) as admin:
        made = admin.post("/keys", json={"role": "reader", "name": name})
        assert made.status_code == 201, made.text
        key = made.json()["key"]
        assert key.startswith("kg_") and made.json()["role"] == "reader"
        listed = ok(admin.get("/keys"))["items"]
        mine = [k for k in listed if k["name"] == name]
        assert mine and "key" not in mine[0] and key.startswith(mine[0]["prefix"])
        assert key not in admin.get("/keys").text
        error(admin.post("/keys", json={"role": "reader", "name": name}), 409, "conflict")
        with service.client(key=key) as holder:
            assert holder.get("/stats").status_code == 200
            assert ok(admin.delete(f"/keys/{name}"))["name"] == name
            # revoked in this process: refused at once
            error(holder.get("/stats"), 401, "unauthorized")
        error(admin.delete(f"/keys/{name}"), 404, "not_found")


def test_kg_keys_create_list_revoke(service: Service, backend: Backend) -> None:
    name = f"cli-made-{time.monotonic_ns()}"
    made = kg("keys", "create", "--role", "writer", "--name", name, env=backend.env)
    assert made.returncode == 0, made.stderr
    key = made.stdout.strip()
    assert key.startswith("kg_") and "not shown again" in made.stderr
    listed = kg("keys", "list", env=backend.env)
    assert listed.returncode == 0 and name in listed.stdout and key not in listed.stdout
    with service.client(key=key) as holder:
        assert holder.delete("/documents/no-such-document").status_code == 404
        revoked = kg("keys", "revoke", name, env=backend.env)
        assert revoked.returncode == 0 and name in revoked.stdout
        # another process revoked it: refused within KG_KEY_CACHE_S (5 s)
        deadline = time.monotonic() + 15
        while holder.get("/stats").status_code != 401 and time.monotonic() < deadline:
            time.sleep(0.5)
        error(holder.get("/stats"), 401, "unauthorized")
    bad_role = kg("keys", "create", "--role", "boss", env=backend.env)
    assert bad_role.returncode == 2 and "reader, writer or admin" in bad_role.stderr
    gone = kg("keys", "revoke", name, env=backend.env)
    assert gone.returncode == 1 and "no key named" in gone.stderr and "Traceback" not in gone.stderr


def test_kg_keys_local_makes_one_writer_key_file(
    backend: Backend, graph: Graph, tmp_path: Path
) -> None:
    env = {**backend.env, "KG_DATA_DIR": backend.env.get("KG_DATA_DIR", str(tmp_path))}
    first = kg("keys", "local", env=env)
    assert first.returncode == 0, first.stderr
    path = re.search(r"(/\S+local-writer\.key)", first.stdout)
    assert path, first.stdout
    key_file = path.group(1)
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    key = Path(key_file).read_text(encoding="utf-8").strip()
    again = kg("keys", "local", env=env)
    assert again.returncode == 0 and key_file in again.stdout
    assert Path(key_file).read_text(encoding="utf-8").strip() == key  # the same key again
