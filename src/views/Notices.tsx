/**
 * Messages for the user, over the foot of the graph where no control is:
 * status notes go away by themselves after a few seconds (not while the
 * pointer or the focus is on them), alerts stay until closed; a notice given
 * again is counted ("×2") rather than stacked; a long one is cut, the whole
 * text a click away.
 */
import { useEffect, useState } from "react";
import { dispatch, useAppState } from "../state";
import type { Notice } from "../state/ui";
import { BoundedText } from "./BoundedText";
import { Busy } from "./Busy";

/** How long a status note stays: long enough to read it, a little longer for a longer one. */
export function statusLifetime(text: string): number {
  return Math.min(15_000, 6_000 + 40 * text.length);
}

function NoticeItem({ notice, paused }: { notice: Notice; paused: boolean }) {
  useEffect(() => {
    if (notice.role !== "status" || paused) return;
    const timer = setTimeout(() => dispatch({ type: "dismiss", id: notice.id }), statusLifetime(notice.text));
    return () => clearTimeout(timer);
  }, [notice, paused]);
  return (
    <p className={notice.role === "alert" ? "notice notice-alert" : "notice"}>
      <span className="notice-text">
        <BoundedText text={notice.text} max={280} />
        {notice.count > 1 && <span className="notice-count"> ×{notice.count}</span>}
      </span>
      <button
        type="button"
        aria-label="Dismiss"
        title="Dismiss"
        onClick={(e) => {
          // Focus goes on to the next notice's button, or back to the graph, not to the page's body.
          const buttons = [...(e.currentTarget.closest(".notices")?.querySelectorAll<HTMLElement>(".notice button") ?? [])];
          const next = buttons[buttons.indexOf(e.currentTarget) + 1] ?? buttons[buttons.indexOf(e.currentTarget) - 1];
          dispatch({ type: "dismiss", id: notice.id });
          (next ?? document.getElementById("graph"))?.focus();
        }}
      >
        ✕
      </button>
    </p>
  );
}

function NoticeList({ role, notices, paused }: { role: Notice["role"]; notices: Notice[]; paused: boolean }) {
  return (
    <div role={role} aria-live={role === "status" ? "polite" : "assertive"}>
      {notices
        .filter((n) => n.role === role)
        .map((n) => (
          <NoticeItem key={n.id} notice={n} paused={paused} />
        ))}
    </div>
  );
}

export function Notices() {
  const notices = useAppState((s) => s.ui.notices);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const paused = hovered || focused;
  return (
    <div
      className="notices"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) setFocused(false);
      }}
    >
      <Busy />
      <NoticeList role="status" notices={notices} paused={paused} />
      <NoticeList role="alert" notices={notices} paused={paused} />
    </div>
  );
}
