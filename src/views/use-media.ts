/** Whether a media query matches now, following changes (a rotated phone, a resized window). */
import { useSyncExternalStore } from "react";

/** A phone: the panels become drawers and the toolbar compact (src/styles.css uses the same width). */
export const PHONE = "(max-width: 760px)";
/** Too narrow for the filter column beside the graph: the filters open as a drawer. */
export const NARROW = "(max-width: 900px)";

export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const media = window.matchMedia(query);
      media.addEventListener("change", onChange);
      return () => media.removeEventListener("change", onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}
