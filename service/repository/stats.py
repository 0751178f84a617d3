"""Counts of what the graph holds, as the writer keeps them (graph_schema.counts)."""

from __future__ import annotations

from graph_schema.counts import LANG, MONTH, NODE, RELATION
from graph_schema.graph import Graph
from graph_schema.statements import counts as st
from graph_schema.vocabulary import RelationType
from service.schemas_queries import DocumentCounts, Stats


def read_stats(graph: Graph) -> Stats:
    counts = {row["key"]: row["n"] or 0 for row in graph.read(st.READ_COUNTS)}
    nodes = {label: counts.get(NODE + label, 0) for label in st.COUNTED_LABELS}
    relations = {t.value: counts.get(RELATION + t.value, 0) for t in RelationType}
    by_lang = {
        (key.removeprefix(LANG) or "unknown"): n
        for key, n in counts.items()
        if key.startswith(LANG) and n
    }
    by_month = {
        (key.removeprefix(MONTH) or "undated"): n
        for key, n in counts.items()
        if key.startswith(MONTH) and n
    }
    documents = DocumentCounts(
        total=sum(by_lang.values()),
        by_lang=dict(sorted(by_lang.items())),
        by_month=dict(sorted(by_month.items())),
    )
    return Stats(nodes=nodes, relations=relations, documents=documents)
