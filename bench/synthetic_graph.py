"""A large synthetic news graph with the shape of the real one, as resolved documents.

Entity and relation keys, search keys and labels come from the project's own functions
(graph_schema.keys, graph_schema.vocabulary), so the rows are what `loaders.resolve` would make.

Shape, chosen to stress what news graphs stress:
- power-law popularity: every pool is drawn from with Zipf weights, so a few hub countries,
  cities, companies and officials carry thousands of relations (the hub country is the target
  of ~10 % of all place relations), while most entities have one or two;
- a place hierarchy district → city → region → country, plants located in cities;
- provenance lists: each relation is stated by a Pareto-distributed number of sentences
  (most by one, some by hundreds), each in a random document; a document mentions the ends
  of the relations it states, so its entities and relations agree.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate

from graph_schema.keys import entity_key, relation_id, search_keys
from graph_schema.vocabulary import (
    SYMMETRIC_RELATIONS,
    EntityType,
    RelationType,
    Subtype,
    entity_labels,
)
from loaders.models import document_id
from loaders.resolve import DocumentRow, EntityRow, GraphDocument, RelationRow

_ONSETS = (
    "b",
    "d",
    "f",
    "g",
    "h",
    "j",
    "k",
    "l",
    "m",
    "n",
    "p",
    "q",
    "r",
    "s",
    "t",
    "v",
    "z",
    "sh",
    "ch",
    "kh",
    "br",
    "tr",
    "st",
)
_VOWELS = ("a", "e", "i", "o", "u", "ya", "ao", "ei")
_CODAS = ("", "", "n", "r", "s", "t", "nd", "sk", "m", "l", "rsh")
_COMPANY_WORDS = (
    "Motors",
    "Group",
    "Energy",
    "Textile",
    "Holding",
    "Steel",
    "Agro",
    "Pharm",
    "Cement",
    "Chemicals",
    "Logistics",
    "Mining",
)
_PRODUCTS = (
    "cars",
    "cement",
    "cotton yarn",
    "copper wire",
    "fertiliser",
    "solar panels",
    "glass",
    "batteries",
    "tiles",
    "pipes",
)
_FILLER = (
    "the",
    "ministry",
    "said",
    "investment",
    "project",
    "region",
    "agreement",
    "plant",
    "production",
    "export",
    "million",
    "dollars",
    "capacity",
    "jobs",
    "new",
    "signed",
    "government",
    "delegation",
    "cooperation",
    "construction",
    "factory",
    "visit",
    "talks",
    "economy",
    "industry",
    "partner",
    "launch",
    "supply",
    "energy",
    "year",
)
START = date(2019, 1, 1)
DAYS = 6 * 365
UNDATED_SEEN = "2025-07-01"


@dataclass(frozen=True)
class Entity:
    id: str
    type: EntityType
    subtype: Subtype | None
    name: str
    aliases: tuple[str, ...]
    keys: tuple[str, ...]
    geonames_id: int | None = None
    iso: str | None = None


@dataclass
class Hubs:
    """Ids the benchmark asks about: the biggest hubs, and ordinary entities beside them."""

    country: str = ""
    place_root: str = ""  # the country with the most places (and plants) inside it
    region: str = ""
    city: str = ""
    company: str = ""
    official: str = ""
    second_official: str = ""
    typical_person: str = ""
    typical_city: str = ""
    names: dict[str, str] = field(default_factory=dict)


@dataclass
class SyntheticGraph:
    documents: list[GraphDocument]
    hubs: Hubs
    entities: int
    relations: int


class _Pool:
    """Entities of one kind, drawn from with Zipf weights 1/(rank+1)^s (rank 0 is the hub)."""

    def __init__(self, items: list[Entity], s: float) -> None:
        self.items = items
        self.cum = list(accumulate(1.0 / (i + 1) ** s for i in range(len(items))))

    def draw(self, rng: random.Random) -> Entity:
        return rng.choices(self.items, cum_weights=self.cum)[0]


class _Names:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def word(self, syllables: int) -> str:
        rng = self.rng
        return (
            "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables - 1))
            + rng.choice(_ONSETS)
            + rng.choice(_VOWELS)
            + rng.choice(_CODAS)
        )

    def unique(self, words: int = 1, suffix: str = "") -> str:
        while True:
            name = (
                " ".join(self.word(self.rng.randint(2, 3)).capitalize() for _ in range(words))
                + suffix
            )
            if name not in self.used:
                self.used.add(name)
                return name


def _entity(
    etype: EntityType,
    subtype: Subtype | None,
    name: str,
    rng: random.Random,
    *,
    geonames_id: int | None = None,
    iso: str | None = None,
) -> Entity:
    aliases = [name]
    if rng.random() < 0.3:  # another spelling, as transliteration gives (Karshi / Qarshi)
        aliases.append(
            name.replace("k", "q").replace("K", "Q").replace("sh", "sch")
            if "k" in name.lower() or "sh" in name
            else name.upper()
        )
    key = entity_key(etype, name, geonames_id=geonames_id, iso=iso)
    return Entity(
        key,
        etype,
        subtype,
        name,
        tuple(dict.fromkeys(aliases)),
        tuple(search_keys(*aliases)),
        geonames_id,
        iso,
    )


def _make_entities(rng: random.Random, scale: float) -> dict[str, list[Entity]]:
    names = _Names(rng)
    n = {
        k: max(3, int(v * scale))
        for k, v in {
            "country": 60,
            "region": 400,
            "city": 6000,
            "district": 1500,
            "official": 6000,
            "executive": 4000,
            "person": 6000,
            "company": 10000,
            "government": 2500,
            "media": 1000,
            "org": 500,
            "plant": 12000,
        }.items()
    }
    loc, per, org = EntityType.LOCATION, EntityType.PERSON, EntityType.ORGANIZATION
    pools: dict[str, list[Entity]] = defaultdict(list)
    iso_codes = sorted(
        {a + b for a in "abcdefghijklmnopqrstuvwxyz" for b in "abcdefghijklmnopqrstuvwxyz"}
    )
    rng.shuffle(iso_codes)
    for i in range(n["country"]):
        pools["country"].append(
            _entity(loc, Subtype.COUNTRY, names.unique(), rng, iso=iso_codes[i].upper())
        )
    geonames = iter(range(1_000_000, 9_000_000, 7))
    for kind, subtype in (
        ("region", Subtype.REGION),
        ("city", Subtype.CITY),
        ("district", Subtype.DISTRICT),
    ):
        suffix = {"region": " Region", "city": "", "district": " District"}[kind]
        for _ in range(n[kind]):
            pools[kind].append(
                _entity(loc, subtype, names.unique(1, suffix), rng, geonames_id=next(geonames))
            )
    for kind, subtype in (
        ("official", Subtype.OFFICIAL),
        ("executive", Subtype.EXECUTIVE),
        ("person", None),
    ):
        for _ in range(n[kind]):
            pools[kind].append(_entity(per, subtype, names.unique(2), rng))
    for kind, subtype, words in (
        ("company", Subtype.COMPANY, _COMPANY_WORDS),
        ("government", Subtype.GOVERNMENT, ("Ministry", "Agency")),
        ("media", Subtype.MEDIA, ("News", "Daily")),
        ("org", None, ("Foundation", "Association")),
    ):
        for _ in range(n[kind]):
            pools[kind].append(_entity(org, subtype, names.unique(1, f" {rng.choice(words)}"), rng))
    for _ in range(n["plant"]):
        pools["plant"].append(
            _entity(EntityType.PLANT, None, names.unique(1, f" {rng.choice(_PRODUCTS)} plant"), rng)
        )
    return pools


@dataclass
class _Relation:
    type: RelationType
    source: Entity
    target: Entity
    title: str | None = None
    amount: str | None = None


_SENTENCE = {
    RelationType.HOLDS_POSITION: "{s} serves as {title} of {t}",
    RelationType.VISITED: "{s} visited {t}",
    RelationType.MET_WITH: "{s} met {t}",
    RelationType.PLANS: "{s} plans to build the {t}",
    RelationType.OPERATES: "{s} runs the {t}",
    RelationType.LOCATED_IN: "{s} lies in {t}",
    RelationType.BASED_IN: "{s} is based in {t}",
    RelationType.PART_OF: "{s} belongs to {t}",
    RelationType.INVESTS_IN: "{s} invests {amount} in {t}",
    RelationType.ORDERED: "{s} ordered {t} to speed up the work",
}


def _make_relations(
    rng: random.Random, pools: dict[str, list[Entity]], scale: float
) -> list[_Relation]:
    P = {
        k: _Pool(v, s)
        for k, v, s in (
            ("country", pools["country"], 1.3),
            ("region", pools["region"], 1.0),
            ("city", pools["city"], 1.0),
            ("official", pools["official"], 1.0),
            ("executive", pools["executive"], 0.9),
            ("person", pools["person"], 0.8),
            ("company", pools["company"], 1.0),
            ("government", pools["government"], 1.0),
            ("plant", pools["plant"], 0.9),
        )
    }
    places = [*pools["country"], *pools["region"], *pools["city"]]
    places.sort(key=lambda e: (e.subtype != Subtype.COUNTRY, rng.random()))  # countries lead
    P["place"] = _Pool(places, 1.1)
    orgs = [*pools["company"], *pools["government"], *pools["media"], *pools["org"]]
    P["org"] = _Pool(orgs, 1.0)
    people = [*pools["official"], *pools["executive"], *pools["person"]]
    P["people"] = _Pool(people, 1.0)
    rels: dict[str, _Relation] = {}

    def add(rtype: RelationType, a: Entity, b: Entity, **extra: str | None) -> None:
        if a.id == b.id:
            return
        if rtype in SYMMETRIC_RELATIONS and b.id < a.id:
            a, b = b, a
        rels.setdefault(relation_id(a.id, rtype, b.id), _Relation(rtype, a, b, **extra))

    L = RelationType.LOCATED_IN
    for region in pools["region"]:
        add(L, region, P["country"].draw(rng))
    for city in pools["city"]:
        add(L, city, P["region"].draw(rng))
    for district in pools["district"]:
        add(L, district, P["city"].draw(rng))
    for plant in pools["plant"]:
        add(L, plant, P["city"].draw(rng))
        owner = P["company"].draw(rng)
        kind = RelationType.OPERATES if rng.random() < 0.3 else RelationType.PLANS
        add(kind, owner, plant)
        if rng.random() < 0.3:
            add(RelationType.PLANS, P["company"].draw(rng), plant)
    for org in orgs:
        add(
            RelationType.BASED_IN,
            org,
            P["city"].draw(rng) if rng.random() < 0.85 else P["country"].draw(rng),
        )
    for person in pools["official"]:
        add(
            RelationType.HOLDS_POSITION,
            person,
            P["government"].draw(rng) if rng.random() < 0.7 else P["place"].draw(rng),
            title=rng.choice(("minister", "governor", "khokim", "ambassador", "deputy minister")),
        )
    for person in pools["executive"]:
        add(
            RelationType.HOLDS_POSITION,
            person,
            P["company"].draw(rng),
            title=rng.choice(("CEO", "chairman", "director")),
        )
    quotas = {
        RelationType.VISITED: 58_000,
        RelationType.MET_WITH: 55_000,
        RelationType.INVESTS_IN: 15_000,
        RelationType.PART_OF: 5_000,
        RelationType.ORDERED: 10_000,
    }
    for rtype, quota in quotas.items():
        target = len(rels) + int(quota * scale)
        while len(rels) < target:
            if rtype is RelationType.VISITED:
                source = P["people"].draw(rng) if rng.random() < 0.8 else P["org"].draw(rng)
                roll = rng.random()
                host = (
                    P["place"].draw(rng)
                    if roll < 0.5
                    else (P["org"].draw(rng) if roll < 0.8 else P["plant"].draw(rng))
                )
                add(rtype, source, host)
            elif rtype is RelationType.MET_WITH:
                add(
                    rtype,
                    P["people"].draw(rng),
                    P["people"].draw(rng) if rng.random() < 0.8 else P["org"].draw(rng),
                )
            elif rtype is RelationType.INVESTS_IN:
                add(
                    rtype,
                    P["company"].draw(rng) if rng.random() < 0.7 else P["place"].draw(rng),
                    P["plant"].draw(rng) if rng.random() < 0.6 else P["place"].draw(rng),
                    amount=f"${rng.randint(1, 900)} million",
                )
            elif rtype is RelationType.PART_OF:
                add(rtype, P["org"].draw(rng), P["org"].draw(rng))
            else:
                add(
                    rtype,
                    P["official"].draw(rng),
                    P["plant"].draw(rng) if rng.random() < 0.5 else P["org"].draw(rng),
                )
    return list(rels.values())


def _support(rng: random.Random, rel: _Relation, rank: dict[str, int]) -> int:
    """Sentences stating a relation: Pareto, more for relations between popular entities."""
    base = rng.paretovariate(2.5)
    boost = 1.0 + 3.0 / (1 + rank[rel.source.id] + rank[rel.target.id]) ** 0.5
    return max(1, min(400, int(base * boost)))


def build(documents: int = 20_000, seed: int = 11, scale: float = 1.0) -> SyntheticGraph:
    """`documents` documents over ~50k·scale entities and ~200k·scale relations."""
    rng = random.Random(seed)
    pools = _make_entities(rng, scale)
    rank = {e.id: i for pool in pools.values() for i, e in enumerate(pool)}
    relations = _make_relations(rng, pools, scale)
    per_doc: list[list[tuple[_Relation, int]]] = [[] for _ in range(documents)]
    for rel in relations:
        for n in range(_support(rng, rel, rank)):
            per_doc[rng.randrange(documents)].append((rel, n))
    docs = [_document(rng, i, stated) for i, stated in enumerate(per_doc)]
    mentioned = {e.id for d in docs for e in d.entities}
    hubs = _hubs(pools, relations)
    return SyntheticGraph(docs, hubs, len(mentioned), len(relations))


def _hubs(pools: dict[str, list[Entity]], relations: Sequence[_Relation]) -> Hubs:
    degree: dict[str, int] = defaultdict(int)
    for r in relations:
        degree[r.source.id] += 1
        degree[r.target.id] += 1

    def median(pool: list[Entity]) -> Entity:
        ranked = sorted(pool, key=lambda e: (degree[e.id], e.id))
        return ranked[len(ranked) // 2]

    by_degree = {k: max(v, key=lambda e: degree[e.id]) for k, v in pools.items() if v}
    officials = sorted(pools["official"], key=lambda e: -degree[e.id])
    hubs = Hubs(
        country=by_degree["country"].id,
        place_root=pools["country"][0].id,
        region=by_degree["region"].id,
        city=by_degree["city"].id,
        company=by_degree["company"].id,
        official=officials[0].id,
        second_official=officials[1].id,
        typical_person=median(pools["official"]).id,
        typical_city=median(pools["city"]).id,
    )
    everyone = {e.id: e for pool in pools.values() for e in pool}
    hubs.names = {k: everyone[v].name for k, v in vars(hubs).items() if isinstance(v, str)}
    return hubs


def _document(
    rng: random.Random, number: int, stated: list[tuple[_Relation, int]]
) -> GraphDocument:
    undated = rng.random() < 0.03
    published = None if undated else (START + timedelta(days=rng.randrange(DAYS))).isoformat()
    seen = published or UNDATED_SEEN
    lang = rng.choices(("en", "ru", "de"), weights=(6, 3, 1))[0]
    entities: dict[str, EntityRow] = {}
    relations: dict[str, RelationRow] = {}
    sentences = []
    for rel, n in stated:
        text = _SENTENCE[rel.type].format(
            s=rel.source.name, t=rel.target.name, title=rel.title or "", amount=rel.amount or ""
        )
        sentence = f"{text} ({number}.{n})."
        sentences.append(sentence)
        for end in (rel.source, rel.target):
            row = entities.get(end.id)
            if row is None:
                row = entities[end.id] = EntityRow(
                    id=end.id,
                    labels=entity_labels(end.type, end.subtype),
                    type=end.type.value,
                    subtype=end.subtype.value if end.subtype else None,
                    name=end.name,
                    aliases=list(end.aliases),
                    search_keys=list(end.keys),
                    titles=[],
                    mentions=0,
                    seen=seen,
                    geonames_id=end.geonames_id,
                    iso=end.iso,
                )
                if end.type is EntityType.PLANT and rng.random() < 0.5:
                    row.status = rng.choice(("planned", "under_construction", "operating"))
                    row.product = end.name.rsplit(" plant", 1)[0].split(" ", 1)[-1]
            row.mentions += 1
        if rel.type is RelationType.HOLDS_POSITION and rel.title:
            titles = entities[rel.source.id].titles
            if rel.title not in titles:
                titles.append(rel.title)
        rid = relation_id(rel.source.id, rel.type, rel.target.id)
        row_r = relations.get(rid)
        if row_r is None:
            row_r = relations[rid] = RelationRow(
                rid, rel.type, rel.source.id, rel.target.id, [], [], [], seen, rel.title, rel.amount
            )
        row_r.sentences.append(sentence)
        row_r.confidences.append(round(rng.uniform(0.5, 0.95), 2))
        row_r.statuses.append(
            ("planned" if rng.random() < 0.2 else "done")
            if rel.type is RelationType.VISITED
            else ""
        )
    filler = " ".join(rng.choice(_FILLER) for _ in range(rng.randint(120, 220)))
    title = f"News {number}: " + (sentences[0][:60] if sentences else "briefing")
    text = title + "\n\n" + " ".join(sentences) + "\n\n" + filler.capitalize() + "."
    doc = DocumentRow(
        id=document_id(text),
        url=f"https://news.example/{number}",
        title=title,
        published=published,
        lang=lang,
        text=text,
        ingested_at="2025-07-01T00:00:00+00:00",
        seen=seen,
        entity_count=len(entities),
        relation_count=len(relations),
    )
    return GraphDocument(doc, list(entities.values()), list(relations.values()))
