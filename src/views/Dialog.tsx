/**
 * A modal dialog over a dimmed backdrop: closes on Escape or a click beside
 * it, and labels itself with its heading.
 */
import type { ReactNode, RefObject } from "react";

export function Dialog({
  labelledBy,
  onClose,
  className = "",
  as: Tag = "div",
  onSubmit,
  dialogRef,
  children,
}: {
  labelledBy: string;
  onClose: () => void;
  className?: string;
  as?: "div" | "form";
  onSubmit?: (event: React.FormEvent) => void;
  dialogRef?: RefObject<HTMLDivElement | null>;
  children: ReactNode;
}) {
  return (
    <div className="reader-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <Tag
        ref={dialogRef as never}
        className={`dialog ${className}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        onSubmit={onSubmit}
        onKeyDown={(e: React.KeyboardEvent) => {
          if (e.key === "Escape") {
            // Escape closes the dialog only, not the selection behind it.
            e.stopPropagation();
            onClose();
          }
        }}
      >
        {children}
      </Tag>
    </div>
  );
}
