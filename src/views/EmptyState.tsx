/**
 * When filters, the time window or a focus leave nothing on screen, the graph
 * area says so, and offers the way back, instead of a blank canvas.
 */
import { DEFAULT_FILTERS } from "../model/view-state";
import { dispatch, useAppState } from "../state";
import { selectVisible } from "../state/derived";

export function EmptyState() {
  const empty = useAppState((s) => (s.data.loaded?.graph.order ?? 0) > 0 && selectVisible(s).nodes.size === 0);
  const filtered = useAppState((s) => JSON.stringify(s.view.filters) !== JSON.stringify(DEFAULT_FILTERS));
  const timed = useAppState((s) => s.view.time.from !== null || s.view.time.to !== null);
  if (!empty) return null;
  const causes = [filtered && "the filters", timed && "the time window"].filter(Boolean).join(" and ");
  return (
    <div className="empty-state" role="status">
      <p>
        <strong>Nothing to show.</strong> {causes ? `No actor or relation passes ${causes}.` : "This view holds no actor."}
      </p>
      <p className="detail-actions">
        {filtered && (
          <button type="button" onClick={() => dispatch({ type: "clearFilters" })}>
            Clear all filters
          </button>
        )}
        {timed && (
          <button type="button" onClick={() => dispatch({ type: "setTime", time: { from: null, to: null } })}>
            All years
          </button>
        )}
      </p>
    </div>
  );
}
