"""The one relation engine: reads a document sentence by sentence, runs every spec's rules
whose trigger kinds the sentence holds, keeps what they propose when the arguments fit the
spec's roles (the strongest evidence of each relation wins), and ends with the specs'
reviews of the whole document."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from graph_schema.vocabulary import RelationType
from loaders.extraction.model import Entity, Mention, Relation
from loaders.extraction.relations.reading import Discourse, Proposal, Reading, Sentence
from loaders.extraction.relations.registry import REVIEWS, STRATEGIES
from loaders.extraction.relations.specs import RelationSpec, relation_specs
from loaders.extraction.tokens import sentences

Key = tuple[RelationType, int, int]


def run_specs(reading: Reading, specs: tuple[RelationSpec, ...]) -> list[Relation]:
    found: dict[Key, Relation] = {}
    reading.found = found  # strategies read what was found so far; only the engine adds
    for s in _sentences(reading):
        for spec in specs:
            for rule in spec.rules:
                if rule.applies(s):
                    for proposal in STRATEGIES[rule.strategy](reading, s):
                        _keep(found, reading, spec, proposal, s.index)
    for spec in specs:
        if spec.review is not None:
            for key in list(REVIEWS[spec.review](reading)):
                found.pop(key, None)
    return list(found.values())


def _sentences(reading: Reading) -> list[Sentence]:
    """Every sentence with its resolved mentions (in text order) and its trigger words."""
    starts, spans = sentences(reading.doc)
    discourse = Discourse()
    by_sentence: dict[int, list[int]] = {}
    mentions = reading.mentions
    for i, m in enumerate(mentions):
        if m.entity >= 0:
            by_sentence.setdefault(bisect_right(starts, m.start) - 1, []).append(i)
    triggers = _triggers_by_sentence(reading.triggers, starts)
    out = []
    for index, span in enumerate(spans):
        ms = sorted(by_sentence.get(index, []), key=lambda i: mentions[i].start)
        out.append(Sentence(span, index, ms, triggers[index], discourse))
    return out


# the trigger list of a kind a sentence lacks: shared by every sentence, so never mutated
_NO_TRIGGERS: list[int] = []


def _triggers_by_sentence(
    triggers: dict[str, list[int]], starts: list[int]
) -> list[dict[str, list[int]]]:
    """Each sentence's part of the document's (sorted) trigger lists, every kind a key.

    The few trigger words are dealt to their sentences, rather than every kind's list cut
    for every sentence: most sentences hold two or three of some twenty kinds."""
    empty = dict.fromkeys(triggers, _NO_TRIGGERS)
    out = [dict(empty) for _ in starts]
    for kind, found in triggers.items():
        for t in found:  # sorted, so each sentence's list comes out sorted
            held = out[bisect_right(starts, t) - 1]
            if held[kind] is _NO_TRIGGERS:
                held[kind] = []
            held[kind].append(t)
    return out


def _keep(
    found: dict[Key, Relation], reading: Reading, spec: RelationSpec, p: Proposal, sentence: int
) -> None:
    if p.type not in spec.types:
        raise ValueError(f"a strategy of the {spec.types} spec proposed {p.type}")
    if p.source == p.target or p.source < 0 or p.target < 0:
        return
    a, b = reading.entities[p.source], reading.entities[p.target]
    if not spec.allows(p.type, a.type, b.type):
        return
    if reading.speaks_for_office(p.source) or reading.speaks_for_office(p.target):
        return  # the president's press service tells the news; it takes part in none of it
    if reading.is_scope(p.source) or reading.is_scope(p.target):
        return
    confidence = spec.confidence[p.evidence]
    key = (p.type, p.source, p.target)
    if key in found and found[key].confidence >= confidence:
        return
    found[key] = Relation(p.type, p.source, p.target, sentence, confidence, p.properties)


def find_relations(
    doc: Doc, mentions: list[Mention], entities: list[Entity], triggers: dict[str, list[int]]
) -> list[Relation]:
    return run_specs(Reading(doc, mentions, entities, triggers, doc.lang_), relation_specs())
