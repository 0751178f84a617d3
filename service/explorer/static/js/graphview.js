// The drawn graph: what the API returned (kept as API objects, each tagged with why it is in
// view) and its vis-network rendering. Filters decide visibility; nothing here fetches.

import { NETWORK_OPTIONS, categoryOf, visEdge, visNode } from "./styles.js";

// Room kept around the drawing when the view is fitted (the status line sits bottom left), and
// the closest a fit zooms in on a small graph.
const FIT_MARGIN_PX = 28;
const FIT_MAX_ZOOM = 1.4;

export class GraphView {
  /**
   * @param {HTMLElement} container
   * @param {{onNode, onEdge, onBackground, onExpand, onDragEnd, onSettled}} handlers
   */
  constructor(container, handlers) {
    this.handlers = handlers;
    this.nodes = new Map(); // id → API node
    this.edges = new Map(); // id → API edge
    // Why each item is in view: "x:<id>" for an opened neighbourhood, "path". An item leaves the
    // view when its last reason goes (e.g. clearing a path keeps nodes an expansion brought).
    this.nodeTags = new Map();
    this.edgeTags = new Map();
    this.decor = { pinned: new Map(), pathNodes: new Set(), pathEdges: new Set(), anchors: new Set() };
    this.moving = false;
    this.animating = false; // a fit, zoom or focus moving the camera
    this.data = { nodes: new window.vis.DataSet(), edges: new window.vis.DataSet() };
    this.network = new window.vis.Network(container, this.data, NETWORK_OPTIONS);
    this.#listen();
  }

  #listen() {
    const net = this.network;
    net.on("click", (e) => {
      if (e.nodes.length) this.handlers.onNode(e.nodes[0]);
      else if (e.edges.length) this.handlers.onEdge(e.edges[0]);
      else this.handlers.onBackground();
    });
    net.on("doubleClick", (e) => {
      if (e.nodes.length) this.handlers.onExpand(e.nodes[0]);
    });
    net.on("dragEnd", (e) => {
      if (e.nodes.length) this.handlers.onDragEnd(e.nodes, net.getPositions(e.nodes));
    });
    net.on("startStabilizing", () => this.#setMoving(true));
    // Only "stabilized" ends the motion. "stabilizationIterationsDone" comes after the first 300
    // steps even when the layout is not stable yet, and the simulation goes on without a new
    // "startStabilizing": taken for the end, it fitted the view while nodes still moved, and
    // they drifted to the edges (labels cut) after the fit.
    net.on("stabilized", () => this.#setMoving(false));
    // vis-network steps an animation per frame, not per millisecond: on a busy machine a
    // 400 ms fit takes seconds, and the view is not settled until it ends.
    net.on("animationFinished", () => {
      this.animating = false;
      this.handlers.onSettled?.(!this.moving);
    });
  }

  #setMoving(moving) {
    this.moving = moving;
    this.handlers.onSettled?.(!moving);
  }

  // -- the known graph ---------------------------------------------------------------------------

  /**
   * Add a subgraph ({nodes, edges}) under `tag`. Nodes in `skip` stay out, and so do their edges.
   * New nodes start around `near` so the layout grows from where the user is looking.
   */
  merge(subgraph, tag, { near = null, skip = new Set() } = {}) {
    const fresh = [];
    for (const node of subgraph.nodes ?? []) {
      if (skip.has(node.id)) continue;
      if (!this.nodes.has(node.id)) fresh.push(node.id);
      this.nodes.set(node.id, node);
      addTag(this.nodeTags, node.id, tag);
    }
    for (const edge of subgraph.edges ?? []) {
      if (!this.nodes.has(edge.source) || !this.nodes.has(edge.target)) continue;
      if (skip.has(edge.source) || skip.has(edge.target)) continue;
      // A path's copy of an edge carries its evidence; a neighbourhood's copy does not.
      this.edges.set(edge.id, { ...this.edges.get(edge.id), ...edge });
      addTag(this.edgeTags, edge.id, tag);
    }
    this.#placeNear(fresh, near);
    return fresh;
  }

  /** Take `tag` away; items with no reason left leave the view. */
  dropTag(tag) {
    for (const [map, tags] of [[this.nodes, this.nodeTags], [this.edges, this.edgeTags]]) {
      for (const [id, set] of tags) {
        set.delete(tag);
        if (set.size === 0) {
          tags.delete(id);
          map.delete(id);
        }
      }
    }
    this.#dropDanglingEdges();
  }

  removeNode(id) {
    this.nodes.delete(id);
    this.nodeTags.delete(id);
    this.#dropDanglingEdges();
  }

  clear() {
    for (const map of [this.nodes, this.edges, this.nodeTags, this.edgeTags]) map.clear();
    this.decor.pathNodes.clear();
    this.decor.pathEdges.clear();
    this.decor.pinned.clear();
    this.decor.anchors.clear();
  }

  #dropDanglingEdges() {
    for (const [id, edge] of this.edges) {
      if (!this.nodes.has(edge.source) || !this.nodes.has(edge.target)) {
        this.edges.delete(id);
        this.edgeTags.delete(id);
      }
    }
  }

  #placeNear(ids, near) {
    if (!ids.length) return;
    const centre = near && this.data.nodes.get(near) ? this.network.getPosition(near) : { x: 0, y: 0 };
    const radius = 120 + 6 * ids.length;
    ids.forEach((id, i) => {
      const angle = (2 * Math.PI * i) / ids.length;
      this.pendingPositions ??= new Map();
      this.pendingPositions.set(id, { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });
    });
  }

  // -- rendering ---------------------------------------------------------------------------------

  /**
   * Bring the canvas in line with the known graph, the decorations and the filters:
   * `visible.edge(edge)` and `visible.node(node, connected)` say what is shown, where
   * `connected` holds the nodes that keep at least one drawn relation.
   */
  render(visible) {
    const { pinned, pathNodes, pathEdges, anchors } = this.decor;
    const edgeShown = new Map();
    const connected = new Set(); // nodes with at least one relation drawn
    for (const edge of this.edges.values()) {
      const shown = visible.edge(edge);
      edgeShown.set(edge.id, shown);
      if (shown) connected.add(edge.source).add(edge.target);
    }
    const nodeItems = [...this.nodes.values()].map((node) => {
      const item = visNode(node, { pinned: pinned.get(node.id), onPath: pathNodes.has(node.id), anchor: anchors.has(node.id) });
      const start = this.pendingPositions?.get(node.id);
      if (start && !pinned.has(node.id)) Object.assign(item, start);
      item.hidden = !visible.node(node, connected);
      return item;
    });
    this.pendingPositions?.clear();
    const curves = parallelCurves([...this.edges.values()]);
    const edgeItems = [...this.edges.values()].map((edge) => ({
      ...visEdge(edge, { onPath: pathEdges.has(edge.id), curve: curves.get(edge.id) }),
      hidden: !edgeShown.get(edge.id),
    }));
    this.#sync(this.data.nodes, nodeItems);
    this.#sync(this.data.edges, edgeItems);
  }

  #sync(dataset, items) {
    const keep = new Set(items.map((i) => i.id));
    const gone = dataset.getIds().filter((id) => !keep.has(id));
    if (gone.length) dataset.remove(gone);
    dataset.update(items);
  }

  // -- reading the view --------------------------------------------------------------------------

  isShown(id) {
    const item = this.data.nodes.get(id) ?? this.data.edges.get(id);
    return Boolean(item && !item.hidden);
  }

  /** The visible nodes (with canvas positions) and edges, as API objects: exports use this. */
  visibleGraph() {
    const nodes = [...this.nodes.values()].filter((n) => this.isShown(n.id));
    const positions = this.network.getPositions(nodes.map((n) => n.id));
    return {
      nodes: nodes.map((n) => ({ ...n, category: categoryOf(n).key, x: Math.round(positions[n.id]?.x ?? 0), y: Math.round(positions[n.id]?.y ?? 0), pinned: this.decor.pinned.has(n.id) })),
      edges: [...this.edges.values()].filter((e) => this.isShown(e.id)),
    };
  }

  /** Each visible node's drawn box (its shape and label), in page (CSS pixel) coordinates. */
  pageBoxes() {
    const rect = this.network.body.container.getBoundingClientRect();
    return this.#shownNodeIds().map((id) => {
      const box = this.network.getBoundingBox(id);
      const a = this.network.canvasToDOM({ x: box.left, y: box.top });
      const b = this.network.canvasToDOM({ x: box.right, y: box.bottom });
      return { id, left: rect.left + a.x, top: rect.top + a.y, right: rect.left + b.x, bottom: rect.top + b.y };
    });
  }

  /** The canvas's place on the page. */
  stageRect() {
    const { left, top, right, bottom } = this.network.body.container.getBoundingClientRect();
    return { left, top, right, bottom };
  }

  #shownNodeIds() {
    return this.data.nodes.getIds().filter((id) => this.isShown(id));
  }

  /** Where a node is drawn, in page (CSS pixel) coordinates. */
  pagePosition(id) {
    const rect = this.network.body.container.getBoundingClientRect();
    const dom = this.network.canvasToDOM(this.network.getPosition(id));
    return { x: rect.left + dom.x, y: rect.top + dom.y };
  }

  /**
   * A point on an edge, in page coordinates, where a click hits this edge and no node: tried
   * along the drawn line or curve from the middle outwards.
   */
  edgePagePosition(id) {
    const drawn = this.network.body.edges[id];
    if (!drawn) return null;
    const rect = this.network.body.container.getBoundingClientRect();
    for (const t of [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74]) {
      const point = drawn.edgeType.getPoint(t);
      const dom = this.network.canvasToDOM(point);
      if (this.network.getNodeAt(dom) === undefined && this.network.getEdgeAt(dom) === id) {
        return { x: rect.left + dom.x, y: rect.top + dom.y };
      }
    }
    return null;
  }

  positionOf(id) {
    return this.network.getPosition(id);
  }

  select(id, kind) {
    if (kind === "n" && this.data.nodes.get(id)) this.network.selectNodes([id]);
    else if (kind === "e" && this.data.edges.get(id)) this.network.selectEdges([id]);
    else this.network.unselectAll();
  }

  focus(id) {
    if (!this.data.nodes.get(id)) return;
    this.network.focus(id, { scale: Math.max(this.network.getScale(), 0.9), animation: { duration: 400 } });
    this.animating = true; // after the call: vis ends a running animation inside it
  }

  /**
   * Show every visible node, shape and label, inside the canvas with a margin. vis-network's own
   * fit() sizes the view on the boxes of the last drawing, with no margin: a label at an edge,
   * and most the selected node's (drawn bold, wider), came out cut off.
   */
  fit(animate = true) {
    const ids = this.#shownNodeIds();
    if (!ids.length) return;
    this.network.redraw(); // measure the labels as drawn now (selection, new nodes)
    const boxes = ids.map((id) => this.network.getBoundingBox(id)).filter(Boolean);
    const left = Math.min(...boxes.map((b) => b.left));
    const right = Math.max(...boxes.map((b) => b.right));
    const top = Math.min(...boxes.map((b) => b.top));
    const bottom = Math.max(...boxes.map((b) => b.bottom));
    const { width, height } = this.network.body.container.getBoundingClientRect();
    const scale = Math.min(
      FIT_MAX_ZOOM,
      (width - 2 * FIT_MARGIN_PX) / Math.max(right - left, 1),
      (height - 2 * FIT_MARGIN_PX) / Math.max(bottom - top, 1),
    );
    this.network.moveTo({
      position: { x: (left + right) / 2, y: (top + bottom) / 2 },
      scale: Math.max(scale, 0.05),
      animation: animate ? { duration: 400, easingFunction: "easeInOutQuad" } : false,
    });
    this.animating = animate; // after the call: vis ends a running animation inside it
  }

  zoom(factor) {
    this.network.moveTo({ scale: this.network.getScale() * factor, animation: { duration: 200 } });
    this.animating = true;
  }

  /** The canvas element (for the PNG export). */
  canvas() {
    return this.network.canvas.frame.canvas;
  }
}

function addTag(tags, id, tag) {
  if (!tags.has(id)) tags.set(id, new Set());
  tags.get(id).add(tag);
}

/**
 * Edges between the same two nodes would be drawn on top of each other: the first stays straight,
 * the others bend alternately to each side.
 */
function parallelCurves(edges) {
  const groups = new Map();
  for (const edge of edges) {
    const key = [edge.source, edge.target].sort().join("\u0000");
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(edge);
  }
  const curves = new Map();
  for (const group of groups.values()) {
    group.forEach((edge, i) => {
      const step = Math.ceil(i / 2);
      // curvedCW bends relative to the edge's own direction: flip for reversed edges.
      const side = (i % 2 === 1 ? 1 : -1) * (edge.source < edge.target ? 1 : -1);
      curves.set(edge.id, i === 0 ? 0 : side * step);
    });
  }
  return curves;
}
