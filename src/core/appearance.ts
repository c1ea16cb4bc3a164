/**
 * What the appearance (src/model/view-state.ts, `Appearance`) makes of the
 * visible graph: each actor's size and colour, each relation's colour, and
 * the groups the legend names. Pure: the renderer, the legend and the
 * exports all read these looks, so they agree.
 *
 * Sizes: "relations" keeps the size the data gives (the build sizes actors by
 * their relations; an opened file keeps its own); "quotes", "betweenness" and
 * "pagerank" come from the statistics of the visible graph, the disc's area
 * growing with the value, from NODE_SIZES.min to NODE_SIZES.max; "none"
 * draws every actor the same size.
 *
 * Colours: "kind" and "family" keep the usual colours; communities, articles
 * and relations each get GROUP_COLORS in their order (the largest community
 * first; articles by date; relations by how many are visible), the rest
 * sharing one grey. An actor's article is the one of its earliest quote the
 * view shows, a relation's likewise, so both colourings by article agree.
 */
import type Graph from "graphology";
import { NODE_SIZES, type EdgeAttributes, type GraphAttributes, type NodeAttributes } from "../model/graph-file";
import type { Appearance, SizeBy, ViewState } from "../model/view-state";
import type { VisibleSets } from "../model/visible";
import { evidenceTest } from "./filters";
import { metricIndex, type MetricKey, type Metrics } from "./metrics-input";
import { GROUP_COLORS, groupColor } from "./palette";

type KG = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** The legend's groups: each item's group, and the groups in order with their colours. */
export interface Groups {
  of: ReadonlyMap<string, string>;
  order: readonly { label: string; color: string }[];
}

export interface Looks {
  /** Each visible actor's colour, or null: the usual colour (its kind's, or the file's own). */
  nodeColors: ReadonlyMap<string, string> | null;
  /** Each visible actor's size, or null: the data's own. */
  nodeSizes: ReadonlyMap<string, number> | null;
  /** Each visible relation's colour, or null: the usual colour (its family's, or the file's own). */
  edgeColors: ReadonlyMap<string, string> | null;
  /** The legend's actor groups, or null: by kind. */
  nodeGroups: Groups | null;
  /** The legend's relation groups, or null: by family. */
  edgeGroups: Groups | null;
  /** What size means, when the appearance decides it ("betweenness"); null: what the data's sizes mean. */
  sizeLabel: string | null;
  /** The appearance asks for statistics that are not there yet: until they are, sizes and colours are the usual ones. */
  waiting: boolean;
}

export const NO_LOOKS: Looks = {
  nodeColors: null,
  nodeSizes: null,
  edgeColors: null,
  nodeGroups: null,
  edgeGroups: null,
  sizeLabel: null,
  waiting: false,
};

/** Size of every actor when the appearance sizes by nothing. */
export const UNIFORM_NODE_SIZE = 10;

const SIZE_METRIC: Partial<Record<SizeBy, MetricKey>> = { quotes: "quotes", betweenness: "betweenness", pagerank: "pagerank" };

export const SIZE_LABELS: Readonly<Record<SizeBy, string>> = {
  relations: "number of relations",
  quotes: "number of quotes",
  betweenness: "betweenness",
  pagerank: "PageRank",
  none: "all the same",
};

/** Whether the appearance needs the statistics of the visible graph. */
export function needsStatistics(appearance: Pick<Appearance, "sizeBy" | "colorBy">): boolean {
  return SIZE_METRIC[appearance.sizeBy] !== undefined || appearance.colorBy === "community";
}

/** Values to sizes: area in proportion, from the smallest value to the largest. */
export function sizesFor(values: ReadonlyMap<string, number>): Map<string, number> {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values.values()) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const { min, max } = NODE_SIZES;
  const out = new Map<string, number>();
  for (const [node, v] of values) out.set(node, hi > lo ? min + (max - min) * Math.sqrt((v - lo) / (hi - lo)) : (min + max) / 2);
  return out;
}

/** Groups in order, each with its colour; those beyond the palette are one "other" group. */
function grouped(of: Map<string, string>, labels: string[], other: string): { groups: Groups; colors: Map<string, string> } {
  const order = [...new Set(labels)];
  const kept = new Set(order.slice(0, GROUP_COLORS.length));
  const colorOf = new Map(order.map((label, i) => [label, groupColor(i)]));
  const names = new Map<string, string>();
  const colors = new Map<string, string>();
  for (const [item, label] of of) {
    names.set(item, kept.has(label) ? label : other);
    colors.set(item, colorOf.get(label) ?? groupColor(GROUP_COLORS.length));
  }
  const listed = [...kept].map((label) => ({ label, color: colorOf.get(label)! }));
  if (order.length > kept.size) listed.push({ label: other, color: groupColor(GROUP_COLORS.length) });
  return { groups: { of: names, order: listed }, colors };
}

/**
 * The article of each visible actor's and relation's earliest quote that the
 * view shows (ties: the article listed first), and the articles they name,
 * by date.
 */
export function firstArticles(
  graph: KG,
  visible: VisibleSets,
  view: Pick<ViewState, "filters" | "time">,
): { nodes: Map<string, string>; edges: Map<string, string>; order: string[] } {
  const meta = graph.getAttribute("articles") ?? [];
  const rank = new Map(meta.map((a, i) => [a.id, i]));
  const shown = evidenceTest(graph, view);
  const nodeFirst = new Map<string, { article: string; date: string }>();
  const edges = new Map<string, string>();
  const earlier = (a: { article: string; date: string }, b: { article: string; date: string } | undefined) =>
    !b ||
    a.date < b.date ||
    (a.date === b.date && (rank.get(a.article) ?? Infinity) < (rank.get(b.article) ?? Infinity)) ||
    (a.date === b.date && rank.get(a.article) === rank.get(b.article) && a.article < b.article);
  graph.forEachEdge((edge, attrs, source, target) => {
    if (!visible.edges.has(edge)) return;
    let first: { article: string; date: string } | undefined;
    for (const e of attrs.evidence) if (shown(e) && earlier(e, first)) first = { article: e.article, date: e.date };
    if (!first) return;
    edges.set(edge, first.article);
    for (const node of [source, target]) if (earlier(first, nodeFirst.get(node))) nodeFirst.set(node, first);
  });
  const nodes = new Map([...nodeFirst].map(([node, f]) => [node, f.article]));
  const dateOf = new Map(meta.map((a) => [a.id, a.date]));
  const cited = [...new Set([...edges.values()])];
  cited.sort((a, b) => {
    const da = dateOf.get(a) ?? "";
    const db = dateOf.get(b) ?? "";
    return da < db ? -1 : da > db ? 1 : (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0);
  });
  return { nodes, edges, order: cited };
}

export interface LooksOptions {
  view: Pick<ViewState, "filters" | "time">;
  /** The statistics of the visible graph, or null while they are not known. */
  metrics: Metrics | null;
}

/** The looks of the visible graph under `appearance`. */
export function looksOf(
  graph: KG,
  visible: VisibleSets,
  appearance: Pick<Appearance, "sizeBy" | "colorBy" | "edgeColorBy">,
  options: LooksOptions,
): Looks {
  const { metrics } = options;
  const looks: Looks = { ...NO_LOOKS, waiting: needsStatistics(appearance) && metrics === null };
  if (appearance.sizeBy !== "relations") looks.sizeLabel = SIZE_LABELS[appearance.sizeBy];

  const metric = SIZE_METRIC[appearance.sizeBy];
  if (appearance.sizeBy === "none") looks.nodeSizes = new Map([...visible.nodes].map((n) => [n, UNIFORM_NODE_SIZE]));
  else if (metric && metrics) {
    const values = new Map<string, number>();
    for (const node of visible.nodes) {
      const i = metricIndex(metrics, node);
      if (i >= 0) values.set(node, metrics.values[metric][i]!);
    }
    looks.nodeSizes = sizesFor(values);
  }

  const articles =
    appearance.colorBy === "article" || appearance.edgeColorBy === "article" ? firstArticles(graph, visible, options.view) : null;
  const titles = new Map((graph.getAttribute("articles") ?? []).map((a) => [a.id, a.title || a.id]));
  const articleOrder = articles?.order.map((a) => titles.get(a) ?? a) ?? [];
  const titled = (of: Map<string, string>) => new Map([...of].map(([k, a]) => [k, titles.get(a) ?? a]));

  if (appearance.colorBy === "community" && metrics) {
    const of = new Map<string, string>();
    for (const node of visible.nodes) {
      const i = metricIndex(metrics, node);
      if (i >= 0) of.set(node, `community ${metrics.community[i]! + 1}`);
    }
    const order = metrics.communitySizes.map((_, k) => `community ${k + 1}`);
    const { groups, colors } = grouped(of, order, "other communities");
    looks.nodeGroups = groups;
    looks.nodeColors = colors;
  } else if (appearance.colorBy === "article" && articles) {
    const { groups, colors } = grouped(titled(articles.nodes), articleOrder, "other articles");
    looks.nodeGroups = groups;
    looks.nodeColors = colors;
  }

  if (appearance.edgeColorBy === "relation") {
    const of = new Map<string, string>();
    const count = new Map<string, number>();
    graph.forEachEdge((edge, attrs) => {
      if (!visible.edges.has(edge)) return;
      const label = attrs.label || attrs.relation;
      of.set(edge, label);
      count.set(label, (count.get(label) ?? 0) + 1);
    });
    const order = [...count].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([label]) => label);
    const { groups, colors } = grouped(of, order, "other relations");
    looks.edgeGroups = groups;
    looks.edgeColors = colors;
  } else if (appearance.edgeColorBy === "article" && articles) {
    const { groups, colors } = grouped(titled(articles.edges), articleOrder, "other articles");
    looks.edgeGroups = groups;
    looks.edgeColors = colors;
  }
  return looks;
}
