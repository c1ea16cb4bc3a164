/** With two periods compared, what changed for the selected actor: its relations only in A, only in B, and in both. */
import { useMemo } from "react";
import { actorChanges, describePeriod, type PeriodMark } from "../core/compare";
import { dispatch, useAppState } from "../state";
import { selectComparison } from "../state/derived";

const HEADINGS: Record<PeriodMark, string> = { "only-b": "New in B", "only-a": "Only in A, gone in B", both: "In both periods" };

export function ComparisonChanges({ node }: { node: string }) {
  const graph = useAppState((s) => s.data.loaded!.graph);
  const comparison = useAppState(selectComparison);
  const changes = useMemo(() => (comparison ? actorChanges(graph, comparison, node) : null), [graph, comparison, node]);
  if (!comparison || !changes) return null;
  const label = graph.getNodeAttribute(node, "label");
  const mark = comparison.nodes.get(node);
  const describe = (edge: string) => {
    const source = graph.source(edge);
    const target = graph.target(edge);
    const a = graph.getEdgeAttributes(edge);
    return `${graph.getNodeAttribute(source, "label")} ${a.label} ${graph.getNodeAttribute(target, "label")}`;
  };
  return (
    <section className="comparison-changes" aria-label={`What changed for ${label}`}>
      <h3 className="section-title">
        Between {describePeriod(comparison.a)} (A) and {describePeriod(comparison.b)} (B)
      </h3>
      <p>
        {mark === "only-a"
          ? `${label} is shown only in period A: it has no relation in B under these filters.`
          : mark === "only-b"
            ? `${label} appears in period B: it has no relation in A under these filters.`
            : `${label} is shown in both periods.`}
      </p>
      {(["only-b", "only-a", "both"] as const).map((m) =>
        changes[m].length === 0 ? null : (
          <div key={m} className={`comparison-group ${m}`}>
            <h4>
              {HEADINGS[m]} ({changes[m].length})
            </h4>
            <ul>
              {changes[m].map((edge) => (
                <li key={edge}>
                  <button type="button" className="link-button" onClick={() => dispatch({ type: "selectEdge", edge })}>
                    {describe(edge)}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ),
      )}
    </section>
  );
}
