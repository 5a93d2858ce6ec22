// Live updates: a WebSocket to the server whose messages are <turbo-stream> elements,
// applied by Turbo. Reconnects with a capped backoff; the state is shown on the element.
import { Controller } from "@hotwired/stimulus";
import { connectStreamSource, disconnectStreamSource } from "@hotwired/turbo";

export default class extends Controller {
  static values = { path: { type: String, default: "/ws/live/" }, maxDelay: { type: Number, default: 30000 } };

  connect() {
    this.stopped = false;
    this.attempts = 0;
    this.open();
  }

  disconnect() {
    this.stopped = true;
    clearTimeout(this.retry);
    this.close();
  }

  url() {
    const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
    return `${scheme}//${window.location.host}${this.pathValue}`;
  }

  open() {
    this.setState("connecting");
    const socket = new WebSocket(this.url());
    this.socket = socket;
    connectStreamSource(socket);
    socket.addEventListener("open", () => {
      this.attempts = 0;
      this.setState("open");
    });
    socket.addEventListener("close", () => {
      disconnectStreamSource(socket);
      if (this.socket === socket) this.socket = null;
      this.setState("closed");
      if (!this.stopped) this.scheduleReconnect();
    });
  }

  close() {
    if (!this.socket) return;
    disconnectStreamSource(this.socket);
    this.socket.close();
    this.socket = null;
  }

  scheduleReconnect() {
    this.attempts += 1;
    const delay = Math.min(this.maxDelayValue, 1000 * 2 ** (this.attempts - 1));
    this.retry = setTimeout(() => this.open(), delay);
  }

  setState(state) {
    this.element.dataset.liveState = state;
  }
}
