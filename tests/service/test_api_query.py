"""POST /query: read-only on both backends, row cap, time budget (504), and cancellation when
the client goes away; all against the real embedded graph over real HTTP."""

from __future__ import annotations

import json
import socket
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import httpx
import pytest
from neo4j.spatial import CartesianPoint
from neo4j.time import Duration

from graph_schema.errors import ForbiddenQueryError
from graph_schema.graph import Graph
from graph_schema.readonly import AnswerLimits, _run_as_reader, to_json
from graph_schema.statement import Statement
from tests.conftest import Backend, Service, start_service, stop_service
from tests.service.world import error, load_world, ok

COUNTS = Statement(
    "COUNTS",
    """
    CALL { MATCH (n) RETURN count(n) AS nodes }
    CALL { MATCH ()-[r]->() RETURN count(r) AS relations }
    RETURN nodes, relations""",
)
RUNNING = Statement(
    "RUNNING",
    """
    SHOW TRANSACTIONS YIELD transactionId, currentQuery
    WHERE currentQuery CONTAINS $marker RETURN transactionId""",
)

# Hundreds of millions of rows: minutes of work unless something stops it. The marker is a
# string, not a comment: comments are removed before a user's statement is sent.
EXPENSIVE = (
    "WITH '{marker}' AS marker UNWIND range(1, 20000) AS a UNWIND range(1, 20000) AS b "
    "WITH a, b WHERE (a * b) % 7 = 3 RETURN count(*) AS c"
)


@pytest.fixture(scope="module", autouse=True)
def world(service: Service, graph: Graph) -> dict[str, str]:
    return load_world(service, graph)


def running(graph: Graph, marker: str) -> bool:
    return bool(graph.read(RUNNING, {"marker": marker}))


def wait_until(condition: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.1)
    return False


def test_a_read_answers_columns_and_rows_without_internal_ids(client: httpx.Client) -> None:
    answer = ok(
        client.post(
            "/query",
            json={
                "cypher": "MATCH (e:Entity {id: $id}) RETURN e, e.name AS name",
                "parameters": {"id": "per:aziz-testov"},
            },
        )
    )
    assert answer["columns"] == ["e", "name"] and answer["row_count"] == 1
    node, name = answer["rows"][0]
    assert name == "Aziz Testov" and "Official" in node["labels"]
    assert node["properties"]["id"] == "per:aziz-testov" and "element_id" not in node
    assert answer["truncated"] is False


def test_rows_are_capped_and_the_answer_says_so(client: httpx.Client) -> None:
    answer = ok(client.post("/query", json={"cypher": "UNWIND range(1, 1500) AS x RETURN x"}))
    assert answer["row_count"] == answer["row_cap"] == 1000 and answer["truncated"] is True


@pytest.mark.parametrize(
    "cypher",
    [
        "CREATE (n:Intruder {id: 'x'}) RETURN n",
        "MERGE (n:Entity {id: 'per:aziz-testov'}) SET n.name = 'hacked'",
        "MATCH (n:Entity) SET n.name = 'hacked'",
        "MATCH (n) DETACH DELETE n",
        "MATCH (n:Entity) REMOVE n.name",
        "MATCH (n) WITH n LIMIT 1 /* harmless? */ CREATE (:Intruder)",
        "CREATE INDEX intruder IF NOT EXISTS FOR (n:Intruder) ON (n.x)",
        "DROP CONSTRAINT entity_id",
        "UNWIND range(1, 3) AS i CALL { WITH i CREATE (:Intruder {i: i}) } IN TRANSACTIONS",
        "MATCH (n) FOREACH (x IN [1] | CREATE (:Intruder))",
        "CALL db.createLabel('Intruder')",
        "CALL apoc.create.node(['Intruder'], {})",
        "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
        "SHOW TRANSACTIONS",
        "match (n) detach delete n",
        # Backticks do not hide a procedure or a namespace.
        'CALL `apoc`.`periodic`.`iterate`("MATCH (n) RETURN n", "DETACH DELETE n", {})',
        "CALL `dbms`.`components`()",
        "CALL `db`.`createLabel`('Intruder')",
        "CALL `db.createLabel`('Intruder')",
        "MATCH (n) RETURN `apoc` . `text`.join(['a'], ',') AS x",
        "CALL nosuch()",
        "MATCH (n) CALL { WITH n RETURN n.id AS id } IN TRANSACTIONS RETURN id",
        # A write word after an alias that looks like a keyword is still a clause.
        "WITH 1 AS where CREATE (:Intruder)",
        "WITH * CREATE (:Intruder)",
        "MATCH (n) WITH n AS set SET n.name = 'hacked'",
    ],
)
def test_writes_are_refused_and_the_graph_is_unchanged(
    client: httpx.Client, graph: Graph, cypher: str
) -> None:
    before = graph.read(COUNTS)[0]
    error(client.post("/query", json={"cypher": cypher}), 403, "forbidden_query")
    assert graph.read(COUNTS)[0] == before


def test_a_write_that_passed_the_lexical_check_is_rolled_back(graph: Graph) -> None:
    """The last defence alone: run in a transaction that is always rolled back (ArcadeDB does
    not enforce READ mode), and refused when its summary says it wrote."""
    before = graph.read(COUNTS)[0]
    with pytest.raises(ForbiddenQueryError):
        _run_as_reader(
            graph, "CREATE (:Intruder {id: 'direct'}) RETURN 1", {}, AnswerLimits(10, 10**6, 10)
        )
    assert graph.read(COUNTS)[0] == before


@pytest.mark.parametrize(
    "cypher, columns",
    [
        (
            "MATCH (start:City)-[r]->(stop) RETURN start.id AS start, stop.id AS stop",
            ["start", "stop"],
        ),
        ("MATCH (e:Entity {id: $id}) RETURN e.name AS use", ["use"]),
        ("MATCH (e:Entity {id: $id}) RETURN e.name AS load, e.id AS set", ["load", "set"]),
        (
            "MATCH (e:Entity {id: $id}) WITH e AS stop, e.id AS create RETURN stop.name AS start",
            ["start"],
        ),
        ("MATCH (e:Entity {id: $id}) RETURN {set: 1, delete: e.name} AS m", ["m"]),
        ("MATCH (`create`:Entity {id: $id}) RETURN `create`.name AS name", ["name"]),
        ("CALL `db`.`labels`() YIELD label RETURN label", ["label"]),
    ],
)
def test_write_words_as_names_are_read_statements(
    client: httpx.Client, graph: Graph, cypher: str, columns: list[str]
) -> None:
    before = graph.read(COUNTS)[0]
    answer = ok(
        client.post("/query", json={"cypher": cypher, "parameters": {"id": "per:aziz-testov"}})
    )
    assert answer["columns"] == columns and answer["row_count"] >= 1
    assert graph.read(COUNTS)[0] == before


def test_durations_points_and_dates_answer_as_json_values(client: httpx.Client) -> None:
    answer = ok(
        client.post(
            "/query",
            json={
                "cypher": (
                    "RETURN duration('P1DT2H') AS d, point({x: 1, y: 2}) AS p, "
                    "point({longitude: 69.2, latitude: 41.3}) AS g, date('2024-06-28') AS day"
                )
            },
        )
    )
    [[duration, point, geo, day]] = answer["rows"]
    assert duration == Duration(days=1, hours=2).iso_format()
    assert point == {"srid": 7203, "coordinates": [1.0, 2.0]}
    assert geo == {"srid": 4326, "coordinates": [69.2, 41.3]}
    assert day == "2024-06-28"


def test_to_json_checks_durations_and_points_before_tuples() -> None:
    assert to_json(Duration(days=1, hours=2)) == Duration(days=1, hours=2).iso_format()
    assert to_json([CartesianPoint((1, 2, 3))]) == [{"srid": 9157, "coordinates": [1.0, 2.0, 3.0]}]
    assert to_json((1, "a")) == [1, "a"]


def test_a_parameter_named_like_a_driver_option_reaches_the_statement(client: httpx.Client) -> None:
    """run()'s keyword arguments are query parameters: a budget passed to run() as `timeout=`
    would overwrite a user's $timeout (and would not limit the statement). The budget goes in
    the Query or the transaction, so the user's value arrives unchanged."""
    answer = ok(
        client.post(
            "/query", json={"cypher": "RETURN $timeout AS t", "parameters": {"timeout": 42}}
        )
    )
    assert answer["rows"] == [[42]]


@pytest.mark.parametrize(
    "cypher",
    [
        "RETURN `nosuch`.`function`() AS x",
        "RETURN date({year: 2024, month: 13}) AS x",
        "WITH 1 AS x RETURN x.y AS z",
    ],
)
def test_statements_the_graph_cannot_run_are_a_400_not_a_500(
    client: httpx.Client, cypher: str
) -> None:
    error(client.post("/query", json={"cypher": cypher}), 400, "invalid_input")


@pytest.mark.parametrize(
    "body, status, code",
    [
        ({"cypher": "MATCH (n RETURN n"}, 400, "invalid_input"),
        ({"cypher": "MATCH (n) RETURN n.name AS 'unterminated"}, 400, "invalid_input"),
        ({"cypher": "MATCH (n) WHERE n.id = $missing RETURN n"}, 400, "invalid_input"),
        ({"cypher": ""}, 422, "invalid_parameters"),
        ({"query": "MATCH (n) RETURN n"}, 422, "invalid_parameters"),
        ({"cypher": "MATCH (n) RETURN n", "parameters": [1, 2]}, 422, "invalid_parameters"),
    ],
)
def test_bad_statements_get_a_clear_4xx(
    client: httpx.Client, body: dict, status: int, code: str
) -> None:
    error(client.post("/query", json=body), status, code)


@pytest.fixture(scope="module")
def impatient_service(
    backend: Backend, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Service]:
    """A second service on the same graph whose reads may take one second."""
    running_service = start_service(
        backend, tmp_path_factory.mktemp("impatient"), {"KG_READ_TIMEOUT_S": "1"}
    )
    try:
        yield running_service
    finally:
        stop_service(running_service)


def test_an_over_budget_query_answers_504_and_is_stopped(
    impatient_service: Service, graph: Graph
) -> None:
    marker = f"budget-{uuid.uuid4().hex}"
    with impatient_service.client() as client:
        message = error(
            client.post("/query", json={"cypher": EXPENSIVE.format(marker=marker)}),
            504,
            "query_timeout",
        )
        assert "time budget of 1 s" in message
        assert ok(client.get("/health"))["status"] == "ok"
    assert wait_until(lambda: not running(graph, marker), 5)


def _post_raw(url: str, body: dict) -> socket.socket:
    parsed = urlparse(url)
    sock = socket.create_connection((parsed.hostname, parsed.port))
    data = json.dumps(body).encode()
    sock.sendall(
        b"POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + f"Content-Length: {len(data)}\r\n\r\n".encode()
        + data
    )
    return sock


def test_a_client_that_goes_away_leaves_no_query_running(
    service: Service, graph: Graph, tmp_path: Path
) -> None:
    marker = f"gone-{uuid.uuid4().hex}"
    log_start = service.log.stat().st_size
    sock = _post_raw(service.url, {"cypher": EXPENSIVE.format(marker=marker)})
    try:
        assert wait_until(lambda: running(graph, marker), 10), "the query never started"
        assert httpx.get(f"{service.url}/health", timeout=5).status_code == 200
    finally:
        sock.close()
    closed_at = time.monotonic()
    # Well inside the service's 15 s read budget: the disconnect stopped it, not the watchdog.
    assert wait_until(lambda: not running(graph, marker), 5)
    assert time.monotonic() - closed_at < 5
    assert httpx.get(f"{service.url}/health", timeout=5).status_code == 200
    # A client that hung up is no failure of ours: not a 504 "past its time budget" at ERROR
    # (the service's own loggers only reach this log from WARNING up).
    time.sleep(1)
    with open(service.log, "rb") as fh:
        fh.seek(log_start)
        logged = fh.read().decode(errors="replace")
    assert "time budget" not in logged and "query_timeout" not in logged, logged
    assert "Traceback" not in logged, logged
