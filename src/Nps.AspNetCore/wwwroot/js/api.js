// The JSON API with the analyst key from session storage; every failure becomes an ApiError with the problem's text.
const storageKey = "nps.apiKey";

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export const session = {
  get key() { return sessionStorage.getItem(storageKey); },
  set key(value) {
    if (value) sessionStorage.setItem(storageKey, value);
    else sessionStorage.removeItem(storageKey);
  },
};

async function send(path, init = {}) {
  const headers = new Headers(init.headers);
  headers.set("X-Api-Key", session.key ?? "");
  headers.set("Accept", "application/json");
  const response = await fetch(path, { ...init, headers });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      const problem = await response.json();
      message = [problem.title, problem.detail].filter(Boolean).join(" ") || message;
      if (problem.errors) message += " " + Object.entries(problem.errors).map(([field, errors]) => `${field}: ${errors.join(" ")}`).join("; ");
    } catch { /* not JSON: keep the status line */ }
    throw new ApiError(response.status, message);
  }
  return response;
}

export async function getJson(path) {
  return (await send(path)).json();
}

/** A list page: the items and the next page's path from the Link header (null on the last page). */
export async function getPage(path) {
  const response = await send(path);
  const link = response.headers.get("Link");
  const next = link && /<([^>]+)>;\s*rel="next"/.exec(link);
  return { items: await response.json(), next: next ? next[1] : null };
}

export async function postJson(path, body) {
  return (await send(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) })).json();
}
