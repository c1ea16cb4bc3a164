/**
 * The details landmark: the path finder, the path, then the selected
 * relation, else the selected actor, else an overview. A column on a wide
 * screen; on a phone a drawer from the bottom that a new selection opens.
 */
import { useEffect, useRef } from "react";
import { dispatch, useAppState } from "../state";
import { selectVisible } from "../state/derived";
import { ActorDetails } from "./ActorDetails";
import { Drawer } from "./Drawer";
import { EdgeDetails } from "./EdgeDetails";
import { ErrorBoundary } from "./ErrorBoundary";
import { Overview } from "./Overview";
import { PathDetails } from "./PathDetails";
import { PathPicker } from "./PathPicker";
import { takeShownInGraph } from "./show-in-graph";
import { PHONE, useMediaQuery } from "./use-media";
import { useKeepFocus } from "./use-keep-focus";
import { StoryEditor } from "./StoryEditor";

export function SidePanel() {
  const selected = useAppState((s) => s.view.selected);
  const selectedEdge = useAppState((s) => s.view.selectedEdge);
  const { from, to } = useAppState((s) => s.view.path);
  const graph = useAppState((s) => s.data.loaded?.graph);
  const open = useAppState((s) => s.ui.detailsOpen);
  const storyPlaying = useAppState((s) => s.story.playing !== null);
  const phone = useMediaQuery(PHONE);
  const aside = useRef<HTMLElement>(null);
  useKeepFocus(aside);
  // A boolean, so that a filter change that keeps the selection shown does not re-render the panel here.
  const selectedShown = useAppState((s) => s.view.selected !== null && selectVisible(s).nodes.has(s.view.selected));

  // On a phone, choosing something to read about opens the drawer that shows it (not a story's step: its card tells).
  const wantsDetails = !storyPlaying && (selectedEdge !== null || (selected !== null && selectedShown) || (from !== null && to !== null));
  useEffect(() => {
    if (takeShownInGraph(selectedEdge)) return;
    if (wantsDetails && window.matchMedia(PHONE).matches) dispatch({ type: "setDetailsOpen", open: true });
  }, [wantsDetails, selected, selectedEdge, from, to]);

  let content;
  if (!graph) content = null;
  else if (selectedEdge && graph.hasEdge(selectedEdge)) content = <EdgeDetails edge={selectedEdge} />;
  else if (selected && graph.hasNode(selected) && selectedShown) content = <ActorDetails node={selected} />;
  else content = <Overview />;
  return (
    <Drawer asDrawer={phone} open={open} onClose={() => dispatch({ type: "setDetailsOpen", open: false })} label="details" side="bottom">
      <aside ref={aside} id="details" className="side-panel" aria-label="Details" tabIndex={-1}>
        {graph && (
          <ErrorBoundary name="The story editor" resetKeys={[graph]}>
            <StoryEditor />
          </ErrorBoundary>
        )}
        {graph && (
          <ErrorBoundary name="The path" resetKeys={[graph, from, to]}>
            <PathPicker />
            <PathDetails />
          </ErrorBoundary>
        )}
        <ErrorBoundary name="The details panel" resetKeys={[graph, selected, selectedEdge]}>
          {content}
        </ErrorBoundary>
      </aside>
    </Drawer>
  );
}
