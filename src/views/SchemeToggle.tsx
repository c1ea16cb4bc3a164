/** Light or dark page: follows the system until the reader chooses, and this browser remembers the choice. */
import { useAppState } from "../state";
import { toggleScheme } from "../state/scheme";

export function SchemeToggle() {
  const scheme = useAppState((s) => s.ui.scheme);
  return (
    <button
      type="button"
      className="icon-text"
      aria-pressed={scheme === "dark"}
      aria-label="Dark mode"
      title={scheme === "dark" ? "Dark mode (on)" : "Dark mode (off)"}
      onClick={toggleScheme}
    >
      <span aria-hidden="true">{scheme === "dark" ? "☾" : "☀"}</span>
    </button>
  );
}
