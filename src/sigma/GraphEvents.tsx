/**
 * Pointer and keyboard on the graph: hover, click, drag, Escape. Turns sigma
 * events into store actions; draws nothing.
 */
import { useRegisterEvents, useSigma } from "@react-sigma/core";
import { useEffect, useRef } from "react";
import { dispatch, store } from "../state";

export function GraphEvents() {
  const sigma = useSigma();
  const registerEvents = useRegisterEvents();
  const dragged = useRef<string | null>(null);
  const moved = useRef(false);

  useEffect(() => {
    registerEvents({
      enterNode: ({ node }) => dispatch({ type: "hover", node }),
      leaveNode: () => dispatch({ type: "hover", node: null }),
      clickNode: ({ node }) => {
        if (!moved.current) dispatch({ type: "select", node });
      },
      clickEdge: ({ edge }) => dispatch({ type: "selectEdge", edge }),
      clickStage: () => {
        if (moved.current) return;
        dispatch({ type: "select", node: null });
      },
      downNode: ({ node }) => {
        dragged.current = node;
        moved.current = false;
        dispatch({ type: "drag", node });
      },
      moveBody: ({ event }) => {
        const node = dragged.current;
        if (!node) return;
        moved.current = true;
        const pos = sigma.viewportToGraph(event);
        sigma.getGraph().mergeNodeAttributes(node, { x: pos.x, y: pos.y });
        // Keep the camera still while a node is dragged.
        event.preventSigmaDefault();
        event.original.preventDefault();
        event.original.stopPropagation();
      },
      upNode: () => endDrag(),
      upStage: () => endDrag(),
    });
    function endDrag() {
      if (dragged.current) dispatch({ type: "drag", node: null });
      dragged.current = null;
      // The click that ends a drag must not also select or clear.
      setTimeout(() => (moved.current = false), 0);
    }
  }, [registerEvents, sigma]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      const { ui, view } = store.getState();
      if (ui.reader) dispatch({ type: "closeReader" });
      else if (view.selected || view.selectedEdge) dispatch({ type: "select", node: null });
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  return null;
}
