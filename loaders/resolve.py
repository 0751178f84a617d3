"""Resolution: an extracted document becomes rows keyed on canonical graph ids.

Entities that resolve to the same key (the same GeoNames place written two ways) are merged,
relations are checked against the vocabulary's signatures, and everything dropped is counted
with its reason. Pure functions: no graph, no spaCy.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from graph_schema.errors import InvalidInputError
from graph_schema.keys import entity_key, fold, relation_id, search_keys, slug
from graph_schema.vocabulary import (
    SUBTYPES,
    SYMMETRIC_RELATIONS,
    EntityType,
    FactStatus,
    RelationType,
    Subtype,
    entity_labels,
    signature_allows,
)
from loaders.linking.gazetteer_ids import fitting_geonames_id, place_ids
from loaders.linking.names import identifying, plant_residue
from loaders.models import ExtractedDocument, ExtractedEntity, ExtractedRelation, document_id

_ENTITY_TEXT_PROPS = ("status", "product", "capacity", "investment")
# The words a place's kind is named by, dropped before the kind is added to its key.
_KIND_IN_KEY = {
    Subtype.DISTRICT: {"district", "rayon", "bezirk", "raion", "tumani", "tuman"},
    Subtype.REGION: {"region", "oblast", "province", "viloyati", "viloyat", "gebiet", "oblys"},
}
_DEFAULT_CONFIDENCE = 0.5
# MERGE keys must stay well below the size where a request nears Bolt's 16 MiB message limit.
MAX_TEXT_CHARS = 2_000_000
MAX_GEONAMES_ID = 2**63 - 1  # the graph's integers are 64 bits


@dataclass(frozen=True)
class DocumentRow:
    id: str
    url: str | None
    title: str | None
    published: str | None
    lang: str | None
    text: str
    ingested_at: str
    seen: str  # the date facts from this document are dated by: published, else ingestion day
    entity_count: int
    relation_count: int
    # What this document says of each of its entities, so that deleting a document can replay
    # the others (graph_schema.statements.writes): parallel lists, one entry per entity, ''
    # or 0 for nothing said (graph properties hold neither maps nor nulls); titles one entry
    # per (entity, title).
    entity_ids: list[str] = field(default_factory=list)
    entity_geonames_ids: list[int] = field(default_factory=list)
    entity_isos: list[str] = field(default_factory=list)
    entity_statuses: list[str] = field(default_factory=list)
    entity_products: list[str] = field(default_factory=list)
    entity_capacities: list[str] = field(default_factory=list)
    entity_investments: list[str] = field(default_factory=list)
    entity_title_ids: list[str] = field(default_factory=list)
    entity_titles: list[str] = field(default_factory=list)
    # The text's MinHash (loaders.sources.syndication), written with the document; None for a
    # text too short to be told a copy, or a document loaded without one (backfilled later).
    minhash: list[int] | None = None


@dataclass
class EntityRow:
    id: str
    labels: tuple[str, ...]
    type: str
    subtype: str | None
    name: str
    aliases: list[str]  # the forms that identify it: its aliases and search keys in the graph
    search_keys: list[str]
    titles: list[str]
    mentions: int
    seen: str
    geonames_id: int | None = None
    iso: str | None = None
    status: str | None = None
    product: str | None = None
    capacity: str | None = None
    investment: str | None = None
    # every surface form of the document, generic ones too ("the company", "das Werk"): the
    # document's mentions of the entity, never its aliases
    forms: list[str] = field(default_factory=list)
    name_in_text: bool = True  # False for a plant whose name the extractor composed
    link_keys: list[str] = field(default_factory=list)  # filled by loaders.linking


@dataclass
class RelationRow:
    id: str
    type: RelationType
    source: str
    target: str
    sentences: list[str]
    confidences: list[float]
    statuses: list[str]
    seen: str
    title: str | None = None
    amount: str | None = None


@dataclass(frozen=True)
class CandidatePair:
    """Two entities that may be one thing, for an analyst to decide (loaders.linking)."""

    a: str
    b: str
    score: float
    reason: str


@dataclass(frozen=True)
class EntityLink:
    """An incoming entity written into an entity the graph holds (loaders.linking)."""

    incoming: str
    target: str
    score: float
    reason: str


@dataclass
class GraphDocument:
    document: DocumentRow
    entities: list[EntityRow]
    relations: list[RelationRow]
    drops: Counter[str] = field(default_factory=Counter)
    links: list[EntityLink] = field(default_factory=list)
    candidates: list[CandidatePair] = field(default_factory=list)


def resolve(doc: ExtractedDocument, *, now: datetime | None = None) -> GraphDocument:
    """Turn one FORMAT.md document into graph rows; unusable items are dropped and counted."""
    if len(doc.text) > MAX_TEXT_CHARS:
        raise ValueError(
            f"the text has {len(doc.text):,} characters; at most "
            f"{MAX_TEXT_CHARS:,} are accepted per document"
        )
    ingested = (now or datetime.now(UTC)).replace(microsecond=0)
    seen = doc.published or ingested.date().isoformat()
    drops: Counter[str] = Counter()
    entities, key_of = _resolve_entities(doc.entities, seen, drops, doc.lang)
    _rekey_unnamed_plants(doc, entities, key_of)
    relations = _resolve_relations(doc.relations, key_of, entities, seen, drops)
    document = DocumentRow(
        id=document_id(doc.text),
        url=doc.url,
        title=doc.title,
        published=doc.published,
        lang=doc.lang,
        text=doc.text,
        ingested_at=ingested.isoformat(),
        seen=seen,
        entity_count=len(entities),
        relation_count=len(relations),
        **entity_facts(list(entities.values())),
    )
    return GraphDocument(document, list(entities.values()), list(relations.values()), drops)


def entity_facts(rows: list[EntityRow]) -> dict[str, list[Any]]:
    """DocumentRow's entity_* lists for these entities."""
    return {
        "entity_ids": [r.id for r in rows],
        "entity_geonames_ids": [r.geonames_id or 0 for r in rows],
        "entity_isos": [r.iso or "" for r in rows],
        "entity_statuses": [r.status or "" for r in rows],
        "entity_products": [r.product or "" for r in rows],
        "entity_capacities": [r.capacity or "" for r in rows],
        "entity_investments": [r.investment or "" for r in rows],
        "entity_title_ids": [r.id for r in rows for _ in r.titles],
        "entity_titles": [t for r in rows for t in r.titles],
    }


def _subtype(entity: ExtractedEntity, drops: Counter[str]) -> Subtype | None:
    if entity.subtype is None:
        return None
    try:
        subtype = Subtype(entity.subtype)
    except ValueError:
        drops[f"unknown subtype {entity.subtype!r} (entity kept without it)"] += 1
        return None
    if subtype not in SUBTYPES[entity.type]:
        drops[f"subtype {subtype} does not fit {entity.type} (entity kept without it)"] += 1
        return None
    return subtype


def _geonames_id(entity: ExtractedEntity) -> int | None:
    """A GeoNames id is a positive integer the graph can store (64 bits): 1538637, "1538637" or
    1538637.0. Anything else is refused, since it would become part of the entity's key."""
    value = entity.properties.get("geonames_id")
    if value is None or value == "":
        return None
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        number = int(value.strip())
    if number is None or not 0 < number <= MAX_GEONAMES_ID:
        raise InvalidInputError(
            f"entity {entity.id!r} ({entity.name!r}): geonames_id must be a positive whole "
            f"number below 2**63, got {value!r}"
        )
    return number


def _external_ids(
    entity: ExtractedEntity, subtype: Subtype | None, lang: str | None
) -> tuple[int | None, str | None]:
    """A place's GeoNames id and ISO code as given, or from the gazetteer when none is given
    (a document extracted elsewhere). A place the gazetteer knows is keyed on its id, as places
    the extractor finds already are: "Qarshi", "Карши" and "Karshi" from any source are one
    node."""
    iso = entity.properties.get("iso")
    geonames_id = _geonames_id(entity)
    if entity.type is not EntityType.LOCATION:
        return geonames_id, (str(iso) if iso else None)
    sub = subtype.value if subtype else None
    geonames_id = fitting_geonames_id(geonames_id, sub)
    if geonames_id is None and not iso:
        return place_ids([entity.name, *entity.aliases], sub, lang)
    return geonames_id, (str(iso) if iso else None)


def _place_key_name(entity: ExtractedEntity, subtype: Subtype | None) -> str:
    """A place without an external id is keyed on its name and kind: "Asaka" the district and
    "Asaka" the city are two nodes."""
    if entity.type is not EntityType.LOCATION or subtype not in _KIND_IN_KEY:
        return entity.name
    words = [w for w in fold(entity.name).split() if w not in _KIND_IN_KEY[subtype]]
    return " ".join([*words, subtype.value]) if words else entity.name


def _entity_row(
    entity: ExtractedEntity, seen: str, drops: Counter[str], lang: str | None = None
) -> EntityRow:
    subtype = _subtype(entity, drops)
    geonames_id, iso = _external_ids(entity, subtype, lang)
    key = entity_key(
        entity.type, _place_key_name(entity, subtype), geonames_id=geonames_id, iso=iso
    )
    forms = _distinct([entity.name, *entity.aliases])
    aliases = [entity.name.strip(), *(f for f in identifying(forms) if f != entity.name.strip())]
    title = entity.properties.get("title")
    row = EntityRow(
        id=key,
        labels=entity_labels(entity.type, subtype),
        type=entity.type.value,
        subtype=subtype.value if subtype else None,
        name=entity.name.strip(),
        aliases=aliases,
        search_keys=search_keys(*aliases),
        titles=[str(title)] if title else [],
        mentions=max(1, len(entity.aliases)),
        seen=seen,
        geonames_id=geonames_id,
        iso=iso,
        forms=forms,
    )
    for prop in _ENTITY_TEXT_PROPS:
        value = entity.properties.get(prop)
        if value not in (None, ""):
            setattr(row, prop, str(value))
    return row


def merge_rows(row: EntityRow, other: EntityRow) -> None:
    row.aliases = _distinct([*row.aliases, *other.aliases])
    row.forms = _distinct([*row.forms, *other.forms])
    row.search_keys = sorted(set(row.search_keys) | set(other.search_keys))
    row.titles = _distinct([*row.titles, *other.titles])
    row.mentions += other.mentions
    for prop in _ENTITY_TEXT_PROPS:
        if getattr(row, prop) is None:
            setattr(row, prop, getattr(other, prop))


def _resolve_entities(
    extracted: list[ExtractedEntity], seen: str, drops: Counter[str], lang: str | None
) -> tuple[dict[str, EntityRow], dict[str, str]]:
    rows: dict[str, EntityRow] = {}
    key_of: dict[str, str] = {}
    for entity in extracted:
        try:
            row = _entity_row(entity, seen, drops, lang)
        except ValueError:
            drops["entity name without letters or digits"] += 1
            continue
        key_of[entity.id] = row.id
        if row.id in rows:
            merge_rows(rows[row.id], row)
        else:
            rows[row.id] = row
    return rows, key_of


# Most specific first: an unnamed plant is known by its company and the narrowest place given.
_PLACE_RANK = {
    Subtype.CITY.value: 0,
    Subtype.DISTRICT.value: 1,
    Subtype.OTHER.value: 2,
    Subtype.REGION.value: 3,
    Subtype.COUNTRY.value: 4,
}
_OWNING = (RelationType.PLANS, RelationType.OPERATES)


def _unnamed_plant_key(
    plant: ExtractedEntity,
    doc: ExtractedDocument,
    key_of: dict[str, str],
    rows: dict[str, EntityRow],
) -> str | None:
    """`plant:<company>@<place>` for a plant whose name the extractor composed or that names no
    plant in particular; None to keep the key of its name.

    Articles describe one project in different words ("car assembly plant", "Montagewerk"), so
    a composed name would split it into several nodes across documents; its company and place
    do not change. A name that stands in the text and says more than a kind of plant ("Rogun
    hydropower plant") is the plant's own and stays its key. A bare kind ("plant", "complex in
    Kyrgyzstan") with no company or place to key it on is this document's own: keyed on its
    name, every article's "plant" would be one node, and linking decides instead.
    """
    generic = not plant_residue(plant.name)
    if plant.name.casefold() in doc.text.casefold() and not generic:
        return None
    owners = sorted(
        key_of[r.source]
        for r in doc.relations
        if r.type in _OWNING and r.target == plant.id and r.source in key_of
    )
    places = [
        key_of[r.target]
        for r in doc.relations
        if r.type is RelationType.LOCATED_IN
        and r.source == plant.id
        and r.target in key_of
        and rows[key_of[r.target]].type == EntityType.LOCATION
    ]
    if not owners or not places:
        if generic:
            return f"plant:{slug(plant.name) or 'plant'}@doc-{document_id(doc.text)[:8]}"
        return None
    place = min(places, key=lambda k: (_PLACE_RANK.get(rows[k].subtype or "", 5), k))
    # the place's name, not its key: a key may be a GeoNames id, and the id should read
    return f"plant:{owners[0].split(':', 1)[1]}@{slug(rows[place].name) or place.split(':', 1)[1]}"


def _rekey_unnamed_plants(
    doc: ExtractedDocument, rows: dict[str, EntityRow], key_of: dict[str, str]
) -> None:
    for plant in doc.entities:
        old = key_of.get(plant.id)
        if plant.type is not EntityType.PLANT or old is None or old not in rows:
            continue
        if plant.name.casefold() not in doc.text.casefold():
            rows[old].name_in_text = False
        new = _unnamed_plant_key(plant, doc, key_of, rows)
        if new is None or new == old:
            continue
        row = rows.pop(old)
        row.id = new
        if new in rows:
            merge_rows(rows[new], row)
        else:
            rows[new] = row
        for entity_id, key in key_of.items():
            if key == old:
                key_of[entity_id] = new


def _relation_fields(rel: ExtractedRelation) -> tuple[float, str]:
    try:
        confidence = float(rel.properties.get("confidence", _DEFAULT_CONFIDENCE))
    except (TypeError, ValueError):
        confidence = _DEFAULT_CONFIDENCE
    confidence = min(1.0, max(0.0, confidence))
    status = ""
    if rel.type is RelationType.VISITED:
        planned = rel.properties.get("status") == FactStatus.PLANNED
        status = FactStatus.PLANNED.value if planned else FactStatus.DONE.value
    return confidence, status


def _resolve_relations(
    extracted: list[ExtractedRelation],
    key_of: dict[str, str],
    entities: dict[str, EntityRow],
    seen: str,
    drops: Counter[str],
) -> dict[str, RelationRow]:
    rows: dict[str, RelationRow] = {}
    for rel in extracted:
        source, target = key_of.get(rel.source), key_of.get(rel.target)
        if source is None or target is None:
            drops[f"{rel.type} refers to an unknown entity"] += 1
            continue
        if source == target:
            drops[f"{rel.type} from an entity to itself"] += 1
            continue
        s_type, t_type = EntityType(entities[source].type), EntityType(entities[target].type)
        if not signature_allows(rel.type, s_type, t_type):
            drops[f"{rel.type} from {s_type} to {t_type} is not in the vocabulary"] += 1
            continue
        if rel.type in SYMMETRIC_RELATIONS:
            source, target = sorted((source, target))
        rid = relation_id(source, rel.type, target)
        confidence, status = _relation_fields(rel)
        sentence = (rel.evidence or "").strip()
        row = rows.get(rid)
        if row is None:
            row = rows[rid] = RelationRow(rid, rel.type, source, target, [], [], [], seen)
        if sentence not in row.sentences:
            row.sentences.append(sentence)
            row.confidences.append(confidence)
            row.statuses.append(status)
        row.title = row.title or _text_prop(rel, "title")
        row.amount = row.amount or _text_prop(rel, "amount")
    return rows


def _text_prop(rel: ExtractedRelation, name: str) -> str | None:
    value = rel.properties.get(name)
    return str(value) if value not in (None, "") else None


def _distinct(items: list[str]) -> list[str]:
    out: list[str] = []
    for item in items:
        item = item.strip()
        if item and item not in out:
            out.append(item)
    return out
