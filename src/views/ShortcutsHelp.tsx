/** "?" anywhere but a text field, or the "?" button: the keys the explorer knows, in a dialog. */
import { useEffect, useRef, useState } from "react";
import { Dialog } from "./Dialog";
import { isTyping } from "./SearchBox";

const SHORTCUTS: [keys: string[], what: string][] = [
  [["/"], "Search actors"],
  [["Esc"], "Clear the search text; again: clear the selection; close a drawer, a dialog or a menu"],
  [["Tab"], "Next control; the first Tab offers “Skip to the graph” and “Skip to the details”"],
  [["←", "→", "↑", "↓"], "On the graph: move between the selected actor and its neighbours (between all actors when none is selected)"],
  [["Enter"], "On the graph: select the actor under the cursor"],
  [["+", "−"], "On the graph: zoom in, zoom out"],
  [["←", "→", "Page Up", "Page Down"], "On a year handle: move it (it pushes the other along)"],
  [["Home", "End"], "On a year handle: as far as it goes without moving the other; in a menu or a list: first, last item"],
  [["?"], "This list"],
];

export function ShortcutsHelp() {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLElement | null>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "?" && !isTyping(event.target) && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        setOpen(true);
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  useEffect(() => {
    if (open) closeButton.current?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    (opener.current?.isConnected ? opener.current : document.getElementById("graph"))?.focus();
  };
  return (
    <>
      <button
        type="button"
        className="icon-text"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        onClick={(e) => {
          opener.current = e.currentTarget;
          setOpen(true);
        }}
      >
        ?
      </button>
      {open && (
        <Dialog className="reader shortcuts" labelledBy="shortcuts-title" onClose={close}>
          <header>
            <h2 id="shortcuts-title">Keyboard shortcuts</h2>
            <button ref={closeButton} type="button" aria-label="Close keyboard shortcuts" onClick={close}>
              ✕
            </button>
          </header>
          <table className="shortcut-table">
            <tbody>
              {SHORTCUTS.map(([keys, what]) => (
                <tr key={what}>
                  <th scope="row">
                    {keys.map((k) => (
                      <kbd key={k}>{k}</kbd>
                    ))}
                  </th>
                  <td>{what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Dialog>
      )}
    </>
  );
}
