"""Counts of what the graph holds."""

from __future__ import annotations

from collections import Counter

from graph_schema.graph import Graph
from graph_schema.statements import stats as st
from service.schemas_queries import DocumentCounts, Stats


def read_stats(graph: Graph) -> Stats:
    nodes = {row["label"]: row["count"] for row in graph.read(st.NODE_COUNTS)}
    relations = {row["type"]: row["count"] for row in graph.read(st.RELATION_COUNTS)}
    by_lang: Counter[str] = Counter()
    by_month: Counter[str] = Counter()
    for row in graph.read(st.DOCUMENT_COUNTS):
        by_lang[row["lang"] or "unknown"] += row["count"]
        by_month[row["month"] or "undated"] += row["count"]
    documents = DocumentCounts(
        total=sum(by_lang.values()),
        by_lang=dict(sorted(by_lang.items())),
        by_month=dict(sorted(by_month.items())),
    )
    return Stats(nodes=nodes, relations=relations, documents=documents)
