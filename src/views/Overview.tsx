/** What the panel shows with nothing selected: what this graph is and where it comes from. */
import { memo, useMemo } from "react";
import { datedOutline } from "../core/time";
import type { ArticleMeta } from "../model/graph-file";
import { isKnown, plural, shorten } from "../model/text";
import { dispatch, useAppState } from "../state";
import { selectVisible } from "../state/derived";
import { BoundedText } from "./BoundedText";
import { StoryList } from "./StoryList";
import { useAfterFirstFrame } from "./use-after-first-frame";

const span = (from: number, to: number) => (from === to ? String(from) : `${from}–${to}`);

/**
 * When the relations are dated, in the corpus title's terms: "dated 2013–2024
 * (and 4 earlier, from 1951)", or the time window when one is set.
 */
function datesLine(outline: ReturnType<typeof datedOutline>, time: { from: string | null; to: string | null }): string {
  if (time.from !== null || time.to !== null) {
    const from = time.from ?? (outline ? String(outline.first) : "the start");
    const to = time.to ?? (outline ? String(outline.last) : "the end");
    return from === to ? `, in ${from}` : `, from ${from} to ${to}`;
  }
  if (!outline) return "";
  const { main, first, last, before, after } = outline;
  const extra = [before > 0 ? `${before} earlier, from ${first}` : null, after > 0 ? `${after} later, to ${last}` : null].filter(
    (s) => s !== null,
  );
  return `, dated ${span(main.from, main.to)}${extra.length ? ` (and ${extra.join("; ")})` : ""}`;
}

export function Overview() {
  const data = useAppState((s) => s.data.loaded!);
  const visible = useAppState(selectVisible);
  const time = useAppState((s) => s.view.time);
  const chosen = useAppState((s) => s.view.filters.articles);
  const ready = useAfterFirstFrame();
  const attrs = data.graph.getAttributes();
  const outline = useMemo(() => datedOutline(data.graph), [data.graph]);
  const articles = attrs.articles;
  // The list follows the article filter: the articles whose evidence counts.
  const listed = useMemo(() => (chosen === null ? articles : articles.filter((a) => chosen.includes(a.id))), [articles, chosen]);
  return (
    <article className="details" aria-labelledby="details-title">
      <h2 id="details-title" data-focus-fallback tabIndex={-1}>
        <BoundedText text={attrs.name || data.source.name} max={160} />
      </h2>
      <p>
        {visible.nodes.size.toLocaleString("en")} of {plural(data.graph.order, "actor")} and {visible.edges.size.toLocaleString("en")} of{" "}
        {plural(data.graph.size, "relation")} shown
        {datesLine(outline, time)}.
      </p>
      <p className="muted">
        Hover an actor to light up its relations; click it to read the evidence. Press <kbd>/</kbd> to search, <kbd>?</kbd> for every key.
      </p>
      <StoryList />
      <h3 className="section-title">
        Articles ({chosen === null ? articles.length : `${listed.length} of ${articles.length}, as filtered`})
      </h3>
      {ready && <ArticleList articles={listed} />}
    </article>
  );
}

/** The corpus's articles; kept out of the counts' re-renders (a corpus can have thousands). */
const ArticleList = memo(function ArticleList({ articles }: { articles: ArticleMeta[] }) {
  return (
    <ul className="article-list">
      {articles.map((a) => {
        const about = [a.publisher, a.author, a.date].filter(isKnown);
        return (
          <li key={a.id}>
            <button type="button" className="link-button" onClick={() => dispatch({ type: "openReader", article: a.id, quote: "" })}>
              {shorten(isKnown(a.title) ? a.title : a.id, 200).text}
            </button>
            {about.length > 0 && <span className="muted article-meta">{about.join(" · ")}</span>}
          </li>
        );
      })}
    </ul>
  );
});
