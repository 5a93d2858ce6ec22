import { afterEach, describe, expect, it, vi } from "vitest";
import ToastController from "./toast_controller.js";
import { mount } from "./test_helpers.js";

vi.mock("gsap", () => ({
  gsap: { from: vi.fn(), to: vi.fn((_el, vars) => vars.onComplete?.()) },
}));

const toast = (timeout) => `
  <div role="status" data-controller="toast" data-toast-timeout-value="${timeout}">
    Saved. <button type="button" data-action="toast#dismiss">Close</button>
  </div>`;

describe("toast controller", () => {
  let app;
  afterEach(() => {
    app?.stop();
    vi.useRealTimers();
  });

  it("leaves by itself after its timeout", async () => {
    app = await mount("toast", ToastController, toast(50));
    expect(document.querySelector("[role=status]")).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(document.querySelector("[role=status]")).toBeNull();
  });

  it("stays when the timeout is 0 until closed", async () => {
    app = await mount("toast", ToastController, toast(0));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(document.querySelector("[role=status]")).not.toBeNull();
    document.querySelector("button").click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.querySelector("[role=status]")).toBeNull();
  });
});
