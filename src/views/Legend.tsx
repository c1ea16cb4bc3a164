/** What the colours and sizes mean, for the kinds and families present in the graph. */
import { useMemo } from "react";
import { FAMILIES } from "../model/graph-file";
import { FAMILY_COLORS, kindColor } from "../core/palette";
import { useAppState } from "../state";

export function Legend() {
  const graph = useAppState((s) => s.data.loaded?.graph);
  const kinds = useMemo(() => {
    const counts = new Map<string, number>();
    graph?.forEachNode((_, a) => counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1));
    return [...counts.entries()].sort((a, b) => b[1] - a[1]);
  }, [graph]);
  if (!graph) return null;
  return (
    <section className="legend" aria-label="Legend">
      <h2 className="legend-title">Actors</h2>
      <ul>
        {kinds.map(([kind, n]) => (
          <li key={kind}>
            <span className="dot" style={{ background: kindColor(kind) }} aria-hidden="true" />
            {kind} <span className="muted">{n}</span>
          </li>
        ))}
      </ul>
      <h2 className="legend-title">Relations</h2>
      <ul>
        {FAMILIES.map((f) => (
          <li key={f}>
            <span className="line" style={{ background: FAMILY_COLORS[f] }} aria-hidden="true" />
            {f}
          </li>
        ))}
      </ul>
      <p className="muted legend-note">Size: number of relations · arrow: subject → object</p>
    </section>
  );
}
