"""How sure linking is that an incoming entity is one the graph holds: a score in [0, 1] and the
reason, per entity type. Pure functions of two profiles.

The evidence adds up from what identifies each kind of thing: for a person the name words
(spellings folded to one skeleton, initials against first names) and the offices held; for an
organisation the name without legal forms, its known aliases and acronyms, in either script; for
a plant its companies, its place (a city counts inside its region and country), its product and
a name that names it in particular. A hard contradiction — another first name, a subtype that
cannot be the same thing, two places the gazetteer knows apart, two different products — rules
the pair out whatever else agrees."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from graph_schema.keys import fold
from graph_schema.vocabulary import EntityType
from loaders.linking.names import (
    core,
    designator_kinds,
    name_skeleton,
    plant_residue,
    similarity,
    skeleton,
    spelled_tail_acronyms,
    written_tail_acronym,
)
from loaders.linking.places import is_country, narrowest, places_relation
from loaders.linking.products import products_fit
from loaders.linking.profiles import Profile, own_words, person_tokens, place_core

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
    name_in, name_known = core(incoming.name), core(known.name)
    if name_in and name_in == name_known:
        if _group_and_member(incoming.name, known.name):
            return Match(0.6, "same name, but a group and one of its companies")
        return Match(0.9, "same name without legal form")
    shared = cores_in & cores_known
    if shared:
        if all(_short_form(c, name_in, name_known) for c in shared):
            return Match(0.6, "a short form of a longer name")
        return Match(0.85, "a known alias")
    if {name_skeleton(c) for c in cores_in} & {name_skeleton(c) for c in cores_known}:
        return Match(0.85, "same name in another script or spelling")
    if _tail_acronym_of(incoming, known) or _tail_acronym_of(known, incoming):
        return Match(0.85, "the name's first words, and the rest as its acronym")
    acronyms = {fold(f) for f in incoming.forms | known.forms if f.isupper()}
    if any(_initials(c) in acronyms for c in cores_in | cores_known if len(c.split()) >= 2):
        if incoming.places & known.places:
            return Match(0.8, "acronym of the name, same home")
        return Match(0.6, "acronym of the name")
    return None


def _tail_acronym_of(written: Profile, spelled: Profile) -> bool:
    """ "Almalyk MMC" written, "Almalyk Mining and Metallurgical Combine" spelled out."""
    acronyms = {key for f in written.forms if (key := written_tail_acronym(f))}
    return bool(acronyms & {key for f in spelled.forms for key in spelled_tail_acronyms(f)})


def _group_and_member(a: str, b: str) -> bool:
    """ "Mitsubishi Group" and "Mitsubishi Corporation": one name says a group of companies,
    the other one company of it (a name saying neither fits both)."""
    kinds_a, kinds_b = designator_kinds(a), designator_kinds(b)
    return len(kinds_a) == len(kinds_b) == 1 and kinds_a != kinds_b


def _short_form(shared: str, name_a: str, name_b: str) -> bool:
    """The form both share is one side's whole name and the first words of the other's longer
    name: "Samsung" said for "Samsung Engineering" is the short form an article uses, not a
    sign that Samsung Engineering is Samsung."""
    return any(
        shared == short and long.startswith(f"{short} ")
        for short, long in ((name_a, name_b), (name_b, name_a))
    )


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
    cores_in = {place_core(f) for f in incoming.forms} - {""}
    cores_known = {place_core(f) for f in known.forms} - {""}
    if cores_in & cores_known:
        return Match(0.9, "same place name and kind")
    if {name_skeleton(c) for c in cores_in} & {name_skeleton(c) for c in cores_known}:
        return Match(0.85, "same place name in another script or spelling")
    return None


# -- plants --------------------------------------------------------------------------------------


def _same_owner(a: frozenset[str], b: frozenset[str]) -> str | None:
    return "same company" if a & b else None


_PLACE_WEIGHT = {"same": 0.3, "inside": 0.2, "unknown": 0.05}
_PLACE_REASON = {"same": "same place", "inside": "one place inside the other"}


def _plant(incoming: Profile, known: Profile, owners_alike: OwnerTest) -> Match | None:
    total, reasons = 0.0, []
    owner = owners_alike(incoming.owners, known.owners)
    owners_clash = bool(not owner and incoming.owners and known.owners)
    if owner == "same company":
        total += 0.5
    elif owner:
        total += 0.4  # "companies of one family": BYD and BYD Uzbekistan
    elif not owners_clash:
        total += 0.1  # one side names no company
    # two companies: one plant told of by its builder and by its owner, or two plants;
    # place, product and name decide
    if owner:
        reasons.append(owner)
    place = places_relation(incoming.places, known.places)
    if place is None:
        return None
    total += _PLACE_WEIGHT[place]
    if place in _PLACE_REASON:
        reasons.append(_PLACE_REASON[place])
    product = products_fit(incoming.product, known.product)
    if product is None:
        return None
    if product:
        total += 0.15
        reasons.append("same product")
    if owners_clash and place == "same" and product and _local(incoming.places, known.places):
        # one town's cement plant told of by its builder, its owner and its parent company:
        # the site and the product name it whoever the articles say builds or runs it
        total += 0.3
        reasons.append("one site and product, told with other companies")
    name = _plant_names(incoming, known, owners_clash)
    if name is not None:
        total += name[0]
        reasons.append(name[1])
    return Match(round(max(0.0, min(1.0, total)), 3), ", ".join(reasons) or "little in common")


def silent_on_the_rest(incoming: Profile, known: Profile) -> str | None:
    """Whether two plants are one when no other plant fits either: both name the one company
    (no builder or holding beside it, which have many plants) and one says no place ("the
    Qarmet smelter" and Qarmet's plant in Karaganda), or one side names no company and both
    stand at one town, district or site and make one kind of product ("the carbamide
    workshop in Garabogaz"). The reason, or None."""
    alone = len(incoming.owners) == 1 and incoming.owners == known.owners  # no contractors
    if alone and not (incoming.places and known.places):
        return "the company's only plant known"
    shared = narrowest(incoming.places) & narrowest(known.places)
    town = any(not is_country(p) and not p.startswith("loc:iso-") for p in shared)
    if (
        not (incoming.owners and known.owners)
        and town
        and products_fit(incoming.product, known.product)
    ):
        return "the only plant of its kind known there"
    return None


def _local(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both plants' narrowest places are towns, districts or sites, not a country or region."""
    narrow = narrowest(a) | narrowest(b)
    return bool(narrow) and not any(is_country(p) or p.startswith("loc:iso-") for p in narrow)


def _plant_names(incoming: Profile, known: Profile, owners_clash: bool) -> tuple[float, str] | None:
    """What the two names say: one name that names a plant in particular ("Rogun hydropower
    plant", "Talas gold mining combine at Jerooy") is strong evidence whoever the articles say
    builds it; one description ("glass workshop in Gokdepe district") counts unless the
    companies differ; the same words beyond kind, product, place and companies ("Garabogaz
    fertilizer plant", "Garabogaz carbamide complex") count a little."""
    same_name = core(incoming.name) == core(known.name) != ""
    if same_name and plant_residue(incoming.name):
        return 0.6, "same name"
    if same_name and not owners_clash:
        return 0.3, "same description"
    words_in, words_known = own_words(incoming), own_words(known)
    if words_in and words_in == words_known:
        return 0.2, "same name words"
    return None
