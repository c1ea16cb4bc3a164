/**
 * The selected actor's figures in the visible graph, each with its rank
 * ("3rd of 64 by betweenness"), and the whole view's. Computed when the
 * panel shows (src/state/statistics.ts), again when the view changes.
 */
import { METRIC_LABELS, metricIndex, rankText, type MetricKey, type Metrics } from "../core/metrics-input";
import { groupColor } from "../core/palette";
import { useStatistics } from "./use-statistics";

const number = (v: number, digits = 0) => (digits > 0 ? v.toFixed(digits) : v.toLocaleString("en"));
const percent = (v: number) => `${(v * 100).toFixed(v < 0.1 ? 1 : 0)}%`;

function Figure({
  metrics,
  i,
  metric,
  digits = 0,
  extra,
}: {
  metrics: Metrics;
  i: number;
  metric: MetricKey;
  digits?: number;
  extra?: string;
}) {
  return (
    <div className="stat">
      <dt>{METRIC_LABELS[metric].replace(/^./, (c) => c.toUpperCase())}</dt>
      <dd>
        <span className="stat-value">{number(metrics.values[metric][i]!, digits)}</span>
        {extra && <span className="muted"> {extra}</span>}
        <span className="stat-rank">
          {rankText(metrics, metric, i)} by {METRIC_LABELS[metric]}
        </span>
      </dd>
    </div>
  );
}

export function ActorStatistics({ node }: { node: string }) {
  const { metrics: fresh, previous, progress, computing, error } = useStatistics();
  const metrics = fresh ?? previous;
  const i = metrics ? metricIndex(metrics, node) : -1;
  return (
    <section className={`actor-stats${fresh ? "" : " stale"}`} aria-labelledby="actor-stats-title" aria-busy={computing}>
      <h3 className="section-title" id="actor-stats-title">
        In the visible graph
      </h3>
      {computing && (
        <p className="muted stat-progress" role="status">
          <progress max={progress?.total ?? 1} value={progress?.done ?? 0} aria-label="Statistics computed" /> Computing the statistics
          {progress && progress.done < progress.total ? `: ${progress.stage} (${progress.done + 1} of ${progress.total})` : ""}…
        </p>
      )}
      {error && (
        <p className="muted" role="alert">
          {error}
        </p>
      )}
      {metrics && i >= 0 && (
        <dl className="stats">
          <Figure
            metrics={metrics}
            i={i}
            metric="degree"
            extra={`(${number(metrics.values.inDegree[i]!)} in, ${number(metrics.values.outDegree[i]!)} out)`}
          />
          <Figure
            metrics={metrics}
            i={i}
            metric="quotes"
            extra={`(${number(metrics.values.quotesIn[i]!)} in, ${number(metrics.values.quotesOut[i]!)} out)`}
          />
          <Figure metrics={metrics} i={i} metric="betweenness" digits={4} />
          <Figure metrics={metrics} i={i} metric="pagerank" digits={4} />
          <div className="stat">
            <dt>Community</dt>
            <dd>
              <span className="swatch" style={{ background: groupColor(metrics.community[i]!) }} aria-hidden="true" />
              <span className="stat-value">{metrics.community[i]! + 1}</span>
              <span className="muted">
                {" "}
                of {metrics.summary.communities} ({metrics.communitySizes[metrics.community[i]!]} actors)
              </span>
            </dd>
          </div>
        </dl>
      )}
      {metrics && (
        <p className="muted view-summary">
          The view: {number(metrics.summary.actors)} actors, {number(metrics.summary.relations)} relations, density{" "}
          {metrics.summary.density.toFixed(3)}, {number(metrics.summary.components)} component
          {metrics.summary.components === 1 ? "" : "s"} (the largest {percent(metrics.summary.largestComponentShare)} of the actors),{" "}
          {number(metrics.summary.communities)} communit{metrics.summary.communities === 1 ? "y" : "ies"}.
        </p>
      )}
    </section>
  );
}
