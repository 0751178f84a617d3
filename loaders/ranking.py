"""Each entity's best-supported neighbours, kept by every writer in its own transaction
(statements in graph_schema.statements.ranking).

The list holds an entity's first TOP_NEIGHBOURS neighbours by (support descending, id), where
a neighbour's support is the largest `doc_count` of the relations between the two. A list
shorter than TOP_NEIGHBOURS is complete. Writers patch the lists of the entities they touch:

- an ingest only adds support: the new list is the first of the old list and the batch's
  pairs, exactly (whatever was below the old list's last entry stays below it);
- a deletion or a curation change may lower or move support: a list that names a changed
  partner, or is complete, is recomputed from the entity's edges; a full list that names none
  of them only takes in the changed pairs (curation knows their supports exactly).

An entity without a list (written before lists existed) stays without one until `rank_all`
ranks it; readers then rank it the old way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import partial

from graph_schema.graph import Graph, Tx
from graph_schema.statements import ranking as st

TOP_NEIGHBOURS = st.TOP_NEIGHBOURS
CHUNK = 500

Ranking = list[tuple[str, int]]


def order(supports: Mapping[str, int]) -> Ranking:
    """The first TOP_NEIGHBOURS of `supports` (neighbour id -> support), best first."""
    return sorted(supports.items(), key=lambda item: (-item[1], item[0]))[:TOP_NEIGHBOURS]


def _chunks(ids: list[str]) -> list[list[str]]:
    return [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]


def read_lists(tx: Tx, ids: Iterable[str]) -> dict[str, Ranking | None]:
    """The stored list of each entity the graph holds among `ids` (None: not ranked)."""
    found: dict[str, Ranking | None] = {}
    for chunk in _chunks(sorted(set(ids))):
        for row in tx.run(st.READ_TOP_NEIGHBOURS, ids=chunk).records:
            if row["neighbours"] is None:
                found[row["id"]] = None
            else:
                found[row["id"]] = list(zip(row["neighbours"], row["supports"] or [], strict=True))
    return found


def full_rankings(tx: Tx, ids: Iterable[str]) -> dict[str, Ranking]:
    """Each entity's ranking computed from its edges (entities the graph holds)."""
    wanted = sorted(set(ids))
    rankings: dict[str, dict[str, int]] = {}
    for chunk in _chunks(wanted):
        for row in tx.run(st.READ_TOP_NEIGHBOURS, ids=chunk).records:
            rankings[row["id"]] = {}
        for row in tx.run(st.RANK_NEIGHBOURS, ids=chunk, k=TOP_NEIGHBOURS).records:
            rankings[row["id"]][row["neighbour"]] = int(row["support"])
    return {eid: order(supports) for eid, supports in rankings.items()}


def write_lists(tx: Tx, lists: Mapping[str, Ranking]) -> None:
    rows = [
        {"id": eid, "neighbours": [n for n, _ in ranking], "supports": [s for _, s in ranking]}
        for eid, ranking in lists.items()
    ]
    for i in range(0, len(rows), CHUNK):
        tx.run(st.SET_TOP_NEIGHBOURS, rows=rows[i : i + CHUNK])


def recompute(tx: Tx, ids: Iterable[str]) -> None:
    """Rank `ids` from their edges and store the lists."""
    write_lists(tx, full_rankings(tx, ids))


def raise_supports(tx: Tx, pairs: Iterable[tuple[str, str, int]], created: set[str]) -> None:
    """After an ingest batch: `pairs` are (source, target, doc_count) of the relations it
    merged, with their counts after it. Entities `created` by the batch start from an empty
    list; others without a list stay unranked."""
    batch: dict[str, dict[str, int]] = defaultdict(dict)
    for a, b, count in pairs:
        if a == b:
            continue
        for x, y in ((a, b), (b, a)):
            batch[x][y] = max(batch[x].get(y, 0), int(count or 0))
    # An entity created without a relation gets an empty list: no list means "written before
    # lists existed", never "no neighbours yet".
    changed: dict[str, Ranking] = {eid: [] for eid in created if eid not in batch}
    stored = read_lists(tx, batch) if batch else {}
    for eid, partners in batch.items():
        old = stored.get(eid)
        if old is None and eid not in created:
            continue
        supports = dict(old or [])
        for other, count in partners.items():
            supports[other] = max(supports.get(other, 0), count)
        new = order(supports)
        if new != old:
            changed[eid] = new
    write_lists(tx, changed)


def settle(
    tx: Tx,
    partners: Mapping[str, set[str]],
    exact: Mapping[str, Mapping[str, int]] | None = None,
    rewritten: Iterable[str] = (),
) -> None:
    """After support was lowered or moved: `partners[x]` are the entities whose support with
    x changed. `exact[x][y]`, when given, is the new support of every such pair (absent: no
    relation left). Entities `rewritten` (curation wrote them back without a list) are
    recomputed."""
    redo = set(rewritten)
    stored = read_lists(tx, set(partners) - redo)
    changed: dict[str, Ranking] = {}
    for eid, others in partners.items():
        old = stored.get(eid)
        if eid in redo or old is None:
            continue
        complete = len(old) < TOP_NEIGHBOURS
        named = {n for n, _ in old} & others
        if (exact is None and (complete or named)) or (not complete and named):
            redo.add(eid)
            continue
        # A complete list, or a full one naming no changed partner: the changed pairs' exact
        # supports decide, and whatever else was below the list's last entry stays below it.
        supports = {n: s for n, s in old if n not in others}
        supports.update((y, s) for y, s in (exact or {}).get(eid, {}).items() if s > 0)
        new = order(supports)
        if new != old:
            changed[eid] = new
    write_lists(tx, changed)
    recompute(tx, redo)


def rank_all(graph: Graph) -> int:
    """Rank every entity without a list (a graph written before lists existed), a chunk a
    transaction; how many were ranked."""
    ranked = 0
    while True:
        ids = [r["id"] for r in graph.read(st.UNRANKED_ENTITIES, {"limit": CHUNK})]
        if not ids:
            return ranked
        graph.write(partial(recompute, ids=ids), name="rank_neighbours")
        ranked += len(ids)
