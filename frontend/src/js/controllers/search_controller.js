// As-you-type search: debounced, and a newer query aborts the request still in flight so a
// stale answer never overwrites a fresh one. The form still submits normally without JS.
import { Controller } from "@hotwired/stimulus";

export default class extends Controller {
  static targets = ["input", "results", "status"];
  static values = { delay: { type: Number, default: 250 }, minLength: { type: Number, default: 1 } };

  disconnect() {
    clearTimeout(this.timer);
    this.controller?.abort();
  }

  queue() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.search(), this.delayValue);
  }

  async search() {
    const query = this.inputTarget.value.trim();
    this.controller?.abort();
    if (query.length < this.minLengthValue) {
      this.resultsTarget.replaceChildren();
      this.announce("");
      return;
    }
    const controller = new AbortController();
    this.controller = controller;
    const url = new URL(this.element.action || window.location.href, window.location.href);
    url.search = new URLSearchParams(new FormData(this.element)).toString();
    this.element.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { Accept: "text/html" } });
      const html = await response.text();
      if (controller.signal.aborted) return;
      this.render(html);
      window.history.replaceState(window.history.state, "", url);
    } catch (error) {
      if (error.name !== "AbortError") this.announce("Search failed; press Enter to retry.");
    } finally {
      if (this.controller === controller) this.element.removeAttribute("aria-busy");
    }
  }

  render(html) {
    const doc = new DOMParser().parseFromString(html, "text/html");
    const id = this.resultsTarget.id;
    const fresh = (id && doc.getElementById(id)) || doc.body;
    this.resultsTarget.replaceChildren(...Array.from(fresh.childNodes, (node) => document.importNode(node, true)));
    const count = this.resultsTarget.querySelectorAll("[data-search-result]").length;
    this.announce(`${count} result${count === 1 ? "" : "s"}`);
  }

  announce(text) {
    if (this.hasStatusTarget) this.statusTarget.textContent = text;
  }
}
