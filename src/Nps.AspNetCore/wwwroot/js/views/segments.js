// The segment table over all responses: n, NPS and interval, "not enough data" below the minimum n, and whether
// the segment differs significantly from the rest.
import { getJson } from "../api.js";
import { el, interval, points } from "../dom.js";

export async function render(body, { dimension }) {
  const report = await getJson(`/api/reports/nps?by=${encodeURIComponent(dimension)}`);
  const level = Math.round(report.level * 100);
  const rows = [report.overall, ...report.segments];
  body.replaceChildren(el("div", { class: "table-wrap", role: "region", "aria-labelledby": "segments-caption", tabindex: "0" },
    el("table", {},
      el("caption", { id: "segments-caption",
        text: `NPS per ${dimension}, all responses: ${level} % intervals (${report.method}), minimum n ${report.minN}.` }),
      el("thead", {}, el("tr", {},
        el("th", { scope: "col", text: dimension[0].toUpperCase() + dimension.slice(1) }),
        el("th", { scope: "col", class: "number", text: "n" }),
        el("th", { scope: "col", class: "number", text: "NPS" }),
        el("th", { scope: "col", text: `${level} % interval` }),
        el("th", { scope: "col", text: "Against the rest" }))),
      el("tbody", {}, rows.map((cell, i) => {
        const name = i === 0 ? "All" : cell.dimensions[dimension] ?? "(none)";
        const rest = cell.versusRest;
        return el("tr", { class: i === 0 ? "overall" : null },
          el("th", { scope: "row", text: name }),
          el("td", { class: "number", text: cell.count.toLocaleString() }),
          cell.enoughData
            ? el("td", { class: "number", text: points(cell.nps) })
            : el("td", { class: "number not-enough", text: "not enough data" }),
          el("td", { text: cell.enoughData ? interval(cell.lower, cell.upper) : "–" }),
          el("td", { text: rest ? `${points(rest.difference)}${rest.significant ? " (significant)" : ""}` : "–" }));
      })))));
}
