/** The relations of one actor, grouped for reading: by relation, then by the other actor and date. */
import type Graph from "graphology";
import type { EdgeAttributes, Evidence, Family, NodeAttributes } from "../model/graph-file";

export interface RelationItem {
  edge: string;
  other: string;
  otherLabel: string;
  /** "out": the actor is the subject; "in": the object; "mutual": an undirected relation. */
  direction: "out" | "in" | "mutual";
  date: string;
  evidence: Evidence[];
}

export interface RelationGroup {
  relation: string;
  label: string;
  family: Family;
  /** True when the actor is the object of these (directed) relations. */
  incoming: boolean;
  items: RelationItem[];
}

export function groupRelations(
  graph: Graph<NodeAttributes, EdgeAttributes>,
  node: string,
  visibleEdges?: ReadonlySet<string>,
): RelationGroup[] {
  const groups = new Map<string, RelationGroup>();
  graph.forEachEdge(node, (edge, attrs, source, target) => {
    if (visibleEdges && !visibleEdges.has(edge)) return;
    const other = source === node ? target : source;
    const direction = !attrs.directed ? "mutual" : source === node ? "out" : "in";
    // Incoming directed relations read differently ("is sanctioned by"), so they form their own group.
    const key = `${attrs.relation}:${direction === "in" ? "in" : "out"}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        relation: attrs.relation,
        label: attrs.label,
        family: attrs.family,
        incoming: direction === "in",
        items: [],
      };
      groups.set(key, group);
    }
    group.items.push({
      edge,
      other,
      otherLabel: graph.getNodeAttribute(other, "label"),
      direction,
      date: attrs.date,
      evidence: attrs.evidence,
    });
  });
  const out = [...groups.values()];
  for (const g of out) g.items.sort((a, b) => a.date.localeCompare(b.date) || a.otherLabel.localeCompare(b.otherLabel));
  return out.sort((a, b) => b.items.length - a.items.length || a.label.localeCompare(b.label));
}
