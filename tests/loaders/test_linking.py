"""Linking: when two entities from different documents are one thing. Case tables for the pure
parts (name skeletons, scores), then the whole step against the real graph: one node for one
thing whatever the article's language or whether it was extracted here or elsewhere."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import pytest

from graph_schema.graph import Graph, Tx
from graph_schema.statement import Statement
from graph_schema.vocabulary import EntityType
from loaders.ingest import Article, load_article, prepare_item
from loaders.linking.graph_index import GraphIndex, linked
from loaders.linking.link import link_batch
from loaders.linking.names import core, is_generic, plant_residue, similarity, skeleton
from loaders.linking.places import places_relation
from loaders.linking.products import products_fit
from loaders.linking.profiles import Profile, plant_product, with_keys
from loaders.linking.score import CANDIDATE_AT, MERGE_AT, SPELLED_ALIKE, score
from loaders.models import DocumentMeta, ExtractedDocument
from loaders.resolve import GraphDocument, resolve
from loaders.write import LoadReport, write_documents
from tests.conftest import WIPE
from tests.factories import VISIT_TEXT, visit_document
from tests.loaders.test_batches import snapshot

P, ORG, L, T = EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION, EntityType.PLANT


def profile(kind: EntityType, id_: str, name: str, **context: object) -> Profile:
    forms = frozenset([name, *context.pop("aliases", ())])  # type: ignore[misc]
    fields = {
        k: frozenset(v) if isinstance(v, (set, list, tuple)) else v for k, v in context.items()
    }
    return with_keys(Profile(id=id_, type=kind, subtype=None, name=name, forms=forms, **fields))


# -- spellings of one name -----------------------------------------------------------------------

SAME_SKELETON = [
    ("Mirziyoyev", "Mirziyoev"),
    ("Tokayev", "Tokaev"),
    ("Dschamschid", "Jamshid"),
    ("Khayrullo", "Hajrullo"),
    ("Xayrullo", "Khayrullo"),
    ("Jizzakh", "Djizzakh"),
    ("Джизак", "Dzhizak"),
]


@pytest.mark.parametrize("a, b", SAME_SKELETON)
def test_spellings_of_one_name_share_a_skeleton(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)


@pytest.mark.parametrize("a, b", [("Jizzakh", "Djizzak"), ("Tashkent", "Taschkent")])
def test_spellings_that_differ_in_a_letter_are_alike(a: str, b: str) -> None:
    assert similarity(skeleton(a), skeleton(b)) >= SPELLED_ALIKE


@pytest.mark.parametrize(
    "a, b", [("Soliyev", "Saidov"), ("Wang", "Zhang"), ("Tokayev", "Tokmakov")]
)
def test_other_names_keep_other_skeletons(a: str, b: str) -> None:
    assert skeleton(a) != skeleton(b)


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Uzavtosanoat JSC", "uzavtosanoat"),
        ("АО «Узавтосаноат»", "uzavtosanoat"),
        ("BYD Uzbekistan Factory LLC", "byd uzbekistan"),
        ("Zhongwang Group", "zhongwang"),
        ("Qizilqum Cement", "qizilqum cement"),
        ("ООО «Artel Electronics»", "artel electronics"),
        # a web domain, the kind of media outlet, Turkish legal forms and trade words
        ("turkmenportal.com", "turkmenportal"),
        ("Orda.kz", "orda"),
        ("Kazinform News Agency", "kazinform"),
        ("МИА «Казинформ»", "kazinform"),
        ("Nachrichtenportal Orda", "orda"),
        ("Çalık Enerji Sanayi ve Ticaret A.Ş.", "calik enerji"),
        ("GAP Insaat Yatirim", "gap insaat"),
    ],
)
def test_organisation_names_compare_without_legal_forms(name: str, expected: str) -> None:
    assert core(name) == expected


@pytest.mark.parametrize(
    "form, generic",
    [
        ("the company", True),
        ("das Werk", True),
        ("Präsident", True),
        ("новый завод", True),
        ("Region", True),
        ("компании", True),
        # role nouns articles use for a company or a joint venture, never its aliases
        ("Gemeinschaftsunternehmen", True),
        ("Anlagenbauer", True),
        ("автопроизводителя", True),
        ("агентство", True),
        ("Cabinet of Ministers", True),
        # a German compound of a kind and a company noun names a kind too (it made TALCO and
        # Qarmet one node: "Bergbauunternehmen" stood beside each name); a plant noun's
        # compound says the product, which linking reads
        ("Bergbauunternehmen", True),
        ("Textilhersteller", True),
        ("Zuckerfabrik", False),
        ("Hüttenwerk Qarmet", False),
        ("Kazchrome", False),
        ("Automobilwerk der Marke Exeed", False),
        ("car plant", False),
        ("Karshi", False),
    ],
)
def test_generic_forms_are_told_from_names(form: str, generic: bool) -> None:
    assert is_generic(form) is generic


# -- scores: merged, a candidate for an analyst, or never the same ------------------------------

MERGE, CANDIDATE, APART = "merge", "candidate", "apart"

SCORE_CASES = [
    # people: spellings, initials, surnames alone with and without an office in common
    (
        profile(P, "per:a", "Shavkat Mirziyoev"),
        profile(P, "per:b", "Shavkat Mirziyoyev"),
        MERGE,
    ),
    (profile(P, "per:a", "E. Soliyev"), profile(P, "per:b", "Ergash Soliyev"), MERGE),
    (
        profile(P, "per:a", "Mirziyoyev", seats={"loc:iso-uz"}),
        profile(P, "per:b", "Shavkat Mirziyoyev", seats={"loc:iso-uz"}),
        MERGE,
    ),
    (profile(P, "per:a", "Mirziyoyev"), profile(P, "per:b", "Shavkat Mirziyoyev"), CANDIDATE),
    (profile(P, "per:a", "Pyotr Ivanov"), profile(P, "per:b", "Sergey Ivanov"), APART),
    (profile(P, "per:a", "Vana Chuanfu"), profile(P, "per:b", "Wang Chuanfu"), MERGE),
    # organisations: legal forms, aliases, acronyms, kinds that cannot be one
    (profile(ORG, "org:a", "Uzavtosanoat JSC"), profile(ORG, "org:b", "АО «Узавтосаноат»"), MERGE),
    (
        profile(ORG, "org:a", "UzAuto", aliases=["Uzavtosanoat JSC"]),
        profile(ORG, "org:b", "Uzavtosanoat"),
        MERGE,
    ),
    (
        profile(ORG, "org:a", "BYD Uzbekistan Factory"),
        profile(ORG, "org:b", "BYD Uzbekistan"),
        MERGE,
    ),
    (profile(ORG, "org:a", "BYD"), profile(ORG, "org:b", "BYD Uzbekistan"), APART),
    # organisations across scripts: a Russian article's name transliterated back
    (profile(ORG, "org:a", "Todzhiktsement"), profile(ORG, "org:b", "Tojikcement"), MERGE),
    (profile(ORG, "org:a", "Mersedes Benz"), profile(ORG, "org:b", "Mercedes-Benz"), MERGE),
    (profile(ORG, "org:a", "Qazinform"), profile(ORG, "org:b", "Kazinform"), MERGE),
    (profile(ORG, "org:a", "turkmenportal.com"), profile(ORG, "org:b", "Turkmenportal"), MERGE),
    # a group and one of its companies; two names of one group
    (
        profile(ORG, "org:a", "Mitsubishi Group"),
        profile(ORG, "org:b", "Mitsubishi Corporation"),
        CANDIDATE,
    ),
    (profile(ORG, "org:a", "Çalık Group"), profile(ORG, "org:b", "Çalık Holding"), MERGE),
    # the short form an article uses for a longer name is no sign they are one
    (
        profile(ORG, "org:a", "Samsung Engineering", aliases=["Samsung"]),
        profile(ORG, "org:b", "Samsung"),
        CANDIDATE,
    ),
    (
        profile(ORG, "org:a", "Cabinet of Ministers of Turkmenistan"),
        profile(ORG, "org:b", "Cabinet of Ministers of Kyrgyzstan"),
        APART,
    ),
    # a name's first word and the rest as its acronym, written or spelled out
    (
        profile(ORG, "org:a", "Almalyk MMC"),
        profile(ORG, "org:b", "Almalyk Mining and Metallurgical Combine"),
        MERGE,
    ),
    (
        profile(ORG, "org:a", "Navoi Mining and Metallurgical Company"),
        profile(ORG, "org:b", "Navoi MMC"),
        MERGE,
    ),
    (profile(ORG, "org:a", "Navoi MMC"), profile(ORG, "org:b", "Almalyk MMC"), APART),
    (
        profile(ORG, "org:a", "NFC Kazakhstan LLP"),
        profile(ORG, "org:b", "NFC Kazakhstan Logistics Partners"),
        APART,
    ),
    # places without a gazetteer id, in two scripts
    (profile(L, "loc:a", "Jerui deposit"), profile(L, "loc:b", "Джеруй"), MERGE),
    (
        profile(ORG, "org:a", "ADM", places={"loc:iso-uz"}),
        profile(ORG, "org:b", "Asia Development Motors", places={"loc:iso-uz"}),
        MERGE,
    ),
    # plants: company, place (a city inside its region), product
    (
        profile(
            T,
            "plant:a",
            "BYD car plant in Jizzakh",
            owners={"org:byd"},
            places={"loc:gn-1513886"},
            product="electric cars",
            named=False,
        ),
        profile(
            T,
            "plant:b",
            "BYD plant in Jizzakh region",
            owners={"org:byd"},
            places={"loc:iso-uz-ji"},
            product="автомобили",
            named=False,
        ),
        MERGE,
    ),
    (
        profile(
            T,
            "plant:a",
            "Knauf plant in Fergana",
            owners={"org:knauf"},
            places={"loc:gn-1514019"},
            product="gypsum board",
        ),
        profile(
            T,
            "plant:b",
            "Knauf plant in Bukhara",
            owners={"org:knauf"},
            places={"loc:gn-1217662"},
            product="gypsum",
        ),
        APART,
    ),
    (
        profile(
            T,
            "plant:a",
            "Akfa cement plant",
            owners={"org:akfa"},
            places={"loc:gn-1513886"},
            product="cement",
        ),
        profile(
            T,
            "plant:b",
            "Akfa glass plant",
            owners={"org:akfa"},
            places={"loc:gn-1513886"},
            product="flat glass",
        ),
        APART,
    ),
    (
        profile(
            T,
            "plant:a",
            "new cement plant in Jizzakh",
            places={"loc:gn-1513886"},
            product="cement",
            named=False,
        ),
        profile(
            T,
            "plant:b",
            "Huaxin cement plant in Jizzakh",
            owners={"org:huaxin"},
            places={"loc:gn-1513886"},
            product="Zement",
            named=False,
        ),
        CANDIDATE,
    ),
    # a wind farm and a solar park of one company in one country are two plants
    (
        profile(
            T,
            "plant:a",
            "Zarafshan wind farm",
            owners={"org:masdar"},
            places={"loc:iso-uz"},
            product="electricity (wind)",
        ),
        profile(
            T,
            "plant:b",
            "Masdar solar park",
            owners={"org:masdar"},
            places={"loc:iso-uz-qa"},
            product="Solarstrom",
        ),
        APART,
    ),
    # one name that names a plant in particular, whoever the articles say builds it
    (
        profile(
            T,
            "plant:a",
            "Talas gold mining combine at Jerooy",
            owners={"org:alliance-group"},
            places={"loc:jerooy-deposit"},
            product="gold",
            named=False,
        ),
        profile(
            T,
            "plant:b",
            "Talas gold mining combine at Jerooy",
            owners={"org:government-of-the-soviet-union"},
            places={"loc:jerooy-deposit"},
            product="золото",
            named=False,
        ),
        MERGE,
    ),
    (
        profile(T, "plant:a", "Rogun hydropower plant", product="electricity (hydropower)"),
        profile(
            T,
            "plant:b",
            "Rogun hydropower plant",
            owners={"org:salini-impregilo"},
            places={"loc:vakhsh-river"},
            product="Wasserkraft",
        ),
        MERGE,
    ),
    # one site and product, two companies: one district's cement plant told of by its builder
    # in one article and its owner in another (on the news gold, such pairs were one plant:
    # Garabogaz, Turkmenbashi, Kyzylorda, Koytendag)
    (
        profile(
            T,
            "plant:a",
            "cement plant in Kemin district",
            owners={"org:a"},
            places={"loc:kemin-district"},
            product="cement",
        ),
        profile(
            T,
            "plant:b",
            "cement plant in Kemin district",
            owners={"org:b"},
            places={"loc:kemin-district"},
            product="cement",
        ),
        MERGE,
    ),
    # ... but a region holds many: two companies' cement plants of one region stay a candidate
    (
        profile(
            T,
            "plant:a",
            "cement plant in Chuy region",
            owners={"org:a"},
            places={"loc:iso-kg-c"},
            product="cement",
        ),
        profile(
            T,
            "plant:b",
            "cement plant in Chuy region",
            owners={"org:b"},
            places={"loc:iso-kg-c"},
            product="cement",
        ),
        CANDIDATE,
    ),
    # a district the gazetteer does not know, against the region the document puts it in
    (
        profile(
            T,
            "plant:a",
            "432 MW gas turbine power plant in Charjew district",
            owners={"org:mitsubishi-power"},
            places={"loc:charjew-district"},
            product="electricity",
        ),
        profile(
            T,
            "plant:b",
            "432 MW gas turbine power plant at the Lebap State Power Plant",
            owners={"org:mitsubishi-power"},
            places={"loc:iso-tm-l"},
            product="electricity",
        ),
        MERGE,
    ),
    # an unknown district of a country against a city of it: nothing known, no merge
    (
        profile(
            T,
            "plant:a",
            "Turkmenhimiya urea complex in Turkmenbashi district",
            owners={"org:gap-insaat", "org:turkmenhimiya"},
            places={"loc:turkmenbashi-district", "loc:gn-1218197"},
            product="urea",
            named=False,
        ),
        profile(
            T,
            "plant:b",
            "Garabogaz fertilizer plant",
            owners={"org:gap-insaat"},
            places={"loc:gn-601758"},
            product="ammonia and urea",
            named=False,
        ),
        CANDIDATE,
    ),
    # two cities apart, each plant said to be in the country as well
    (
        profile(
            T,
            "plant:a",
            "Knauf plant in Fergana",
            owners={"org:knauf"},
            places={"loc:gn-1514019", "loc:iso-uz"},
            product="gypsum board",
        ),
        profile(
            T,
            "plant:b",
            "Knauf plant in Bukhara",
            owners={"org:knauf"},
            places={"loc:gn-1217662", "loc:iso-uz"},
            product="gypsum",
        ),
        APART,
    ),
]


@pytest.mark.parametrize("incoming, known, expected", SCORE_CASES)
def test_scores_decide_merge_candidate_or_apart(
    incoming: Profile, known: Profile, expected: str
) -> None:
    match = score(incoming, known)
    got = (
        APART
        if match is None or match.score < CANDIDATE_AT
        else MERGE
        if match.score >= MERGE_AT
        else CANDIDATE
    )
    assert got == expected, match
    if match is not None:
        assert match.reason


def test_blocking_keys_bring_namesakes_together() -> None:
    a = profile(P, "per:a", "Ergash Soliyev")
    b = profile(P, "per:b", "E. Soliev")
    assert a.keys & b.keys
    x = profile(ORG, "org:x", "Uzavtosanoat JSC")
    y = profile(ORG, "org:y", "АО «Узавтосаноат»")
    assert x.keys & y.keys
    m = profile(ORG, "org:m", "Almalyk MMC")
    n = profile(ORG, "org:n", "Almalyk Mining and Metallurgical Complex")
    assert m.keys & n.keys


@pytest.mark.parametrize(
    "name, residue",
    [
        ("Rogun hydropower plant", "rogun"),
        ("Talas gold mining combine at Jerooy", "talas"),
        ("Garabogaz fertilizer plant", "garabogaz"),
        ("Garabogaz carbamide complex", "garabogaz"),
        ("Khan Tengri Biopharma pharmaceutical plant in the Alatau SEZ", "khan tengri biopharma"),
        # a kind of plant, its product and where it is name no plant in particular
        ("plant", ""),
        ("complex in Kyrgyzstan", ""),
        ("largest gold plant in Central Asia", ""),
        ("Glass production workshop in Gokdepe district", ""),
        ("завод в Джизаке", ""),
    ],
)
def test_what_a_plant_name_says_beyond_kind_product_and_place(name: str, residue: str) -> None:
    assert plant_residue(name) == residue


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ({"loc:gn-1513886"}, {"loc:iso-uz-ji"}, "inside"),  # Jizzakh in Jizzakh region
        ({"loc:gn-1514019", "loc:iso-uz"}, {"loc:gn-1514019"}, "same"),
        ({"loc:gn-1514019", "loc:iso-uz"}, {"loc:gn-1217662", "loc:iso-uz"}, None),
        # a district the gazetteer cannot place, and the region the document puts it in
        ({"loc:gokdepe-district", "loc:iso-tm-a"}, {"loc:iso-tm-a"}, "inside"),
        ({"loc:charjew-district"}, {"loc:iso-tm-l"}, "unknown"),
        ({"loc:turkmenbashi-district", "loc:gn-1218197"}, {"loc:gn-601758"}, "unknown"),
        # ... but what the gazetteer can place still contradicts: Balkan region against Jizzakh
        ({"loc:x-district", "loc:iso-tm-b"}, {"loc:y-district", "loc:iso-uz-ji"}, None),
        (set(), {"loc:iso-uz"}, "unknown"),
    ],
)
def test_where_two_plants_are(a: set[str], b: set[str], expected: str | None) -> None:
    assert places_relation(frozenset(a), frozenset(b)) == expected


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("electricity (wind)", "Windstrom", True),
        ("electricity (wind)", "solar power", None),  # two narrower kinds of one broader
        ("electricity", "wind", True),  # the broader kind fits each narrower one
        ("Wasserkraft", "гидроэлектроэнергия", True),
        ("cement", "flat glass", None),
        ("cement", None, False),
        # products the table once had no kind for: they said nothing for or against
        ("conveyor belts, agricultural and car tyres", "шины", True),
        ("Mercedes-Benz coaches and midi buses", "Busse", True),
        # food, chemicals, textiles and building materials are each several kinds of plant
        ("dairy products", "sausage products", None),
        ("Milchprodukte", "food", True),
        ("technical iodine", "urea", None),
        ("chemical products", "urea", True),
        ("ceramic tiles and sanitary ware", "cement", None),
        ("building materials", "цемент", True),
        ("school uniforms", "cotton yarn", None),
    ],
)
def test_kinds_of_product(a: str, b: str | None, expected: bool | None) -> None:
    assert products_fit(a, b) is expected


def test_a_plant_named_by_its_kind_alone_is_its_document_s_own() -> None:
    """Two articles' "plant" (no company or place said) are not one node by key; linking
    decides, and there is nothing to link them on."""
    ids = []
    for text in ("The plant will open in May.", "Officials say the plant is ready."):
        doc = ExtractedDocument(
            text=text,
            lang="en",
            entities=[{"id": "e1", "type": "Plant", "name": "plant", "aliases": ["plant"]}],
            relations=[],
        )
        ids.append(resolve(doc).entities[0].id)
    assert ids[0] != ids[1]
    assert all(i.startswith("plant:plant@doc-") for i in ids)


# -- the whole step on the real graph ------------------------------------------------------------

ENTITY = Statement(
    "ENTITY_BY_ID",
    "MATCH (e:Entity {id: $id}) RETURN e.id AS id, e.aliases AS aliases, e.doc_count AS docs",
)
PLANTS = Statement("PLANTS", "MATCH (p:Plant) RETURN p.id AS id, p.doc_count AS docs")
PERSONS = Statement("PERSONS", "MATCH (p:Person) RETURN p.id AS id, p.name AS name")

ENGLISH = (
    "Chinese carmaker BYD will build a new electric car plant in the city of Jizzakh, "
    "Uzbekistan. The Hokim of Jizzakh region Ergash Soliyev visited the construction site."
)
RUSSIAN_GOLD = {
    "lang": "ru",
    "text": "Хоким Джизакской области Эргаш Салиев посетил завод компании BYD в Джизаке. "
    "Завод будет выпускать электромобили.",
    "entities": [
        {
            "id": "e1",
            "type": "Person",
            "subtype": "official",
            "name": "Ergash Saliev",
            "aliases": ["Эргаш Салиев"],
            "properties": {"title": "Hokim of Jizzakh region"},
        },
        {
            "id": "e2",
            "type": "Location",
            "subtype": "region",
            "name": "Jizzakh region",
            "aliases": ["Джизакской области"],
        },
        {
            "id": "e3",
            "type": "Organization",
            "subtype": "company",
            "name": "BYD",
            "aliases": ["BYD", "компании"],
        },
        {
            "id": "e4",
            "type": "Location",
            "subtype": "city",
            "name": "Jizzakh",
            "aliases": ["Джизаке"],
        },
        {
            "id": "e5",
            "type": "Plant",
            "name": "BYD electric car plant in Jizzakh",
            "aliases": ["завод", "Завод"],
            "properties": {"product": "электромобили"},
        },
    ],
    "relations": [
        {"type": "HOLDS_POSITION", "source": "e1", "target": "e2"},
        {"type": "VISITED", "source": "e1", "target": "e5"},
        {"type": "OPERATES", "source": "e3", "target": "e5"},
        {"type": "LOCATED_IN", "source": "e5", "target": "e4"},
    ],
}


def test_an_extracted_article_and_a_pre_extracted_one_in_another_language_meet(
    empty_graph: Graph,
) -> None:
    load_article(empty_graph, Article("en", text=ENGLISH, meta=DocumentMeta(lang="en")))
    load_article(empty_graph, Article("ru", extracted=ExtractedDocument(**RUSSIAN_GOLD)))
    # the city of the English article (GeoNames, through the extractor) and the Russian one's
    # "Джизаке" (a gold file with no id: through the gazetteer at load time) are one node
    jizzakh = empty_graph.read(ENTITY, {"id": "loc:gn-1513886"})
    assert jizzakh and jizzakh[0]["docs"] == 2
    byd = empty_graph.read(ENTITY, {"id": "org:byd"})
    assert byd and byd[0]["docs"] == 2
    assert "компании" not in byd[0]["aliases"]  # a role noun is a mention, never an alias
    plants = empty_graph.read(PLANTS)
    assert len(plants) == 1 and plants[0]["docs"] == 2, plants
    persons = empty_graph.read(PERSONS)
    assert len(persons) == 1, persons  # Soliyev and Saliev, with the same office


def _unowned_plant(text: str, lang: str, plant: str, district: str) -> ExtractedDocument:
    # the district under one name in both languages, so that only the product is in question

    """An article of a plant no company is named for, its product said only in its words."""
    return ExtractedDocument(
        text=text,
        lang=lang,
        entities=[
            {"id": "e1", "type": "Plant", "name": "cement plant in Kemin", "aliases": [plant]},
            {
                "id": "e2",
                "type": "Location",
                "subtype": "district",
                "name": "Kemin district",
                "aliases": [district],
            },
        ],
        relations=[{"type": "LOCATED_IN", "source": "e1", "target": "e2"}],
    )


def test_two_articles_of_an_unowned_plant_meet_on_the_product_its_name_says(
    empty_graph: Graph,
) -> None:
    """Neither article states a product: "cement" in the plant's words is one, and with the
    place and the description the two articles' plants are one node (Kemin, en and ru)."""
    english = _unowned_plant(
        "Japarov visited the cement plant in Kemin district.",
        "en",
        "cement plant",
        "Kemin district",
    )
    russian = _unowned_plant(
        "Жапаров посетил цементный завод в Кеминском районе.",
        "ru",
        "цементный завод",
        "Кеминском районе",
    )
    for doc in (english, russian):
        load_article(empty_graph, Article(doc.lang, extracted=doc))
    plants = empty_graph.read(PLANTS)
    assert len(plants) == 1 and plants[0]["docs"] == 2, plants


def _plant_article(
    text: str, companies: Sequence[str], plant: str, place: str | None, product: str | None = None
) -> ExtractedDocument:
    """An English article of one plant: its companies (each OPERATES it), its place if said."""
    entities: list[dict[str, Any]] = [
        {"id": "p", "type": "Plant", "name": plant, "aliases": [plant]}
        | ({"properties": {"product": product}} if product else {})
    ]
    relations: list[dict[str, Any]] = []
    for i, company in enumerate(companies):
        entities.append(
            {"id": f"o{i}", "type": "Organization", "subtype": "company", "name": company}
        )
        relations.append({"type": "OPERATES", "source": f"o{i}", "target": "p"})
    if place:
        entities.append({"id": "l", "type": "Location", "subtype": "city", "name": place})
        relations.append({"type": "LOCATED_IN", "source": "p", "target": "l"})
    return ExtractedDocument(text=text, lang="en", entities=entities, relations=relations)


def _load(graph: Graph, *docs: ExtractedDocument) -> list[dict[str, Any]]:
    for doc in docs:
        load_article(graph, Article("en", extracted=doc))
    return graph.read(PLANTS)


def test_a_company_s_plant_told_without_a_place_is_its_plant_the_graph_knows(
    empty_graph: Graph,
) -> None:
    """ "The Qarmet smelter" (no place) and Qarmet's steel plant in Temirtau: the graph knows
    no other plant of Qarmet, and nothing either article says stands against it."""
    plants = _load(
        empty_graph,
        _plant_article(
            "Qarmet plans to modernise the Qarmet smelter.", ["Qarmet"], "Qarmet smelter", None
        ),
        _plant_article(
            "Qarmet runs the steel plant in Temirtau.",
            ["Qarmet"],
            "steel plant in Temirtau",
            "Temirtau",
        ),
    )
    assert len(plants) == 1 and plants[0]["docs"] == 2, plants


def test_a_placeless_plant_of_a_company_with_two_plants_stays_apart(empty_graph: Graph) -> None:
    """Navoiazot's ammonia plant in Navoi and its PVC plant in Chirchiq: a third article's
    "Navoiazot plant" with no place or product could be either, so it is neither."""
    plants = _load(
        empty_graph,
        _plant_article(
            "Navoiazot runs an ammonia plant in Navoi.",
            ["Navoiazot"],
            "ammonia plant in Navoi",
            "Navoi",
            "ammonia",
        ),
        _plant_article(
            "Navoiazot runs a PVC plant in Chirchiq.",
            ["Navoiazot"],
            "PVC plant in Chirchiq",
            "Chirchiq",
            "PVC",
        ),
        _plant_article(
            "Navoiazot will expand the Navoiazot plant.", ["Navoiazot"], "Navoiazot plant", None
        ),
    )
    assert len(plants) == 3, plants


def test_a_builder_beside_the_owner_links_no_placeless_plant(empty_graph: Graph) -> None:
    """A builder and a holding have many plants: a plant told with two companies is no
    company's only plant."""
    plants = _load(
        empty_graph,
        _plant_article(
            "Mitsubishi and GAP built the urea plant in Garabogaz.",
            ["Mitsubishi", "GAP"],
            "urea plant in Garabogaz",
            "Garabogaz",
            "urea",
        ),
        _plant_article(
            "Mitsubishi and GAP will build a new plant.", ["Mitsubishi", "GAP"], "new plant", None
        ),
    )
    assert len(plants) == 2, plants


def test_an_unowned_plant_at_the_town_of_the_one_plant_of_its_product_is_that_plant(
    empty_graph: Graph,
) -> None:
    """ "The carbamide workshop in Garabogaz" (no company) and GAP's urea plant there: one
    plant of that kind of product is known at the town."""
    plants = _load(
        empty_graph,
        _plant_article(
            "GAP built the urea plant in Garabogaz.",
            ["GAP"],
            "urea plant in Garabogaz",
            "Garabogaz",
            "urea",
        ),
        _plant_article(
            "The carbamide workshop in Garabogaz opened.",
            [],
            "workshop in Garabogaz",
            "Garabogaz",
            "carbamide",
        ),
    )
    assert len(plants) == 1 and plants[0]["docs"] == 2, plants


@pytest.mark.parametrize(
    "product, name, aliases, expected",
    [
        ("gold", "Jerooy combine", (), "gold"),  # a stated product is the product
        (None, "cement plant in Kemin", (), "cement plant in Kemin"),
        (None, "plant in Kemin", ("цементный завод",), "цементный завод"),
        (None, "plant in Kemin", ("завод",), None),  # nothing says what it makes
    ],
)
def test_a_plant_s_product_is_the_stated_one_else_what_its_words_say(
    product: str | None, name: str, aliases: tuple[str, ...], expected: str | None
) -> None:
    assert plant_product(product, name, aliases) == expected


def _prepared(article: Article) -> GraphDocument:
    result = prepare_item(article).result
    assert isinstance(result, GraphDocument), result
    return result


def test_documents_of_one_batch_meet_as_they_do_one_after_another(empty_graph: Graph) -> None:
    english = _prepared(Article("en", text=ENGLISH, meta=DocumentMeta(lang="en")))
    russian = _prepared(Article("ru", extracted=ExtractedDocument(**RUSSIAN_GOLD)))
    for doc in (english, russian):
        write_documents(empty_graph, [doc], prepare=linked)
    one_by_one = snapshot(empty_graph)
    empty_graph.write(lambda tx: tx.run(WIPE), name="wipe")
    # one batch, one transaction: the Russian article meets what the English one brings
    # although none of it is in the graph yet
    results = write_documents(empty_graph, [english, russian], prepare=linked)
    assert [r.status for r in results if isinstance(r, LoadReport)] == ["loaded", "loaded"]
    assert snapshot(empty_graph) == one_by_one
    plants = empty_graph.read(PLANTS)
    assert len(plants) == 1 and plants[0]["docs"] == 2, plants
    assert len(empty_graph.read(PERSONS)) == 1


def test_a_batch_asks_the_graph_once_per_entity_type(empty_graph: Graph) -> None:
    english = _prepared(Article("en", text=ENGLISH, meta=DocumentMeta(lang="en")))
    russian = _prepared(Article("ru", extracted=ExtractedDocument(**RUSSIAN_GOLD)))
    write_documents(empty_graph, [english], prepare=linked)
    batch = [russian, *(resolve(visit_document(VISIT_TEXT + f" Satz {i}.")) for i in range(5))]
    reads: Counter[str] = Counter()

    def counting(tx: Tx, docs: Sequence[GraphDocument]) -> list[GraphDocument]:
        index = GraphIndex.in_transaction(tx)

        def read(statement: Statement, params: dict[str, Any]) -> list[dict[str, Any]]:
            reads[statement.name] += 1
            return index.read(statement, params)

        return link_batch(list(docs), GraphIndex(read))

    results = write_documents(empty_graph, batch, prepare=counting)
    assert all(isinstance(r, LoadReport) and r.status == "loaded" for r in results)
    assert reads["LINK_SPLIT_RULES"] == reads["LINK_REDIRECTS"] == reads["LINK_EXISTING"] == 1
    assert 1 <= reads["LINK_PROFILES_BY_KEYS"] <= len(EntityType)
