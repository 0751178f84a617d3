"""The embedded graph server: ArcadeDB with its Bolt plugin, run as a separate process we own.

Layout of the data directory (KG_DATA_DIR):
    arcadedb/          the server's root path (databases, server config)
    root-password      generated on first start, mode 0600
    query-password     the read-only user's (kg_query, for POST /query), likewise
    server.pid         the launcher's pid while it runs
    server.ready       JSON written by the launcher once the database exists
    server.log         the launcher's stdout and stderr
"""

from __future__ import annotations

import contextlib
import importlib.util
import logging
import os
import random
import secrets
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from graph_schema._launcher import QUERY_USER
from graph_schema.errors import GraphUnavailableError
from graph_schema.graph import GraphConfig

log = logging.getLogger(__name__)

_LAUNCHER_MODULE = "graph_schema._launcher"
# The embedded server is an optional extra: an image that runs against Neo4j leaves it out.
EMBEDDED_PACKAGE = "arcadedb_embedded"
NOT_INSTALLED = (
    "the embedded graph server is not installed: install it with "
    "pip install 'newsgraph[embedded]' (make install does), or set KG_NEO4J_URI to use a "
    "Neo4j server"
)


def free_port() -> int:
    """A free local port for an embedded server or a service: any, or one of `KG_FREE_PORTS`
    ("19100-19199") when set, on a machine whose other users keep to ranges of their own."""
    span = os.environ.get("KG_FREE_PORTS")
    if not span:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            return int(sock.getsockname()[1])
    low, high = (int(x) for x in span.split("-"))
    ports = list(range(low, high + 1))
    random.shuffle(ports)  # two runs at once rarely try the same port first
    for port in ports:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in KG_FREE_PORTS={span}")


def require_embedded_package() -> None:
    """GraphUnavailableError with a sentence saying what to do when arcadedb-embedded is absent."""
    if importlib.util.find_spec(EMBEDDED_PACKAGE) is None:
        raise GraphUnavailableError(NOT_INSTALLED)


@dataclass(frozen=True)
class EmbeddedConfig:
    data_dir: Path
    bolt_port: int = 7687
    http_port: int = 2480
    database: str = "kg"
    heap: str = "1g"
    # Server-wide: ArcadeDB ignores the driver's per-query timeout. It bounds writes as well,
    # so it must exceed the largest write batch; reads get a shorter budget from the watchdog.
    command_timeout_ms: int = 60_000
    startup_timeout_s: float = 90.0


@dataclass(frozen=True)
class ServerStatus:
    running: bool
    pid: int | None
    bolt_uri: str
    http_port: int
    data_dir: Path
    database: str


class EmbeddedServer:
    def __init__(self, config: EmbeddedConfig) -> None:
        self.config = config
        self.data_dir = config.data_dir.resolve()

    # -- paths ---------------------------------------------------------------------------------
    @property
    def pid_file(self) -> Path:
        return self.data_dir / "server.pid"

    @property
    def ready_file(self) -> Path:
        return self.data_dir / "server.ready"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "server.log"

    @property
    def password_file(self) -> Path:
        return self.data_dir / "root-password"

    @property
    def query_password_file(self) -> Path:
        return self.data_dir / "query-password"

    @property
    def root_path(self) -> Path:
        return self.data_dir / "arcadedb"

    @property
    def bolt_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.config.bolt_port}"

    # -- public --------------------------------------------------------------------------------
    def password(self) -> str:
        """The root password, generated on first start and kept in the data dir (mode 0600)."""
        if not self.password_file.exists() and (self.root_path / "config").exists():
            raise GraphUnavailableError(
                f"{self.password_file} is missing but {self.root_path} holds a server that was "
                "set up with it; restore the file or remove the data dir to start afresh."
            )
        return _secret(self.password_file)

    def query_password(self) -> str:
        """The read-only query user's password (the launcher sets it at every start)."""
        return _secret(self.query_password_file)

    def graph_config(
        self,
        *,
        read_timeout_s: float = 15.0,
        write_timeout_s: float = 60.0,
        min_free_mb: int = 64,
    ) -> GraphConfig:
        """How to reach this server: root for the project's statements, the read-only user for
        analysts' Cypher."""
        return GraphConfig(
            uri=self.bolt_uri,
            user="root",
            password=self.password(),
            database=self.config.database,
            read_timeout_s=read_timeout_s,
            write_timeout_s=write_timeout_s,
            query_user=QUERY_USER,
            query_password=self.query_password(),
            storage_dir=self.data_dir,
            min_free_mb=min_free_mb,
        )

    def status(self) -> ServerStatus:
        pid = self._live_pid()
        return ServerStatus(
            running=pid is not None and self.ready_file.exists(),
            pid=pid,
            bolt_uri=self.bolt_uri,
            http_port=self.config.http_port,
            data_dir=self.data_dir,
            database=self.config.database,
        )

    def start(self) -> ServerStatus:
        """Start the server unless it runs; return once Bolt accepts connections."""
        current = self.status()
        if current.running:
            return current
        if current.pid is not None:
            # A launcher is alive but not ready: still starting (another `kg` call) — wait for it.
            self._wait_ready(current.pid)
            return self.status()
        require_embedded_package()
        self._clear_stale_files()
        password = self.password()
        self.query_password()
        process = self._spawn()
        self.pid_file.write_text(str(process.pid), encoding="utf-8")
        try:
            self._wait_ready(process.pid, process)
            self._wait_bolt(password)
        except BaseException:
            self._terminate(process.pid)
            raise
        log.info("embedded graph server started: pid %s, %s", process.pid, self.bolt_uri)
        return self.status()

    def stop(self, timeout_s: float = 30.0) -> bool:
        """Stop the server with SIGTERM (clean shutdown); return False if it was not running."""
        pid = self._live_pid()
        if pid is None:
            self._clear_stale_files()
            return False
        self._terminate(pid, timeout_s)
        self._clear_stale_files()
        return True

    # -- internals -----------------------------------------------------------------------------
    def _spawn(self) -> subprocess.Popen[bytes]:
        self.root_path.mkdir(parents=True, exist_ok=True)
        cmd = [
            sys.executable,
            "-m",
            _LAUNCHER_MODULE,
            "--root",
            str(self.root_path),
            "--bolt-port",
            str(self.config.bolt_port),
            "--http-port",
            str(self.config.http_port),
            "--database",
            self.config.database,
            "--password-file",
            str(self.password_file),
            "--query-password-file",
            str(self.query_password_file),
            "--ready-file",
            str(self.ready_file),
            "--heap",
            self.config.heap,
            "--command-timeout-ms",
            str(self.config.command_timeout_ms),
        ]
        with open(self.log_file, "ab") as log_fh:
            # A session of its own: the server outlives the `kg db start` that spawned it and
            # does not receive the terminal's Ctrl-C meant for a foreground `kg serve`.
            return subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=log_fh,
                stderr=subprocess.STDOUT,
                cwd=self.data_dir,
                start_new_session=True,
                env=_child_env(),
            )

    def _wait_ready(self, pid: int, process: subprocess.Popen[bytes] | None = None) -> None:
        """Wait for the ready file. Our own child is watched through its Popen (exit code and
        all); a launcher started by another `kg` process through its pid."""
        deadline = time.monotonic() + self.config.startup_timeout_s
        while time.monotonic() < deadline:
            if self.ready_file.exists():
                return
            exit_code = process.poll() if process is not None else None
            if exit_code is not None or (process is None and not _is_launcher(pid)):
                raise GraphUnavailableError(
                    f"the embedded graph server exited during start-up (exit code {exit_code});"
                    f" last lines of {self.log_file}:\n{self._log_tail()}"
                )
            time.sleep(0.1)
        raise GraphUnavailableError(
            f"the embedded graph server was not ready after {self.config.startup_timeout_s:.0f} s;"
            f" see {self.log_file}"
        )

    def _wait_bolt(self, password: str) -> None:
        from neo4j import GraphDatabase
        from neo4j.exceptions import Neo4jError, ServiceUnavailable

        deadline = time.monotonic() + 20
        auth = ("root", password)
        with GraphDatabase.driver(self.bolt_uri, auth=auth, connection_timeout=5) as driver:
            while True:
                try:
                    driver.execute_query("RETURN 1", database_=self.config.database)
                    return
                except (ServiceUnavailable, Neo4jError, OSError):
                    if time.monotonic() > deadline:
                        raise GraphUnavailableError(
                            f"the embedded graph server does not accept Bolt on {self.bolt_uri}"
                        ) from None
                    time.sleep(0.2)

    def _terminate(self, pid: int, timeout_s: float = 30.0) -> None:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if not _pid_alive(pid):
                _reap(pid)
                return
            time.sleep(0.1)
        log.warning("graph server pid %s ignored SIGTERM for %.0f s; killing it", pid, timeout_s)
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            return
        _reap(pid)

    def _live_pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text(encoding="utf-8").strip())
        except (FileNotFoundError, ValueError):
            return None
        return pid if _is_launcher(pid) else None

    def _clear_stale_files(self) -> None:
        for path in (self.pid_file, self.ready_file):
            path.unlink(missing_ok=True)

    def _log_tail(self, lines: int = 20) -> str:
        try:
            text = self.log_file.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])


def _secret(path: Path) -> str:
    """The secret kept in `path`, generated there (mode 0600) when the file does not exist."""
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it just now
        return path.read_text(encoding="utf-8").strip()
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(secrets.token_urlsafe(24))
    return path.read_text(encoding="utf-8").strip()


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("ARCADEDB_JVM_ARGS", None)  # every setting is passed explicitly by the launcher
    return env


def _reap(pid: int) -> None:
    """Collect our own child's exit status so it does not linger as a zombie.

    Blocking is safe here: it is only called once the process is exiting. A JVM's main thread
    shows as a zombie while its other threads still wind down, and a non-blocking wait would
    miss it. For a process that is not our child, waitpid raises at once.
    """
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    stat = Path(f"/proc/{pid}/stat")
    if stat.exists():  # a zombie has exited; only its parent's wait is missing
        try:
            return stat.read_text().split(")")[-1].split()[0] != "Z"
        except OSError:
            return False
    return True


def _is_launcher(pid: int) -> bool:
    """True when pid is alive and is our launcher (not a recycled pid of another program)."""
    if not _pid_alive(pid):
        return False
    cmdline = Path(f"/proc/{pid}/cmdline")
    if not cmdline.exists():  # no procfs (macOS): trust the pid file
        return True
    try:
        args = cmdline.read_bytes()
    except OSError:
        return False
    # Empty for a moment right after spawning, before exec has replaced the forked image.
    return not args or _LAUNCHER_MODULE.encode() in args
