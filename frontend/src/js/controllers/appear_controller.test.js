import { afterEach, describe, expect, it, vi } from "vitest";
import { gsap } from "gsap";
import AppearController from "./appear_controller.js";
import { mount } from "./test_helpers.js";

vi.mock("gsap", () => ({ gsap: { from: vi.fn(), to: vi.fn() } }));

describe("appear controller", () => {
  let app;
  afterEach(() => {
    app?.stop();
    vi.unstubAllGlobals();
    gsap.from.mockClear();
  });

  it("eases a new element in", async () => {
    app = await mount("appear", AppearController, '<li id="row" data-controller="appear">x</li>');
    expect(gsap.from).toHaveBeenCalledOnce();
    expect(gsap.from.mock.calls[0][0].id).toBe("row");
  });

  it("does not animate when reduced motion is asked for", async () => {
    vi.stubGlobal("matchMedia", (query) => ({ matches: query.includes("reduce") }));
    app = await mount("appear", AppearController, '<li data-controller="appear">x</li>');
    expect(gsap.from).not.toHaveBeenCalled();
  });
});
