"""Descriptive English names for plants the text does not name, built like the gold's:
"<Company> <kind> in <Place>" ("Knauf plant in Shursuv", "Exeed car plant in Syrdarya
region", "Hyosung spandex plant in Bukhara region"), from the plant's company (PLANS or
OPERATES), the most specific place it is in (LOCATED_IN) and what the text calls it, in
English. The surface noun phrases stay as aliases."""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.tokens import Doc

from graph_schema.vocabulary import RelationType
from loaders.extraction.kinds import CITY, COUNTRY, DISTRICT, OTHER, PLANT, REGION
from loaders.extraction.lexicon import plant_kinds, word_classes
from loaders.extraction.model import Entity, Mention, PlantNoun, Relation
from loaders.extraction.packs import Feature, pack, words_of

RUNS = (RelationType.OPERATES, RelationType.PLANS)
# how specific a place is: a village or town before a district, a region, a country
SPECIFIC: dict[str | None, int] = {
    OTHER: 0,
    CITY: 1,
    DISTRICT: 2,
    REGION: 3,
    COUNTRY: 4,
}
# figures in a plant's phrase ("a $200m plant", "the 4,000-ton plant")
FIGURE = re.compile(r"^(\d[\d,.]*|\$?\d.*)$")
DEFAULT_KIND = "plant"


def name_plants(
    doc: Doc, mentions: list[Mention], entities: list[Entity], relations: list[Relation]
) -> None:
    """Give every plant without a name of its own its descriptive name, in place."""
    runners: dict[int, list[int]] = defaultdict(list)
    places: dict[int, list[int]] = defaultdict(list)
    operated = {r.target for r in relations if r.type == RelationType.OPERATES}
    # a running plant is called by who runs it (not by its builder or a partner's plans)
    for relation in sorted(
        relations, key=lambda r: (r.type != RelationType.OPERATES, -r.confidence)
    ):
        if relation.type == RelationType.PLANS and relation.target in operated:
            continue
        if relation.type in RUNS and relation.source not in runners[relation.target]:
            runners[relation.target].append(relation.source)
        elif relation.type == RelationType.LOCATED_IN and entities[relation.source].type == PLANT:
            places[relation.source].append(relation.target)
    for index, entity in enumerate(entities):
        if entity.type != PLANT or entity.features.named:
            continue
        kind = plant_kind(doc, mentions, entity)
        companies = [entities[r].name for r in runners[index][:2]]
        where = sorted(places[index], key=lambda p: SPECIFIC.get(entities[p].subtype or "", 5))
        name = kind
        if companies and all(mentions[i].features.company_site for i in entity.mentions):
            entity.name = companies[0]  # the company told of as a site: one name for both
            continue
        if companies:
            name = f"{' and '.join(companies)} {kind}"
        if where:
            name = f"{name} in {entities[where[0]].name}"
        entity.name = name


def plant_kind(doc: Doc, mentions: list[Mention], entity: Entity) -> str:
    """What the plant is, in English: "tractor assembly plant", "cement factory", "plant"."""
    lang = doc.lang_
    ordered = sorted(
        (mentions[i] for i in entity.mentions),
        key=lambda m: (m.weak, not _named_by_noun(m), -(m.end - m.start)),
    )
    for mention in ordered:
        words = [t.lower_ for t in doc[mention.start : mention.end] if t.is_alpha]
        as_written = pack(lang).has(Feature.CANONICAL_NAMES)
        kind = _english_kind(words, lang) if as_written else _translated(words, mention, lang)
        if kind:
            return kind
    return DEFAULT_KIND


def _named_by_noun(mention: Mention) -> bool:
    """Named by a noun that is a site of its own ("plant", "Werk", "цех")."""
    return mention.features.plant_noun in (PlantNoun.STRONG, PlantNoun.PART)


def _english_kind(words: list[str], lang: str) -> str | None:
    plant_words = word_classes(lang).plant_words
    while words and _vague(words[0], lang):
        words = words[1:]
    if not words or not any(w in plant_words or " ".join(words) in plant_words for w in words):
        return None
    return " ".join(words)


def _vague(word: str, lang: str) -> bool:
    """ "the", "new", "$200m", "4,000": a word that tells nothing about the plant."""
    return word in words_of(lang).vague or bool(FIGURE.match(word))


def _translated(words: list[str], mention: Mention, lang: str) -> str | None:
    """A German compound or a Russian noun phrase in English: "Zementfabrik" -> "cement
    factory", "автомобильный завод" -> "car plant", "завод по производству полиэтилена" ->
    "polyethylene plant"."""
    kinds = plant_kinds(lang)
    head, modifiers = None, []
    for word in words:
        found = kinds.head(word) or _compound_head(word, lang)
        if found and head is None:
            head = found
            prefix = _compound_prefix(word, lang)
            if prefix and kinds.modifier(prefix):
                modifiers.append(kinds.modifier(prefix))
        elif kinds.modifier(word):
            modifiers.append(kinds.modifier(word))
    for word in (mention.properties.get("product") or "").lower().split():
        if kinds.modifier(word):
            modifiers.append(kinds.modifier(word))
    if head is None:
        return None
    kept = [m for m in dict.fromkeys(modifiers) if m is not None and m not in head]
    return " ".join([*kept[:2], head])


def _compound_head(word: str, lang: str) -> str | None:
    """German compounds end in their plant noun ("Ziegelwerk" -> "werk")."""
    if not pack(lang).has(Feature.NOUN_COMPOUNDS):
        return None
    for suffix, _strength in word_classes(lang).plant_suffixes:
        if word.endswith(suffix) and len(word) > len(suffix):
            return plant_kinds(lang).head(suffix)
    return None


def _compound_prefix(word: str, lang: str) -> str | None:
    if not pack(lang).has(Feature.NOUN_COMPOUNDS):
        return None
    for suffix, _strength in word_classes(lang).plant_suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return None
