// NPS per period for each value of the chosen dimension: a line with its confidence band, a ring where a lasting
// change from the value's usual level was signalled (the report's sequential "change" marks, which stay quiet under
// weekly looking; not "this period against the last"), cells below the minimum n left out; each point tells the
// response rate of the value's invitations sent in that period, when there were any.
import { getJson } from "../api.js";
import { el, message, points, ratesByKey, responseRate, svg } from "../dom.js";

// Contrast of at least 3:1 on white for lines and markers; each series also has its own dash pattern.
const colours = ["#0b5cad", "#b3400a", "#1b7a3d", "#7a3b99", "#8a6100", "#c0246a", "#30525e", "#5b5b5b"];
const dashes = ["", "6 3", "2 3", "8 3 2 3", "1 2", "10 4", "4 2 1 2", "12 2"];

export async function render(body, { dimension, period }) {
  const query = `by=${encodeURIComponent(dimension)}&period=${encodeURIComponent(period)}`;
  const [report, rates] = await Promise.all([getJson(`/api/reports/nps?${query}`), getJson(`/api/reports/response-rates?${query}`)]);
  const rateOf = ratesByKey(rates, dimension, "period");
  const series = new Map();
  const periods = new Set();
  let hidden = 0;
  for (const cell of report.segments) {
    const name = cell.dimensions[dimension] ?? "(none)";
    const label = cell.dimensions.period;
    if (!label) continue;
    if (!cell.enoughData || cell.nps === null) { hidden++; continue; }
    periods.add(label);
    if (!series.has(name)) series.set(name, []);
    series.get(name).push({ period: label, nps: cell.nps, lower: cell.lower, upper: cell.upper, n: cell.count, change: cell.change,
      rate: responseRate(rateOf.get([cell.dimensions[dimension], label].join("\u001f"))) });
  }

  if (series.size === 0) {
    body.replaceChildren(message(`No ${dimension} has ${report.minN} or more responses in any ${period} yet.`));
    return;
  }

  const axis = [...periods].sort();
  const drawn = [...series.entries()].sort(([a], [b]) => a.localeCompare(b)).slice(0, colours.length);
  const significant = drawn.flatMap(([name, cells]) => cells.filter(c => c.change).map(c => ({ name, ...c })));
  const notes = [
    hidden > 0 ? `${hidden} ${dimension}-${period} cells below the minimum n of ${report.minN} are left out.` : null,
    series.size > drawn.length ? `Showing the first ${drawn.length} of ${series.size} values of ${dimension}.` : null,
  ].filter(Boolean);

  body.replaceChildren(
    chart(drawn, axis, significant, dimension, period, report, body.clientWidth),
    legend(drawn),
    significant.length === 0
      ? message("No lasting change from the usual level.")
      : el("div", {},
          el("h3", { text: "Lasting changes from the usual level" }),
          el("ul", { class: "changes" }, significant.map(c => el("li", {
            text: `${c.name}: ${c.change.summary}, signalled in ${c.period}`,
          })))),
    ...notes.map(text => message(text)));
}

function chart(drawn, axis, significant, dimension, period, report, available) {
  // Drawn in the width it gets, so ticks stay 12 px on a phone as on a desktop.
  const width = Math.max(320, Math.min(1200, available || 800)), narrow = width < 600;
  const height = narrow ? 300 : 360, left = 44, right = 12, top = 16, bottom = 40;
  const values = drawn.flatMap(([, cells]) => cells.flatMap(c => [c.lower, c.upper]));
  const step = Math.max(...values) - Math.min(...values) > 60 ? 20 : 10;
  const low = Math.max(-100, Math.floor(Math.min(...values) / step) * step);
  const high = Math.min(100, Math.ceil(Math.max(...values) / step) * step);
  const x = label => axis.length === 1 ? left + (width - left - right) / 2 : left + axis.indexOf(label) * (width - left - right) / (axis.length - 1);
  const y = value => top + (high - value) * (height - top - bottom) / Math.max(1, high - low);

  const grid = [];
  for (let v = low; v <= high; v += step) {
    grid.push(svg("line", { x1: left, x2: width - right, y1: y(v), y2: y(v), class: v === 0 ? "zero" : "grid" }));
    grid.push(svg("text", { x: left - 8, y: y(v) + 4, "text-anchor": "end", class: "tick", text: (v > 0 ? "+" : "") + v }));
  }
  const every = Math.ceil(axis.length / (narrow ? 4 : 12));
  axis.forEach((label, i) => {
    // The first and last labels are anchored inwards so they are never cut at the edges.
    const anchor = axis.length > 1 && i === 0 ? "start" : axis.length > 1 && i === axis.length - 1 ? "end" : "middle";
    if ((i % every === 0 && (i === 0 || axis.length - 1 - i >= every)) || i === axis.length - 1) {
      grid.push(svg("text", { x: x(label), y: height - bottom + 18, "text-anchor": anchor, class: "tick", text: label }));
    }
  });

  const groups = drawn.map(([name, cells], i) => {
    const colour = colours[i];
    const line = cells.map((c, j) => `${j === 0 ? "M" : "L"}${x(c.period).toFixed(1)},${y(c.nps).toFixed(1)}`).join(" ");
    const band = [...cells.map(c => `${x(c.period).toFixed(1)},${y(c.upper).toFixed(1)}`),
                  ...cells.slice().reverse().map(c => `${x(c.period).toFixed(1)},${y(c.lower).toFixed(1)}`)].join(" ");
    return svg("g", { class: "series", "data-series": name },
      svg("polygon", { class: "band", points: band, fill: colour }),
      svg("path", { class: "line", d: line, stroke: colour, "stroke-dasharray": dashes[i] || null }),
      cells.map(c => svg("circle", { class: "point", cx: x(c.period), cy: y(c.nps), r: 3.5, fill: colour },
        svg("title", { text: `${name}, ${c.period}: NPS ${points(c.nps)} (${points(c.lower)} to ${points(c.upper)}), n = ${c.n}`
          + (c.rate ? `; response rate ${c.rate}` : "") }))));
  });

  const markers = significant.map(c => svg("g", { class: "significant", "data-series": c.name },
    svg("circle", { cx: x(c.period), cy: y(c.nps), r: 8 }),
    svg("title", { text: `${c.name}: ${c.change.summary}, signalled in ${c.period}` })));

  const titleId = "trend-chart-title", descId = "trend-chart-desc";
  return svg("svg", { class: "chart", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": `${titleId} ${descId}` },
    svg("title", { id: titleId, text: `NPS per ${dimension} per ${period}` }),
    svg("desc", { id: descId, text: `${drawn.length} lines with their ${Math.round(report.level * 100)} % confidence bands (${report.method}), ` +
      `${axis[0]} to ${axis[axis.length - 1]}; rings mark ${significant.length} lasting changes from the usual level.` }),
    grid, groups, markers);
}

function legend(drawn) {
  return el("ul", { class: "legend", "aria-label": "Lines" }, drawn.map(([name], i) =>
    el("li", {},
      swatch(colours[i]),
      el("span", { text: name }))));
}

function swatch(colour) {
  const node = el("span", { class: "swatch", "aria-hidden": "true" });
  node.style.setProperty("--colour", colour); // through CSSOM: the page's CSP allows no inline style attribute
  return node;
}
