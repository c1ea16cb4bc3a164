/**
 * An actor's evidence, for reading a hub: its visible relations grouped by
 * relation, by the other actor or by article (the reader's choice, kept in
 * this browser), each group folding open and shut with its counts, sorted by
 * date or by number of quotes, each quote once with the relations it
 * supports, and a box that narrows the list to the quotes with a word and
 * marks it. A long list is virtualised: only the rows in view are in the page.
 */
import { lazy, Suspense, useDeferredValue, useMemo, useState, type ReactNode } from "react";
import {
  evidenceGroups,
  type EvidenceGroup,
  type EvidenceGrouping,
  type EvidenceSort,
  type QuoteCard,
  type SupportedRelation,
} from "../core/evidence";
import { familyColor } from "../core/palette";
import { plural } from "../model/text";
import { dispatch, useAppState } from "../state";
import { selectVisible } from "../state/derived";
import { ActorLink } from "./ActorLink";
import { BoundedText } from "./BoundedText";
import { EvidenceQuote } from "./Evidence";
import { showRelationInGraph } from "./show-in-graph";
import { rowKey, type Row } from "./evidence-rows";

/** Above this many rows (group headings and quotes) only the rows in view are rendered. */
export const VIRTUALISE_ABOVE = 60;
/** Above this many quotes the groups start closed, so a hub opens as a list of what it holds. */
const COLLAPSE_ABOVE = 40;

const GROUPINGS: { value: EvidenceGrouping; label: string }[] = [
  { value: "relation", label: "relation" },
  { value: "actor", label: "other actor" },
  { value: "article", label: "article" },
];
const SORTS: { value: EvidenceSort; label: string }[] = [
  { value: "date", label: "date" },
  { value: "quotes", label: "number of quotes" },
];

// The virtualiser comes with the first long list, not with the page.
const VirtualRows = lazy(() => import("./VirtualRows"));

/** "Japan sanctions Russia", "Britain criticises Japan": the relation as a sentence. */
function RelationLine({ actor, relation }: { actor: string; relation: SupportedRelation }) {
  const other = <ActorLink node={relation.other} label={relation.otherLabel} />;
  const sentence =
    relation.direction === "in" ? `${relation.otherLabel} ${relation.label} ${actor}` : `${actor} ${relation.label} ${relation.otherLabel}`;
  return (
    <li className="relation-line">
      <span className="swatch" style={{ background: familyColor(relation.family) }} aria-hidden="true" />
      {relation.direction === "in" ? (
        <>
          {other} {relation.label} {actor}
        </>
      ) : (
        <>
          {actor} {relation.label} {other}
        </>
      )}
      <span className="date"> · {relation.date}</span>
      <button
        type="button"
        className="link-button"
        aria-label={`Show in graph: ${sentence}`}
        onClick={() => showRelationInGraph(relation.edge)}
      >
        Show in graph
      </button>
    </li>
  );
}

function Card({ actor, card, query }: { actor: string; card: QuoteCard; query: string }) {
  return (
    <div className="quote-card">
      <ul className="supports" aria-label={card.relations.length > 1 ? `Supports ${plural(card.relations.length, "relation")}` : undefined}>
        {card.relations.map((r) => (
          <RelationLine key={r.edge} actor={actor} relation={r} />
        ))}
      </ul>
      {card.quotes.length > 0 ? (
        card.quotes.map((q) => <EvidenceQuote key={`${q.article}|${q.quote}`} evidence={q} query={query} />)
      ) : (
        <p className="muted no-quote">No quote: the file gives no evidence for this relation.</p>
      )}
    </div>
  );
}

function GroupHeading({ actor, group, open, onToggle }: { actor: string; group: EvidenceGroup; open: boolean; onToggle: () => void }) {
  let title: ReactNode = <BoundedText text={group.label} max={120} />;
  if (group.family) title = group.incoming ? `${group.label} (${actor} as object)` : group.label;
  return (
    <h4 className="group-heading">
      <button type="button" className="group-toggle" aria-expanded={open} onClick={onToggle}>
        <span className="chevron" aria-hidden="true">
          {open ? "▾" : "▸"}
        </span>
        {group.family && <span className="swatch" style={{ background: familyColor(group.family) }} aria-hidden="true" />}
        <span className="group-title">{title}</span>
        <span className="group-count">
          {plural(group.relationCount, "relation")} · {plural(group.quoteCount, "quote")}
        </span>
      </button>
    </h4>
  );
}

export function EvidenceList({ node }: { node: string }) {
  const graph = useAppState((s) => s.data.loaded!.graph);
  const visible = useAppState(selectVisible);
  const { evidenceGroupBy: groupBy, evidenceSort: sort } = useAppState((s) => s.ui.preferences);
  const [typed, setTyped] = useState("");
  const query = useDeferredValue(typed);
  const [overrides, setOverrides] = useState<Map<string, boolean>>(() => new Map());
  const actor = graph.getNodeAttribute(node, "label");
  const view = useMemo(
    () => evidenceGroups(graph, node, { visibleEdges: visible.edges, groupBy, sort, query }),
    [graph, node, visible, groupBy, sort, query],
  );
  const closedByDefault = !query.trim() && view.totalQuotes + view.groups.length > COLLAPSE_ABOVE;
  const isOpen = (g: EvidenceGroup) => overrides.get(g.key) ?? !closedByDefault;

  const rows: Row[] = [];
  for (const group of view.groups) {
    const open = isOpen(group);
    rows.push({ kind: "group", group, open });
    if (open) for (const card of group.cards) rows.push({ kind: "card", group, card });
  }
  const setAll = (open: boolean) => setOverrides(new Map(view.groups.map((g) => [g.key, open])));
  const toggle = (g: EvidenceGroup) => setOverrides((m) => new Map(m).set(g.key, !isOpen(g)));
  const narrowed = query.trim() !== "";

  return (
    <section className="evidence-list" aria-labelledby="evidence-title">
      <h3 id="evidence-title" className="section-title">
        {plural(view.totalRelations, "visible relation")} · {plural(view.totalQuotes, "quote")}
      </h3>
      <div className="evidence-tools">
        <label>
          <span>Group by</span>
          <select
            value={groupBy}
            onChange={(e) => dispatch({ type: "setPreferences", preferences: { evidenceGroupBy: e.target.value as EvidenceGrouping } })}
          >
            {GROUPINGS.map((g) => (
              <option key={g.value} value={g.value}>
                {g.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Sort by</span>
          <select
            value={sort}
            onChange={(e) => dispatch({ type: "setPreferences", preferences: { evidenceSort: e.target.value as EvidenceSort } })}
          >
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <input
          type="search"
          className="evidence-filter"
          aria-label="Find in these quotes"
          placeholder="Find in these quotes"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            // Escape empties the box first; the selection is cleared by the next one.
            if (e.key === "Escape" && typed !== "") {
              e.stopPropagation();
              setTyped("");
            }
          }}
        />
      </div>
      <div className="evidence-bar">
        <p className="muted" role="status">
          {narrowed
            ? view.quoteCount === 0
              ? `No quote contains “${query.trim()}”.`
              : `${plural(view.quoteCount, "quote")} of ${view.totalQuotes} and ${plural(view.relationCount, "relation")} of ${view.totalRelations} contain “${query.trim()}”.`
            : `${plural(view.groups.length, "group")}.`}
        </p>
        <span className="evidence-expand">
          <button type="button" className="link-button" onClick={() => setAll(true)}>
            Open all
          </button>
          <button type="button" className="link-button" onClick={() => setAll(false)}>
            Close all
          </button>
        </span>
      </div>
      {rows.length > VIRTUALISE_ABOVE ? (
        // While the virtualiser loads (once), the first rows stand in: about a screenful.
        <Suspense fallback={<PlainRows rows={rows.slice(0, 20)} render={renderRow} />}>
          <VirtualRows rows={rows} rowKey={rowKey} render={renderRow} />
        </Suspense>
      ) : (
        <PlainRows rows={rows} render={renderRow} />
      )}
    </section>
  );

  function renderRow(row: Row) {
    return row.kind === "group" ? (
      <GroupHeading actor={actor} group={row.group} open={row.open} onToggle={() => toggle(row.group)} />
    ) : (
      <Card actor={actor} card={row.card} query={query} />
    );
  }
}

function PlainRows({ rows, render }: { rows: Row[]; render: (row: Row) => ReactNode }) {
  return (
    <div className="evidence-rows">
      {rows.map((row) => (
        <div key={rowKey(row)}>{render(row)}</div>
      ))}
    </div>
  );
}
