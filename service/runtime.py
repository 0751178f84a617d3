"""Opening the graph the settings point at: Neo4j when KG_NEO4J_URI is set, else the embedded
ArcadeDB server (started when it does not run yet)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from graph_schema.embedded import EmbeddedServer
from graph_schema.graph import Graph
from graph_schema.schema import SchemaReport, apply_schema
from service.settings import Settings

if TYPE_CHECKING:
    from loaders.extraction.config import ExtractionConfig
    from loaders.sources.syndication import StoryIndex

log = logging.getLogger(__name__)


@dataclass
class GraphRuntime:
    graph: Graph
    schema: SchemaReport
    embedded: EmbeddedServer | None
    started_embedded: bool
    _stories: StoryIndex | None = field(default=None, repr=False)

    @property
    def stories(self) -> StoryIndex:
        """The process's index of documents for finding syndicated copies (built on first use)."""
        if self._stories is None:
            from loaders.sources.syndication import StoryIndex

            self._stories = StoryIndex(self.graph)
        return self._stories

    def close(self, *, stop_embedded: bool | None = None) -> None:
        """Close the driver; stop the embedded server if this runtime started it."""
        self.graph.close()
        stop = self.started_embedded if stop_embedded is None else stop_embedded
        if stop and self.embedded is not None:
            self.embedded.stop()


def extraction_config(settings: Settings) -> ExtractionConfig:
    """The KG_SPACY_MODEL_* choices, for the extractor (which never reads the environment)."""
    from loaders.extraction.config import ExtractionConfig

    return ExtractionConfig(models=settings.spacy_models())


def configure_extraction(settings: Settings) -> None:
    """Hand the KG_SPACY_MODEL_* choices to this process's extractor."""
    from loaders.extraction import configure

    configure(extraction_config(settings))


def embedded_server(settings: Settings) -> EmbeddedServer:
    return EmbeddedServer(settings.embedded_config())


def open_graph(settings: Settings, *, start_embedded: bool = True) -> GraphRuntime:
    """Connect, and apply the schema (idempotent) before anything is written."""
    server: EmbeddedServer | None = None
    started = False
    if not settings.uses_neo4j:
        server = embedded_server(settings)
        if start_embedded and not server.status().running:
            server.start()
            started = True
    try:
        graph = Graph.connect(settings.graph_config(server))
    except BaseException:
        _stop_if_started(server, started)
        raise
    try:
        schema = apply_schema(graph)
    except BaseException:
        graph.close()
        _stop_if_started(server, started)
        raise
    return GraphRuntime(graph, schema, server, started)


def _stop_if_started(server: EmbeddedServer | None, started: bool) -> None:
    """A start-up that failed after starting the embedded server leaves nothing running."""
    if started and server is not None:
        server.stop()
