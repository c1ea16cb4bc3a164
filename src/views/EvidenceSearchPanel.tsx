/**
 * "Search quotes": a full-text search over every quote (src/core/evidence-index.ts,
 * built on first use), its results listed as quotes with the matching words
 * marked, grouped by relation. Choosing one selects its relation, whose
 * evidence the side panel then shows; "Show all matches in the graph" turns
 * the query into the quote filter, which the link keeps. Loaded when the
 * panel is first opened.
 */
import { useDeferredValue, useEffect, useId, useMemo, useState } from "react";
import { evidenceIndex, groupHits, type EvidenceIndex } from "../core/evidence-index";
import { highlightPieces } from "../core/evidence-search";
import { evidenceTest, visibleSubgraph } from "../core/filters";
import { DEFAULT_FILTERS } from "../model/view-state";
import { dispatch, useAppState } from "../state";
import { selectVisible } from "../state/derived";

/** Most quotes listed at once; the count says how many there are. */
const LISTED = 200;

function Marked({ text, query }: { text: string; query: string }) {
  // React text and <mark> elements: a quote is never read as HTML.
  return <>{highlightPieces(text, query).map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</>;
}

export default function EvidenceSearchPanel() {
  const data = useAppState((s) => s.data.loaded!);
  const graph = data.graph;
  const filters = useAppState((s) => s.view.filters);
  const time = useAppState((s) => s.view.time);
  const focus = useAppState((s) => s.view.focus);
  const selected = useAppState((s) => s.view.selected);
  const selectedEdge = useAppState((s) => s.view.selectedEdge);
  const visible = useAppState(selectVisible);
  const [query, setQuery] = useState(filters.quote ?? "");
  const deferred = useDeferredValue(query.trim());
  const [index, setIndex] = useState<{ graph: typeof graph; index: EvidenceIndex } | null>(null);
  const [building, setBuilding] = useState<number | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const inputId = useId();

  // The index is built the first time there is something to look for.
  const wanted = deferred !== "";
  useEffect(() => {
    if (!wanted || index?.graph === graph) return;
    let cancelled = false;
    evidenceIndex(graph, (share) => !cancelled && setBuilding(share)).then(
      (built) => {
        if (cancelled) return;
        setIndex({ graph, index: built });
        setBuilding(null);
      },
      (err: Error) => !cancelled && setFailed(`The quotes could not be indexed: ${err.message}`),
    );
    return () => {
      cancelled = true;
    };
  }, [wanted, graph, index]);

  // Quotes the view would show were it not for the quote filter itself.
  const among = useMemo(() => {
    if (filters.quote === null) return { visible, shown: evidenceTest(graph, { filters, time }) };
    const rest = { ...filters, quote: DEFAULT_FILTERS.quote };
    return {
      visible: visibleSubgraph(graph, { filters: rest, time, focus, selected }),
      shown: evidenceTest(graph, { filters: rest, time }),
    };
  }, [graph, filters, time, focus, selected, visible]);

  const found = useMemo(() => {
    if (!index || index.graph !== graph || deferred === "") return null;
    const { hits, total } = index.index.search(deferred, { keep: (edge, e) => among.visible.edges.has(edge) && among.shown(e) });
    const groups = groupHits(hits);
    const listed = groupHits(hits.slice(0, LISTED));
    return { total, relations: groups.length, listed };
  }, [index, graph, deferred, among]);

  const label = (n: string) => graph.getNodeAttribute(n, "label");
  const titles = useMemo(() => new Map(graph.getAttribute("articles").map((a) => [a.id, a.title])), [graph]);
  const applied = filters.quote !== null && filters.quote === deferred;
  const count = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

  return (
    <div className="quote-search">
      <div className="table-tools">
        <label htmlFor={inputId} className="visually-hidden">
          Search quotes
        </label>
        <input
          id={inputId}
          type="search"
          className="table-filter"
          placeholder="Search every quote…"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && found && found.total > 0) dispatch({ type: "setFilters", filters: { quote: deferred } });
          }}
        />
        <span className="muted table-count" role="status">
          {failed ??
            (wanted && index?.graph !== graph
              ? `Indexing the quotes… ${Math.round((building ?? 0) * 100)}%`
              : found
                ? `${count(found.total, "quote", "quotes")} in ${count(found.relations, "relation", "relations")}`
                : deferred === ""
                  ? "Words are matched by their start, whatever the case or accents, with small typos forgiven."
                  : "")}
        </span>
        {applied ? (
          <button type="button" onClick={() => dispatch({ type: "setFilters", filters: { quote: null } })}>
            Show all relations again
          </button>
        ) : (
          <button
            type="button"
            disabled={!found || found.total === 0}
            onClick={() => dispatch({ type: "setFilters", filters: { quote: deferred } })}
          >
            Show all matches in the graph
          </button>
        )}
      </div>
      {found && (
        <ol className="quote-results" aria-label="Matching quotes, by relation">
          {found.listed.map((group) => {
            const attrs = graph.getEdgeAttributes(group.edge);
            const title = `${label(graph.source(group.edge))} ${attrs.label} ${label(graph.target(group.edge))}`;
            return (
              <li key={group.edge} className={group.edge === selectedEdge ? "selected" : undefined}>
                <button type="button" className="quote-relation" onClick={() => dispatch({ type: "selectEdge", edge: group.edge })}>
                  {title}
                </button>
                <ul>
                  {group.hits.map((hit) => (
                    <li key={hit.index}>
                      <button
                        type="button"
                        className="quote-hit"
                        aria-label={`Quote of ${title}: ${hit.evidence.quote}`}
                        onClick={() => dispatch({ type: "selectEdge", edge: group.edge })}
                      >
                        <q>
                          <Marked text={hit.evidence.quote} query={deferred} />
                        </q>
                        <small className="muted">
                          {" "}
                          — {titles.get(hit.evidence.article) ?? hit.evidence.article}, {hit.evidence.date}
                        </small>
                      </button>
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
          {found.total > LISTED && <li className="muted">and {count(found.total - LISTED, "more quote", "more quotes")}</li>}
        </ol>
      )}
    </div>
  );
}
