"""Child process that runs the embedded ArcadeDB server (`python -m graph_schema._launcher ...`).

Started and stopped by `graph_schema.embedded.EmbeddedServer`; never imported by the service.
The order of steps follows what was measured on ArcadeDB (see docs/ARCHITECTURE.md):
- every tuning setting as a -D JVM argument (the config dict silently ignores several);
- SIGTERM/SIGINT handlers installed after the JVM starts and before server.start(), or the JVM
  crashes in JPype's signal handler;
- readiness is signalled only after the database exists (the Bolt port opens earlier);
- os._exit after server.stop(), because idle client connections keep the process alive.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
import time
from pathlib import Path


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="graph_schema._launcher")
    parser.add_argument("--root", required=True)
    parser.add_argument("--bolt-port", type=int, required=True)
    parser.add_argument("--http-port", type=int, required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--password-file", required=True)
    parser.add_argument("--ready-file", required=True)
    parser.add_argument("--heap", default="1g")
    parser.add_argument("--command-timeout-ms", type=int, default=60_000)
    return parser.parse_args(argv)


def _jvm_args(command_timeout_ms: int) -> list[str]:
    return [
        f"-Darcadedb.command.timeout={command_timeout_ms}",  # the driver's timeout is ignored
        "-Darcadedb.queryMaxConcurrent=0",  # the default gate locks the server after 4 runaways
        "-Darcadedb.txWalFlush=2",  # fsync the WAL at commit
    ]


def main(argv: list[str]) -> None:
    args = _parse(argv)
    password = Path(args.password_file).read_text(encoding="utf-8").strip()
    from arcadedb_embedded.server import ArcadeDBServer

    server = ArcadeDBServer(
        root_path=os.path.abspath(args.root),
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
