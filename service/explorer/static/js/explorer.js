// The explorer's actions: each one changes the view state, fetches what it needs, redraws, and
// writes the state back to the URL. The DOM wiring lives in main.js.

import { NEIGHBOR_LIMIT, getEntity, getNeighbors, getPaths, getRelation } from "./api.js";
import { byId, fill } from "./dom.js";
import { GraphView } from "./graphview.js";
import { buildLegend, updateLegend } from "./legend.js";
import { showError, showNote } from "./messages.js";
import {
  clearPanel,
  showEdgeLoading,
  showEvidence,
  showNodeLoading,
  showPanelError,
  showPaths,
  showPathsLoading,
  showProfile,
} from "./panel.js";
import { categoryOf } from "./styles.js";
import { ViewState } from "./viewstate.js";

const PATH_TAG = "path";

export class Explorer {
  constructor(container, { onPathEnds }) {
    this.state = new ViewState();
    this.onPathEnds = onPathEnds; // tells the path pickers which entities the query uses
    this.pathResult = null;
    this.activePath = null;
    this.pathEnds = { source: null, target: null };
    // Relations the service confirmed to have a supporting document in the date range.
    this.dated = new Set();
    this.fitPending = false;
    this.lastChange = performance.now();
    this.view = new GraphView(container, {
      onNode: (id) => this.openNode(id),
      onEdge: (id) => this.openEdge(id),
      onBackground: () => {},
      onExpand: (id) => this.expand(id),
      onDragEnd: (ids, positions) => this.#dragged(ids, positions),
      onSettled: (settled) => this.#settled(settled),
    });
    buildLegend((kind, key, shown) =>
      kind === "node" ? this.setCategoryShown(key, shown) : this.setRelationShown(key, shown));
    // What the panel may ask of the page.
    this.ctx = {
      nodeName: (id) => this.view.nodes.get(id)?.name ?? id,
      isPinned: (id) => this.state.pinned.has(id),
      isInView: (id) => this.view.nodes.has(id),
      edgesOf: (id) => [...this.view.edges.values()].filter((e) => (e.source === id || e.target === id) && this.view.isShown(e.id)),
      selectNode: (id) => this.openNode(id),
      selectEdge: (id) => this.openEdge(id),
      expand: (id) => this.expand(id),
      togglePin: (id) => this.togglePin(id),
      remove: (id) => this.remove(id),
      setPathEnd: (which, node) => this.setPathEnd(which, node),
      highlightPath: (index) => this.highlightPath(index),
      moreDocuments: async (id, cursor) => (await getEntity(id, { cursor })).documents,
      merged: (gone, survivor, change) => this.merged(gone, survivor, change),
      showError,
      showNote,
    };
  }

  touch() {
    this.lastChange = performance.now();
  }

  // -- building the view -------------------------------------------------------------------------

  /** Rebuild everything from a URL hash (page load, a pasted link, the back button). */
  async restore(hash) {
    this.state = ViewState.fromHash(hash);
    this.view.clear();
    for (const [id, pos] of this.state.pinned) this.view.decor.pinned.set(id, pos);
    this.pathResult = null;
    this.activePath = null;
    this.pathEnds = { source: null, target: null };
    this.onPathEnds(null, null);
    this.redraw();
    await Promise.all(this.state.expanded.map((id) => this.#loadNeighbourhood(id)));
    this.dated = new Set();
    await this.#loadDated(this.state.expanded);
    if (this.state.path) await this.#loadPaths(this.state.path, { showPanel: !this.state.selected });
    this.redraw();
    this.fitWhenSettled();
    this.saveUrl();
    const sel = this.state.selected;
    if (sel?.startsWith("n:")) this.openNode(sel.slice(2));
    else if (sel?.startsWith("e:") && this.view.edges.has(sel.slice(2))) this.openEdge(sel.slice(2));
    else if (!this.state.path) clearPanel();
  }

  /** Draw an entity's neighbourhood (search pick, double-click, "Open neighbours"). */
  async expand(id, { select = false } = {}) {
    this.state.removed.delete(id);
    const isNew = !this.state.expanded.includes(id);
    if (isNew) this.state.expanded.push(id);
    const loaded = await this.#loadNeighbourhood(id);
    if (loaded) await this.#loadDated([id]);
    if (!loaded && isNew) this.state.expanded = this.state.expanded.filter((x) => x !== id);
    this.redraw();
    if (loaded) this.fitWhenSettled({ now: select });
    if (select && loaded) this.openNode(id);
    this.saveUrl();
    return loaded;
  }

  async #loadNeighbourhood(id) {
    try {
      const subgraph = await getNeighbors(id);
      this.view.merge(subgraph, `x:${id}`, { near: id, skip: this.state.removed });
      this.view.decor.anchors.add(id);
      if (subgraph.truncated) {
        const name = subgraph.nodes.find((n) => n.id === id)?.name ?? id;
        showNote(`${name} has more neighbours than the ${NEIGHBOR_LIMIT} drawn (the best supported are shown).`);
      }
      return true;
    } catch (err) {
      showError(`Opening the neighbours of ${this.ctx.nodeName(id)}`, err);
      // An entity the graph does not hold (any more) leaves the view's state; a graph that is
      // down or slow does not, so reloading later still shows it.
      if (err.status === 404) this.state.expanded = this.state.expanded.filter((x) => x !== id);
      return false;
    }
  }

  /** After a merge: the merged node leaves the view, the survivor's neighbours (which now
   *  include the merged one's) are drawn again and its profile shown. */
  async merged(gone, survivor, change) {
    if (this.view.nodes.has(gone.id)) this.remove(gone.id);
    this.state.expanded = this.state.expanded.filter((x) => x !== gone.id);
    showNote(`Merged ${gone.name} into ${survivor.name} (change ${change.id}).`);
    if (!(await this.expand(survivor.id, { select: true }))) await this.openNode(survivor.id);
  }

  remove(id) {
    this.state.removed.add(id);
    this.state.pinned.delete(id);
    this.view.decor.pinned.delete(id);
    this.view.removeNode(id);
    if (this.state.selected === `n:${id}`) {
      this.state.selected = null;
      clearPanel();
    }
    this.redraw();
    this.saveUrl();
  }

  togglePin(id) {
    if (this.state.pinned.has(id)) {
      this.state.pinned.delete(id);
      this.view.decor.pinned.delete(id);
    } else if (this.view.nodes.has(id)) {
      const pos = this.view.positionOf(id);
      this.state.pinned.set(id, pos);
      this.view.decor.pinned.set(id, pos);
    }
    this.redraw();
    this.saveUrl();
    const button = document.getElementById("act-pin");
    if (button) button.textContent = this.state.pinned.has(id) ? "Unpin" : "Pin";
  }

  #dragged(ids, positions) {
    // A pinned node stays where it is dropped (and the URL remembers where).
    let moved = false;
    for (const id of ids) {
      if (this.state.pinned.has(id) && positions[id]) {
        this.state.pinned.set(id, positions[id]);
        this.view.decor.pinned.set(id, positions[id]);
        moved = true;
      }
    }
    if (moved) {
      this.redraw();
      this.saveUrl();
    }
  }

  clear() {
    const { hiddenCategories, hiddenRelations, from, to } = this.state;
    this.state = Object.assign(new ViewState(), { hiddenCategories, hiddenRelations, from, to });
    this.view.clear();
    this.pathResult = null;
    this.activePath = null;
    this.pathEnds = { source: null, target: null };
    this.onPathEnds(null, null);
    clearPanel();
    this.redraw();
    this.saveUrl();
  }

  // -- filters -----------------------------------------------------------------------------------

  setCategoryShown(key, shown) {
    toggle(this.state.hiddenCategories, key, !shown);
    this.redraw();
    this.saveUrl();
  }

  setRelationShown(type, shown) {
    toggle(this.state.hiddenRelations, type, !shown);
    this.redraw();
    this.saveUrl();
  }

  async setDates(from, to) {
    this.state.from = from;
    this.state.to = to;
    this.dated = new Set();
    this.saveUrl();
    await this.#loadDated(this.state.expanded);
    this.redraw();
  }

  /**
   * Ask the service which relations of these neighbourhoods have a supporting document dated in
   * the range (the neighbours route filters on every document's date, which the edges drawn do
   * not carry). Path edges carry their evidence dates and are checked here directly.
   */
  async #loadDated(ids) {
    const { from, to } = this.state;
    if (!from && !to) return;
    await Promise.all(ids.map(async (id) => {
      try {
        const subgraph = await getNeighbors(id, { from, to });
        if (this.state.from !== from || this.state.to !== to) return; // the range changed since
        for (const edge of subgraph.edges ?? []) this.dated.add(edge.id);
      } catch (err) {
        showError(`Filtering the relations of ${this.ctx.nodeName(id)} by date`, err);
      }
    }));
  }

  #inRange(edge) {
    const { from, to } = this.state;
    if (!from && !to) return true;
    if (this.dated.has(edge.id)) return true;
    return (edge.evidence ?? []).some((e) => e.date && (!from || e.date >= from) && (!to || e.date <= to));
  }

  /** What the filters let through; a neighbour whose relations are all filtered out goes too. */
  #visibility() {
    const { hiddenCategories, hiddenRelations, from, to } = this.state;
    const anchors = this.state.anchors();
    const nodeOk = (node) => node && !hiddenCategories.has(categoryOf(node).key);
    const relationFiltering = Boolean(from || to || hiddenRelations.size);
    return {
      edge: (edge) => !hiddenRelations.has(edge.type)
        && nodeOk(this.view.nodes.get(edge.source)) && nodeOk(this.view.nodes.get(edge.target))
        && this.#inRange(edge),
      node: (node, connected) => nodeOk(node)
        && (!relationFiltering || anchors.has(node.id) || connected.has(node.id)),
    };
  }

  redraw() {
    this.view.render(this.#visibility());
    updateLegend(this.view, this.state);
    this.#status();
    document.body.classList.toggle("has-graph", this.view.nodes.size > 0);
    this.touch();
  }

  #status() {
    const shownNodes = [...this.view.nodes.keys()].filter((id) => this.view.isShown(id)).length;
    const shownEdges = [...this.view.edges.keys()].filter((id) => this.view.isShown(id)).length;
    const hidden = this.view.nodes.size - shownNodes + this.view.edges.size - shownEdges;
    const text = this.view.nodes.size
      ? `${shownNodes} entit${shownNodes === 1 ? "y" : "ies"} · ${shownEdges} relation${shownEdges === 1 ? "" : "s"}${hidden ? ` · ${hidden} hidden by filters` : ""}`
      : "";
    fill(byId("status"), text);
    const datedOut = [...this.view.edges.values()].filter((e) => !this.#inRange(e)).length;
    fill(byId("date-note"), this.state.from || this.state.to
      ? `${datedOut} relation${datedOut === 1 ? "" : "s"} in view have no supporting document in this range.`
      : "Relations are kept when a supporting document falls in the range.");
  }

  // -- the side panel ----------------------------------------------------------------------------

  async openNode(id) {
    this.state.selected = `n:${id}`;
    this.view.select(id, "n");
    this.saveUrl();
    const known = this.view.nodes.get(id) ?? { id, name: id, type: "", aliases: [] };
    const current = showNodeLoading(known, this.ctx);
    try {
      showProfile(await getEntity(id), this.ctx, current);
    } catch (err) {
      if (current()) showPanelError(known.name, err);
      showError(`Loading the profile of ${known.name}`, err);
    }
  }

  async openEdge(id) {
    const edge = this.view.edges.get(id);
    if (!edge) return;
    this.state.selected = `e:${id}`;
    this.view.select(id, "e");
    this.saveUrl();
    const current = showEdgeLoading(edge, this.ctx);
    try {
      const relation = await getRelation(id);
      showEvidence(edge, relation.evidence ?? [], this.ctx, current);
    } catch (err) {
      if (current()) showPanelError(edge.type, err);
      showError(`Loading the evidence of ${edge.type}`, err);
    }
  }

  // -- paths -------------------------------------------------------------------------------------

  /**
   * Choose one end of the path query. From the panel's "Path from/to" the pickers are updated,
   * and the query runs as soon as both ends are known; a picker only records its own choice.
   */
  setPathEnd(which, node, { fromPicker = false } = {}) {
    this.pathEnds[which] = node;
    if (fromPicker) return;
    this.onPathEnds(this.pathEnds.source, this.pathEnds.target);
    const { source, target } = this.pathEnds;
    if (source && target && source.id !== target.id) {
      this.findPaths(source, target, this.state.path?.hops ?? Number(byId("path-hops").value));
    }
  }

  async findPaths(source, target, hops) {
    this.state.path = { source: source.id, target: target.id, hops };
    this.state.selected = null;
    await this.#loadPaths(this.state.path, { showPanel: true, names: { [source.id]: source, [target.id]: target } });
    this.redraw();
    this.fitWhenSettled();
    this.saveUrl();
  }

  async #loadPaths(query, { showPanel, names = {} }) {
    const nameOf = (id) => names[id] ?? this.view.nodes.get(id) ?? { id, name: id };
    const current = showPanel ? showPathsLoading(nameOf(query.source), nameOf(query.target)) : () => false;
    try {
      const result = await getPaths(query.source, query.target, { maxHops: query.hops });
      this.view.dropTag(PATH_TAG);
      for (const path of result.paths ?? []) this.view.merge(path, PATH_TAG, { near: query.source });
      this.pathResult = result;
      this.activePath = null;
      this.#decoratePath();
      this.pathEnds = { source: this.view.nodes.get(query.source) ?? nameOf(query.source),
                        target: this.view.nodes.get(query.target) ?? nameOf(query.target) };
      this.onPathEnds(this.pathEnds.source, this.pathEnds.target);
      if (showPanel) showPaths(result, query, this.ctx, current);
    } catch (err) {
      if (current()) showPanelError("Paths", err);
      showError("Finding paths", err);
    }
  }

  /** Highlight one path (or, with the same index again, all of them). */
  highlightPath(index) {
    this.activePath = this.activePath === index ? null : index;
    this.#decoratePath();
    this.redraw();
    showPaths(this.pathResult, this.state.path, this.ctx, () => true, this.activePath);
  }

  #decoratePath() {
    const { pathNodes, pathEdges } = this.view.decor;
    pathNodes.clear();
    pathEdges.clear();
    const paths = this.pathResult?.paths ?? [];
    const chosen = this.activePath === null ? paths : [paths[this.activePath]].filter(Boolean);
    for (const path of chosen) {
      for (const node of path.nodes) pathNodes.add(node.id);
      for (const edge of path.edges) pathEdges.add(edge.id);
    }
  }

  clearPaths() {
    this.state.path = null;
    this.pathResult = null;
    this.activePath = null;
    this.pathEnds = { source: null, target: null };
    this.view.dropTag(PATH_TAG);
    this.#decoratePath();
    this.onPathEnds(null, null);
    if (!this.state.selected) clearPanel();
    this.redraw();
    this.saveUrl();
  }

  // -- canvas and URL ----------------------------------------------------------------------------

  /**
   * Fit the view once the layout has stopped moving; with `now`, also right away (a new view
   * should not open on an empty corner, a double-click expansion should not jump).
   */
  fitWhenSettled({ now = true } = {}) {
    this.fitPending = true;
    if (now) this.view.fit(false);
    this.touch();
  }

  #settled(settled) {
    if (settled && this.fitPending) {
      this.fitPending = false;
      this.view.fit(true);
    }
    this.touch();
  }

  saveUrl() {
    const url = `${window.location.pathname}${window.location.search}${this.state.toHash()}`;
    // replaceState: the view changes often; each change is not a page in the history.
    window.history.replaceState(null, "", url);
    this.savedHash = this.state.toHash();
  }
}

function toggle(set, key, present) {
  if (present) set.add(key);
  else set.delete(key);
}
