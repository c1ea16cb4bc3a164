/**
 * The curation studio: the articles on the left, the one being read in the
 * middle, and on the right what is left to curate in it (candidates, names
 * without an actor), the sentence looked at, and the corpus's problems.
 * Forms open in the right column; every change goes to the server, which
 * checks it with the build's rules and writes it.
 */
import { useMemo, useState } from "react";
import type { ActorDraft, ArticleInfo, StudioState, TripleDraft } from "../../graph/studio/protocol";
import { ActorForm } from "./ActorForm";
import { AddArticle } from "./AddArticle";
import { proposeFor } from "./api";
import { ArticleText } from "./ArticleText";
import { CandidateList } from "./CandidateList";
import { namers } from "./names";
import { NameList } from "./NameList";
import { ProblemList } from "./ProblemList";
import { SentencePanel } from "./SentencePanel";
import { TripleForm } from "./TripleForm";
import { useStudio } from "./use-studio";

type Tab = "candidates" | "names" | "sentence" | "problems";

type Editing =
  | { kind: "triple"; key: number; initial: TripleDraft; actors: string[]; relation?: string; title: string }
  | { kind: "actor"; key: number; initial: ActorDraft }
  | null;

function Counts({ article }: { article: ArticleInfo }) {
  const c = article.counts;
  const open = c.open + c.unusedActors;
  return (
    <span className="counts">
      {open > 0 && <span className="badge s-open">{open} open</span>}
      {c.names > 0 && <span className="badge name">{c.names} names</span>}
      {open === 0 && c.names === 0 && <span className="badge s-covered">done</span>}
    </span>
  );
}

export function Studio() {
  const studio = useStudio();
  const { state } = studio;
  const [articleId, setArticleId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [tab, setTab] = useState<Tab>("candidates");
  const [sentence, setSentence] = useState<number | null>(null);
  const [editing, setEditing] = useState<Editing>(null);

  const article = state?.articles.find((a) => a.id === articleId) ?? state?.articles[0] ?? null;
  const openArticle = (id: string) => {
    setArticleId(id);
    setSentence(null);
    setEditing(null);
  };

  if (studio.error && !state)
    return (
      <main className="studio-error" role="alert">
        <h1>Curation studio</h1>
        <p>{studio.error}</p>
        <button type="button" onClick={() => void studio.reload()}>
          Try again
        </button>
      </main>
    );
  if (!state) return <main className="studio-loading">Loading the corpus…</main>;

  const errors = state.problems.filter((p) => p.severity === "error").length;
  const tripleFrom = async (a: ArticleInfo, start: number, end: number) => {
    const r = await proposeFor(a.id, a.body.slice(start, end));
    if (!r.ok) {
      studio.say(r.message);
      return;
    }
    setEditing({
      kind: "triple",
      key: Date.now(),
      initial: r.proposal,
      actors: r.actors,
      relation: r.proposal.relation || undefined,
      title: "New triple from the selection",
    });
  };

  return (
    <div className="studio">
      <header className="studio-header">
        <h1>Curation studio</h1>
        <span className="corpus-name" title={state.corpus.dir}>
          {state.corpus.name}
        </span>
        <span className={`badge ${state.openItems === 0 ? "s-covered" : "s-open"}`} data-testid="open-items">
          {state.openItems === 0 ? "nothing open" : `${state.openItems} open items`}
        </span>
        {errors > 0 && (
          <button type="button" className="badge error" onClick={() => setTab("problems")}>
            {errors} errors
          </button>
        )}
        <a className="explorer-link" href="/" target="_blank" rel="noopener">
          Open the explorer ↗
        </a>
      </header>
      {studio.conflict && (
        <div className="banner conflict" role="alert">
          {studio.conflict.message}{" "}
          <button type="button" onClick={() => void studio.reload()}>
            Reload from disk
          </button>
        </div>
      )}
      {studio.changedOnDisk.length > 0 && !studio.conflict && (
        <div className="banner changed" role="status">
          Changed on disk since the studio read them: {studio.changedOnDisk.join(", ")}.{" "}
          <button type="button" onClick={() => void studio.reload()}>
            Reload
          </button>
        </div>
      )}
      {studio.notice && (
        <div className="banner notice" role="status">
          {studio.notice}
        </div>
      )}
      <div className="studio-body">
        <nav className="studio-articles" aria-label="Articles">
          <ul>
            {state.articles.map((a) => (
              <li key={a.id}>
                <button
                  type="button"
                  aria-current={!adding && a.id === article?.id ? "page" : undefined}
                  onClick={() => {
                    setAdding(false);
                    openArticle(a.id);
                  }}
                >
                  <span className="article-title">{a.title}</span>
                  <span className="article-meta">
                    {a.date} · {a.id}
                  </span>
                  <Counts article={a} />
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="primary add-button" onClick={() => setAdding(true)}>
            Add an article…
          </button>
        </nav>
        {adding ? (
          <AddArticle
            apply={studio.apply}
            onCancel={() => setAdding(false)}
            onCreated={(id) => {
              setAdding(false);
              openArticle(id);
              setTab("names");
            }}
          />
        ) : article ? (
          <ArticleView
            state={state}
            article={article}
            tab={tab}
            setTab={setTab}
            sentence={sentence}
            setSentence={setSentence}
            editing={editing}
            setEditing={setEditing}
            studio={studio}
            onQuote={(start, end) => void tripleFrom(article, start, end)}
            onNotice={studio.say}
          />
        ) : (
          <p className="empty">The corpus has no article yet: add one.</p>
        )}
      </div>
    </div>
  );
}

interface ArticleViewProps {
  state: StudioState;
  article: ArticleInfo;
  tab: Tab;
  setTab: (t: Tab) => void;
  sentence: number | null;
  setSentence: (i: number | null) => void;
  editing: Editing;
  setEditing: (e: Editing) => void;
  studio: ReturnType<typeof useStudio>;
  onQuote: (start: number, end: number) => void;
  onNotice: (message: string) => void;
}

function ArticleView({
  state,
  article,
  tab,
  setTab,
  sentence,
  setSentence,
  editing,
  setEditing,
  studio,
  onQuote,
  onNotice,
}: ArticleViewProps) {
  const name = useMemo(() => namers(state), [state]);
  const show = (i: number) => {
    setSentence(i);
    document.querySelector(`[data-sentence="${i}"]`)?.scrollIntoView({ block: "center", behavior: "smooth" });
  };
  const tabs: [Tab, string][] = [
    ["candidates", `Candidates (${article.candidates.length})`],
    ["names", `Names (${article.names.length})`],
    ["sentence", "Sentence"],
    ["problems", `Problems (${state.problems.length})`],
  ];
  return (
    <>
      <article className="studio-reader" aria-label="Article">
        <header>
          <h2>{article.title}</h2>
          <p className="muted">
            {article.publisher}
            {article.author ? ` · ${article.author}` : ""} · {article.date} · <code>{article.file}</code>
          </p>
          <p className="legend">
            <span className="mention">actor</span> <span className="name">name without an actor</span>{" "}
            <span className="sentence s-covered">covered</span> <span className="sentence s-reviewed">reviewed</span>{" "}
            <span className="sentence s-open">open</span> — select a passage to quote it
          </p>
        </header>
        <ArticleText
          article={article}
          describeActor={name.actor}
          selected={sentence}
          onSentence={(i) => {
            setSentence(i);
            setTab("sentence");
          }}
          onQuote={onQuote}
          onBadSelection={onNotice}
        />
      </article>
      <aside className="panel" aria-label="Curation">
        {editing ? (
          editing.kind === "triple" ? (
            <TripleForm
              key={editing.key}
              state={state}
              article={article}
              initial={editing.initial}
              actors={editing.actors}
              suggestedRelation={editing.relation}
              title={editing.title}
              apply={studio.apply}
              onDone={() => setEditing(null)}
            />
          ) : (
            <ActorForm key={editing.key} state={state} initial={editing.initial} apply={studio.apply} onDone={() => setEditing(null)} />
          )
        ) : (
          <>
            <div className="tabs" role="tablist">
              {tabs.map(([t, label]) => (
                <button key={t} type="button" role="tab" aria-selected={tab === t} onClick={() => setTab(t)}>
                  {label}
                </button>
              ))}
            </div>
            <div className="tab-body" role="tabpanel">
              {tab === "candidates" && (
                <CandidateList
                  state={state}
                  article={article}
                  apply={studio.apply}
                  onShow={show}
                  onEdit={(c) =>
                    setEditing({
                      kind: "triple",
                      key: Date.now(),
                      initial: c.proposal,
                      actors: c.actors,
                      relation: c.proposal.relation || undefined,
                      title: "Edit the proposed triple",
                    })
                  }
                />
              )}
              {tab === "names" && (
                <NameList
                  state={state}
                  article={article}
                  apply={studio.apply}
                  onShow={show}
                  onNewActor={(n) => setEditing({ kind: "actor", key: Date.now(), initial: n.suggestion })}
                />
              )}
              {tab === "sentence" && (
                <SentencePanel
                  key={sentence ?? -1}
                  state={state}
                  article={article}
                  index={sentence}
                  apply={studio.apply}
                  onTripleFrom={onQuote}
                />
              )}
              {tab === "problems" && <ProblemList problems={state.problems} />}
            </div>
          </>
        )}
      </aside>
    </>
  );
}
