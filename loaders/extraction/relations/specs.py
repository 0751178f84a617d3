"""Relation specs: what each relation type is read from (specs.toml), loaded and checked once.

A spec names the relation types it may propose, the entity types of their arguments (which
must fit graph_schema's signature of every type), its rules (a registered strategy, run in a
sentence that holds the trigger kinds the rule names) and the confidence of each level of
evidence. A spec that names an unknown type, kind, role or strategy fails when it loads.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from graph_schema.vocabulary import RELATION_SIGNATURES, EntityType, RelationType
from loaders.extraction.relations.reading import Evidence, Sentence
from loaders.extraction.relations.registry import REVIEWS, STRATEGIES
from loaders.extraction.trigger_kinds import TriggerKind

SPECS = resources.files(__package__) / "specs.toml"


class RelationSpecError(ValueError):
    """specs.toml declares something the vocabulary, the trigger kinds or the registry lack."""


@dataclass(frozen=True)
class RuleSpec:
    """One way a spec's relations are read: a strategy, and the trigger kinds it needs."""

    strategy: str
    any_of: frozenset[TriggerKind] = frozenset()
    all_of: frozenset[TriggerKind] = frozenset()

    def applies(self, s: Sentence) -> bool:
        triggers = s.triggers
        if self.any_of and not any(triggers.get(kind) for kind in self.any_of):
            return False
        return all(triggers.get(kind) for kind in self.all_of)


@dataclass(frozen=True)
class RelationSpec:
    types: tuple[RelationType, ...]
    source: frozenset[EntityType]
    target: frozenset[EntityType]
    rules: tuple[RuleSpec, ...]
    confidence: Mapping[Evidence, float]
    review: str | None = None

    def allows(self, rtype: RelationType, source: EntityType, target: EntityType) -> bool:
        return rtype in self.types and source in self.source and target in self.target


def _enum(kind: type[Any], value: object, where: str) -> Any:
    try:
        return kind(value)
    except ValueError:
        raise RelationSpecError(f"{where}: {value!r} is no {kind.__name__}") from None


def _spec(table: dict[str, Any], defaults: dict[Evidence, float], where: str) -> RelationSpec:
    types = tuple(_enum(RelationType, t, where) for t in table["types"])
    source = frozenset(_enum(EntityType, t, where) for t in table["source"])
    target = frozenset(_enum(EntityType, t, where) for t in table["target"])
    for rtype in types:
        sources, targets = RELATION_SIGNATURES[rtype]
        if not (source <= sources and target <= targets):
            raise RelationSpecError(
                f"{where}: roles {sorted(source)} -> {sorted(target)} do not fit the "
                f"vocabulary's signature of {rtype}"
            )
    rules = []
    for rule in table["rule"]:
        if rule["strategy"] not in STRATEGIES:
            raise RelationSpecError(f"{where}: no strategy registered as {rule['strategy']!r}")
        rules.append(
            RuleSpec(
                rule["strategy"],
                frozenset(_enum(TriggerKind, k, where) for k in rule.get("any", ())),
                frozenset(_enum(TriggerKind, k, where) for k in rule.get("all", ())),
            )
        )
    review = table.get("review")
    if review is not None and review not in REVIEWS:
        raise RelationSpecError(f"{where}: no review registered as {review!r}")
    overrides = {_enum(Evidence, k, where): v for k, v in table.get("confidence", {}).items()}
    confidence = MappingProxyType({**defaults, **overrides})
    return RelationSpec(types, source, target, tuple(rules), confidence, review)


def parse_specs(text: str) -> tuple[RelationSpec, ...]:
    """The specs of one specs.toml text, checked (strategies must be registered first)."""
    document = tomllib.loads(text)
    defaults = {_enum(Evidence, k, "confidence"): v for k, v in document["confidence"].items()}
    if set(defaults) != set(Evidence):
        raise RelationSpecError("[confidence] must give every evidence level")
    specs = tuple(
        _spec(table, defaults, f"spec {n} ({', '.join(table.get('types', []))})")
        for n, table in enumerate(document["spec"], 1)
    )
    declared = [t for spec in specs for t in spec.types]
    if len(declared) != len(set(declared)):
        raise RelationSpecError("a relation type is declared by two specs")
    return specs


@cache
def relation_specs() -> tuple[RelationSpec, ...]:
    from loaders.extraction.relations import strategies  # noqa: F401 (registers them)

    return parse_specs(SPECS.read_text(encoding="utf-8"))
