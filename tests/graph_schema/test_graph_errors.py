"""Graph's error translation and write retries on the real graph: values the driver cannot send,
a statement stopped for its budget against one stopped because its caller went away, a write
sent as a read, and two writers racing for the same document."""

from __future__ import annotations

import contextvars
import threading
import time
import uuid
from typing import Any

import pytest

from graph_schema.errors import InvalidInputError, QueryCancelledError, QueryTimeoutError
from graph_schema.graph import Graph, Tx
from graph_schema.statement import Statement
from graph_schema.statements import writes as w
from graph_schema.watchdog import query_scope
from tests.conftest import Backend

ENTITY_FACTS = (
    "entity_ids",
    "entity_geonames_ids",
    "entity_isos",
    "entity_statuses",
    "entity_products",
    "entity_capacities",
    "entity_investments",
    "entity_title_ids",
    "entity_titles",
)

ECHO = Statement("ECHO", "RETURN $value AS value")
MAKE = Statement("MAKE", "CREATE (n:Probe {id: $id, value: $value}) RETURN n.id AS id", writes=True)
FIND = Statement("FIND", "MATCH (n:Probe {id: $id}) RETURN n.id AS id")
DOCUMENT = Statement("DOCUMENT", "MATCH (d:Document {id: $id}) RETURN count(d) AS n")
RUNNING = Statement(
    "RUNNING",
    """
    SHOW TRANSACTIONS YIELD transactionId, currentQuery
    WHERE currentQuery CONTAINS $marker RETURN transactionId""",
)


def expensive(marker: str) -> Statement:
    return Statement(
        "EXPENSIVE",
        f"/* {marker} */ UNWIND range(1, 20000) AS a "
        "UNWIND range(1, 20000) AS b WITH a, b WHERE (a * b) % 7 = 3 "
        "RETURN count(*) AS c",
    )


@pytest.mark.parametrize(
    "value, says",
    [
        (2**70, "64 bits"),
        (-(2**63) - 1, "64 bits"),
        ({"deep": [1, 2**64]}, "64 bits"),
        ("\ud800", "surrogate"),
        (["fine", "not \udfff fine"], "surrogate"),
        (object(), "cannot be sent"),
        ({1: "a map key that is no string"}, "cannot be sent"),
    ],
)
def test_values_the_driver_cannot_send_are_invalid_input(
    graph: Graph, value: Any, says: str
) -> None:
    with pytest.raises(InvalidInputError, match=says):
        graph.read(ECHO, {"value": value})
    assert graph.read(ECHO, {"value": 2**63 - 1}) == [{"value": 2**63 - 1}]


def test_an_unsendable_value_in_a_write_leaves_nothing_written(empty_graph: Graph) -> None:
    def work(tx: Tx) -> None:
        tx.run(MAKE, id="first", value=1)
        tx.run(MAKE, id="second", value="\ud800")

    with pytest.raises(InvalidInputError, match="surrogate"):
        empty_graph.write(work)
    assert empty_graph.read(FIND, {"id": "first"}) == []
    assert empty_graph.write(lambda tx: tx.run(MAKE, id="third", value=3).records) == [
        {"id": "third"}
    ]  # and the graph takes the next write


def test_an_error_of_our_own_code_is_not_turned_into_invalid_input(graph: Graph) -> None:
    def work(tx: Tx) -> None:
        raise ValueError("a bug in a unit of work")

    with pytest.raises(ValueError, match="a bug") as raised:
        graph.write(work)
    assert not isinstance(raised.value, InvalidInputError)


def test_a_write_statement_is_refused_as_a_read(empty_graph: Graph) -> None:
    with pytest.raises(ValueError, match=r"Graph\.write"):
        empty_graph.read(MAKE, {"id": "sneaky", "value": 1})
    assert empty_graph.read(FIND, {"id": "sneaky"}) == []


def running(graph: Graph, marker: str) -> bool:
    return bool(graph.read(RUNNING, {"marker": marker}))


def wait_until(condition: Any, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_a_statement_past_its_budget_is_a_timeout(graph: Graph) -> None:
    marker = f"budget-{uuid.uuid4().hex}"
    with pytest.raises(QueryTimeoutError, match="time budget of 1 s"):
        graph.read(expensive(marker), timeout_s=1)
    assert wait_until(lambda: not running(graph, marker), 5)


def test_a_statement_stopped_for_a_caller_that_went_away_is_no_timeout(graph: Graph) -> None:
    marker = f"gone-{uuid.uuid4().hex}"
    raised: list[BaseException] = []
    with query_scope() as scope:
        context = contextvars.copy_context()  # as the service runs a request in a thread

        def read() -> None:
            try:
                graph.read(expensive(marker), timeout_s=30)
            except BaseException as exc:  # handed to the test thread
                raised.append(exc)

        thread = threading.Thread(target=lambda: context.run(read))
        started = time.monotonic()
        thread.start()
        assert wait_until(lambda: running(graph, marker), 10), "the statement never started"
        assert graph.watchdog.cancel(scope) >= 1
        thread.join(timeout=15)
    assert not thread.is_alive()
    assert time.monotonic() - started < 15
    [exc] = raised
    assert isinstance(exc, QueryCancelledError) and "went away" in str(exc)


def test_writers_racing_for_one_document_load_it_once(backend: Backend, empty_graph: Graph) -> None:
    """Both check DOCUMENTS_PRESENT before either commits; the second commit violates the unique
    document id (both backends), is retried, finds the document and skips it."""
    doc_id = f"race-{uuid.uuid4().hex}"
    both_checked = threading.Barrier(2, timeout=20)
    results: list[str] = []
    failures: list[BaseException] = []

    def load(graph: Graph) -> None:
        attempts = 0

        def work(tx: Tx) -> str:
            nonlocal attempts
            attempts += 1
            if tx.run(w.DOCUMENTS_PRESENT, ids=[doc_id]).records:
                return f"skipped after {attempts}"
            if attempts == 1:
                both_checked.wait()
            document = {
                "id": doc_id,
                "url": None,
                "title": "race",
                "published": None,
                "lang": "en",
                "text": "race",
                "ingested_at": "2024-01-01T00:00:00",
                "seen": "2024-01-01",
                "entity_count": 0,
                "relation_count": 0,
                **{f: [] for f in ENTITY_FACTS},
            }
            tx.run(w.CREATE_DOCUMENTS, rows=[document])
            return f"loaded after {attempts}"

        try:
            results.append(graph.write(work, name="race"))
        except BaseException as exc:  # handed to the test thread
            failures.append(exc)

    with Graph.connect(backend.config) as other:
        threads = [threading.Thread(target=load, args=(g,)) for g in (empty_graph, other)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    assert failures == []
    assert sorted(results) == ["loaded after 1", "skipped after 2"]
    assert empty_graph.read(DOCUMENT, {"id": doc_id}) == [{"n": 1}]
