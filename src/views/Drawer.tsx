/**
 * A panel that, on a narrow screen, opens as a drawer over the page: a
 * visible close button, Escape, a tap beside it and the Back button close
 * it, focus moves into it and returns to where it was. Wide screens get the
 * panel as it is, in its column.
 */
import { useEffect, useRef, type ReactNode } from "react";
import { leaveDrawerEntry, pushDrawerEntry } from "../state/url-sync";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea, [tabindex]:not([tabindex="-1"])';

export function Drawer({
  asDrawer,
  open,
  onClose,
  label,
  side,
  children,
}: {
  /** Whether the panel is a drawer here (narrow screen) or a column. */
  asDrawer: boolean;
  open: boolean;
  onClose: () => void;
  /** What the close button closes: "filters", "details". */
  label: string;
  side: "left" | "bottom";
  children: ReactNode;
}) {
  const panel = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });
  const shown = asDrawer && open;

  useEffect(() => {
    if (!shown) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeButton.current?.focus();
    pushDrawerEntry(() => onCloseRef.current());
    return () => {
      leaveDrawerEntry();
      // Back to the control that opened it, or, if that went, to the page's graph.
      const back = opener?.isConnected ? opener : document.getElementById("graph");
      back?.focus({ preventScroll: true });
    };
  }, [shown]);

  if (!asDrawer) return <>{children}</>;
  if (!open) return null;
  return (
    <>
      <div className="drawer-backdrop" onPointerDown={() => onClose()} aria-hidden="true" />
      <div
        ref={panel}
        className={`drawer drawer-${side}`}
        role="dialog"
        aria-modal="true"
        aria-label={label[0]!.toUpperCase() + label.slice(1)}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            // The drawer takes this Escape: a second one clears the selection.
            e.stopPropagation();
            e.nativeEvent.stopImmediatePropagation();
            onClose();
          } else if (e.key === "Tab") {
            const items = [...(panel.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])].filter((el) => el.offsetParent !== null);
            const first = items[0];
            const last = items.at(-1);
            if (e.shiftKey && document.activeElement === first) {
              e.preventDefault();
              last?.focus();
            } else if (!e.shiftKey && document.activeElement === last) {
              e.preventDefault();
              first?.focus();
            }
          }
        }}
      >
        <div className="drawer-bar">
          <button ref={closeButton} type="button" className="drawer-close" onClick={() => onClose()}>
            <span aria-hidden="true">✕</span> Close {label}
          </button>
        </div>
        {children}
      </div>
    </>
  );
}
