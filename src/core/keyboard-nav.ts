/**
 * Moving through the graph with the arrow keys: from the actor under the
 * keyboard cursor to the candidate that lies best in the arrow's direction on
 * screen, the way spatial navigation on a TV remote works.
 */
import type Graph from "graphology";
import type { EdgeAttributes, NodeAttributes } from "../model/graph-file";
import type { VisibleSets } from "../model/visible";

export type Direction = "left" | "right" | "up" | "down";

export const ARROW_DIRECTIONS: ReadonlyMap<string, Direction> = new Map([
  ["ArrowLeft", "left"],
  ["ArrowRight", "right"],
  ["ArrowUp", "up"],
  ["ArrowDown", "down"],
]);

/** A point on screen: x to the right, y downwards (CSS pixels). */
export interface ScreenPoint {
  key: string;
  x: number;
  y: number;
}

/**
 * The candidate to go to from `origin` when the user presses an arrow: among
 * those ahead of it in that direction, the nearest, with sideways distance
 * counting double; within 45° of the arrow first, else anywhere ahead. Null
 * when nothing lies that way.
 */
export function pickInDirection(origin: { x: number; y: number }, candidates: readonly ScreenPoint[], direction: Direction): string | null {
  let best: { key: string; score: number; inCone: boolean } | null = null;
  for (const c of candidates) {
    const dx = c.x - origin.x;
    const dy = c.y - origin.y;
    const ahead = direction === "right" ? dx : direction === "left" ? -dx : direction === "down" ? dy : -dy;
    const aside = Math.abs(direction === "left" || direction === "right" ? dy : dx);
    if (ahead <= 0.5) continue;
    const inCone = aside <= ahead;
    const score = ahead + 2 * aside;
    if (!best || (inCone && !best.inCone) || (inCone === best.inCone && score < best.score)) best = { key: c.key, score, inCone };
  }
  return best?.key ?? null;
}

type KG = Graph<NodeAttributes, EdgeAttributes>;

/**
 * Where the arrows may go: with an actor selected, it and its visible
 * neighbours; with none, every visible actor.
 */
export function navigationCandidates(graph: KG, visible: VisibleSets, selected: string | null): string[] {
  if (selected === null || !visible.nodes.has(selected)) return [...visible.nodes];
  const out = new Set<string>([selected]);
  graph.forEachEdge(selected, (edge, _attrs, source, target) => {
    if (!visible.edges.has(edge)) return;
    out.add(source === selected ? target : source);
  });
  return [...out];
}

/** The actor's visible relations, as the announcement counts them. */
export function visibleRelationCount(graph: KG, node: string, visible: VisibleSets): number {
  if (!graph.hasNode(node)) return 0;
  let count = 0;
  graph.forEachEdge(node, (edge) => {
    if (visible.edges.has(edge)) count++;
  });
  return count;
}

/** Where the cursor starts: the selected actor, else the visible actor with most visible relations. */
export function startingActor(graph: KG, visible: VisibleSets, selected: string | null): string | null {
  if (selected !== null && visible.nodes.has(selected)) return selected;
  let best: string | null = null;
  let most = -1;
  for (const node of visible.nodes) {
    const n = visibleRelationCount(graph, node, visible);
    if (n > most) {
      best = node;
      most = n;
    }
  }
  return best;
}
