"""Linking at load time: each entity of an incoming document is matched against what the graph
(and the documents before it in the same batch) already holds, and written into that node when
the match is sure enough. Sure enough is a score with a reason (loaders.linking.score); below the
merge threshold nothing merges and a candidate pair is recorded for an analyst instead.

Order matters: places first (their ids come from the gazetteer), then organisations, people
(whose offices point at places and organisations) and plants last (known by their companies and
places, already linked). Two entities of one document never become one node: the extractor
told them apart, and that outranks a similarity across documents.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from graph_schema.keys import relation_id
from graph_schema.vocabulary import EntityType, RelationType
from loaders.linking.gazetteer_ids import is_place_name
from loaders.linking.names import core, is_generic
from loaders.linking.profiles import Profile, profiles_of, with_keys
from loaders.linking.score import CANDIDATE_AT, MERGE_AT, Match, score, silent_on_the_rest
from loaders.resolve import (
    CandidatePair,
    EntityLink,
    EntityRow,
    GraphDocument,
    RelationRow,
    entity_facts,
    merge_rows,
)

log = logging.getLogger(__name__)

_ORDER = (EntityType.LOCATION, EntityType.ORGANIZATION, EntityType.PERSON, EntityType.PLANT)
_CLEAR_LEAD = 0.15  # how far the best match must lead the next to be taken when both qualify


class EntityIndex(Protocol):
    """What linking asks of the graph."""

    def existing(self, ids: Iterable[str]) -> set[str]:
        """The ids the graph already holds."""
        ...

    def by_keys(self, keys: Iterable[str], askers: int = 1) -> list[Profile]:
        """Profiles of the entities filed under any of the blocking keys, for `askers`
        entities at once (each entitled to the same bounded share)."""
        ...

    def redirects(self, ids: Iterable[str]) -> dict[str, str]:
        """Ids an analyst merged away -> the id they live on as (curation)."""
        ...

    def split_rules(self, doc_ids: Iterable[str]) -> dict[str, dict[str, str]]:
        """Per document: an entity id of it -> the id an analyst split its mentions off to."""
        ...


@dataclass
class _Fetched:
    """The graph as read once for a whole batch: which of the batch's ids it holds, and the
    profiles under the keys of the batch's entities of the type being linked (read again for
    each type). Curated mappings are read up front, so none are asked of it."""

    present: set[str] = field(default_factory=set)
    pool: list[Profile] = field(default_factory=list)

    def existing(self, ids: Iterable[str]) -> set[str]:
        return set(ids) & self.present

    def by_keys(self, keys: Iterable[str], askers: int = 1) -> list[Profile]:
        wanted = set(keys)
        return [p for p in self.pool if p.keys & wanted]

    def redirects(self, ids: Iterable[str]) -> dict[str, str]:
        return {}

    def split_rules(self, doc_ids: Iterable[str]) -> dict[str, dict[str, str]]:
        return {}


@dataclass
class BatchIndex:
    """The graph seen through the documents linked before in the same batch: a later document
    must meet the entities an earlier one will create when the batch is written."""

    graph: EntityIndex
    profiles: dict[str, Profile] = field(default_factory=dict)
    keyed: dict[str, set[str]] = field(default_factory=dict)

    def existing(self, ids: Iterable[str]) -> set[str]:
        wanted = set(ids)
        return (wanted & set(self.profiles)) | self.graph.existing(wanted - set(self.profiles))

    def by_keys(self, keys: Iterable[str], askers: int = 1) -> list[Profile]:
        keys = list(keys)
        found = {p.id: p for p in self.graph.by_keys(keys, askers)}
        for key in keys:
            for entity_id in self.keyed.get(key, ()):
                found[entity_id] = _combined(found.get(entity_id), self.profiles[entity_id])
        return list(found.values())

    def redirects(self, ids: Iterable[str]) -> dict[str, str]:
        return self.graph.redirects(ids)

    def split_rules(self, doc_ids: Iterable[str]) -> dict[str, dict[str, str]]:
        return self.graph.split_rules(doc_ids)

    def add(self, profiles: Iterable[Profile]) -> None:
        for profile in profiles:
            self.profiles[profile.id] = _combined(self.profiles.get(profile.id), profile)
            for key in self.profiles[profile.id].keys:
                self.keyed.setdefault(key, set()).add(profile.id)


def _combined(a: Profile | None, b: Profile) -> Profile:
    if a is None:
        return b
    merged = replace(
        a,
        forms=a.forms | b.forms,
        titles=a.titles | b.titles,
        seats=a.seats | b.seats,
        owners=a.owners | b.owners,
        places=a.places | b.places,
        parents=a.parents | b.parents,
        product=a.product or b.product,
    )
    return with_keys(merged)


def link_batch(docs: list[GraphDocument], index: EntityIndex) -> list[GraphDocument]:
    """Link every document of a batch, each against the graph and the ones before it.

    The graph is read once for the batch's curated mappings, once for which of its ids exist,
    and once per entity type for the profiles under the keys of all its documents' entities
    of that type: a batch of 200 documents costs six reads, not six per document. Types go in
    order across the batch (every document's places before any organisation), which decides
    the same as linking the documents one after another: an entity only meets entities of
    its own type, and those of earlier documents are linked before it either way."""
    splits = index.split_rules(d.document.id for d in docs)
    redirects = index.redirects({r.id for d in docs for r in d.entities})
    states = [_Linking.curated(d, splits.get(d.document.id, {}), redirects) for d in docs]
    fetched = _Fetched(index.existing({r.id for s in states for r in s.doc.entities}))
    batch = BatchIndex(fetched)
    for kind in _ORDER:
        asking = [p for s in states for p in s.asking(kind, fetched.present)]
        fetched.pool = _known_for(index, asking)
        for state in states:
            state.link(kind, batch)
            batch.add(p for p in state.profiles().values() if p.type is kind)
    return [s.finished() for s in states]


def link_document(doc: GraphDocument, index: EntityIndex) -> GraphDocument:
    """The document with its entities renamed to the graph's where they are the same thing,
    each entity's blocking keys filled in, and the candidate pairs found on the way."""
    [linked] = link_batch([doc], index)
    return linked


@dataclass
class _Linking:
    """One document's linking under way: the document as renamed so far, and what was found."""

    doc: GraphDocument
    links: list[EntityLink]
    # the split rules of the document: an entity id of it -> where an analyst sent it
    rules: dict[str, str] = field(default_factory=dict)
    # where an analyst sent an entity it stays, even when that entity is not (or no longer)
    # in the graph: scoring it against the one it was split from would undo the split
    decided: set[str] = field(default_factory=set)
    candidates: list[CandidatePair] = field(default_factory=list)
    # the profiles of `doc` as it stands, computed again only after a rename changes it
    _profiles: dict[str, Profile] | None = None

    def profiles(self) -> dict[str, Profile]:
        if self._profiles is None:
            self._profiles = profiles_of(self.doc)
        return self._profiles

    @classmethod
    def curated(
        cls, doc: GraphDocument, splits: dict[str, str], redirects: dict[str, str]
    ) -> _Linking:
        """Start with what an analyst decided: split rules, then redirects of merged ids."""
        mapping = dict(splits)
        mapping.update({r.id: redirects[r.id] for r in doc.entities if r.id in redirects})
        doc = rename(doc, mapping) if mapping else doc
        links = [EntityLink(a, b, 1.0, "curated") for a, b in mapping.items()]
        return cls(doc, links, rules=dict(splits), decided=set(mapping.values()))

    def asking(self, kind: EntityType, present: set[str]) -> list[Profile]:
        """Profiles of the entities of `kind` the graph does not hold under their own key."""
        profiles = self.profiles()
        return [
            profiles[r.id]
            for r in self.doc.entities
            if r.type == kind.value and r.id not in present and r.id not in self.decided
        ]

    def link(self, kind: EntityType, index: EntityIndex) -> None:
        """Link the document's entities of `kind`; the same key is the same node, nothing to
        decide, and the rest ask the index once."""
        profiles = self.profiles()
        present = index.existing(r.id for r in self.doc.entities)
        taken = {r.id for r in self.doc.entities if r.id in present}
        renames: dict[str, str] = {}
        new_rows = [
            r
            for r in self.doc.entities
            if r.type == kind.value and r.id not in present and r.id not in self.decided
        ]
        pool = _known_for(index, [profiles[r.id] for r in new_rows])
        for row in new_rows:
            incoming = profiles[row.id]
            known = [p for p in pool if p.keys & incoming.keys]
            found = _best(incoming, known, taken, self.doc, kind)
            self.candidates += found.candidates
            if found.link is not None:
                renames[row.id] = found.link.target
                taken.add(found.link.target)
                self.links.append(found.link)
        if renames:
            self.doc = rename(self.doc, renames)
            self._profiles = None

    def finished(self) -> GraphDocument:
        """The linked document, each entity with the blocking keys it is filed under."""
        # a split rule names the entity the document was linked to when the analyst split it;
        # an entity of it that scoring linked there now goes where the analyst sent it
        ids = {r.id for r in self.doc.entities}
        late = {a: b for a, b in self.rules.items() if a in ids}
        if late:
            self.doc = rename(self.doc, late)
            self.links += [EntityLink(a, b, 1.0, "curated") for a, b in late.items()]
            self._profiles = None
        profiles = self.profiles()
        rows = [replace(r, link_keys=sorted(profiles[r.id].keys)) for r in self.doc.entities]
        return replace(
            self.doc, entities=rows, links=self.links, candidates=_distinct_pairs(self.candidates)
        )


@dataclass(frozen=True)
class _Found:
    link: EntityLink | None
    candidates: list[CandidatePair]


def _known_for(index: EntityIndex, incoming: list[Profile]) -> list[Profile]:
    """The index's entities under any incoming entity's keys: one read for all of them."""
    keys = set().union(*(p.keys for p in incoming)) if incoming else set()
    return index.by_keys(keys, len(incoming)) if keys else []


def _best(
    incoming: Profile,
    candidates: list[Profile],
    taken: set[str],
    doc: GraphDocument,
    kind: EntityType,
) -> _Found:
    own = {r.id for r in doc.entities}
    owners_alike = _OwnerFamily(doc) if kind is EntityType.PLANT else None
    scored: list[tuple[Match, Profile]] = []
    for known in candidates:
        if known.id in own:
            continue
        match = score(incoming, known, owners_alike)
        if match is not None and match.score >= CANDIDATE_AT:
            scored.append((match, known))
    scored.sort(key=lambda item: -item[0].score)
    if len(scored) == 1 and kind is EntityType.PLANT:
        scored = [(_sole_fit(incoming, scored[0][1], scored[0][0]), scored[0][1])]
    pairs = [CandidatePair(incoming.id, k.id, m.score, m.reason) for m, k in scored]
    if not scored or scored[0][0].score < MERGE_AT:
        return _Found(None, pairs)
    best_match, best = scored[0]
    runner_up = scored[1][0].score if len(scored) > 1 else 0.0
    if best.id in taken or (runner_up >= MERGE_AT and best_match.score - runner_up < _CLEAR_LEAD):
        return _Found(None, pairs)  # another entity of this document has it, or no clear winner
    link = EntityLink(incoming.id, best.id, best_match.score, best_match.reason)
    return _Found(link, pairs[1:])


def _sole_fit(incoming: Profile, known: Profile, match: Match) -> Match:
    """The only plant the graph holds that fits at all is the one told of, when the two
    sides only leave out what the other says (loaders.linking.score.silent_on_the_rest)."""
    if match.score >= MERGE_AT:
        return match
    told = silent_on_the_rest(incoming, known)
    return Match(MERGE_AT, f"{match.reason}, {told}") if told else match


@dataclass
class _OwnerFamily:
    """Plant owners: the same company, or companies of one family (one's name starts with the
    other's: "BYD" and "BYD Uzbekistan"; or one is part of the other in the document)."""

    doc: GraphDocument

    def __call__(self, a: frozenset[str], b: frozenset[str]) -> str | None:
        if a & b:
            return "same company"
        names = {r.id: r.name for r in self.doc.entities}
        parts = {(r.source, r.target) for r in self.doc.relations if r.type is RelationType.PART_OF}
        for x in a:
            for y in b:
                if (x, y) in parts or (y, x) in parts:
                    return "companies of one family"
                cx, cy = core(names.get(x, _name_of(x))), core(names.get(y, _name_of(y)))
                if cx and cy and cx.split()[0] == cy.split()[0] and _brand(cx.split()[0]):
                    return "companies of one family"
        return None


def _brand(word: str) -> bool:
    """Whether a first word can name a family of companies: "BYD", "Mitsubishi"; not a kind
    ("Government", "National") nor a place ("China Nonferrous", "China National")."""
    return len(word) >= 2 and not is_generic(word) and not is_place_name(word)


def _name_of(entity_id: str) -> str:
    """An organisation id spells its folded name: org:byd-uzbekistan -> 'byd uzbekistan'."""
    return entity_id.split(":", 1)[-1].replace("-", " ")


def rename(doc: GraphDocument, mapping: dict[str, str]) -> GraphDocument:
    """The document with entity ids replaced; rows that meet on one id are merged, relations
    re-keyed (and merged when they meet), the document's per-entity lists rebuilt."""
    if not mapping:
        return doc
    entities: dict[str, EntityRow] = {}
    for row in doc.entities:
        new = replace(row, id=mapping.get(row.id, row.id))
        if new.id in entities:
            merge_rows(entities[new.id], new)
        else:
            entities[new.id] = new
    relations: dict[str, RelationRow] = {}
    for rel in doc.relations:
        source, target = mapping.get(rel.source, rel.source), mapping.get(rel.target, rel.target)
        if source == target:
            continue
        rid = relation_id(source, rel.type, target)
        if rel.type in (RelationType.MET_WITH,):
            source, target = sorted((source, target))
        existing = relations.get(rid)
        if existing is None:
            relations[rid] = replace(
                rel,
                id=rid,
                source=source,
                target=target,
                sentences=list(rel.sentences),
                confidences=list(rel.confidences),
                statuses=list(rel.statuses),
            )
            continue
        for sentence, confidence, status in zip(
            rel.sentences, rel.confidences, rel.statuses, strict=True
        ):
            if sentence not in existing.sentences:
                existing.sentences.append(sentence)
                existing.confidences.append(confidence)
                existing.statuses.append(status)
    rows = list(entities.values())
    facts: dict[str, Any] = entity_facts(rows)
    document = replace(doc.document, entity_count=len(rows), relation_count=len(relations), **facts)
    return replace(doc, document=document, entities=rows, relations=list(relations.values()))


def _distinct_pairs(pairs: list[CandidatePair]) -> list[CandidatePair]:
    best: dict[tuple[str, str], CandidatePair] = {}
    for pair in pairs:
        first, second = sorted((pair.a, pair.b))
        key = (first, second)
        if key not in best or best[key].score < pair.score:
            best[key] = pair
    return list(best.values())
