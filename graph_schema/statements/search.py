"""Entity search through an index of search keys, the same on Neo4j and ArcadeDB.

Each entity's folded keys are kept as SearchKey nodes, one per entry (graph_schema.keys:
the whole key, each word, each word's suffixes), with a range index on `text`. A search asks
a few probes of that index, each an index seek or a range scan cut at a cap, and ranks the
entities they name: nothing is read in proportion to the graph. ArcadeDB has no full-text
index over Cypher, and its scan of every entity's `search_text` took 70-230 ms at 48.5k
entities (measured); an index probe takes a few milliseconds at any size.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from functools import lru_cache

from graph_schema.keys import SearchEntryKind
from graph_schema.statement import Statement
from graph_schema.statements.fragments import node
from graph_schema.vocabulary import ENTITY_LABEL, SEARCH_KEY_LABEL

_K, _W, _S = (f"'{kind.value}'" for kind in SearchEntryKind)

# One row per entity and kind of entry, with its texts (`entry_rows`): an entity brings a
# dozen entries or more, and a row each cost more in parameters than the nodes themselves.
CREATE_SEARCH_ENTRIES = Statement(
    "CREATE_SEARCH_ENTRIES",
    f"""
    UNWIND $rows AS row
    UNWIND row.texts AS text
    CREATE (k:{SEARCH_KEY_LABEL} {{text: text, kind: row.kind, entity: row.entity}})
    RETURN count(k) AS created
    """,
    writes=True,
)


def entry_rows(entity: str, entries: Iterable[tuple[str, SearchEntryKind]]) -> list[dict]:
    """CREATE_SEARCH_ENTRIES' rows for one entity's entries: one per kind, texts in order."""
    texts: dict[SearchEntryKind, list[str]] = {}
    for text, kind in sorted(entries):
        texts.setdefault(kind, []).append(text)
    return [{"entity": entity, "kind": kind.value, "texts": t} for kind, t in texts.items()]


DELETE_SEARCH_ENTRIES = Statement(
    "DELETE_SEARCH_ENTRIES",
    f"""
    UNWIND $ids AS eid
    MATCH (k:{SEARCH_KEY_LABEL} {{entity: eid}})
    DELETE k
    RETURN count(*) AS deleted
    """,
    writes=True,
)


class Probe(StrEnum):
    """One question to the index; `p` is a folded query, a token of it, or part of a token."""

    KEY = "key"  # a whole key equals p: exact matches
    WORD_STARTS = "word_starts"  # a word starts with p: word prefixes (and the left half
    # of a misspelt token)
    INSIDE = "inside"  # a word's suffix starts with p: p inside a word
    WORD_ENDS = "word_ends"  # a word or a word's suffix is p: the word ends with p (the
    # right half of a misspelt token)


# The index predicate, then the kind in a WITH of its own: ArcadeDB's planner turns
# `k.text STARTS WITH $p AND k.kind = ...` into a scan of every entry (NodeByLabelScan in its
# EXPLAIN: 180 ms at 63k entries, seconds at a million), `k.text STARTS WITH $p` alone into a
# range scan of the index (4 ms). Equality seeks the index either way.
_WHERE = {
    Probe.KEY: f"k.text = %(p)s WITH k WHERE k.kind = {_K}",
    Probe.WORD_STARTS: f"k.text STARTS WITH %(p)s WITH k WHERE k.kind = {_W}",
    Probe.INSIDE: f"k.text STARTS WITH %(p)s WITH k WHERE k.kind = {_S}",
    Probe.WORD_ENDS: f"k.text = %(p)s WITH k WHERE k.kind <> {_K}",
}


@lru_cache(maxsize=64)
def search_probes(probes: tuple[Probe, ...]) -> Statement:
    """One row per probe, in order: the ids of the entities whose entries it finds, at most
    $cap (a range scan is cut in the index's order). Parameters $p0, $p1, ... per probe.

    A top-level UNION ALL: ArcadeDB seeks the index in each branch, whereas one statement
    unwinding a list of probes scanned every entry for each (3.7 s, measured)."""
    if not probes:
        raise ValueError("a search asks at least one probe")
    branches = [
        f"MATCH (k:{SEARCH_KEY_LABEL}) WHERE {_WHERE[probe] % {'p': f'$p{i}'}} "
        f"WITH k LIMIT $cap RETURN {i} AS probe, collect(k.entity) AS ids"
        for i, probe in enumerate(probes)
    ]
    return Statement(
        f"SEARCH_PROBES[{','.join(probes)}]",
        "\nUNION ALL\n".join(branches),
    )


# How well the folded query matches a node's folded keys: 0 exact, 1 a word starts with it,
# 2 substring, 3 only a fuzzy candidate. Candidates are cut in that order, so a LIMIT never
# drops an exact match in favour of a fuzzy one; the repository ranks them finally.
_TIER = """
    CASE WHEN $query IN e.search_keys THEN 0
         WHEN any(k IN e.search_keys WHERE k STARTS WITH $query
                                       OR k CONTAINS (' ' + $query)) THEN 1
         WHEN any(k IN e.search_keys WHERE k CONTAINS $query) THEN 2
         ELSE 3 END
"""

SEARCH_CANDIDATES = Statement(
    "SEARCH_CANDIDATES",
    f"""
    UNWIND $ids AS eid
    MATCH (e:{ENTITY_LABEL} {{id: eid}})
    WHERE ($type IS NULL OR e.type = $type) AND ($subtype IS NULL OR e.subtype = $subtype)
    WITH e, {_TIER} AS tier
    RETURN {node("e")} AS entity, e.search_keys AS keys, e.mention_count AS mentions, tier
    ORDER BY tier, mentions DESC, e.id LIMIT $candidates
    """,
)

# Filling the index in for a database written before it existed: entities by id, a page at a
# time, and whether each has entries already (an interrupted fill-in resumes).
ENTITY_KEYS_PAGE = Statement(
    "ENTITY_KEYS_PAGE",
    f"""
    MATCH (e:{ENTITY_LABEL}) WHERE e.id > $after
    WITH e ORDER BY e.id LIMIT $limit
    RETURN e.id AS id, e.search_keys AS keys,
           EXISTS {{ MATCH (k:{SEARCH_KEY_LABEL} {{entity: e.id}}) }} AS indexed
    """,
)
