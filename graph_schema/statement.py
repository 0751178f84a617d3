"""Named, parameterised Cypher statements, with a per-backend variant where the text must differ."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Backend(StrEnum):
    NEO4J = "neo4j"
    ARCADEDB = "arcadedb"


def detect_backend(server_agent: str) -> Backend:
    """ArcadeDB announces itself as 'Neo4j/5.26.0 compatible (ArcadeDB x.y)' over Bolt."""
    return Backend.ARCADEDB if "arcadedb" in server_agent.lower() else Backend.NEO4J


@dataclass(frozen=True)
class Statement:
    """A Cypher statement known by name. `arcadedb` holds ArcadeDB's text when it must differ.

    `writes` marks a statement that changes the graph: Graph.read refuses it, since ArcadeDB
    would commit it in a READ transaction; it runs in Graph.write's units of work.
    """

    name: str
    cypher: str
    arcadedb: str | None = None
    writes: bool = False

    def text(self, backend: Backend) -> str:
        if backend is Backend.ARCADEDB and self.arcadedb is not None:
            return self.arcadedb
        return self.cypher
