"""How sure linking is that an incoming entity is one the graph holds: a score in [0, 1] and the
reason, per entity type. Pure functions of two profiles.

The evidence adds up from what identifies each kind of thing: for a person the name words
(spellings folded to one skeleton, initials against first names) and the offices held; for an
organisation the name without legal forms, its known aliases and acronyms; for a plant its
companies, its place (a city counts inside its region and country) and its product. A hard
contradiction — another first name, a subtype that cannot be the same thing, two places apart,
two different products — rules the pair out whatever else agrees."""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from graph_schema.keys import fold
from graph_schema.vocabulary import EntityType
from loaders.linking.names import core, similarity, skeleton
from loaders.linking.places import same_or_nested
from loaders.linking.profiles import Profile, person_tokens, place_core

MERGE_AT = 0.75  # at or above: the incoming entity becomes the graph's
CANDIDATE_AT = 0.45  # between the two: a candidate pair for an analyst to decide
SPELLED_ALIKE = 0.88  # Jaro-Winkler of two skeletons written by different transliterations


@dataclass(frozen=True)
class Match:
    score: float
    reason: str


# Whether two sets of plant owners are one company or one family ("same company", "companies of
# one family") or not (None); the linker knows which organisations it linked and their parents.
OwnerTest = Callable[[frozenset[str], frozenset[str]], str | None]


def score(incoming: Profile, known: Profile, owners_alike: OwnerTest | None = None) -> Match | None:
    """How well `known` fits `incoming`; None when they cannot be the same thing."""
    if incoming.type is not known.type:
        return None
    if incoming.type is EntityType.PERSON:
        return _person(incoming, known)
    if incoming.type is EntityType.ORGANIZATION:
        return _organization(incoming, known)
    if incoming.type is EntityType.LOCATION:
        return _location(incoming, known)
    return _plant(incoming, known, owners_alike or _same_owner)


# -- people --------------------------------------------------------------------------------------


def _word_match(a: str, b: str) -> float:
    """1 for one word, 0.9 an initial of it, 0.8 another transliteration, 0 none."""
    if a == b:
        return 1.0
    if len(a) == 1 or len(b) == 1:
        return 0.9 if a[0] == b[0] else 0.0
    sa, sb = skeleton(a), skeleton(b)
    if sa == sb:
        return 0.95
    return 0.8 if similarity(sa, sb) >= SPELLED_ALIKE else 0.0


def _person(incoming: Profile, known: Profile) -> Match | None:
    short, long = sorted((person_tokens(incoming.name), person_tokens(known.name)), key=len)
    if not short:
        return None
    pairs = [max((_word_match(w, v) for v in long), default=0.0) for w in short]
    if min(pairs) == 0.0:
        return None  # a word of the shorter name is none of the longer's: another person
    if len(short) >= 2:
        quality = sum(pairs) / len(pairs)
        reason = "same full name" if quality == 1.0 else "full name spelled another way"
        base = 0.55 + 0.35 * quality
    else:
        base, reason = 0.45, "same surname only"
    if short[0] in (w for w in long) and len(short) == 1 and long.index(short[0]) == 0:
        base -= 0.1  # a first name alone says little
    context = _office_context(incoming, known)
    if context:
        return Match(min(1.0, base + 0.3), f"{reason}, {context}")
    return Match(base, reason)


def _office_context(a: Profile, b: Profile) -> str | None:
    if a.seats & b.seats:
        return "office in the same place or body"
    words_a = {w for t in a.titles for w in fold(t).split()}
    words_b = {w for t in b.titles for w in fold(t).split()}
    if words_a & words_b - {"of", "the", "and"}:
        return "the same office"
    return None


# -- organisations -----------------------------------------------------------------------------


def _organization(incoming: Profile, known: Profile) -> Match | None:
    if _subtypes_clash(incoming, known):
        return None
    cores_in = {core(f) for f in incoming.forms} - {""}
    cores_known = {core(f) for f in known.forms} - {""}
    if core(incoming.name) and core(incoming.name) == core(known.name):
        return Match(0.9, "same name without legal form")
    if cores_in & cores_known:
        return Match(0.85, "a known alias")
    acronyms = {fold(f) for f in incoming.forms | known.forms if f.isupper()}
    if any(_initials(c) in acronyms for c in cores_in | cores_known if len(c.split()) >= 2):
        if incoming.places & known.places:
            return Match(0.8, "acronym of the name, same home")
        return Match(0.6, "acronym of the name")
    return None


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split())


def _subtypes_clash(a: Profile, b: Profile) -> bool:
    return bool(a.subtype and b.subtype and a.subtype != b.subtype)


# -- places --------------------------------------------------------------------------------------


def _location(incoming: Profile, known: Profile) -> Match | None:
    if _subtypes_clash(incoming, known):
        return None  # Asaka the city and Asaka the district are two places
    if known.geonames_id is not None or known.iso:
        return None  # the gazetteer knows that one; an unknown place is not it
    if {place_core(f) for f in incoming.forms} & {place_core(f) for f in known.forms} - {""}:
        return Match(0.9, "same place name and kind")
    return None


# -- plants --------------------------------------------------------------------------------------


def _same_owner(a: frozenset[str], b: frozenset[str]) -> str | None:
    return "same company" if a & b else None


def _plant(incoming: Profile, known: Profile, owners_alike: OwnerTest) -> Match | None:
    total, reasons = 0.0, []
    owner = owners_alike(incoming.owners, known.owners)
    if owner == "same company":
        total += 0.5
    elif owner:
        total += 0.4  # "companies of one family": BYD and BYD Uzbekistan
    elif incoming.owners and known.owners:
        pass  # two companies: one plant renamed, or two plants; place and product decide
    else:
        total += 0.1  # one side names no company
    if owner:
        reasons.append(owner)
    place = _places_fit(incoming.places, known.places)
    if place is None:
        return None
    total += {"same": 0.3, "inside": 0.2, "unknown": 0.05}[place]
    if place != "unknown":
        reasons.append("same place" if place == "same" else "one place inside the other")
    product = _products_fit(incoming.product, known.product)
    if product is None:
        return None
    if product:
        total += 0.15
        reasons.append("same product")
    if incoming.named and known.named and core(incoming.name) == core(known.name) != "":
        total += 0.3
        reasons.append("same name")
    return Match(round(max(0.0, min(1.0, total)), 3), ", ".join(reasons) or "little in common")


def _places_fit(a: frozenset[str], b: frozenset[str]) -> str | None:
    if not a or not b:
        return "unknown"
    found = {same_or_nested(x, y) for x in a for y in b}
    if "same" in found:
        return "same"
    if "inside" in found:
        return "inside"
    return None


def _products_fit(a: str | None, b: str | None) -> bool | None:
    """True one kind of product, False one side says nothing known, None two different kinds."""
    kinds_a, kinds_b = product_kinds(a or ""), product_kinds(b or "")
    if not kinds_a or not kinds_b:
        return False
    return True if kinds_a & kinds_b else None


def product_kinds(text: str) -> frozenset[str]:
    words = fold(text).split()
    joined = " ".join(words)
    found = set()
    for kind, stems in _product_stems().items():
        for stem in stems:
            if " " in stem:
                hit = stem in joined
            elif len(stem) >= 4:
                hit = any(w.startswith(stem) for w in words)
            else:  # short stems are whole words, English plurals included ("cars", "EVs")
                hit = stem in words or f"{stem}s" in words
            if hit:
                found.add(kind)
                break
    return frozenset(found)


@cache
def _product_stems() -> dict[str, tuple[str, ...]]:
    text = resources.files("loaders.linking").joinpath("data", "products.tsv").read_text("utf-8")
    lines = (line for line in text.splitlines() if line and not line.startswith("#"))
    return {
        row["kind"]: tuple(row["stems"].split("|")) for row in csv.DictReader(lines, delimiter="\t")
    }
