"""From the Doc's kg_* results to the project's ExtractedDocument (FORMAT.md shape)."""

from __future__ import annotations

import re
from typing import Any, cast

from spacy.tokens import Doc

from loaders.extraction.kinds import PERSON, PLANT
from loaders.extraction.model import Entity, Mention, Relation
from loaders.extraction.tokens import sentences
from loaders.models import (
    DocumentLanguage,
    DocumentMeta,
    ExtractedDocument,
    ExtractedEntity,
    ExtractedRelation,
)
from loaders.models import document_id as make_document_id

PLANT_PROPERTIES = ("status", "product", "capacity", "investment")


def to_document(doc: Doc, text: str, lang: str, meta: DocumentMeta | None) -> ExtractedDocument:
    mentions: list[Mention] = doc._.kg_mentions
    entities: list[Entity] = doc._.kg_entities
    relations: list[Relation] = doc._.kg_relations
    used = {r.source for r in relations} | {r.target for r in relations}
    kept = [i for i, e in enumerate(entities) if e.mentions and (not e.features.weak or i in used)]
    ids = {index: f"e{n}" for n, index in enumerate(kept, start=1)}
    _, spans = sentences(doc)
    return ExtractedDocument(
        id=make_document_id(text),
        lang=cast(DocumentLanguage, lang),
        url=meta.url if meta else None,
        title=meta.title if meta else None,
        published=meta.published if meta else None,
        text=text,
        entities=[_entity(ids[i], entities[i], mentions) for i in kept],
        relations=[
            _relation(r, ids, entities, spans)
            for r in relations
            if r.source in ids and r.target in ids
        ],
    )


def _entity(entity_id: str, entity: Entity, mentions: list[Mention]) -> ExtractedEntity:
    properties: dict[str, Any] = {}
    if entity.type == PLANT:
        properties = {k: entity.properties[k] for k in PLANT_PROPERTIES if k in entity.properties}
    else:
        first = mentions[entity.mentions[0]]
        properties = {k: v for k, v in first.properties.items() if k in ("geonames_id", "iso")}
    titles = [mentions[i].title_text for i in entity.mentions if mentions[i].title_text]
    if titles:
        properties["title"] = titles[0]
    subtype = entity.subtype
    if entity.type == PERSON and subtype is None:
        subtype = next(
            (title.subtype for i in entity.mentions if (title := mentions[i].title) is not None),
            None,
        )
    return ExtractedEntity(
        id=entity_id,
        type=entity.type,
        subtype=subtype,
        name=entity.name,
        aliases=entity.aliases,
        properties=properties,
    )


# A Markdown article's headline ("# Chery baut in Karshi") is a sentence to the extractor; the
# text keeps its marker (the document's id is the text's hash), the evidence shown does not.
_MARKDOWN_HEADING = re.compile(r"^#{1,6}[ \t]+")


def evidence_sentence(sentence: str) -> str:
    """The sentence as evidence: trimmed, without a Markdown heading marker."""
    return _MARKDOWN_HEADING.sub("", sentence.strip())


def _relation(
    relation: Relation, ids: dict[int, str], entities: list[Entity], sentences: list
) -> ExtractedRelation:
    properties: dict[str, Any] = dict(relation.properties)
    properties["confidence"] = relation.confidence
    evidence = evidence_sentence(sentences[relation.sentence].text)
    return ExtractedRelation(
        type=relation.type,
        source=ids[relation.source],
        target=ids[relation.target],
        properties=properties,
        evidence=evidence,
    )
