/** One evidence quote with its article, and a way to read it in context. */
import type { ArticleMeta, Evidence } from "../model/graph-file";
import { isKnown } from "../model/text";
import { dispatch, useAppState } from "../state";
import type { KGGraph } from "../state/data";
import { BoundedText } from "./BoundedText";

const byId = new WeakMap<KGGraph, Map<string, ArticleMeta>>();

/** The graph's articles by id, built once per graph. */
export function articleOf(graph: KGGraph | undefined, id: string): ArticleMeta | undefined {
  if (!graph) return undefined;
  let map = byId.get(graph);
  if (!map) byId.set(graph, (map = new Map((graph.getAttribute("articles") ?? []).map((a) => [a.id, a]))));
  return map.get(id);
}

/** "Asia Times, 2015": what is known of where and when an article appeared; "unknown" is left out. */
export function articleSource(article: ArticleMeta): string {
  return [article.publisher, article.date].filter(isKnown).join(", ");
}

export function EvidenceQuote({ evidence, query }: { evidence: Pick<Evidence, "article" | "quote">; query?: string }) {
  const article = useAppState((s) => articleOf(s.data.loaded?.graph, evidence.article));
  const source = article ? articleSource(article) : "";
  return (
    <figure className="evidence">
      <blockquote>
        <BoundedText text={evidence.quote} max={1200} query={query} />
      </blockquote>
      <figcaption>
        <span className="evidence-source">
          <BoundedText text={article && isKnown(article.title) ? article.title : evidence.article} max={160} />
          {source && <> · {source}</>}
        </span>
        {article && article.body && (
          <button
            type="button"
            className="link-button"
            onClick={() => dispatch({ type: "openReader", article: evidence.article, quote: evidence.quote })}
          >
            Read in article
          </button>
        )}
      </figcaption>
    </figure>
  );
}
