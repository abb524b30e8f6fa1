"use client";

/**
 * Moves focus to the result of an in-page action once it is on the page: a new reply or
 * row that only appears when the router refresh has rendered it. Waits (a frame at a
 * time, up to `timeoutMs`) for the element, makes it focusable if it is not, and focuses it.
 */
export function focusWhenRendered(elementId: string, timeoutMs = 8_000): void {
  const started = performance.now();
  const attempt = () => {
    const element = document.getElementById(elementId);
    if (element) {
      if (!element.hasAttribute("tabindex")) element.setAttribute("tabindex", "-1");
      element.focus();
      return;
    }
    if (performance.now() - started < timeoutMs) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
