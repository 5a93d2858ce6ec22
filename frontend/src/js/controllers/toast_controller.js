// A flash message shown as a toast: slides in, leaves by itself after `timeout` ms
// (0 keeps it, as for errors), or when its close button is pressed.
import { Controller } from "@hotwired/stimulus";
import { enter, leave } from "../motion.js";

export default class extends Controller {
  static values = { timeout: { type: Number, default: 5000 } };

  connect() {
    enter(this.element, { autoAlpha: 0, x: 24 });
    if (this.timeoutValue > 0) {
      this.timer = setTimeout(() => this.dismiss(), this.timeoutValue);
    }
  }

  disconnect() {
    clearTimeout(this.timer);
  }

  async dismiss() {
    clearTimeout(this.timer);
    await leave(this.element);
    this.element.remove();
  }
}
