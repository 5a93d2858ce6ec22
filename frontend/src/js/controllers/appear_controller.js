// A row that arrives after the page loaded (inline create, a live update) eases in.
import { Controller } from "@hotwired/stimulus";
import { enter } from "../motion.js";

export default class extends Controller {
  connect() {
    enter(this.element);
  }
}
