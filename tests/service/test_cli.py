"""The `kg` command's failures, run for real: one sentence on stderr, a non-zero exit code, never a
traceback -- for bad configuration, bad gold files, a failing scorer, a bad port; and the
request log of `kg serve`, which no request can forge a line of."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from graph_schema.graph import Graph
from tests.conftest import ROOT, SCORER, Backend, free_port
from tests.factories import VISIT_TEXT


def kg(
    *args: str, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """`kg ARGS` with only the KG_ variables given (none of the caller's)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    return subprocess.run(
        [sys.executable, "-m", "service.cli", *args],
        cwd=ROOT,
        env={**clean, "KG_LOG_LEVEL": "WARNING", **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def one_sentence(result: subprocess.CompletedProcess[str], code: int = 1) -> str:
    """The error sentence, after checking the exit code and that nothing else was said."""
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0].removeprefix("error: ")


@pytest.mark.parametrize(
    ("env", "args", "needles"),
    [
        (
            {"KG_LOG_LEVEL": "bogus"},
            ["db", "status"],
            ["KG_LOG_LEVEL", "'DEBUG', 'INFO', 'WARNING', 'ERROR' or 'CRITICAL'"],
        ),
        ({"KG_NEO4J_URI": "garbage"}, ["db", "migrate"], ["KG_NEO4J_URI", "bolt, bolt+s"]),
        (
            {"KG_NEO4J_URI": "http://127.0.0.1:1"},
            ["db", "migrate"],
            ["KG_NEO4J_URI", "'http://127.0.0.1:1'", "neo4j+ssc"],
        ),
        ({"KG_BOLT_PORT": "99999"}, ["db", "status"], ["KG_BOLT_PORT", "65535"]),
    ],
)
def test_bad_configuration_is_one_sentence(
    env: dict[str, str], args: list[str], needles: list[str]
) -> None:
    message = one_sentence(kg(*args, env=env), 2)
    assert message.startswith("invalid configuration: ")
    for needle in needles:
        assert needle in message


def test_a_log_level_in_lower_case_is_fine(tmp_path: Path) -> None:
    result = kg("db", "status", env={"KG_LOG_LEVEL": "warning", "KG_DATA_DIR": str(tmp_path)})
    assert result.returncode == 3 and "not running" in result.stdout, result.stderr


@pytest.mark.parametrize("command", ["start", "status"])
def test_a_data_dir_that_is_a_file_is_one_sentence(tmp_path: Path, command: str) -> None:
    a_file = tmp_path / "data"
    a_file.write_text("not a folder")
    message = one_sentence(kg("db", command, env={"KG_DATA_DIR": str(a_file)}), 2)
    assert f"KG_DATA_DIR: '{a_file}' is a file, not a folder" in message


def test_a_data_dir_that_cannot_be_created_is_one_sentence(tmp_path: Path) -> None:
    a_file = tmp_path / "file"
    a_file.write_text("x")
    message = one_sentence(kg("db", "start", env={"KG_DATA_DIR": str(a_file / "data")}))
    assert str(a_file) in message and "Not a directory" in message


def gold(folder: Path, name: str, content: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(content, encoding="utf-8")
    return folder


def stub_scorer(tmp_path: Path) -> Path:
    """A scorer that is never run: the gold files below fail before it would be."""
    stub = tmp_path / "score.py"
    stub.write_text("raise SystemExit('not to be run')\n")
    return stub


def test_eval_says_which_gold_file_is_bad(tmp_path: Path) -> None:
    broken = gold(tmp_path / "broken", "a.json", "{not json")
    message = one_sentence(kg("eval", str(broken), "--scorer", str(stub_scorer(tmp_path))))
    assert message.startswith(f"gold file {broken / 'a.json'} is not valid JSON")
    textless = gold(tmp_path / "textless", "b.json", json.dumps({"lang": "en", "entities": []}))
    message = one_sentence(kg("eval", str(textless), "--scorer", str(stub_scorer(tmp_path))))
    assert message == f'gold file {textless / "b.json"} has no "text" string to extract from'
    listed = gold(tmp_path / "listed", "c.json", "[1, 2]")
    message = one_sentence(kg("eval", str(listed), "--scorer", str(stub_scorer(tmp_path))))
    assert message == f"gold file {listed / 'c.json'} must hold one FORMAT.md object"


def test_eval_reports_a_failing_scorer(tmp_path: Path) -> None:
    folder = gold(
        tmp_path / "gold",
        "a.json",
        json.dumps({"lang": "de", "text": VISIT_TEXT, "entities": [], "relations": []}),
    )
    scorer = tmp_path / "score.py"
    scorer.write_text(
        "import sys\nprint('scoring')\n"
        "sys.exit('score.py: the gold and the predictions disagree')\n"
    )
    message = one_sentence(kg("eval", str(folder), "--scorer", str(scorer), timeout=300))
    assert message == (
        f"the scorer {scorer} failed with exit code 1: "
        "score.py: the gold and the predictions disagree"
    )


def test_eval_runs_the_scorer_with_a_fixed_hash_seed(tmp_path: Path) -> None:
    """The official scorer picks among a fact's alternatives in set order: `kg eval` fixes
    the hash seed so one corpus gives one figure on every run."""
    folder = gold(
        tmp_path / "gold",
        "a.json",
        json.dumps({"lang": "de", "text": VISIT_TEXT, "entities": [], "relations": []}),
    )
    scorer = tmp_path / "score.py"
    scorer.write_text("import os, sys\nsys.exit('seed ' + os.environ.get('PYTHONHASHSEED', '-'))\n")
    message = one_sentence(kg("eval", str(folder), "--scorer", str(scorer), timeout=300))
    assert message.endswith("exit code 1: seed 0")


def test_eval_compares_rules_only_the_default_and_every_model(tmp_path: Path) -> None:
    """`kg eval --models compare` on a real article where natasha (on by default for Russian)
    finds a fact the rules miss (Asil dairy, Istaravshan): three columns, Russian higher with
    the default than with rules only."""
    if not SCORER.is_file():
        pytest.skip(f"the shared scorer is not at {SCORER}")
    article = "ru-tj-food-asil-istaravshan-dairy.json"
    folder = gold(tmp_path / "gold", article, (ROOT / "corpus" / "news" / article).read_text())
    result = kg("eval", str(folder), "--scorer", str(SCORER), "--models", "compare", timeout=600)
    assert result.returncode == 0, result.stderr
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["rules", "only", "default", "(auto)", "with", "models"]
    russian = next(row.split() for row in rows if row.startswith("ru relation:ALL"))
    rules_f1, default_f1, models_f1 = (float(russian[i]) for i in (4, 7, 10))
    assert default_f1 > rules_f1 and models_f1 == default_f1


def test_eval_refuses_an_unknown_models_choice(tmp_path: Path) -> None:
    folder = gold(tmp_path / "gold", "a.json", "{}")
    message = one_sentence(
        kg("eval", str(folder), "--scorer", str(stub_scorer(tmp_path)), "--models", "maybe"), 2
    )
    assert message == "--models must be on, off, auto or compare, not 'maybe'"


def test_serve_refuses_a_port_out_of_range() -> None:
    # A server that no one listens on: should the port pass, serve fails at once, starting
    # nothing embedded.
    nowhere = {"KG_NEO4J_URI": f"bolt://127.0.0.1:{free_port()}"}
    for port in ("99999", "0"):
        result = kg("serve", "--port", port, env=nowhere, timeout=60)
        assert result.returncode == 2, result.stderr
        assert "--port" in result.stderr and "Traceback" not in result.stderr


def test_serve_logs_each_request_on_one_line(
    backend: Backend, graph: Graph, tmp_path: Path
) -> None:
    port = free_port()
    log = tmp_path / "serve.log"
    clean = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    with open(log, "wb") as fh:
        process = subprocess.Popen(
            [sys.executable, "-m", "service.cli", "serve", "--port", str(port)],
            cwd=ROOT,
            env={**clean, **backend.env, "KG_LOG_LEVEL": "INFO"},
            stdout=fh,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        forged = "/nowhere%0a2026-01-01 00:00:00,000 INFO service.requests: GET /admin 200%00"
        assert httpx.get(url + forged, timeout=10).status_code == 404
    finally:
        process.terminate()
        process.wait(timeout=30)
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    requests = [line for line in lines if "service.requests" in line]
    assert any(
        "GET /nowhere%0A2026-01-01%2000:00:00,000%20INFO%20service.requests:%20GET"
        "%20/admin%20200%00 404" in line
        for line in requests
    ), requests
    assert not any(line.startswith("2026-01-01") for line in lines)
    assert "\x00" not in log.read_text(encoding="utf-8", errors="replace")


def test_a_database_with_data_but_no_schema_is_refused_and_the_server_it_started_stops(
    tmp_path: Path,
) -> None:
    """ArcadeDB would coerce existing values if the schema came after the data: `kg db migrate`
    refuses with a sentence, and the embedded server it started for that is stopped again."""
    from graph_schema.embedded import EmbeddedConfig, EmbeddedServer
    from graph_schema.statement import Statement

    config = EmbeddedConfig(data_dir=tmp_path, bolt_port=free_port(), http_port=free_port())
    env = {
        "KG_DATA_DIR": str(tmp_path),
        "KG_BOLT_PORT": str(config.bolt_port),
        "KG_ARCADEDB_HTTP_PORT": str(config.http_port),
    }
    server = EmbeddedServer(config)
    server.start()
    try:  # data written by someone who never applied the schema
        graph_config = server.graph_config()
        with Graph.connect(graph_config) as graph:
            graph.write(
                lambda tx: tx.run(
                    Statement(
                        "STRAY", "CREATE (:Entity {id: 'per:stray', name: 'Stray'})", writes=True
                    )
                )
            )
    finally:
        server.stop()
    try:
        message = one_sentence(kg("db", "migrate", env=env))
        assert "holds data but lacks" in message and "remove the data dir" in message
        status = kg("db", "status", env=env)
        assert status.returncode == 3 and "not running" in status.stdout, status.stdout
    finally:
        kg("db", "stop", env=env)  # should there be one left, it does not outlive the test
