// An entity's possible duplicates (the candidate pairs linking left for an analyst), and the
// merge of one into the entity shown. A merge is a change: it needs a writer key, asked for
// with the page's key dialog when the service refuses one.

import { getDuplicates, mergeEntity } from "./api.js";
import { askForKey, currentKey } from "./apikey.js";
import { fill, h } from "./dom.js";

/** The "Possible duplicates" section of a profile; filled when the candidates arrive. */
export function duplicatesSection(profile, ctx, current) {
  const list = h("ul", { class: "duplicates", id: "profile-duplicates" },
    h("li", { class: "muted" }, "Looking for duplicates…"));
  getDuplicates(profile.id)
    .then((pairs) => { if (current()) showPairs(list, profile, pairs, ctx); })
    .catch((err) => { if (current()) fill(list, h("li", { class: "muted" }, `Duplicates unavailable: ${err.message}`)); });
  return [h("h3", {}, "Possible duplicates"), list];
}

function showPairs(list, profile, pairs, ctx) {
  if (!pairs.length) {
    fill(list, h("li", { class: "muted" }, "None recorded."));
    return;
  }
  fill(list, pairs.map((pair) => {
    const other = pair.a.id === profile.id ? pair.b : pair.a;
    return duplicateItem(profile, other, pair, ctx);
  }));
}

function duplicateItem(profile, other, pair, ctx) {
  const reason = h("input", {
    type: "text", class: "merge-reason", "aria-label": `Why ${other.name} is ${profile.name}`,
    value: `duplicate of ${profile.name} (${pair.reason})`, maxlength: 500,
  });
  const confirm = h("button", { type: "button", class: "primary small merge-confirm" }, "Confirm merge");
  const form = h("div", { class: "merge-form", hidden: true }, reason, confirm);
  const open = h("button", { type: "button", class: "small merge-open", title: `Merge ${other.name} into ${profile.name}` },
    "Merge here…");
  open.addEventListener("click", () => {
    if (!currentKey()) {
      ctx.showNote("Merging changes the graph: enter a writer key, then merge again.");
      askForKey();
      return;
    }
    form.hidden = false;
    reason.focus();
  });
  confirm.addEventListener("click", async () => {
    confirm.disabled = true;
    try {
      const change = await mergeEntity(other.id, profile.id, reason.value.trim() || "duplicate");
      ctx.merged(other, profile, change);
    } catch (err) {
      confirm.disabled = false;
      if (err.status === 401 || err.status === 403) askForKey();
      ctx.showError(`Merging ${other.name} into ${profile.name}`, err);
    }
  });
  const docs = other.documents ?? [];
  const said = docs.flatMap((d) => d.sentences ?? []).slice(0, 2);
  return h("li", { dataset: { id: other.id } },
    h("div", { class: "dup-head" },
      h("button", { type: "button", class: "linklike", onclick: () => ctx.selectNode(other.id) }, other.name),
      h("span", { class: "score", title: pair.reason }, `score ${pair.score.toFixed(2)}`)),
    h("div", { class: "id" }, `${other.id} · ${other.doc_count} document${other.doc_count === 1 ? "" : "s"}`),
    h("div", { class: "muted dup-reason" }, pair.reason),
    said.length ? h("ul", { class: "dup-sentences" }, said.map((s) => h("li", {}, h("q", {}, s)))) : null,
    open, form);
}
