/** An actor named in the panel: a button that selects it and brings it into view. */
import { shorten } from "../model/text";
import { showActor } from "../sigma/commands";

export function ActorLink({ node, label }: { node: string; label: string }) {
  const short = shorten(label, 80);
  return (
    <button type="button" className="actor-link" title={short.cut ? label : undefined} onClick={() => showActor(node)}>
      {short.text}
    </button>
  );
}
