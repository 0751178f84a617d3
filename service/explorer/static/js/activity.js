// Counts requests in flight so the page can show a spinner, and so a test (or a person's script)
// can wait until the view has settled: window.explorer.idle().

const listeners = new Set();
let pending = 0;

function changed() {
  for (const listener of listeners) listener(pending);
}

export const activity = {
  /** Run `work` (a function returning a promise), counted as one request in flight. */
  async track(work) {
    pending += 1;
    changed();
    try {
      return await work();
    } finally {
      pending -= 1;
      changed();
    }
  },
  get pending() {
    return pending;
  },
  onChange(listener) {
    listeners.add(listener);
  },
};
