// The ambition view: for each target (from the server's ambitions file) its baseline, the current window, the
// change, the probability that the true NPS is at least the target, and whether it is on track.
import { getJson } from "../api.js";
import { el, interval, message, points } from "../dom.js";

let asOf = null;

/** The Sunday that ends ISO week "2026-W11", as yyyy-mm-dd. */
function weekEnd(label) {
  const [, year, week] = /^(\d{4})-W(\d{2})$/.exec(label).map(Number);
  const jan4 = Date.UTC(year, 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86400000;
  return new Date(monday + ((week - 1) * 7 + 6) * 86400000).toISOString().slice(0, 10);
}

export async function render(body, context = {}) {
  if (asOf === null) {
    // By default the end of the latest week with answers (not today), so the current window holds data.
    const report = await getJson("/api/reports/nps?period=week");
    const weeks = report.segments.map(c => c.dimensions.period).filter(p => /^\d{4}-W\d{2}$/.test(p ?? "")).sort();
    const today = new Date().toISOString().slice(0, 10);
    asOf = weeks.length === 0 ? today : [weekEnd(weeks.at(-1)), today].sort()[0];
  }
  const doc = await getJson(`/api/ambitions?asOf=${encodeURIComponent(asOf)}`);
  const input = el("input", { id: "ambition-as-of", type: "date", value: asOf });
  const form = el("form", { class: "inline-field", onsubmit: async event => {
    event.preventDefault();
    asOf = input.value || asOf;
    await render(body, context);
    context.announce?.(`Ambitions as of ${asOf} loaded.`);
  } }, el("label", { for: "ambition-as-of", text: "As of" }), input, el("button", { type: "submit", text: "Show" }));
  if (doc.ambitions.length === 0) {
    body.replaceChildren(form, message("The ambitions file lists no ambition."));
    return;
  }
  body.replaceChildren(form, el("div", { class: "table-wrap", role: "region", "aria-labelledby": "ambition-caption", tabindex: "0" },
    el("table", {},
      el("caption", { id: "ambition-caption", text: "Each ambition against its baseline: the current window's NPS, the chance the target is reached, and whether the score is on the line to it." }),
      el("thead", {}, el("tr", {},
        el("th", { scope: "col", text: "Ambition" }),
        el("th", { scope: "col", text: "Baseline" }),
        el("th", { scope: "col", text: "Current" }),
        el("th", { scope: "col", class: "number", text: "Change" }),
        el("th", { scope: "col", class: "number", text: "P(NPS ≥ target)" }),
        el("th", { scope: "col", text: "On track" }))),
      el("tbody", {}, doc.ambitions.map(a => el("tr", {},
        el("th", { scope: "row", "data-label": "Ambition", text: `${a.dimension} ${a.value}: ${points(a.target)} by ${a.by}` }),
        el("td", { "data-label": "Baseline", text: Score(a.baseline) }),
        el("td", { "data-label": "Current", text: `${a.current.from} to ${a.current.to}: ${Score(a.current)}` }),
        el("td", { "data-label": "Change", class: "number", text: a.change === null ? "–" : `${points(a.change.difference)} (p = ${a.change.pValue.toFixed(3)})` }),
        el("td", { "data-label": "P(NPS ≥ target)", class: "number", text: `${(a.probabilityAtLeastTarget * 100).toFixed(1)} %` }),
        el("td", { "data-label": "On track", text: a.onTrack === null ? "not known" : a.onTrack ? "yes" : "no" })))))));
}

function Score(s) {
  return s.nps === null ? `n = ${s.count}, no answers` : `${points(s.nps)} (n = ${s.count}; ${interval(s.lower, s.upper)})`;
}
