import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { connectStreamSource, disconnectStreamSource } from "@hotwired/turbo";
import LiveController from "./live_controller.js";
import { mount, tick } from "./test_helpers.js";

vi.mock("@hotwired/turbo", () => ({ connectStreamSource: vi.fn(), disconnectStreamSource: vi.fn() }));

class FakeSocket extends EventTarget {
  static all = [];
  constructor(url) {
    super();
    this.url = url;
    this.closed = false;
    FakeSocket.all.push(this);
  }
  close() {
    this.closed = true;
  }
}

describe("live controller", () => {
  let app;
  beforeEach(() => {
    FakeSocket.all = [];
    vi.stubGlobal("WebSocket", FakeSocket);
  });
  afterEach(() => {
    app?.stop();
    vi.unstubAllGlobals();
    vi.useRealTimers();
    vi.clearAllMocks();
  });

  it("opens a socket on this host and hands it to Turbo", async () => {
    app = await mount("live", LiveController, '<div data-controller="live" data-live-path-value="/ws/live/"></div>');
    const [socket] = FakeSocket.all;
    expect(socket.url).toBe(`ws://${window.location.host}/ws/live/`);
    expect(connectStreamSource).toHaveBeenCalledWith(socket);
    socket.dispatchEvent(new Event("open"));
    expect(document.querySelector("div").dataset.liveState).toBe("open");
  });

  it("reconnects with a growing delay after the socket closes", async () => {
    vi.useFakeTimers();
    app = Promise.resolve();
    const application = await (async () => {
      document.body.innerHTML = '<div data-controller="live"></div>';
      const { Application } = await import("@hotwired/stimulus");
      const a = Application.start();
      a.register("live", LiveController);
      await vi.advanceTimersByTimeAsync(0);
      return a;
    })();
    app = application;
    FakeSocket.all[0].dispatchEvent(new Event("close"));
    expect(disconnectStreamSource).toHaveBeenCalledWith(FakeSocket.all[0]);
    expect(document.querySelector("div").dataset.liveState).toBe("closed");
    await vi.advanceTimersByTimeAsync(999);
    expect(FakeSocket.all).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSocket.all).toHaveLength(2);
    FakeSocket.all[1].dispatchEvent(new Event("close"));
    await vi.advanceTimersByTimeAsync(1999);
    expect(FakeSocket.all).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSocket.all).toHaveLength(3);
  });

  it("closes the socket and stops reconnecting when removed", async () => {
    app = await mount("live", LiveController, '<div data-controller="live"></div>');
    const [socket] = FakeSocket.all;
    document.body.innerHTML = "";
    await tick();
    expect(socket.closed).toBe(true);
    socket.dispatchEvent(new Event("close"));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(FakeSocket.all).toHaveLength(1);
  });
});
