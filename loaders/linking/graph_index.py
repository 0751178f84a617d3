"""The graph as linking's index: named statements of graph_schema.statements.linking."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from graph_schema.graph import Graph
from graph_schema.statements import linking as st
from graph_schema.vocabulary import EntityType
from loaders.linking.profiles import Profile, with_keys

# How many entities one lookup may bring back per entity asking: a key shared by many (a place
# holding dozens of plants) costs a bounded read, and the scores decide among what comes.
PROFILE_CAP = 200


@dataclass(frozen=True)
class GraphIndex:
    graph: Graph

    def existing(self, ids: Iterable[str]) -> set[str]:
        wanted = sorted(set(ids))
        if not wanted:
            return set()
        return {r["id"] for r in self.graph.read(st.LINK_EXISTING, {"ids": wanted})}

    def by_keys(self, keys: Iterable[str], askers: int = 1) -> list[Profile]:
        wanted = sorted(set(keys))
        if not wanted:
            return []
        cap = PROFILE_CAP * max(1, askers)
        rows = self.graph.read(st.LINK_PROFILES_BY_KEYS, {"keys": wanted, "cap": cap})
        return [_profile(r) for r in rows]

    def redirects(self, ids: Iterable[str]) -> dict[str, str]:
        wanted = sorted(set(ids))
        if not wanted:
            return {}
        rows = self.graph.read(st.LINK_REDIRECTS, {"ids": wanted})
        return {r["source"]: r["target"] for r in rows}

    def split_rules(self, doc_id: str) -> dict[str, str]:
        rows = self.graph.read(st.LINK_SPLIT_RULES, {"doc_id": doc_id})
        return {r["source"]: r["target"] for r in rows}


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
        product=str(row["product"]) if row.get("product") else None,
        named=row.get("named") is not False,
        geonames_id=int(row["geonames_id"]) if row.get("geonames_id") else None,  # type: ignore[call-overload]
        iso=str(row["iso"]) if row.get("iso") else None,
    )
    # the keys it is filed under as well as those its profile gives now: the read matched the
    # former, and the caller sorts what came back by them
    stored = frozenset(str(k) for k in (row.get("keys") or []))  # type: ignore[attr-defined]
    keyed = with_keys(profile)
    return replace(keyed, keys=keyed.keys | stored)
