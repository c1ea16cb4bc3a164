/** The selected actor: who it is, then the evidence of its visible relations (EvidenceList). */
import { kindColor } from "../core/palette";
import { dispatch, useAppState } from "../state";
import { ActorLink } from "./ActorLink";
import { ActorStatistics } from "./ActorStatistics";
import { BoundedText } from "./BoundedText";
import { EvidenceList } from "./EvidenceList";
import { ComparisonChanges } from "./ComparisonChanges";
import { FocusControl } from "./FocusControl";

export function ActorDetails({ node }: { node: string }) {
  const graph = useAppState((s) => s.data.loaded!.graph);
  const path = useAppState((s) => s.view.path);
  const attrs = graph.getNodeAttributes(node);
  const affiliation = attrs.affiliation && graph.hasNode(attrs.affiliation) ? attrs.affiliation : null;

  return (
    <article className="details" aria-labelledby="details-title">
      <header>
        <h2 id="details-title" data-focus-fallback tabIndex={-1}>
          <BoundedText text={attrs.label} max={120} />
        </h2>
        <p className="kind">
          <span className="swatch" style={{ background: kindColor(attrs.kind) }} aria-hidden="true" />
          <BoundedText text={attrs.kind} max={60} />
          {attrs.role && (
            <>
              {" · "}
              <BoundedText text={attrs.role} max={120} />
            </>
          )}
          {affiliation && (
            <>
              {" · "}
              <ActorLink node={affiliation} label={graph.getNodeAttribute(affiliation, "label")} />
            </>
          )}
        </p>
        {attrs.description && (
          <p>
            <BoundedText text={attrs.description} max={600} />
          </p>
        )}
        {attrs.aliases.length > 0 && (
          <p className="aliases">
            <span className="muted">Also: </span>
            <BoundedText text={attrs.aliases.join(", ")} max={300} />
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
      <ActorStatistics node={node} />
      <EvidenceList key={node} node={node} />
    </article>
  );
}
