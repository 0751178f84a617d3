"""What linking knows of an entity, whether it arrives in a document or stands in the graph:
its names and the context that tells two namesakes apart (offices, companies, places)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from graph_schema.keys import fold
from graph_schema.vocabulary import EntityType, RelationType
from loaders.linking.names import (
    acronym,
    core,
    identifying,
    is_generic,
    looks_like_acronym,
    name_skeleton,
    plant_residue,
    skeleton,
    tail_acronyms,
)
from loaders.linking.places import is_country
from loaders.linking.products import product_kinds
from loaders.resolve import EntityRow, GraphDocument

_OWNING = (RelationType.PLANS, RelationType.OPERATES)


@dataclass(frozen=True)
class Profile:
    id: str
    type: EntityType
    subtype: str | None
    name: str
    forms: frozenset[str]  # the name and the aliases that identify
    titles: frozenset[str] = frozenset()
    seats: frozenset[str] = frozenset()  # persons: what they hold an office in
    owners: frozenset[str] = frozenset()  # plants: who plans or runs them
    places: frozenset[str] = frozenset()  # plants: where they are; organisations: their home
    parents: frozenset[str] = frozenset()  # organisations: what they are part of
    product: str | None = None
    named: bool = True  # plants: the name stands in a text (not composed by the extractor)
    geonames_id: int | None = None
    iso: str | None = None
    keys: frozenset[str] = field(default=frozenset(), compare=False)


def person_tokens(name: str) -> list[str]:
    return [w for w in fold(name).split() if w]


def blocking_keys(p: Profile) -> frozenset[str]:
    """Keys under which the graph files the entity, so that namesakes meet without comparing
    every pair: a person by each name word's skeleton, an organisation by its name without
    designators and its acronym, a place without an external id by subtype and name, a plant by
    each company, its narrower places and its own name."""
    keys: set[str] = set()
    if p.type is EntityType.PERSON:
        keys |= {f"p:{skeleton(w)}" for w in person_tokens(p.name) if len(w) >= 3}
    elif p.type is EntityType.ORGANIZATION:
        for form in p.forms:
            if core(form):
                keys.add(f"o:{core(form)}")
                keys.add(f"o:s:{name_skeleton(core(form))}")
            if looks_like_acronym(form):
                keys.add(f"o:a:{fold(form)}")
        short = acronym(p.name)
        if short and len(short) >= 2:
            keys.add(f"o:a:{short}")
        keys |= {f"o:t:{key}" for form in p.forms for key in tail_acronyms(form)}
    elif p.type is EntityType.LOCATION:
        if p.geonames_id is None and not p.iso:
            keys |= {f"l:{p.subtype or ''}:{place_core(f)}" for f in p.forms if place_core(f)}
            keys |= {f"l:s:{name_skeleton(place_core(f))}" for f in p.forms if place_core(f)}
    elif p.type is EntityType.PLANT:
        keys |= {f"pl:o:{owner}" for owner in p.owners}
        keys |= {f"pl:p:{place}" for place in p.places if not is_country(place)}
        if plant_residue(p.name):  # a name, not only a kind of plant ("plant in Kazakhstan")
            keys.add(f"pl:n:{core(p.name)}")
        if own_words(p):
            keys.add(f"pl:r:{own_words(p)}")
    return frozenset(keys)


def own_words(p: Profile) -> str:
    """A plant's name without its kind, product, place phrase and its companies' names: what
    two articles naming it alike have in common beyond what the rest of the profile says
    ("Garabogaz fertilizer plant", "Garabogaz carbamide complex" -> "garabogaz")."""
    owner_words = {w for owner in p.owners for w in owner.split(":", 1)[-1].split("-")}
    return " ".join(w for w in plant_residue(p.name).split() if w not in owner_words)


def place_core(form: str) -> str:
    """A place name without the words that only say what kind of place it is."""
    return " ".join(w for w in fold(form).split() if not is_generic(w))


def profiles_of(doc: GraphDocument) -> dict[str, Profile]:
    """The profile of every entity of a resolved document, with its context in that document."""
    seats: dict[str, set[str]] = {}
    owners: dict[str, set[str]] = {}
    places: dict[str, set[str]] = {}
    parents: dict[str, set[str]] = {}
    for rel in doc.relations:
        if rel.type is RelationType.HOLDS_POSITION:
            seats.setdefault(rel.source, set()).add(rel.target)
        elif rel.type in _OWNING:
            owners.setdefault(rel.target, set()).add(rel.source)
        elif rel.type in (RelationType.LOCATED_IN, RelationType.BASED_IN):
            places.setdefault(rel.source, set()).add(rel.target)
        elif rel.type is RelationType.PART_OF:
            parents.setdefault(rel.source, set()).add(rel.target)
    types = {row.id: row.type for row in doc.entities}
    out = {}
    for row in doc.entities:
        own_places = places.get(row.id, set())
        if row.type == EntityType.PLANT.value:
            own_places = _with_enclosing(own_places, places, types)
        profile = profile_of_row(
            row,
            seats=seats.get(row.id, set()),
            owners=owners.get(row.id, set()),
            places=own_places,
            parents=parents.get(row.id, set()),
        )
        out[row.id] = profile
    return out


def _with_enclosing(
    start: set[str], located: dict[str, set[str]], types: dict[str, str]
) -> set[str]:
    """A plant's places and the places the document says they lie in (a district it names
    "in Lebap region"), so that its place meets one the gazetteer cannot place."""
    out, todo = set(start), list(start)
    while todo:
        for parent in located.get(todo.pop(), ()):
            if parent not in out and types.get(parent) == EntityType.LOCATION.value:
                out.add(parent)
                todo.append(parent)
    return out


def profile_of_row(
    row: EntityRow,
    *,
    seats: Iterable[str] = (),
    owners: Iterable[str] = (),
    places: Iterable[str] = (),
    parents: Iterable[str] = (),
) -> Profile:
    profile = Profile(
        id=row.id,
        type=EntityType(row.type),
        subtype=row.subtype,
        name=row.name,
        forms=frozenset(identifying([row.name, *row.aliases])),
        titles=frozenset(row.titles),
        seats=frozenset(seats),
        owners=frozenset(owners),
        places=frozenset(places),
        parents=frozenset(parents),
        product=plant_product(row.product, row.name, row.aliases)
        if row.type == EntityType.PLANT.value
        else row.product,
        named=row.name_in_text,
        geonames_id=row.geonames_id,
        iso=row.iso,
    )
    return with_keys(profile)


def plant_product(product: str | None, name: str, aliases: Iterable[str] = ()) -> str | None:
    """What a plant makes: its product as the article states it, else the name or alias that
    says it ("cement plant in Kemin", "цементный завод"). Articles that never state a product
    still name one in the plant's words, and two descriptions of one plant agree on it."""
    if product:
        return product
    for form in (name, *sorted(aliases)):
        if product_kinds(form):
            return form
    return None


def with_keys(profile: Profile) -> Profile:
    return replace(profile, keys=blocking_keys(profile))
