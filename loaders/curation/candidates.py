"""The candidate pairs linking left for an analyst (MergeCandidate nodes), best score first, each
side with its evidence: names, aliases, type, and the documents that mention it with sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph_schema.errors import NotFoundError
from graph_schema.graph import Graph
from graph_schema.statements import curation as st

DOCUMENTS_PER_SIDE = 5
SENTENCES_PER_DOCUMENT = 3
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class SideDocument:
    id: str
    title: str | None
    url: str | None
    published: str | None
    lang: str | None
    forms: list[str]
    sentences: list[str]


@dataclass(frozen=True)
class Side:
    id: str
    name: str
    type: str
    subtype: str | None
    aliases: list[str]
    titles: list[str]
    doc_count: int
    mention_count: int
    documents: list[SideDocument] = field(default_factory=list)


@dataclass(frozen=True)
class Candidate:
    id: str
    score: float
    reason: str
    doc_ids: list[str]
    created_at: str | None
    a: Side
    b: Side


def list_candidates(
    graph: Graph, limit: int, offset: int, entity: str | None = None
) -> list[Candidate]:
    """Open pairs, best first; limit + 1 are returned so the caller can page. With `entity`,
    only that entity's pairs (an unknown entity is a NotFoundError)."""
    params = {"skip": offset, "limit": limit + 1}
    if entity is None:
        rows = graph.read(st.LIST_CANDIDATES, params)
    else:
        if not graph.read(st.CANDIDATE_SIDES, {"ids": [entity]}):
            raise NotFoundError(f"no entity with id {entity!r}")
        rows = graph.read(st.LIST_CANDIDATES_OF_ENTITY, {**params, "id": entity})
    sides = _sides(graph, sorted({r["a"] for r in rows} | {r["b"] for r in rows}))
    return [
        Candidate(
            id=r["id"],
            score=float(r["score"]),
            reason=r["reason"] or "",
            doc_ids=list(r["doc_ids"] or []),
            created_at=r["created_at"],
            a=sides[r["a"]],
            b=sides[r["b"]],
        )
        for r in rows
        if r["a"] in sides and r["b"] in sides
    ]


def _sides(graph: Graph, ids: list[str]) -> dict[str, Side]:
    if not ids:
        return {}
    out = {}
    for row in graph.read(st.CANDIDATE_SIDES, {"ids": ids}):
        out[row["id"]] = Side(
            id=row["id"],
            name=row["name"],
            type=row["type"],
            subtype=row["subtype"],
            aliases=list(row["aliases"]),
            titles=list(row["titles"]),
            doc_count=int(row["doc_count"]),
            mention_count=int(row["mention_count"]),
            documents=_documents(graph, row["id"], [row["name"], *row["aliases"]]),
        )
    return out


def _documents(graph: Graph, entity_id: str, names: list[str]) -> list[SideDocument]:
    """The side's newest documents, each with the sentences its relations cite there, or else
    the sentences of the text that name it."""
    docs = graph.read(st.SIDE_DOCUMENTS, {"id": entity_id, "limit": DOCUMENTS_PER_SIDE})
    cited: dict[str, list[str]] = {}
    for row in graph.read(st.SIDE_SENTENCES, {"id": entity_id}):
        for doc_id, sentence in zip(row["doc_ids"] or [], row["sentences"] or [], strict=False):
            said = cited.setdefault(doc_id, [])
            if sentence not in said:
                said.append(sentence)
    uncited = [d["id"] for d in docs if not cited.get(d["id"])]
    texts = (
        {r["id"]: r["text"] or "" for r in graph.read(st.DOCUMENT_TEXTS, {"ids": uncited})}
        if uncited
        else {}
    )
    out = []
    for doc in docs:
        forms = [f for f in (doc["forms"] or []) if f]
        sentences = cited.get(doc["id"]) or _naming(texts.get(doc["id"], ""), forms + names)
        out.append(
            SideDocument(
                id=doc["id"],
                title=doc["title"],
                url=doc["url"],
                published=doc["published"],
                lang=doc["lang"],
                forms=forms,
                sentences=sentences[:SENTENCES_PER_DOCUMENT],
            )
        )
    return out


def _naming(text: str, forms: list[str]) -> list[str]:
    """Sentences of `text` that contain one of `forms` (case-insensitive)."""
    wanted = [f.casefold() for f in forms if len(f) > 1]
    found = []
    for sentence in _SENTENCE_END.split(text):
        folded = sentence.casefold()
        if any(w in folded for w in wanted):
            found.append(sentence.strip())
            if len(found) >= SENTENCES_PER_DOCUMENT:
                break
    return found
