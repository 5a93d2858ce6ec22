import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import SearchController from "./search_controller.js";
import { mount } from "./test_helpers.js";

const html = `
  <form action="/search/" method="get" data-controller="search" data-search-delay-value="20">
    <input name="q" data-search-target="input" data-action="input->search#queue">
    <p data-search-target="status" role="status"></p>
    <div id="search-results" data-search-target="results"></div>
  </form>`;

function page(query) {
  return `<main><div id="search-results"><a data-search-result href="#"><mark>${query}</mark></a></div></main>`;
}

describe("search controller", () => {
  let app;
  let calls;
  beforeEach(() => {
    calls = [];
    vi.stubGlobal("fetch", vi.fn((url, { signal }) => {
      const query = new URL(url).searchParams.get("q");
      const call = { query, signal };
      calls.push(call);
      return new Promise((resolve, reject) => {
        call.resolve = () => resolve({ text: async () => page(query) });
        signal.addEventListener("abort", () => reject(Object.assign(new Error("aborted"), { name: "AbortError" })));
      });
    }));
  });
  afterEach(() => {
    app?.stop();
    vi.unstubAllGlobals();
  });

  const type = (value) => {
    const input = document.querySelector("input");
    input.value = value;
    input.dispatchEvent(new Event("input"));
  };
  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  it("debounces keystrokes into one request", async () => {
    app = await mount("search", SearchController, html);
    type("t");
    type("ta");
    type("tas");
    await wait(40);
    expect(calls.map((c) => c.query)).toEqual(["tas"]);
    calls[0].resolve();
    await wait(0);
    expect(document.querySelector("#search-results mark").textContent).toBe("tas");
    expect(document.querySelector("[role=status]").textContent).toBe("1 result");
  });

  it("aborts a stale request so its answer never lands", async () => {
    app = await mount("search", SearchController, html);
    type("old");
    await wait(40);
    type("new");
    await wait(40);
    expect(calls[0].signal.aborted).toBe(true);
    calls[1].resolve();
    await wait(0);
    expect(document.querySelector("#search-results mark").textContent).toBe("new");
  });

  it("clears the results for an empty query without a request", async () => {
    app = await mount("search", SearchController, html);
    document.querySelector("#search-results").innerHTML = "<p>old</p>";
    type("   ");
    await wait(40);
    expect(calls).toHaveLength(0);
    expect(document.querySelector("#search-results").children).toHaveLength(0);
  });
});
