"""Every spaCy component of the extractor, registered in one place (factories "kg_*").

Order in a pipeline: kg_unglue -> kg_sentences -> [a model's signal: kg_natasha_signal or
kg_spacy_signal, signal_components.py] -> kg_mention_patterns (the packs' SpanRuler) ->
kg_mentions -> kg_entities -> kg_relations. Results live on doc._.kg_* as model.py types.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, cast

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Token

from loaders.extraction.coref import resolve
from loaders.extraction.gazetteer import gazetteer
from loaders.extraction.kinds import ORGANIZATION
from loaders.extraction.linking import link, link_seats, mark_goods
from loaders.extraction.matching import GazetteerMatcher, Hits
from loaders.extraction.mentions import DEFAULT_CANDIDATE_RULES, MentionFinder
from loaders.extraction.model import Mention, PlantNoun, Source
from loaders.extraction.naming import name_plants
from loaders.extraction.plants import PlantFinder, company_sites
from loaders.extraction.relations import find_relations
from loaders.extraction.tokens import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    looks_like_surname,
    sentence_of,
    trigger_index,
)

for _name in ("kg_mentions", "kg_entities", "kg_relations", "kg_triggers"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

# "MirziyoyevangebotenBau": a lower-case run glued to a capitalised word by a sloppy source
CAMEL_GLUE = re.compile(r"(?<=[a-zäöüß]{7})(?=[A-ZÄÖÜ][a-zäöüß]{2})")
SENTENCE_END = frozenset(".!?")
NOT_SENT_START = numpy.uint64(2**64 - 1)  # -1 in the uint64 arrays of Doc.from_array


def _code(nlp: Language) -> str:
    """The language (its pack's code) a pipeline is built for."""
    if nlp.lang is None:
        raise ValueError("a kg_* component needs a pipeline with a language")
    return nlp.lang


@Language.factory("kg_unglue", default_config={}, assigns=["token.text"])
def make_unglue(nlp: Language, name: str) -> Unglue:
    return Unglue(_code(nlp))


class Unglue:
    """Splits words that a source glued together: a surname and the next word, or two words
    where the second starts with a capital. Known names ("UzAvtoSanoat") are left whole."""

    def __init__(self, lang: str) -> None:
        gaz = gazetteer(lang)
        self.known = set(gaz.organizations) | set(gaz.places)
        self.surnames = {form.split()[-1] for form in gaz.persons}

    def __call__(self, doc: Doc) -> Doc:
        long_words = [
            token
            for token in doc
            if len(token.text) >= 12 and token.is_alpha and token.lower_ not in self.known
        ]
        if not long_words:
            return doc  # most texts glue nothing: no copy of the gazetteer's surnames for them
        surnames = self.surnames | {t.lower_ for t in doc if looks_like_surname(t.text)}
        splits = []
        for token in long_words:
            parts = self._parts(token.text, surnames)
            if len(parts) > 1:
                splits.append((token, parts))
        with doc.retokenize() as retokenizer:
            for token, parts in splits:
                heads: list[Token | tuple[Token, int]] = [(token, 0)] * len(parts)
                retokenizer.split(token, parts, heads=heads)
        return doc

    def _parts(self, text: str, surnames: set[str]) -> list[str]:
        parts = [p for p in CAMEL_GLUE.split(text) if p]
        out = []
        for part in parts:
            lower = part.lower()
            head = next(
                (
                    s
                    for s in surnames
                    if lower.startswith(s) and len(lower) - len(s) >= 5 and part[len(s) :].islower()
                ),
                None,
            )
            out += [part[: len(head)], part[len(head) :]] if head and part[:1].isupper() else [part]
        return out


@Language.factory("kg_sentences", default_config={}, assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str) -> Sentences:
    return Sentences()


class Sentences:
    """Sentence starts after . ! ? (past closing quotes) and at every line break."""

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0 or doc.has_annotation("DEP"):
            return doc  # a parser already set the sentences (and forbids changing them)
        texts = [(t.text, t.whitespace_) for t in doc]
        starts = {0}
        for i, (text, space) in enumerate(texts):
            if "\n" in text or "\n" in space:
                starts.add(i + 1)
            elif text in SENTENCE_END:
                j = i + 1
                while j < len(doc) and texts[j][0] in CLOSE_QUOTES | {")"}:
                    j += 1
                if j < len(doc) and (texts[j][0][:1].isupper() or texts[j][0][:1] in '„«“"['):
                    starts.add(j)
        # only the starts are set: the others stay "unknown", which doc.sents reads as "inside";
        # set as one array (token.is_sent_start = ... scans the whole Doc each time, which
        # made a long text's sentences quadratic)
        marks = numpy.zeros((len(doc), 1), dtype="uint64")
        for i in starts:
            if i < len(doc):
                marks[i, 0] = 1
        if len(doc) > 1 and not any(0 < i < len(doc) for i in starts):
            marks[1, 0] = NOT_SENT_START  # one sentence: mark it set, or spaCy calls it unset
        doc.from_array(["SENT_START"], cast(Any, marks))
        return doc


@Language.factory(
    "kg_mentions",
    default_config={"candidate_rules": list(DEFAULT_CANDIDATE_RULES)},
    assigns=["doc._.kg_mentions", "doc._.kg_triggers"],
    requires=["token.is_sent_start", "doc.spans"],
)
def make_mentions(nlp: Language, name: str, candidate_rules: list[str]) -> Mentions:
    return Mentions(nlp, tuple(candidate_rules))


class Mentions:
    """Gazetteer matches and name rules -> doc._.kg_mentions (places, people, organizations,
    plants), with titles and plants linked to their seats, organizations and places."""

    def __init__(self, nlp: Language, candidate_rules: tuple[str, ...]) -> None:
        self.lang = _code(nlp)
        self.matcher = GazetteerMatcher(nlp, self.lang)
        self.finder = MentionFinder(self.lang, candidate_rules)
        self.plants = PlantFinder(self.lang)
        self.triggers = trigger_index(nlp.lang)

    def __call__(self, doc: Doc) -> Doc:
        hits = Hits.of(self.matcher(doc))
        mentions = self.finder.find(doc, hits)
        triggers = _outside_names(self.triggers.find(doc), mentions)
        taken = {i for m in mentions if not m.weak for i in range(m.start, m.end)}
        plants = self.plants.find(doc, hits, triggers, taken)
        org_tokens = {i for m in mentions if m.type == ORGANIZATION for i in range(m.start, m.end)}
        plants = _company_nouns(doc, plants, mentions, org_tokens, triggers)
        plants += company_sites(doc, plants, mentions, triggers)
        mark_goods(doc, mentions, triggers.get("product", []))
        plant_tokens = {i for p in plants if not p.weak for i in range(p.start, p.end)}
        mentions = [
            m
            for m in mentions
            if not (m.weak and any(i in plant_tokens for i in range(m.start, m.end)))
        ]
        mentions = sorted(mentions + plants, key=lambda m: (m.start, -m.end))
        link(doc, mentions)
        doc._.kg_mentions = mentions
        doc._.kg_triggers = triggers
        return doc


def _outside_names(triggers: dict[str, list[int]], mentions: list[Mention]) -> dict[str, list[int]]:
    """Trigger words inside an organization's name are part of the name, no verb: "Jizzakh
    Auto Invest", "Самарканд Инвест", "Ministry of Investment" neither invest nor plan."""
    named = {
        i for m in mentions if m.type == ORGANIZATION and not m.weak for i in range(m.start, m.end)
    }
    if not named:
        return triggers
    return {kind: [t for t in found if t not in named] for kind, found in triggers.items()}


def _company_nouns(
    doc: Doc,
    plants: list[Mention],
    mentions: list[Mention],
    org_tokens: set[int],
    triggers: dict[str, list[int]],
) -> list[Mention]:
    """A weak plant noun right before a company's name ("des Unternehmens Hayat Kimya",
    "предприятие ООО «X»") is the company's noun, no plant; unless the sentence visits or
    opens it, which makes it the company's site ("посетил предприятие ООО «X»")."""
    org_starts = {m.start for m in mentions if m.type == ORGANIZATION}
    out = []
    for plant in plants:
        if not plant.weak:
            out.append(plant)
            continue
        if plant.start in org_tokens:
            continue
        following = plant.end
        while (
            following < len(doc)
            and (doc[following].text in OPEN_QUOTES or doc[following].text.isupper())
            and following not in org_starts
        ):
            following += 1  # "ООО «" between the noun and the name
        if following not in org_starts:
            out.append(plant)
            continue
        sentence = sentence_of(doc, plant.start)
        if any(
            sentence.start <= t < sentence.end
            for kind in ("visit", "open")
            for t in triggers.get(kind, [])
        ):
            plant.weak, plant.role, plant.source = False, None, Source.WEAK
            plant.features = replace(plant.features, reference=False, plant_noun=PlantNoun.WEAK)
            out.append(plant)
    return out


@Language.factory(
    "kg_entities",
    default_config={},
    assigns=["doc._.kg_entities"],
    requires=["doc._.kg_mentions"],
)
def make_entities(nlp: Language, name: str) -> Entities:
    return Entities(_code(nlp))


class Entities:
    """Mentions of one thing -> one entity (doc._.kg_entities)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        doc._.kg_entities = resolve(doc, doc._.kg_mentions, self.lang)
        link_seats(doc, doc._.kg_mentions)
        return doc


@Language.factory(
    "kg_relations",
    default_config={},
    assigns=["doc._.kg_relations"],
    requires=["doc._.kg_mentions", "doc._.kg_entities", "doc._.kg_triggers"],
)
def make_relations(nlp: Language, name: str) -> Relations:
    return Relations()


class Relations:
    """Sentence-level relation rules -> doc._.kg_relations."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.kg_relations = find_relations(
            doc, doc._.kg_mentions, doc._.kg_entities, doc._.kg_triggers
        )
        name_plants(doc, doc._.kg_mentions, doc._.kg_entities, doc._.kg_relations)
        return doc
