"""Child process that runs the embedded ArcadeDB server (`python -m graph_schema._launcher ...`).

Started and stopped by `graph_schema.embedded.EmbeddedServer`; never imported by the service.
The order of steps follows what was measured on ArcadeDB (see docs/ARCHITECTURE.md):
- every tuning setting as a -D JVM argument (the config dict silently ignores several);
- SIGTERM/SIGINT handlers installed after the JVM starts and before server.start(), or the JVM
  crashes in JPype's signal handler;
- readiness is signalled only after the database exists (the Bolt port opens earlier);
- os._exit after server.stop(), because idle client connections keep the process alive;
- a read-only group and the user POST /query runs as (ArcadeDB ignores a READ transaction's
  access mode, so only the server's own permissions make a user's statement unable to write).
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import json
import os
import signal
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

# The group and user that run analysts' Cypher (POST /query): they may read records, nothing
# else — no writes, no schema change (so a refused CREATE leaves no label behind), no security.
QUERY_USER = "kg_query"
READER_GROUP = "kg_reader"
_DEFAULT_GROUPS = {
    "admin": {
        "resultSetLimit": -1,
        "readTimeout": -1,
        "access": ["updateSecurity", "updateSchema", "updateDatabaseSettings"],
        "types": {"*": {"access": ["createRecord", "readRecord", "updateRecord", "deleteRecord"]}},
    },
    "*": {"resultSetLimit": -1, "readTimeout": -1, "access": [], "types": {"*": {"access": []}}},
}
_READER_GROUP = {
    "resultSetLimit": -1,
    "readTimeout": -1,
    "access": [],
    "types": {"*": {"access": ["readRecord"]}},
}


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="graph_schema._launcher")
    parser.add_argument("--root", required=True)
    parser.add_argument("--bolt-port", type=int, required=True)
    parser.add_argument("--http-port", type=int, required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--password-file", required=True)
    parser.add_argument("--query-password-file", required=True)
    parser.add_argument("--ready-file", required=True)
    parser.add_argument("--heap", default="1g")
    parser.add_argument("--command-timeout-ms", type=int, default=60_000)
    return parser.parse_args(argv)


def _jvm_args(command_timeout_ms: int) -> list[str]:
    return [
        f"-Darcadedb.command.timeout={command_timeout_ms}",  # the driver's timeout is ignored
        "-Darcadedb.queryMaxConcurrent=0",  # the default gate locks the server after 4 runaways
        "-Darcadedb.txWalFlush=2",  # fsync the WAL at commit
        # Parsed statements and plans are cached by their whole text (300 of each by default):
        # ~115 statements, each with as many watchdog tags as reads ran at once
        # (graph_schema.watchdog), must stay parsed.
        "-Darcadedb.opencypher.statementCache=2000",
        "-Darcadedb.opencypher.planCache=2000",
        # LOAD CSV reads no local file (the root password lies in the data dir) and fetches no
        # URL (a request from the server's address): the graph is loaded by newsgraph only.
        "-Darcadedb.opencypher.loadCsv.allowFileUrls=false",
        "-Darcadedb.opencypher.loadCsv.allowRemoteUrls=false",
    ]


def _ensure_reader_group(root: Path) -> None:
    """Add the read-only group to the server's groups file before the server reads it."""
    path = root / "config" / "server-groups.json"
    if path.exists():
        groups = json.loads(path.read_text(encoding="utf-8"))
    else:  # first start: the server's own defaults, which it would write, plus ours
        path.parent.mkdir(parents=True, exist_ok=True)
        groups = {"databases": {"*": {"groups": _DEFAULT_GROUPS}}, "version": 2}
    every_database = groups.setdefault("databases", {}).setdefault("*", {})
    if every_database.setdefault("groups", {}).get(READER_GROUP) == _READER_GROUP:
        return
    every_database["groups"][READER_GROUP] = _READER_GROUP
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(groups, indent=2), encoding="utf-8")
    tmp.replace(path)


def _server_command(http_port: int, root_password: str, command: str) -> None:
    auth = base64.b64encode(f"root:{root_password}".encode()).decode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{http_port}/api/v1/server",
        data=json.dumps({"command": command}).encode(),
        headers={"Authorization": f"Basic {auth}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as answer:
        answer.read()


def _ensure_query_user(http_port: int, root_password: str, database: str, password: str) -> None:
    """(Re)create the query user with the current password, member of the reader group only."""
    with contextlib.suppress(urllib.error.HTTPError):  # not there yet
        _server_command(http_port, root_password, f"drop user {QUERY_USER}")
    user = {"name": QUERY_USER, "password": password, "databases": {database: [READER_GROUP]}}
    _server_command(http_port, root_password, f"create user {json.dumps(user)}")


def main(argv: list[str]) -> None:
    args = _parse(argv)
    password = Path(args.password_file).read_text(encoding="utf-8").strip()
    query_password = Path(args.query_password_file).read_text(encoding="utf-8").strip()
    root = Path(os.path.abspath(args.root))
    _ensure_reader_group(root)
    from arcadedb_embedded.server import ArcadeDBServer

    server = ArcadeDBServer(
        root_path=str(root),
        root_password=password,
        config={
            "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "bolt_port": args.bolt_port,
            "http_port": args.http_port,
            "host": "127.0.0.1",
        },
        jvm_kwargs={"heap_size": args.heap, "jvm_args": _jvm_args(args.command_timeout_ms)},
    )
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    server.start()
    server.create_database(args.database)  # idempotent
    _ensure_query_user(args.http_port, password, args.database, query_password)
    ready = {
        "pid": os.getpid(),
        "bolt_port": args.bolt_port,
        "http_port": args.http_port,
        "database": args.database,
        "started_at": time.time(),
    }
    tmp = Path(args.ready_file + ".tmp")
    tmp.write_text(json.dumps(ready), encoding="utf-8")
    tmp.replace(args.ready_file)
    print("READY", flush=True)
    while not stop.wait(0.5):
        pass
    server.stop()
    Path(args.ready_file).unlink(missing_ok=True)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1:])
