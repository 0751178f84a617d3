"""What a merge, a split or a rename makes of a region: pure functions, region before in, region
after out (the input is left as it was). The rules follow the writer's (loaders.write and
graph_schema.statements.writes): lists keep first occurrences, counts add up, external ids keep
the first value given, relation provenance is parallel lists from which the rest is derived.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from graph_schema.keys import fold, relation_id
from graph_schema.vocabulary import SYMMETRIC_RELATIONS
from loaders.batch import candidate_id
from loaders.curation.region import MentionState, Props, Region, RelationState

_FIRST_GIVEN = ("geonames_id", "iso", "status", "product", "capacity", "investment")
_PROVENANCE = ("doc_ids", "sentences", "confidences", "statuses", "seen_dates")


@dataclass(frozen=True)
class Stamp:
    """Which change made a redirect or a split rule, and when."""

    change: str
    at: str


def _union(first: list[Any], second: list[Any]) -> list[Any]:
    return first + [x for x in second if x not in first]


# -- merge -----------------------------------------------------------------------------------------


def merged(before: Region, source: str, target: str, stamp: Stamp) -> Region:
    """`source` folded into `target`: its mentions, relations (with their provenance), aliases
    and keys move; `source` lives on as a Redirect to `target`."""
    region = copy.deepcopy(before)
    gone = region.entities.pop(source)
    survivor = region.entities[target]
    moved = sorted(region.mentions_of(source), key=lambda m: m.props.get("seq") or 0)
    _merge_entity_props(survivor.props, gone.props, len(moved))
    region.mentions = _moved_mentions(region, moved, target, survivor.props)
    survivor.props["doc_count"] = len({m.doc for m in region.mentions_of(target)})
    region.relations = _moved_relations(region, source, target)
    for doc in region.documents.values():
        doc.entity_ids = [target if x == source else x for x in doc.entity_ids]
        doc.title_ids = [target if x == source else x for x in doc.title_ids]
    region.candidates = _moved_candidates(region.candidates, source, target)
    for redirect in region.redirects.values():
        if redirect["target"] == source:
            redirect["target"] = target
    region.redirects[source] = {
        "source": source,
        "target": target,
        "change": stamp.change,
        "at": stamp.at,
    }
    for rule in region.split_rules:
        if rule["target"] == source:
            rule["target"] = target
    return region


def _merge_entity_props(props: Props, gone: Props, moved: int) -> None:
    for name in ("aliases", "search_keys", "titles", "link_keys"):
        props[name] = _union(list(props.get(name) or []), list(gone.get(name) or []))
    props["mention_count"] = int(props.get("mention_count") or 0) + int(
        gone.get("mention_count") or 0
    )
    for name in _FIRST_GIVEN:
        if props.get(name) is None and gone.get(name) is not None:
            props[name] = gone[name]
    seen = [x for x in (props.get("first_seen"), gone.get("first_seen")) if x]
    if seen:
        props["first_seen"] = min(seen)
    seen = [x for x in (props.get("last_seen"), gone.get("last_seen")) if x]
    if seen:
        props["last_seen"] = max(seen)
    props["name_in_text"] = bool(props.get("name_in_text")) or bool(gone.get("name_in_text"))
    props["load_seq"] = int(props.get("load_seq") or props.get("doc_count") or 0) + moved


def _moved_mentions(
    region: Region, moved: list[MentionState], target: str, survivor: Props
) -> list[MentionState]:
    """Mentions of the merged entity become the survivor's, after its own in load order; a
    document that mentions both keeps one mention, the two combined."""
    moving = {id(m) for m in moved}
    kept = [m for m in region.mentions if id(m) not in moving]
    own = {m.doc: m for m in kept if m.entity == target}
    seq = int(survivor["load_seq"]) - len(moved)
    for mention in moved:
        seq += 1
        same_doc = own.get(mention.doc)
        if same_doc is None:
            kept.append(MentionState(mention.doc, target, {**mention.props, "seq": seq}))
            continue
        props = same_doc.props
        for name in ("aliases", "search_keys", "forms"):
            props[name] = _union(list(props.get(name) or []), list(mention.props.get(name) or []))
        props["count"] = int(props.get("count") or 0) + int(mention.props.get("count") or 0)
    return kept


def _moved_relations(region: Region, source: str, target: str) -> dict[str, RelationState]:
    """Every relation of `source` re-attached to `target`; one that meets a relation `target`
    already has joins its provenance; one between the two goes (it would be a loop)."""
    out = {
        rid: rel for rid, rel in region.relations.items() if source not in (rel.source, rel.target)
    }
    for rel in region.relations.values():
        if source not in (rel.source, rel.target):
            continue
        start = target if rel.source == source else rel.source
        end = target if rel.target == source else rel.target
        if start == end:
            continue
        if rel.type in SYMMETRIC_RELATIONS:
            start, end = sorted((start, end))
        rid = relation_id(start, rel.type, end)
        existing = out.get(rid)
        if existing is None:
            out[rid] = RelationState(rel.type, start, end, {**rel.props, "id": rid})
        else:
            _join_provenance(existing.props, rel.props)
    return out


def _join_provenance(props: Props, other: Props) -> None:
    for name in _PROVENANCE:
        props[name] = list(props.get(name) or []) + list(other.get(name) or [])
    for name in ("title", "amount"):
        if props.get(name) is None and other.get(name) is not None:
            props[name] = other[name]
    derive_relation(props)


def derive_relation(props: Props) -> None:
    """graph_schema.statements.writes.DERIVE_RELATION, in Python."""
    props["doc_count"] = len(set(props.get("doc_ids") or []))
    props["confidence"] = max([0.0, *(float(c) for c in props.get("confidences") or [])])
    statuses = props.get("statuses") or []
    status = "done" if "done" in statuses else "planned" if "planned" in statuses else None
    seen = [x for x in props.get("seen_dates") or [] if x is not None]
    for name, value in (
        ("status", status),
        ("first_seen", min(seen) if seen else None),
        ("last_seen", max(seen) if seen else None),
    ):
        if value is None:
            props.pop(name, None)
        else:
            props[name] = value


def _moved_candidates(candidates: dict[str, Props], source: str, target: str) -> dict[str, Props]:
    """The pair just merged is closed; the merged entity's other pairs become the survivor's."""
    out: dict[str, Props] = {}
    for cid, cand in candidates.items():
        ends = {cand["a"], cand["b"]}
        if source not in ends:
            out.setdefault(cid, cand)
            continue
        if ends == {source, target}:
            out[cid] = {**cand, "status": "merged"}
            continue
        other = cand["b"] if cand["a"] == source else cand["a"]
        new_id = candidate_id(target, other)
        a, b = sorted((target, other))
        moved = {**cand, "id": new_id, "a": a, "b": b}
        known = out.get(new_id) or candidates.get(new_id)
        if known is not None:
            best = moved if moved["score"] > known["score"] else known
            moved = {
                **known,
                "score": best["score"],
                "reason": best["reason"],
                "doc_ids": _union(
                    list(known.get("doc_ids") or []), list(cand.get("doc_ids") or [])
                ),
            }
        out[new_id] = moved
    return out


# -- split -----------------------------------------------------------------------------------------


def split(
    before: Region, entity: str, documents: list[str], new_id: str, name: str, stamp: Stamp
) -> Region:
    """The mentions of `entity` in `documents`, and the provenance those documents give its
    relations, moved to a new entity `new_id`; split rules send those documents there again."""
    region = copy.deepcopy(before)
    chosen = set(documents)
    original = region.entities[entity]
    props = {
        k: v
        for k, v in original.props.items()
        if k in ("type", "subtype", "link_keys", "name_in_text", *_FIRST_GIVEN)
    }
    props.update(id=new_id, name=name)
    region.entities[new_id] = type(original)(new_id, list(original.labels), props)
    moving = sorted(
        (m for m in region.mentions_of(entity) if m.doc in chosen),
        key=lambda m: m.props.get("seq") or 0,
    )
    for seq, mention in enumerate(moving, start=1):
        mention.entity = new_id
        mention.props["seq"] = seq
    props["load_seq"] = len(moving)
    for doc in region.documents.values():
        if doc.id in chosen:
            doc.entity_ids = [new_id if x == entity else x for x in doc.entity_ids]
            doc.title_ids = [new_id if x == entity else x for x in doc.title_ids]
    region.relations = _split_relations(region, entity, new_id, chosen)
    recount(region, entity)
    recount(region, new_id)
    for rule in region.split_rules:
        if rule["target"] == entity and rule["doc_id"] in chosen:
            rule["target"] = new_id
    region.split_rules += [
        {
            "doc_id": doc,
            "source": entity,
            "target": new_id,
            "change": stamp.change,
            "at": stamp.at,
        }
        for doc in sorted(chosen)
    ]
    return region


def _split_relations(
    region: Region, entity: str, new_id: str, chosen: set[str]
) -> dict[str, RelationState]:
    out = {rid: r for rid, r in region.relations.items() if entity not in (r.source, r.target)}
    for rel in region.relations.values():
        if entity not in (rel.source, rel.target):
            continue
        docs = list(rel.props.get("doc_ids") or [])
        stay = [i for i, d in enumerate(docs) if d not in chosen]
        go = [i for i, d in enumerate(docs) if d in chosen]
        if stay:
            out[rel.id] = RelationState(rel.type, rel.source, rel.target, _part(rel.props, stay))
        if go:
            start = new_id if rel.source == entity else rel.source
            end = new_id if rel.target == entity else rel.target
            if rel.type in SYMMETRIC_RELATIONS:
                start, end = sorted((start, end))
            rid = relation_id(start, rel.type, end)
            out[rid] = RelationState(rel.type, start, end, {**_part(rel.props, go), "id": rid})
    return out


def _part(props: Props, keep: list[int]) -> Props:
    part = dict(props)
    for name in _PROVENANCE:
        values = list(props.get(name) or [])
        part[name] = [values[i] for i in keep]
    derive_relation(part)
    return part


def recount(region: Region, entity_id: str) -> None:
    """An entity's aliases, search keys, counts, dates and titles from its mentions and their
    documents, as deleting a document recomputes them (RECOMPUTE_ENTITIES_OF_DOCUMENT)."""
    props = region.entities[entity_id].props
    mentions = sorted(region.mentions_of(entity_id), key=lambda m: m.props.get("seq") or 0)
    aliases: list[str] = []
    keys: list[str] = []
    titles: list[str] = []
    for mention in mentions:
        aliases = _union(aliases, list(mention.props.get("aliases") or []))
        keys = _union(keys, list(mention.props.get("search_keys") or []))
        doc = region.documents.get(mention.doc)
        if doc is not None:
            said = [t for i, t in zip(doc.title_ids, doc.titles, strict=False) if i == entity_id]
            titles = _union(titles, said)
    name = str(props.get("name") or "")
    if name and name not in aliases:
        aliases = [name, *aliases]
    if fold(name) and fold(name) not in keys:
        keys = [fold(name), *keys]
    seen = [d.seen for m in mentions if (d := region.documents.get(m.doc)) and d.seen]
    props.update(
        aliases=aliases,
        search_keys=keys,
        titles=titles,
        mention_count=sum(int(m.props.get("count") or 0) for m in mentions),
        doc_count=len({m.doc for m in mentions}),
    )
    for field_name, value in (
        ("first_seen", min(seen) if seen else None),
        ("last_seen", max(seen) if seen else None),
    ):
        if value is None:
            props.pop(field_name, None)
        else:
            props[field_name] = value


# -- rename ----------------------------------------------------------------------------------------


def renamed(before: Region, entity: str, name: str) -> Region:
    """The entity under a new display name (its id, a key other documents link by, stays); the
    new name is searchable like its aliases."""
    region = copy.deepcopy(before)
    props = region.entities[entity].props
    props["name"] = name
    props["aliases"] = _union(list(props.get("aliases") or []), [name])
    key = fold(name)
    if key:
        props["search_keys"] = _union(list(props.get("search_keys") or []), [key])
    return region
