"""Graph data into export formats: GraphML (Gephi, yEd), Cytoscape.js elements, CSV tables.

Pure functions over node and edge dicts (as graph_schema.statements.export projects them).
Each format is written as a stream of text pieces from iterables of nodes and edges, so a
whole-graph export goes to the client as it is read, never held whole in memory.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any
from xml.sax.saxutils import escape, quoteattr

# (key, GraphML type) per attribute; node `label` is the name, edge `label` the relation type,
# which is what Gephi and yEd show by default.
NODE_KEYS = (
    ("label", "string"),
    ("type", "string"),
    ("subtype", "string"),
    ("labels", "string"),
    ("aliases", "string"),
    ("mention_count", "int"),
    ("doc_count", "int"),
    ("first_seen", "string"),
    ("last_seen", "string"),
    ("geonames_id", "long"),
    ("iso", "string"),
)
EDGE_KEYS = (
    ("label", "string"),
    ("doc_count", "int"),
    ("confidence", "double"),
    ("status", "string"),
    ("first_seen", "string"),
    ("last_seen", "string"),
    ("title", "string"),
    ("amount", "string"),
)

# XML 1.0 forbids most control characters; a stray one would make Gephi refuse the file.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def node_attributes(node: dict[str, Any]) -> dict[str, Any]:
    return {
        "label": node.get("name"),
        "type": node.get("type"),
        "subtype": node.get("subtype"),
        "labels": ";".join(node.get("labels") or []),
        "aliases": "; ".join(node.get("aliases") or []),
        "mention_count": node.get("mention_count"),
        "doc_count": node.get("doc_count"),
        "first_seen": node.get("first_seen"),
        "last_seen": node.get("last_seen"),
        "geonames_id": node.get("geonames_id"),
        "iso": node.get("iso"),
    }


def edge_attributes(edge: dict[str, Any]) -> dict[str, Any]:
    return {"label": edge["type"], **(edge.get("properties") or {})}


def _text(value: Any) -> str:
    return _XML_ILLEGAL.sub("", str(value))


def _data(prefix: str, keys: Iterable[tuple[str, str]], attrs: dict[str, Any]) -> str:
    return "".join(
        f'<data key="{prefix}_{key}">{escape(_text(attrs[key]))}</data>'
        for key, _ in keys
        if attrs.get(key) not in (None, "")
    )


def graphml(nodes: Iterable[dict[str, Any]], edges: Iterable[dict[str, Any]]) -> Iterator[str]:
    """A GraphML document, line by line."""
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield (
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
    )
    for prefix, scope, keys in (("n", "node", NODE_KEYS), ("e", "edge", EDGE_KEYS)):
        for key, kind in keys:
            yield (
                f'  <key id="{prefix}_{key}" for="{scope}" attr.name="{key}" attr.type="{kind}"/>\n'
            )
    yield '  <graph id="newsgraph" edgedefault="directed">\n'
    for node in nodes:
        yield (
            f"    <node id={quoteattr(_text(node['id']))}>"
            f"{_data('n', NODE_KEYS, node_attributes(node))}</node>\n"
        )
    for edge in edges:
        yield (
            f"    <edge id={quoteattr(_text(edge['id']))} "
            f"source={quoteattr(_text(edge['source']))} "
            f"target={quoteattr(_text(edge['target']))}>"
            f"{_data('e', EDGE_KEYS, edge_attributes(edge))}</edge>\n"
        )
    yield "  </graph>\n</graphml>\n"


def node_element(node: dict[str, Any]) -> dict[str, Any]:
    return {"data": {**node, "label": node.get("name")}}


def edge_element(e: dict[str, Any]) -> dict[str, Any]:
    return {
        "data": {
            "id": e["id"],
            "source": e["source"],
            "target": e["target"],
            "label": e["type"],
            "type": e["type"],
            **(e.get("properties") or {}),
        }
    }


def to_cytoscape(
    nodes: list[dict[str, Any]], edges: list[dict[str, Any]], truncated: bool
) -> dict[str, Any]:
    """Cytoscape.js elements: `{"elements": {"nodes": [{"data"}], "edges": [{"data"}]}}`."""
    return {
        "elements": {
            "nodes": [node_element(n) for n in nodes],
            "edges": [edge_element(e) for e in edges],
        },
        "truncated": truncated,
    }


def cytoscape(
    nodes: Iterable[dict[str, Any]],
    edges: Iterable[dict[str, Any]],
    truncated: bool,
    extra: dict[str, Any] | None = None,
) -> Iterator[str]:
    """What `to_cytoscape` makes (with `extra`'s keys besides), as JSON text written element
    by element."""
    yield '{"elements": {"nodes": ['
    for i, node in enumerate(nodes):
        yield ("," if i else "") + json.dumps(node_element(node), ensure_ascii=False)
    yield '], "edges": ['
    for i, edge in enumerate(edges):
        yield ("," if i else "") + json.dumps(edge_element(edge), ensure_ascii=False)
    yield ']}, "truncated": ' + json.dumps(truncated)
    for key, value in (extra or {}).items():
        yield f", {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}"
    yield "}"


NODE_COLUMNS = (
    "Id",
    "Label",
    "entity_type",
    "subtype",
    "labels",
    "aliases",
    "mention_count",
    "doc_count",
    "first_seen",
    "last_seen",
    "geonames_id",
    "iso",
)
EDGE_COLUMNS = (
    "Id",
    "Source",
    "Target",
    "Label",
    "doc_count",
    "confidence",
    "status",
    "first_seen",
    "last_seen",
    "title",
    "amount",
)


def nodes_csv(nodes: Iterable[dict[str, Any]]) -> Iterator[str]:
    """Gephi's node table: Id and Label first."""

    def row(node: dict[str, Any]) -> list[Any]:
        attrs = node_attributes(node)
        return [node["id"], attrs.pop("label"), attrs.pop("type"), *attrs.values()]

    return _csv(NODE_COLUMNS, map(row, nodes))


def edges_csv(edges: Iterable[dict[str, Any]]) -> Iterator[str]:
    """Gephi's edge table: Source and Target; Label is the relation type."""

    def row(edge: dict[str, Any]) -> list[Any]:
        props = edge.get("properties") or {}
        return [
            edge["id"],
            edge["source"],
            edge["target"],
            edge["type"],
            *(props.get(c) for c in EDGE_COLUMNS[4:]),
        ]

    return _csv(EDGE_COLUMNS, map(row, edges))


def _csv(header: tuple[str, ...], rows: Iterable[list[Any]]) -> Iterator[str]:
    """The table line by line (csv quoting, '' for nothing)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")

    def line(cells: Iterable[Any]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(cells)
        return buffer.getvalue()

    yield line(header)
    for row in rows:
        yield line("" if v is None else v for v in row)


def chunked(pieces: Iterable[str], size: int = 64 * 1024) -> Iterator[bytes]:
    """Pieces of text joined into UTF-8 chunks of about `size` bytes: one send per chunk
    rather than per line."""
    batch: list[str] = []
    length = 0
    for piece in pieces:
        batch.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(batch).encode("utf-8", "surrogatepass")
            batch, length = [], 0
    if batch:
        yield "".join(batch).encode("utf-8", "surrogatepass")
