// How entities and relations look. The canvas, the legend, the suggestions and the exports all
// read these tables, so a type's colour and shape are spelled once.

import { svg } from "./dom.js";

/** Node categories: one per subtype, then one fallback per entity type. Order = legend order. */
export const NODE_CATEGORIES = [
  { key: "official", label: "Official", type: "Person", subtype: "official", color: "#1d4ed8", shape: "dot", size: 15 },
  { key: "executive", label: "Executive", type: "Person", subtype: "executive", color: "#7c3aed", shape: "dot", size: 14 },
  { key: "person", label: "Person", type: "Person", color: "#64748b", shape: "dot", size: 13 },
  { key: "company", label: "Company", type: "Organization", subtype: "company", color: "#ea580c", shape: "square", size: 13 },
  { key: "government", label: "Government body", type: "Organization", subtype: "government", color: "#b45309", shape: "square", size: 13 },
  { key: "media", label: "Media", type: "Organization", subtype: "media", color: "#be185d", shape: "square", size: 12 },
  { key: "organization", label: "Organization", type: "Organization", color: "#78716c", shape: "square", size: 12 },
  { key: "plant", label: "Plant", type: "Plant", color: "#dc2626", shape: "hexagon", size: 15 },
  { key: "country", label: "Country", type: "Location", subtype: "country", color: "#065f46", shape: "triangle", size: 16 },
  { key: "region", label: "Region", type: "Location", subtype: "region", color: "#059669", shape: "diamond", size: 14 },
  { key: "city", label: "City", type: "Location", subtype: "city", color: "#0891b2", shape: "triangleDown", size: 13 },
  { key: "district", label: "District", type: "Location", subtype: "district", color: "#65a30d", shape: "triangleDown", size: 12 },
  { key: "location", label: "Place", type: "Location", color: "#0d9488", shape: "diamond", size: 12 },
];

const CATEGORY_BY_KEY = new Map(NODE_CATEGORIES.map((c) => [c.key, c]));
const UNKNOWN = { key: "other", label: "Other", color: "#94a3b8", shape: "dot", size: 12 };

/** Relation types as the API spells them, each with a colour. Order = legend order. */
export const RELATION_TYPES = [
  { type: "VISITED", color: "#2563eb" },
  { type: "MET_WITH", color: "#7c3aed" },
  { type: "HOLDS_POSITION", color: "#475569" },
  { type: "PLANS", color: "#dc2626" },
  { type: "OPERATES", color: "#9f1239" },
  { type: "INVESTS_IN", color: "#ca8a04" },
  { type: "ORDERED", color: "#db2777" },
  { type: "LOCATED_IN", color: "#059669" },
  { type: "BASED_IN", color: "#0284c7" },
  { type: "PART_OF", color: "#a16207" },
];

const RELATION_COLOR = new Map(RELATION_TYPES.map((r) => [r.type, r.color]));

// Relations whose direction carries no meaning are drawn without an arrow.
const SYMMETRIC = new Set(["MET_WITH"]);

export const PATH_COLOR = "#f59e0b";

/** The category of an API node: its subtype's when the type allows it, else its type's. */
export function categoryOf(node) {
  const bySubtype = NODE_CATEGORIES.find((c) => c.subtype && c.subtype === node.subtype && c.type === node.type);
  if (bySubtype) return bySubtype;
  return NODE_CATEGORIES.find((c) => !c.subtype && c.type === node.type) ?? UNKNOWN;
}

export function category(key) {
  return CATEGORY_BY_KEY.get(key) ?? UNKNOWN;
}

export function relationColor(type) {
  return RELATION_COLOR.get(type) ?? "#64748b";
}

/** "Person · official" */
export function typeLine(node) {
  return [node.type, node.subtype && node.subtype !== "other" ? node.subtype : null]
    .filter(Boolean).join(" · ");
}

/** Long names wrap on the canvas instead of running across neighbours. */
export function wrapLabel(text, width = 22) {
  const words = String(text).split(/\s+/);
  const lines = [];
  let line = "";
  for (const word of words) {
    if (line && (line + " " + word).length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.slice(0, 3).join("\n") + (lines.length > 3 ? "…" : "");
}

const FONT = "system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, DejaVu Sans, sans-serif";

/** vis-network options shared by every node and edge. */
export const NETWORK_OPTIONS = {
  autoResize: true,
  nodes: {
    borderWidth: 2,
    borderWidthSelected: 3,
    font: { face: FONT, size: 13, color: "#0f172a", strokeWidth: 4, strokeColor: "#ffffff" },
    shadow: { enabled: true, color: "rgba(15,23,42,0.18)", size: 6, x: 0, y: 2 },
  },
  edges: {
    width: 1.5,
    selectionWidth: 2,
    hoverWidth: 1,
    font: { face: FONT, size: 10, color: "#334155", strokeWidth: 4, strokeColor: "#f8fafc", align: "middle" },
    smooth: false,
    arrowStrikethrough: false,
  },
  physics: {
    solver: "forceAtlas2Based",
    forceAtlas2Based: { gravitationalConstant: -110, centralGravity: 0.006, springLength: 190,
                        springConstant: 0.06, damping: 0.5, avoidOverlap: 0.6 },
    stabilization: { enabled: true, iterations: 300, updateInterval: 50, fit: false },
    minVelocity: 1.5,
  },
  interaction: { hover: true, tooltipDelay: 250, multiselect: false, navigationButtons: false,
                 keyboard: false, zoomSpeed: 0.8 },
  layout: { improvedLayout: false },
};

/** The vis-network item for an API node. */
export function visNode(node, { pinned = null, onPath = false, anchor = false } = {}) {
  const cat = categoryOf(node);
  const border = onPath ? PATH_COLOR : shade(cat.color, -0.25);
  return {
    id: node.id,
    label: wrapLabel(node.name),
    title: `${node.name}\n${typeLine(node)}${node.aliases?.length > 1 ? `\naka ${node.aliases.filter((a) => a !== node.name).slice(0, 3).join(", ")}` : ""}`,
    shape: cat.shape,
    size: cat.size + (anchor ? 3 : 0),
    color: {
      background: cat.color, border,
      highlight: { background: shade(cat.color, 0.15), border: "#0f172a" },
      hover: { background: shade(cat.color, 0.1), border: "#0f172a" },
    },
    borderWidth: onPath ? 4 : anchor ? 3 : 2,
    font: { size: anchor ? 15 : 13 },
    shapeProperties: { borderDashes: pinned ? [4, 3] : false },
    fixed: pinned ? { x: true, y: true } : false,
    ...(pinned ? { x: pinned.x, y: pinned.y } : {}),
  };
}

/** The vis-network item for an API edge; `curve` separates edges between the same two nodes. */
export function visEdge(edge, { onPath = false, curve = 0 } = {}) {
  const color = onPath ? PATH_COLOR : relationColor(edge.type);
  const docs = edge.properties?.doc_count ?? 0;
  return {
    id: edge.id,
    from: edge.source,
    to: edge.target,
    label: edge.type,
    title: `${edge.type}\n${docs} document${docs === 1 ? "" : "s"}${edge.properties?.first_seen ? `, ${edge.properties.first_seen}` : ""}${edge.properties?.last_seen && edge.properties.last_seen !== edge.properties.first_seen ? ` – ${edge.properties.last_seen}` : ""}`,
    arrows: SYMMETRIC.has(edge.type) ? "" : { to: { enabled: true, scaleFactor: 0.6 } },
    color: { color, highlight: shade(color, -0.2), hover: shade(color, -0.2), opacity: 0.9 },
    // More documents, thicker line: support is visible at a glance.
    width: (onPath ? 4 : 1.2) + Math.min(3, Math.log2(1 + docs)),
    smooth: curve ? { enabled: true, type: curve > 0 ? "curvedCW" : "curvedCCW", roundness: 0.25 * Math.abs(curve) } : false,
  };
}

/** Lighten (amount > 0) or darken (amount < 0) a #rrggbb colour. */
export function shade(hex, amount) {
  const n = parseInt(hex.slice(1), 16);
  const channel = (shift) => {
    const c = (n >> shift) & 0xff;
    const target = amount > 0 ? 255 : 0;
    return Math.round(c + (target - c) * Math.abs(amount));
  };
  return `#${[16, 8, 0].map((s) => channel(s).toString(16).padStart(2, "0")).join("")}`;
}

/** A small SVG of a category's shape and colour, for the legend and lists. */
export function categoryIcon(cat, size = 16) {
  const c = size / 2;
  const r = size / 2 - 1.5;
  const style = { fill: cat.color, stroke: shade(cat.color, -0.25), "stroke-width": 1.5 };
  let shape;
  switch (cat.shape) {
    case "square":
      shape = svg("rect", { x: c - r * 0.85, y: c - r * 0.85, width: r * 1.7, height: r * 1.7, ...style });
      break;
    case "triangle":
      shape = svg("polygon", { points: `${c},${c - r} ${c + r},${c + r * 0.8} ${c - r},${c + r * 0.8}`, ...style });
      break;
    case "triangleDown":
      shape = svg("polygon", { points: `${c - r},${c - r * 0.8} ${c + r},${c - r * 0.8} ${c},${c + r}`, ...style });
      break;
    case "diamond":
      shape = svg("polygon", { points: `${c},${c - r} ${c + r},${c} ${c},${c + r} ${c - r},${c}`, ...style });
      break;
    case "hexagon": {
      const pts = [0, 1, 2, 3, 4, 5].map((i) => {
        const a = (Math.PI / 3) * i;
        return `${(c + r * Math.cos(a)).toFixed(2)},${(c + r * Math.sin(a)).toFixed(2)}`;
      });
      shape = svg("polygon", { points: pts.join(" "), ...style });
      break;
    }
    default:
      shape = svg("circle", { cx: c, cy: c, r: r * 0.85, ...style });
  }
  return svg("svg", { width: size, height: size, viewBox: `0 0 ${size} ${size}`, "aria-hidden": "true" }, shape);
}

/** A short coloured line with an arrow head, for the relation legend. */
export function relationIcon(type, width = 26) {
  const color = relationColor(type);
  const line = svg("line", { x1: 1, y1: 6, x2: width - 6, y2: 6, stroke: color, "stroke-width": 2.5 });
  const parts = [line];
  if (!SYMMETRIC.has(type)) {
    parts.push(svg("polygon", { points: `${width - 7},1.5 ${width - 1},6 ${width - 7},10.5`, fill: color }));
  }
  return svg("svg", { width, height: 12, viewBox: `0 0 ${width} 12`, "aria-hidden": "true" }, ...parts);
}
