/** How the studio names actors and relations: label, and the id when it helps to tell them apart. */
import type { StudioState } from "../../graph/studio/protocol";

export function namers(state: StudioState) {
  const actors = new Map(state.actors.map((a) => [a.id, a]));
  const relations = new Map(state.relations.map((r) => [r.id, r]));
  return {
    actor: (id: string) => actors.get(id)?.label ?? id,
    relation: (id: string) => relations.get(id)?.label ?? id,
    family: (id: string) => relations.get(id)?.family ?? "neutral",
  };
}
