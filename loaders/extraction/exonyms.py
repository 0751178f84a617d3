"""English names of Central Asian towns: GeoNames calls Uzbek towns by their Uzbek Latin
names (Qarshi, Xiva, Qo‘qon, Urgut Shahri), English news by the names that came through
Russian (Karshi, Khiva, Kokand, Urgut). The Russian name is the town's Cyrillic alternate that
pymorphy3's dictionary knows as a place (Geox); transliterated the way the region's English
news does (Андижан -> Andijan) and found among the town's Latin alternates, it is the English
name. Everything comes from the packages: no list of towns.

A town that gives its name to a region (Джизак, Джизакская область) is spelt like the
region's English name when its own spelling is one of the region's (regions.tsv): "Jizzakh"
and "Jizzakh region", not "Jizak" beside "Jizzakh region"."""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import cache
from typing import Any

from loaders.extraction.datafiles import read_rows, split_forms
from loaders.extraction.inflect import russian
from loaders.extraction.tokens import russian_morphology
from loaders.extraction.translit import to_german, to_latin

# countries whose GeoNames names are in the local Latin script, and that write Russian
# "ж"/"дж" as "j" in English (Jizzakh, Khujand, Jalal-Abad); Kazakhstan's GeoNames names are
# already the English ones (Shymkent, Oral, Kostanay)
LOCAL_LATIN = frozenset(["UZ", "TJ", "KG", "TM"])
# letters of the local Latin alphabets and of Cyrillic alphabets other than Russian
LOCAL_MARKS = re.compile(r"[qxQX'‘’`ʻşŞüÜäÄýÝňŇçÇöÖ]| Shahri$")
NON_RUSSIAN = re.compile(r"[ғқҳўіїәөүұңһҷґє]", re.I)
SHAHRI = re.compile(r"\s+Shahri$")  # Uzbek "town of"


def english_name(city: dict[str, Any]) -> str:
    """The name English news gives a town (GeoNames' own name outside Central Asia)."""
    name = _english_name(city)
    return _namesake_region_root(city, name) or name


def _namesake_region_root(city: dict[str, Any], name: str) -> str | None:
    """The English root of the region the town names ("Jizzakh" for Джизак, spelt "Jizak" by
    its GeoNames alternates), when the town's own spelling is one of the region's: the same
    word, so the same spelling. Astana, once Акмола, is not spelt like Akmola region."""
    spellings = {name, city["name"]}
    for cyrillic in _russian_names(tuple(city["alternatenames"])):
        region = _region_roots().get((city["countrycode"], cyrillic))
        if region is not None and spellings & region[0]:
            return region[1]
    return None


@cache
def _region_roots() -> dict[tuple[str, str], tuple[frozenset[str], str]]:
    """(country, Russian noun of a region) -> (the region's Latin spellings, its English root
    without "region")."""
    out: dict[tuple[str, str], tuple[frozenset[str], str]] = {}
    for row in read_rows("regions.tsv"):
        root = row["name"].removesuffix(" region")
        latin = frozenset(split_forms(row["latin"]))
        for noun in split_forms(row["cyrillic"]):
            if not noun.endswith(russian("region_adjective_endings")):
                out[(row["iso"][:2], noun)] = (latin, root)
    return out


def _english_name(city: dict[str, Any]) -> str:
    name = city["name"]
    if city["countrycode"] not in LOCAL_LATIN:
        return name
    if city["countrycode"] != "UZ" and not LOCAL_MARKS.search(name):
        return name  # Tajik, Kyrgyz and Turkmen GeoNames names are English unless marked
    latin = {a for a in city["alternatenames"] if a.isascii() and a[:1].isupper()}
    candidates = [
        form
        for cyrillic in _russian_names(tuple(city["alternatenames"]))
        for form in _english_forms(cyrillic)
        if form in latin or form == name
    ]
    plain = SHAHRI.sub("", name)
    spoken = _as_spoken(plain)
    similar = [(difflib.SequenceMatcher(None, c, spoken).ratio(), c) for c in candidates]
    best = max(similar, default=(0.0, plain))
    if plain in candidates or best[0] < 0.5:  # a former name ("Taboshar") is no spelling
        return _ascii(plain)
    return best[1]


@cache
def _russian_names(alternates: tuple[str, ...]) -> list[str]:
    """The Cyrillic alternates in Russian spelling; those the dictionary knows first."""
    spelt = [
        a
        for a in alternates
        if _cyrillic(a)
        and not NON_RUSSIAN.search(a)
        and not a.endswith(russian("district_adjective_endings"))  # "Бешарыкского"
    ]
    known = [a for a in spelt if _known_place(a)]
    return known or spelt


def _english_forms(cyrillic: str) -> list[str]:
    plain = to_latin(cyrillic)
    central = plain.replace("Dzh", "J").replace("dzh", "j").replace("Zh", "J").replace("zh", "j")
    return [central, plain] if central != plain else [plain]


def _as_spoken(name: str) -> str:
    """Uzbek Latin letters as English spells their sounds, to compare spellings (Qo‘qon ->
    Kokon, beside Kokand)."""
    name = _ascii(name)
    for local, english in (("Q", "K"), ("q", "k"), ("X", "Kh"), ("x", "kh")):
        name = name.replace(local, english)
    return name


def _ascii(name: str) -> str:
    """ "G‘ijduvon" -> "Gijduvon", "Mŭynoq" -> "Muynoq": without the local letters' marks."""
    folded = unicodedata.normalize("NFKD", re.sub(r"['‘’`ʻ]", "", name))
    return "".join(c for c in folded if not unicodedata.combining(c))


def _cyrillic(text: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in text)


def _known_place(word: str) -> bool:
    return any(p.is_known and "Geox" in p.tag for p in russian_morphology().parse(word))


def german_names(city: dict[str, Any]) -> set[str]:
    """The German spellings of a Central Asian town, from its Russian name (Karschi)."""
    if city["countrycode"] not in ("UZ", "KZ", "KG", "TJ", "TM"):
        return set()
    return {to_german(name) for name in _russian_names(tuple(city["alternatenames"]))}
