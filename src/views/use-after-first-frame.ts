/**
 * Long panels (filter lists, article lists, the year histogram) wait until the
 * frame that shows the graph has been drawn: on a large corpus they would
 * otherwise hold the first picture back. The page keeps its layout meanwhile,
 * since the panels' boxes are sized by the grid, not by their content.
 */
import { startTransition, useEffect, useState } from "react";
import { afterNextFrame } from "../state/after-next-frame";

/** Once the page has drawn its first graph, panels that mount later (reopened, reselected) show at once. */
let firstFrameDrawn = false;

/** False on a component's first render at start-up; true once a frame has been drawn after it. */
export function useAfterFirstFrame(): boolean {
  const [after, setAfter] = useState(firstFrameDrawn);
  useEffect(() => {
    // Runs once: once a frame is drawn, it stays drawn.
    if (firstFrameDrawn) return;
    return afterNextFrame(() => {
      firstFrameDrawn = true;
      startTransition(() => setAfter(true));
    });
  }, []);
  return after;
}
