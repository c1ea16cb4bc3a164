/**
 * The renderer of the graph on screen, with its decoration, for commands that
 * act on it (camera moves, exports) from anywhere in the page. ReducerSync
 * registers it when sigma is created and forgets it when sigma is killed.
 */
import type Sigma from "sigma";
import type { Decoration } from "./decorate";

export interface Renderer {
  sigma: Sigma;
  decoration: Decoration;
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
