"""Fixtures: a real embedded ArcadeDB server per test session (and Neo4j when KG_TEST_NEO4J_URI
is set), a Graph connected to it, and a real uvicorn process serving the API over HTTP."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from graph_schema.embedded import EmbeddedConfig, EmbeddedServer, free_port
from graph_schema.graph import Graph, GraphConfig
from graph_schema.schema import apply_schema
from graph_schema.statement import Statement

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KG_SHARED_DIR", ROOT.parent / "shared"))
DEV_CORPUS = SHARED / "corpus" / "dev"
SCORER = SHARED / "eval" / "score.py"
OUTPUT = ROOT / "test-output"

# Every node but the API keys: services started for a session keep their keys.
WIPE = Statement("WIPE", "MATCH (n) WHERE NOT n:ApiKey DETACH DELETE n", writes=True)


def needs_shared() -> pytest.MarkDecorator:
    return pytest.mark.skipif(
        not DEV_CORPUS.is_dir(), reason=f"the shared dev corpus is not at {DEV_CORPUS}"
    )


@dataclass(frozen=True)
class Backend:
    """How to reach one graph server: the driver config and the service's environment."""

    name: str
    config: GraphConfig
    env: dict[str, str]


def own_arcadedb(data_dir: Path) -> tuple[EmbeddedServer, Backend]:
    """A started embedded server of a test's own (one the test may stop or starve) and how the
    service reaches it."""
    config = EmbeddedConfig(
        data_dir=data_dir, bolt_port=free_port(), http_port=free_port(), heap="512m"
    )
    server = EmbeddedServer(config)
    server.start()
    env = {
        "KG_DATA_DIR": str(config.data_dir),
        "KG_BOLT_PORT": str(config.bolt_port),
        "KG_ARCADEDB_HTTP_PORT": str(config.http_port),
    }
    return server, Backend("arcadedb", server.graph_config(), env)


def _arcadedb(tmp: Path) -> Iterator[Backend]:
    data_dir = tmp / "arcadedb-data"
    embedded = EmbeddedConfig(
        data_dir=data_dir,
        bolt_port=free_port(),
        http_port=free_port(),
        heap="768m",
        command_timeout_ms=30_000,
    )
    server = EmbeddedServer(embedded)
    server.start()
    env = {
        "KG_DATA_DIR": str(data_dir),
        "KG_BOLT_PORT": str(embedded.bolt_port),
        "KG_ARCADEDB_HTTP_PORT": str(embedded.http_port),
        "KG_WRITE_TIMEOUT_S": "30",
    }
    config = server.graph_config(
        read_timeout_s=10,
        write_timeout_s=30,
    )
    try:
        yield Backend("arcadedb", config, env)
    finally:
        server.stop()


def _neo4j() -> Iterator[Backend]:
    uri = os.environ["KG_TEST_NEO4J_URI"]
    user = os.environ.get("KG_TEST_NEO4J_USER", "neo4j")
    password = os.environ.get("KG_TEST_NEO4J_PASSWORD", "")
    database = os.environ.get("KG_TEST_NEO4J_DATABASE", "neo4j")
    env = {
        "KG_NEO4J_URI": uri,
        "KG_NEO4J_USER": user,
        "KG_NEO4J_PASSWORD": password,
        "KG_NEO4J_DATABASE": database,
    }
    yield Backend("neo4j", GraphConfig(uri, user, password, database), env)


BACKENDS = ["arcadedb"] + (["neo4j"] if os.environ.get("KG_TEST_NEO4J_URI") else [])


@pytest.fixture(scope="session", params=BACKENDS)
def backend(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Backend]:
    if request.param == "neo4j":
        yield from _neo4j()
    else:
        yield from _arcadedb(tmp_path_factory.mktemp("graph"))


@pytest.fixture(scope="session")
def graph(backend: Backend) -> Iterator[Graph]:
    with Graph.connect(backend.config) as connected:
        apply_schema(connected)
        yield connected


@pytest.fixture
def empty_graph(graph: Graph) -> Graph:
    """The session's graph with every node removed (the schema stays)."""
    graph.write(lambda tx: tx.run(WIPE), name="wipe")
    return graph


@dataclass(frozen=True)
class Service:
    url: str
    process: subprocess.Popen[bytes]
    log: Path
    key: str  # a writer key made for this service; its clients send it unless told not to
    key_name: str  # that key's name, as the audit records its actor

    def client(self, *, key: str | None = "writer", **kwargs: object) -> httpx.Client:
        """A client sending the service's writer key; `key=None` for none, or another key."""
        headers = dict(kwargs.pop("headers", None) or {})  # type: ignore[call-overload]
        chosen = self.key if key == "writer" else key
        if chosen is not None:
            headers["Authorization"] = f"Bearer {chosen}"
        return httpx.Client(base_url=self.url, timeout=60, headers=headers, **kwargs)  # type: ignore[arg-type]


def make_key(config: GraphConfig, role: str, name: str | None = None) -> str:
    """A key made in the graph the way `kg keys create` makes it."""
    from service.auth import Role
    from service.repository.access import create_key

    with Graph.connect(config) as graph:
        apply_schema(graph)  # the key's constraints exist before the first key is written
        return create_key(graph, Role(role), name).key


# Tests that are not about limits are not throttled by them.
UNTHROTTLED = {"KG_WRITES_PER_MINUTE": "100000", "KG_QUERIES_PER_MINUTE": "100000"}


def start_service(
    backend: Backend, log_dir: Path, extra_env: dict[str, str] | None = None
) -> Service:
    port = free_port()
    # the port names the key, and a suffix keeps it unique: the system may hand one free port
    # out twice in a session, and key names are unique in the graph
    key_name = f"test-writer-{port}-{uuid.uuid4().hex[:6]}"
    key = make_key(backend.config, "writer", key_name)
    env = {
        **os.environ,
        **backend.env,
        "KG_LOG_LEVEL": "INFO",
        **UNTHROTTLED,
        **(extra_env or {}),
    }
    log = log_dir / f"uvicorn-{port}.log"
    with open(log, "wb") as fh:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "--factory",
                "service.app:app_factory",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            cwd=ROOT,
            env=env,
            stdout=fh,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"uvicorn exited: {log.read_text()[-3000:]}")
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return Service(url, process, log, key, key_name)
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    process.terminate()
    raise RuntimeError(f"uvicorn did not become healthy: {log.read_text()[-3000:]}")


def stop_service(service: Service) -> None:
    service.process.terminate()
    try:
        service.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        service.process.kill()


@pytest.fixture(scope="session")
def service(
    backend: Backend, graph: Graph, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Service]:
    running = start_service(backend, tmp_path_factory.mktemp("service"))
    try:
        yield running
    finally:
        stop_service(running)


@pytest.fixture
def client(service: Service) -> Iterator[httpx.Client]:
    with service.client() as http:
        yield http
