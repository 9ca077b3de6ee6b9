// The dashboard: sign in with the analyst key, then each view (one module each) renders into its section.
import { ApiError, getJson, session } from "./api.js";
import { announce, message } from "./dom.js";
import * as trend from "./views/trend.js";
import * as segments from "./views/segments.js";
import * as coaching from "./views/coaching.js";
import * as followUps from "./views/follow-ups.js";
import * as themes from "./views/themes.js";
import * as huddle from "./views/huddle.js";
import * as ambition from "./views/ambition.js";

const views = { trend, segments, coaching, "follow-ups": followUps, themes, huddle, ambition };
const $ = id => document.getElementById(id);
function filters() {
  return { dimension: $("dimension").value, period: $("period").value, announce };
}

async function renderView(name, context) {
  const body = document.querySelector(`[data-view="${name}"]`);
  body.setAttribute("aria-busy", "true");
  try {
    await views[name].render(body, context);
  } catch (error) {
    body.replaceChildren(message(`Could not load this view: ${error.message}`, "error"));
    if (error instanceof ApiError && error.status === 401) signOut("The key was refused; sign in again.");
  } finally {
    body.removeAttribute("aria-busy");
  }
}

// One render at a time: a filter changed while rendering renders again when that render ends, with the filters as
// they are then, so an older, slower answer can never overwrite the views or the status of a newer choice.
let rendering = null;
let changedWhileRendering = false;
function renderAll() {
  if (rendering) {
    changedWhileRendering = true;
    return rendering;
  }
  rendering = (async () => {
    try {
      do {
        changedWhileRendering = false;
        const context = filters();
        announce("Loading…");
        await Promise.all(Object.keys(views).map(name => renderView(name, context)));
        if (!changedWhileRendering) announce(`Dashboard loaded, grouped by ${context.dimension} per ${context.period}.`);
      } while (changedWhileRendering);
    } finally {
      rendering = null;
    }
  })();
  return rendering;
}

function showSignedIn(signedIn) {
  $("sign-in").hidden = signedIn;
  $("signed-in").hidden = !signedIn;
  $("main").hidden = !signedIn;
}

function signOut(reason) {
  session.key = null;
  showSignedIn(false);
  announce(reason ?? "Signed out.");
  $("api-key").focus();
}

async function signIn(key) {
  session.key = key;
  try {
    await getJson("/api/reports/nps"); // an analyst route: proves the key and its role
  } catch (error) {
    session.key = null;
    const reason = error instanceof ApiError && error.status === 403
      ? "This key is not an analyst key."
      : error instanceof ApiError && error.status === 401 ? "The key is not recognised." : error.message;
    announce(`Sign-in failed: ${reason}`);
    $("api-key").setAttribute("aria-invalid", "true");
    $("api-key").focus();
    return;
  }

  $("api-key").value = "";
  $("api-key").removeAttribute("aria-invalid");
  showSignedIn(true);
  await renderAll();
}

$("sign-in").addEventListener("submit", event => {
  event.preventDefault();
  signIn($("api-key").value.trim());
});
$("sign-out").addEventListener("click", () => signOut());
$("filters").addEventListener("change", () => renderAll());

// The chart is drawn for the width it has: redraw it when that changes much (a phone turned, a window resized).
let drawnFor = window.innerWidth, resizing;
window.addEventListener("resize", () => {
  clearTimeout(resizing);
  resizing = setTimeout(() => {
    if ($("main").hidden || Math.abs(window.innerWidth - drawnFor) < 50) return;
    drawnFor = window.innerWidth;
    renderView("trend", filters());
  }, 250);
});

if (session.key) signIn(session.key);
else showSignedIn(false);
