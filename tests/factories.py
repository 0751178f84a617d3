"""Small FORMAT.md documents written for the tests (our own text, not the shared corpus)."""

from __future__ import annotations

from typing import Any

from loaders.models import ExtractedDocument

VISIT_TEXT = (
    "Gouverneur Anvar Beispielov besuchte am Montag den Autobauer Nordwind Motors in Deutschland. "
    "Nordwind Motors plant ein neues Automobilwerk in der Stadt Karshi."
)


def entity(
    eid: str,
    etype: str,
    name: str,
    subtype: str | None = None,
    aliases: list[str] | None = None,
    **props: Any,
) -> dict[str, Any]:
    """One FORMAT.md entity, as a gold file writes it."""
    return {
        "id": eid,
        "type": etype,
        "subtype": subtype,
        "name": name,
        "aliases": aliases or [name],
        "properties": props,
    }


def relation(rtype: str, source: str, target: str, evidence: str, **props: Any) -> dict[str, Any]:
    """One FORMAT.md relation, as a gold file writes it."""
    return {
        "type": rtype,
        "source": source,
        "target": target,
        "evidence": evidence,
        "properties": props,
    }


def visit_document(
    text: str = VISIT_TEXT, published: str | None = "2024-05-02", **extra: Any
) -> ExtractedDocument:
    """An official visits a company that plans a plant in a city: the project's typical chain."""
    first, second = text.split(". ", 1) if ". " in text else (text, text)
    return ExtractedDocument.model_validate(
        {
            "lang": "de",
            "text": text,
            "published": published,
            "title": "Testartikel",
            **extra,
            "entities": [
                {
                    "id": "e1",
                    "type": "Person",
                    "subtype": "official",
                    "name": "Anvar Beispielov",
                    "aliases": ["Anvar Beispielov", "Gouverneur"],
                    "properties": {"title": "Gouverneur"},
                },
                {
                    "id": "e2",
                    "type": "Organization",
                    "subtype": "company",
                    "name": "Nordwind Motors",
                    "aliases": ["Nordwind Motors"],
                },
                {
                    "id": "e3",
                    "type": "Location",
                    "subtype": "country",
                    "name": "Germany",
                    "aliases": ["Deutschland"],
                    "properties": {"iso": "DE"},
                },
                {
                    "id": "e4",
                    "type": "Plant",
                    "name": "Nordwind Motors plant in Karshi",
                    "aliases": ["Automobilwerk"],
                    "properties": {"status": "planned"},
                },
                {
                    "id": "e5",
                    "type": "Location",
                    "subtype": "city",
                    "name": "Karshi",
                    "aliases": ["Karshi"],
                    "properties": {"geonames_id": 1538637},
                },
            ],
            "relations": [
                {
                    "type": "VISITED",
                    "source": "e1",
                    "target": "e2",
                    "evidence": first + ".",
                    "properties": {"confidence": 0.9},
                },
                {"type": "BASED_IN", "source": "e2", "target": "e3", "evidence": first + "."},
                {"type": "PLANS", "source": "e2", "target": "e4", "evidence": second},
                {"type": "LOCATED_IN", "source": "e4", "target": "e5", "evidence": second},
            ],
        }
    )
