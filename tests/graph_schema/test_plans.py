"""How the database plans the statements whose cost must not grow with the graph: the plan
(EXPLAIN) must start from an index, never from a scan of every node of a label. A scan gives
the same answers, so only the plan tells; timing it would be a benchmark (bench/)."""

from __future__ import annotations

from typing import Any

import pytest

from graph_schema.graph import Graph
from graph_schema.keys import SearchEntryKind
from graph_schema.statement import Backend, Statement
from graph_schema.statements.search import CREATE_SEARCH_ENTRIES, Probe, search_probes


def plan(graph: Graph, statement: Statement, params: dict[str, Any]) -> str:
    """ArcadeDB's EXPLAIN as text (its plan is one string)."""
    _, summary, _ = graph.driver.execute_query(
        f"EXPLAIN {statement.text(graph.backend)}", params, database_=graph.config.database
    )
    assert summary.plan is not None
    return str(summary.plan["args"]["string-representation"])


@pytest.fixture
def search_index(empty_graph: Graph) -> Graph:
    """Enough entries that a scan and a seek differ in cost."""
    rows = [
        {"text": f"{word}{i}", "kind": kind.value, "entity": f"org:e{i}"}
        for i in range(300)
        for word, kind in (
            ("karshi ", SearchEntryKind.KEY),
            ("karshi", SearchEntryKind.WORD),
            ("arshi", SearchEntryKind.SUFFIX),
        )
    ]
    empty_graph.write(lambda tx: tx.run(CREATE_SEARCH_ENTRIES, rows=rows))
    return empty_graph


@pytest.mark.parametrize("probe", list(Probe))
def test_every_search_probe_reads_the_index(search_index: Graph, probe: Probe) -> None:
    if search_index.backend is not Backend.ARCADEDB:
        pytest.skip("the plan's text is ArcadeDB's; Neo4j plans these as index seeks")
    text = plan(search_index, search_probes((probe,)), {"p0": "kar", "cap": 10})
    assert "NodeByLabelScan" not in text, text
    assert "search_key_text" in text, text
