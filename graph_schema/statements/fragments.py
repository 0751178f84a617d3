"""Cypher fragments shared by several statements: how a node and an edge are projected, and the
filters a traversal applies to each relation and node it crosses."""

from graph_schema.vocabulary import RelationType

# Entity-to-entity relation types; MENTIONS (document to entity) is never traversed.
RELATION_TYPES = "|".join(t.value for t in RelationType)

NODE = "{.id, .name, .type, .subtype, .aliases, labels: labels(%s)}"

# The properties an edge answer carries, of a relationship variable.
EDGE_PROPERTIES = (
    "{doc_count: %(r)s.doc_count, confidence: %(r)s.confidence, "
    "status: %(r)s.status, first_seen: %(r)s.first_seen, last_seen: %(r)s.last_seen, "
    "title: %(r)s.title, amount: %(r)s.amount}"
)
EDGE = (
    "{id: %(r)s.id, type: type(%(r)s), source: startNode(%(r)s).id, target: endNode(%(r)s).id, "
    "properties: " + EDGE_PROPERTIES + "}"
)

# One entry per supporting sentence; `date` is the date of the document that states it.
EVIDENCE = (
    "[i IN range(0, size(%(r)s.doc_ids) - 1) | "
    "{document: %(r)s.doc_ids[i], sentence: %(r)s.sentences[i], "
    "confidence: %(r)s.confidences[i], status: %(r)s.statuses[i], date: %(r)s.seen_dates[i]}]"
)

# Filters on one relation `r`, all optional ($x IS NULL switches a filter off):
# its type, a supporting document dated inside [$date_from, $date_to], a minimum confidence.
RELATION_FILTER = """
    ($rel_types IS NULL OR type(%(r)s) IN $rel_types)
    AND coalesce(%(r)s.confidence, 0.0) >= $min_confidence
    AND (($date_from IS NULL AND $date_to IS NULL)
         OR any(day IN %(r)s.seen_dates WHERE ($date_from IS NULL OR day >= $date_from)
                                           AND ($date_to IS NULL OR day <= $date_to)))
"""

# A node passes when one of its labels is asked for (Person, Company, City...).
NODE_FILTER = "($node_types IS NULL OR any(l IN labels(%s) WHERE l IN $node_types))"


def node(var: str) -> str:
    return f"{var} {NODE % var}"


def edge(var: str) -> str:
    return EDGE % {"r": var}


def edge_properties(var: str) -> str:
    return EDGE_PROPERTIES % {"r": var}


def evidence(var: str) -> str:
    return EVIDENCE % {"r": var}


def relation_filter(var: str) -> str:
    return RELATION_FILTER % {"r": var}


def node_filter(var: str) -> str:
    return NODE_FILTER % var
