/** Names of the body that no actor accounts for: each becomes a new actor, another name of an actor, or is marked not an actor. */
import { useState } from "react";
import type { ArticleInfo, Change, ChangeResponse, NameInfo, StudioState } from "../../graph/studio/protocol";
import { AliasForm, ReasonForm } from "./SmallForms";

export interface NameListProps {
  state: StudioState;
  article: ArticleInfo;
  apply: (change: Change) => Promise<ChangeResponse>;
  onNewActor: (name: NameInfo) => void;
  onShow: (sentence: number) => void;
}

function NameCard({
  state,
  article,
  name,
  apply,
  onNewActor,
  onShow,
}: Omit<NameListProps, "onNewActor"> & { name: NameInfo; onNewActor: () => void }) {
  const [open, setOpen] = useState<"alias" | "not" | null>(null);
  const first = article.sentences[name.sentences[0] ?? 0];
  return (
    <li className="card" data-testid="name">
      <p className="name-head">
        <strong>{name.name}</strong>
        {name.sentences.length > 1 && <span className="muted"> · in {name.sentences.length} sentences</span>}
      </p>
      {first && (
        <button type="button" className="link sentence-link" onClick={() => onShow(name.sentences[0]!)}>
          {first.text}
        </button>
      )}
      {open === "alias" && <AliasForm state={state} alias={name.name} apply={apply} onDone={() => setOpen(null)} />}
      {open === "not" && (
        <ReasonForm
          title={`Why is “${name.name}” not an actor?`}
          placeholder="e.g. named only as a venue; a broad region; names the time of an event; a heading"
          make={(reason) => ({ kind: "add-not-actor", article: article.id, name: name.name, reason })}
          apply={apply}
          onDone={() => setOpen(null)}
        />
      )}
      {open === null && (
        <div className="buttons">
          <button type="button" className="primary" onClick={onNewActor}>
            New actor…
          </button>
          <button type="button" onClick={() => setOpen("alias")}>
            Alias of…
          </button>
          <button type="button" onClick={() => setOpen("not")}>
            Not an actor…
          </button>
        </div>
      )}
    </li>
  );
}

export function NameList(props: NameListProps) {
  const { article } = props;
  return (
    <>
      {article.names.length === 0 ? (
        <p className="empty">Every name of this article is an actor, another name of one, or marked not an actor.</p>
      ) : (
        <ul className="cards" aria-label="Names without an actor">
          {article.names.map((n) => (
            <NameCard key={n.key} {...props} name={n} onNewActor={() => props.onNewActor(n)} />
          ))}
        </ul>
      )}
      {article.notActors.length > 0 && (
        <details className="settled">
          <summary>Marked not an actor ({article.notActors.length})</summary>
          <ul>
            {article.notActors.map((n) => (
              <li key={n.name}>
                <strong>{n.name}</strong>: {n.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
