/** The sigma renderer for the loaded graph, created once per graph and killed on unmount. */
import { SigmaContainer } from "@react-sigma/core";
import "@react-sigma/core/lib/style.css";
import { useState, type ReactNode } from "react";
import type { Settings } from "sigma/settings";
import type { KGGraph } from "../state/app-state";
import { CameraRequests } from "./CameraRequests";
import { CameraSync } from "./CameraSync";
import { ContainerResize } from "./ContainerResize";
import { ExportRunner } from "./ExportRunner";
import { GraphControls } from "./GraphControls";
import { GraphEvents } from "./GraphEvents";
import { edgeProgramClasses } from "./programs";
import { ReducerSync } from "./ReducerSync";
import { TestHandle } from "./TestHandle";

// Module-level, so the settings object never changes identity and sigma is never re-created.
const SETTINGS: Partial<Settings> = {
  allowInvalidContainer: true,
  defaultEdgeType: "straightArrow",
  edgeProgramClasses,
  renderEdgeLabels: true,
  enableEdgeEvents: true,
  zIndex: true,
  labelFont: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  labelSize: 13,
  labelWeight: "600",
  labelColor: { color: "#1f2933" },
  labelDensity: 0.5,
  labelGridCellSize: 140,
  labelRenderedSizeThreshold: 8,
  edgeLabelFont: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  edgeLabelSize: 11,
  edgeLabelColor: { color: "#3e4c59" },
  stagePadding: 40,
  minCameraRatio: 0.03,
  maxCameraRatio: 8,
};

export function GraphView({ graph, children }: { graph: KGGraph; children?: ReactNode }) {
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  return (
    <div className="graph-area" data-testid="graph" ref={setContainer}>
      <SigmaContainer graph={graph} settings={SETTINGS} className="sigma">
        <ReducerSync />
        <GraphEvents />
        <CameraSync />
        <CameraRequests />
        <ContainerResize />
        <ExportRunner />
        <TestHandle />
        <GraphControls container={container} />
        {children}
      </SigmaContainer>
    </div>
  );
}
