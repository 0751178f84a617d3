"""Resolution to canonical keys, without a graph: merges, drops, plant identity."""

from __future__ import annotations

from loaders.models import ExtractedDocument
from loaders.resolve import resolve
from tests.factories import visit_document

KARSHI = {
    "type": "Location",
    "subtype": "city",
    "name": "Karshi",
    "properties": {"geonames_id": 1216311},
}
KASHKADARYA = {
    "type": "Location",
    "subtype": "region",
    "name": "Kashkadarya region",
    "properties": {"iso": "UZ-QA"},
}


def plant_doc(text: str, plant_name: str, *places: dict) -> ExtractedDocument:
    places_with_ids = [{"id": f"l{i}", **place} for i, place in enumerate(places)]
    return ExtractedDocument.model_validate(
        {
            "lang": "en",
            "text": text,
            "entities": [
                {
                    "id": "c",
                    "type": "Organization",
                    "subtype": "company",
                    "name": "Nordwind Motors",
                },
                {"id": "p", "type": "Plant", "name": plant_name},
                *places_with_ids,
            ],
            "relations": [
                {"type": "PLANS", "source": "c", "target": "p", "evidence": text},
                *(
                    {"type": "LOCATED_IN", "source": "p", "target": place["id"], "evidence": text}
                    for place in places_with_ids
                ),
            ],
        }
    )


def plant_key(doc: ExtractedDocument) -> str:
    return next(row.id for row in resolve(doc).entities if row.type == "Plant")


def test_an_unnamed_plant_is_known_by_company_and_narrowest_place() -> None:
    one = plant_doc(
        "Nordwind builds a car assembly plant in the region's capital.",
        "Nordwind car assembly plant in Karshi",
        KASHKADARYA,
        KARSHI,
    )
    two = plant_doc("Nordwind begins works on its Montagewerk.", "Nordwind plant in Karshi", KARSHI)
    assert plant_key(one) == plant_key(two) == "plant:nordwind-motors@karshi"
    plans = [r for r in resolve(one).relations if r.type == "PLANS"]
    assert plans[0].target == "plant:nordwind-motors@karshi"


def test_a_plant_named_in_the_text_keeps_its_name() -> None:
    doc = plant_doc(
        "The Samarkand Automobile Plant turns 20.", "Samarkand Automobile Plant", KARSHI
    )
    assert plant_key(doc) == "plant:samarkand-automobile-plant"


def test_relations_outside_the_vocabulary_are_dropped_and_counted() -> None:
    doc = visit_document()
    doc.relations.append(doc.relations[0].model_copy(update={"type": "PLANS"}))
    resolved = resolve(doc)
    assert resolved.drops == {"PLANS from Person to Organization is not in the vocabulary": 1}
    assert len(resolved.relations) == 4
