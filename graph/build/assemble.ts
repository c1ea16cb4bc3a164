/** Turns a validated corpus into a directed multigraph: one edge per subject–relation–object. */
import { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, Evidence, GraphAttributes, NodeAttributes } from "../../src/model/graph-file";
import type { Corpus } from "./corpus";
import { normalizeText } from "../../src/model/text";

export type CorpusGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** Dates compare as text once partial: "2017" < "2017-03" < "2017-03-20". */
const byDate = (a: Evidence, b: Evidence) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.article < b.article ? -1 : a.article > b.article ? 1 : 0;

export function edgeKey(subject: string, relation: string, object: string): string {
  return `${subject}|${relation}|${object}`;
}

export function assembleGraph(corpus: Corpus): CorpusGraph {
  const articles = [...corpus.articles].sort((a, b) => (a.id < b.id ? -1 : 1));
  const dates = corpus.triples.map((t) => t.date).sort();
  const graph: CorpusGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  graph.replaceAttributes({
    name: corpus.name,
    articles: articles.map((a) => ({
      id: a.id,
      title: a.title,
      publisher: a.publisher,
      ...(a.author !== undefined && { author: a.author }),
      date: a.date,
      ...(a.date_note !== undefined && { dateNote: a.date_note }),
      ...(a.note !== undefined && { note: a.note }),
      ...(a.copyright !== undefined && { copyright: a.copyright }),
      body: a.body,
    })),
    vocabulary: corpus.relations.map(({ id, label, family, directed }) => ({ id, label, family, directed })),
    dateRange: dates.length ? { from: dates[0]!, to: dates[dates.length - 1]! } : null,
  });

  for (const a of corpus.actors) {
    graph.addNode(a.id, {
      label: a.label,
      kind: a.kind,
      aliases: a.aliases.map((x) => x.name),
      description: a.description,
      ...(a.role !== undefined && { role: a.role }),
      ...(a.affiliation !== undefined && { affiliation: a.affiliation }),
      x: 0,
      y: 0,
      size: 1,
      degree: 0,
      inDegree: 0,
      outDegree: 0,
      community: 0,
    });
  }

  const relations = new Map(corpus.relations.map((r) => [r.id, r]));
  // Triples in a stable order (article, then file order) make the evidence order stable too.
  const order = new Map(articles.map((a, i) => [a.id, i]));
  const triples = [...corpus.triples].sort((a, b) => order.get(a.article)! - order.get(b.article)!);
  for (const t of triples) {
    const rel = relations.get(t.relation)!;
    // An undirected relation is the same fact whichever actor the curator named first.
    const [source, target] = !rel.directed && t.object < t.subject ? [t.object, t.subject] : [t.subject, t.object];
    const key = edgeKey(source, rel.id, target);
    const evidence: Evidence = { article: t.article, quote: normalizeText(t.quote), date: t.date };
    if (!graph.hasEdge(key)) {
      graph.addDirectedEdgeWithKey(key, source, target, {
        relation: rel.id,
        label: rel.label,
        family: rel.family,
        directed: rel.directed,
        date: t.date,
        evidence: [evidence],
        weight: 1,
      });
      continue;
    }
    graph.updateEdgeAttributes(key, (attrs) => {
      const known = attrs.evidence.some((e) => e.article === evidence.article && e.quote === evidence.quote && e.date === evidence.date);
      const list = known ? attrs.evidence : [...attrs.evidence, evidence].sort(byDate);
      return { ...attrs, evidence: list, date: list[0]!.date, weight: list.length };
    });
  }
  return graph;
}
