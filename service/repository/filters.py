"""Filters a traversal applies to every relation and node it crosses (see statements.fragments)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class TraversalFilter:
    rel_types: list[str] | None = None
    node_types: list[str] | None = None
    date_from: str | None = None
    date_to: str | None = None
    min_confidence: float = 0.0

    def params(self) -> dict[str, Any]:
        return {
            "rel_types": self.rel_types,
            "node_types": self.node_types,
            "date_from": self.date_from,
            "date_to": self.date_to,
            "min_confidence": self.min_confidence,
        }
