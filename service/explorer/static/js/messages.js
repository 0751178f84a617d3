// Messages over the canvas. API errors stay until dismissed (a person should read them);
// notes fade after a few seconds.

import { byId, h } from "./dom.js";

const NOTE_MS = 6000;

function show(text, kind) {
  const box = byId("messages");
  const item = h("div", { class: `message ${kind}`, role: kind === "error" ? "alert" : "status" },
    h("p", {}, text),
    h("button", { type: "button", "aria-label": "Dismiss", title: "Dismiss", onclick: () => item.remove() }, "×"));
  // The same sentence twice in a row is one message.
  for (const old of box.querySelectorAll(".message")) {
    if (old.querySelector("p").textContent === text) old.remove();
  }
  box.append(item);
  if (kind !== "error") setTimeout(() => item.remove(), NOTE_MS);
  return item;
}

/** Show a failure; `doing` says what the page was trying ("Searching", "Opening …"). */
export function showError(doing, err) {
  if (err?.name === "AbortError") return null; // superseded by a newer request: not a failure
  const detail = err?.message ?? String(err);
  return show(doing ? `${doing} failed: ${detail}` : detail, "error");
}

export function showNote(text) {
  return show(text, "note");
}

export function clearMessages() {
  byId("messages").replaceChildren();
}
