"""External ids for places, whatever their source: a document extracted elsewhere names
"Karshi" or "Kashkadarya region" without a GeoNames id or ISO code, and the extractor's own
gazetteer knows them. A place gets an id only from an entry of its own kind, so Asaka the
district does not take the id of Asaka the city."""

from __future__ import annotations

from functools import cache

from loaders.linking.places import is_city


def place_ids(
    forms: list[str], subtype: str | None, lang: str | None
) -> tuple[int | None, str | None]:
    """(geonames_id, iso) of the one gazetteer place these forms name, else (None, None)."""
    from loaders.extraction.gazetteer import gazetteer  # builds per language, once, on demand
    from loaders.extraction.language import supported_languages

    found = {}
    languages = supported_languages()
    # the document's own language first, then every other: names are often written in English
    for language in dict.fromkeys([*([lang] if lang in languages else []), *languages]):
        places = gazetteer(language).places
        for form in _lookup_forms(forms):
            for entry in places.get(form, ()):
                if entry.type == "Location" and (subtype is None or entry.subtype == subtype):
                    found[entry.key] = entry
    if len(found) != 1:
        return None, None
    entry = next(iter(found.values()))
    geonames_id = entry.properties.get("geonames_id")
    iso = entry.properties.get("iso")
    return (int(geonames_id) if geonames_id else None), (str(iso) if iso else None)


def _lookup_forms(forms: list[str]) -> list[str]:
    """Each form as written and without its designator words ("Kashkadarya region")."""
    from loaders.linking.profiles import place_core

    out = []
    for form in forms:
        lowered = form.strip().lower()
        out += [lowered, place_core(lowered)] if place_core(lowered) else [lowered]
    return list(dict.fromkeys(f for f in out if f))


def fitting_geonames_id(geonames_id: int | None, subtype: str | None) -> int | None:
    """The id, unless it is a city's and the place is said to be a district or region."""
    if (
        geonames_id is not None
        and subtype in ("district", "region", "other")
        and is_city(geonames_id)
    ):
        return None
    return geonames_id


@cache
def is_place_name(word: str) -> bool:
    """Whether a folded word is the name of a place the gazetteer knows, in any language."""
    from loaders.extraction.gazetteer import gazetteer
    from loaders.extraction.language import supported_languages

    return any(
        entry.type == "Location"
        for language in supported_languages()
        for entry in gazetteer(language).places.get(word, ())
    )
