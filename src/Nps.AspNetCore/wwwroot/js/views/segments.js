// The segment table over all responses: n, NPS and interval, "not enough data" below the minimum n, and whether
// the segment differs significantly from the rest; beside each score, the response rate of the segment's invitations
// (sent, answered, Wilson interval) when invitations were sent.
import { getJson } from "../api.js";
import { el, interval, points, ratesByKey, responseRate } from "../dom.js";

export async function render(body, { dimension }) {
  const by = encodeURIComponent(dimension);
  const [report, rates] = await Promise.all([getJson(`/api/reports/nps?by=${by}`), getJson(`/api/reports/response-rates?by=${by}`)]);
  const level = Math.round(report.level * 100);
  const rows = [report.overall, ...report.segments];
  const withRates = rates.overall.sent > 0;
  const rateOf = ratesByKey(rates, dimension);
  body.replaceChildren(el("div", { class: "table-wrap", role: "region", "aria-labelledby": "segments-caption", tabindex: "0" },
    el("table", {},
      el("caption", { id: "segments-caption",
        text: `NPS per ${dimension}, all responses: ${level} % intervals (${report.method}), minimum n ${report.minN}.`
          + (withRates ? ` Response rate: invitations answered of those sent, with the ${Math.round(rates.level * 100)} % Wilson interval.` : "") }),
      el("thead", {}, el("tr", {},
        el("th", { scope: "col", text: dimension[0].toUpperCase() + dimension.slice(1) }),
        el("th", { scope: "col", class: "number", text: "n" }),
        el("th", { scope: "col", class: "number", text: "NPS" }),
        el("th", { scope: "col", text: `${level} % interval` }),
        el("th", { scope: "col", text: "Against the rest" }),
        withRates ? el("th", { scope: "col", text: "Response rate" }) : null)),
      el("tbody", {}, rows.map((cell, i) => {
        const name = i === 0 ? "All" : cell.dimensions[dimension] ?? "(none)";
        const rest = cell.versusRest;
        const rate = i === 0 ? rates.overall : rateOf.get(cell.dimensions[dimension]);
        return el("tr", { class: i === 0 ? "overall" : null },
          el("th", { scope: "row", text: name }),
          el("td", { class: "number", text: cell.count.toLocaleString() }),
          cell.enoughData
            ? el("td", { class: "number", text: points(cell.nps) })
            : el("td", { class: "number not-enough", text: "not enough data" }),
          el("td", { text: cell.enoughData ? interval(cell.lower, cell.upper) : "–" }),
          el("td", { text: rest ? `${points(rest.difference)}${rest.significant ? " (significant)" : ""}` : "–" }),
          withRates ? el("td", { class: "response-rate", text: responseRate(rate) ?? "–" }) : null);
      })))));
}
