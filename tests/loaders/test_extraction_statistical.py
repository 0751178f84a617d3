"""The statistical pipeline's signals (NER, dependency parse), fed by hand: no model needed."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from loaders.extraction import build_nlp
from loaders.extraction.config import ExtractionConfig

RULES_ONLY = ExtractionConfig(models={"en": None})


def run_after_tokens(doc: Doc, nlp) -> Doc:
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def test_ner_names_a_person_the_rules_do_not_know():
    nlp = build_nlp("en", RULES_ONLY)
    doc = nlp.make_doc("Yesterday Bob Smithers opened the factory in Andijan.")
    doc.ents = [Span(doc, 1, 3, label="PERSON")]
    doc = run_after_tokens(doc, nlp)
    persons = [m for m in doc._.kg_mentions if m.type == "Person"]
    assert [doc[m.start : m.end].text for m in persons] == ["Bob Smithers"]


def test_parser_subject_is_the_visitor():
    nlp = build_nlp("en", RULES_ONLY)
    words = ["Ann", "Lee", "and", "Bob", "Ray", "visited", "Khiva", "."]
    heads = [1, 5, 1, 4, 1, 5, 5, 5]
    deps = ["compound", "nsubj", "cc", "compound", "conj", "ROOT", "dobj", "punct"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 3, 5, label="PERSON")]
    doc = run_after_tokens(doc, nlp)
    entities = doc._.kg_entities
    visits = [
        (entities[r.source].name, entities[r.target].aliases)
        for r in doc._.kg_relations
        if r.type == "VISITED"
    ]
    assert visits[0] == ("Ann Lee", ["Khiva"])
