// The side panel: an entity's profile, a relation's evidence, or the paths found. Each view is
// built from API answers; `ctx` is how the panel asks the page to act (expand, pin, select...).

import { byId, fill, formatDate, h } from "./dom.js";
import { duplicatesSection } from "./duplicates.js";
import { categoryIcon, categoryOf, relationColor, relationIcon, typeLine } from "./styles.js";

let generation = 0;

/** Start a new panel view; returns a check that is false once a newer view replaced it. */
function begin(...content) {
  generation += 1;
  const mine = generation;
  byId("panel-empty").hidden = true;
  const body = byId("panel-body");
  body.hidden = false;
  fill(body, ...content);
  byId("panel").scrollTop = 0;
  return () => mine === generation;
}

export function clearPanel() {
  generation += 1;
  byId("panel-empty").hidden = false;
  byId("panel-body").hidden = true;
  byId("panel-body").replaceChildren();
}

export function showPanelError(title, err) {
  begin(h("h2", { class: "title" }, title), h("p", { class: "error-text", role: "alert" }, err.message ?? String(err)));
}

// -- entity profile ----------------------------------------------------------------------------

/** Show a node at once from what the canvas knows, then fill in the profile when it arrives. */
export function showNodeLoading(node, ctx) {
  const current = begin(nodeHeader(node), nodeActions(node, ctx), h("p", { class: "muted" }, "Loading profile…"));
  return current;
}

export function showProfile(profile, ctx, current) {
  if (!current()) return;
  const body = byId("panel-body");
  const facts = [];
  const fact = (label, value) => {
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) return;
    facts.push(h("dt", {}, label), h("dd", {}, value));
  };
  const others = (profile.aliases ?? []).filter((a) => a !== profile.name);
  fact("Aliases", others.length ? chips(others) : null);
  fact("Titles", profile.titles?.length ? chips(profile.titles) : null);
  for (const [key, value] of Object.entries(profile.external_ids ?? {})) fact(externalLabel(key), externalValue(key, value));
  for (const [key, value] of Object.entries(profile.properties ?? {})) fact(capitalise(key), value);
  fact("Mentions", profile.mention_count || null);
  fact("Documents", profile.doc_count || null);
  fact("First seen", formatDate(profile.first_seen));
  fact("Last seen", formatDate(profile.last_seen));

  const degree = Object.entries(profile.degree ?? {});
  const docList = h("ul", { class: "doclist", id: "profile-documents" });
  fill(body,
    nodeHeader(profile),
    nodeActions(profile, ctx),
    h("h3", {}, "Profile"),
    facts.length ? h("dl", { id: "profile-facts" }, facts) : h("p", { class: "muted" }, "No details recorded."),
    degree.length ? [h("h3", {}, "Relations in the graph"),
      h("div", { class: "chips" }, degree.map(([type, count]) =>
        h("span", { class: "chip" }, relationIcon(type, 18), ` ${type} `, h("b", {}, count))))] : null,
    connections(profile.id, ctx),
    duplicatesSection(profile, ctx, current),
    h("h3", {}, "Documents"),
    docList);
  appendDocuments(docList, profile.id, profile.documents ?? { items: [] }, ctx, current);
}

/** One page of documents, and a button for the next page while there is one. */
function appendDocuments(list, id, page, ctx, current) {
  list.querySelector(".more")?.remove();
  if (!page.items.length && !list.children.length) list.append(h("li", { class: "muted" }, "No documents."));
  for (const doc of page.items) {
    const forms = (doc.mentions ?? []).slice(0, 3).join(", ");
    list.append(h("li", { title: forms ? `mentioned as ${forms}` : null },
      documentLink(doc), h("span", { class: "date" }, formatDate(doc.published))));
  }
  if (!page.next_cursor) return;
  const more = h("button", { type: "button", class: "linklike" }, "More documents…");
  more.addEventListener("click", async () => {
    more.disabled = true;
    try {
      const next = await ctx.moreDocuments(id, page.next_cursor);
      if (current()) appendDocuments(list, id, next, ctx, current);
    } catch (err) {
      more.disabled = false;
      ctx.showError("Loading more documents", err);
    }
  });
  list.append(h("li", { class: "more" }, more));
}

function nodeHeader(node) {
  const cat = categoryOf(node);
  return [
    h("div", { class: "kicker" }, categoryIcon(cat, 14), typeLine(node)),
    h("h2", { class: "title", id: "panel-title" }, node.name),
    h("div", { class: "id" }, node.id),
  ];
}

function nodeActions(node, ctx) {
  const pinned = ctx.isPinned(node.id);
  const inView = ctx.isInView(node.id);
  return h("div", { class: "actions" },
    h("button", { type: "button", id: "act-expand", onclick: () => ctx.expand(node.id) }, "Open neighbours"),
    inView ? h("button", { type: "button", id: "act-pin", onclick: () => ctx.togglePin(node.id) }, pinned ? "Unpin" : "Pin") : null,
    inView ? h("button", { type: "button", id: "act-remove", onclick: () => ctx.remove(node.id) }, "Remove") : null,
    h("button", { type: "button", id: "act-path-from", title: "Use as the start of a path", onclick: () => ctx.setPathEnd("source", node) }, "Path from"),
    h("button", { type: "button", id: "act-path-to", title: "Use as the end of a path", onclick: () => ctx.setPathEnd("target", node) }, "Path to"));
}

/** The relations of a node that are drawn now, each opening its evidence. */
function connections(id, ctx) {
  const edges = ctx.edgesOf(id);
  if (!edges.length) return null;
  return [h("h3", {}, `In view (${edges.length})`),
    h("ul", { class: "connections" }, edges.map((edge) => {
      const outgoing = edge.source === id;
      const other = outgoing ? edge.target : edge.source;
      return h("li", {},
        h("button", { type: "button", class: "linklike", onclick: () => ctx.selectEdge(edge.id) }, ctx.nodeName(other)),
        h("span", { class: "rel" }, outgoing ? `${edge.type} →` : `← ${edge.type}`));
    }))];
}

// -- relation evidence -------------------------------------------------------------------------

export function showEdgeLoading(edge, ctx) {
  return begin(edgeHeader(edge, ctx), h("p", { class: "muted" }, "Loading evidence…"));
}

export function showEvidence(edge, evidence, ctx, current) {
  if (!current()) return;
  const p = edge.properties ?? {};
  const facts = [];
  const fact = (label, value) => {
    if (value !== null && value !== undefined && value !== "") facts.push(h("dt", {}, label), h("dd", {}, value));
  };
  fact("Documents", p.doc_count);
  fact("Confidence", typeof p.confidence === "number" ? p.confidence.toFixed(2) : null);
  fact("Status", p.status);
  fact("Title", p.title);
  fact("Amount", p.amount);
  fact("First seen", formatDate(p.first_seen));
  fact("Last seen", formatDate(p.last_seen));
  fill(byId("panel-body"),
    edgeHeader(edge, ctx),
    facts.length ? h("dl", {}, facts) : null,
    h("h3", {}, `Evidence (${evidence.length} sentence${evidence.length === 1 ? "" : "s"})`),
    evidence.length
      ? h("ul", { class: "evidence", id: "evidence" }, evidence.map(evidenceItem))
      : h("p", { class: "muted" }, "No sentence recorded for this relation."));
}

function edgeHeader(edge, ctx) {
  const end = (id) => h("button", { type: "button", class: "linklike", onclick: () => ctx.selectNode(id) }, ctx.nodeName(id));
  return [
    h("div", { class: "kicker" }, relationIcon(edge.type, 22), "Relation"),
    h("div", { class: "relation-head", id: "panel-title" },
      end(edge.source),
      h("span", { class: "rel-badge", style: `background:${relationColor(edge.type)}` }, edge.type),
      end(edge.target)),
    h("div", { class: "id" }, edge.id),
  ];
}

function evidenceItem(item) {
  const doc = { id: item.document, title: item.title, url: item.url };
  const meta = [];
  if (item.date) meta.push(h("span", { class: "date" }, formatDate(item.date)));
  if (typeof item.confidence === "number") meta.push(h("span", {}, `confidence ${item.confidence.toFixed(2)}`));
  if (item.status) meta.push(h("span", {}, item.status));
  return h("li", {},
    h("blockquote", {}, item.sentence || "(no sentence)"),
    h("div", { class: "source" }, documentLink(doc), ...meta));
}

/** A document's title, linking to the article when it has a URL, else to its API record. */
function documentLink(doc) {
  const title = doc.title || (doc.id ? `Document ${doc.id.slice(0, 12)}…` : "Unknown document");
  const href = safeUrl(doc.url) ?? (doc.id ? `/documents/${encodeURIComponent(doc.id)}` : null);
  if (!href) return h("span", { class: "doc-title" }, title);
  return h("a", { class: "doc-title", href, target: "_blank", rel: "noopener noreferrer" }, title);
}

// -- paths -------------------------------------------------------------------------------------

export function showPathsLoading(source, target) {
  return begin(h("div", { class: "kicker" }, "Paths"), h("h2", { class: "title" }, `${source.name} → ${target.name}`),
               h("p", { class: "muted" }, "Searching…"));
}

/** @param {{paths: Array<{nodes, edges}>}} result */
export function showPaths(result, query, ctx, current, activeIndex = null) {
  if (!current()) return;
  const paths = result.paths ?? [];
  const name = (id) => ctx.nodeName(id);
  const summary = paths.length
    ? `${paths.length} shortest path${paths.length === 1 ? "" : "s"}, ${paths[0].edges.length} hop${paths[0].edges.length === 1 ? "" : "s"} each.`
    : `No path within ${query.hops} hop${query.hops === 1 ? "" : "s"}.`;
  fill(byId("panel-body"),
    h("div", { class: "kicker" }, "Paths"),
    h("h2", { class: "title", id: "panel-title" }, `${name(query.source)} → ${name(query.target)}`),
    h("p", { id: "path-summary" }, summary),
    paths.length ? h("p", { class: "muted" }, "Click a path to highlight it; click a relation on the canvas for its evidence.") : null,
    h("ol", { class: "pathlist", id: "path-list" }, paths.map((path, i) =>
      h("li", {
        class: activeIndex === i ? "active" : "", tabindex: 0, role: "button",
        "aria-pressed": String(activeIndex === i),
        onclick: () => ctx.highlightPath(i),
        onkeydown: (e) => {
          if (e.key === "Enter" || e.key === " ") {
            e.preventDefault();
            ctx.highlightPath(i);
          }
        },
      }, pathChain(path)))));
}

function pathChain(path) {
  const parts = [];
  let at = path.nodes[0]?.id;
  path.nodes.forEach((node, i) => {
    parts.push(h("span", { class: "chip" }, categoryIcon(categoryOf(node), 12), ` ${node.name}`));
    const edge = path.edges[i];
    if (edge) {
      const forward = edge.source === at;
      parts.push(h("span", { class: "hop" }, forward ? ` —${edge.type}→ ` : ` ←${edge.type}— `));
      at = forward ? edge.target : edge.source;
    }
  });
  return parts;
}

// -- small pieces ------------------------------------------------------------------------------

function chips(values) {
  return h("div", { class: "chips" }, values.map((v) => h("span", { class: "chip" }, v)));
}

function externalLabel(key) {
  return { geonames_id: "GeoNames", iso: "ISO code", wikidata: "Wikidata" }[key] ?? key;
}

function externalValue(key, value) {
  if (key === "geonames_id") {
    return h("a", { href: `https://www.geonames.org/${encodeURIComponent(value)}`, target: "_blank", rel: "noopener noreferrer" }, String(value));
  }
  return String(value);
}

function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1).replaceAll("_", " ");
}

/** Only http(s) links are followed: an article URL is data, and data must not run script. */
function safeUrl(url) {
  if (!url) return null;
  try {
    const parsed = new URL(url, window.location.origin);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}
