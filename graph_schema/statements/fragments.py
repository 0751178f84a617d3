"""Cypher fragments shared by several statements: how a node and an edge are projected."""

from graph_schema.vocabulary import RelationType

# Entity-to-entity relation types; MENTIONS (document to entity) is never traversed.
RELATION_TYPES = "|".join(t.value for t in RelationType)

NODE = "{.id, .name, .type, .subtype, .aliases, labels: labels(%s)}"

EDGE = (
    "{id: %(r)s.id, type: type(%(r)s), source: startNode(%(r)s).id, target: endNode(%(r)s).id, "
    "properties: {doc_count: %(r)s.doc_count, confidence: %(r)s.confidence, "
    "status: %(r)s.status, first_seen: %(r)s.first_seen, last_seen: %(r)s.last_seen, "
    "title: %(r)s.title, amount: %(r)s.amount}}"
)

EVIDENCE = (
    "[i IN range(0, size(%(r)s.doc_ids) - 1) | "
    "{document: %(r)s.doc_ids[i], sentence: %(r)s.sentences[i], "
    "confidence: %(r)s.confidences[i], status: %(r)s.statuses[i]}]"
)


def node(var: str) -> str:
    return f"{var} {NODE % var}"


def edge(var: str) -> str:
    return EDGE % {"r": var}


def evidence(var: str) -> str:
    return EVIDENCE % {"r": var}
