"""The shape of the data between the extraction's stages: enums instead of strings, typed
features instead of private property keys, and no rule that reads which rule found a
mention (Mention.source is for debugging)."""

from __future__ import annotations

import ast
from pathlib import Path

from graph_schema.vocabulary import EntityType, RelationType, Subtype
from loaders.extraction import build_nlp
from loaders.extraction.config import ExtractionConfig
from loaders.extraction.model import EntityFeatures, MentionFeatures

PACKAGE = Path(__file__).resolve().parents[2] / "loaders" / "extraction"
TEXT = (
    "The khokim of Bukhara region Botir Zaripov visited the Knauf plant in Bukhara. "
    "Knauf will build a second plant in Navoi region."
)


def _trees() -> list[tuple[str, ast.Module]]:
    # the whole package: the relation rules live in relations/
    return [
        (str(p.relative_to(PACKAGE)), ast.parse(p.read_text(encoding="utf-8")))
        for p in sorted(PACKAGE.rglob("*.py"))
    ]


def test_the_shape_checks_read_the_relation_rules_too():
    names = {name for name, _ in _trees()}
    assert {"relations/engine.py", "relations/plants.py", "mentions.py"} <= names


def test_mentions_entities_and_relations_carry_enums_and_typed_features():
    nlp = build_nlp("en", ExtractionConfig(models={"en": None}))
    doc = nlp(TEXT)
    assert doc._.kg_mentions and doc._.kg_entities and doc._.kg_relations
    for mention in doc._.kg_mentions:
        assert isinstance(mention.type, EntityType)
        assert mention.subtype is None or isinstance(mention.subtype, Subtype)
        assert isinstance(mention.features, MentionFeatures)
        assert not any(key.startswith("_") for key in mention.properties)
    for entity in doc._.kg_entities:
        assert isinstance(entity.type, EntityType)
        assert isinstance(entity.features, EntityFeatures)
        assert not any(key.startswith("_") for key in entity.properties)
    assert all(isinstance(r.type, RelationType) for r in doc._.kg_relations)
    plants = [m for m in doc._.kg_mentions if m.type == EntityType.PLANT and not m.weak]
    assert any(m.features.another for m in plants)  # "a second plant"


def _mentions_source(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "source"


def _names_source_enum(node: ast.AST) -> bool:
    return any(isinstance(n, ast.Name) and n.id == "Source" for n in ast.walk(node))


def test_no_rule_branches_on_which_rule_found_a_mention():
    found = []
    for name, tree in _trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Compare):
                sides = [node.left, *node.comparators]
                if any(_mentions_source(s) for s in sides) and any(
                    _names_source_enum(s) for s in sides
                ):
                    found.append(f"{name}:{node.lineno}")
    assert found == []


# what properties hold: output only (a plant's figures, a place's ids); the rest is features
OUTPUT_KEYS = {"status", "product", "capacity", "investment", "iso", "geonames_id"}


def test_no_private_property_keys_pass_between_modules():
    found = []
    for name, tree in _trees():
        for node in ast.walk(tree):
            key = None
            if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute):
                if node.value.attr == "properties" and isinstance(node.slice, ast.Constant):
                    key = node.slice.value
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                owner = node.func.value
                if isinstance(owner, ast.Attribute) and owner.attr == "properties" and node.args:
                    first = node.args[0]
                    key = first.value if isinstance(first, ast.Constant) else None
            if isinstance(key, str) and key not in OUTPUT_KEYS:
                found.append(f"{name}:{node.lineno} {key}")
    assert found == []
