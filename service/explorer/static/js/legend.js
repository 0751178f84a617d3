// The legend doubles as the type filter: one row per entity category and per relation type,
// each with its icon, how many are in view, and a checkbox that hides or shows them. Rows are
// built once and updated in place, so a checkbox keeps focus while the graph redraws.

import { byId, h } from "./dom.js";
import { NODE_CATEGORIES, RELATION_TYPES, categoryIcon, categoryOf, relationIcon } from "./styles.js";

/** Build the rows; `onToggle(kind, key, shown)` is called when a checkbox changes. */
export function buildLegend(onToggle) {
  byId("legend-nodes").replaceChildren(...NODE_CATEGORIES.map((cat) =>
    row(`legend-node-${cat.key}`, cat.key, categoryIcon(cat), cat.label, (shown) => onToggle("node", cat.key, shown))));
  byId("legend-edges").replaceChildren(...RELATION_TYPES.map(({ type }) =>
    row(`legend-edge-${type}`, type, relationIcon(type), type, (shown) => onToggle("edge", type, shown))));
}

/**
 * Show how many of each kind the view holds (before filters) and which kinds are hidden.
 * @param {{nodes: Map, edges: Map}} graph
 * @param {{hiddenCategories: Set, hiddenRelations: Set}} state
 */
export function updateLegend(graph, state) {
  const nodeCounts = countBy(graph.nodes.values(), (n) => categoryOf(n).key);
  const edgeCounts = countBy(graph.edges.values(), (e) => e.type);
  for (const li of byId("legend-nodes").children) {
    update(li, nodeCounts.get(li.dataset.key) ?? 0, !state.hiddenCategories.has(li.dataset.key));
  }
  for (const li of byId("legend-edges").children) {
    update(li, edgeCounts.get(li.dataset.key) ?? 0, !state.hiddenRelations.has(li.dataset.key));
  }
}

function row(id, key, icon, label, onChange) {
  const box = h("input", { type: "checkbox", id, checked: true });
  box.addEventListener("change", () => onChange(box.checked));
  return h("li", { class: "absent", dataset: { key } },
    h("label", { for: id }, box, icon, h("span", {}, label)),
    h("span", { class: "count", title: "in view" }));
}

function update(li, count, shown) {
  li.classList.toggle("absent", count === 0);
  li.querySelector(".count").textContent = count ? String(count) : "";
  li.querySelector("input").checked = shown;
}

function countBy(items, key) {
  const counts = new Map();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
