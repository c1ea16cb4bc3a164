/**
 * An actor's evidence arranged for reading a hub: its visible relations in
 * groups (by relation, by the other actor or by article), each quote shown
 * once per group with every relation of that group it supports, sorted by
 * date or by number of quotes, and narrowed to the quotes that contain a word.
 */
import type Graph from "graphology";
import type { EdgeAttributes, Family, GraphAttributes, NodeAttributes } from "../model/graph-file";
import { foldText, isKnown } from "../model/text";

export type EvidenceGrouping = "relation" | "actor" | "article";
export type EvidenceSort = "date" | "quotes";

export const EVIDENCE_GROUPINGS: readonly EvidenceGrouping[] = ["relation", "actor", "article"];
export const EVIDENCE_SORTS: readonly EvidenceSort[] = ["date", "quotes"];

/** One relation of the actor, as a line of the panel reads it. */
export interface SupportedRelation {
  edge: string;
  relation: string;
  label: string;
  family: Family;
  other: string;
  otherLabel: string;
  /** "out": the actor is the subject; "in": the object; "mutual": an undirected relation. */
  direction: "out" | "in" | "mutual";
  date: string;
}

export interface CardQuote {
  quote: string;
  article: string;
  date: string;
}

/**
 * Relations of a group with the quotes that support them: each quote is in
 * one card of its group, the card of exactly the relations it supports, so a
 * quote behind five relations is shown once with the five, and a relation
 * with three quotes of its own once with the three. A relation without
 * evidence has a card with no quote.
 */
export interface QuoteCard {
  key: string;
  quotes: CardQuote[];
  /** The earliest date of its quotes (the relation's own date when it has none). */
  date: string;
  relations: SupportedRelation[];
}

export interface EvidenceGroup {
  key: string;
  /** What the heading names: a relation's label, an actor's name or an article's title. */
  label: string;
  /** The relation family, when grouped by relation. */
  family?: Family;
  /** The other actor, when grouped by actor. */
  other?: string;
  /** The article, when grouped by article. */
  article?: string;
  /** True when the actor is the object of the group's directed relations (grouped by relation). */
  incoming?: boolean;
  relationCount: number;
  quoteCount: number;
  /** The earliest date in the group, for sorting by date. */
  date: string;
  cards: QuoteCard[];
}

export interface EvidenceOptions {
  /** Only these relations are listed (the visible ones); default all. */
  visibleEdges?: ReadonlySet<string>;
  groupBy?: EvidenceGrouping;
  sort?: EvidenceSort;
  /** Keep only the quotes whose text contains this (folded: case, accents, spacing); blank keeps all. */
  query?: string;
}

export interface EvidenceView {
  groups: EvidenceGroup[];
  /** Relations and distinct quotes listed, after the query. */
  relationCount: number;
  quoteCount: number;
  /** Relations and distinct quotes before the query narrowed them. */
  totalRelations: number;
  totalQuotes: number;
}

type KG = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A quote is the same quote when it is the same text from the same article. */
const quoteKey = (article: string, quote: string) => `${article}\u0000${quote}`;

export function evidenceGroups(graph: KG, node: string, options: EvidenceOptions = {}): EvidenceView {
  const { visibleEdges, groupBy = "relation", sort = "date" } = options;
  const query = foldText(options.query ?? "");
  const articles = new Map((graph.getAttribute("articles") ?? []).map((a) => [a.id, a]));

  interface Building {
    group: Omit<EvidenceGroup, "cards" | "relationCount" | "quoteCount" | "date">;
    /** Each distinct quote with the relations of this group it supports. */
    quotes: Map<string, CardQuote & { relations: SupportedRelation[] }>;
    /** Relations without evidence. */
    unquoted: SupportedRelation[];
    edges: Set<string>;
  }
  const groups = new Map<string, Building>();
  const allEdges = new Set<string>();
  const allQuotes = new Set<string>();
  const shownEdges = new Set<string>();
  const shownQuotes = new Set<string>();

  const groupFor = (key: string, make: () => Building["group"]): Building => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { group: make(), quotes: new Map(), unquoted: [], edges: new Set() }));
    return g;
  };

  graph.forEachEdge(node, (edge, attrs, source, target) => {
    if (visibleEdges && !visibleEdges.has(edge)) return;
    allEdges.add(edge);
    const other = source === node ? target : source;
    const direction = !attrs.directed ? "mutual" : source === node ? "out" : "in";
    const line: SupportedRelation = {
      edge,
      relation: attrs.relation,
      label: attrs.label,
      family: attrs.family,
      other,
      otherLabel: graph.getNodeAttribute(other, "label"),
      direction,
      date: attrs.date,
    };
    // Where a relation goes when its grouping does not depend on the quote.
    const fixedGroup = (): Building | null => {
      if (groupBy === "relation") {
        // Incoming directed relations read differently ("is sanctioned by"), so they form their own group.
        const incoming = direction === "in";
        return groupFor(`relation:${attrs.relation}:${incoming ? "in" : "out"}`, () => ({
          key: `relation:${attrs.relation}:${incoming ? "in" : "out"}`,
          label: attrs.label,
          family: attrs.family,
          incoming,
        }));
      }
      if (groupBy === "actor") {
        return groupFor(`actor:${other}`, () => ({ key: `actor:${other}`, label: line.otherLabel, other }));
      }
      return null;
    };
    const articleGroup = (article: string | null): Building => {
      const id = article ?? "";
      const meta = article === null ? undefined : articles.get(article);
      const title = article === null ? "Without evidence" : meta && isKnown(meta.title) ? meta.title : article;
      return groupFor(`article:${id}`, () => ({ key: `article:${id}`, label: title, ...(article === null ? {} : { article }) }));
    };

    if (attrs.evidence.length === 0) {
      if (query) return;
      const g = fixedGroup() ?? articleGroup(null);
      g.edges.add(edge);
      shownEdges.add(edge);
      g.unquoted.push(line);
      return;
    }
    for (const e of attrs.evidence) {
      const key = quoteKey(e.article, e.quote);
      allQuotes.add(key);
      if (query && !foldText(e.quote).includes(query)) continue;
      const g = fixedGroup() ?? articleGroup(e.article);
      let quote = g.quotes.get(key);
      if (!quote) g.quotes.set(key, (quote = { quote: e.quote, article: e.article, date: e.date, relations: [] }));
      if (e.date < quote.date) quote.date = e.date;
      if (!quote.relations.some((r) => r.edge === edge)) quote.relations.push(line);
      g.edges.add(edge);
      shownEdges.add(edge);
      shownQuotes.add(key);
    }
  });

  const byDateThenName = (a: SupportedRelation, b: SupportedRelation) => byText(a.date, b.date) || byText(a.otherLabel, b.otherLabel);
  const out: EvidenceGroup[] = [...groups.values()].map(({ group, quotes, unquoted, edges }) => {
    // Quotes that support the same relations share a card.
    const cards = new Map<string, QuoteCard>();
    for (const { relations, ...quote } of quotes.values()) {
      relations.sort(byDateThenName);
      const key = relations.map((r) => r.edge).join("\u0000");
      let card = cards.get(key);
      if (!card) cards.set(key, (card = { key, quotes: [], date: quote.date, relations }));
      card.quotes.push(quote);
      if (quote.date < card.date) card.date = quote.date;
    }
    for (const line of unquoted)
      cards.set(`none:${line.edge}`, { key: `none:${line.edge}`, quotes: [], date: line.date, relations: [line] });
    const list = [...cards.values()];
    for (const card of list) card.quotes.sort((a, b) => byText(a.date, b.date) || byText(a.quote, b.quote));
    list.sort(
      sort === "quotes"
        ? (a, b) =>
            b.quotes.length - a.quotes.length || b.relations.length - a.relations.length || byText(a.date, b.date) || byText(a.key, b.key)
        : (a, b) => byText(a.date, b.date) || byText(a.key, b.key),
    );
    const date = list.reduce((d, c) => (c.date < d ? c.date : d), list[0]?.date ?? "");
    return { ...group, relationCount: edges.size, quoteCount: quotes.size, date, cards: list };
  });
  out.sort(
    sort === "quotes"
      ? (a, b) => b.quoteCount - a.quoteCount || b.relationCount - a.relationCount || byText(a.label, b.label)
      : (a, b) => byText(a.date, b.date) || byText(a.label, b.label),
  );
  return {
    groups: out,
    relationCount: shownEdges.size,
    quoteCount: shownQuotes.size,
    totalRelations: allEdges.size,
    totalQuotes: allQuotes.size,
  };
}
