/** An actor named in the panel: a button that selects it and brings it into view. */
import { showActor } from "../sigma/commands";

export function ActorLink({ node, label }: { node: string; label: string }) {
  return (
    <button type="button" className="actor-link" onClick={() => showActor(node)}>
      {label}
    </button>
  );
}
