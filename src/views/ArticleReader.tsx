/** An article's text in a dialog, with the quote highlighted and scrolled into view. */
import { useEffect, useRef } from "react";
import { isKnown, locateQuote } from "../model/text";
import { dispatch, useAppState } from "../state";
import { Dialog } from "./Dialog";
import { articleOf } from "./Evidence";

function Paragraphs({ body, range }: { body: string; range: [number, number] | null }) {
  const paragraphs: { start: number; text: string }[] = [];
  const re = /\n\s*\n/g;
  let start = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    paragraphs.push({ start, text: body.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  paragraphs.push({ start, text: body.slice(start) });
  return (
    <>
      {paragraphs.map(({ start, text }) => {
        const end = start + text.length;
        if (!range || range[1] <= start || range[0] >= end) return <p key={start}>{text}</p>;
        const a = Math.max(range[0], start) - start;
        const b = Math.min(range[1], end) - start;
        return (
          <p key={start}>
            {text.slice(0, a)}
            <mark>{text.slice(a, b)}</mark>
            {text.slice(b)}
          </p>
        );
      })}
    </>
  );
}

export function ArticleReader() {
  const reader = useAppState((s) => s.ui.reader);
  const article = useAppState((s) => (reader ? articleOf(s.data.loaded?.graph, reader.article) : undefined));
  const dialog = useRef<HTMLDivElement>(null);
  const close = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!reader) return;
    const opener = document.activeElement as HTMLElement | null;
    close.current?.focus();
    dialog.current?.querySelector("mark")?.scrollIntoView({ block: "center" });
    return () => opener?.focus?.();
  }, [reader]);

  if (!reader || !article) return null;
  const range = reader.quote ? locateQuote(article.body, reader.quote) : null;
  return (
    <Dialog dialogRef={dialog} className="reader" labelledBy="reader-title" onClose={() => dispatch({ type: "closeReader" })}>
      <header>
        <h2 id="reader-title">{article.title}</h2>
        <button ref={close} type="button" aria-label="Close article" onClick={() => dispatch({ type: "closeReader" })}>
          ✕
        </button>
      </header>
      <p className="muted">{[article.publisher, article.author, article.date].filter(isKnown).join(" · ")}</p>
      {reader.quote && !range && <p role="status">The quote could not be found in this text.</p>}
      <div className="reader-body" tabIndex={0} aria-label="Article text">
        <Paragraphs body={article.body} range={range} />
      </div>
      {article.copyright && <p className="muted copyright">{article.copyright}</p>}
      {(article.dateNote || article.note) && (
        <details className="record-notes">
          <summary>About this record</summary>
          {article.dateNote && <p>Date: {article.dateNote}</p>}
          {article.note && <p>{article.note}</p>}
        </details>
      )}
    </Dialog>
  );
}
