"""Case tables of the extraction rules: one table per phenomenon or relation type, each row
a sentence (text, lang) with what it must give and what it must not. test_cases.py runs
every row through the pipeline its language pack builds from its manifest.

A fact is (relation type, source, target); an end is a form of the entity (its canonical
name or any alias), "<Plant>" (or another type in brackets) for any entity of that type, or
"*" for any entity at all."""

from __future__ import annotations

from dataclasses import dataclass

from loaders.models import ExtractedDocument, ExtractedEntity

Fact = tuple[str, str, str]  # (relation type, source, target)
Ent = tuple[str, str]  # ("Type" or "Type/subtype", canonical name)
Named = tuple[str, str]  # (a form in the text, the canonical name of its entity)
Count = tuple[str, int]  # (entity type, how many the text has)
Prop = tuple[str, str, str | None]  # (an end, property, value; None: the property is absent)


@dataclass(frozen=True)
class Case:
    text: str
    lang: str
    facts: tuple[Fact, ...] = ()
    entities: tuple[Ent, ...] = ()
    forbidden: tuple[Fact, ...] = ()
    named: tuple[Named, ...] = ()
    counts: tuple[Count, ...] = ()
    properties: tuple[Prop, ...] = ()
    forms: tuple[Ent, ...] = ()  # entities the text must give (by name or alias)
    absent: tuple[Ent, ...] = ()  # entities the text must not give (by name or alias)


def fits(entity: ExtractedEntity, end: str) -> bool:
    if end == "*":
        return True
    if end.startswith("<") and end.endswith(">"):
        return entity.type == end[1:-1]
    return end == entity.name or end in entity.aliases


def holds(doc: ExtractedDocument, fact: Fact) -> bool:
    rtype, source, target = fact
    by_id = {e.id: e for e in doc.entities}
    return any(
        r.type == rtype and fits(by_id[r.source], source) and fits(by_id[r.target], target)
        for r in doc.relations
    )


def has_entity(doc: ExtractedDocument, expected: Ent, aliases: bool = False) -> bool:
    """An entity of the kind with this canonical name (or, with aliases, any form of it)."""
    kind, name = expected
    return any(
        (kind == f"{e.type}/{e.subtype}" or kind == e.type)
        and (e.name == name or (aliases and name in e.aliases))
        for e in doc.entities
    )


def problems(doc: ExtractedDocument, case: Case) -> list[str]:
    """What the document gives against what the case expects: empty when it passes."""
    found = [(e.type, e.subtype, e.name, e.aliases) for e in doc.entities]
    out = [f"no entity {e} in {found}" for e in case.entities if not has_entity(doc, e)]
    out += [f"no {e} in {found}" for e in case.forms if not has_entity(doc, e, aliases=True)]
    out += [f"entity {e} given" for e in case.absent if has_entity(doc, e, aliases=True)]
    out += [f"no {f} in {doc.relations}" for f in case.facts if not holds(doc, f)]
    out += [f"{f} found" for f in case.forbidden if holds(doc, f)]
    for form, name in case.named:
        names = [e.name for e in doc.entities if fits(e, form)]
        if name not in names:
            out.append(f"{form!r} is named {names}, not {name!r}")
    for kind, count in case.counts:
        if (n := sum(e.type == kind for e in doc.entities)) != count:
            out.append(f"{n} entities of type {kind}, not {count}: {found}")
    for end, key, value in case.properties:
        entities = [e for e in doc.entities if fits(e, end)]
        if not entities and value is not None:
            out.append(f"no entity {end!r} to hold {key}={value!r}")
        for e in entities:
            if e.properties.get(key) != value:
                out.append(f"{e.name}: {key}={e.properties.get(key)!r}, not {value!r}")
    return out
