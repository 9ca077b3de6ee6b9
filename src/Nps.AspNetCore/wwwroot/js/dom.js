// Small helpers to build elements without innerHTML (values from the API are text, never markup).
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  node.append(...children.flat().filter(c => c !== null && c !== undefined && c !== false));
  return node;
}

const svgNs = "http://www.w3.org/2000/svg";

export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, String(value));
  }
  node.append(...children.flat().filter(Boolean));
  return node;
}

export const points = value => value === null || value === undefined ? "–" : (value > 0 ? "+" : "") + value.toFixed(1);

export const interval = (lower, upper) => lower === null || lower === undefined ? "–" : `${points(lower)} to ${points(upper)}`;

const percent = share => `${(share * 100).toFixed(1)} %`;

/** A response-rate cell as text: the rate, answered of sent and the Wilson interval; null when nothing was sent. */
export const responseRate = cell => !cell || cell.sent === 0 || cell.rate === null ? null
  : `${percent(cell.rate)} (${cell.answered.toLocaleString()} of ${cell.sent.toLocaleString()} answered; ${percent(cell.lower)} to ${percent(cell.upper)})`;

/** Response-rate cells by their key: the values of the given dimensions (and the period when given), joined. */
export function ratesByKey(document, ...dimensions) {
  const cells = new Map();
  for (const cell of document.segments) {
    if (Object.keys(cell.dimensions).length !== dimensions.length) continue;
    cells.set(dimensions.map(d => cell.dimensions[d]).join("\u001f"), cell);
  }
  return cells;
}

export function when(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

export function message(text, kind = "note") {
  return el("p", { class: `message ${kind}`, text });
}

/** Says something to screen readers (and shows it): the live region is polite, so it never interrupts. */
export function announce(text) {
  document.getElementById("status").textContent = text;
}
