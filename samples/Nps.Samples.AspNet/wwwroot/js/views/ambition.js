// The ambition view (how likely a target is reached): not served by the API yet, so the view says so.
import { message } from "../dom.js";

export async function render(body) {
  body.replaceChildren(message("The ambition view is not available yet: this server has no ambition route."));
}
