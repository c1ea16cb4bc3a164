/** One sentence: what it names, how it is covered, its triples; a triple or a review from it. */
import { useState } from "react";
import type { ArticleInfo, Change, ChangeResponse, StudioState } from "../../graph/studio/protocol";
import { namers } from "./names";
import { ReasonForm } from "./SmallForms";

const STATUS: Record<string, string> = {
  single: "names fewer than two actors",
  covered: "covered by a triple",
  reviewed: "reviewed",
  open: "open: names two or more actors, no triple covers it",
};

export interface SentencePanelProps {
  state: StudioState;
  article: ArticleInfo;
  index: number | null;
  apply: (change: Change) => Promise<ChangeResponse>;
  onTripleFrom: (start: number, end: number) => void;
}

export function SentencePanel({ state, article, index, apply, onTripleFrom }: SentencePanelProps) {
  const [reviewing, setReviewing] = useState(false);
  const name = namers(state);
  if (index === null)
    return (
      <p className="empty">Click a sentence to see what it names and how it is covered, or select a passage of it to make a triple.</p>
    );
  const s = article.sentences[index]!;
  const actors = [...new Set(s.mentions.map((m) => m.actor))];
  return (
    <div className="sentence-panel">
      <blockquote className="quote">{article.body.slice(s.start, s.end)}</blockquote>
      <p>
        <span className={`badge s-${s.status}`}>{STATUS[s.status]}</span>
        {s.reason && <span className="muted"> — {s.reason}</span>}
      </p>
      <h4>Actors</h4>
      <p>{actors.length ? actors.map(name.actor).join(", ") : <span className="muted">none</span>}</p>
      <h4>Triples quoting it</h4>
      {s.triples.length === 0 ? (
        <p className="muted">none</p>
      ) : (
        <ul className="triples">
          {s.triples.map((t) => {
            const triple = article.triples[t]!;
            return (
              <li key={t}>
                <strong>{name.actor(triple.subject)}</strong> — {name.relation(triple.relation)} —{" "}
                <strong>{name.actor(triple.object)}</strong> · {triple.date}{" "}
                <span className="muted">
                  ({article.triplesFile}:{triple.line}) “{triple.quote}”
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {reviewing ? (
        <ReasonForm
          title="Reviewed: why no triple?"
          placeholder="e.g. the author's conjecture; a heading"
          make={(reason) => ({ kind: "add-reviewed", article: article.id, sentence: article.body.slice(s.start, s.end), reason })}
          apply={apply}
          onDone={() => setReviewing(false)}
        />
      ) : (
        <div className="buttons">
          <button type="button" className="primary" onClick={() => onTripleFrom(s.start, s.end)}>
            Triple from this sentence…
          </button>
          {s.status !== "reviewed" && (
            <button type="button" onClick={() => setReviewing(true)}>
              Review…
            </button>
          )}
        </div>
      )}
    </div>
  );
}
