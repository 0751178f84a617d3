"""POST /query against the attacks of the trust probe (issue 9), over real HTTP and on the real
graph: comments ended by a bare carriage return, CALL … IN TRANSACTIONS, LOAD CSV of local files,
labels left behind by refused writes, answers without a size cap. Each wall is also tested on its
own: the read-only user refuses what the statement check would have let through."""

from __future__ import annotations

import httpx
import pytest
from neo4j.exceptions import Neo4jError

from graph_schema.errors import ForbiddenQueryError
from graph_schema.graph import Graph
from graph_schema.readonly import AnswerLimits, _run_as_reader, check_read_only
from graph_schema.statement import Backend as GraphBackend
from graph_schema.statement import Statement
from tests.conftest import Backend
from tests.service.world import error, load_world, ok

SNAPSHOT = Statement(
    "SNAPSHOT",
    """
    CALL { MATCH (n) RETURN count(n) AS nodes }
    CALL { MATCH ()-[r]->() RETURN count(r) AS relations }
    CALL { MATCH (n) WHERE n.pwned IS NOT NULL OR n.pwned2 IS NOT NULL RETURN count(n) AS marked }
    RETURN nodes, relations, marked""",
)
LABELS = Statement("LABELS", "CALL db.labels() YIELD label RETURN collect(label) AS labels")
LIMITS = AnswerLimits(row_cap=100, byte_cap=1_000_000, timeout_s=10)

# The probe's statements: a // comment that ArcadeDB ends at a bare \r, so what follows it was
# never checked, and CALL { … } IN TRANSACTIONS, which commits past the rollback.
PROBE_WRITES = [
    "MATCH (n:Entity) //\r CALL { WITH n SET n.pwned = true } IN TRANSACTIONS RETURN count(*) AS c",
    "MATCH (n:Entity) //\r CALL { WITH n CREATE (:Intruder {id: 'x'}) } IN TRANSACTIONS "
    "RETURN count(*) AS c",
    "MATCH (n:Entity) //\r CALL { WITH n DETACH DELETE n } IN TRANSACTIONS RETURN count(*) AS c",
    "MATCH (n:Entity) //\u2028 SET n.pwned = true RETURN count(*) AS c",
    "MATCH (n:Entity) //\x85 SET n.pwned = true RETURN count(*) AS c",
    "MATCH (n:Entity) /* a */ //\r\n SET n.pwned2 = true RETURN count(*) AS c",
]


@pytest.fixture(scope="module", autouse=True)
def world(service: object, graph: Graph) -> dict[str, str]:
    return load_world(service, graph)  # type: ignore[arg-type]


@pytest.mark.parametrize("cypher", PROBE_WRITES)
def test_writes_hidden_behind_line_breaks_are_refused_and_change_nothing(
    client: httpx.Client, graph: Graph, cypher: str
) -> None:
    before = graph.read(SNAPSHOT)[0]
    message = error(client.post("/query", json={"cypher": cypher}), 403, "forbidden_query")
    assert "undone" not in message  # the probe's 403 claimed a rollback that had not happened
    assert graph.read(SNAPSHOT)[0] == before


@pytest.mark.parametrize(
    "cypher",
    [
        "WITH 1 AS x //\r LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r LIMIT 2",
        "LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r LIMIT 2",
        "WITH 1 AS x //\r LOAD CSV FROM $url AS r RETURN r LIMIT 2",
    ],
)
def test_local_files_are_not_read(client: httpx.Client, backend: Backend, cypher: str) -> None:
    password_file = backend.env.get("KG_DATA_DIR", "/nonexistent") + "/root-password"
    answer = client.post("/query", json={"cypher": cypher, "parameters": {"url": password_file}})
    error(answer, 403, "forbidden_query")
    assert "root:" not in answer.text


def test_the_read_only_user_refuses_writes_the_check_never_saw(graph: Graph) -> None:
    """The statement check is bypassed here: the server's permissions alone hold."""
    before = graph.read(SNAPSHOT)[0]
    labels = graph.read(LABELS)[0]["labels"]
    for cypher in [
        "CREATE (:Intruder {id: 'direct'}) RETURN 1",
        "MERGE (:Intruder2 {id: 'direct'}) RETURN 1",
        "MATCH (n:Entity) SET n.pwned = true RETURN count(*)",
        "MATCH (n:Entity) CALL { WITH n SET n.pwned = true } IN TRANSACTIONS RETURN count(*)",
        "MATCH (n) DETACH DELETE n",
        "CREATE INDEX intruder IF NOT EXISTS FOR (n:Entity) ON (n.pwned)",
    ]:
        with pytest.raises(ForbiddenQueryError):
            _run_as_reader(graph, cypher, {}, LIMITS)
    assert graph.read(SNAPSHOT)[0] == before
    # a refused CREATE or MERGE leaves no label behind (it did with the root user)
    assert graph.read(LABELS)[0]["labels"] == labels


def test_the_server_reads_no_file_for_load_csv_even_as_root(graph: Graph) -> None:
    if graph.backend is not GraphBackend.ARCADEDB:
        pytest.skip("Neo4j's file URLs are switched off in its configuration (docker-compose)")
    with pytest.raises(Neo4jError, match="disabled"):
        graph.driver.execute_query(
            "LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r LIMIT 1",
            database_=graph.config.database,
        )


def test_the_statement_check_ends_comments_at_every_line_break() -> None:
    for cypher in PROBE_WRITES:
        with pytest.raises(ForbiddenQueryError):
            check_read_only(cypher)
    check_read_only("MATCH (n) // a comment\r RETURN n.id AS id")  # what follows is read


def test_a_huge_answer_stops_at_the_byte_cap(client: httpx.Client) -> None:
    # The probe's statement had 40 rows (520 MB after 60 s). ArcadeDB builds every row before it
    # sends the first: 12.4 s for those 40 on this machine, next to the 15 s budget, so a loaded
    # machine answered 504. Each row is over 10 MB of JSON: 3 rows test the same cap.
    cypher = "UNWIND range(1, 3) AS i RETURN i, [x IN range(1, 1000000) | 'aaaaaaaaaa'] AS big"
    answer = ok(client.post("/query", json={"cypher": cypher}))
    assert answer["truncated"] is True and answer["truncated_by"] == "bytes"
    assert answer["byte_cap"] == 10_000_000 and answer["row_count"] == 0
    assert len(answer["rows"]) == 0


def test_small_answers_are_whole(client: httpx.Client) -> None:
    answer = ok(client.post("/query", json={"cypher": "UNWIND range(1, 5) AS i RETURN i"}))
    assert answer["rows"] == [[1], [2], [3], [4], [5]]
    assert answer["truncated"] is False and answer["truncated_by"] is None
