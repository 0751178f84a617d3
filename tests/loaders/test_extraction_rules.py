"""What extraction gives besides the facts of the case tables: document ids and metadata,
languages, evidence and confidence, relation properties, gazetteer ids, and clear errors."""

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


def test_german_inflected_places_resolve_to_the_gazetteer_with_ids():
    doc = extract(
        "Der Gouverneur der Region Kaschkadarja, Murod Karimov, reiste nach Deutschland.", "de"
    )
    region = entity(doc, "Location", "Region Kaschkadarja")
    assert region.properties["iso"] == "UZ-QA"
    germany = entity(doc, "Location", "Deutschland")
    assert germany.properties["iso"] == "DE"
    assert isinstance(germany.properties["geonames_id"], int)


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


def test_towns_take_their_english_names_and_keep_their_ids():
    for text, lang, surface in [
        ("The khokim visited a textile factory in Qarshi.", "en", "Qarshi"),
        ("Хоким посетил текстильную фабрику в Карши.", "ru", "Карши"),
        ("Der Hokim besuchte eine Textilfabrik in Karschi.", "de", "Karschi"),
    ]:
        town = entity(extract(text, lang), "Location", surface)
        assert town.name == "Karshi"
        assert isinstance(town.properties["geonames_id"], int)
