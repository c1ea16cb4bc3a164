/**
 * The graph as a keyboard user reaches it: one stop in the tab order (the
 * skip link's target), where the arrow keys move a cursor between the
 * selected actor and its neighbours (between all actors when none is
 * selected), Enter selects the actor under it, + and − zoom; every move is
 * announced with the actor's kind and number of relations. The cursor is
 * shown as the pointer's hover is, with the actor's neighbourhood lit.
 */
import { useRef, useState, type ReactNode } from "react";
import { ARROW_DIRECTIONS, navigationCandidates, startingActor, visibleRelationCount } from "../core/keyboard-nav";
import { plural } from "../model/text";
import { CAMERA_DURATION } from "../sigma/camera";
import { actorToward, showActor } from "../sigma/commands";
import { getRenderer } from "../sigma/renderer";
import { dispatch, store, useAppState } from "../state";
import { selectVisible } from "../state/derived";

export function GraphFrame({ children }: { children: ReactNode }) {
  const [cursor, setCursor] = useState<string | null>(null);
  const [message, setMessage] = useState("");
  const order = useAppState((s) => s.data.loaded?.graph.order ?? 0);
  const frame = useRef<HTMLDivElement>(null);

  const describe = (node: string, selected: boolean) => {
    const state = store.getState();
    const graph = state.data.loaded!.graph;
    const attrs = graph.getNodeAttributes(node);
    const count = plural(visibleRelationCount(graph, node, selectVisible(state)), "relation");
    return selected ? `Selected ${attrs.label}, ${attrs.kind}, ${count}.` : `${attrs.label}, ${attrs.kind}, ${count}. Enter selects.`;
  };
  const moveTo = (node: string) => {
    setCursor(node);
    dispatch({ type: "hover", node });
    setMessage(describe(node, false));
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    // Keys on the toolbar's buttons inside the frame are theirs.
    if (e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey) return;
    const state = store.getState();
    const graph = state.data.loaded?.graph;
    if (!graph) return;
    const visible = selectVisible(state);
    const { selected } = state.view;
    const direction = ARROW_DIRECTIONS.get(e.key);
    if (direction) {
      e.preventDefault();
      const here = cursor !== null && visible.nodes.has(cursor) ? cursor : null;
      if (here === null) {
        const start = startingActor(graph, visible, selected);
        if (start) moveTo(start);
        else setMessage("No actor is shown.");
        return;
      }
      const next = actorToward(here, navigationCandidates(graph, visible, selected), direction);
      if (next) moveTo(next);
      else setMessage(`No ${selected ? "neighbour" : "actor"} further ${direction}.`);
    } else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      if (cursor === null || !visible.nodes.has(cursor)) return setMessage("Use the arrow keys to choose an actor first.");
      showActor(cursor);
      setMessage(describe(cursor, true));
    } else if (e.key === "+" || e.key === "=" || e.key === "-") {
      e.preventDefault();
      const camera = getRenderer()?.sigma.getCamera();
      if (e.key === "-") void camera?.animatedUnzoom({ duration: CAMERA_DURATION });
      else void camera?.animatedZoom({ duration: CAMERA_DURATION });
    }
  };

  return (
    <div
      ref={frame}
      id="graph"
      className="graph-focus"
      tabIndex={0}
      role="application"
      aria-roledescription="graph"
      aria-label={`Graph of ${plural(order, "actor")}`}
      aria-describedby="graph-keys"
      onKeyDown={onKeyDown}
      onBlur={(e) => {
        if (e.currentTarget.contains(e.relatedTarget)) return;
        // The cursor's highlight goes with the focus; the pointer's own hover is left alone.
        if (cursor !== null && store.getState().ui.hovered === cursor) dispatch({ type: "hover", node: null });
        setCursor(null);
      }}
    >
      {children}
      <p id="graph-keys" className="graph-hint">
        Arrow keys: move between actors · Enter: select · + −: zoom · ?: all keys
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {message}
      </p>
    </div>
  );
}
