// The huddle brief per team: the library part exists, the API route does not yet, so the view says so.
import { message } from "../dom.js";

export async function render(body) {
  body.replaceChildren(message("The huddle brief is not available yet: this server has no huddle route."));
}
