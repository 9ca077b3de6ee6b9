// Coaching signals that fired, each with its evidence: never a leaderboard.
import { getJson } from "../api.js";
import { el, interval, message, points } from "../dom.js";

const names = { underperformance: "Underperformance", "post-launch-drop": "Drop after the first periods", inflation: "Possible score inflation" };

export async function render(body, { dimension, period }) {
  const by = dimension === "team" ? "team" : "agent";
  const document = await getJson(`/api/insights/coaching?by=${by}&period=${encodeURIComponent(period)}`);
  const intro = el("p", { class: "help", text: `Signals per ${by} per ${period}: each says what was compared and how sure it is.` });
  if (document.signals.length === 0) {
    body.replaceChildren(intro, message(`No coaching signal fired for any ${by}.`));
    return;
  }

  body.replaceChildren(intro, el("ul", { class: "cards" }, document.signals.map(signal => {
    const e = signal.evidence;
    return el("li", { class: "card" },
      el("h3", { text: `${names[signal.kind] ?? signal.kind}: ${signal.dimension} ${signal.value}` }),
      el("p", { text: e.summary }),
      el("dl", { class: "facts" },
        el("dt", { text: "NPS" }), el("dd", { text: `${points(e.score)} (${interval(e.interval?.lower, e.interval?.upper)}), n = ${e.count}` }),
        el("dt", { text: "Compared with" }), el("dd", { text: `${e.reference}: ${points(e.referenceScore)}, n = ${e.referenceCount}` }),
        el("dt", { text: "p-value" }), el("dd", { text: e.pValue === null ? "–" : e.pValue.toPrecision(2) }),
        el("dt", { text: "Periods" }), el("dd", { text: e.periods.join(", ") })));
  })));
}
