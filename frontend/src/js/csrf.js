// Django's CSRF token travels in a header for Turbo's fetches, so forms rendered without a
// request (rows streamed over the WebSocket) still submit.
const SAFE = new Set(["GET", "HEAD", "OPTIONS", "TRACE"]);

export function csrfToken(doc = document) {
  return doc.querySelector('meta[name="csrf-token"]')?.content ?? "";
}

export function csrfHeaders(method = "GET", doc = document) {
  const token = csrfToken(doc);
  if (!token || SAFE.has(String(method).toUpperCase())) return {};
  return { "X-CSRFToken": token };
}
