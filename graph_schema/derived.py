"""Bookkeeping the writer keeps beside the news graph, filled in for a database written before it
was kept: the counts /stats reads and the search index of entity keys.

Both are written with the data from then on (loaders.write); this runs at start-up after the
schema (`apply_schema`) and does nothing on a database that has them, or holds nothing.
"""

from __future__ import annotations

import logging

from graph_schema.counts import CountChanges, lang_key, month_key, node_key, relation_key
from graph_schema.graph import Graph, Tx
from graph_schema.keys import search_entries
from graph_schema.statements import counts as cs
from graph_schema.statements import search as ss
from graph_schema.vocabulary import ENTITY_LABEL

log = logging.getLogger(__name__)

_PAGE = 5_000


# Set once every entity's entries are in the index; until then a start-up (re)fills it, the
# entities that have entries skipped, so an interrupted fill-in resumes.
SEARCH_INDEX_FILLED = "meta:search_index_filled"


def fill_in(graph: Graph) -> tuple[str, ...]:
    """Fill in what is missing; returns what was filled in ('counts', 'search index')."""
    filled = []
    counts = {row["label"]: row["count"] for row in graph.read(cs.NODES_PER_LABEL)}
    if any(counts.values()) and not graph.read(cs.ANY_COUNT):
        _fill_in_counts(graph, counts)
        filled.append("counts")
    entities = counts.get(ENTITY_LABEL, 0)
    filled_before = graph.read(cs.COUNT_OF, {"key": SEARCH_INDEX_FILLED})
    if entities and not filled_before and _fill_in_search_index(graph):
        filled.append("search index")
    return tuple(filled)


def _fill_in_counts(graph: Graph, nodes: dict[str, int]) -> None:
    changes = CountChanges()
    for label, n in nodes.items():
        changes.deltas[node_key(label)] = n
    for row in graph.read(cs.RELATIONS_PER_TYPE, timeout_s=graph.config.write_timeout_s):
        changes.deltas[relation_key(row["type"])] = row["count"]
    for row in graph.read(cs.DOCUMENTS_PER_LANG_AND_MONTH):
        changes.deltas[lang_key(row["lang"])] += row["count"]
        changes.deltas[month_key(row["month"])] += row["count"]
    graph.write(lambda tx: tx.run(cs.SET_COUNTS, rows=changes.rows()), name="fill_in_counts")
    log.info("filled in the counts /stats reads: %s", dict(changes.deltas))


def _fill_in_search_index(graph: Graph) -> int:
    """Entries for the entities that have none; returns for how many entities."""
    after, total = "", 0
    while True:
        page = graph.read(ss.ENTITY_KEYS_PAGE, {"after": after, "limit": _PAGE})
        if not page:
            break
        rows = [
            entry
            for row in page
            if not row["indexed"]
            for entry in ss.entry_rows(row["id"], search_entries(row["keys"] or []))
        ]

        def work(tx: Tx, rows: list[dict] = rows) -> None:
            for start in range(0, len(rows), _PAGE):
                tx.run(ss.CREATE_SEARCH_ENTRIES, rows=rows[start : start + _PAGE])

        if rows:
            graph.write(work, name="fill_in_search_index")
        total += sum(1 for row in page if not row["indexed"])
        after = page[-1]["id"]
    graph.write(
        lambda tx: tx.run(cs.SET_COUNTS, rows=[{"key": SEARCH_INDEX_FILLED, "n": 1}]),
        name="fill_in_search_index",
    )
    if total:
        log.info("filled in the search index for %d entities", total)
    return total
