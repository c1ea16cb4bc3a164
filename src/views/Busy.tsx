/** Progress of a long task (opening, laying out, exporting), announced politely; Cancel where it can stop. */
import { useAppState } from "../state";
import { cancelBusy } from "../state/cancel";

export function Busy() {
  const busy = useAppState((s) => s.ui.busy);
  const cancellable = useAppState((s) => s.ui.busyCancellable);
  return (
    <div className="busy" role="status" aria-live="polite">
      {busy && (
        <p className="notice">
          <span className="spinner" aria-hidden="true" /> {busy}
          {cancellable && (
            <button type="button" className="busy-cancel" onClick={cancelBusy}>
              Cancel
            </button>
          )}
        </p>
      )}
    </div>
  );
}
