"""Imports every module that registers relation strategies (the specs name them)."""

from loaders.extraction.relations import orders, parties, people, places, plants  # noqa: F401
