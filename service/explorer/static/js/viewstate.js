// What the user has asked to see, kept in the URL's hash so a reload or a shared link shows the
// same view. The drawn graph is derived from this state by fetching from the API again.
//
//   #x=<id>&x=<id>         entities whose neighbourhoods were opened, in order
//   &rm=<id>               entities removed from the view
//   &pin=<id>@<x>,<y>      pinned entities and where
//   &hn=<category>         hidden entity categories (official, city, ...)
//   &hr=<TYPE>             hidden relation types
//   &from=YYYY-MM-DD&to=   date range of the supporting documents
//   &ps=<id>&pt=<id>&hops= the path query
//   &sel=n:<id> | e:<id>   the node or relation shown in the side panel

export class ViewState {
  constructor() {
    this.expanded = [];
    this.removed = new Set();
    this.pinned = new Map();
    this.hiddenCategories = new Set();
    this.hiddenRelations = new Set();
    this.from = "";
    this.to = "";
    this.path = null; // {source, target, hops}
    this.selected = null; // "n:<id>" | "e:<id>"
  }

  /** Entities the view is built around: opened ones and the path's ends. */
  anchors() {
    const ids = new Set(this.expanded);
    if (this.path) {
      ids.add(this.path.source);
      ids.add(this.path.target);
    }
    return ids;
  }

  isEmpty() {
    return this.expanded.length === 0 && !this.path;
  }

  toHash() {
    const p = new URLSearchParams();
    for (const id of this.expanded) p.append("x", id);
    for (const id of this.removed) p.append("rm", id);
    for (const [id, pos] of this.pinned) p.append("pin", `${id}@${Math.round(pos.x)},${Math.round(pos.y)}`);
    for (const key of this.hiddenCategories) p.append("hn", key);
    for (const type of this.hiddenRelations) p.append("hr", type);
    if (this.from) p.set("from", this.from);
    if (this.to) p.set("to", this.to);
    if (this.path) {
      p.set("ps", this.path.source);
      p.set("pt", this.path.target);
      p.set("hops", String(this.path.hops));
    }
    if (this.selected) p.set("sel", this.selected);
    const text = p.toString();
    return text ? `#${text}` : "";
  }

  static fromHash(hash) {
    const state = new ViewState();
    const p = new URLSearchParams(hash.replace(/^#/, ""));
    state.expanded = unique(p.getAll("x"));
    state.removed = new Set(p.getAll("rm"));
    for (const entry of p.getAll("pin")) {
      const at = entry.lastIndexOf("@");
      const [x, y] = entry.slice(at + 1).split(",").map(Number);
      if (at > 0 && Number.isFinite(x) && Number.isFinite(y)) state.pinned.set(entry.slice(0, at), { x, y });
    }
    state.hiddenCategories = new Set(p.getAll("hn"));
    state.hiddenRelations = new Set(p.getAll("hr"));
    state.from = validDate(p.get("from"));
    state.to = validDate(p.get("to"));
    const source = p.get("ps");
    const target = p.get("pt");
    if (source && target) {
      const hops = Number.parseInt(p.get("hops") ?? "4", 10);
      state.path = { source, target, hops: Number.isInteger(hops) && hops >= 1 && hops <= 6 ? hops : 4 };
    }
    const sel = p.get("sel");
    state.selected = sel && /^[ne]:./.test(sel) ? sel : null;
    return state;
  }
}

function unique(items) {
  return [...new Set(items)];
}

function validDate(value) {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : "";
}
