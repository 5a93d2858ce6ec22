import { afterEach, describe, expect, it } from "vitest";
import { csrfHeaders } from "./csrf.js";

describe("csrf headers", () => {
  afterEach(() => {
    document.head.innerHTML = "";
  });

  it("adds Django's header to unsafe requests only", () => {
    document.head.innerHTML = '<meta name="csrf-token" content="abc">';
    expect(csrfHeaders("post")).toEqual({ "X-CSRFToken": "abc" });
    expect(csrfHeaders("GET")).toEqual({});
  });

  it("adds nothing when the page has no token", () => {
    expect(csrfHeaders("POST")).toEqual({});
  });
});
