// The one entry point: styles, Turbo (Drive, frames, streams) and the Stimulus controllers.
import "../css/styles.css";
import * as Turbo from "@hotwired/turbo";
import { application } from "./application.js";
import { csrfHeaders } from "./csrf.js";
import { installFrameFocus } from "./frame_focus.js";

document.documentElement.classList.add("js");
document.addEventListener("turbo:before-fetch-request", (event) => {
  Object.assign(event.detail.fetchOptions.headers, csrfHeaders(event.detail.fetchOptions.method));
});

installFrameFocus();

window.Turbo = Turbo;
export { application };
