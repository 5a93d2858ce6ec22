// Submits its form when a control changes (e.g. a task's status select). The fallback
// button stays visible only without JavaScript.
import { Controller } from "@hotwired/stimulus";

export default class extends Controller {
  static targets = ["fallback"];

  connect() {
    for (const button of this.fallbackTargets) button.hidden = true;
  }

  submit() {
    this.element.requestSubmit();
  }
}
