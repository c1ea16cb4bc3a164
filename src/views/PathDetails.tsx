/** The path between two actors, step by step, with the evidence of each relation. */
import { useAppState } from "../state";
import { selectPath } from "../state/derived";
import { plural } from "../model/text";
import { ActorLink } from "./ActorLink";
import { EvidenceQuote } from "./Evidence";

export function PathDetails() {
  const graph = useAppState((s) => s.data.loaded!.graph);
  const { from, to } = useAppState((s) => s.view.path);
  const path = useAppState(selectPath);
  if (!from || !to || from === to || !graph.hasNode(from) || !graph.hasNode(to)) return null;
  const label = (n: string) => graph.getNodeAttribute(n, "label");
  return (
    <section className="details path-details" aria-labelledby="path-title">
      <h2 id="path-title">
        Path: {label(from)} → {label(to)}
        {path && <span className="muted"> · {plural(path.edges.length, "step")}</span>}
      </h2>
      {!path ? (
        <p role="status">
          No path between {label(from)} and {label(to)} under the current filters and time window.
        </p>
      ) : (
        <ol className="path-steps">
          {path.edges.map((edge) => {
            const attrs = graph.getEdgeAttributes(edge);
            const s = graph.source(edge);
            const t = graph.target(edge);
            return (
              <li key={edge}>
                <p className="relation-line">
                  <ActorLink node={s} label={label(s)} /> {attrs.label} <ActorLink node={t} label={label(t)} />
                  <span className="date"> · {attrs.date}</span>
                </p>
                {attrs.evidence.map((e, k) => (
                  <EvidenceQuote key={k} evidence={e} />
                ))}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
