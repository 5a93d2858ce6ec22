// GSAP only where motion helps, and never for people who asked for less of it.
import { gsap } from "gsap";

export function prefersReducedMotion() {
  return Boolean(window.matchMedia?.("(prefers-reduced-motion: reduce)").matches);
}

export function enter(element, from = { autoAlpha: 0, y: -6 }) {
  if (prefersReducedMotion()) return;
  gsap.from(element, { ...from, duration: 0.3, ease: "power2.out", clearProps: "all" });
}

export function leave(element) {
  return new Promise((resolve) => {
    if (prefersReducedMotion()) return resolve();
    gsap.to(element, { autoAlpha: 0, x: 24, duration: 0.25, onComplete: resolve });
  });
}
