// Calls to the host's API. The API key is asked for once (on the first 401) and kept in sessionStorage,
// so it is gone when the tab closes; every call sends it in X-Api-Key.

const KEY_STORAGE = 'broadcast.apiKey';

/** A failed call: the HTTP status and the problem details' text (fields named for validation errors). */
export class ApiError extends Error {
  constructor(status, message, problem) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

let askForKey = null;
let pendingKey = null;

/** Sets the function that asks the person for the key: (reason) => Promise<string | null>. */
export function setKeyPrompt(prompt) {
  askForKey = prompt;
}

export function storedKey() {
  return sessionStorage.getItem(KEY_STORAGE);
}

export function forgetKey() {
  sessionStorage.removeItem(KEY_STORAGE);
}

// One prompt for all calls that meet a 401 at the same time.
function promptForKey(reason) {
  if (!askForKey) return Promise.resolve(null);
  pendingKey ??= askForKey(reason).finally(() => { pendingKey = null; });
  return pendingKey;
}

/**
 * Calls the API: path relative to the page (so a path base is kept), JSON in and out.
 * Resolves with the parsed body (null when empty); rejects with ApiError.
 */
export async function api(path, { method = 'GET', body, allowNotFound = false } = {}) {
  for (let attempt = 0; ; attempt++) {
    const headers = { Accept: 'application/json, application/problem+json' };
    const key = storedKey();
    if (key) headers['X-Api-Key'] = key;
    if (body !== undefined) headers['Content-Type'] = 'application/json';

    const response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });

    if (response.status === 401 && attempt < 5) {
      const problem = await readBody(response);
      const entered = await promptForKey(key ? 'The key was not accepted. Check it and try again.' : problem?.detail);
      if (!entered) throw new ApiError(401, 'An API key is needed to read the host.', problem);
      sessionStorage.setItem(KEY_STORAGE, entered);
      continue;
    }

    if (response.status === 404 && allowNotFound) return undefined;
    const parsed = await readBody(response);
    if (!response.ok) throw new ApiError(response.status, describeProblem(response, parsed), parsed);
    return parsed;
  }
}

async function readBody(response) {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text.slice(0, 300) };
  }
}

function describeProblem(response, problem) {
  const parts = [];
  if (problem?.title) parts.push(problem.title);
  if (problem?.detail && problem.detail !== problem.title) parts.push(problem.detail);
  if (problem?.errors && typeof problem.errors === 'object') {
    for (const [field, messages] of Object.entries(problem.errors)) {
      parts.push(`${field}: ${[].concat(messages).join(' ')}`);
    }
  }
  return parts.length ? parts.join(' — ') : `${response.status} ${response.statusText}`;
}

/** Encodes a path segment (session ids hold ':'). */
export function segment(value) {
  return encodeURIComponent(String(value));
}

/** Reads every page of sessions that match the filter, up to a cap; tells whether more were left. */
export async function listSessions({ roomId, userId } = {}, cap = 1000) {
  const items = [];
  let token = null;
  do {
    const query = new URLSearchParams({ pageSize: String(Math.min(500, cap - items.length)) });
    if (roomId) query.set('roomId', roomId);
    if (roomId && userId) query.set('userId', userId);
    if (token) query.set('continuationToken', token);
    const page = await api(`api/sessions?${query}`);
    items.push(...(page?.items ?? []));
    token = page?.continuationToken ?? null;
  } while (token && items.length < cap);
  return { items, truncated: Boolean(token) };
}
