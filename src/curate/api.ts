/** The studio page's side of the API (graph/studio/protocol.ts): requests, and the dev server's events. */
import {
  API_PATH,
  type Change,
  type ChangeResponse,
  type FileVersion,
  type ProposeResponse,
  type StudioState,
} from "../../graph/studio/protocol";

async function json<T>(response: Response): Promise<T> {
  const text = await response.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`the studio's server answered HTTP ${response.status} with something that is not JSON`);
  }
}

export async function loadState(): Promise<StudioState> {
  const response = await fetch(`${API_PATH}/state`, { cache: "no-store" });
  const body = await json<StudioState | { message: string }>(response);
  if (!response.ok) throw new Error((body as { message: string }).message);
  return body as StudioState;
}

async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${API_PATH}/${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    cache: "no-store",
  });
  return json<T>(response);
}

export function sendChange(change: Change, versions: Record<string, FileVersion>): Promise<ChangeResponse> {
  return post<ChangeResponse>("change", { change, versions });
}

export function proposeFor(article: string, quote: string): Promise<ProposeResponse> {
  return post<ProposeResponse>("propose", { article, quote });
}

/** Listens to one of the dev server's custom events; returns how to stop. */
export function onServerEvent<T>(event: string, listener: (data: T) => void): () => void {
  const hot = import.meta.hot;
  if (!hot) return () => {};
  hot.on(event, listener);
  return () => hot.off(event, listener);
}
