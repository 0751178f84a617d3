"""Loading speed: the same documents into a fresh embedded graph three ways, in one run.

1. the project's writer as `kg ingest` and POST /documents use it (loaders.write: batches of
   documents, one transaction each, linked against the graph and each other in it, one UNWIND
   per statement and label set, with provenance lists, link keys, counts and the search
   index); its table also shows the writer with linking left out;
2. the same statements sent one row per round trip, one transaction per document (linked on
   its own, one read per entity type);
3. raw UNWIND of the same rows with no provenance bookkeeping: documents, entities (MERGEd by
   id), MENTIONS and relations (MERGEd by their ends), 5,000 rows a statement, nothing else.
   What the database itself can take: the ceiling.

The corpus is synthetic FORMAT.md documents drawn from a shared pool of names (people named
like people, so that linking's blocking keys spread as they do in news), so entities and
relations recur across documents the way they do in news. Each way loads the corpus `--rounds`
times into an emptied graph, taking turns, and the medians are shown. Ends with the line
`load: project R rel/s = X.XXx row by row, Y.YY of raw UNWIND`.

    .venv/bin/python bench/bench_load.py [--documents 1000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.harness import embedded_config, embedded_server  # noqa: E402
from graph_schema.counts import CountChanges  # noqa: E402
from graph_schema.graph import Graph, Tx  # noqa: E402
from graph_schema.schema import apply_schema  # noqa: E402
from graph_schema.statement import Statement  # noqa: E402
from graph_schema.statements import counts as cs  # noqa: E402
from graph_schema.statements import writes as w  # noqa: E402
from graph_schema.vocabulary import DOCUMENT_LABEL, ENTITY_LABEL, MENTIONS  # noqa: E402
from loaders.batch import BatchRows, chunks, fold  # noqa: E402
from loaders.linking.graph_index import GraphIndex, linked  # noqa: E402
from loaders.linking.link import link_document  # noqa: E402
from loaders.models import ExtractedDocument  # noqa: E402
from loaders.resolve import GraphDocument, resolve  # noqa: E402
from loaders.write import write_documents, write_rows  # noqa: E402

WIPE = Statement("WIPE", "MATCH (n) DETACH DELETE n", writes=True)
_FIRST = ["Anvar", "Botir", "Dilshod", "Erkin", "Farhod", "Jamshid", "Laziz", "Nodir", "Rustam"]
_STEMS = [
    "Abdu",
    "Bek",
    "Dzhu",
    "Ergash",
    "Hakim",
    "Ismoil",
    "Karim",
    "Mirza",
    "Nazar",
    "Qodir",
    "Rakhim",
    "Sadiq",
    "Tursun",
    "Umar",
    "Yusup",
    "Zokir",
    "Alim",
    "Haydar",
]
_ENDS = ["ov", "bekov", "aliev", "zoda", "jonov", "murodov", "kulov", "nazarov", "toshev"]
PEOPLE = [
    f"{_FIRST[i % len(_FIRST)]} {_STEMS[i % len(_STEMS)]}{_ENDS[i // len(_STEMS) % len(_ENDS)]}"
    for i in range(150)
]
COMPANIES = [f"Company {i} Motors" for i in range(120)]
CITIES = [f"City {i}" for i in range(80)]


def synthetic_document(rng: random.Random, number: int) -> ExtractedDocument:
    person, company, city = rng.choice(PEOPLE), rng.choice(COMPANIES), rng.choice(CITIES)
    sentences = [
        f"{person} visited {company} on day {number}.",
        f"{company} plans a plant in {city}.",
    ]
    entities = [
        {"id": "p", "type": "Person", "subtype": "official", "name": person, "aliases": [person]},
        {
            "id": "c",
            "type": "Organization",
            "subtype": "company",
            "name": company,
            "aliases": [company],
        },
        {"id": "l", "type": "Location", "subtype": "city", "name": city, "aliases": [city]},
        {"id": "t", "type": "Plant", "name": f"{company} plant in {city}", "aliases": ["plant"]},
    ]
    relations = [
        {"type": "VISITED", "source": "p", "target": "c", "evidence": sentences[0]},
        {"type": "PLANS", "source": "c", "target": "t", "evidence": sentences[1]},
        {"type": "LOCATED_IN", "source": "t", "target": "l", "evidence": sentences[1]},
    ]
    for extra in range(rng.randint(2, 8)):  # more people met, as news lists participants
        other = rng.choice(PEOPLE)
        if other != person:
            entities.append(
                {
                    "id": f"x{extra}",
                    "type": "Person",
                    "subtype": "official",
                    "name": other,
                    "aliases": [other],
                }
            )
            relations.append(
                {"type": "MET_WITH", "source": "p", "target": f"x{extra}", "evidence": sentences[0]}
            )
    return ExtractedDocument.model_validate(
        {
            "lang": "en",
            "text": " ".join(sentences),
            "published": f"2024-{1 + number % 12:02}-01",
            "entities": entities,
            "relations": relations,
        }
    )


# -- 1. the project's writer -------------------------------------------------------------------


def project_writer(graph: Graph, docs: list[GraphDocument]) -> None:
    write_documents(graph, docs, prepare=linked)


def writer_without_linking(graph: Graph, docs: list[GraphDocument]) -> None:
    write_documents(graph, docs)


# -- 2. the same statements, one row per round trip ----------------------------------------------


def row_by_row(graph: Graph, docs: list[GraphDocument]) -> None:
    """Each document in its own transaction, each row of each of the writer's statements its
    own request (`write_rows` with one row a request)."""
    for gdoc in docs:

        def work(tx: Tx, gdoc: GraphDocument = gdoc) -> None:
            if tx.run(w.DOCUMENTS_PRESENT, ids=[gdoc.document.id]).records:
                return
            changes = CountChanges()
            rows = fold([link_document(gdoc, GraphIndex.in_transaction(tx))])
            write_rows(tx, rows, changes, max_rows=1)
            for row in changes.rows():
                tx.run(cs.CHANGE_COUNTS, rows=[row])

        graph.write(work, name="row_by_row")


# -- 3. raw UNWIND, no provenance bookkeeping --------------------------------------------------

RAW_DOCUMENTS = Statement(
    "RAW_DOCUMENTS",
    f"UNWIND $rows AS doc CREATE (d:{DOCUMENT_LABEL} {{id: doc.id}}) "
    "SET d.title = doc.title, d.text = doc.text, d.published = doc.published",
    writes=True,
)
RAW_MENTIONS = Statement(
    "RAW_MENTIONS",
    f"UNWIND $rows AS m MATCH (d:{DOCUMENT_LABEL} {{id: m.doc_id}}) "
    f"MATCH (e:{ENTITY_LABEL} {{id: m.entity_id}}) CREATE (d)-[:{MENTIONS}]->(e)",
    writes=True,
)


def _raw_entities(labels: tuple[str, ...]) -> Statement:
    return Statement(
        "RAW_ENTITIES",
        f"UNWIND $rows AS row MERGE (e:{':'.join(labels)} {{id: row.id}}) SET e.name = row.name",
        writes=True,
    )


def _raw_relations(rtype: str) -> Statement:
    return Statement(
        "RAW_RELATIONS",
        f"UNWIND $rows AS row MATCH (a:{ENTITY_LABEL} {{id: row.source}}) "
        f"MATCH (b:{ENTITY_LABEL} {{id: row.target}}) MERGE (a)-[r:{rtype}]->(b) SET r.id = row.id",
        writes=True,
    )


def raw_unwind(graph: Graph, docs: list[GraphDocument]) -> None:
    rows: BatchRows = fold(list({d.document.id: d for d in docs}.values()))
    mentions = [
        {"doc_id": m["doc_id"], "entity_id": u["id"]}
        for u in rows.entity_updates
        for m in u["documents"]
    ]
    work: list[tuple[Statement, list[dict[str, Any]]]] = [(RAW_DOCUMENTS, rows.documents)]
    work += [
        (_raw_entities(labels), [{"id": e["id"], "name": e["name"]} for e in entities])
        for labels, entities in rows.new_entities({}).items()
    ]
    work.append((RAW_MENTIONS, mentions))
    work += [(_raw_relations(t.value), r) for t, r in rows.relations.items()]
    for statement, statement_rows in work:
        for chunk in chunks(statement_rows):
            graph.write(lambda tx, s=statement, c=chunk: tx.run(s, rows=c), name="raw")


# -- the run -----------------------------------------------------------------------------------

Writer = Callable[[Graph, list[GraphDocument]], None]


def timed(graph: Graph, docs: list[GraphDocument], writer: Writer) -> float:
    graph.write(lambda tx: tx.run(WIPE), name="wipe")
    start = time.perf_counter()
    writer(graph, docs)
    return time.perf_counter() - start


def taking_turns(
    graph: Graph, docs: list[GraphDocument], writers: dict[str, Writer], rounds: int
) -> dict[str, float]:
    """Median seconds of each writer, taking turns so that load on the machine hits all."""
    times: dict[str, list[float]] = {name: [] for name in writers}
    order = list(writers)
    for round_ in range(rounds):
        for name in order if round_ % 2 == 0 else reversed(order):
            times[name].append(timed(graph, docs, writers[name]))
            print(f"  round {round_ + 1}: {name:<22} {times[name][-1]:7.2f} s", flush=True)
    return {name: statistics.median(t) for name, t in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3, help="loads per way; medians shown")
    args = parser.parse_args()
    rng = random.Random(7)
    docs = [resolve(synthetic_document(rng, i)) for i in range(args.documents)]
    rows = sum(len(d.entities) + len(d.relations) for d in docs)
    rels = sum(len(d.relations) for d in docs)
    writers: dict[str, Writer] = {
        "project writer": project_writer,
        "project writer, no linking": writer_without_linking,
        "one row per round trip": row_by_row,
        "raw UNWIND": raw_unwind,
    }
    with (
        tempfile.TemporaryDirectory() as tmp,
        embedded_server(embedded_config(Path(tmp))) as server,
        Graph.connect(server.graph_config()) as graph,
    ):
        apply_schema(graph)
        for writer in writers.values():  # warm-up: JIT, pools
            timed(graph, docs[:50], writer)
        seconds = taking_turns(graph, docs, writers, args.rounds)
    print(
        f"\nLoading {len(docs)} documents ({rows} entity and relation rows, {rels} relations)"
        f" into embedded ArcadeDB; median of {args.rounds} loads per way, taking turns\n"
    )
    print(f"| {'way':<34} | {'seconds':>8} | {'docs/s':>8} | {'rels/s':>8} |")
    print(f"|{'-' * 36}|{'-' * 9}:|{'-' * 9}:|{'-' * 9}:|")
    for name, s in seconds.items():
        print(f"| {name:<34} | {s:8.2f} | {len(docs) / s:8.1f} | {rels / s:8.1f} |")
    project = rels / seconds["project writer"]
    by_row = seconds["one row per round trip"] / seconds["project writer"]
    of_raw = seconds["raw UNWIND"] / seconds["project writer"]
    print(
        f"\nload: project {project:.0f} rel/s = {by_row:.2f}x row by row, "
        f"{of_raw:.2f} of raw UNWIND"
    )


if __name__ == "__main__":
    main()
