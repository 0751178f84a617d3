// The API key the page sends, if the person gave one (the Key button). Reads are open unless
// the service runs with KG_READS_NEED_KEY=true; then every call needs a reader key. The key is
// kept in this browser's localStorage until "Forget", and only ever sent to this service.

import { byId } from "./dom.js";

const STORAGE = "newsgraph.apiKey";

export function currentKey() {
  try {
    return window.localStorage.getItem(STORAGE) ?? "";
  } catch {
    return ""; // storage switched off: the page works without a key
  }
}

function storeKey(key) {
  try {
    if (key) window.localStorage.setItem(STORAGE, key);
    else window.localStorage.removeItem(STORAGE);
  } catch {
    // nothing to keep it in; the person is told by the button staying unmarked
  }
  markButton();
}

/** Headers that carry the key, if there is one. */
export function keyHeaders() {
  const key = currentKey();
  return key ? { Authorization: `Bearer ${key}` } : {};
}

/** The service refused the call for want of a (better) key: point at the Key button. */
export function keyNeeded() {
  byId("btn-key").dataset.needed = "true";
}

function markButton() {
  const button = byId("btn-key");
  const has = Boolean(currentKey());
  button.classList.toggle("has-key", has);
  button.textContent = has ? "Key ✓" : "Key";
  if (has) delete button.dataset.needed;
}

/** Open the key dialog (a change was refused for want of a writer key). */
export function askForKey() {
  keyNeeded();
  byId("btn-key").click();
}

/** Wire the Key button and its dialog; `onChange` runs after a key is saved or forgotten. */
export function wireKeyDialog(onChange) {
  const dialog = byId("key-dialog");
  const input = byId("key-input");
  byId("btn-key").addEventListener("click", () => {
    input.value = currentKey();
    dialog.showModal();
    input.focus();
  });
  byId("btn-key-save").addEventListener("click", (event) => {
    event.preventDefault();
    storeKey(input.value.trim());
    dialog.close();
    onChange();
  });
  byId("btn-key-forget").addEventListener("click", (event) => {
    event.preventDefault();
    input.value = "";
    storeKey("");
    dialog.close();
    onChange();
  });
  byId("btn-key-cancel").addEventListener("click", (event) => {
    event.preventDefault();
    dialog.close();
  });
  markButton();
}
