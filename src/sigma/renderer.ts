/**
 * The renderer of the graph on screen, with its decoration, for commands that
 * act on it (camera moves, exports) from anywhere in the page. ReducerSync
 * registers it when sigma is created and forgets it when sigma is killed.
 */
import type Sigma from "sigma";
import type { Scheme } from "../core/palette";
import type { Decoration } from "./decorate";
import type { LabelLayer } from "./labels";
import type { RenderContext } from "./reducers";

export interface Renderer {
  sigma: Sigma;
  decoration: Decoration;
  /** The labels and bundle marks drawn in the last frame. */
  layer(): LabelLayer;
  /** What the reducers read now, in the colours of `scheme` (a picture on white is drawn in the light scheme). */
  contextFor(scheme: Scheme): RenderContext;
}

let current: Renderer | null = null;

export function setRenderer(renderer: Renderer): void {
  current = renderer;
}

/** Forgets `sigma` if it is still the one registered (a newer one may have replaced it). */
export function clearRenderer(sigma: Sigma): void {
  if (current?.sigma === sigma) current = null;
}

/** The live renderer, or null while no graph is drawn. */
export function getRenderer(): Renderer | null {
  return current;
}

interface Framer {
  /** Frames what is shown now. */
  frame(): void;
  /** A camera move of the user's is still to be written to the view. */
  pending(): boolean;
}

let framer: (Framer & { sigma: Sigma }) | null = null;

/** Registers how the camera on screen frames what is shown (CameraSync), or forgets it. */
export function setFramer(sigma: Sigma, f: Framer | null): void {
  if (f) framer = { sigma, ...f };
  else if (framer?.sigma === sigma) framer = null;
}

/** Whether the camera's state is all in the view (no move of the user's still waiting to be written). */
export function cameraSettled(): boolean {
  return !(framer?.pending() ?? false);
}

/** Frames what is shown now, with the camera on screen. */
export function frameShown(): void {
  framer?.frame();
}
