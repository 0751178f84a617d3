// A search box with suggestions from GET /entities. Used for the main search and for both ends
// of a path query. Keyboard: ↑/↓ to move, Enter to pick, Escape to close.

import { searchEntities } from "./api.js";
import { h } from "./dom.js";
import { showError } from "./messages.js";
import { categoryIcon, categoryOf, typeLine } from "./styles.js";

const DEBOUNCE_MS = 180;
const MIN_CHARS = 2;

/**
 * @param {HTMLInputElement} input
 * @param {HTMLUListElement} list
 * @param {{onPick: (node) => void, type?: () => string, limit?: number}} options
 */
export function attachAutocomplete(input, list, { onPick, type = () => "", limit = 8 }) {
  let items = [];
  let active = -1;
  let timer = null;
  let inflight = null;

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    active = -1;
  }

  function highlight(index) {
    active = index;
    [...list.children].forEach((li, i) => li.setAttribute("aria-selected", String(i === index)));
    if (index >= 0) {
      list.children[index]?.scrollIntoView({ block: "nearest" });
      input.setAttribute("aria-activedescendant", `${list.id}-${index}`);
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function pick(index) {
    const node = items[index];
    if (!node) return;
    close();
    onPick(node);
  }

  function renderItems(query) {
    list.replaceChildren();
    if (!items.length) {
      list.append(h("li", { class: "none", role: "option", "aria-disabled": "true" }, `No entity matches “${query}”.`));
    }
    items.forEach((node, i) => {
      const other = (node.aliases ?? []).find((a) => a.toLowerCase() !== node.name.toLowerCase());
      list.append(h("li", {
        role: "option", id: `${list.id}-${i}`, "aria-selected": "false", dataset: { id: node.id },
        // mousedown, not click: it runs before the input's blur closes the list.
        onmousedown: (e) => { e.preventDefault(); pick(i); },
      },
      categoryIcon(categoryOf(node), 16),
      h("span", {}, h("span", { class: "name" }, node.name), h("br"),
        h("span", { class: "meta" }, typeLine(node), other ? ` · ${other}` : ""))));
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    highlight(items.length ? 0 : -1);
  }

  async function suggest() {
    const query = input.value.trim();
    inflight?.abort();
    if (query.length < MIN_CHARS) {
      close();
      return;
    }
    inflight = new AbortController();
    try {
      items = await searchEntities(query, { type: type(), limit, signal: inflight.signal });
      if (input.value.trim() === query && document.activeElement === input) renderItems(query);
    } catch (err) {
      close();
      showError(`Searching “${query}”`, err);
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, DEBOUNCE_MS);
  });
  input.addEventListener("focus", () => {
    if (input.value.trim().length >= MIN_CHARS && items.length) renderItems(input.value.trim());
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" && items.length) {
      e.preventDefault();
      if (list.hidden) renderItems(input.value.trim());
      highlight((active + 1) % items.length);
    } else if (e.key === "ArrowUp" && items.length) {
      e.preventDefault();
      highlight((active - 1 + items.length) % items.length);
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (!list.hidden && active >= 0) pick(active);
      else suggest();
    } else if (e.key === "Escape") {
      close();
    }
  });
  return { close, refresh: suggest };
}
