/** Commands that change the view and move the camera with it, for the views to call. */
import { pickInDirection, type Direction, type ScreenPoint } from "../core/keyboard-nav";
import { dispatch } from "../state";
import { cameraToNode } from "./camera";
import { frameShown, getRenderer } from "./renderer";

/** Selects an actor and brings it into view (search, links in the panel). */
export function showActor(node: string): void {
  dispatch({ type: "select", node });
  const renderer = getRenderer();
  if (renderer) void cameraToNode(renderer.sigma, node);
}

/** "Fit to screen": frames what is shown, and the camera follows the view again. */
export function fitToScreen(): void {
  dispatch({ type: "setCamera", camera: null });
  frameShown();
}

/**
 * The arrow keys on the graph: the actor among `candidates` that lies in
 * `direction` from `from` as drawn now (core/keyboard-nav.ts), or null. The
 * camera follows when that actor is off screen.
 */
export function actorToward(from: string, candidates: readonly string[], direction: Direction): string | null {
  const renderer = getRenderer();
  if (!renderer) return null;
  const { sigma } = renderer;
  const at = (node: string): ScreenPoint | null => {
    const data = sigma.getNodeDisplayData(node);
    return data && !data.hidden ? { key: node, ...sigma.framedGraphToViewport(data) } : null;
  };
  const origin = at(from);
  if (!origin) return null;
  const points = candidates.filter((c) => c !== from).flatMap((c) => at(c) ?? []);
  const next = pickInDirection(origin, points, direction);
  if (next) {
    const p = points.find((q) => q.key === next)!;
    const { width, height } = sigma.getDimensions();
    if (p.x < 0 || p.y < 0 || p.x > width || p.y > height) void cameraToNode(sigma, next);
  }
  return next;
}
