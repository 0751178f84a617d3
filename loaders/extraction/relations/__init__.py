"""Relations from declared specs (specs.toml) run by one engine (engine.py).

Each spec names a relation type, its argument roles, the trigger kinds its rules need and the
registered strategies that read arguments off a sentence (people, plants, places, orders);
what carries from sentence to sentence is the typed Discourse of reading.py.
"""

from loaders.extraction.relations.engine import find_relations

__all__ = ["find_relations"]
