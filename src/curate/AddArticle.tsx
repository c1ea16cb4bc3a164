/**
 * A new article from a pasted text or a .txt/.html file: the text in
 * paragraphs, of which the curator keeps the body (reader comments, tag
 * lists and share widgets are not the body), and the metadata, with how the
 * date was inferred. The scaffold is written as articles/<id>.yaml.
 */
import { useState } from "react";
import type { ArticleDraft, Change, ChangeResponse } from "../../graph/studio/protocol";
import { slugify } from "../model/text";
import { FieldProblems } from "./FieldProblems";
import { htmlParagraphs, isHtml, textParagraphs } from "./import-text";
import { useSubmit } from "./use-submit";

export interface AddArticleProps {
  apply: (change: Change) => Promise<ChangeResponse>;
  onCreated: (id: string) => void;
  onCancel: () => void;
}

type Meta = Omit<ArticleDraft, "body">;

const FIELDS: { key: keyof Meta; label: string; hint?: string; multiline?: boolean }[] = [
  { key: "title", label: "Title", hint: "As the text gives it; if it has none, derive one and say so in the note." },
  { key: "publisher", label: "Publisher", hint: "From the text only; “unknown” when it names none." },
  { key: "author", label: "Author (optional)", hint: "Only when the text names one." },
  { key: "date", label: "Date", hint: "YYYY, YYYY-MM or YYYY-MM-DD, as precisely as the text allows." },
  {
    key: "date_note",
    label: "How the date was inferred",
    hint: "From what in the text: a dateline, a copyright line, the latest event it mentions…",
    multiline: true,
  },
  {
    key: "note",
    label: "Note (optional)",
    hint: "Other inferred metadata, and what was left out of the body as page furniture.",
    multiline: true,
  },
  { key: "copyright", label: "Copyright (optional)", multiline: true },
];

export function AddArticle({ apply, onCreated, onCancel }: AddArticleProps) {
  const [source, setSource] = useState("");
  const [paragraphs, setParagraphs] = useState<string[] | null>(null);
  const [kept, setKept] = useState<boolean[]>([]);
  const [meta, setMeta] = useState<Meta>({ title: "", publisher: "", author: "", date: "", date_note: "", note: "", copyright: "" });
  const [id, setId] = useState<string | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const { outcome, busy, submit } = useSubmit(apply);
  const articleId = id ?? slugify(meta.title);

  const split = (list: string[]) => {
    setParagraphs(list);
    setKept(list.map(() => true));
  };
  const endsAt = (i: number) => setKept((k) => k.map((v, j) => (j <= i ? v : false)));
  const startsAt = (i: number) => setKept((k) => k.map((v, j) => (j >= i ? v : false)));
  const body = (paragraphs ?? []).filter((_, i) => kept[i]).join("\n\n");

  return (
    <section className="add-article" aria-label="Add an article">
      <div className="add-source">
        <h2>Add an article</h2>
        {paragraphs === null ? (
          <>
            <div className="field">
              <label htmlFor="article-source">Paste the article&rsquo;s text</label>
              <textarea id="article-source" rows={14} value={source} onChange={(e) => setSource(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="article-file">…or open a .txt or .html file</label>
              <input
                id="article-file"
                type="file"
                accept=".txt,.html,.htm,text/plain,text/html"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (!file) return;
                  file.text().then(
                    (text) => {
                      setReadError(null);
                      split(isHtml(file.name, file.type) ? htmlParagraphs(text) : textParagraphs(text));
                    },
                    (err: Error) => setReadError(`${file.name} could not be read: ${err.message}`),
                  );
                }}
              />
              {readError && (
                <p className="form-message" role="alert">
                  {readError}
                </p>
              )}
            </div>
            <div className="buttons">
              <button type="button" className="primary" disabled={!source.trim()} onClick={() => split(textParagraphs(source))}>
                Split into paragraphs
              </button>
              <button type="button" onClick={onCancel}>
                Cancel
              </button>
            </div>
          </>
        ) : (
          <>
            <p className="hint">
              Keep the article&rsquo;s body only: untick page furniture, and mark where the body ends (reader comments, tag lists and share
              widgets follow it). {kept.filter(Boolean).length} of {paragraphs.length} paragraphs kept.
            </p>
            <ol className="paragraphs">
              {paragraphs.map((p, i) => (
                <li key={i} className={kept[i] ? "kept" : "dropped"} data-testid="paragraph">
                  <label>
                    <input
                      type="checkbox"
                      checked={kept[i] ?? false}
                      onChange={(e) => setKept((k) => k.map((v, j) => (j === i ? e.target.checked : v)))}
                    />
                    <span className="paragraph-text">{p}</span>
                  </label>
                  <span className="paragraph-buttons">
                    <button type="button" onClick={() => startsAt(i)}>
                      Body starts here
                    </button>
                    <button type="button" onClick={() => endsAt(i)}>
                      Body ends here
                    </button>
                  </span>
                </li>
              ))}
            </ol>
            <button type="button" onClick={() => setParagraphs(null)}>
              Back to the text
            </button>
          </>
        )}
      </div>
      <form
        className="form add-meta"
        aria-label="Article metadata"
        onSubmit={(e) => {
          e.preventDefault();
          const clean = Object.fromEntries(
            Object.entries(meta)
              .map(([k, v]) => [k, v.trim()])
              .filter(([, v]) => v !== ""),
          ) as Meta;
          void submit({ kind: "add-article", id: articleId, article: { ...clean, date_note: meta.date_note.trim(), body } }).then(
            (ok) => ok && onCreated(articleId),
          );
        }}
      >
        <h3>Metadata</h3>
        <FieldProblems problems={outcome.problems} />
        {outcome.message && outcome.problems.length === 0 && (
          <p className="form-message" role="alert">
            {outcome.message}
          </p>
        )}
        {FIELDS.map((f) => (
          <div className="field" key={f.key}>
            <label htmlFor={`meta-${f.key}`}>{f.label}</label>
            {f.multiline ? (
              <textarea
                id={`meta-${f.key}`}
                rows={3}
                value={meta[f.key] ?? ""}
                onChange={(e) => setMeta((m) => ({ ...m, [f.key]: e.target.value }))}
              />
            ) : (
              <input id={`meta-${f.key}`} value={meta[f.key] ?? ""} onChange={(e) => setMeta((m) => ({ ...m, [f.key]: e.target.value }))} />
            )}
            {f.hint && <p className="hint">{f.hint}</p>}
            <FieldProblems problems={outcome.problems} field={f.key} />
          </div>
        ))}
        <div className="field">
          <label htmlFor="meta-id">Id (the file name)</label>
          <input id="meta-id" value={articleId} onChange={(e) => setId(e.target.value)} />
          <p className="hint">articles/{articleId || "…"}.yaml</p>
          <FieldProblems problems={outcome.problems} field="id" />
        </div>
        <FieldProblems problems={outcome.problems} field="body" />
        <div className="buttons">
          <button type="submit" className="primary" disabled={busy || !paragraphs || !body || !articleId}>
            Create article
          </button>
        </div>
      </form>
    </section>
  );
}
