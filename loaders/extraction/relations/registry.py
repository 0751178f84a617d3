"""The named strategies relation specs may use: functions registered under a name, looked up
when the specs load (a spec naming no registered function fails then, not mid-document)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from graph_schema.vocabulary import RelationType
from loaders.extraction.relations.reading import Proposal, Reading, Sentence

# reads one sentence, proposes relations (the engine keeps those its spec allows)
Strategy = Callable[[Reading, Sentence], Iterable[Proposal]]
# reads the whole document once every sentence is read: the relations to drop
Review = Callable[[Reading], Iterable[tuple[RelationType, int, int]]]

STRATEGIES: dict[str, Strategy] = {}
REVIEWS: dict[str, Review] = {}


def strategy(name: str) -> Callable[[Strategy], Strategy]:
    def register(function: Strategy) -> Strategy:
        if name in STRATEGIES:
            raise ValueError(f"relation strategy {name!r} is registered twice")
        STRATEGIES[name] = function
        return function

    return register


def review(name: str) -> Callable[[Review], Review]:
    def register(function: Review) -> Review:
        if name in REVIEWS:
            raise ValueError(f"relation review {name!r} is registered twice")
        REVIEWS[name] = function
        return function

    return register
