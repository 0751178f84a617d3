"""The hand-curated word lists under data/, read into typed, cached per-language lookups.

Every list is data (TSV, text or JSON); this module only indexes it, so a new title, trigger
verb or company suffix is a line in a file, not a code change.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from graph_schema.vocabulary import Subtype
from loaders.extraction.datafiles import read_rows, read_table, read_words, split_forms
from loaders.extraction.inflect import inflect_head
from loaders.extraction.packs import Feature, pack


@dataclass(frozen=True)
class Title:
    """An office: the canonical title, the person's subtype, where it sits, what role it is."""

    title: str
    subtype: Subtype
    seat: str
    role: str

    @property
    def head_by_seat(self) -> bool:
        """A head's title whose seat says whose head it is ("председатель", "head"): a
        company's executive, or an official where the seat is a place or a public body."""
        return self.seat == "any" and self.subtype == Subtype.EXECUTIVE

    @property
    def held_in_company(self) -> bool:
        """The office may be held in a company ("CEO", and a head's title)."""
        return self.seat == "organization" or self.head_by_seat


@dataclass(frozen=True)
class Portfolio:
    """What a ministry is in charge of: its words in the text and its English name."""

    words: tuple[str, ...]
    stem: bool  # the words are stems (German compound parts, Russian case forms)
    english: str


@dataclass(frozen=True)
class WordClasses:
    """Per-language lookups: lower-cased form -> what it is. Multi-word forms keep their spaces."""

    titles: dict[str, Title]
    title_heads: tuple[tuple[str, Title], ...]  # German compounds: ("minister", Title)
    portfolios: tuple[Portfolio, ...]
    org_suffixes: frozenset[str]
    org_prefixes: frozenset[str]
    org_nouns: frozenset[str]
    org_group_nouns: frozenset[str]  # German "Allur-Gruppe": the name's group, not its goods
    org_noun_suffixes: tuple[str, ...]
    government_nouns: dict[str, str]  # form -> class of body (administration, ministry...)
    media_nouns: frozenset[str]
    plant_words: dict[str, str]  # word -> strength
    plant_suffixes: tuple[tuple[str, str], ...]  # (suffix, strength), German compounds
    plant_stems: tuple[tuple[str, str], ...]  # (stem, strength), Russian
    plant_blocklist: frozenset[str]
    triggers: dict[str, tuple[tuple[str, str], ...]]  # kind -> ((match, form), ...)
    place_designators: dict[str, tuple[Subtype, str]]  # form -> (subtype, position)
    site_words: dict[str, str]  # form -> the English kind of site it names before a name


def _by_case(lang: str) -> bool:
    """Heads are listed in the nominative and inflected for a language with cases."""
    return pack(lang).has(Feature.CASE_MORPHOLOGY)


def _lang_rows(name: str, lang: str) -> list[dict[str, str]]:
    return [row for row in read_rows(name) if row["lang"] in (lang, "*")]


def _titles(lang: str) -> tuple[dict[str, Title], tuple[tuple[str, Title], ...]]:
    """Titles by form, and the heads German compounds end in ("-minister": "Energieminister")."""
    out: dict[str, Title] = {}
    heads: list[tuple[str, Title]] = []
    for row in _lang_rows("titles.tsv", lang):
        title = Title(row["title"], Subtype(row["subtype"]), row["seat"], row["role"])
        for form in split_forms(row["forms"]):
            if form.startswith("-"):
                heads.append((form[1:], title))
                continue
            variants = inflect_head(form) if _by_case(lang) else [form]
            for variant in variants:
                out.setdefault(variant, title)
    heads.sort(key=lambda item: -len(item[0]))
    return out, tuple(heads)


def _portfolios(lang: str) -> tuple[Portfolio, ...]:
    out = []
    for row in _lang_rows("portfolios.tsv", lang):
        for form in split_forms(row["forms"]):
            out.append(Portfolio(tuple(form.split()), row["match"] == "stem", row["english"]))
    # longest first: "foreign trade" before "trade"
    return tuple(sorted(out, key=lambda p: -len(p.words)))


def _designators(lang: str, kind: str) -> frozenset[str]:
    forms: set[str] = set()
    for row in _lang_rows("org_designators.tsv", lang):
        if row["kind"] == kind:
            for form in split_forms(row["forms"]):
                forms.update(inflect_head(form) if _by_case(lang) and kind != "suffix" else [form])
    return frozenset(forms)


def _government_nouns(lang: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for row in _lang_rows("org_designators.tsv", lang):
        kind, _, body_class = row["kind"].partition(":")
        if kind != "government":
            continue
        for form in split_forms(row["forms"]):
            for variant in inflect_head(form) if _by_case(lang) else [form]:
                out.setdefault(variant, body_class)
    return out


def _plants(lang: str) -> tuple[dict[str, str], tuple, tuple]:
    words: dict[str, str] = {}
    suffixes: list[tuple[str, str]] = []
    stems: list[tuple[str, str]] = []
    for row in _lang_rows("plant_nouns.tsv", lang):
        for form in split_forms(row["forms"]):
            if row["match"] == "word":
                words[form] = row["strength"]
            elif row["match"] == "suffix":
                suffixes.append((form, row["strength"]))
                words.setdefault(form, row["strength"])
            else:
                stems.append((form, row["strength"]))
    suffixes.sort(key=lambda item: -len(item[0]))
    return words, tuple(suffixes), tuple(stems)


def _triggers(lang: str) -> dict[str, tuple[tuple[str, str], ...]]:
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in read_table(pack(lang).file("triggers.tsv")):
        out[row["kind"]].extend((row["match"], form) for form in split_forms(row["forms"]))
    return {kind: tuple(forms) for kind, forms in out.items()}


def _place_designators(lang: str) -> dict[str, tuple[Subtype, str]]:
    out: dict[str, tuple[Subtype, str]] = {}
    for row in _lang_rows("place_designators.tsv", lang):
        subtype = Subtype(row["subtype"])
        for form in split_forms(row["forms"]):
            previous = out.get(form)
            position = row["position"]
            if previous and previous[0] == subtype and previous[1] != position:
                position = "both"
            out.setdefault(form, (subtype, position))
            if position == "both":
                out[form] = (subtype, "both")
    return out


@cache
def word_classes(lang: str) -> WordClasses:
    plant_words, plant_suffixes, plant_stems = _plants(lang)
    noun_suffixes = tuple(sorted(_designators(lang, "noun_suffix"), key=len, reverse=True))
    titles, title_heads = _titles(lang)
    return WordClasses(
        titles=titles,
        title_heads=title_heads,
        portfolios=_portfolios(lang),
        org_suffixes=_designators(lang, "suffix"),
        org_prefixes=_designators(lang, "prefix"),
        org_nouns=_designators(lang, "noun"),
        org_group_nouns=_designators(lang, "group_noun"),
        org_noun_suffixes=noun_suffixes,
        government_nouns=_government_nouns(lang),
        media_nouns=_designators(lang, "media"),
        plant_words=plant_words,
        plant_suffixes=plant_suffixes,
        plant_stems=plant_stems,
        plant_blocklist=read_words("plant_blocklist.txt"),
        triggers=_triggers(lang),
        place_designators=_place_designators(lang),
        site_words={
            form: row["english"]
            for row in _lang_rows("site_words.tsv", lang)
            for form in split_forms(row["forms"])
        },
    )


@dataclass(frozen=True)
class PlantKinds:
    """English words for what a plant is (its noun) and makes (its modifiers), by stem."""

    heads: tuple[tuple[str, str], ...]  # (stem, english), longest stem first
    modifiers: tuple[tuple[str, str], ...]

    def head(self, word: str) -> str | None:
        return next((english for stem, english in self.heads if word.startswith(stem)), None)

    def modifier(self, word: str) -> str | None:
        return next((english for stem, english in self.modifiers if word.startswith(stem)), None)


@cache
def plant_kinds(lang: str) -> PlantKinds:
    heads: list[tuple[str, str]] = []
    modifiers: list[tuple[str, str]] = []
    for row in _lang_rows("plant_kinds.tsv", lang):
        target = heads if row["kind"] == "head" else modifiers
        target.extend((form, row["english"]) for form in split_forms(row["forms"]))
    return PlantKinds(
        tuple(sorted(heads, key=lambda item: -len(item[0]))),
        tuple(sorted(modifiers, key=lambda item: -len(item[0]))),
    )


@cache
def first_names() -> frozenset[str]:
    return read_words("first_names.txt")


@cache
def not_names() -> frozenset[str]:
    return read_words("not_names.txt")
