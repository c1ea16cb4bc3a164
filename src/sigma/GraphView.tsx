/** The sigma renderer for the loaded graph, created once per graph and killed on unmount. */
import { SigmaContainer } from "@react-sigma/core";
import "@react-sigma/core/lib/style.css";
import { useState, type ReactNode } from "react";
import type { KGGraph } from "../state/app-state";
import { CameraRequests } from "./CameraRequests";
import { CameraSync } from "./CameraSync";
import { ContainerResize } from "./ContainerResize";
import { ExportRunner } from "./ExportRunner";
import { GraphControls } from "./GraphControls";
import { GraphEvents } from "./GraphEvents";
import { ReducerSync } from "./ReducerSync";
import { SETTINGS } from "./settings";
import { TestHandle } from "./TestHandle";

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
