"""Relations from trigger words and argument order inside a sentence, per FORMAT.md.

Each rule reads one sentence: its mentions (already resolved to entities), its trigger words
(data/triggers.tsv) and the links found inside noun phrases (linking.py). A dependency parse,
when a statistical pipeline gives one, picks the visitor or speaker among several people.
The rules live in families (people_relations, plant_relations, place_relations,
order_relations) over a shared base (relation_base); this module runs them in order.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc

from loaders.extraction.model import Entity, Mention, Relation
from loaders.extraction.order_relations import OrderRules
from loaders.extraction.party_relations import PartyRules
from loaders.extraction.people_relations import PeopleRules
from loaders.extraction.place_relations import PlaceRules
from loaders.extraction.plant_relations import PlantRules
from loaders.extraction.relation_base import Discourse, Sentence
from loaders.extraction.tokens import sentences


class RelationFinder(PeopleRules, PlantRules, PlaceRules, OrderRules, PartyRules):
    """All relation rules of one document."""

    def run(self) -> list[Relation]:
        starts, spans = sentences(self.doc)
        discourse = Discourse()
        by_sentence: dict[int, list[int]] = {}
        for i, m in enumerate(self.mentions):
            if m.entity >= 0:
                by_sentence.setdefault(bisect_right(starts, m.start) - 1, []).append(i)
        for index, sentence in enumerate(spans):
            ms = sorted(by_sentence.get(index, []), key=lambda i: self.mentions[i].start)
            trig = {  # trigger lists are sorted: the sentence's part by bisection
                k: v[bisect_left(v, sentence.start) : bisect_left(v, sentence.end)]
                for k, v in self.triggers.items()
            }
            s = Sentence(sentence, index, ms, trig, discourse)
            self._holds_position(s)
            self._visits_and_meetings(s)
            self._attendance(s)
            self._inauguration(s)
            self._sides(s)
            self._plants(s)
            self._places(s)
            self._based_in(s)
            self._part_of(s)
            self._joint_ventures(s)
            self._project_parties(s)
            self._invests(s)
            self._ordered(s)
        self._meetings_with_leaders()
        return list(self.found.values())


def find_relations(
    doc: Doc, mentions: list[Mention], entities: list[Entity], triggers: dict[str, list[int]]
) -> list[Relation]:
    return RelationFinder(doc, mentions, entities, triggers, doc.lang_).run()
