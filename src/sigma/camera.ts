/** Camera moves the app makes: to a node, to fit, by a zoom step. */
import type Sigma from "sigma";
import type { Camera } from "../model/view-state";

export const CAMERA_DURATION = 400;

export function cameraToNode(sigma: Sigma, node: string, duration = CAMERA_DURATION): Promise<void> {
  const data = sigma.getNodeDisplayData(node);
  if (!data) return Promise.resolve();
  const camera = sigma.getCamera();
  return camera.animate({ x: data.x, y: data.y, ratio: Math.min(camera.ratio, 0.6) }, { duration });
}

export function cameraFit(sigma: Sigma, duration = CAMERA_DURATION): Promise<void> {
  return sigma.getCamera().animatedReset({ duration });
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
