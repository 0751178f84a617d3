"""The parties of a project: companies named in one list with a word that makes them parties
("implemented by A together with partners B and C", "signed between A, B and C", "An dem
Projekt sind A sowie B und C beteiligt", "Участниками проекта являются A, B и C") each plan
the plant the sentence is about (FORMAT.md: who builds or contracts for a plant plans it)."""

from __future__ import annotations

from graph_schema.vocabulary import RelationType
from loaders.extraction.kinds import COMPANY, ORGANIZATION, PLANT
from loaders.extraction.lexicon import word_classes
from loaders.extraction.plant_relations import NAMING_NOUNS
from loaders.extraction.relation_base import SENTENCE, FinderBase, Sentence

# how far a party word may stand before the first company of its list or after the last
CUE_BEFORE, CUE_AFTER = 5, 3
# the most tokens between two companies of one list
LIST_GAP = 8
# the most lower-case words between two companies of a list without a party word between
LIST_WORDS = 2
# "and", ",", "(NFC)", "– 40%": what may stand between the items of a list of parties
LIST_PUNCT = frozenset(",–—-:()%«»„“”\"'")
PLANNING = ("plan", "construct", "sign", "built")


class PartyRules(FinderBase):
    """PLANS for every company listed as a party of a plant's project."""

    def _project_parties(self, s: Sentence) -> None:
        if not any(self.words.parties.matches(t.lower_) for t in s.span):
            return
        plants = self._party_plants(s)
        if not plants:
            return
        several = len({self.ent(i) for i in self.typed(s, PLANT)} | {p for _, p in plants}) > 1
        for chain in self._party_lists(s):
            if several and len(chain) == 1:
                continue  # "projects ... together with A, ... together with B": whose is which
            plant = self._nearest_plant(plants, chain)
            rtype = self._party_relation(s, plant)
            for i in chain:
                if self.mentions[i].subtype == COMPANY:
                    self.add(rtype, self.ent(i), plant, s, SENTENCE)

    def _party_plants(self, s: Sentence) -> list[tuple[int, int]]:
        """(token, plant entity) of the plants of the sentence; else the plant of the sentence
        before when this one speaks of its project or contract."""
        named = [
            (self.mentions[i].start, self.ent(i))
            for i in self.typed(s, PLANT)
            if not self.mentions[i].features.another
            and (self.mentions[i].weak or self.mentions[i].features.plant_noun in NAMING_NOUNS)
        ]  # "signed a partnership agreement enabling the assembly": an activity, no plant
        if named or self.typed(s, PLANT):
            return named
        recent = s.discourse.last_plant
        refers = any(self.words.project.matches(t.lower_) for t in s.span) or bool(
            s.triggers.get("sign")
        )
        if recent is not None and refers and s.index - recent[1] <= 2:
            return [(s.span.start, recent[0])]
        return []

    def _nearest_plant(self, plants: list[tuple[int, int]], chain: list[int]) -> int:
        start = self.mentions[chain[0]].start
        return min(plants, key=lambda p: abs(p[0] - start))[1]

    def _party_relation(self, s: Sentence, plant: int) -> RelationType:
        """A standing plant whose parties are told without a word of building is run by
        them; otherwise they plan it (builders and contractors included)."""
        status = self.entities[plant].properties.get("status")
        planning = any(s.triggers.get(k) for k in PLANNING)
        if status == "operating" and not planning:
            return RelationType.OPERATES
        return RelationType.PLANS

    def _party_lists(self, s: Sentence) -> list[list[int]]:
        """Lists of organizations that a party word introduces, closes or joins."""
        seats = self._seats_of(s)
        orgs = [
            i
            for i in self.typed(s, ORGANIZATION)
            if not self.mentions[i].weak
            and self.ent(i) not in seats
            and not self.mentions[i].features.goods
            and not self._reporter(self.mentions[i])
        ]
        orgs = self._outermost(orgs)
        chains: list[tuple[list[int], bool]] = []
        for i in orgs:
            if chains:
                chain, cued = chains[-1]
                gap = (self.mentions[chain[-1]].end, self.mentions[i].start)
                joined = self._list_gap(*gap)
                if joined is not None:
                    chain.append(i)
                    chains[-1] = (chain, cued or joined)
                    continue
            chains.append(([i], False))
        out = []
        for chain, cued in chains:
            first, last = self.mentions[chain[0]], self.mentions[chain[-1]]
            before = self._cue_before(max(s.span.start, first.start - CUE_BEFORE), first.start)
            after = self._cue_within(last.end, min(s.span.end, last.end + CUE_AFTER))
            if cued or before or after:
                out.append(chain)
        return out

    def _outermost(self, orgs: list[int]) -> list[int]:
        """One mention per stretch of text: the longest of those that overlap."""
        out: list[int] = []
        for i in sorted(orgs, key=lambda j: (self.mentions[j].start, -self.mentions[j].end)):
            if out and self.mentions[i].start < self.mentions[out[-1]].end:
                continue
            out.append(i)
        return out

    def _list_gap(self, start: int, end: int) -> bool | None:
        """What stands between two organizations joins them in one list: None if not; True
        if a party word is among it ("A together with partners B"), False if only list words
        are ("A, B and C")."""
        if end - start > LIST_GAP:
            return None
        cued = self._cue_within(start, end)
        joiners = self.words.coordinator | self.words.list_joiners
        lower = 0  # "и компанией", "and its partner": a few little words of the list
        for token in self.doc[start:end]:
            lower += token.is_lower and token.is_alpha
            if token.text in LIST_PUNCT or token.lower_ in joiners or token.like_num:
                continue
            if token.lower_ in self.words.articles or self._adjective_place(token.i):
                continue
            if self._company_word(token.lower_):
                continue
            if cued and (token.is_lower or self.words.parties.matches(token.lower_)):
                continue  # "together with foreign partners", "and the consortium of"
            if token.is_lower and lower <= LIST_WORDS:
                continue
            return None
        return cued

    def _cue_before(self, start: int, end: int) -> bool:
        """A party word right before a list, nothing but little words after it
        ("in partnership with", "signed between the", "Участниками проекта являются")."""
        tokens = list(self.doc[start:end])
        for k, token in enumerate(tokens):
            if self.words.parties.matches(token.lower_):
                rest = tokens[k + 1 :]
                return all(
                    t.is_lower
                    or t.text in LIST_PUNCT
                    or self._company_word(t.lower_)
                    or self._adjective_place(t.i)
                    for t in rest
                )
        return False

    def _cue_within(self, start: int, end: int) -> bool:
        return any(self.words.parties.matches(t.lower_) for t in self.doc[start:end])

    def _company_word(self, lower: str) -> bool:
        """A company noun or legal form between the names of a list ("ПАО", "the company")."""
        return lower in word_classes(self.lang).org_nouns or lower in self.words.legal_forms
