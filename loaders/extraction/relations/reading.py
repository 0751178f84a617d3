"""What every relation strategy reads: the sentence (with the Discourse carried from sentence
to sentence), the document's mentions and entities, the relations found so far (read only:
the engine adds what the strategies propose), and the helpers that read arguments (who comes
after "with", who leads, where offices sit)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from spacy.tokens import Doc, Span

from graph_schema.vocabulary import RelationType
from loaders.extraction.gazetteer import scope_keys
from loaders.extraction.government import PRESS_SERVICE
from loaders.extraction.kinds import COMPANY, LOCATION, ORGANIZATION, PLANT
from loaders.extraction.lexicon import word_classes
from loaders.extraction.model import Entity, EntityType, Mention, Relation
from loaders.extraction.packs import Feature, FunctionWords, LanguagePack, pack
from loaders.extraction.person_names import oblique_person
from loaders.extraction.signals import signal_of
from loaders.extraction.tokens import is_trigger_of, lowers
from loaders.extraction.trigger_kinds import TriggerKind


class Evidence(StrEnum):
    """How directly the text says a relation; a spec gives each level its confidence."""

    STRUCTURAL = "structural"  # inside one noun phrase ("Minister of Industry X")
    SENTENCE = "sentence"  # read off the words of one sentence
    DISCOURSE = "discourse"  # needs what earlier sentences told (the sides, the delegation)


STRUCTURAL, SENTENCE, DISCOURSE = Evidence.STRUCTURAL, Evidence.SENTENCE, Evidence.DISCOURSE


@dataclass(frozen=True)
class Proposal:
    """A relation a strategy reads off the text, before the engine checks and keeps it."""

    type: RelationType
    source: int  # entity indices
    target: int
    evidence: Evidence
    properties: tuple[tuple[str, Any], ...] = ()


def propose(
    rtype: RelationType, source: int, target: int, evidence: Evidence, **properties: str
) -> Proposal:
    return Proposal(rtype, source, target, evidence, tuple(sorted(properties.items())))


@dataclass
class Discourse:
    """What carries from sentence to sentence as the rules read a document (entity indices):
    one object per document, handed to the rules with every sentence, which read and
    update it."""

    protagonist: int | None = None  # the person the text is about, the last to act
    encounter: tuple[int, int] | None = None  # the last meeting or visit of someone to someone
    orderer: int | None = None  # the official who gave the last order
    leader: int | None = None  # the leader of the delegation last told of
    last_plant: tuple[int, int] | None = None  # the plant last told of, and its sentence
    opened: tuple[int, int] | None = None  # the plant last said to open, and its sentence


@dataclass
class Sentence:
    """One sentence as the strategies read it: its span, mentions (indices) and trigger
    words, the document's discourse so far, and what is derived from them once (the seats
    of its offices, who acts in it) for every strategy that asks."""

    span: Span
    index: int
    mentions: list[int]
    triggers: dict[str, list[int]]
    discourse: Discourse
    seats: set[int] | None = None  # computed on first use
    actors: list[int] | None = None  # computed on first use (people.actors)
    visited: list[int] | None = None  # computed on first use (people.visited)

    def has(self, kind: TriggerKind) -> bool:
        return bool(self.triggers.get(kind))

    def lower_words(self) -> list[str]:
        """The sentence's lower-cased words: a slice of the Doc's cached list, where a scan
        of the span would make a Token object per word for every strategy that asks."""
        return lowers(self.span.doc)[self.span.start : self.span.end]


@dataclass
class Reading:
    """One document as the relation strategies read it."""

    doc: Doc
    mentions: list[Mention]
    entities: list[Entity]
    triggers: dict[str, list[int]]
    lang: str
    found: Mapping[tuple[RelationType, int, int], Relation] = field(default_factory=dict)
    pack: LanguagePack = field(init=False)
    words: FunctionWords = field(init=False)
    parsed: bool = field(init=False)  # a model's parse runs beside the rules
    subjects: frozenset[int] = field(init=False)  # tokens it makes a nominal subject
    # (start token, index) of the mentions that name an office's seat, by start: a sentence
    # finds its own by bisection, not by a scan of every mention (quadratic on long texts)
    seated: list[tuple[int, int]] = field(init=False)
    # entities that are a press service of an office: sources of the news (read once)
    press_services: frozenset[int] = field(init=False)
    # token indices inside country adjectives ("Uzbek", "japanischen"), read once
    adjective_tokens: frozenset[int] = field(init=False)
    # entities that are regions of several states ("Central Asia"): scopes, never places
    scopes: frozenset[int] = field(init=False)

    def __post_init__(self) -> None:
        self.pack = pack(self.lang)
        self.words = self.pack.words
        signal = signal_of(self.doc)
        self.parsed = signal is not None
        self.subjects = signal.subjects if signal is not None else frozenset()
        self.seated = sorted((m.start, i) for i, m in enumerate(self.mentions) if m.seats)
        self.press_services = frozenset(
            m.entity for m in self.mentions if m.type == ORGANIZATION and m.role == PRESS_SERVICE
        )
        self.adjective_tokens = frozenset(
            j
            for m in self.mentions
            if m.type == LOCATION and m.weak and m.key
            for j in range(m.start, m.end)
        )
        scope = scope_keys()
        self.scopes = frozenset(i for i, e in enumerate(self.entities) if e.key in scope)

    def has(self, feature: Feature) -> bool:
        return self.pack.has(feature)

    def named_venture(self, s: Sentence) -> tuple[int, list[int]] | None:
        """A joint venture named with its owners and no copula: "UzKorea Auto, a joint venture
        of A and B, will build", "Das Joint Venture X von A und B", "Совместное предприятие X,
        созданное A и B": (the venture's entity, its owners' entities)."""
        companies = [
            i
            for i in s.mentions
            if self.mentions[i].type == ORGANIZATION
            and self.mentions[i].subtype == COMPANY
            and not self.mentions[i].weak
        ]
        words = s.lower_words()
        for k in range(len(words)):
            two = f"{words[k]} {words[k + 1]}" if k + 1 < len(words) else words[k]
            pattern = self.pack.patterns.venture
            size = 2 if pattern.fullmatch(two) else 1 if pattern.fullmatch(words[k]) else 0
            if not size or any(w in self.words.copulas for w in words[max(0, k - 3) : k]):
                continue
            start, end = s.span.start + k, s.span.start + k + size
            venture = self._venture_named_at(companies, start, end)
            if venture is None:
                continue
            after = max(end, self.mentions[venture].end)
            owners = [
                i for i in companies if i != venture and 0 <= self.mentions[i].start - after <= 8
            ]
            owners = self._joined_owners(owners, after)
            if owners:
                return self.ent(venture), list(dict.fromkeys(self.ent(i) for i in owners))
        return None

    def _venture_named_at(self, companies: list[int], start: int, end: int) -> int | None:
        """The company apposed before the venture words ("X, a joint venture") or named right
        after them ("Joint Venture X", "предприятие X")."""
        for i in companies:
            mention = self.mentions[i]
            between = [t.lower_ for t in self.doc[mention.end : start]]
            if (
                between
                and between[0] == ","
                and all(w in self.words.articles or w == "," for w in between)
            ):
                return i
            if mention.start == end:
                return i
        return None

    def _joined_owners(self, owners: list[int], after: int) -> list[int]:
        """Owners named one after another, joined by "and" ("of A and B", "созданное A и B")."""
        out: list[int] = []
        position = after
        for i in sorted(owners, key=lambda j: self.mentions[j].start):
            gap = self.doc[position : self.mentions[i].start]
            if len(gap) > 4 or any(t.is_alpha and not t.is_lower for t in gap):
                break  # another name or a sentence between: no longer the owners
            out.append(i)
            position = self.mentions[i].end
        return out

    def listed_together(self, first: int, second: int) -> bool:
        """Two mentions, the first earlier, with only a comma, "and" or an article between
        them ("Emomali Rahmon and Rustam Emomali", "the Government and the IsDB")."""
        gap = self.doc[self.mentions[first].end : self.mentions[second].start]
        return 0 < len(gap) <= 3 and all(
            t.text == "," or t.lower_ in self.words.coordinator or t.lower_ in self.words.articles
            for t in gap
        )

    def adjective_place(self, index: int) -> bool:
        """A country adjective ("Uzbek", "Japanese") at this token."""
        return index in self.adjective_tokens

    def ent(self, mention_index: int) -> int:
        return self.mentions[mention_index].entity

    def place_at(self, index: int) -> bool:
        """A named place at this token ("Узбекистана" in "«Uzkimyosanoat» Узбекистана")."""
        return any(
            m.start <= index < m.end and m.type == LOCATION and not m.weak for m in self.mentions
        )

    def typed(self, s: Sentence, *types: EntityType) -> list[int]:
        return [i for i in s.mentions if self.mentions[i].type in types]

    def destination(self, s: Sentence, mention_index: int) -> bool:
        """ "exported to Russia", "поставляет в Россию", "sold in Kazakhstan", "for the CIS
        market": a place the goods go to (after an export word in the same clause, unless a
        plant is named in between: "supplies X to Y from its plant in Z"), no place of a
        plant."""
        mention = self.mentions[mention_index]
        exports = s.triggers.get("export", [])
        if any(mention.end <= t <= mention.end + 2 for t in exports):
            return True  # "the CIS market", "GUS-Markt"
        before = [t for t in exports if t < mention.start]
        if not before or self.clause_break(before[-1], mention.start):
            return False  # "... в Казахстан и производит кирпич в Ташкенте": a new verb
        return not any(
            self.mentions[i].type == PLANT and before[-1] < self.mentions[i].start < mention.start
            for i in s.mentions
        )

    def partner(self, mention_index: int) -> bool:
        """A company introduced as someone's partner: "together with the local company X",
        "gemeinsam mit der usbekischen Firma X", "совместно с местной компанией «X»", "in
        cooperation with China's X", "в сотрудничестве с концерном X" (the
        words between are "with", articles, adjectives, company nouns and quotes)."""
        return self.introduced_by(mention_index, self.words.together | self.words.cooperation)

    def introduced_by(self, mention_index: int, words: frozenset[str]) -> bool:
        """One of `words` before the mention, with only "with", articles, adjectives, company
        nouns and quotes between ("by the Chinese company X", "von der Firma X")."""
        j = self.mentions[mention_index].start - 1
        low = max(0, j - 6)
        while j >= low:
            token = self.doc[j]
            if token.lower_ in words:
                return True
            if not (
                token.is_lower
                or token.text in "«„“\"'"
                or self.adjective_place(j)  # "with the Turkish company X"
                or self._owning_place(j)  # "in cooperation with China's X"
                or token.lower_ in self.words.with_
                or token.lower_ in word_classes(self.lang).org_nouns
            ):
                return False
            j -= 1
        return False

    def _owning_place(self, index: int) -> bool:
        """A named place with the possessive ending after it ("China's", "Kazakhstan's")."""
        after = index + 1
        return (
            after < len(self.doc)
            and self.doc[after].lower_ in self.words.possessive_clitic
            and self.place_at(index)
        )

    def guest_word(self, lower: str) -> bool:
        """A guest or delegation noun: the guests of a reception are the subject."""
        return self.words.guest.matches(lower) or self.words.delegation.matches(lower)

    def word_before(self, mention_index: int, words: frozenset[str], reach: int = 3) -> bool:
        start = self.mentions[mention_index].start
        return any(t.lower_ in words for t in self.doc[max(0, start - reach) : start])

    def argument_start(self, mention_index: int) -> int:
        """Where a person's phrase starts: at the title before the name ("with the chairman of
        Ozdilek Group, Hakan Ozdilek" starts at "chairman")."""
        mention = self.mentions[mention_index]
        span = mention.features.title_span
        return span[0] if span and span[0] < mention.start else mention.start

    def words_before(self, index: int, reach: int) -> list[str]:
        return [t.lower_ for t in self.doc[max(0, index - reach) : index]]

    def after_with(self, mention_index: int, reach: int = 3) -> bool:
        words = self.words_before(self.argument_start(mention_index), reach)
        return any(w in self.words.with_ for w in words)

    def complement(self, mention_index: int, s: Sentence) -> bool:
        """A person named as the complement of a noun or participle before him, who does not
        act in the sentence: "at the invitation of President X", "die Anerkennung von
        Präsident X", "поручений Главы государства X", "инициированной Елбасы X". A visit
        noun before him makes him the visitor ("the visit of X", "визит Президента X"), and
        a passive's "von" with the visit verb after him its agent ("von Präsident X besucht"),
        and a leader's phrase the delegation's leader ("under the leadership of X")."""
        start = self.argument_start(mention_index)
        before = self._complement_word_before(start)
        if before is not None:
            word = self.doc[before].lower_
            if word in self.words.by and self._visit_after(self.mentions[mention_index], s):
                return False
            leading = " ".join(self.words_before(before + 1, 5))  # "under the leadership of"
            return not (
                self._visit_noun_at(before - 1) or self.words.leader_phrases.inside(leading)
            )
        person = self.mentions[mention_index]
        surname = self.doc[person.end - 1].text
        head = self.doc[start - 1].text if start > 0 else ""
        if self.has(Feature.CASE_MORPHOLOGY) and oblique_person(person.title_text, surname, head):
            return not self._visit_noun_at(start - 1)
        return False

    def _complement_word_before(self, start: int) -> int | None:
        """Where a COMPLEMENT_OF word stands before a person's phrase, with articles and one
        adjective between ("of the President X", "vom Ersten Präsidenten X", "of Chinese
        President X"); None without one."""
        j, others = start - 1, 0
        while j >= 0 and start - j <= 4:
            lower = self.doc[j].lower_
            if lower in self.words.complement_of:
                return j
            if lower not in self.words.articles:
                others += 1
                if others > 1 or not self._modifier_at(j):
                    return None
            j -= 1
        return None

    def _modifier_at(self, index: int) -> bool:
        """An adjective before an office: lower case, a country's ("Chinese") or with an
        adjective's ending ("Ersten"); not a noun that ends an office ("of the Nation")."""
        token = self.doc[index]
        return token.is_alpha and (
            token.is_lower
            or self.adjective_place(index)
            or self.words.adjective_endings.ends(token.lower_)
        )

    def _visit_noun_at(self, index: int) -> bool:
        if index < 0:
            return False
        lower = self.doc[index].lower_
        return is_trigger_of(self.lang, "visit", lower) or self.words.trips.matches(lower)

    def _visit_after(self, mention: Mention, s: Sentence) -> bool:
        return any(t > mention.start for t in s.triggers.get("visit", []))

    def led(self, mention_index: int) -> bool:
        before = " ".join(self.words_before(self.argument_start(mention_index), 5))
        return self.words.leader_phrases.inside(before)

    def is_subject(self, mention: Mention) -> bool:
        """The model's parse makes a word of the mention a nominal subject."""
        return any(i in self.subjects for i in range(mention.start, mention.end))

    def is_seat(self, mention_index: int, s: Sentence) -> bool:
        return any(mention_index in self.mentions[i].seats for i in s.mentions)

    def seats_of(self, s: Sentence) -> set[int]:
        """Where the offices of the sentence sit, also those of unnamed holders ("Claas-Chef")."""
        if s.seats is None:
            first = bisect_left(self.seated, (s.span.start, -1))
            last = bisect_left(self.seated, (s.span.end, -1))
            s.seats = {
                self.ent(seat)
                for _, i in self.seated[first:last]
                for seat in self.mentions[i].seats
            }
        return s.seats

    def is_scope(self, entity: int) -> bool:
        """ "the largest gold plant in Central Asia": a region of several states is the scope
        of a comparison; no plant, company or visit is placed in it."""
        return entity in self.scopes

    def speaks_for_office(self, entity: int) -> bool:
        """A press service of an office ("пресс-служба главы государства"): a source of the
        news, never a party to its facts."""
        return entity in self.press_services

    def reporter(self, mention: Mention) -> bool:
        """ "..., Akorda reports", "передает gazeta.uz": the source of the news."""
        reports = self.triggers.get("report", [])
        # "сообщила пресс-служба кабмина", "the press service of the khokimiyat said"
        return mention.end in reports or any(mention.start - k in reports for k in (1, 2, 3))

    def news_source(self, mention: Mention) -> bool:
        """A name right before a word of reporting, its agency's nouns between or not ("the
        Jahon information agency reported", "Akorda reports"): the source of the news, no
        party to a plant. (A name after one, "said that Siemens ...", may well be a party.)"""
        reports = self.triggers.get("report", [])
        return any(mention.end + k in reports for k in (0, 1, 2))

    def clause_break(self, start: int, end: int) -> bool:
        """ "... und führte Gespräche", "... и обсудил": a coordinated new verb; ", where ...",
        ", wo ...", ", где ...": a relative clause."""
        for token in self.doc[start:end]:
            if (
                token.lower_ in self.words.relatives
                and token.i > 0
                and self.doc[token.i - 1].text == ","
            ):
                return True
            if token.lower_ in self.words.and_ and token.i + 1 < len(self.doc):
                following = self.doc[token.i + 1]
                if (
                    following.is_lower
                    and following.is_alpha
                    and following.lower_ not in self.words.articles
                ):
                    return True
        return False

    def verb_final(self, s: Sentence, trigger: int) -> bool:
        following = self.doc[trigger + 1] if trigger + 1 < s.span.end else None
        return following is None or following.is_punct
