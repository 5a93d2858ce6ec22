import { afterEach, describe, expect, it, vi } from "vitest";
import AutosubmitController from "./autosubmit_controller.js";
import { mount } from "./test_helpers.js";

const html = `
  <form data-controller="autosubmit" action="/x" method="post">
    <select name="status" data-action="change->autosubmit#submit">
      <option value="todo">To do</option><option value="done">Done</option>
    </select>
    <button type="submit" data-autosubmit-target="fallback">Update</button>
  </form>`;

describe("autosubmit controller", () => {
  let app;
  afterEach(() => app?.stop());

  it("hides the fallback button and submits on change", async () => {
    app = await mount("autosubmit", AutosubmitController, html);
    const form = document.querySelector("form");
    expect(form.querySelector("button").hidden).toBe(true);
    const submit = vi.spyOn(form, "requestSubmit").mockImplementation(() => {});
    const select = form.querySelector("select");
    select.value = "done";
    select.dispatchEvent(new Event("change"));
    expect(submit).toHaveBeenCalledOnce();
  });
});
