import { afterEach, describe, expect, it } from "vitest";
import ThemeController from "./theme_controller.js";
import { mount } from "./test_helpers.js";

const html = '<input type="checkbox" class="theme-controller" value="dark" data-controller="theme" data-action="change->theme#toggle">';

describe("theme controller", () => {
  let app;
  afterEach(() => {
    app?.stop();
    localStorage.clear();
    delete document.documentElement.dataset.theme;
  });

  it("remembers the chosen theme and applies it", async () => {
    app = await mount("theme", ThemeController, html);
    const box = document.querySelector("input");
    box.checked = true;
    box.dispatchEvent(new Event("change"));
    expect(localStorage.getItem("theme")).toBe("dark");
    expect(document.documentElement.dataset.theme).toBe("dark");
    box.checked = false;
    box.dispatchEvent(new Event("change"));
    expect(localStorage.getItem("theme")).toBe("light");
    expect(document.documentElement.dataset.theme).toBe("light");
  });

  it("restores a stored choice on the next page", async () => {
    localStorage.setItem("theme", "dark");
    app = await mount("theme", ThemeController, html);
    expect(document.querySelector("input").checked).toBe(true);
    expect(document.documentElement.dataset.theme).toBe("dark");
  });

  it("ignores a stored value that is not a theme", async () => {
    localStorage.setItem("theme", "<script>");
    app = await mount("theme", ThemeController, html);
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });
});
