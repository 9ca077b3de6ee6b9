// What customers write about: each theme's share of comments, NPS with and without it, and example comments.
import { getJson } from "../api.js";
import { el, message, points } from "../dom.js";

export async function render(body) {
  const analysis = await getJson("/api/insights/themes");
  const themes = analysis.themes.filter(t => t.mentions.count > 0).sort((a, b) => b.shareOfComments - a.shareOfComments);
  if (themes.length === 0) {
    body.replaceChildren(message("No comment mentions a theme yet."));
    return;
  }

  body.replaceChildren(
    el("p", { class: "help", text: `${analysis.commentsWithTheme.toLocaleString()} of ${analysis.commented.count.toLocaleString()} comments mention a theme.` }),
    el("ul", { class: "cards" }, themes.map(theme => el("li", { class: "card" },
      el("h3", { text: theme.name }),
      el("p", { text: `${(theme.shareOfComments * 100).toFixed(1)} % of comments (n = ${theme.mentions.count}); ` +
        `NPS ${points(theme.mentions.nps)} with, ${points(theme.others.nps)} without` +
        (theme.impact ? ` (${points(theme.impact.difference)} points${theme.impact.pValue < 0.05 ? ", significant" : ""})` : "") + "." }),
      theme.examples.length === 0 ? null : el("ul", { class: "examples", "aria-label": `Example comments about ${theme.name}` },
        theme.examples.slice(0, 3).map(example => el("li", {},
          el("span", { class: "rating", text: `${example.rating}/10` }), " ",
          el("q", { text: example.comment }))))))));
}
