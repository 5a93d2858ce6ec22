// Starts a Stimulus application on a piece of HTML for a controller test.
import { Application } from "@hotwired/stimulus";

export async function mount(name, Controller, html) {
  document.body.innerHTML = html;
  const application = Application.start();
  application.register(name, Controller);
  await tick();
  return application;
}

export function tick() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
