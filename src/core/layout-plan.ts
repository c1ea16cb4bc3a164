/**
 * How an opened graph without usable positions is laid out: how many
 * ForceAtlas2 iterations (fewer for larger graphs, whose layout costs more
 * per iteration), with which settings, and whether it is large enough that the
 * reader is asked first, since its layout takes seconds to minutes and what
 * it draws is slow to explore in this browser.
 */
import type Graph from "graphology";
import forceAtlas2, { type ForceAtlas2Settings } from "graphology-layout-forceatlas2";

export interface LayoutPlan {
  iterations: number;
  settings: ForceAtlas2Settings;
  /** Larger than what draws smoothly here: ask before laying it out. */
  ask: boolean;
}

export interface LayoutPlanOptions {
  /** Ask above this many actors… */
  askAboveActors?: number;
  /** …or this many relations. */
  askAboveRelations?: number;
}

export const LAYOUT_ASK_DEFAULTS: Required<LayoutPlanOptions> = { askAboveActors: 10_000, askAboveRelations: 50_000 };

export function layoutPlan(graph: Graph, options: LayoutPlanOptions = {}): LayoutPlan {
  const { askAboveActors, askAboveRelations } = { ...LAYOUT_ASK_DEFAULTS, ...options };
  const order = Math.max(1, graph.order);
  return {
    iterations: Math.max(50, Math.min(300, Math.round(100_000 / order))),
    settings: forceAtlas2.inferSettings(graph),
    ask: graph.order > askAboveActors || graph.size > askAboveRelations,
  };
}
