/** Camera moves the app makes: to a node, to frame a set of actors, by a zoom step. */
import { getCameraStateToFitViewportToNodes } from "@sigma/utils";
import type Sigma from "sigma";
import type { CameraState } from "sigma/types";
import { CAMERA_LIMITS, type Camera } from "../model/view-state";

export const CAMERA_DURATION = 400;

export function cameraToNode(sigma: Sigma, node: string, duration = CAMERA_DURATION): Promise<void> {
  const data = sigma.getNodeDisplayData(node);
  if (!data) return Promise.resolve();
  const camera = sigma.getCamera();
  return camera.animate({ x: data.x, y: data.y, ratio: Math.min(camera.ratio, 0.6) }, { duration });
}

/** Room around framed actors for their discs and labels, as a share of the frame. */
const FRAME_PADDING = 1.12;

/**
 * How far controls drawn over the graph area (marked `data-graph-overlay`)
 * reach in from its top edge (the toolbar) and from its bottom edge (a
 * story's caption card), so a framing keeps actors out from under them. On a
 * phone the toolbar's two rows take more than a third of the short graph
 * area, so only an overlay taller than half of it (a side panel) is left out.
 */
export function overlayInsets(sigma: Sigma): { top: number; bottom: number } {
  const area = sigma.getContainer().getBoundingClientRect();
  const root = sigma.getContainer().closest(".graph-area") ?? sigma.getContainer();
  let top = 0;
  let bottom = 0;
  for (const el of root.querySelectorAll<HTMLElement>("[data-graph-overlay]")) {
    const r = el.getBoundingClientRect();
    if (r.top - area.top < 16 && r.height < area.height / 2) top = Math.max(top, r.bottom - area.top);
    else if (area.bottom - r.bottom < 16 && r.height < area.height / 2) bottom = Math.max(bottom, area.bottom - r.top);
  }
  return { top, bottom };
}

/**
 * The camera that frames `nodes` (as drawn now) in the part of the graph area
 * between the controls over its edges, with room for discs and labels. The
 * whole graph when `nodes` is empty; one actor is shown at a close but not
 * absurd zoom.
 */
export function frameCamera(sigma: Sigma, nodes: readonly string[]): CameraState {
  const { height } = sigma.getDimensions();
  const insets = overlayInsets(sigma);
  const top = Math.min(insets.top, height / 2);
  // A story's card takes at most about half the area (its max-height); the framing clears all of it.
  const bottom = Math.min(insets.bottom, height / 2);
  const drawn = nodes.filter((n) => {
    const d = sigma.getNodeDisplayData(n);
    return d && !d.hidden;
  });
  const fit = drawn.length > 0 ? getCameraStateToFitViewportToNodes(sigma, drawn) : { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
  const single = drawn.length === 1 ? 0.35 : 0;
  // The whole graph is framed as sigma frames it (its stage padding is room enough); a part, with room for labels.
  const padding = drawn.length === sigma.getGraph().order ? 1 : FRAME_PADDING;
  const ratio = Math.min(
    CAMERA_LIMITS.maxRatio,
    Math.max(CAMERA_LIMITS.minRatio, Math.max(single, fit.ratio * padding * (height / Math.max(1, height - top - bottom)))),
  );
  const base: CameraState = { x: fit.x, y: fit.y, ratio, angle: 0 };
  if (top === 0 && bottom === 0) return base;
  // Shift the centre so the framed actors sit in the middle of the free part: c = 2b − f_b(v), v the free part's middle.
  const { width } = sigma.getDimensions();
  const at = sigma.viewportToFramedGraph({ x: width / 2, y: height / 2 + (top - bottom) / 2 }, { cameraState: base });
  return { ...base, x: 2 * base.x - at.x, y: 2 * base.y - at.y };
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

export function readCamera(sigma: Sigma): Camera {
  const { x, y, ratio, angle } = sigma.getCamera().getState();
  return { x: round(x, 4), y: round(y, 4), ratio: round(ratio, 4), angle: round(angle, 4) };
}

export function sameCamera(a: Camera | null, b: Camera | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    Math.abs(a.x - b.x) < 1e-3 && Math.abs(a.y - b.y) < 1e-3 && Math.abs(a.ratio - b.ratio) < 1e-3 && Math.abs(a.angle - b.angle) < 1e-3
  );
}

/** The camera state a fit-to-screen gives (sigma's default). */
export const FIT_CAMERA: Camera = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
