/** Progress of a long task (opening a file, exporting), announced politely. */
import { useAppState } from "../state";

export function Busy() {
  const busy = useAppState((s) => s.ui.busy);
  return (
    <div className="busy" role="status" aria-live="polite">
      {busy && (
        <p className="notice">
          <span className="spinner" aria-hidden="true" /> {busy}
        </p>
      )}
    </div>
  );
}
