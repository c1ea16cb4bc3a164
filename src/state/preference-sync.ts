/** Writes the reader's preferences to this browser's storage whenever they change. */
import { store } from "./index";
import { writePreferences } from "./preferences";

export function startPreferenceSync(): () => void {
  return store.subscribe((state, prev) => {
    if (state.ui.preferences !== prev.ui.preferences) writePreferences(state.ui.preferences);
  });
}
