"""Inflected forms of names and nouns, generated from the suffix rules in data/inflection.json.

Gazetteers list a place once ("Узбекистан", "Usbekistan"); the text has "Узбекистане",
"Usbekistans". Generating the forms up front keeps matching a plain phrase lookup.
"""

from __future__ import annotations

from functools import cache
from itertools import product

from loaders.extraction.datafiles import inflection_rules


def _apply(word: str, rules: list) -> list[str]:
    lower = word.lower()
    for ending, replacements in rules:
        if lower.endswith(ending):
            stem = word[: len(word) - len(ending)] if ending else word
            return [stem + replacement for replacement in replacements]
    return [word]


def is_russian_adjective(word: str) -> bool:
    lower = word.lower()
    if lower.endswith(("ние", "тие", "вие")):
        return False  # "управление", "предприятие": neuter nouns, not plural adjectives
    return lower.endswith(tuple(inflection_rules()["ru_adjective_endings"]))


@cache
def ru_word_forms(word: str) -> tuple[str, ...]:
    """Case forms of one Russian word (noun or adjective), the word itself first."""
    if not word or not word[-1].isalpha() or word.isupper():
        return (word,)
    rules = inflection_rules()
    table = rules["ru_adj"] if is_russian_adjective(word) else rules["ru_noun"]
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
    if first.endswith(("ый", "ий", "ой", "ая")) and rest:
        return ru_phrase_forms(phrase)
    return [f"{form} {rest}".strip() for form in ru_word_forms(first)]


def de_name_forms(name: str) -> list[str]:
    """A German name and its genitive ("Deutschlands", "Usbekistans")."""
    rules = inflection_rules()
    if name.lower().endswith(tuple(rules["de_name_genitive_after"])) or not name[-1].isalpha():
        return [name]
    return [name, *(name + ending for ending in rules["de_name_genitive"])]


def de_adjective_forms(stem: str) -> list[str]:
    return [stem + ending for ending in inflection_rules()["de_adj"]]


def name_forms(name: str, lang: str) -> list[str]:
    """The forms a proper name takes in running text of a language."""
    if lang == "ru" and any("а" <= c.lower() <= "я" or c in "ёЁ" for c in name):
        return ru_phrase_forms(name)
    if lang == "de":
        return de_name_forms(name)
    return [name]
