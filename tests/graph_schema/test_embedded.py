"""The embedded server's life cycle: start, status, stop, stale pid files, its secrets."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from neo4j.exceptions import Neo4jError

from graph_schema.embedded import EmbeddedConfig, EmbeddedServer
from graph_schema.graph import Graph
from tests.conftest import free_port


@pytest.fixture
def server(tmp_path: Path) -> EmbeddedServer:
    config = EmbeddedConfig(
        data_dir=tmp_path / "data", bolt_port=free_port(), http_port=free_port(), heap="512m"
    )
    embedded = EmbeddedServer(config)
    yield embedded
    embedded.stop()


def _other_address() -> str | None:
    """An address of this machine that is not loopback, if it has one."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            sock.connect(("10.255.255.255", 1))
            address = sock.getsockname()[0]
    except OSError:
        return None
    return None if address.startswith("127.") else address


def test_start_creates_database_password_and_answers_bolt(server: EmbeddedServer) -> None:
    status = server.start()
    assert status.running and status.pid
    mode = stat.S_IMODE(server.password_file.stat().st_mode)
    assert mode == 0o600
    assert len(server.password()) >= 24
    config = server.graph_config()
    with Graph.connect(config) as graph:
        assert graph.backend == "arcadedb"


def test_the_query_user_only_reads_and_survives_a_data_dir_without_it(
    server: EmbeddedServer,
) -> None:
    """A data dir made before the read-only user existed gets it at the next start."""
    server.start()
    assert stat.S_IMODE(server.query_password_file.stat().st_mode) == 0o600
    server.stop()
    groups_file = server.root_path / "config" / "server-groups.json"
    groups = json.loads(groups_file.read_text())
    del groups["databases"]["*"]["groups"]["kg_reader"]
    groups_file.write_text(json.dumps(groups))
    server.query_password_file.unlink()  # a new password: the user is made again with it
    server.start()
    with Graph.connect(server.graph_config()) as graph:
        assert graph.query_driver is not None
        rows, _, _ = graph.query_driver.execute_query("RETURN 1 AS one", database_="kg")
        assert rows[0]["one"] == 1
        with pytest.raises(Neo4jError):
            graph.query_driver.execute_query("CREATE (:Intruder)", database_="kg")
    assert "kg_reader" in json.loads(groups_file.read_text())["databases"]["*"]["groups"]


def test_binds_loopback_only(server: EmbeddedServer) -> None:
    server.start()
    address = _other_address()
    if address is None:
        pytest.skip("this machine has no non-loopback address to probe")
    for port in (server.config.bolt_port, server.config.http_port):
        with socket.socket() as sock:
            sock.settimeout(2)
            assert sock.connect_ex((address, port)) != 0, f"port {port} open on {address}"


def test_second_start_returns_the_running_server(server: EmbeddedServer) -> None:
    first = server.start()
    second = server.start()
    assert second.pid == first.pid


def test_stop_is_clean_and_restart_keeps_the_password(server: EmbeddedServer) -> None:
    server.start()
    password = server.password()
    pid = server.status().pid
    assert server.stop() is True
    assert server.status().running is False
    assert not server.pid_file.exists()
    assert pid is not None
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert "not closed properly" not in server.log_file.read_text(errors="replace")
    server.start()
    assert server.password() == password
    assert server.stop() is True
    assert server.stop() is False  # already stopped: nothing to do, no error


def test_stale_pid_file_is_ignored(server: EmbeddedServer) -> None:
    server.data_dir.mkdir(parents=True)
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        server.pid_file.write_text(str(sleeper.pid))  # alive, but not our launcher
        assert server.status().running is False
        status = server.start()
        assert status.running and status.pid != sleeper.pid
    finally:
        sleeper.kill()
        sleeper.wait()


def test_pid_file_of_a_dead_process_is_cleared(server: EmbeddedServer) -> None:
    server.data_dir.mkdir(parents=True)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    server.pid_file.write_text(str(dead.pid))
    (server.data_dir / "server.ready").write_text("{}")
    assert server.status().running is False
    assert server.start().running
