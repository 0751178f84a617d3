"""What /stats reports, as counts the writer keeps up to date: one GraphCount node per key.

Counting by reading grows with the graph (ArcadeDB reads every relation of a type to count
it: 0.8 s for /stats at 200k relations, measured), so every write and delete adds its
changes to these counts in its own transaction, and /stats reads a few dozen small nodes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from graph_schema.vocabulary import DOCUMENT_LABEL, RelationType

NODE = "node:"
RELATION = "relation:"
LANG = "lang:"
MONTH = "month:"


def node_key(label: str) -> str:
    return NODE + label


def relation_key(rtype: RelationType | str) -> str:
    return RELATION + str(rtype)


def lang_key(lang: str | None) -> str:
    return LANG + (lang or "")


def month_key(published: str | None) -> str:
    """The month a document counts in: the first seven characters of its date, as /stats has
    always grouped them ('2024-05'); '' for an undated document."""
    return MONTH + (published[:7] if published else "")


@dataclass
class CountChanges:
    """Changes to the counts from one transaction: key -> how much to add (negative to take)."""

    deltas: Counter[str] = field(default_factory=Counter)

    def nodes(self, labels: tuple[str, ...] | list[str], n: int) -> None:
        for label in labels:
            self.deltas[node_key(label)] += n

    def relations(self, rtype: RelationType | str, n: int) -> None:
        self.deltas[relation_key(rtype)] += n

    def document(self, lang: str | None, published: str | None, n: int) -> None:
        self.deltas[node_key(DOCUMENT_LABEL)] += n
        self.deltas[lang_key(lang)] += n
        self.deltas[month_key(published)] += n

    def rows(self) -> list[dict[str, object]]:
        return [{"key": k, "n": n} for k, n in sorted(self.deltas.items()) if n]
