/**
 * "Open…": choose a graph file to explore instead of the built graph: a
 * snapshot, graphology or Gephi Lite JSON, a sigma.js dataset, GEXF, GraphML,
 * or a CSV/TSV edge list. The readers go by the content, not the extension;
 * the list only decides what the chooser shows.
 */
import { useRef } from "react";
import { useAppState } from "../state";

/** Every extension the readers' formats come with; drag-and-drop takes any file. */
export const OPEN_FILE_TYPES =
  ".gexf,.graphml,.xml,.json,.csv,.tsv,.txt,application/json,application/xml,text/csv,text/tab-separated-values,text/plain";

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
      <button type="button" className="header-first-row" disabled={busy !== null} onClick={() => input.current?.click()}>
        Open…
      </button>
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Open a graph file"
        accept={OPEN_FILE_TYPES}
        onChange={(e) => {
          void openFiles(e.target.files);
          e.target.value = "";
        }}
      />
    </>
  );
}
