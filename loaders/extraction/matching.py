"""One PhraseMatcher per language over every gazetteer and word list, producing typed hits,
and Hits, the lookups the mention rules ask of them."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, cast

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from loaders.extraction.gazetteer import gazetteer
from loaders.extraction.lexicon import Title, word_classes
from loaders.extraction.packs import Feature, pack
from loaders.extraction.tokens import lowers, texts

# a hyphen inside a word ("kara-balta"), which German text splits when a capital follows
HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
# Labels whose forms are names: they count only when capitalised as names are.
NAME_LABELS = frozenset({"PLACE", "ORG", "PERSON"})


@dataclass(frozen=True)
class Hit:
    label: str
    start: int
    end: int
    payload: Any


class GazetteerMatcher:
    """Finds every known form in a Doc; payloads are gazetteer entries or word-list values."""

    def __init__(self, nlp: Language, lang: str) -> None:
        gaz = gazetteer(lang)
        words = word_classes(lang)
        self.exact_case = gaz.exact_case
        self.lang = lang
        self.title_heads = words.title_heads
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.payloads: dict[str, dict[str, Any]] = {}
        tables: dict[str, dict[str, Any]] = {
            "PLACE": dict(gaz.places),
            "COUNTRY_ADJ": dict(gaz.country_adjectives),
            "REGION_ADJ": dict(gaz.region_adjectives),
            "ORG": dict(gaz.organizations),
            "PERSON": dict(gaz.persons),
            "TITLE": dict(words.titles),
            "PLACE_DESIGNATOR": dict(words.place_designators),
            "SITE_WORD": dict(words.site_words),
            "ORG_NOUN": dict.fromkeys(words.org_nouns, True),
            "ORG_PREFIX": dict.fromkeys(words.org_prefixes, True),
            "ORG_SUFFIX": dict.fromkeys(words.org_suffixes, True),
            "GOV_NOUN": dict(words.government_nouns),
            "MEDIA_NOUN": dict.fromkeys(words.media_nouns, True),
            "PLANT_WORD": dict(words.plant_words),
        }
        for label, table in tables.items():
            self._add(nlp, label, table)

    def _add(self, nlp: Language, label: str, table: dict[str, Any]) -> None:
        forms = list(table)
        if pack(self.lang).has(Feature.SPLIT_HYPHEN_BEFORE_CAPITAL):
            # the lists are lower case, so "kara-balta" stays whole; the tokenizer splits
            # "Kara-Balta", "Samruk-Energy" before the capital
            split = {HYPHEN.sub(" - ", f): table[f] for f in forms if HYPHEN.search(f)}
            table = {**split, **table}
            forms = list(table)
        tokenizer = cast(Tokenizer, nlp.tokenizer)
        docs = list(tokenizer.pipe(forms))
        # a capitalised abbreviation is one token ("A.S.", "Co."), its lower-case form may be
        # two ("a.s", "."): the text is matched in the way capitals cut it too
        dotted = [f for f in forms if "." in f]
        for form, doc in zip(dotted, tokenizer.pipe(f.upper() for f in dotted), strict=True):
            docs.append(doc)
            forms.append(form)
        lookup = self.payloads.setdefault(label, {})
        for form, doc in zip(forms, docs, strict=True):
            lookup.setdefault(_key(t.lower_ for t in doc), table[form])
        self.matcher.add(label, docs)

    def __call__(self, doc: Doc) -> list[Hit]:
        hits = self._compound_titles(doc)
        vocab, words = doc.vocab, lowers(doc)
        for match_id, start, end in self.matcher(doc):
            label = vocab.strings[match_id]
            key = _key(words[start:end])
            if label in NAME_LABELS and not self._cased_as_name(doc[start:end].text, key):
                continue
            if label == "PLANT_WORD" and end < len(doc) and doc[end].text == "-":
                continue  # a compound such as "line-up" is no production line
            hits.append(Hit(label, start, end, self.payloads[label][key]))
        return hits

    def _compound_titles(self, doc: Doc) -> list[Hit]:
        """German offices written as one word with their portfolio or company
        ("Landwirtschaftsminister", "Konzernchef"): a title like the listed head."""
        if not self.title_heads:
            return []
        hits = []  # every token is asked: the cached texts, no Token object each
        for i, (lower, text) in enumerate(zip(lowers(doc), texts(doc), strict=True)):
            title = compound_title(self.lang, lower) if text.isalpha() else None
            if title is not None:
                hits.append(Hit("TITLE", i, i + 1, title))
        return hits

    def _cased_as_name(self, text: str, key: str) -> bool:
        if key in self.exact_case:
            return text.isupper()
        return text[:1].isupper() or text[:1].isdigit()


@lru_cache(maxsize=65536)
def compound_title(lang: str, lower: str) -> Title | None:
    """The office a German compound ends in; listed words ("ministerpräsident") are exact
    hits of the matcher and are left to it."""
    words = word_classes(lang)
    if lower in words.titles:
        return None
    for head, title in words.title_heads:
        if lower.endswith(head) and len(lower) >= len(head) + 3:
            return title
    return None


def _key(lowers: Iterable[str]) -> str:
    return " ".join(lowers)


@dataclass
class Hits:
    """Gazetteer hits of one Doc, by label and by start token.

    The lookups by start, end and covered token go through indexes built once per label, so
    that a long text with thousands of hits costs a dictionary look-up per question, not a
    scan of every hit (which made long texts quadratic)."""

    by_label: dict[str, list[Hit]]
    _starts: dict[str, dict[int, list[Hit]]] = field(default_factory=dict, repr=False)
    _ends: dict[str, dict[int, list[Hit]]] = field(default_factory=dict, repr=False)
    _covers: dict[str, dict[int, Hit]] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, hits: list[Hit]) -> Hits:
        by_label: dict[str, list[Hit]] = defaultdict(list)
        for hit in hits:
            by_label[hit.label].append(hit)
        return cls(dict(by_label))

    def get(self, label: str) -> list[Hit]:
        return self.by_label.get(label, [])

    def all_starting(self, label: str, start: int) -> list[Hit]:
        """Every hit of the label that starts at the token, in match order."""
        return self._by_token(self._starts, label, lambda h: h.start).get(start, [])

    def starting(self, label: str, start: int) -> Hit | None:
        best = self.all_starting(label, start)
        return max(best, key=lambda h: h.end) if best else None

    def ending(self, label: str, end: int) -> Hit | None:
        best = self._by_token(self._ends, label, lambda h: h.end).get(end)
        return min(best, key=lambda h: h.start) if best else None

    def covering(self, label: str, index: int) -> Hit | None:
        """The first hit (in match order) whose tokens include `index`."""
        covers = self._covers.get(label)
        if covers is None:
            covers = {}
            for hit in self.get(label):
                for i in range(hit.start, hit.end):
                    covers.setdefault(i, hit)
            self._covers[label] = covers
        return covers.get(index)

    def _by_token(
        self, cache: dict[str, dict[int, list[Hit]]], label: str, token: Callable[[Hit], int]
    ) -> dict[int, list[Hit]]:
        index = cache.get(label)
        if index is None:
            index = defaultdict(list)
            for hit in self.get(label):
                index[token(hit)].append(hit)
            cache[label] = index = dict(index)
        return index
