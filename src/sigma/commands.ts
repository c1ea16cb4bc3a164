/** Commands that change the view and move the camera with it, for the views to call. */
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
