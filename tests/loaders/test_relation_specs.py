"""Relation specs: one declared spec per relation type, checked against the vocabulary when
it loads, run by one engine; a spec naming what does not exist fails at load."""

from __future__ import annotations

import pytest

from graph_schema.vocabulary import RELATION_SIGNATURES, RelationType
from loaders.extraction import build_nlp
from loaders.extraction.config import ExtractionConfig
from loaders.extraction.relations.reading import Evidence
from loaders.extraction.relations.registry import REVIEWS, STRATEGIES
from loaders.extraction.relations.specs import RelationSpecError, parse_specs, relation_specs

HEADER = "[confidence]\nstructural = 0.85\nsentence = 0.65\ndiscourse = 0.5\n"


def _spec(types: str, source: str, target: str, rule: str) -> str:
    return (
        f"{HEADER}[[spec]]\ntypes = {types}\nsource = {source}\ntarget = {target}\nrule = {rule}\n"
    )


def test_every_relation_type_has_one_spec_and_every_strategy_a_use():
    specs = relation_specs()
    declared = [t for spec in specs for t in spec.types]
    assert sorted(declared) == sorted(RelationType)
    used = {rule.strategy for spec in specs for rule in spec.rules}
    assert used == set(STRATEGIES)  # no strategy registered that no spec runs
    assert {spec.review for spec in specs if spec.review} == set(REVIEWS)


def test_roles_fit_the_vocabulary_signatures():
    for spec in relation_specs():
        for rtype in spec.types:
            sources, targets = RELATION_SIGNATURES[rtype]
            assert spec.source <= sources and spec.target <= targets


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            _spec('["PLANS"]', '["Person"]', '["Plant"]', '[{ strategy = "plant_runners" }]'),
            "signature",
        ),
        (
            _spec('["PLANS"]', '["Organization"]', '["Plant"]', '[{ strategy = "guess" }]'),
            "no strategy registered",
        ),
        (
            _spec(
                '["PLANS"]',
                '["Organization"]',
                '["Plant"]',
                '[{ strategy = "plant_runners", any = ["wish"] }]',
            ),
            "TriggerKind",
        ),
        (
            _spec('["SELLS"]', '["Organization"]', '["Plant"]', '[{ strategy = "plant_runners" }]'),
            "RelationType",
        ),
        (
            _spec('["PLANS"]', '["Firm"]', '["Plant"]', '[{ strategy = "plant_runners" }]'),
            "EntityType",
        ),
    ],
)
def test_a_spec_naming_what_does_not_exist_fails_when_it_loads(text: str, message: str):
    relation_specs()  # the strategies are registered
    with pytest.raises(RelationSpecError, match=message):
        parse_specs(text)


def test_a_relation_type_declared_twice_fails():
    relation_specs()
    one = '[[spec]]\ntypes = ["BASED_IN"]\nsource = ["Organization"]\ntarget = ["Location"]\n'
    one += 'rule = [{ strategy = "homes" }]\n'
    with pytest.raises(RelationSpecError, match="two specs"):
        parse_specs(HEADER + one + one)


def test_the_declared_confidence_is_what_a_relation_carries():
    confidence = {spec.types: spec.confidence for spec in relation_specs()}
    nlp = build_nlp("de", ExtractionConfig(models={"de": None}))
    doc = nlp("Der Hokim des Gebiets Samarkand Erkinjon Turdimov besuchte Deutschland.")
    held = [r for r in doc._.kg_relations if r.type == RelationType.HOLDS_POSITION]
    assert held
    assert all(r.confidence == confidence[(r.type,)][Evidence.STRUCTURAL] for r in held)
