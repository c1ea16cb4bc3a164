/** "Open…": choose a snapshot, GEXF or graphology JSON file to explore instead of the built graph. */
import { useRef } from "react";
import { useAppState } from "../state";

export async function openFiles(files: FileList | null | undefined): Promise<void> {
  const file = files?.[0];
  if (!file) return;
  // Loaded on first use: the parsers are not needed to explore the built graph.
  const { openUserFile } = await import("../state/open-user-file");
  await openUserFile(file);
}

export function OpenFile() {
  const input = useRef<HTMLInputElement>(null);
  const busy = useAppState((s) => s.ui.busy);
  return (
    <>
      <button type="button" disabled={busy !== null} onClick={() => input.current?.click()}>
        Open…
      </button>
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Open a graph file"
        accept=".json,.gexf,.xml,application/json,application/xml"
        onChange={(e) => {
          void openFiles(e.target.files);
          e.target.value = "";
        }}
      />
    </>
  );
}
