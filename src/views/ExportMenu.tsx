/**
 * "Export": a menu button whose items name their format. Images first ask
 * for their options (scale, title, legend, source line, background).
 */
import { useEffect, useId, useRef, useState } from "react";
import { runExport } from "../sigma/export/run";
import type { ExportFormat, ImageOptions } from "../sigma/export/types";
import { useAppState } from "../state";
import { Dialog } from "./Dialog";

const ITEMS: { format: ExportFormat; label: string; hint: string }[] = [
  { format: "png", label: "PNG image…", hint: "for reports and slides" },
  { format: "svg", label: "SVG image…", hint: "vector, for print and editing" },
  { format: "gexf", label: "GEXF", hint: "for Gephi and Gephi Lite" },
  { format: "graphml", label: "GraphML", hint: "for yEd, Cytoscape and others" },
  { format: "json", label: "JSON snapshot", hint: "reopens here with the view" },
  { format: "csv", label: "CSV relations", hint: "one row per quote, for spreadsheets" },
];

function ImageOptionsDialog({ format, onClose }: { format: "png" | "svg"; onClose: () => void }) {
  const [options, setOptions] = useState<ImageOptions>({ scale: 2, title: "", legend: true, source: true, background: "white" });
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const set = (patch: Partial<ImageOptions>) => setOptions((o) => ({ ...o, ...patch }));
  return (
    <Dialog
      as="form"
      className="reader export-dialog"
      labelledBy="export-title"
      onClose={onClose}
      onSubmit={(e) => {
        e.preventDefault();
        runExport(format, options);
        onClose();
      }}
    >
      <h2 id="export-title">Export {format.toUpperCase()}</h2>
      <p className="muted">Exactly what is on screen: the visible actors and relations, as drawn.</p>
      <label className="field">
        <span>Title</span>
        <input ref={first} type="text" value={options.title} onChange={(e) => set({ title: e.target.value })} placeholder="(none)" />
      </label>
      {format === "png" && (
        <fieldset className="field-row">
          <legend>Resolution</legend>
          {([1, 2, 4] as const).map((scale) => (
            <label key={scale}>
              <input type="radio" name="scale" checked={options.scale === scale} onChange={() => set({ scale })} />
              {scale}×
            </label>
          ))}
        </fieldset>
      )}
      <fieldset className="field-row">
        <legend>Background</legend>
        {(["white", "transparent"] as const).map((background) => (
          <label key={background}>
            <input type="radio" name="background" checked={options.background === background} onChange={() => set({ background })} />
            {background}
          </label>
        ))}
      </fieldset>
      <label className="switch">
        <input type="checkbox" checked={options.legend} onChange={(e) => set({ legend: e.target.checked })} />
        Legend
      </label>
      <label className="switch">
        <input type="checkbox" checked={options.source} onChange={(e) => set({ source: e.target.checked })} />
        Sources (articles and dates)
      </label>
      <div className="detail-actions dialog-actions">
        <button type="submit">Download {format.toUpperCase()}</button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}

export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const [dialog, setDialog] = useState<"png" | "svg" | null>(null);
  const busy = useAppState((s) => s.ui.busy);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);

  const close = (refocus = true) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const choose = (format: ExportFormat) => {
    close(false);
    if (format === "png" || format === "svg") setDialog(format);
    else runExport(format);
  };
  const move = (delta: number) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    items[(((i + delta) % items.length) + items.length) % items.length]?.focus();
  };
  const moveTo = (end: "first" | "last") => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    (end === "first" ? items[0] : items.at(-1))?.focus();
  };

  return (
    <div className="menu">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        disabled={busy !== null}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        Export
      </button>
      {open && (
        <ul
          ref={menu}
          id={menuId}
          role="menu"
          aria-label="Export formats"
          className="menu-list"
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget)) setOpen(false);
          }}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown") move(1);
            else if (e.key === "ArrowUp") move(-1);
            else if (e.key === "Home") moveTo("first");
            else if (e.key === "End") moveTo("last");
            else if (e.key === "Escape") close();
            else return;
            e.preventDefault();
            e.stopPropagation();
          }}
        >
          {ITEMS.map((item) => (
            <li
              key={item.format}
              role="menuitem"
              tabIndex={-1}
              onClick={() => choose(item.format)}
              onKeyDown={(e) => {
                if (e.key === "Enter" || e.key === " ") {
                  e.preventDefault();
                  choose(item.format);
                }
              }}
            >
              <span>{item.label}</span>
              <small className="muted"> {item.hint}</small>
            </li>
          ))}
        </ul>
      )}
      {dialog && (
        <ImageOptionsDialog
          format={dialog}
          onClose={() => {
            setDialog(null);
            button.current?.focus();
          }}
        />
      )}
    </div>
  );
}
