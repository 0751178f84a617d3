// Entry point: connects the page's controls to the explorer, restores the view from the URL, and
// exposes a small read-only hook (window.explorer) that tests and scripts can wait on.

import { activity } from "./activity.js";
import { wireKeyDialog } from "./apikey.js";
import { attachAutocomplete } from "./autocomplete.js";
import { byId } from "./dom.js";
import { Explorer } from "./explorer.js";
import { exportGraphml, exportJson, exportPng } from "./exporters.js";
import { showError, showNote } from "./messages.js";

// The view counts as settled once nothing has changed for this long (layout, requests, fits).
const QUIET_MS = 700;

function main() {
  if (!window.vis?.Network) {
    showError("", new Error("The graph library did not load from /explore/vendor/; is pyvis installed?"));
    return;
  }
  const pickers = pathPickers();
  const explorer = new Explorer(byId("graph"), { onPathEnds: pickers.show });
  pickers.explorer = explorer;

  wireSearch(explorer);
  wireToolbar(explorer);
  wireDates(explorer);
  wirePaths(explorer);
  // A new key may open what a missing one refused: draw the view of the URL again.
  wireKeyDialog(() => restore(explorer));

  activity.onChange((pending) => {
    byId("busy").hidden = pending === 0;
    explorer.touch();
  });
  // A pasted link or an edited hash rebuilds the view (our own URL writes fire no event).
  window.addEventListener("hashchange", () => restore(explorer));

  exposeHook(explorer);
  restore(explorer).finally(() => {
    document.body.dataset.ready = "true";
  });
}

async function restore(explorer) {
  await explorer.restore(window.location.hash);
  byId("date-from").value = explorer.state.from;
  byId("date-to").value = explorer.state.to;
  if (explorer.state.path) byId("path-hops").value = String(explorer.state.path.hops);
}

function wireSearch(explorer) {
  const input = byId("search-input");
  attachAutocomplete(input, byId("search-suggestions"), {
    type: () => byId("search-type").value,
    onPick: async (node) => {
      input.value = "";
      input.blur();
      await explorer.expand(node.id, { select: true });
    },
  });
}

function wireToolbar(explorer) {
  const view = explorer.view;
  byId("btn-fit").addEventListener("click", () => view.fit());
  byId("btn-zoom-in").addEventListener("click", () => view.zoom(1.25));
  byId("btn-zoom-out").addEventListener("click", () => view.zoom(0.8));
  byId("btn-export-png").addEventListener("click", () =>
    exportPng(view.canvas()).catch((err) => showError("Exporting the PNG", err)));
  byId("btn-export-graphml").addEventListener("click", () => exportGraphml(view.visibleGraph()));
  byId("btn-export-json").addEventListener("click", () => exportJson(view.visibleGraph(), window.location.href));
  byId("btn-share").addEventListener("click", () => copyLink());
  byId("btn-clear").addEventListener("click", () => explorer.clear());
}

async function copyLink() {
  const link = window.location.href;
  try {
    await navigator.clipboard.writeText(link);
    showNote("Link copied: it reopens this view.");
  } catch {
    // Clipboard access needs a secure context or a permission; the link is still shown.
    showNote(`Copy this link to share the view: ${link}`);
  }
}

function wireDates(explorer) {
  const from = byId("date-from");
  const to = byId("date-to");
  const apply = () => explorer.setDates(from.value, to.value);
  from.addEventListener("change", apply);
  to.addEventListener("change", apply);
  byId("btn-dates-clear").addEventListener("click", () => {
    from.value = "";
    to.value = "";
    apply();
  });
}

/** The two path ends: each a search box; the explorer remembers the entity picked. */
function pathPickers() {
  const inputs = { source: byId("path-from-input"), target: byId("path-to-input") };
  const lists = { source: byId("path-from-suggestions"), target: byId("path-to-suggestions") };
  const pickers = {
    explorer: null,
    /** Show the entities a path query uses (or none). */
    show(source, target) {
      for (const [which, node] of [["source", source], ["target", target]]) {
        inputs[which].value = node?.name ?? "";
        inputs[which].classList.toggle("chosen", Boolean(node));
      }
    },
  };
  for (const which of ["source", "target"]) {
    attachAutocomplete(inputs[which], lists[which], {
      onPick: (node) => {
        inputs[which].value = node.name;
        inputs[which].classList.add("chosen");
        pickers.explorer.setPathEnd(which, node, { fromPicker: true });
      },
    });
    // Typing again forgets the entity picked before.
    inputs[which].addEventListener("input", () => {
      inputs[which].classList.remove("chosen");
      pickers.explorer.setPathEnd(which, null, { fromPicker: true });
    });
  }
  return pickers;
}

function wirePaths(explorer) {
  byId("btn-path").addEventListener("click", () => {
    const { source, target } = explorer.pathEnds;
    if (!source || !target) {
      showNote("Pick both ends of the path from the suggestions first.");
      return;
    }
    explorer.findPaths(source, target, Number(byId("path-hops").value));
  });
  byId("btn-path-clear").addEventListener("click", () => explorer.clearPaths());
}

/** Read-only access for tests and scripts: when the view has settled, and what it shows. */
function exposeHook(explorer) {
  window.explorer = Object.freeze({
    isIdle: () => document.body.dataset.ready === "true" && activity.pending === 0
      && !explorer.view.moving && !explorer.view.animating
      && performance.now() - explorer.lastChange > QUIET_MS,
    visible: () => explorer.view.visibleGraph(),
    pathHighlight: () => ({ nodes: [...explorer.view.decor.pathNodes], edges: [...explorer.view.decor.pathEdges] }),
    nodePosition: (id) => explorer.view.pagePosition(id),
    canvasPosition: (id) => explorer.view.positionOf(id),
    edgePosition: (id) => explorer.view.edgePagePosition(id),
    nodeBoxes: () => explorer.view.pageBoxes(),
    stageRect: () => explorer.view.stageRect(),
    hash: () => explorer.state.toHash(),
  });
}

main();
