"""Which entity a parameter names: an id, or a name or alias looked up as GET /entities?q= does.

One resolver for every route that takes an entity (facts, paths, neighbours, timeline, export,
relations, profiles). The id wins when the graph holds one, then an id merged away (its
survivor); otherwise the search's ranking
(exact name or alias, then a word starting so, then a substring, then fuzzy) decides, and only
a unique best match is used: several equally good ones are a 409 listing them, none a 404
pointing at the search.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote

from graph_schema.errors import AmbiguousError, NotFoundError
from graph_schema.graph import Graph
from graph_schema.statements.curation import REDIRECT_OF
from graph_schema.statements.entities import GET_START_NODE
from graph_schema.vocabulary import EntityType
from service.repository.search import Match, rank_entities
from service.schemas import EntityCandidate, ResolvedEntity

MAX_CANDIDATES = 10
_MATCHED = {0: "exact", 1: "prefix", 2: "substring", 3: "fuzzy"}


@dataclass(frozen=True)
class Resolution:
    """The entities a request's parameters named, by parameter (absent: not given)."""

    entities: dict[str, ResolvedEntity]

    def id(self, param: str) -> str | None:
        found = self.entities.get(param)
        return found.id if found else None


def _best(matches: list[Match]) -> list[Match]:
    """The matches no other beats: the first tier's, and among fuzzy ones the top score's."""
    top = matches[0]
    return [m for m in matches if m.tier == top.tier and (m.tier < 3 or m.score == top.score)]


def resolve_entity(
    graph: Graph, ref: str, *, param: str, prefer: EntityType | None = None
) -> ResolvedEntity:
    """The entity `ref` names. `prefer` (a company, a place) keeps only matches of that type
    when there are any, so 'Karshi' as a place is the city, not a plant named after it."""
    found = _by_id(graph, ref)
    if found:
        return found
    # an id an analyst merged away keeps answering as its survivor
    survivor = graph.read(REDIRECT_OF, {"id": ref})
    rows = graph.read(GET_START_NODE, {"id": survivor[0]["target"]}) if survivor else []
    if rows:
        node = rows[0]["node"]
        return ResolvedEntity(
            query=ref, id=node["id"], name=node["name"], type=node["type"], matched="redirect"
        )
    matches = rank_entities(graph, ref)
    if prefer is not None:
        matches = [m for m in matches if m.node.type == prefer.value] or matches
    return _unique(matches, ref, param)


def resolve_exactly(graph: Graph, ref: str, *, param: str) -> ResolvedEntity | None:
    """The entity a change names: its id, or a whole name or alias (as search keys compare,
    case and accents aside) that only one entity has; None when nothing has either. No
    redirect and no near match: a merge or split acts on what the analyst named, not on a
    guess."""
    found = _by_id(graph, ref)
    if found:
        return found
    exact = [m for m in rank_entities(graph, ref) if m.tier == 0]
    return _unique(exact, ref, param) if exact else None


def _by_id(graph: Graph, ref: str) -> ResolvedEntity | None:
    rows = graph.read(GET_START_NODE, {"id": ref})
    if not rows:
        return None
    node = rows[0]["node"]
    return ResolvedEntity(
        query=ref, id=node["id"], name=node["name"], type=node["type"], matched="id"
    )


def _unique(matches: list[Match], ref: str, param: str) -> ResolvedEntity:
    if not matches:
        raise NotFoundError(
            f"{param}: no entity has the id, name or alias {ref!r}; "
            f"look it up with GET /entities?q={quote(ref)}"
        )
    best = _best(matches)
    if len(best) > 1:
        candidates = [
            EntityCandidate(
                id=m.node.id, name=m.node.name, type=m.node.type, mentions=m.mentions
            ).model_dump()
            for m in best[:MAX_CANDIDATES]
        ]
        raise AmbiguousError(
            f"{param}: {ref!r} fits {len(best)} entities equally well; pass the id of the one "
            f"you mean (candidates in details)",
            candidates,
        )
    match = best[0]
    return ResolvedEntity(
        query=ref,
        id=match.node.id,
        name=match.node.name,
        type=match.node.type,
        matched=_MATCHED[match.tier],
    )


def resolve_refs(
    graph: Graph,
    refs: Mapping[str, str | None],
    prefer: Mapping[str, EntityType] | None = None,
) -> Resolution:
    """Each given parameter's entity (None: not given); the first that fails raises."""
    prefer = prefer or {}
    return Resolution(
        {
            param: resolve_entity(graph, ref, param=param, prefer=prefer.get(param))
            for param, ref in refs.items()
            if ref is not None
        }
    )
