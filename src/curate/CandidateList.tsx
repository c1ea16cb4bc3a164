/** Sentences that name two or more actors and that no triple covers, each with a proposed triple to accept, edit or set aside. */
import { useState } from "react";
import type { ArticleInfo, CandidateInfo, Change, ChangeResponse, StudioState } from "../../graph/studio/protocol";
import { namers } from "./names";
import { ReasonForm } from "./SmallForms";
import { useSubmit } from "./use-submit";

export interface CandidateListProps {
  state: StudioState;
  article: ArticleInfo;
  apply: (change: Change) => Promise<ChangeResponse>;
  onEdit: (candidate: CandidateInfo) => void;
  onShow: (sentence: number) => void;
}

function Candidate({
  state,
  article,
  candidate,
  apply,
  onEdit,
  onShow,
}: Omit<CandidateListProps, "onEdit"> & { candidate: CandidateInfo; onEdit: () => void }) {
  const [reviewing, setReviewing] = useState(false);
  const { outcome, busy, submit } = useSubmit(apply);
  const name = namers(state);
  const s = article.sentences[candidate.sentence]!;
  const p = candidate.proposal;
  return (
    <li className="card" data-testid="candidate">
      <button type="button" className="link sentence-link" onClick={() => onShow(candidate.sentence)}>
        {s.text}
      </button>
      <p className={`proposal family-${p.relation ? name.family(p.relation) : "none"}`}>
        <strong>{name.actor(p.subject)}</strong> — {p.relation ? name.relation(p.relation) : <em>no cue word: pick a relation</em>} —{" "}
        <strong>{name.actor(p.object)}</strong> · {p.date}
        {p.cue && <span className="muted"> (cue “{p.cue}”)</span>}
      </p>
      {outcome.message && (
        <p className="form-message" role="alert">
          {outcome.message}
          {outcome.problems.map((x, i) => (
            <span key={i} className="problem-line">
              {" "}
              <code>
                {x.file}:{x.line}
              </code>
              : {x.message}
            </span>
          ))}
        </p>
      )}
      {reviewing ? (
        <ReasonForm
          title="Reviewed: why no triple?"
          placeholder="e.g. the author's conjecture; a heading; a speculation whose fact is recorded elsewhere"
          make={(reason) => ({ kind: "add-reviewed", article: article.id, sentence: article.body.slice(s.start, s.end), reason })}
          apply={apply}
          onDone={() => setReviewing(false)}
        />
      ) : (
        <div className="buttons">
          <button
            type="button"
            className="primary"
            disabled={busy || !p.relation}
            onClick={() =>
              void submit({
                kind: "add-triple",
                article: article.id,
                triple: { subject: p.subject, relation: p.relation, object: p.object, date: p.date, quote: p.quote },
              })
            }
          >
            Accept
          </button>
          <button type="button" onClick={onEdit}>
            Edit…
          </button>
          <button type="button" onClick={() => setReviewing(true)}>
            Review…
          </button>
        </div>
      )}
    </li>
  );
}

export function CandidateList(props: CandidateListProps) {
  const { article } = props;
  if (article.candidates.length === 0)
    return <p className="empty">No open sentence: every sentence naming two or more actors is covered by a triple or reviewed.</p>;
  return (
    <ul className="cards" aria-label="Candidates">
      {article.candidates.map((c) => (
        <Candidate key={`${c.sentence}:${article.sentences[c.sentence]!.text}`} {...props} candidate={c} onEdit={() => props.onEdit(c)} />
      ))}
    </ul>
  );
}
