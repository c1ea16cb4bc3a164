/**
 * The studio's state on the page: the corpus as the server last described
 * it, and the changes sent to it. Files changed on disk and a rebuilt graph
 * are announced by the dev server; a change refused because a file changed
 * meanwhile leaves the page's state as it was, to be reloaded on request.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import {
  CORPUS_CHANGED_EVENT,
  GRAPH_UPDATED_EVENT,
  type Change,
  type ChangeResponse,
  type CorpusChangedEvent,
  type StudioState,
} from "../../graph/studio/protocol";
import { loadState, onServerEvent, sendChange } from "./api";

export interface Studio {
  state: StudioState | null;
  /** Why there is no state: the server could not be reached or refused. */
  error: string | null;
  /** Files that changed on disk since the state was read. */
  changedOnDisk: string[];
  /** A conflict of the last change: its message and files. */
  conflict: { message: string; files: string[] } | null;
  /** A passing message: the graph was rebuilt, a selection could not be quoted. */
  notice: string | null;
  say: (message: string | null) => void;
  reload: () => Promise<void>;
  apply: (change: Change) => Promise<ChangeResponse>;
}

export function useStudio(): Studio {
  const [state, setState] = useState<StudioState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [changedOnDisk, setChangedOnDisk] = useState<string[]>([]);
  const [conflict, setConflict] = useState<Studio["conflict"]>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const say = useCallback((message: string | null) => {
    setNotice(message);
    if (noticeTimer.current) clearTimeout(noticeTimer.current);
    if (message) noticeTimer.current = setTimeout(() => setNotice(null), 8000);
  }, []);

  const reload = useCallback(async () => {
    try {
      setState(await loadState());
      setError(null);
      setChangedOnDisk([]);
      setConflict(null);
    } catch (err) {
      setError((err as Error).message);
    }
  }, []);

  useEffect(() => {
    loadState().then(setState, (err: Error) => setError(err.message));
    const offCorpus = onServerEvent<CorpusChangedEvent>(CORPUS_CHANGED_EVENT, (e) =>
      setChangedOnDisk((files) => [...new Set([...files, ...e.files])]),
    );
    const offGraph = onServerEvent(GRAPH_UPDATED_EVENT, () =>
      say("The explorer's graph was rebuilt: an explorer open in another tab shows the change."),
    );
    return () => {
      offCorpus();
      offGraph();
    };
  }, [say]);

  const apply = useCallback(
    async (change: Change): Promise<ChangeResponse> => {
      if (!state) return { ok: false, kind: "refused", message: "the corpus is not loaded yet" };
      let response: ChangeResponse;
      try {
        response = await sendChange(change, state.versions);
      } catch (err) {
        response = { ok: false, kind: "refused", message: `the change could not be sent: ${(err as Error).message}` };
      }
      if (response.ok) {
        setState(response.state);
        setConflict(null);
        // What the studio itself wrote is not someone else's change.
        setChangedOnDisk((files) => files.filter((f) => !response.written.includes(f)));
      } else if (response.kind === "conflict") setConflict({ message: response.message, files: response.files });
      return response;
    },
    [state],
  );

  return { state, error, changedOnDisk, conflict, notice, say, reload, apply };
}
