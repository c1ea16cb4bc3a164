/** The details landmark: the selected relation, else the selected actor, else an overview. */
import { useAppState } from "../state";
import { selectVisible } from "../state/derived";
import { ActorDetails } from "./ActorDetails";
import { EdgeDetails } from "./EdgeDetails";
import { Overview } from "./Overview";
import { PathDetails } from "./PathDetails";

export function SidePanel() {
  const { selected, selectedEdge } = useAppState((s) => s.view);
  const graph = useAppState((s) => s.data?.graph);
  const visible = useAppState(selectVisible);
  let content;
  if (!graph) content = null;
  else if (selectedEdge && graph.hasEdge(selectedEdge)) content = <EdgeDetails edge={selectedEdge} />;
  else if (selected && graph.hasNode(selected) && visible.nodes.has(selected)) content = <ActorDetails node={selected} />;
  else content = <Overview />;
  return (
    <aside className="side-panel" aria-label="Details">
      {graph && <PathDetails />}
      {content}
    </aside>
  );
}
