"""Graph data into export formats: GraphML (Gephi, yEd), Cytoscape.js elements, CSV tables.

Pure functions over node and edge dicts (as graph_schema.statements.export projects them).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
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


def to_graphml(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> str:
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ]
    for prefix, scope, keys in (("n", "node", NODE_KEYS), ("e", "edge", EDGE_KEYS)):
        out.extend(
            f'  <key id="{prefix}_{key}" for="{scope}" attr.name="{key}" attr.type="{kind}"/>'
            for key, kind in keys
        )
    out.append('  <graph id="newsgraph" edgedefault="directed">')
    for node in nodes:
        out.append(
            f"    <node id={quoteattr(_text(node['id']))}>"
            f"{_data('n', NODE_KEYS, node_attributes(node))}</node>"
        )
    for edge in edges:
        out.append(
            f"    <edge id={quoteattr(_text(edge['id']))} "
            f"source={quoteattr(_text(edge['source']))} "
            f"target={quoteattr(_text(edge['target']))}>"
            f"{_data('e', EDGE_KEYS, edge_attributes(edge))}</edge>"
        )
    out.extend(["  </graph>", "</graphml>", ""])
    return "\n".join(out)


def to_cytoscape(
    nodes: list[dict[str, Any]], edges: list[dict[str, Any]], truncated: bool
) -> dict[str, Any]:
    """Cytoscape.js elements: `{"elements": {"nodes": [{"data"}], "edges": [{"data"}]}}`."""
    return {
        "elements": {
            "nodes": [{"data": {**node, "label": node.get("name")}} for node in nodes],
            "edges": [
                {
                    "data": {
                        "id": e["id"],
                        "source": e["source"],
                        "target": e["target"],
                        "label": e["type"],
                        "type": e["type"],
                        **(e.get("properties") or {}),
                    }
                }
                for e in edges
            ],
        },
        "truncated": truncated,
    }


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


def nodes_csv(nodes: list[dict[str, Any]]) -> str:
    """Gephi's node table: Id and Label first."""
    rows = []
    for node in nodes:
        attrs = node_attributes(node)
        rows.append([node["id"], attrs.pop("label"), attrs.pop("type"), *attrs.values()])
    return _csv(NODE_COLUMNS, rows)


def edges_csv(edges: list[dict[str, Any]]) -> str:
    """Gephi's edge table: Source and Target; Label is the relation type."""
    rows = []
    for edge in edges:
        props = edge.get("properties") or {}
        rows.append(
            [
                edge["id"],
                edge["source"],
                edge["target"],
                edge["type"],
                *(props.get(c) for c in EDGE_COLUMNS[4:]),
            ]
        )
    return _csv(EDGE_COLUMNS, rows)


def _csv(header: tuple[str, ...], rows: list[list[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([["" if v is None else v for v in row] for row in rows])
    return buffer.getvalue()
