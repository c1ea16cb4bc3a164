/** An actor named in the panel: a button that selects it and brings it into view. */
import { dispatch } from "../state";

export function ActorLink({ node, label }: { node: string; label: string }) {
  return (
    <button type="button" className="actor-link" onClick={() => dispatch({ type: "centerOn", node })}>
      {label}
    </button>
  );
}
