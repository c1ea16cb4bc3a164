/** Messages for the user: polite status notes and alerts, each dismissible. */
import { dispatch, useAppState } from "../state";
import type { Notice } from "../state/ui";

function NoticeList({ role, notices }: { role: Notice["role"]; notices: Notice[] }) {
  return (
    <div role={role} aria-live={role === "status" ? "polite" : "assertive"}>
      {notices
        .filter((n) => n.role === role)
        .map((n) => (
          <p key={n.id} className={role === "alert" ? "notice notice-alert" : "notice"}>
            {n.text}
            <button type="button" aria-label="Dismiss" onClick={() => dispatch({ type: "dismiss", id: n.id })}>
              ✕
            </button>
          </p>
        ))}
    </div>
  );
}

export function Notices() {
  const notices = useAppState((s) => s.ui.notices);
  return (
    <div className="notices">
      <NoticeList role="status" notices={notices} />
      <NoticeList role="alert" notices={notices} />
    </div>
  );
}
