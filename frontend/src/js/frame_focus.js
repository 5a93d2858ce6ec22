// When a Turbo frame loads a form marked data-focus-first (inline create/edit), the keyboard
// focus moves to its first field instead of being lost with the link that was replaced.
export function focusFirstField(frame) {
  const field = frame.querySelector(
    "form[data-focus-first] :is(input:not([type=hidden]), select, textarea)",
  );
  field?.focus();
  return field ?? null;
}

export function installFrameFocus(doc = document) {
  doc.addEventListener("turbo:frame-load", (event) => focusFirstField(event.target));
}
