"""Dependencies handed to routes: the process's one Graph and the settings."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from graph_schema.errors import GraphUnavailableError
from graph_schema.graph import Graph
from loaders.sources.syndication import StoryIndex
from service.extraction_pool import ExtractionPool
from service.settings import Settings


def get_graph(request: Request) -> Graph:
    runtime = getattr(request.app.state, "runtime", None)
    if runtime is None:
        raise GraphUnavailableError("the service is not connected to a graph")
    return runtime.graph


def get_extractor(request: Request) -> ExtractionPool:
    pool = getattr(request.app.state, "extraction", None)
    if pool is None:
        raise GraphUnavailableError("the service is not started")
    return pool


def get_stories(request: Request) -> StoryIndex:
    runtime = getattr(request.app.state, "runtime", None)
    if runtime is None:
        raise GraphUnavailableError("the service is not connected to a graph")
    return runtime.stories


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


GraphDep = Annotated[Graph, Depends(get_graph)]
ExtractorDep = Annotated[ExtractionPool, Depends(get_extractor)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
StoriesDep = Annotated[StoryIndex, Depends(get_stories)]
