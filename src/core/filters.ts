/**
 * What the filters, the time window and the focus leave on screen.
 *
 * Pure functions of the graph and the view: they return sets of keys and
 * never write to the graph, so changing a filter cannot move a node.
 */
import type Graph from "graphology";
import {
  ACTOR_KINDS,
  FAMILIES,
  type EdgeAttributes,
  type Evidence,
  type Family,
  type GraphAttributes,
  type NodeAttributes,
} from "../model/graph-file";
import type { ViewState } from "../model/view-state";
import type { VisibleSets } from "../model/visible";
import { quoteTest } from "./evidence-search";
import { neighbourhood } from "./neighbourhood";
import { isOpenWindow, windowTest } from "./time";

type KG = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** The parts of the view that decide visibility. */
export type VisibilityView = Pick<ViewState, "filters" | "time" | "focus" | "selected">;

const allowed = <T extends string>(list: readonly T[] | null): ((value: T) => boolean) => {
  if (list === null) return () => true;
  const set = new Set<string>(list);
  return (value) => set.has(value);
};

/**
 * The visible actors and relations.
 *
 * A relation is visible when its family and its relation pass, when at least
 * one of its evidence entries passes the article filter, the time window and
 * the quote filter (the same entry: an article from 2010 plus another
 * article's 2020 date does not make a 2020 relation visible from the first
 * article), and when the kinds of both its actors pass. An actor is visible when its kind passes
 * and it has a visible relation, or `keepIsolated` is on.
 *
 * Then the focus: when it is 1 or 2 and the selected actor is visible, only
 * the actors within that many hops of it over visible relations stay, with the
 * visible relations among them. A hidden or absent selection leaves the focus
 * without effect rather than emptying the screen.
 */
export function visibleSubgraph(graph: KG, view: VisibilityView): VisibleSets {
  const passes = relationTest(graph, view);
  const kept = actorTest(view);
  const edges = new Set<string>();
  const touched = new Set<string>();
  graph.forEachEdge((edge, attrs, source, target, sourceAttrs, targetAttrs) => {
    if (!passes(attrs, sourceAttrs, targetAttrs)) return;
    edges.add(edge);
    touched.add(source);
    touched.add(target);
  });
  // Collected in graph order, not edge order, so the result does not depend on which relation came first.
  const nodes = new Set<string>();
  graph.forEachNode((node, attrs) => {
    if (touched.has(node) || kept(attrs)) nodes.add(node);
  });
  return applyFocus(graph, { nodes, edges }, view);
}

/** The filters' and the time window's test of one relation, built once per view (see `visibleSubgraph`). */
export function relationTest(
  graph: KG,
  view: VisibilityView,
): (attrs: EdgeAttributes, source: NodeAttributes, target: NodeAttributes) => boolean {
  const { filters } = view;
  const kindOk = allowed(filters.kinds);
  const familyOk = allowed<Family>(filters.families);
  const relationOk = allowed(filters.relations);
  const dateOk = windowTest(view.time);
  const open = isOpenWindow(view.time);
  const shown = evidenceTest(graph, view);
  return (attrs, source, target) => {
    if (!familyOk(attrs.family) || !relationOk(attrs.relation)) return false;
    if (!kindOk(source.kind) || !kindOk(target.kind)) return false;
    // A relation without evidence (a file from another tool) has no article or quote to filter on, and only its own date, if any.
    if (attrs.evidence.length === 0)
      return filters.articles === null && filters.quote === null && (open || (typeof attrs.date === "string" && dateOk(attrs.date)));
    return attrs.evidence.some(shown);
  };
}

/** Whether an actor stays without a visible relation: `keepIsolated` is on and its kind passes. */
export function actorTest(view: VisibilityView): (attrs: NodeAttributes) => boolean {
  const kindOk = allowed(view.filters.kinds);
  return (attrs) => view.filters.keepIsolated && kindOk(attrs.kind);
}

/**
 * The focus over visible sets: when it is 1 or 2 and the selected actor is
 * visible, only the actors within that many hops of it over visible relations
 * stay, with the visible relations among them. A hidden or absent selection
 * leaves the focus without effect rather than emptying the screen.
 */
export function applyFocus(graph: KG, visible: VisibleSets, view: Pick<VisibilityView, "focus" | "selected">): VisibleSets {
  const { focus, selected } = view;
  if (focus === 0 || selected === null || !visible.nodes.has(selected)) return visible;
  const near = neighbourhood(graph, selected, focus, (edge) => visible.edges.has(edge));
  return {
    nodes: new Set([...visible.nodes].filter((n) => near.has(n))),
    edges: new Set([...visible.edges].filter((e) => near.has(graph.source(e)) && near.has(graph.target(e)))),
  };
}

/**
 * Which evidence entries the view shows: from an article the filter lets
 * through, inside the time window, matching the quote filter. A relation is
 * visible through such an entry; the statistics count them as its quotes.
 */
export function evidenceTest(graph: KG, view: Pick<ViewState, "filters" | "time">): (e: Evidence) => boolean {
  const articleOk = allowed(view.filters.articles);
  const dateOk = windowTest(view.time);
  const quoteOk = quoteTest(graph, view.filters.quote);
  return (e) => articleOk(e.article) && dateOk(e.date) && quoteOk(e);
}

/** For each value of each filter, the count shown next to its checkbox. */
export interface FilterCounts {
  /** Visible actors of each kind. */
  kinds: Map<string, number>;
  /** Visible relations of each family. */
  families: Map<Family, number>;
  /** Visible relations of each vocabulary relation. */
  relations: Map<string, number>;
  /** Visible relations with evidence from each article inside the time window. */
  articles: Map<string, number>;
}

type ListFilter = "kinds" | "families" | "relations" | "articles";

/**
 * How many visible items each filter value accounts for, given every other
 * setting: the count a filter panel shows next to each checkbox.
 *
 * The count for a value is taken from the view with that value ticked in its
 * own filter and everything else (other values of that filter, the other
 * filters, the time window, the focus) as it is. So a ticked value — or any
 * value of a filter left at "all" — shows how many of its items are on screen
 * now, and an unticked value shows how many of its items ticking it would
 * bring. Kinds count actors; families and relations count relations; an
 * article counts the visible relations for which it has an evidence entry
 * inside the time window. Ticking a kind can also reveal relations to actors
 * of ticked kinds; only the new kind's actors are in its count.
 *
 * Every value the graph knows is listed, with 0 when nothing would show: all
 * kinds of its actors, all families, the vocabulary and the articles (plus any
 * relation or article that relations use without declaring it).
 */
export function filterCounts(graph: KG, view: VisibilityView): FilterCounts {
  const values = filterValues(graph);
  const base = visibleSubgraph(graph, view);
  const dateOk = windowTest(view.time);
  const quoteOk = quoteTest(graph, view.filters.quote);

  const tally = (filter: ListFilter, value: string, visible: VisibleSets): number => {
    let count = 0;
    if (filter === "kinds") {
      for (const node of visible.nodes) if (graph.getNodeAttribute(node, "kind") === value) count++;
      return count;
    }
    for (const edge of visible.edges) {
      const attrs = graph.getEdgeAttributes(edge);
      if (
        filter === "families"
          ? attrs.family === value
          : filter === "relations"
            ? attrs.relation === value
            : attrs.evidence.some((e) => e.article === value && dateOk(e.date) && quoteOk(e))
      )
        count++;
    }
    return count;
  };

  const countsFor = <T extends string>(filter: ListFilter, list: readonly T[]): Map<T, number> => {
    const counts = new Map<T, number>();
    const current = view.filters[filter] as readonly string[] | null;
    for (const value of list) {
      const ticked = current === null || current.includes(value);
      const visible = ticked ? base : visibleSubgraph(graph, { ...view, filters: { ...view.filters, [filter]: [...current, value] } });
      counts.set(value, tally(filter, value, visible));
    }
    return counts;
  };

  /**
   * Without a focus, an edge's visibility under a relation, family or article
   * filter depends on nothing but that edge, so one pass with the filter
   * lifted gives every value's count at once — the per-value loop above would
   * cost one pass per value, thousands for a corpus with thousands of articles.
   */
  const countsInOnePass = <T extends string>(filter: "families" | "relations" | "articles", list: readonly T[]): Map<T, number> => {
    const counts = new Map<T, number>(list.map((v) => [v, 0]));
    const lifted = visibleSubgraph(graph, { ...view, filters: { ...view.filters, [filter]: null } });
    for (const edge of lifted.edges) {
      const attrs = graph.getEdgeAttributes(edge);
      if (filter === "articles") {
        const cited = new Set<string>();
        for (const e of attrs.evidence) if (dateOk(e.date) && quoteOk(e)) cited.add(e.article);
        for (const a of cited) if (counts.has(a as T)) counts.set(a as T, counts.get(a as T)! + 1);
      } else {
        const value = (filter === "families" ? attrs.family : attrs.relation) as T;
        if (counts.has(value)) counts.set(value, counts.get(value)! + 1);
      }
    }
    return counts;
  };
  const edgeCounts = <T extends string>(filter: "families" | "relations" | "articles", list: readonly T[]) =>
    view.focus === 0 ? countsInOnePass(filter, list) : countsFor(filter, list);

  return {
    kinds: countsFor("kinds", values.kinds),
    families: edgeCounts("families", values.families),
    relations: edgeCounts("relations", values.relations),
    articles: edgeCounts("articles", values.articles),
  };
}

/** Every value each filter can take in this graph, in a stable order. */
export function filterValues(graph: KG): {
  kinds: string[];
  families: Family[];
  relations: string[];
  articles: string[];
} {
  const kinds = new Set<string>();
  graph.forEachNode((_, attrs) => kinds.add(attrs.kind));
  const { vocabulary = [], articles: articleMeta = [] } = graph.getAttributes();
  const relations = new Set(vocabulary.map((r) => r.id));
  const articles = new Set(articleMeta.map((a) => a.id));
  graph.forEachEdge((_, attrs) => {
    relations.add(attrs.relation);
    for (const e of attrs.evidence) articles.add(e.article);
  });
  // The schema's order of kinds, then any others by name, so the panel does not reorder per corpus.
  const rank = (kind: string) => {
    const i = (ACTOR_KINDS as readonly string[]).indexOf(kind);
    return i < 0 ? ACTOR_KINDS.length : i;
  };
  const sortedKinds = [...kinds].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return { kinds: sortedKinds, families: [...FAMILIES], relations: [...relations], articles: [...articles] };
}
