// The service's REST API, as the page uses it. Every failure becomes an ApiError whose message
// is the API's own sentence ({"error": {"code", "message"}}), so the page can show it as is.

import { activity } from "./activity.js";
import { keyHeaders, keyNeeded } from "./apikey.js";

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
  }
}

/** GET `path` with query `params` (null/undefined/"" dropped) → parsed JSON. */
async function get(path, params = {}, { signal } = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, value);
  }
  return call(url, { signal, headers: { Accept: "application/json", ...keyHeaders() } });
}

/** POST `body` as JSON to `path` → parsed JSON (a change: it needs a writer key). */
async function post(path, body) {
  const url = new URL(path, window.location.origin);
  return call(url, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { Accept: "application/json", "Content-Type": "application/json", ...keyHeaders() },
  });
}

async function call(url, init) {
  return activity.track(async () => {
    let response;
    try {
      response = await fetch(url, init);
    } catch (err) {
      if (err.name === "AbortError") throw err;
      throw new ApiError(0, "unreachable", `the service did not answer (${err.message})`);
    }
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const error = body?.error ?? {};
      let message = error.message ?? `${url.pathname} answered HTTP ${response.status}`;
      if (response.status === 401 || response.status === 403) {
        keyNeeded();
        message += " (enter a key with the Key button)";
      }
      throw new ApiError(response.status, error.code ?? "http_error", message);
    }
    return body;
  });
}

const entityPath = (id) => `/entities/${encodeURIComponent(id)}`;

/** GET /entities: suggestions for a search box. */
export function searchEntities(q, { type, limit = 8, signal } = {}) {
  return get("/entities", { q, type, limit }, { signal }).then((page) => page.items ?? []);
}

/** GET /entities/{id}: the profile, with one page of the documents that mention it. */
export function getEntity(id, { cursor, limit = 20 } = {}) {
  return get(entityPath(id), { cursor, limit });
}

export const NEIGHBOR_LIMIT = 100;

/**
 * GET /entities/{id}/neighbors. With `from`/`to` the service keeps only relations that have a
 * supporting document dated in the range (and the nodes reached through them).
 */
export function getNeighbors(id, { depth = 1, limit = NEIGHBOR_LIMIT, from, to } = {}) {
  return get(`${entityPath(id)}/neighbors`, { depth, limit, from, to });
}

/** GET /relations/{id}: every supporting sentence with its document's id, title, url and date. */
export function getRelation(id) {
  return get(`/relations/${encodeURIComponent(id)}`);
}

/** GET /paths: every shortest path (relations followed in either direction), with evidence. */
export function getPaths(source, target, { maxHops = 4 } = {}) {
  return get("/paths", { source, target, max_hops: maxHops, kind: "all_shortest" });
}

/** GET /curation/candidates?entity=: the entity's possible duplicates, best score first. */
export function getDuplicates(id, { limit = 10 } = {}) {
  return get("/curation/candidates", { entity: id, limit }).then((page) => page.items ?? []);
}

/** POST /entities/{id}/merge: fold `id` into `into`; answers the change (its id undoes it). */
export function mergeEntity(id, into, reason) {
  return post(`${entityPath(id)}/merge`, { into, reason });
}
