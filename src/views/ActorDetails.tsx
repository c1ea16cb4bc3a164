/** The selected actor: who it is, and its visible relations grouped by relation, with their evidence. */
import { useMemo } from "react";
import { groupRelations } from "../core/relations";
import { familyColor, kindColor } from "../core/palette";
import { dispatch, useAppState } from "../state";
import { selectVisible } from "../state/derived";
import { ActorLink } from "./ActorLink";
import { ComparisonChanges } from "./ComparisonChanges";
import { EvidenceQuote } from "./Evidence";
import { FocusControl } from "./FocusControl";

export function ActorDetails({ node }: { node: string }) {
  const graph = useAppState((s) => s.data.loaded!.graph);
  const visible = useAppState(selectVisible);
  const path = useAppState((s) => s.view.path);
  const attrs = graph.getNodeAttributes(node);
  const groups = useMemo(() => groupRelations(graph, node, visible.edges), [graph, node, visible]);
  const affiliation = attrs.affiliation && graph.hasNode(attrs.affiliation) ? attrs.affiliation : null;
  const count = groups.reduce((n, g) => n + g.items.length, 0);

  return (
    <article className="details" aria-labelledby="details-title">
      <header>
        <h2 id="details-title">{attrs.label}</h2>
        <p className="kind">
          <span className="swatch" style={{ background: kindColor(attrs.kind) }} aria-hidden="true" />
          {attrs.kind}
          {attrs.role && <> · {attrs.role}</>}
          {affiliation && (
            <>
              {" · "}
              <ActorLink node={affiliation} label={graph.getNodeAttribute(affiliation, "label")} />
            </>
          )}
        </p>
        {attrs.description && <p>{attrs.description}</p>}
        {attrs.aliases.length > 0 && (
          <p className="aliases">
            <span className="muted">Also: </span>
            {attrs.aliases.join(", ")}
          </p>
        )}
        <FocusControl />
        <div className="detail-actions">
          <button type="button" onClick={() => dispatch({ type: "setPath", from: node, to: path.to === node ? null : path.to })}>
            Path from here
          </button>
          <button type="button" onClick={() => dispatch({ type: "setPath", from: path.from === node ? null : path.from, to: node })}>
            Path to here
          </button>
          <button type="button" onClick={() => dispatch({ type: "select", node: null })}>
            Clear selection
          </button>
        </div>
      </header>
      <ComparisonChanges node={node} />
      <h3 className="section-title">
        {count} visible relation{count === 1 ? "" : "s"}
      </h3>
      {groups.map((group) => (
        <section key={`${group.relation}:${group.incoming}`} className="relation-group">
          <h4>
            <span className="swatch" style={{ background: familyColor(group.family) }} aria-hidden="true" />
            {group.incoming ? `${group.label} (${attrs.label} as object)` : group.label}
            <span className="muted"> · {group.family}</span>
          </h4>
          <ul>
            {group.items.map((item) => (
              <li key={item.edge}>
                <p className="relation-line">
                  {item.direction === "in" ? (
                    <>
                      <ActorLink node={item.other} label={item.otherLabel} /> {group.label} {attrs.label}
                    </>
                  ) : (
                    <>
                      {attrs.label} {group.label} <ActorLink node={item.other} label={item.otherLabel} />
                    </>
                  )}
                  <span className="date"> · {item.date}</span>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Show relation: ${item.direction === "in" ? item.otherLabel : attrs.label} ${group.label} ${item.direction === "in" ? attrs.label : item.otherLabel}`}
                    onClick={() => dispatch({ type: "selectEdge", edge: item.edge })}
                  >
                    Show in graph
                  </button>
                </p>
                {item.evidence.map((e, i) => (
                  <EvidenceQuote key={i} evidence={e} />
                ))}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </article>
  );
}
