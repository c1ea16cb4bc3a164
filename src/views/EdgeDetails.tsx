/** The selected relation: subject, relation, object, and every piece of evidence for it. */
import { familyColor } from "../core/palette";
import { dispatch, useAppState } from "../state";
import { ActorLink } from "./ActorLink";
import { BoundedText } from "./BoundedText";
import { EvidenceQuote } from "./Evidence";

export function EdgeDetails({ edge }: { edge: string }) {
  const graph = useAppState((s) => s.data.loaded!.graph);
  const attrs = graph.getEdgeAttributes(edge);
  const source = graph.source(edge);
  const target = graph.target(edge);
  const label = (n: string) => graph.getNodeAttribute(n, "label");
  return (
    <article className="details" aria-labelledby="details-title">
      <header>
        <h2 id="details-title" data-focus-fallback tabIndex={-1}>
          <BoundedText text={`${label(source)} ${attrs.label} ${label(target)}`} max={200} />
        </h2>
        <p className="kind">
          <span className="swatch" style={{ background: familyColor(attrs.family) }} aria-hidden="true" />
          {attrs.family} · {attrs.directed ? "directed" : "mutual"} · from {attrs.date}
        </p>
        <p className="relation-line">
          <ActorLink node={source} label={label(source)} /> {attrs.label} <ActorLink node={target} label={label(target)} />
        </p>
        <div className="detail-actions">
          <button type="button" onClick={() => dispatch({ type: "selectEdge", edge: null })}>
            Back
          </button>
        </div>
      </header>
      <h3 className="section-title">Evidence ({attrs.evidence.length})</h3>
      {attrs.evidence.map((e, i) => (
        <div key={i} className="evidence-item">
          <p className="date">{e.date}</p>
          <EvidenceQuote evidence={e} />
        </div>
      ))}
    </article>
  );
}
