"""What a merge and a split make of a region (loaders.curation.edits, pure): the cases the HTTP
tests do not reach — a document naming both sides, a relation that meets one the survivor has,
a symmetric relation re-keyed, a relation between the two, candidate pairs moved or closed."""

from __future__ import annotations

from graph_schema.keys import relation_id
from graph_schema.vocabulary import RelationType
from loaders.curation.edits import Stamp, merged, split
from loaders.curation.region import (
    DocumentLists,
    EntityState,
    MentionState,
    Region,
    RelationState,
)

A, B, X, Y = "per:a", "per:b", "per:x", "org:y"
STAMP = Stamp("chg-1", "2024-01-01T00:00:00.000Z")
LABELS = ["Entity", "Person"]


def person(entity_id: str, name: str, **props: object) -> EntityState:
    base = {
        "id": entity_id,
        "name": name,
        "type": "Person",
        "aliases": [name],
        "search_keys": [name.lower()],
        "titles": [],
        "mention_count": 1,
        "doc_count": 1,
        "load_seq": 1,
        "first_seen": "2024-01-01",
        "last_seen": "2024-01-01",
    }
    return EntityState(entity_id, LABELS, {**base, **props})


def mention(doc: str, entity: str, form: str, seq: int = 1) -> MentionState:
    return MentionState(
        doc,
        entity,
        {"aliases": [form], "search_keys": [form.lower()], "forms": [], "count": 1, "seq": seq},
    )


def rel(rtype: RelationType, source: str, target: str, *docs: str) -> RelationState:
    props = {
        "id": relation_id(source, rtype, target),
        "doc_ids": list(docs),
        "sentences": [f"{source} {rtype.value} {target} in {d}" for d in docs],
        "confidences": [0.8 for _ in docs],
        "statuses": ["" for _ in docs],
        "seen_dates": ["2024-01-0" + str(i + 1) for i, _ in enumerate(docs)],
        "doc_count": len(docs),
    }
    return RelationState(rtype, source, target, props)


def region() -> Region:
    visits = [
        rel(RelationType.VISITED, A, Y, "d1"),
        rel(RelationType.VISITED, B, Y, "d2"),
        rel(RelationType.MET_WITH, *sorted((B, X)), "d2"),
        rel(RelationType.MET_WITH, *sorted((A, B)), "d3"),
    ]
    return Region(
        ids=[A, B],
        entities={
            A: person(A, "Anvar Aliev", geonames_id=None),
            B: person(B, "Aliev", last_seen="2024-02-01", mention_count=2, doc_count=2),
        },
        mentions=[
            mention("d1", A, "Anvar Aliev"),
            mention("d2", B, "Aliev", 1),
            mention("d3", B, "Aliev", 2),
            mention("d3", A, "Anvar Aliev", 2),
        ],
        relations={r.id: r for r in visits},
        documents={
            d: DocumentLists(d, f"2024-0{i}-01", [A, B], [], [])
            for i, d in enumerate(("d1", "d2", "d3"), start=1)
        },
        candidates={
            f"{A}|{B}": {"id": f"{A}|{B}", "a": A, "b": B, "score": 0.6, "reason": "surname"},
            f"{B}|{X}": {"id": f"{B}|{X}", "a": B, "b": X, "score": 0.5, "reason": "x"},
        },
    )


def test_merge_joins_provenance_rekeys_and_drops_the_loop() -> None:
    before = region()
    after = merged(before, B, A, STAMP)
    assert set(after.entities) == {A}
    survivor = after.entities[A].props
    assert survivor["aliases"] == ["Anvar Aliev", "Aliev"]
    assert survivor["doc_count"] == 3 and survivor["mention_count"] == 3
    assert survivor["last_seen"] == "2024-02-01" and survivor["load_seq"] == 3
    # d3 named both: one mention, the two combined
    d3 = [m for m in after.mentions if m.doc == "d3"]
    assert len(d3) == 1 and d3[0].props["count"] == 2 and d3[0].props["seq"] == 2
    assert d3[0].props["aliases"] == ["Anvar Aliev", "Aliev"]
    kinds = {(r.type, r.source, r.target): r for r in after.relations.values()}
    visit = kinds[(RelationType.VISITED, A, Y)]
    assert visit.props["doc_ids"] == ["d1", "d2"] and visit.props["doc_count"] == 2
    assert visit.id == relation_id(A, RelationType.VISITED, Y)
    met = kinds[(RelationType.MET_WITH, *sorted((A, X)))]
    assert met.id == relation_id(A, RelationType.MET_WITH, X)
    assert len(after.relations) == 2  # A MET_WITH B would be a loop
    assert after.candidates[f"{A}|{B}"]["status"] == "merged"
    assert after.candidates[f"{A}|{X}"]["reason"] == "x"
    assert after.redirects[B] == {"source": B, "target": A, "change": "chg-1", "at": STAMP.at}
    assert all(B not in d.entity_ids for d in after.documents.values())
    assert set(before.entities) == {A, B}  # the region before is left as it was


def test_split_moves_one_documents_share_and_recounts_both() -> None:
    before = region()
    after = split(before, B, ["d3"], "per:aliev-2", "Aliev", STAMP)
    new = after.entities["per:aliev-2"].props
    assert new["doc_count"] == 1 and new["first_seen"] == "2024-03-01"
    assert after.entities[B].props["doc_count"] == 1
    assert after.entities[B].props["last_seen"] == "2024-02-01"
    met = [r for r in after.relations.values() if r.type is RelationType.MET_WITH]
    assert {(r.source, r.target) for r in met} == {
        tuple(sorted((B, X))),
        tuple(sorted((A, "per:aliev-2"))),
    }
    assert after.split_rules == [
        {"doc_id": "d3", "source": B, "target": "per:aliev-2", "change": "chg-1", "at": STAMP.at}
    ]
    assert after.documents["d3"].entity_ids == [A, "per:aliev-2"]
    assert after.documents["d2"].entity_ids == [A, B]
