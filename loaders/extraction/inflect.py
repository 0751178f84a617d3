"""Inflected forms of names and nouns, generated from the suffix rules of the language
pack that inflects so (lang/<code>/inflection.json; the manifest's name_inflection names the
kind, and these are its functions).

Gazetteers list a place once ("Узбекистан", "Usbekistan"); the text has "Узбекистане",
"Usbekistans". Generating the forms up front keeps matching a plain phrase lookup.
"""

from __future__ import annotations

import json
from functools import cache
from itertools import product
from typing import Any

from loaders.extraction.packs import NameInflection, packs


@cache
def _tables(kind: NameInflection) -> dict[str, Any]:
    """The inflection tables of the pack whose names inflect so (none: no tables)."""
    for language in packs().values():
        if language.name_inflection is kind:
            text = language.file("inflection.json").read_text(encoding="utf-8")
            return dict(json.loads(text))
    return {}


@cache
def russian(table: str) -> tuple[str, ...]:
    """A list of Russian endings by name ("nominative_surnames", "adjective_endings")."""
    return tuple(_tables(NameInflection.RUSSIAN_CASES).get(table, ()))


@cache
def russian_pairs(table: str) -> tuple[tuple[str, str], ...]:
    """A table of Russian ending pairs by name ("first_name_agreement": a surname's case
    ending and the given name's ending in the same case)."""
    return tuple((a, b) for a, b in _tables(NameInflection.RUSSIAN_CASES).get(table, ()))


def _rules(kind: NameInflection, table: str) -> list:
    return list(_tables(kind).get(table, []))


def _apply(word: str, rules: list) -> list[str]:
    lower = word.lower()
    for ending, replacements in rules:
        if lower.endswith(ending):
            stem = word[: len(word) - len(ending)] if ending else word
            return [stem + replacement for replacement in replacements]
    return [word]


def is_russian_adjective(word: str) -> bool:
    lower = word.lower()
    if lower.endswith(russian("neuter_noun_endings")):
        return False  # "управление", "предприятие": neuter nouns, not plural adjectives
    return lower.endswith(russian("adjective_endings"))


@cache
def ru_word_forms(word: str) -> tuple[str, ...]:
    """Case forms of one Russian word (noun or adjective), the word itself first."""
    if not word or not word[-1].isalpha() or word.isupper():
        return (word,)
    kind = NameInflection.RUSSIAN_CASES
    table = _rules(kind, "adj") if is_russian_adjective(word) else _rules(kind, "noun")
    forms = _apply(word, table)
    return tuple(dict.fromkeys([word, *forms]))


def ru_phrase_forms(phrase: str) -> list[str]:
    """Forms of a Russian phrase; each word varies by case (hyphenated parts by their last part)."""
    words = phrase.split()
    options = []
    for word in words:
        head, sep, last = word.rpartition("-")
        options.append([head + sep + form for form in ru_word_forms(last)])
    if len(words) > 3:
        return [phrase]
    return list(dict.fromkeys(" ".join(combo) for combo in product(*options)))


def inflect_head(phrase: str) -> list[str]:
    """Forms of a Russian phrase whose first word is the head ("глава государства")."""
    first, _, rest = phrase.partition(" ")
    if first.endswith(russian("head_adjective_endings")) and rest:
        return ru_phrase_forms(phrase)
    return [f"{form} {rest}".strip() for form in ru_word_forms(first)]


def de_name_forms(name: str) -> list[str]:
    """A German name and its genitive ("Deutschlands", "Usbekistans")."""
    kind = NameInflection.GERMAN_GENITIVE
    if name.lower().endswith(tuple(_rules(kind, "name_genitive_after"))) or not name[-1].isalpha():
        return [name]
    return [name, *(name + ending for ending in _rules(kind, "name_genitive"))]


def de_adjective_forms(stem: str) -> list[str]:
    return [stem + ending for ending in _rules(NameInflection.GERMAN_GENITIVE, "adj")]


def name_forms(name: str, inflection: NameInflection) -> list[str]:
    """The forms a proper name takes in running text, as the language inflects names."""
    if inflection is NameInflection.RUSSIAN_CASES and any(
        "а" <= c.lower() <= "я" or c in "ёЁ" for c in name
    ):
        return ru_phrase_forms(name)
    if inflection is NameInflection.GERMAN_GENITIVE:
        return de_name_forms(name)
    return [name]
