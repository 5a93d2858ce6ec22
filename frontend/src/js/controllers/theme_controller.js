// The light/dark switch: a DaisyUI theme-controller checkbox (it works without JS, by CSS);
// this controller remembers the choice and applies it on every page.
import { Controller } from "@hotwired/stimulus";

const KEY = "theme";

export default class extends Controller {
  connect() {
    const stored = readStored();
    const dark = stored ? stored === "dark" : prefersDark();
    this.element.checked = dark;
    if (stored) document.documentElement.dataset.theme = stored;
  }

  toggle() {
    const theme = this.element.checked ? "dark" : "light";
    document.documentElement.dataset.theme = theme;
    try {
      localStorage.setItem(KEY, theme);
    } catch {
      // Storage may be off (private mode): the switch still works for this page.
    }
  }
}

function readStored() {
  try {
    const value = localStorage.getItem(KEY);
    return value === "dark" || value === "light" ? value : null;
  } catch {
    return null;
  }
}

function prefersDark() {
  return Boolean(window.matchMedia?.("(prefers-color-scheme: dark)").matches);
}
