/** What the panel shows with nothing selected: what this graph is and where it comes from. */
import { memo } from "react";
import type { ArticleMeta } from "../model/graph-file";
import { dispatch, useAppState } from "../state";
import { selectVisible } from "../state/derived";
import { StoryList } from "./StoryList";
import { useAfterFirstFrame } from "./use-after-first-frame";

export function Overview() {
  const data = useAppState((s) => s.data.loaded!);
  const visible = useAppState(selectVisible);
  const time = useAppState((s) => s.view.time);
  const ready = useAfterFirstFrame();
  const attrs = data.graph.getAttributes();
  return (
    <article className="details" aria-labelledby="details-title">
      <h2 id="details-title">{attrs.name}</h2>
      <p>
        {visible.nodes.size} of {data.graph.order} actors and {visible.edges.size} of {data.graph.size} relations shown
        {attrs.dateRange && (
          <>
            , {time.from ?? attrs.dateRange.from} to {time.to ?? attrs.dateRange.to}
          </>
        )}
        .
      </p>
      <p className="muted">
        Hover an actor to light up its relations; click it to read the evidence. Press <kbd>/</kbd> to search, <kbd>Esc</kbd> to clear.
      </p>
      <StoryList />
      <h3 className="section-title">Articles ({attrs.articles.length})</h3>
      {ready && <ArticleList articles={attrs.articles} />}
    </article>
  );
}

/** The corpus's articles; kept out of the counts' re-renders (a corpus can have thousands). */
const ArticleList = memo(function ArticleList({ articles }: { articles: ArticleMeta[] }) {
  return (
    <ul className="article-list">
      {articles.map((a) => (
        <li key={a.id}>
          <button type="button" className="link-button" onClick={() => dispatch({ type: "openReader", article: a.id, quote: "" })}>
            {a.title}
          </button>
          <span className="muted">
            {" "}
            · {a.publisher}
            {a.author && <>, {a.author}</>} · {a.date}
          </span>
        </li>
      ))}
    </ul>
  );
});
