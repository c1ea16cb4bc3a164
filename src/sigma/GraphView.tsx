/**
 * The sigma renderer for the loaded graph, created once per graph and killed
 * on unmount. Controls that act on it (the views' GraphControls) come in as
 * children, inside the renderer's context.
 */
import { SigmaContainer } from "@react-sigma/core";
import "@react-sigma/core/lib/style.css";
import { useMemo, type ReactNode } from "react";
import type { KGGraph } from "../state/data";
import { CameraSync } from "./CameraSync";
import { ContainerResize } from "./ContainerResize";
import { GraphEvents } from "./GraphEvents";
import { ReducerSync } from "./ReducerSync";
import { createRendering } from "./rendering";
import { TestHandle } from "./TestHandle";

export function GraphView({ graph, children }: { graph: KGGraph; children?: ReactNode }) {
  const rendering = useMemo(() => createRendering(graph), [graph]);
  return (
    <div className="graph-area" data-testid="graph">
      <SigmaContainer graph={graph} settings={rendering.settings} className="sigma">
        <ReducerSync rendering={rendering} />
        <GraphEvents />
        <CameraSync />
        <ContainerResize />
        <TestHandle />
        {children}
      </SigmaContainer>
    </div>
  );
}
