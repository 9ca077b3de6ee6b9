// The closed-loop queue by due time, a page at a time; overdue cases are marked, and a case moves on from here
// (open → contacted → closed, or open → closed).
import { getPage, postJson } from "../api.js";
import { announce, el, when } from "../dom.js";

const moves = { open: ["contacted", "closed"], contacted: ["closed"], closed: [] };
let statusFilter = "open";

export async function render(body) {
  const filter = el("select", { id: "follow-up-filter", onchange: event => { statusFilter = event.target.value; render(body); } },
    ["open", "contacted", "closed", "all"].map(s => el("option", { value: s, selected: s === statusFilter, text: s })));
  const table = el("tbody");
  const more = el("button", { type: "button", class: "more", hidden: true, text: "Show more" });
  const count = el("p", { class: "help" });
  body.replaceChildren(
    el("div", { class: "inline-field" }, el("label", { for: "follow-up-filter", text: "Status" }), filter),
    count,
    el("div", { class: "table-wrap", role: "region", "aria-labelledby": "follow-ups-caption", tabindex: "0" },
      el("table", { class: "follow-ups" },
        el("caption", { id: "follow-ups-caption", text: "Follow-ups by due time; overdue cases are marked." }),
        el("thead", {}, el("tr", {}, ["Due", "Customer", "Rating", "Reason", "Comment", "Owner", "Status", "Move to"]
          .map(h => el("th", { scope: "col", text: h })))),
        table)),
    more);

  let shown = 0;
  const load = async path => {
    const page = await getPage(path);
    table.append(...page.items.map(row));
    shown += page.items.length;
    count.textContent = shown === 0 ? "" : `${shown} shown${page.next ? ", more available" : ""}.`;
    more.hidden = !page.next;
    more.onclick = () => load(page.next).then(() => announce(`${shown} follow-ups shown.`));
    if (shown === 0) table.append(el("tr", {}, el("td", { colspan: 8, text: `No ${statusFilter === "all" ? "" : statusFilter + " "}follow-ups.` })));
  };
  await load(`/api/follow-ups?limit=25${statusFilter === "all" ? "" : `&status=${statusFilter}`}`);
}

function row(followUp) {
  const status = String(followUp.status).toLowerCase();
  const overdue = followUp.overdue ?? (status === "open" && new Date(followUp.dueAt) < new Date());
  const statusCell = el("td", { class: "status-cell", "data-label": "Status" });
  const actionCell = el("td", { class: "actions" });
  const tr = el("tr", { "data-follow-up": followUp.id, class: overdue ? "overdue" : null },
    el("td", { "data-label": "Due" }, el("span", { text: when(followUp.dueAt) }), overdue ? el("strong", { class: "badge", text: "overdue" }) : null),
    el("td", { "data-label": "Customer", text: followUp.customerId }),
    el("td", { "data-label": "Rating", class: "number", text: String(followUp.rating) }),
    el("td", { "data-label": "Reason", text: String(followUp.reason).toLowerCase() }),
    el("td", { "data-label": "Comment", class: "comment", text: followUp.comment ?? "–" }),
    el("td", { "data-label": "Owner", text: [followUp.ownerTeam, followUp.ownerAgent].filter(Boolean).join(" / ") || "–" }),
    statusCell, actionCell);
  fill(followUp, statusCell, actionCell, tr);
  return tr;
}

function fill(followUp, statusCell, actionCell, tr) {
  const status = String(followUp.status).toLowerCase();
  statusCell.textContent = status;
  const options = moves[status] ?? [];
  if (options.length === 0) { actionCell.replaceChildren(el("span", { text: "–" })); return; }

  const selectId = `move-${followUp.id}`;
  const select = el("select", { id: selectId }, options.map(s => el("option", { value: s, text: s })));
  const button = el("button", { type: "button", text: "Update" });
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      const updated = await postJson(`/api/follow-ups/${encodeURIComponent(followUp.id)}/status`, { status: select.value });
      tr.classList.remove("overdue");
      tr.querySelector(".badge")?.remove();
      fill(updated, statusCell, actionCell, tr);
      announce(`Follow-up ${followUp.id} is now ${String(updated.status).toLowerCase()}.`);
      actionCell.querySelector("select, span")?.focus?.();
    } catch (error) {
      announce(`Follow-up ${followUp.id} was not changed: ${error.message}`);
      button.disabled = false;
    }
  });
  actionCell.replaceChildren(
    el("label", { for: selectId, class: "visually-hidden", text: `New status for ${followUp.id}` }), select, button);
}
