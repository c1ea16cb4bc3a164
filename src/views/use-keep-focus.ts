/**
 * Focus is never lost inside a part of the page that re-renders: when the
 * focused control disappears (the panel changed to another actor, a group
 * collapsed, "Clear path" removed its own section), focus goes to the part's
 * fallback (its heading, marked `data-focus-fallback`, or the part itself)
 * instead of falling to the page's body, where a keyboard user starts over.
 */
import { useEffect, type RefObject } from "react";

export function useKeepFocus(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    let last: Element | null = null;
    const onFocusIn = (e: FocusEvent) => {
      last = e.target as Element;
    };
    const observer = new MutationObserver(() => {
      if (!last || last.isConnected) return;
      const active = document.activeElement;
      last = null;
      if (active && active !== document.body) return;
      const target = root.querySelector<HTMLElement>("[data-focus-fallback]") ?? root;
      if (!target.hasAttribute("tabindex")) target.tabIndex = -1;
      target.focus({ preventScroll: true });
    });
    root.addEventListener("focusin", onFocusIn);
    observer.observe(root, { childList: true, subtree: true });
    return () => {
      root.removeEventListener("focusin", onFocusIn);
      observer.disconnect();
    };
  }, [ref]);
}
