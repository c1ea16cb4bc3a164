/** The details landmark: the selected relation, else the selected actor, else an overview. */
import { useAppState } from "../state";
import { selectVisible } from "../state/derived";
import { ActorDetails } from "./ActorDetails";
import { EdgeDetails } from "./EdgeDetails";
import { Overview } from "./Overview";
import { PathDetails } from "./PathDetails";
import { StoryEditor } from "./StoryEditor";

export function SidePanel() {
  const selected = useAppState((s) => s.view.selected);
  const selectedEdge = useAppState((s) => s.view.selectedEdge);
  const graph = useAppState((s) => s.data.loaded?.graph);
  // A boolean, so that a filter change that keeps the selection shown does not re-render the panel here.
  const selectedShown = useAppState((s) => s.view.selected !== null && selectVisible(s).nodes.has(s.view.selected));
  let content;
  if (!graph) content = null;
  else if (selectedEdge && graph.hasEdge(selectedEdge)) content = <EdgeDetails edge={selectedEdge} />;
  else if (selected && graph.hasNode(selected) && selectedShown) content = <ActorDetails node={selected} />;
  else content = <Overview />;
  return (
    <aside className="side-panel" aria-label="Details">
      {graph && <StoryEditor />}
      {graph && <PathDetails />}
      {content}
    </aside>
  );
}
