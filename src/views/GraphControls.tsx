/**
 * Controls that act on the renderer: zoom, fit, fullscreen, and the live
 * ForceAtlas2 layout in a Web Worker (positions written once per frame,
 * sigma/framed-layout.ts). They sit over the graph.
 */
import { useFullScreen, useSigma } from "@react-sigma/core";
import { useWorkerLayoutFactory } from "@react-sigma/layout-core";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { useEffect, useMemo } from "react";
import { fitToScreen } from "../sigma/commands";
import { FramedFA2Layout } from "../sigma/framed-layout";
import { dispatch, store, useAppState } from "../state";
import { FitIcon, FullscreenIcon, ResetIcon, RunIcon, StopIcon, ZoomInIcon, ZoomOutIcon } from "./icons";

export function GraphControls() {
  const sigma = useSigma();
  // Fullscreen shows the graph area with its controls, not the canvas alone.
  const { toggle, isFullScreen } = useFullScreen(sigma.getContainer().closest<HTMLElement>(".graph-area") ?? undefined);
  const running = useAppState((s) => s.ui.layoutRunning);

  // Edge weight is the number of evidence entries: well-attested relations pull harder.
  const options = useMemo(
    () => ({ settings: { ...forceAtlas2.inferSettings(sigma.getGraph()), slowDown: 5 }, getEdgeWeight: "weight" as const }),
    [sigma],
  );
  const layout = useWorkerLayoutFactory(FramedFA2Layout, options);

  useEffect(() => {
    dispatch({ type: "layoutRunning", running: layout.isRunning });
  }, [layout.isRunning]);

  const resetLayout = () => {
    layout.stop();
    const data = store.getState().data.loaded;
    if (!data) return;
    // Sigma redraws on its own when positions change in the graph.
    sigma.getGraph().updateEachNodeAttributes((node, attrs) => {
      const p = data.initialPositions.get(node);
      return p ? { ...attrs, x: p.x, y: p.y } : attrs;
    });
  };

  const camera = sigma.getCamera();
  return (
    <div className="graph-controls" role="toolbar" aria-label="Graph controls" data-graph-overlay="">
      <button type="button" aria-label="Zoom in" title="Zoom in" onClick={() => void camera.animatedZoom({ duration: 250 })}>
        <ZoomInIcon />
      </button>
      <button type="button" aria-label="Zoom out" title="Zoom out" onClick={() => void camera.animatedUnzoom({ duration: 250 })}>
        <ZoomOutIcon />
      </button>
      <button type="button" aria-label="Fit to screen" title="Fit to screen" onClick={fitToScreen}>
        <FitIcon />
      </button>
      <button
        type="button"
        aria-label={isFullScreen ? "Exit fullscreen" : "Fullscreen"}
        title={isFullScreen ? "Exit fullscreen" : "Fullscreen"}
        aria-pressed={isFullScreen}
        onClick={toggle}
      >
        <FullscreenIcon />
      </button>
      <span className="separator" aria-hidden="true" />
      {/* On a phone the two text buttons show their icon only, so the toolbar stays one row above the graph. */}
      <button
        type="button"
        className="text-button"
        aria-label={running ? "Stop layout" : "Run layout"}
        title={running ? "Stop layout" : "Run layout"}
        aria-pressed={running}
        onClick={() => (running ? layout.stop() : layout.start())}
      >
        {running ? <StopIcon /> : <RunIcon />}
        <span className="control-text">{running ? "Stop layout" : "Run layout"}</span>
      </button>
      <button type="button" className="text-button" aria-label="Reset layout" title="Reset layout" onClick={resetLayout}>
        <ResetIcon />
        <span className="control-text">Reset layout</span>
      </button>
    </div>
  );
}
