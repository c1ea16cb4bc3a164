/**
 * What the curation studio's page (src/curate) and its write API (this
 * folder, in the dev server) exchange, as JSON. Types and constants only:
 * the page imports this file and nothing else of graph/.
 *
 * Files are named relative to the corpus directory ("triples/a1.yaml"); the
 * page never names a path to write, only the change it wants: the server
 * derives the file from ids it checks.
 */

/** Where the API answers, on the dev server's origin. */
export const API_PATH = "/__curate/api";

/** Vite custom events sent to every page of the dev server. */
export { GRAPH_UPDATED_EVENT } from "../../src/model/dev-events";
export const CORPUS_CHANGED_EVENT = "kg:corpus-changed";

export interface CorpusChangedEvent {
  /** Corpus files that changed on disk, not by the studio. */
  files: string[];
}

/** A version of a file: a hash of its bytes, or null when it does not exist. */
export type FileVersion = string | null;

export interface StudioProblem {
  /** Relative to the corpus; "" for the corpus as a whole. */
  file: string;
  /** 1-based, or 0 for the whole file. */
  line: number;
  message: string;
  severity: "error" | "warning" | "note";
  /** The field of the submitted change that the problem concerns, when one does. */
  field?: string;
}

export interface ActorInfo {
  id: string;
  label: string;
  kind: string;
  aliases: string[];
  description: string;
  role?: string;
  affiliation?: string;
  /** Triples that name it, in all articles. */
  uses: number;
}

export interface RelationInfo {
  id: string;
  label: string;
  family: string;
  directed: boolean;
  cues: string[];
}

/** [start, end) in the article's body as written (not normalised). */
export interface Span {
  start: number;
  end: number;
}

export interface SentenceInfo extends Span {
  /** Normalised, as the coverage report and the reviewed list hold it. */
  text: string;
  /** "single": names fewer than two actors; the rest as in the coverage report. */
  status: "single" | "covered" | "reviewed" | "open";
  /** Why the curator set it aside, when reviewed. */
  reason?: string;
  mentions: (Span & { actor: string })[];
  /** Names without an actor in it (keys of `ArticleInfo.names`). */
  names: (Span & { key: string })[];
  /** Indices into `ArticleInfo.triples` of the quotes that lie in it. */
  triples: number[];
}

export interface ActorDraft {
  id: string;
  label: string;
  kind: string;
  aliases: string[];
  description: string;
  role?: string;
  affiliation?: string;
}

export interface TripleDraft {
  subject: string;
  relation: string;
  object: string;
  date: string;
  quote: string;
}

export interface NameInfo {
  name: string;
  key: string;
  /** Sentences (indices into `ArticleInfo.sentences`) that use it. */
  sentences: number[];
  /** A new actor prefilled from the text. */
  suggestion: ActorDraft;
}

export interface CandidateInfo {
  /** Index into `ArticleInfo.sentences`. */
  sentence: number;
  /** Actors the sentence names, in order of first mention. */
  actors: string[];
  proposal: TripleDraft & { relation: string; cue: string | null };
}

export interface ArticleInfo {
  id: string;
  /** Relative to the corpus. */
  file: string;
  triplesFile: string;
  title: string;
  publisher: string;
  author?: string;
  date: string;
  body: string;
  /** Paragraphs, each a list of indices into `sentences`. */
  paragraphs: number[][];
  sentences: SentenceInfo[];
  triples: (TripleDraft & { line: number })[];
  names: NameInfo[];
  notActors: { name: string; reason: string }[];
  candidates: CandidateInfo[];
  counts: { multiActor: number; covered: number; reviewed: number; open: number; unusedActors: number; names: number };
}

export interface StudioState {
  corpus: { name: string; dir: string };
  articles: ArticleInfo[];
  actors: ActorInfo[];
  relations: RelationInfo[];
  kinds: readonly string[];
  /** Everything the build says of the corpus as it is on disk. */
  problems: StudioProblem[];
  /** Versions of the corpus files as read for this state; a change names the ones it was based on. */
  versions: Record<string, FileVersion>;
  /** Open items of the coverage report, names without an actor included. */
  openItems: number;
}

export interface ArticleDraft {
  title: string;
  publisher: string;
  author?: string;
  date: string;
  date_note: string;
  note?: string;
  copyright?: string;
  body: string;
}

export type Change =
  | { kind: "add-actor"; actor: ActorDraft }
  | { kind: "add-alias"; actor: string; alias: string }
  | { kind: "add-triple"; article: string; triple: TripleDraft }
  | { kind: "add-reviewed"; article: string; sentence: string; reason: string }
  | { kind: "add-not-actor"; article: string; name: string; reason: string }
  | { kind: "add-article"; id: string; article: ArticleDraft };

export interface ChangeRequest {
  change: Change;
  /** The versions the page read (StudioState.versions). */
  versions: Record<string, FileVersion>;
}

export interface ProposeRequest {
  article: string;
  /** The selected text, as the body writes it. */
  quote: string;
}

export type ProposeResponse =
  | {
      ok: true;
      /** Actors the quote's sentence names, in order. */
      actors: string[];
      proposal: TripleDraft & { cue: string | null };
    }
  | { ok: false; message: string };

export type ChangeResponse =
  | {
      ok: true;
      state: StudioState;
      /** The files written, relative to the corpus. */
      written: string[];
      /** Warnings and notes the change brought (an actor no triple uses yet). */
      notes: StudioProblem[];
    }
  /** The change breaks a rule of the build: nothing was written. */
  | { ok: false; kind: "invalid"; message: string; problems: StudioProblem[] }
  /** A file changed on disk since the page read it: nothing was written. */
  | { ok: false; kind: "conflict"; message: string; files: string[] }
  /** Not allowed (a path outside the corpus, a symbolic link, a malformed request). */
  | { ok: false; kind: "refused"; message: string };
