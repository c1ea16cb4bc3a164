/** Messages for the user: polite status notes and alerts, each dismissible. */
import { dispatch, useAppState } from "../state";

export function Notices() {
  const notices = useAppState((s) => s.notices);
  const status = notices.filter((n) => n.role === "status");
  const alerts = notices.filter((n) => n.role === "alert");
  return (
    <div className="notices">
      <div role="status" aria-live="polite">
        {status.map((n) => (
          <p key={n.id} className="notice">
            {n.text}
            <button type="button" aria-label="Dismiss" onClick={() => dispatch({ type: "dismiss", id: n.id })}>
              ✕
            </button>
          </p>
        ))}
      </div>
      <div role="alert">
        {alerts.map((n) => (
          <p key={n.id} className="notice notice-alert">
            {n.text}
            <button type="button" aria-label="Dismiss" onClick={() => dispatch({ type: "dismiss", id: n.id })}>
              ✕
            </button>
          </p>
        ))}
      </div>
    </div>
  );
}
