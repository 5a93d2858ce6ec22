import { afterEach, describe, expect, it } from "vitest";
import { installFrameFocus } from "./frame_focus.js";

describe("frame focus", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("focuses the first visible field of a loaded inline form", () => {
    installFrameFocus();
    document.body.innerHTML = `
      <turbo-frame id="new_task"><form data-focus-first>
        <input type="hidden" name="csrfmiddlewaretoken"><input id="title" name="title">
      </form></turbo-frame>`;
    document.querySelector("turbo-frame").dispatchEvent(new Event("turbo:frame-load", { bubbles: true }));
    expect(document.activeElement.id).toBe("title");
  });

  it("leaves focus alone for frames without such a form (a row with its status select)", () => {
    installFrameFocus();
    document.body.innerHTML = `<turbo-frame id="row"><form><select id="status"></select></form></turbo-frame>`;
    document.querySelector("turbo-frame").dispatchEvent(new Event("turbo:frame-load", { bubbles: true }));
    expect(document.activeElement).toBe(document.body);
  });
});
