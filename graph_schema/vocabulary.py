"""The project's vocabulary: entity types and subtypes, relation types, and the labels they map to.

This is the one place where graph labels and relation types are spelled. Cypher text elsewhere
interpolates labels only from these enums, never from request data (ArcadeDB drops dynamic
labels in CREATE/MERGE silently, see docs/ARCHITECTURE.md).
"""

from __future__ import annotations

from enum import StrEnum


class EntityType(StrEnum):
    PERSON = "Person"
    ORGANIZATION = "Organization"
    LOCATION = "Location"
    PLANT = "Plant"


class Subtype(StrEnum):
    OFFICIAL = "official"
    EXECUTIVE = "executive"
    COMPANY = "company"
    GOVERNMENT = "government"
    MEDIA = "media"
    COUNTRY = "country"
    REGION = "region"
    CITY = "city"
    DISTRICT = "district"
    OTHER = "other"


class RelationType(StrEnum):
    HOLDS_POSITION = "HOLDS_POSITION"
    VISITED = "VISITED"
    MET_WITH = "MET_WITH"
    PLANS = "PLANS"
    OPERATES = "OPERATES"
    LOCATED_IN = "LOCATED_IN"
    BASED_IN = "BASED_IN"
    PART_OF = "PART_OF"
    INVESTS_IN = "INVESTS_IN"
    ORDERED = "ORDERED"


class PlantStatus(StrEnum):
    PLANNED = "planned"
    UNDER_CONSTRUCTION = "under_construction"
    OPERATING = "operating"


class FactStatus(StrEnum):
    """Whether a visit (or another event-like relation) happened or is announced."""

    PLANNED = "planned"
    DONE = "done"


ENTITY_LABEL = "Entity"
DOCUMENT_LABEL = "Document"
# Who may use the service (hashes of API keys) and what was changed by whom; no entity or
# document statement reads them.
API_KEY_LABEL = "ApiKey"
AUDIT_EVENT_LABEL = "AuditEvent"
MENTIONS = "MENTIONS"
# Linking and curation (loaders.linking, service curation): nodes apart from the entities, so
# that no traversal of the domain relations meets them.
LINK_KEY_LABEL = "LinkKey"  # a blocking key, -[KEYS]-> the entities filed under it
KEYS = "KEYS"
CANDIDATE_LABEL = "MergeCandidate"  # two entities that may be one thing
REDIRECT_LABEL = "Redirect"  # an id merged away -> the id it lives on as
SPLIT_RULE_LABEL = "SplitRule"  # a document's mentions of an entity moved to another
# One analyst's change (merge, split, rename) with the state before it, for its undo.
CURATION_CHANGE_LABEL = "CurationChange"
# Bookkeeping nodes, no part of the news graph: the search index of entity keys (one node per
# entry, graph_schema.keys.search_entries) and the counts /stats reads, kept up to date by the
# writer (graph_schema.counts).
SEARCH_KEY_LABEL = "SearchKey"
COUNT_LABEL = "GraphCount"

SUBTYPES: dict[EntityType, tuple[Subtype, ...]] = {
    EntityType.PERSON: (Subtype.OFFICIAL, Subtype.EXECUTIVE, Subtype.OTHER),
    EntityType.ORGANIZATION: (Subtype.COMPANY, Subtype.GOVERNMENT, Subtype.MEDIA, Subtype.OTHER),
    EntityType.LOCATION: (
        Subtype.COUNTRY,
        Subtype.REGION,
        Subtype.CITY,
        Subtype.DISTRICT,
        Subtype.OTHER,
    ),
    EntityType.PLANT: (),
}

# Subtypes become an extra label; "other" gets none.
SUBTYPE_LABEL: dict[Subtype, str] = {
    Subtype.OFFICIAL: "Official",
    Subtype.EXECUTIVE: "Executive",
    Subtype.COMPANY: "Company",
    Subtype.GOVERNMENT: "Government",
    Subtype.MEDIA: "Media",
    Subtype.COUNTRY: "Country",
    Subtype.REGION: "Region",
    Subtype.CITY: "City",
    Subtype.DISTRICT: "District",
}

_P, _O, _L, _T = EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION, EntityType.PLANT

# (allowed source types, allowed target types), as FORMAT.md defines them.
RELATION_SIGNATURES: dict[RelationType, tuple[frozenset[EntityType], frozenset[EntityType]]] = {
    RelationType.HOLDS_POSITION: (frozenset({_P}), frozenset({_L, _O})),
    RelationType.VISITED: (frozenset({_P, _O}), frozenset({_L, _O, _T})),
    RelationType.MET_WITH: (frozenset({_P, _O}), frozenset({_P, _O})),
    RelationType.PLANS: (frozenset({_O}), frozenset({_T})),
    RelationType.OPERATES: (frozenset({_O}), frozenset({_T})),
    RelationType.LOCATED_IN: (frozenset({_T, _L}), frozenset({_L})),
    RelationType.BASED_IN: (frozenset({_O}), frozenset({_L})),
    RelationType.PART_OF: (frozenset({_O}), frozenset({_O})),
    RelationType.INVESTS_IN: (frozenset({_P, _O, _L}), frozenset({_T, _L})),
    RelationType.ORDERED: (frozenset({_P}), frozenset({_T, _O})),
}

SYMMETRIC_RELATIONS = frozenset({RelationType.MET_WITH})


def entity_labels(entity_type: EntityType, subtype: Subtype | None) -> tuple[str, ...]:
    """All labels of an entity node, in a fixed order: Entity, type, subtype (when it has one)."""
    labels = [ENTITY_LABEL, entity_type.value]
    if subtype is not None and subtype in SUBTYPE_LABEL and subtype in SUBTYPES[entity_type]:
        labels.append(SUBTYPE_LABEL[subtype])
    return tuple(labels)


def label_sets() -> list[tuple[str, ...]]:
    """Every label combination an entity node can have (one write statement is built per set)."""
    sets = []
    for etype, subtypes in SUBTYPES.items():
        sets.append(entity_labels(etype, None))
        sets.extend(entity_labels(etype, s) for s in subtypes if s in SUBTYPE_LABEL)
    return sets


def signature_allows(rtype: RelationType, source: EntityType, target: EntityType) -> bool:
    sources, targets = RELATION_SIGNATURES[rtype]
    return source in sources and target in targets
