"""Extraction rules on blank pipelines, with sentences written for these tests (de, en, ru)."""

from __future__ import annotations

import pytest

from graph_schema.errors import ExtractionError
from loaders.extraction import extract, extract_many
from loaders.models import DocumentMeta, ExtractedDocument, document_id


def entity(doc: ExtractedDocument, type_: str, alias: str):
    for e in doc.entities:
        if e.type == type_ and (alias == e.name or alias in e.aliases):
            return e
    raise AssertionError(
        f"no {type_} {alias!r} in {[(e.type, e.name, e.aliases) for e in doc.entities]}"
    )


def has_relation(doc: ExtractedDocument, rtype: str, source: str, target: str) -> bool:
    names = {e.id: {e.name, *e.aliases} for e in doc.entities}
    return any(
        r.type == rtype and source in names[r.source] and target in names[r.target]
        for r in doc.relations
    )


def test_english_title_makes_an_official_who_holds_the_regions_office():
    doc = extract("The khokim of Bukhara region Botir Zaripov visited Germany last week.", "en")
    person = entity(doc, "Person", "Botir Zaripov")
    assert person.subtype == "official"
    assert has_relation(doc, "HOLDS_POSITION", "Botir Zaripov", "Bukhara region")
    assert has_relation(doc, "VISITED", "Botir Zaripov", "Germany")


def test_german_inflected_places_resolve_to_the_gazetteer_with_ids():
    doc = extract(
        "Der Gouverneur der Region Kaschkadarja, Murod Karimov, reiste nach Deutschland.", "de"
    )
    region = entity(doc, "Location", "Region Kaschkadarja")
    assert region.properties["iso"] == "UZ-QA"
    germany = entity(doc, "Location", "Deutschland")
    assert germany.properties["iso"] == "DE"
    assert isinstance(germany.properties["geonames_id"], int)


def test_russian_cases_of_places_and_titles():
    doc = extract("Хоким Ферганской области Бахтиёр Рахимов посетил завод в Коканде.", "ru")
    assert has_relation(doc, "HOLDS_POSITION", "Бахтиёр Рахимов", "Fergana region")
    person = entity(doc, "Person", "Бахтиёр Рахимов")
    assert person.name.isascii()


def test_glued_words_are_split_before_names_are_read():
    text = (
        "Shavkat Mirziyoyev sprach über die Industrie. Im Mai, während seines Besuchs in der "
        "Region Navoi, Shavkat MirziyoyevvorgeschlagenBau eines neuen Zementwerks in der Region."
    )
    doc = extract(text, "de")
    persons = [e for e in doc.entities if e.type == "Person"]
    assert len(persons) == 1
    assert has_relation(doc, "VISITED", "Shavkat Mirziyoyev", "Navoi region")


def test_surname_only_and_role_reference_join_the_named_person():
    text = (
        "Kazakh President Kassym-Jomart Tokayev arrived in Tashkent. "
        "Tokayev toured a textile factory. The head of state praised the workers."
    )
    doc = extract(text, "en")
    tokayev = entity(doc, "Person", "Kassym-Jomart Tokayev")
    assert "Tokayev" in tokayev.aliases
    assert has_relation(doc, "HOLDS_POSITION", "Kassym-Jomart Tokayev", "Kazakhstan")


def test_company_with_country_adjective_and_plant_in_city():
    text = "Die chinesische Firma Chery will ein Montagewerk in Dschisak errichten."
    doc = extract(text, "de")
    assert has_relation(doc, "BASED_IN", "Chery", "China")
    plant = next(e for e in doc.entities if e.type == "Plant")
    assert plant.properties.get("status") == "planned"
    assert has_relation(doc, "PLANS", "Chery", plant.name)


def test_announced_visit_is_marked_planned():
    doc = extract("Hyundai executives will visit Namangan next month.", "en")
    visits = [r for r in doc.relations if r.type == "VISITED"]
    assert visits and all(r.properties.get("status") == "planned" for r in visits)


def test_every_relation_has_evidence_from_the_text_and_a_confidence():
    text = "Хоким Самаркандской области Эркинжон Турдимов встретился с руководством компании Isuzu."
    doc = extract(text, "ru")
    assert doc.relations
    for relation in doc.relations:
        assert relation.evidence and relation.evidence in text
        assert 0.0 < relation.properties["confidence"] <= 1.0


def test_document_id_meta_and_detected_language():
    meta = DocumentMeta(url="https://example.org/a", title="T", published="2024-06-28")
    text = "Das Werk in Samarkand produziert Busse."
    doc = extract(text, meta=meta)
    assert doc.lang == "de"
    assert doc.id == document_id(text)
    assert (doc.url, doc.title, doc.published) == (meta.url, "T", "2024-06-28")


def test_extract_many_streams_in_order():
    items = [
        ("The plant in Andijan makes cars.", None),
        ("Завод в Андижане выпускает машины.", None),
    ]
    docs = list(extract_many(items))
    assert [d.lang for d in docs] == ["en", "ru"]


@pytest.mark.parametrize(
    "text,lang", [("   ", "en"), ("Bonjour à tous, le monde est beau.", None), ("Some text", "fr")]
)
def test_unprocessable_input_raises_extraction_error(text, lang):
    with pytest.raises(ExtractionError):
        extract(text, lang)
