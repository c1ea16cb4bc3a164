/**
 * The page's colour scheme: the system's (`prefers-color-scheme`) unless the
 * reader chose one with the toggle, which this browser remembers. The store's
 * `ui.scheme` is the one truth: the page's CSS reads it from the root
 * element's `data-scheme`, the graph from the store.
 */
import { dispatch, store } from "./index";
import type { ColorScheme } from "./ui";

const DARK_QUERY = "(prefers-color-scheme: dark)";

function systemScheme(): ColorScheme {
  return window.matchMedia?.(DARK_QUERY).matches ? "dark" : "light";
}

function apply(scheme: ColorScheme): void {
  const root = document.documentElement;
  root.dataset.scheme = scheme;
  // Native controls (scroll bars, inputs) follow too.
  root.style.colorScheme = scheme;
}

/** Keeps the page and the store in step with the system's scheme and the reader's choice; returns a function that stops. */
export function startSchemeSync(): () => void {
  apply(store.getState().ui.scheme);
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.ui.scheme !== prev.ui.scheme) apply(state.ui.scheme);
  });
  const media = window.matchMedia?.(DARK_QUERY);
  const onChange = () => {
    // A choice made with the toggle wins over the system until the reader toggles back.
    if (store.getState().ui.preferences.scheme === null) dispatch({ type: "setScheme", scheme: systemScheme() });
  };
  media?.addEventListener("change", onChange);
  // The system may have changed between the store's start and now.
  onChange();
  return () => {
    unsubscribe();
    media?.removeEventListener("change", onChange);
  };
}

/**
 * Switches between light and dark. Choosing the system's own scheme forgets
 * the choice, so the page follows the system again from then on.
 */
export function toggleScheme(): void {
  const next: ColorScheme = store.getState().ui.scheme === "dark" ? "light" : "dark";
  dispatch({ type: "setPreferences", preferences: { scheme: next === systemScheme() ? null : next } });
  dispatch({ type: "setScheme", scheme: next });
}
