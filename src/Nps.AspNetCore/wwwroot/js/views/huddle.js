// The huddle brief per team: pick a team (and a week), see its score with n and interval, the trend, the change
// against the previous period, themes with examples, detractor comments, callbacks, compliments, follow-ups and
// the points to discuss.
import { getJson } from "../api.js";
import { el, interval, message, points, responseRate } from "../dom.js";

let chosen = { team: null, week: null };

export async function render(body, context = {}) {
  const report = await getJson("/api/reports/nps?by=team&period=week");
  const teams = [...new Set(report.segments.map(c => c.dimensions.team).filter(Boolean))].sort();
  if (teams.length === 0) {
    body.replaceChildren(message("No team has responses yet."));
    return;
  }
  const weeks = [...new Set(report.segments.map(c => c.dimensions.period).filter(p => /^\d{4}-W\d{2}$/.test(p ?? "")))].sort();
  chosen.team ??= teams[0];
  chosen.week ??= weeks.at(-1) ?? null;

  const team = el("select", { id: "huddle-team" }, teams.map(t => el("option", { value: t, selected: t === chosen.team, text: t })));
  const week = el("input", { id: "huddle-week", type: "text", value: chosen.week ?? "", placeholder: "2026-W11", pattern: "\\d{4}-W\\d{2}",
    "aria-describedby": "huddle-week-help", size: 9 });
  const brief = el("div", { class: "huddle-brief", "aria-live": "polite" });
  const show = async () => {
    chosen = { team: team.value, week: week.value.trim() || null };
    brief.setAttribute("aria-busy", "true");
    try {
      const query = `team=${encodeURIComponent(chosen.team)}` + (chosen.week ? `&week=${encodeURIComponent(chosen.week)}` : "");
      brief.replaceChildren(...Brief(await getJson(`/api/huddle?${query}`)));
      context.announce?.(`Huddle brief for ${chosen.team} loaded.`);
    } catch (error) {
      brief.replaceChildren(message(`Could not load the huddle brief: ${error.message}`, "error"));
    } finally {
      brief.removeAttribute("aria-busy");
    }
  };
  const form = el("form", { class: "inline-field", onsubmit: event => { event.preventDefault(); show(); } },
    el("label", { for: "huddle-team", text: "Team" }), team,
    el("label", { for: "huddle-week", text: "ISO week" }), week,
    el("button", { type: "submit", text: "Open brief" }),
    el("span", { id: "huddle-week-help", class: "help", text: "Empty: the last complete week." }));
  team.addEventListener("change", show);
  body.replaceChildren(form, brief);
  await show();
}

function Brief(doc) {
  const score = doc.score;
  const change = doc.versusPrevious;
  return [
    el("h3", { text: `${doc.team}, ${doc.period}` }),
    el("p", { class: "huddle-score", text: score.nps === null
      ? `No answers in ${doc.period}.`
      : `NPS ${points(score.nps)} (n = ${score.count}; interval ${interval(score.lower, score.upper)})` + (score.enoughData ? "." : ", not enough data for a firm reading.") }),
    doc.responseRate ? el("p", { class: "huddle-rate", text: `Response rate ${responseRate(doc.responseRate)}.` }) : null,
    el("p", { text: change === null ? "Versus previous period: not comparable."
      : `Versus previous period: ${points(change.difference)} points (p = ${change.pValue.toFixed(3)}).` }),
    el("p", { class: "huddle-change", text: doc.change ? `The score is ${doc.change.summary}.` : "No evidence of a change from its usual level." }),
    Section("Trend", doc.trend.length === 0 ? null : el("table", {},
      el("caption", { class: "visually-hidden", text: `NPS per period for ${doc.team}` }),
      el("thead", {}, el("tr", {},
        el("th", { scope: "col", text: "Period" }), el("th", { scope: "col", class: "number", text: "n" }),
        el("th", { scope: "col", class: "number", text: "NPS" }), el("th", { scope: "col", text: "Interval" }))),
      el("tbody", {}, doc.trend.map(p => el("tr", {},
        el("th", { scope: "row", text: p.period }), el("td", { class: "number", text: String(p.count) }),
        el("td", { class: "number", text: points(p.nps) }), el("td", { text: interval(p.lower, p.upper) })))))),
    Section("Themes", doc.themes.length === 0 ? null : el("ul", {}, doc.themes.map(theme => el("li", {},
      el("strong", { text: theme.name }), ` (${theme.mentions} mentions)`,
      theme.examples.length === 0 ? null : el("ul", { class: "examples", "aria-label": `Examples about ${theme.name}` },
        theme.examples.map(e => el("li", {}, el("span", { class: "rating", text: `${e.rating}/10` }), " ", el("q", { text: e.comment })))))))),
    Section("Detractor comments", Comments(doc.detractorComments)),
    Section("Callbacks requested", Comments(doc.callbacks)),
    Section("Compliments", Comments(doc.compliments)),
    Section("Follow-ups", doc.followUps === null ? null : el("p", { text: `${doc.followUps.open} open, ${doc.followUps.overdue} overdue.` })),
    Section("To discuss", doc.discussionPoints.length === 0 ? null : el("ul", {}, doc.discussionPoints.map(p => el("li", { text: p })))),
  ];
}

function Section(title, content) {
  return el("section", { class: "huddle-part", "aria-label": title }, el("h4", { text: title }), content ?? el("p", { class: "help", text: "None." }));
}

function Comments(comments) {
  return comments.length === 0 ? null : el("ul", { class: "examples" }, comments.map(c => el("li", {},
    el("span", { class: "rating", text: `${c.rating}/10` }), " ", c.comment ? el("q", { text: c.comment }) : el("em", { text: "no comment" }),
    c.agent ? ` (${c.agent})` : "")));
}
