/** One evidence quote with its article, and a way to read it in context. */
import type { Evidence } from "../model/graph-file";
import { dispatch, useAppState } from "../state";

export function EvidenceQuote({ evidence }: { evidence: Evidence }) {
  const article = useAppState((s) => s.data.loaded?.graph.getAttribute("articles").find((a) => a.id === evidence.article));
  return (
    <figure className="evidence">
      <blockquote>{evidence.quote}</blockquote>
      <figcaption>
        <span className="evidence-source">
          {article ? article.title : evidence.article}
          {article && (
            <>
              {" "}
              · {article.publisher}, {article.date}
            </>
          )}
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
