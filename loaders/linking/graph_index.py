"""The graph as linking's index: named statements of graph_schema.statements.linking."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from graph_schema.graph import Graph, Tx
from graph_schema.statement import Statement
from graph_schema.statements import linking as st
from graph_schema.vocabulary import EntityType
from loaders.linking.link import link_batch
from loaders.linking.profiles import Profile, plant_product, with_keys
from loaders.resolve import GraphDocument

# How many entities one lookup may bring back per entity asking: a key shared by many (a place
# holding dozens of plants) costs a bounded read, and the scores decide among what comes.
PROFILE_CAP = 200

Reader = Callable[[Statement, dict[str, Any]], list[dict[str, Any]]]


@dataclass(frozen=True)
class GraphIndex:
    """Linking's reads, through a graph (each its own read) or inside a write transaction (the
    batched writer's: what it reads is what the batch is written against)."""

    read: Reader

    @classmethod
    def of_graph(cls, graph: Graph) -> GraphIndex:
        return cls(lambda statement, params: graph.read(statement, params))

    @classmethod
    def in_transaction(cls, tx: Tx) -> GraphIndex:
        return cls(lambda statement, params: tx.run(statement, **params).records)

    def existing(self, ids: Iterable[str]) -> set[str]:
        wanted = sorted(set(ids))
        if not wanted:
            return set()
        return {r["id"] for r in self.read(st.LINK_EXISTING, {"ids": wanted})}

    def by_keys(self, keys: Iterable[str], askers: int = 1) -> list[Profile]:
        wanted = sorted(set(keys))
        if not wanted:
            return []
        cap = PROFILE_CAP * max(1, askers)
        rows = self.read(st.LINK_PROFILES_BY_KEYS, {"keys": wanted, "cap": cap})
        return [_profile(r) for r in rows]

    def redirects(self, ids: Iterable[str]) -> dict[str, str]:
        wanted = sorted(set(ids))
        if not wanted:
            return {}
        rows = self.read(st.LINK_REDIRECTS, {"ids": wanted})
        return {r["source"]: r["target"] for r in rows}

    def split_rules(self, doc_ids: Iterable[str]) -> dict[str, dict[str, str]]:
        wanted = sorted(set(doc_ids))
        if not wanted:
            return {}
        rules: dict[str, dict[str, str]] = {}
        for r in self.read(st.LINK_SPLIT_RULES, {"doc_ids": wanted}):
            rules.setdefault(r["doc_id"], {})[r["source"]] = r["target"]
        return rules


def linked(tx: Tx, batch: Sequence[GraphDocument]) -> list[GraphDocument]:
    """The batched writer's `prepare` step (loaders.write): the batch linked against the graph
    as its transaction reads it, and across its own documents."""
    return link_batch(list(batch), GraphIndex.in_transaction(tx))


def _product(row: dict[str, object], aliases: list[str]) -> str | None:
    stated = str(row["product"]) if row.get("product") else None
    if str(row["type"]) != EntityType.PLANT.value:
        return stated
    return plant_product(stated, str(row["name"]), aliases)


def _profile(row: dict[str, object]) -> Profile:
    def ids(name: str) -> frozenset[str]:
        return frozenset(str(x) for x in (row.get(name) or []))  # type: ignore[attr-defined]

    aliases = [str(a) for a in (row.get("aliases") or [])]  # type: ignore[attr-defined]
    profile = Profile(
        id=str(row["id"]),
        type=EntityType(str(row["type"])),
        subtype=str(row["subtype"]) if row.get("subtype") else None,
        name=str(row["name"]),
        forms=frozenset([str(row["name"]), *aliases]),
        titles=ids("titles"),
        seats=ids("seats"),
        owners=ids("owners"),
        places=ids("places"),
        parents=ids("parents"),
        product=_product(row, aliases),
        named=row.get("named") is not False,
        geonames_id=int(row["geonames_id"]) if row.get("geonames_id") else None,  # type: ignore[call-overload]
        iso=str(row["iso"]) if row.get("iso") else None,
    )
    # the keys it is filed under as well as those its profile gives now: the read matched the
    # former, and the caller sorts what came back by them
    stored = frozenset(str(k) for k in (row.get("keys") or []))  # type: ignore[attr-defined]
    keyed = with_keys(profile)
    return replace(keyed, keys=keyed.keys | stored)
