/** Filters by actor kind, relation family, relation and article, each with counts and a way to clear it. (Paths are in the details panel.) */
import { memo, useDeferredValue, useMemo, type ReactNode } from "react";
import { filterCounts, filterValues } from "../core/filters";
import { familyColor, kindColor } from "../core/palette";
import { dispatch, useAppState } from "../state";
import { useAfterFirstFrame } from "./use-after-first-frame";

type ListKey = "kinds" | "families" | "relations" | "articles";

function toggle(list: string[] | null, all: string[], value: string): string[] | null {
  const current = list ?? all;
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  // Everything ticked is the same as no filter, and keeps links short.
  return all.every((v) => next.includes(v)) ? null : all.filter((v) => next.includes(v));
}

/** Re-renders only when its own filter or its counts change, not on every change of the view. */
const FilterGroup = memo(function FilterGroup({
  title,
  filter,
  values,
  labelOf,
  colorOf,
  counts,
}: {
  title: string;
  filter: ListKey;
  values: string[];
  labelOf: (v: string) => string;
  colorOf?: (v: string) => string;
  counts: Map<string, number>;
}) {
  const selected: string[] | null = useAppState((s) => s.view.filters[filter]);
  const set = (list: string[] | null) => dispatch({ type: "setFilters", filters: { [filter]: list } });
  return (
    <fieldset className="filter-group">
      <legend>
        {title}
        {selected !== null && (
          <span className="muted">
            {" "}
            · {selected.length} of {values.length}
          </span>
        )}
      </legend>
      <div className="filter-actions">
        <button type="button" className="link-button" disabled={selected === null} onClick={() => set(null)}>
          All
        </button>
        <button type="button" className="link-button" disabled={selected?.length === 0} onClick={() => set([])}>
          None
        </button>
      </div>
      <ul>
        {values.map((v) => (
          <li key={v}>
            <label>
              <input
                type="checkbox"
                checked={selected === null || selected.includes(v)}
                onChange={() => set(toggle(selected, values, v))}
              />
              {colorOf && <span className="swatch" style={{ background: colorOf(v) }} aria-hidden="true" />}
              <span className="filter-label">{labelOf(v)}</span>
              <span className="count">{counts.get(v) ?? 0}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
});

function Section({ children }: { children: ReactNode }) {
  return <div className="filter-section">{children}</div>;
}

const identity = (v: string) => v;

export function FilterPanel() {
  const graph = useAppState((s) => s.data.loaded!.graph);
  const current = useAppState((s) => s.view.filters);
  const ready = useAfterFirstFrame();
  const values = useMemo(() => filterValues(graph), [graph]);
  // Counts take a pass over the graph: computed after the graph has redrawn, not before.
  const filters = useDeferredValue(current);
  const time = useDeferredValue(useAppState((s) => s.view.time));
  const focus = useDeferredValue(useAppState((s) => s.view.focus));
  const selected = useDeferredValue(useAppState((s) => (s.view.focus > 0 ? s.view.selected : null)));
  const counts = useMemo(
    () => (ready ? filterCounts(graph, { filters, time, focus, selected }) : null),
    [ready, graph, filters, time, focus, selected],
  );
  const { relationLabel, articleTitle } = useMemo(() => {
    const attrs = graph.getAttributes();
    const relations = new Map(attrs.vocabulary.map((r) => [r.id, r.label]));
    const articles = new Map(attrs.articles.map((a) => [a.id, `${a.title} (${a.date.slice(0, 4)})`]));
    return { relationLabel: (v: string) => relations.get(v) ?? v, articleTitle: (v: string) => articles.get(v) ?? v };
  }, [graph]);
  const filtered = Object.entries(current).some(([k, v]) => k !== "keepIsolated" && v !== null);

  return (
    <section className="filter-panel" id="filter-panel" aria-label="Filters">
      <div className="filter-head">
        <h2>Filters</h2>
        <button type="button" disabled={!filtered && !current.keepIsolated} onClick={() => dispatch({ type: "clearFilters" })}>
          Clear all filters
        </button>
      </div>
      <Section>
        <label className="switch">
          <input
            type="checkbox"
            checked={current.keepIsolated}
            onChange={(e) => dispatch({ type: "setFilters", filters: { keepIsolated: e.target.checked } })}
          />
          Keep actors without visible relations
        </label>
      </Section>
      {counts && (
        <>
          <FilterGroup
            title="Actor kinds"
            filter="kinds"
            values={values.kinds}
            labelOf={identity}
            colorOf={kindColor}
            counts={counts.kinds}
          />
          <FilterGroup
            title="Relation families"
            filter="families"
            values={values.families}
            labelOf={identity}
            colorOf={familyColor}
            counts={counts.families}
          />
          <FilterGroup title="Relations" filter="relations" values={values.relations} labelOf={relationLabel} counts={counts.relations} />
          <FilterGroup title="Articles" filter="articles" values={values.articles} labelOf={articleTitle} counts={counts.articles} />
        </>
      )}
    </section>
  );
}
