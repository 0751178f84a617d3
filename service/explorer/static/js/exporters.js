// Taking the view away: a PNG of the canvas, and the visible graph as GraphML (opens in Gephi
// and yEd) or JSON. Everything is produced in the browser from what is drawn.

import { download } from "./dom.js";
import { category } from "./styles.js";

const STAMP = () => new Date().toISOString().slice(0, 19).replaceAll(":", "-");

/** The canvas on a white background (the canvas itself is transparent). */
export function exportPng(canvas) {
  const out = document.createElement("canvas");
  out.width = canvas.width;
  out.height = canvas.height;
  const ctx = out.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(canvas, 0, 0);
  return new Promise((resolve, reject) => {
    out.toBlob((blob) => {
      if (!blob) {
        reject(new Error("the browser could not encode the image"));
        return;
      }
      download(`newsgraph-${STAMP()}.png`, blob);
      resolve();
    }, "image/png");
  });
}

// GraphML attribute keys: what Gephi and yEd show as node and edge columns.
const NODE_KEYS = [
  ["name", "string", (n) => n.name],
  ["type", "string", (n) => n.type],
  ["subtype", "string", (n) => n.subtype ?? ""],
  ["category", "string", (n) => category(n.category).label],
  ["aliases", "string", (n) => (n.aliases ?? []).join("; ")],
  ["x", "double", (n) => n.x],
  ["y", "double", (n) => n.y],
];
const EDGE_KEYS = [
  ["relation", "string", (e) => e.type],
  ["doc_count", "int", (e) => e.properties?.doc_count ?? 0],
  ["confidence", "double", (e) => e.properties?.confidence],
  ["status", "string", (e) => e.properties?.status],
  ["first_seen", "string", (e) => e.properties?.first_seen],
  ["last_seen", "string", (e) => e.properties?.last_seen],
  ["title", "string", (e) => e.properties?.title],
  ["amount", "string", (e) => e.properties?.amount],
];

/** GraphML 1.0 text of {nodes, edges}. Edge labels carry the relation type for yEd. */
export function toGraphml(graph) {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [name, type] of NODE_KEYS) lines.push(`  <key id="n_${name}" for="node" attr.name="${name}" attr.type="${type}"/>`);
  for (const [name, type] of EDGE_KEYS) lines.push(`  <key id="e_${name}" for="edge" attr.name="${name}" attr.type="${type}"/>`);
  lines.push('  <graph id="newsgraph" edgedefault="directed">');
  for (const node of graph.nodes) {
    lines.push(`    <node id="${xml(node.id)}">`);
    for (const [name, , value] of NODE_KEYS) data(lines, `n_${name}`, value(node));
    lines.push("    </node>");
  }
  for (const edge of graph.edges) {
    lines.push(`    <edge id="${xml(edge.id)}" source="${xml(edge.source)}" target="${xml(edge.target)}">`);
    for (const [name, , value] of EDGE_KEYS) data(lines, `e_${name}`, value(edge));
    lines.push("    </edge>");
  }
  lines.push("  </graph>", "</graphml>", "");
  return lines.join("\n");
}

function data(lines, key, value) {
  if (value === null || value === undefined || value === "") return;
  lines.push(`      <data key="${key}">${xml(value)}</data>`);
}

function xml(value) {
  return String(value).replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]);
}

export function exportGraphml(graph) {
  download(`newsgraph-${STAMP()}.graphml`, toGraphml(graph), "application/graphml+xml");
}

/** The view as JSON: the API's own node and edge objects, positions, and the link to reopen it. */
export function exportJson(graph, link) {
  const body = { exported_at: new Date().toISOString(), view: link, nodes: graph.nodes, edges: graph.edges };
  download(`newsgraph-${STAMP()}.json`, JSON.stringify(body, null, 2), "application/json");
}
